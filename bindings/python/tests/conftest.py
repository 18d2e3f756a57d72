import os
import pathlib

import pytest

import dialer

NOON_NEW_YORK_US = 1773158400000000  # 2026-03-10T16:00:00Z


class RecordingProvider(dialer.TelephonyProvider):
    """Accepts every command and remembers it."""

    def __init__(self):
        self.placed = []
        self.commands = []

    def place_call(self, request):
        if not request.to.startswith("+1"):
            raise dialer.InvalidArgumentError(f"only +1 numbers, got {request.to}")
        self.placed.append(request)

    def cancel_call(self, call_id):
        self.commands.append(("cancel", call_id))

    def hangup(self, call_id):
        self.commands.append(("hangup", call_id))

    def bridge(self, call_id, conference):
        self.commands.append(("bridge", call_id))

    def play_and_hangup(self, call_id, audio, after_beep):
        self.commands.append(("play", call_id))


CONFIG = {"campaigns": [{"id": "q3", "caller_ids": ["+12125550100"],
                         "auto_advance_delay_s": 2, "wrap_up": {"mode": "manual"}}]}
ADA = {"first_name": "Ada", "phone": "+12125550123", "state": "NY",
       "time_zone": "America/New_York"}


@pytest.fixture
def provider():
    return RecordingProvider()


@pytest.fixture
def clock():
    return dialer.ManualClock(NOON_NEW_YORK_US)


@pytest.fixture
def events():
    return []


@pytest.fixture
def engine(provider, clock, events):
    with dialer.Engine(CONFIG, provider=provider, clock=clock,
                       store=dialer.MemoryStore(), on_event=events.append) as e:
        yield e


@pytest.fixture
def conformance_scenario():
    root = pathlib.Path(os.environ.get("DIALER_SOURCE_DIR",
                                       pathlib.Path(__file__).parents[3]))
    return (root / "tests" / "conformance" / "scenario.json").read_text()
