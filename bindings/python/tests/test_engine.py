import threading

import pytest

import dialer
from conftest import ADA, CONFIG, RecordingProvider


def test_power_call_from_login_to_disposition(engine, provider, clock, events):
    contact_id = engine.add_contact("q3", ADA)
    assert contact_id > 0
    engine.login("alice", "q3")
    engine.ready("alice")
    clock.advance(2)
    assert len(provider.placed) == 1
    call = provider.placed[0]
    assert call.to == "+12125550123"
    assert isinstance(call.amd_mode, dialer.AmdMode)

    engine.push_provider_event(dialer.ProviderEvent(dialer.ProviderEventType.RINGING, call.call_id))
    engine.push_provider_event(dialer.ProviderEvent(dialer.ProviderEventType.ANSWERED, call.call_id))
    clock.advance(1)
    assert engine.agent("alice")["state"] == "on_call"
    engine.add_note("alice", "asked for a demo")
    engine.push_provider_event(dialer.ProviderEvent(
        dialer.ProviderEventType.COMPLETED, call.call_id, duration_us=60_000_000))
    clock.advance(1)
    with pytest.raises(dialer.FailedPreconditionError):
        engine.ready("alice")
    engine.disposition("alice", "meeting_booked", notes="Tuesday", fields={"deal": "10k"})
    engine.break_("alice", "lunch")

    stats = engine.campaign_stats("q3")
    assert stats["dials"] == 1
    dashboard = engine.dashboard("q3")
    assert [a["agent_id"] for a in dashboard["agents"]] == ["alice"]
    types = {e["type"] for e in events}
    assert {"agent_state", "screen_pop", "call"} <= types
    pops = [e for e in events if e["type"] == "screen_pop"]
    assert pops[0]["contact"]["first_name"] == "Ada"


def test_hangup_machine_frees_the_agent_without_wrap_up(engine, provider, clock):
    engine.add_contact("q3", ADA)
    engine.login("alice", "q3")
    engine.ready("alice")
    clock.advance(2)
    call = provider.placed[0]
    with pytest.raises(dialer.FailedPreconditionError, match="not listening"):
        engine.hangup_machine("alice")  # still ringing
    engine.push_provider_event(dialer.ProviderEvent(dialer.ProviderEventType.ANSWERED, call.call_id))
    clock.advance(1)
    engine.hangup_machine("alice")
    assert ("hangup", call.call_id) in provider.commands
    assert engine.agent("alice")["state"] != "wrap_up"
    engine.push_provider_event(dialer.ProviderEvent(dialer.ProviderEventType.COMPLETED, call.call_id))
    clock.advance(1)
    assert engine.campaign_stats("q3")["machine_answers"] == 1


def test_store_written_in_python_receives_the_attempt(provider, clock):
    store = dialer.MemoryStore()
    with dialer.Engine(CONFIG, provider=provider, clock=clock, store=store) as engine:
        engine.add_contact("q3", ADA)
        engine.login("alice", "q3")
        engine.ready("alice")
        clock.advance(2)
    assert list(store.contacts.values())[0]["phone"] == "+12125550123"
    started = [op for op in store.ops if op["op"] == "attempt_started"]
    assert len(started) == 1 and started[0]["agent_id"] == "alice"


def test_import_csv_reports_every_row(engine):
    engine.add_contact("q3", ADA)
    engine.add_to_dnc("+12125550199")
    report = engine.import_csv("q3", "first_name,phone\nBo,(212) 555-0142\n"
                                     "Cy,nope\nDi,212-555-0199\nAda,+1 212 555 0123\n")
    counts = report["counts"]
    assert counts["rows"] == 4
    assert counts["accepted"] == 1 and len(report["contact_ids"]) == 1
    assert counts["dnc"] == 1 and counts["duplicates_existing"] == 1
    assert {i["line"] for i in report["issues"]} >= {3, 4, 5}


def test_callbacks_from_another_python_thread_do_not_deadlock(engine, clock):
    engine.add_contact("q3", ADA)
    engine.login("alice", "q3")
    stop = threading.Event()
    errors = []

    def poll():
        while not stop.is_set():
            try:
                engine.agent("alice")
                engine.campaign_stats("q3")
            except Exception as e:  # pragma: no cover - reported below
                errors.append(e)
                return

    t = threading.Thread(target=poll)
    t.start()
    for _ in range(50):
        engine.ready("alice")
        clock.advance(1)
        engine.break_("alice")
        clock.advance(1)
    stop.set()
    t.join(timeout=60)
    assert not t.is_alive()
    assert errors == []


def test_close_is_idempotent_and_later_calls_fail(provider, clock):
    engine = dialer.Engine(CONFIG, provider=provider, clock=clock)
    engine.close()
    engine.close()
    assert engine.closed
    with pytest.raises(dialer.FailedPreconditionError):
        engine.login("alice", "q3")


def test_provider_errors_reach_the_engine(clock):
    class Refusing(RecordingProvider):
        def place_call(self, request):
            raise dialer.UnavailableError("switch is down")

    store = dialer.MemoryStore()
    with dialer.Engine(CONFIG, provider=Refusing(), clock=clock, store=store) as engine:
        engine.add_contact("q3", ADA)
        engine.login("alice", "q3")
        engine.ready("alice")
        clock.advance(2)
        stats = engine.campaign_stats("q3")
        assert stats["dials"] == 1 and stats["failed"] == 1
    ended = [op for op in store.ops if op["op"] == "attempt_ended"]
    assert "UNAVAILABLE: switch is down" in ended[0]["provider_error"]
