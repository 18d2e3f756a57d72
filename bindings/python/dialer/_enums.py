"""Enumerations of the dialer API, valued as the C ABI's DIALER_* constants."""

from __future__ import annotations

import enum

from . import _core


class StatusCode(enum.IntEnum):
    """Status codes of the C ABI; the numbers equal ``absl::StatusCode``."""

    OK = _core.DIALER_OK
    CANCELLED = _core.DIALER_CANCELLED
    UNKNOWN = _core.DIALER_UNKNOWN
    INVALID_ARGUMENT = _core.DIALER_INVALID_ARGUMENT
    DEADLINE_EXCEEDED = _core.DIALER_DEADLINE_EXCEEDED
    NOT_FOUND = _core.DIALER_NOT_FOUND
    ALREADY_EXISTS = _core.DIALER_ALREADY_EXISTS
    PERMISSION_DENIED = _core.DIALER_PERMISSION_DENIED
    RESOURCE_EXHAUSTED = _core.DIALER_RESOURCE_EXHAUSTED
    FAILED_PRECONDITION = _core.DIALER_FAILED_PRECONDITION
    ABORTED = _core.DIALER_ABORTED
    OUT_OF_RANGE = _core.DIALER_OUT_OF_RANGE
    UNIMPLEMENTED = _core.DIALER_UNIMPLEMENTED
    INTERNAL = _core.DIALER_INTERNAL
    UNAVAILABLE = _core.DIALER_UNAVAILABLE
    DATA_LOSS = _core.DIALER_DATA_LOSS
    UNAUTHENTICATED = _core.DIALER_UNAUTHENTICATED


class DialMode(enum.IntEnum):
    """How a campaign decides how many calls to have in flight."""

    POWER = _core.DIALER_MODE_POWER
    """One call per ready agent, the agent listening from the start."""
    PARALLEL = _core.DIALER_MODE_PARALLEL
    """A fixed number of lines per ready agent."""
    PREDICTIVE = _core.DIALER_MODE_PREDICTIVE
    """Lines computed from the campaign's observed statistics."""


class AgentState(enum.IntEnum):
    """What an agent is doing, as the engine sees it."""

    LOGGED_OUT = _core.DIALER_AGENT_LOGGED_OUT
    READY = _core.DIALER_AGENT_READY
    """Waiting for the next contact."""
    PREVIEW = _core.DIALER_AGENT_PREVIEW
    """Looking at the next contact before it is dialed."""
    DIALING = _core.DIALER_AGENT_DIALING
    """A call for this agent is ringing."""
    ON_CALL = _core.DIALER_AGENT_ON_CALL
    """Talking to a prospect (or listening to a greeting)."""
    WRAP_UP = _core.DIALER_AGENT_WRAP_UP
    """Call ended; dispositioning and notes."""
    BREAK = _core.DIALER_AGENT_BREAK
    """Paused by the agent or a manager."""


class CallState(enum.IntEnum):
    """Life cycle of one call attempt; ENDED is terminal."""

    DIALING = _core.DIALER_CALL_DIALING
    RINGING = _core.DIALER_CALL_RINGING
    ANSWERED = _core.DIALER_CALL_ANSWERED
    CONNECTING = _core.DIALER_CALL_CONNECTING
    CONNECTED = _core.DIALER_CALL_CONNECTED
    MACHINE = _core.DIALER_CALL_MACHINE
    ABANDONING = _core.DIALER_CALL_ABANDONING
    ENDED = _core.DIALER_CALL_ENDED


class ProviderEventType(enum.IntEnum):
    """Kinds of events a telephony provider reports about a call."""

    RINGING = _core.DIALER_PROVIDER_EVENT_RINGING
    ANSWERED = _core.DIALER_PROVIDER_EVENT_ANSWERED
    """Picked up, by a person or a machine."""
    AMD = _core.DIALER_PROVIDER_EVENT_AMD
    """The answering-machine detector's verdict (``amd``)."""
    BRIDGED = _core.DIALER_PROVIDER_EVENT_BRIDGED
    COMPLETED = _core.DIALER_PROVIDER_EVENT_COMPLETED
    """The call is over (``end_status``, ``duration``)."""
    FAILED = _core.DIALER_PROVIDER_EVENT_FAILED
    """Could not be placed or broke (``error_code``, ``error_message``)."""
    PLAYBACK_DONE = _core.DIALER_PROVIDER_EVENT_PLAYBACK_DONE


class AmdResult(enum.IntEnum):
    """Verdict of the provider's answering-machine detector."""

    HUMAN = _core.DIALER_AMD_HUMAN
    MACHINE_START = _core.DIALER_AMD_MACHINE_START
    MACHINE_END_BEEP = _core.DIALER_AMD_MACHINE_END_BEEP
    MACHINE_END_SILENCE = _core.DIALER_AMD_MACHINE_END_SILENCE
    MACHINE_END_OTHER = _core.DIALER_AMD_MACHINE_END_OTHER
    FAX = _core.DIALER_AMD_FAX
    UNKNOWN = _core.DIALER_AMD_UNKNOWN


class CallEndStatus(enum.IntEnum):
    """How a call finished, from the network's point of view."""

    COMPLETED = _core.DIALER_END_COMPLETED
    BUSY = _core.DIALER_END_BUSY
    NO_ANSWER = _core.DIALER_END_NO_ANSWER
    FAILED = _core.DIALER_END_FAILED
    CANCELED = _core.DIALER_END_CANCELED


class AmdMode(enum.IntEnum):
    """Answering-machine detection requested when placing a call."""

    OFF = _core.DIALER_AMD_MODE_OFF
    DETECT = _core.DIALER_AMD_MODE_DETECT
    DETECT_MESSAGE_END = _core.DIALER_AMD_MODE_DETECT_MESSAGE_END


class ParticipantRole(enum.IntEnum):
    """Role of a participant in an agent's conference."""

    AGENT = _core.DIALER_ROLE_AGENT
    LISTEN = _core.DIALER_ROLE_LISTEN
    WHISPER = _core.DIALER_ROLE_WHISPER
    BARGE = _core.DIALER_ROLE_BARGE
    TAKEOVER = _core.DIALER_ROLE_TAKEOVER
