"""Errors claimcheck raises for input it cannot read."""

from __future__ import annotations


class ClaimcheckError(Exception):
    """Base class of every error claimcheck raises on bad input."""


class ExpressionError(ClaimcheckError):
    """A claim expression outside the claims language."""

    def __init__(self, message: str, *, position: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


class ValueTextError(ClaimcheckError):
    """A value cell that is not decimal text as the data contract writes it."""


class PackageError(ClaimcheckError):
    """A data package that cannot be read: a missing or malformed file, row or column."""
