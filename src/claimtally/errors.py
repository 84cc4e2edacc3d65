"""Errors claimtally raises for input it cannot read, and how every message names its place."""

from __future__ import annotations


def locate(file: str, row: int | None, label: str | None, message: str) -> str:
    """``file, row N, label: message``, leaving out a missing row or label.

    Every error and finding about a place in a package words it this way, built here rather than
    typed at each site.

    >>> locate("data/values.csv", 4, "gpt_in", "not decimal text")
    'data/values.csv, row 4, gpt_in: not decimal text'
    >>> locate("datapackage.json", None, None, "no resources")
    'datapackage.json: no resources'
    """
    parts = [file] + ([f"row {row}"] if row else []) + ([label] if label else [])
    return f"{', '.join(parts)}: {message}"


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


class UsageError(ClaimtallyError):
    """The command line itself is wrong."""
