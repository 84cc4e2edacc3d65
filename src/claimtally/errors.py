"""Errors claimtally raises for input it cannot read."""

from __future__ import annotations


class ClaimtallyError(Exception):
    """Base class of every error claimtally raises on bad input."""


class ExpressionError(ClaimtallyError):
    """A claim expression outside the claims language."""

    def __init__(self, message: str, *, position: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


class ValueTextError(ClaimtallyError):
    """A value cell that is not decimal text as the data contract writes it."""


class PackageError(ClaimtallyError):
    """A data package that cannot be read: a missing or malformed file, row or column."""
