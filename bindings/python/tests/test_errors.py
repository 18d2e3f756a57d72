import pytest

import dialer
from conftest import CONFIG


def test_status_codes_map_to_error_classes_with_builtins(engine):
    with pytest.raises(dialer.NotFoundError) as info:
        engine.add_contact("nope", {"phone": "+12125550123"})
    assert isinstance(info.value, KeyError)
    assert info.value.code == dialer.StatusCode.NOT_FOUND
    assert "nope" in str(info.value)

    with pytest.raises(ValueError) as bad:
        engine.add_contact("q3", {"phone": 5})
    assert isinstance(bad.value, dialer.InvalidArgumentError)
    assert "$.phone" in str(bad.value)

    with pytest.raises(dialer.AlreadyExistsError):
        engine.add_campaign({"id": "q3", "caller_ids": ["+12125550100"]})


def test_bad_config_names_the_path(provider):
    with pytest.raises(dialer.InvalidArgumentError, match=r"\$\.campaigns\[0\]\.mode"):
        dialer.Engine({"campaigns": [{"id": "a", "mode": "turbo"}]}, provider=provider)


def test_every_status_code_has_a_class():
    for code in dialer.StatusCode:
        if code != dialer.StatusCode.OK:
            assert issubclass(dialer._errors.ERROR_CLASSES[code], dialer.Error)


def test_version_matches_the_library():
    assert dialer.version() == tuple(int(x) for x in dialer.__version__.split("."))
