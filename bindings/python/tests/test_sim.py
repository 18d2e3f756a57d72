import json

import pytest

import dialer


def test_simulation_is_reproducible_and_wall_time_is_zeroed(conformance_scenario):
    a = dialer.run_simulation_json(conformance_scenario)
    b = dialer.run_simulation_json(conformance_scenario)
    assert a == b
    report = json.loads(a)
    assert report["dials"] > 0
    assert report["wall_s"] == 0


def test_log_lines_reach_a_python_callback(conformance_scenario):
    lines = []
    report = dialer.run_simulation(conformance_scenario, on_log_line=lines.append)
    assert len(lines) > report["dials"]
    assert all(json.loads(line) for line in lines[:50])


def test_seed_override_changes_the_run(conformance_scenario):
    a = dialer.run_simulation(conformance_scenario)
    b = dialer.run_simulation(conformance_scenario, seed=a["seed"] + 1)
    assert b["seed"] == a["seed"] + 1


def test_bad_scenario_raises_value_error():
    with pytest.raises(ValueError, match=r"\$\.agents\.count"):
        dialer.run_simulation({"format": 1, "agents": {"count": "x"}})
