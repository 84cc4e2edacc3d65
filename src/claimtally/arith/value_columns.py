"""Value rows' strict intervals as integer columns, computed column-wise from the value text.

:func:`claimtally.arith.stated.value_intervals` turns one row into :class:`Interval` objects; at a
million rows those objects cost most of a check. This module computes the same strict intervals for
the rows of the common form at once, as exact integers at one power of ten
(:class:`~claimtally.arith.columns.IntervalColumns`):

>>> cols, fast = strict_columns(["5.30", "2K", "12345678901234567890"], ["false", "true", "false"],
...                             ["", "over", ""], {"over": "above"})
>>> fast.tolist(), cols.places, cols.lo[:2].tolist(), cols.hi_inf[:2].tolist()
([True, True, False], 3, [5295, 2000000], [False, True])

A row is of the common form (``fast``) when its value is value text of at most :data:`MAX_DIGITS`
digits, it states no ``value_max``, its hedge is empty or usable, and its ends fit the integer form;
every other row is left to the per-row code, which also words its errors. The two must agree: the
tests compare them on random rows, ties and signs included.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal

import numpy as np
import numpy.typing as npt
import pandas as pd

from claimtally.arith.columns import MAX_PLACES, IntervalColumns
from claimtally.arith.intervals import Interval

#: Most digits a value of the common form has: its mantissa and its scaled ends stay well inside int64.
MAX_DIGITS = 15

# the contract's value text (as claimtally.arith.stated reads it) with at most MAX_DIGITS digits
_VALUE_TEXT = re.compile(r"(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?([KMB]?)")
_SCALE = {"": 0, "K": 3, "M": 6, "B": 9}

# hedge kinds as small codes; no hedge reads as approx (the rounding interval)
_KINDS = ("approx", "above", "at-least", "below", "at-most", "nearly", "exact")
_CODE = {k: i for i, k in enumerate(_KINDS)}
APPROX, ABOVE, AT_LEAST, BELOW, AT_MOST, NEARLY, EXACT = range(len(_KINDS))

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


def mantissas(texts: Sequence[str], max_digits: int = MAX_DIGITS) -> tuple[IntArray, IntArray, BoolArray]:
    """Each value text as ``mantissa × 10^exponent``, exactly, for texts of at most ``max_digits``
    digits (and :data:`MAX_DIGITS`); ``ok`` is False for the rest. Each distinct text is read once.

    >>> m, e, ok = mantissas(["5.30", "-4.4", "2K", "-0", "5,30"])
    >>> m.tolist(), e.tolist(), ok.tolist()
    ([530, -44, 2, 0, 0], [-2, -1, 3, 0, 0], [True, True, True, True, False])
    """
    codes, uniques = pd.factorize(pd.Series(list(texts), dtype=object), sort=False)
    limit = min(max_digits, MAX_DIGITS)
    m = np.zeros(len(uniques), np.int64)
    e = np.zeros(len(uniques), np.int64)
    ok = np.zeros(len(uniques), np.bool_)
    match = _VALUE_TEXT.fullmatch
    for i, text in enumerate(uniques.tolist()):
        found = match(text)
        if found is None:
            continue
        sign, whole, fraction, suffix = found.groups("")
        digits = whole + fraction
        if len(digits) > limit:
            continue
        m[i] = -int(digits) if sign else int(digits)
        e[i] = _SCALE[suffix] - len(fraction)
        ok[i] = True
    codes = np.asarray(codes, np.int64)
    if len(uniques) == 0:
        return np.zeros(len(codes), np.int64), np.zeros(len(codes), np.int64), np.zeros(len(codes), np.bool_)
    return m[codes], e[codes], ok[codes] & (codes >= 0)


def strict_columns(
    values: Sequence[str],
    exact: Sequence[str],
    hedges: Sequence[str],
    kinds: Mapping[str, str],
    value_max: Sequence[str] | None = None,
    max_digits: int = MAX_DIGITS,
) -> tuple[IntervalColumns, BoolArray]:
    """The strict interval of every row of the common form, and which rows those are.

    Args:
        values, exact, hedges, value_max: the value rows' cells (``value_max`` None: all empty).
        kinds: hedge id → kind for every usable hedge; a row with another hedge is not of the form.
        max_digits: the check's digit limit; a longer value is left to the per-row code.

    Returns:
        The columns (rows not of the form have ``exact`` False and zero ends) and the ``fast`` mask.
    """
    n = len(values)
    m, e, ok = mantissas(values, max_digits)
    hedge_codes, hedge_ids = pd.factorize(pd.Series(list(hedges), dtype=object), sort=False)
    known = [(h == "" or h in kinds) for h in hedge_ids.tolist()]
    kind_of = np.array([_CODE[kinds[h]] if h in kinds else APPROX for h in hedge_ids.tolist()], np.int64)
    hedge_codes = np.asarray(hedge_codes, np.int64)
    if len(hedge_ids):
        ok &= np.array(known, np.bool_)[hedge_codes]
        kind = kind_of[hedge_codes]
    else:
        kind = np.full(n, APPROX, np.int64)
    if value_max is not None:
        ok &= np.array([not t for t in value_max], np.bool_)
    is_exact = np.array([t == "true" for t in exact], np.bool_)
    points = is_exact | (kind == EXACT)
    # rounding needs half a unit: one place more than the value's own
    rounds = ~points & ((kind == APPROX) | (kind == NEARLY))
    needed = np.where(rounds, 1 - e, -e)
    wanted = np.maximum(needed, 0)
    places = int(min(wanted[ok].max(initial=0), MAX_PLACES))
    shift = places + e  # v × 10^places = m × 10^shift
    fits = ok & (needed <= places)
    # the scaled ends must stay below 2^62: a float estimate with a factor of four to spare decides
    fits &= (shift <= 18) & (np.abs(m) * np.power(10.0, np.minimum(shift, 18)) < 2.0**60)
    safe_shift = np.where(fits, shift, 1)
    scaled = m * 10 ** np.maximum(safe_shift, 0)
    half = np.where(rounds & fits, 5 * 10 ** np.maximum(safe_shift - 1, 0), 0)
    lo = scaled - half
    hi = scaled + half
    lo_inf = fits & ((kind == BELOW) | (kind == AT_MOST))
    hi_inf = fits & ((kind == ABOVE) | (kind == AT_LEAST))
    # a directional hedge bounds by the stated number itself, not by its rounding
    lo = np.where((kind == ABOVE) | (kind == AT_LEAST), scaled, lo)
    hi = np.where((kind == BELOW) | (kind == AT_MOST) | ((kind == NEARLY) & ~points), scaled, hi)
    lo_open = lo_inf | (fits & (kind == ABOVE))
    hi_open = hi_inf | (fits & (kind == BELOW))
    lo = np.where(fits & ~lo_inf, lo, 0)
    hi = np.where(fits & ~hi_inf, hi, 0)
    return IntervalColumns(places, lo, hi, lo_inf, hi_inf, lo_open, hi_open, fits.copy()), fits


def end_text(scaled: int, places: int) -> str:
    """An end ``scaled × 10^-places`` as :func:`claimtally.arith.intervals.fmt` prints it: plain
    digits, trailing zeros stripped.

    >>> end_text(5295, 3), end_text(-50, 1), end_text(2000000, 3), end_text(0, 2)
    ('5.295', '-5', '2000', '0')
    """
    if scaled == 0:
        return "0"
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled)).rjust(places + 1, "0")
    whole, fraction = digits[: len(digits) - places], digits[len(digits) - places :].rstrip("0")
    return f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}"


def row_interval(cols: IntervalColumns, k: int) -> Interval:
    """Row ``k`` of the columns (one whose ``exact`` is True) as an :class:`Interval`, exactly.

    >>> from claimtally.arith.columns import interval_columns
    >>> str(row_interval(interval_columns([Interval(Decimal("5.295"), None, lo_open=True)]), 0))
    '(5.295, ∞)'
    """
    lo = None if cols.lo_inf[k] else Decimal(f"{int(cols.lo[k])}E-{cols.places}")
    hi = None if cols.hi_inf[k] else Decimal(f"{int(cols.hi[k])}E-{cols.places}")
    return Interval(lo, hi, bool(cols.lo_open[k]), bool(cols.hi_open[k]))


def interval_text(cols: IntervalColumns, k: int) -> str:
    """Row ``k`` of the columns as ``str(Interval)`` prints it (every digit): ``[5.295, 5.305]``."""
    lo = "-∞" if cols.lo_inf[k] else end_text(int(cols.lo[k]), cols.places)
    hi = "∞" if cols.hi_inf[k] else end_text(int(cols.hi[k]), cols.places)
    return f"{'(' if cols.lo_open[k] else '['}{lo}, {hi}{')' if cols.hi_open[k] else ']'}"
