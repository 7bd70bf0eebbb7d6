"""Exceptions with messages meant for people: each names the input and the problem."""
from __future__ import annotations


class DatelineError(Exception):
    """Base class; ``code`` is a short machine-readable reason."""
    code = "error"

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        if code:
            self.code = code

    @property
    def message(self) -> str:
        return str(self)


class InputError(DatelineError):
    """The input cannot be analysed (empty, binary, too large, not JSON, no text...)."""
    code = "bad_input"


class InputWarning(UserWarning):
    """Something in the inputs was skipped (a FIFO in a folder, a folder loop); the run goes on."""


class SettingsError(DatelineError):
    code = "bad_settings"


def too_large(what: str, size: int, limit: int) -> InputError:
    """The error for an input over the size limit: names the input, its size, the limit and the fix."""
    return InputError(f"{what} is {size / 1e6:.1f} MB, over the limit of {limit / 1e6:.1f} MB; raise it with "
                      "--max-bytes N (or max_bytes in the settings file)", code="too_large")
