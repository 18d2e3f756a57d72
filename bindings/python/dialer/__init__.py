"""Python binding of the dialer engine (over its stable C ABI).

Example::

    import dialer

    class Switch(dialer.TelephonyProvider):
        def place_call(self, request):
            ...  # later: engine.push_provider_event(dialer.ProviderEvent(...))

    config = {"campaigns": [{"id": "q3", "caller_ids": ["+12125550100"]}]}
    with dialer.Engine(config, provider=Switch(), on_event=print) as engine:
        engine.add_contact("q3", {"first_name": "Ada", "phone": "+12125550123"})
        engine.login("alice", "q3")
        engine.ready("alice")

Threading: an Engine may be used from several threads. The GIL is released
while the engine works and taken for every callback (events, the provider,
the store, the clock); callbacks run on the engine's strand, one at a time.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import heapq
import json
import threading
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple, Union

from . import _core
from ._enums import (AgentState, AmdMode, AmdResult, CallEndStatus, CallState,
                     DialMode, ParticipantRole, ProviderEventType, StatusCode)
from ._errors import (AbortedError, AlreadyExistsError, CancelledError,
                      DataLossError, DeadlineExceededError, Error,
                      FailedPreconditionError, InternalError,
                      InvalidArgumentError, NotFoundError, OutOfRangeError,
                      PermissionDeniedError, ResourceExhaustedError,
                      UnauthenticatedError, UnavailableError,
                      UnimplementedError)

__all__ = [
    "AbortedError", "AgentState", "AlreadyExistsError", "AmdMode", "AmdResult",
    "CallEndStatus", "CallState", "CancelledError", "DataLossError",
    "DeadlineExceededError", "DialMode", "DialRequest", "Engine", "Error",
    "FailedPreconditionError", "InternalError", "InvalidArgumentError",
    "ManualClock", "MemoryStore", "NotFoundError", "OutOfRangeError",
    "ParticipantRole", "PermissionDeniedError", "ProviderEvent",
    "ProviderEventType", "ResourceExhaustedError", "StatusCode", "Store",
    "TelephonyProvider", "UnauthenticatedError", "UnavailableError",
    "UnimplementedError", "run_simulation", "run_simulation_json", "version", "__version__",
]

__version__: str = _core.version_string()

Json = Dict[str, Any]
Time = Union[int, _dt.datetime]


def version() -> Tuple[int, int, int]:
    """The library's (major, minor, patch)."""
    return tuple(_core.version())  # type: ignore[return-value]


def _us(t: Optional[Time]) -> int:
    """Microseconds since the epoch from an int (already µs) or an aware datetime."""
    if t is None:
        return _core.DIALER_TIME_UNKNOWN
    if isinstance(t, _dt.datetime):
        if t.tzinfo is None:
            raise InvalidArgumentError("datetime must be timezone-aware")
        delta = t - _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)
        return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds
    return int(t)


@dataclasses.dataclass(frozen=True)
class DialRequest:
    """One call the engine asks the provider to place."""

    call_id: int
    to: str
    caller_id: str
    ring_timeout_us: int
    amd_mode: AmdMode
    conference: str


@dataclasses.dataclass(frozen=True)
class ProviderEvent:
    """One event of the provider about a call, pushed with Engine.push_provider_event."""

    type: ProviderEventType
    call_id: int
    at: Optional[Time] = None
    amd: AmdResult = AmdResult.UNKNOWN
    end_status: CallEndStatus = CallEndStatus.COMPLETED
    duration_us: int = 0
    error_code: int = 0
    error_message: str = ""


class TelephonyProvider:
    """Base of a telephony provider written in Python.

    Commands are asynchronous: return to accept, raise a dialer.Error (for
    example UnavailableError) to refuse; report what happened later with
    Engine.push_provider_event. Called on the engine's strand.
    """

    def place_call(self, request: DialRequest) -> None:
        raise NotImplementedError

    def cancel_call(self, call_id: int) -> None:
        raise NotImplementedError

    def hangup(self, call_id: int) -> None:
        raise NotImplementedError

    def bridge(self, call_id: int, conference: str) -> None:
        raise NotImplementedError

    def play_and_hangup(self, call_id: int, audio: str, after_beep: bool) -> None:
        raise NotImplementedError

    def set_participant(self, conference: str, participant: str,
                        role: ParticipantRole) -> None:
        raise UnimplementedError("set_participant is not supported")


class _ProviderAdapter:
    """Turns the C ABI's arguments into Python values for a TelephonyProvider."""

    def __init__(self, provider: TelephonyProvider) -> None:
        self._p = provider

    def place_call(self, call_id: int, to: str, caller_id: str, ring_timeout_us: int,
                   amd_mode: int, conference: str) -> None:
        self._p.place_call(DialRequest(call_id, to, caller_id, ring_timeout_us,
                                       AmdMode(amd_mode), conference))

    def cancel_call(self, call_id: int) -> None:
        self._p.cancel_call(call_id)

    def hangup(self, call_id: int) -> None:
        self._p.hangup(call_id)

    def bridge(self, call_id: int, conference: str) -> None:
        self._p.bridge(call_id, conference)

    def play_and_hangup(self, call_id: int, audio: str, after_beep: bool) -> None:
        self._p.play_and_hangup(call_id, audio, after_beep)

    def set_participant(self, conference: str, participant: str, role: int) -> None:
        self._p.set_participant(conference, participant, ParticipantRole(role))


class Store:
    """Base of a durable store written in Python (docs/c-api.md "Store").

    Records are dicts in the JSON shapes of the C ABI. Called on the engine's
    strand; a failure is raised as a dialer.Error.
    """

    def add_contacts(self, contacts: List[Json]) -> List[int]:
        raise NotImplementedError

    def get_contact(self, contact_id: int) -> Json:
        raise NotImplementedError

    def commit(self, ops: List[Json]) -> None:
        raise NotImplementedError

    def attempts_since(self, contact_id: int, since_us: int) -> List[Json]:
        raise NotImplementedError

    def internal_dnc(self) -> List[Json]:
        raise NotImplementedError


class MemoryStore(Store):
    """A Store that keeps everything in Python lists (tests, examples)."""

    def __init__(self) -> None:
        self.contacts: Dict[int, Json] = {}
        self.ops: List[Json] = []
        self._lock = threading.Lock()

    def add_contacts(self, contacts: List[Json]) -> List[int]:
        with self._lock:
            ids = []
            for c in contacts:
                new_id = len(self.contacts) + 1
                self.contacts[new_id] = dict(c, id=new_id)
                ids.append(new_id)
            return ids

    def get_contact(self, contact_id: int) -> Json:
        with self._lock:
            if contact_id not in self.contacts:
                raise NotFoundError(f"contact {contact_id} is not in the store")
            return self.contacts[contact_id]

    def commit(self, ops: List[Json]) -> None:
        with self._lock:
            self.ops.extend(ops)

    def attempts_since(self, contact_id: int, since_us: int) -> List[Json]:
        with self._lock:
            return [op for op in self.ops
                    if op["op"] == "attempt_started" and op["contact_id"] == contact_id
                    and (op["at_us"] or 0) >= since_us]

    def internal_dnc(self) -> List[Json]:
        with self._lock:
            return [op for op in self.ops if op["op"] == "dnc"]


class _StoreAdapter:
    """JSON in and out for a Store."""

    def __init__(self, store: Store) -> None:
        self._s = store

    def add_contacts(self, contacts_json: str) -> str:
        return json.dumps(self._s.add_contacts(json.loads(contacts_json)))

    def get_contact(self, contact_id: int) -> str:
        return json.dumps(self._s.get_contact(contact_id))

    def commit(self, batch_json: str) -> None:
        self._s.commit(json.loads(batch_json)["ops"])

    def attempts_since(self, contact_id: int, since_us: int) -> str:
        return json.dumps(self._s.attempts_since(contact_id, since_us))

    def internal_dnc(self) -> str:
        return json.dumps(self._s.internal_dnc())


class ManualClock:
    """A clock that moves only when told to, for tests and simulations.

    Pass it as ``Engine(..., clock=clock)``; ``advance(seconds)`` then runs the
    engine's timers that come due, in (deadline, scheduling order) order.
    """

    def __init__(self, start: Time = 0) -> None:
        self._now = _us(start)
        self._timers: List[Tuple[int, int, int]] = []  # (when, seq, id)
        self._seq = 0
        self._canceled: set = set()
        self._lock = threading.Lock()
        self._engine: Optional["Engine"] = None

    def now_us(self) -> int:
        return self._now

    def schedule_at(self, when_us: int, timer_id: int) -> None:
        with self._lock:
            self._seq += 1
            heapq.heappush(self._timers, (max(when_us, self._now), self._seq, timer_id))

    def cancel(self, timer_id: int) -> None:
        with self._lock:
            self._canceled.add(timer_id)

    def advance(self, seconds: float) -> int:
        """Moves the time forward, firing due timers; returns how many ran."""
        return self.advance_to(self._now + int(round(seconds * 1e6)))

    def advance_to(self, when: Time) -> int:
        until = _us(when)
        fired = 0
        while True:
            with self._lock:
                if not self._timers or self._timers[0][0] > until:
                    break
                at, _, timer_id = heapq.heappop(self._timers)
                if timer_id in self._canceled:
                    self._canceled.discard(timer_id)
                    continue
                self._now = max(self._now, at)
            if self._engine is not None:
                try:
                    self._engine.fire_timer(timer_id)
                    fired += 1
                except NotFoundError:
                    pass
        self._now = max(self._now, until)
        return fired


EventCallback = Callable[[Json], None]


class Engine:
    """A dialer engine with its campaigns. Close it (or use ``with``).

    ``config`` is the C ABI's config document: ``{"engine": {...},
    "campaigns": [...]}`` (docs/c-api.md). ``on_event`` receives every event
    as a dict; it runs on the engine's strand with the GIL held.
    """

    def __init__(self, config: Optional[Mapping[str, Any]] = None, *,
                 provider: TelephonyProvider, store: Optional[Store] = None,
                 clock: Optional[ManualClock] = None,
                 on_event: Optional[EventCallback] = None) -> None:
        callback = None
        if on_event is not None:
            callback = lambda text: on_event(json.loads(text))  # noqa: E731
        self._clock = clock
        self._h = _core.EngineHandle(
            json.dumps(config) if config is not None else None,
            _ProviderAdapter(provider),
            _StoreAdapter(store) if store is not None else None,
            clock, callback)
        if clock is not None:
            clock._engine = self

    # -- life cycle --
    def close(self) -> None:
        """Stops the engine; calls in flight are not hung up. Idempotent."""
        if self._clock is not None:
            self._clock._engine = None
        self._h.close()

    @property
    def closed(self) -> bool:
        return self._h.closed

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- campaigns and contacts --
    def add_campaign(self, campaign: Mapping[str, Any]) -> None:
        self._h.add_campaign(json.dumps(campaign))

    def add_contact(self, campaign_id: str, contact: Mapping[str, Any]) -> int:
        """Queues one contact; returns its id."""
        return self._h.add_contact(campaign_id, json.dumps(contact))

    def import_csv(self, campaign_id: str, data: Union[bytes, str],
                   **options: Any) -> Json:
        """Imports a CSV file; returns the report (counts, issues, contact_ids).

        Options: default_region, reject_toll_free, mapping, assignment,
        duplicates ("skip" or "merge"), dedupe_by_email, delimiter.
        """
        raw = data.encode() if isinstance(data, str) else bytes(data)
        return json.loads(self._h.import_csv(
            campaign_id, raw, json.dumps(options) if options else None))

    # -- agents --
    def login(self, agent_id: str, campaign_id: str) -> None:
        self._h.login(agent_id, campaign_id)

    def ready(self, agent_id: str) -> None:
        self._h.ready(agent_id)

    def break_(self, agent_id: str, reason: str = "") -> None:
        """Pauses the agent (``break`` is a Python keyword)."""
        self._h.break_(agent_id, reason)

    def logout(self, agent_id: str) -> None:
        self._h.logout(agent_id)

    def dial_now(self, agent_id: str) -> None:
        self._h.dial_now(agent_id)

    def skip_contact(self, agent_id: str) -> None:
        self._h.skip_contact(agent_id)

    def hangup(self, agent_id: str) -> None:
        self._h.hangup(agent_id)

    def drop_voicemail(self, agent_id: str) -> None:
        self._h.drop_voicemail(agent_id)

    def hangup_machine(self, agent_id: str) -> None:
        """Hangs up on the machine the agent hears, leaving no message: the
        call is dispositioned "machine", the agent ready with no wrap-up."""
        self._h.hangup_machine(agent_id)

    def disposition(self, agent_id: str, code: str, *, notes: str = "",
                    fields: Optional[Mapping[str, str]] = None,
                    callback_at: Optional[Time] = None) -> None:
        doc: Json = {"code": code, "notes": notes, "fields": dict(fields or {})}
        if callback_at is not None:
            doc["callback_at_us"] = _us(callback_at)
        self._h.disposition(agent_id, json.dumps(doc))

    def add_note(self, agent_id: str, text: str) -> None:
        self._h.add_note(agent_id, text)

    # -- manager actions --
    def add_to_dnc(self, phone_e164: str, source: str = "api") -> None:
        self._h.add_to_dnc(phone_e164, source)

    # -- observing --
    def campaign_stats(self, campaign_id: str) -> Json:
        return json.loads(self._h.campaign_stats(campaign_id))

    def agent(self, agent_id: str) -> Json:
        return json.loads(self._h.agent(agent_id))

    def dashboard(self, campaign_id: str) -> Json:
        return json.loads(self._h.dashboard(campaign_id))

    # -- provider events and timers --
    def push_provider_event(self, event: ProviderEvent) -> None:
        """Safe from any thread, including inside a provider method."""
        self._h.push_provider_event(
            int(event.type), event.call_id, _us(event.at), int(event.amd),
            int(event.end_status), event.duration_us, event.error_code,
            event.error_message)

    def fire_timer(self, timer_id: int) -> None:
        """Runs a timer a host clock was asked to schedule."""
        self._h.fire_timer(timer_id)


def run_simulation(scenario: Union[str, Mapping[str, Any]], *,
                   pacer: Optional[str] = None, seed: Optional[int] = None,
                   on_log_line: Optional[Callable[[str], None]] = None,
                   keep_wall_time: bool = False) -> Json:
    """Runs a simulated campaign day; returns the report as a dict.

    ``scenario`` is scenario JSON text or a dict. The report's ``wall_s`` is 0
    unless ``keep_wall_time``. ``on_log_line`` receives each event-log line.
    """
    text = scenario if isinstance(scenario, str) else json.dumps(scenario)
    return json.loads(run_simulation_json(text, pacer=pacer, seed=seed,
                                          on_log_line=on_log_line,
                                          keep_wall_time=keep_wall_time))


def run_simulation_json(scenario_json: str, *, pacer: Optional[str] = None,
                        seed: Optional[int] = None,
                        on_log_line: Optional[Callable[[str], None]] = None,
                        keep_wall_time: bool = False) -> str:
    """As run_simulation, but returns the report JSON text unchanged."""
    return _core.sim_run(scenario_json, pacer, seed, on_log_line, keep_wall_time)

