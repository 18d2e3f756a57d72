"""The mapping table between the C ABI's vocabulary and Python's.

C event and field names (``call_answered``, ``agent_state``) are already
snake_case, so Python keeps them; enum members are their upper-case form
(``on_call`` -> ``AgentState.ON_CALL``). This is the one place that knows.
"""

from __future__ import annotations

import enum
from typing import Type, TypeVar

E = TypeVar("E", bound=enum.Enum)


def member_for(enum_type: Type[E], name: str) -> E:
    """The member of ``enum_type`` named by a C/JSON name (``"on_call"``)."""
    return enum_type[name.upper()]


def c_name(member: enum.Enum) -> str:
    """The C/JSON name of an enum member (``AgentState.ON_CALL`` -> ``"on_call"``)."""
    return member.name.lower()
