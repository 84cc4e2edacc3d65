"""Numbers read from cells other than values: counts, tolerances, versions.

Only ASCII digits in the contract's grammar are numbers here, with a bounded number of digits and
no exponent: ``str.isdigit()`` and ``Decimal()`` accept far more (superscript ², Arabic-Indic ٣,
``1e999999999``, ``NaN``), and a number with a huge exponent costs memory to print. Each reader
raises :class:`CellError` with a sentence that the caller places in its file, row and column.
"""

from __future__ import annotations

import re
from decimal import Decimal

from claimtally.errors import ClaimtallyError

#: Digits a count or a tolerance may have: far more than any real one, and cheap to print.
MAX_DIGITS = 18

_COUNT = re.compile(rf"[0-9]{{1,{MAX_DIGITS}}}", re.ASCII)
_DECIMAL = re.compile(rf"[0-9]{{1,{MAX_DIGITS}}}(?:\.[0-9]{{1,{MAX_DIGITS}}})?", re.ASCII)


class CellError(ClaimtallyError):
    """A cell that is not the number its column holds."""


def count(text: str, *, positive: bool = True) -> int:
    """A whole number written in ASCII digits (at most :data:`MAX_DIGITS`); zero is refused when
    ``positive``.

    >>> count("500"), count("007")
    (500, 7)
    >>> count("²")
    Traceback (most recent call last):
    ...
    claimtally.data.cells.CellError: '²' is not a whole number in digits 0-9 (at most 18)
    """
    if not _COUNT.fullmatch(text):
        msg = f"{text[:40]!r} is not a whole number in digits 0-9 (at most {MAX_DIGITS})"
        raise CellError(msg)
    number = int(text)
    if positive and number == 0:
        msg = "is 0; it must be a positive whole number"
        raise CellError(msg)
    return number


def tolerance(text: str) -> Decimal:
    """A non-negative decimal number such as ``0.1`` or ``2`` (no sign, no exponent).

    >>> tolerance("0.10")
    Decimal('0.10')
    >>> tolerance("-1")
    Traceback (most recent call last):
    ...
    claimtally.data.cells.CellError: '-1' is not a non-negative decimal number such as 0.1 or 2
    """
    if not _DECIMAL.fullmatch(text):
        msg = f"{text[:40]!r} is not a non-negative decimal number such as 0.1 or 2"
        raise CellError(msg)
    return Decimal(text)


def version(text: str) -> tuple[int, int, int] | None:
    """A SemVer ``X.Y.Z`` core as three integers, or None when the text is not one.

    >>> version("0.2.10"), version("1.².0"), version("1.0")
    ((0, 2, 10), None, None)
    """
    parts = text.split(".")
    if len(parts) != 3 or not all(_COUNT.fullmatch(p) for p in parts):
        return None
    major, minor, patch = (int(p) for p in parts)
    return major, minor, patch
