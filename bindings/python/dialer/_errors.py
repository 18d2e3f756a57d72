"""Exceptions raised for the C ABI's status codes: one table.

Each subclass of :class:`Error` also derives from the builtin exception a
Python programmer would catch for that situation.
"""

from __future__ import annotations

from typing import Dict, Type

from . import _core
from ._enums import StatusCode


class Error(Exception):
    """Base of every dialer error. ``code`` is the :class:`StatusCode`."""

    code: int = StatusCode.UNKNOWN

    @property
    def status(self) -> StatusCode:
        return StatusCode(self.code)


class CancelledError(Error):
    code = StatusCode.CANCELLED


class InvalidArgumentError(Error, ValueError):
    code = StatusCode.INVALID_ARGUMENT


class DeadlineExceededError(Error, TimeoutError):
    code = StatusCode.DEADLINE_EXCEEDED


class NotFoundError(Error, KeyError):
    code = StatusCode.NOT_FOUND

    def __str__(self) -> str:  # KeyError would quote the message.
        return str(self.args[0]) if self.args else ""


class AlreadyExistsError(Error, ValueError):
    code = StatusCode.ALREADY_EXISTS


class PermissionDeniedError(Error, PermissionError):
    code = StatusCode.PERMISSION_DENIED


class ResourceExhaustedError(Error, MemoryError):
    code = StatusCode.RESOURCE_EXHAUSTED


class FailedPreconditionError(Error, RuntimeError):
    code = StatusCode.FAILED_PRECONDITION


class AbortedError(Error, RuntimeError):
    code = StatusCode.ABORTED


class OutOfRangeError(Error, IndexError):
    code = StatusCode.OUT_OF_RANGE


class UnimplementedError(Error, NotImplementedError):
    code = StatusCode.UNIMPLEMENTED


class InternalError(Error, RuntimeError):
    code = StatusCode.INTERNAL


class UnavailableError(Error, ConnectionError):
    code = StatusCode.UNAVAILABLE


class DataLossError(Error, RuntimeError):
    code = StatusCode.DATA_LOSS


class UnauthenticatedError(Error, PermissionError):
    code = StatusCode.UNAUTHENTICATED


ERROR_CLASSES: Dict[int, Type[Error]] = {
    cls.code: cls
    for cls in (
        CancelledError, InvalidArgumentError, DeadlineExceededError, NotFoundError,
        AlreadyExistsError, PermissionDeniedError, ResourceExhaustedError,
        FailedPreconditionError, AbortedError, OutOfRangeError, UnimplementedError,
        InternalError, UnavailableError, DataLossError, UnauthenticatedError,
    )
}
ERROR_CLASSES[StatusCode.UNKNOWN] = Error

_core.set_error_classes(ERROR_CLASSES)
