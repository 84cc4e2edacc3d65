"""Intervals as columns: each end an exact integer at one power of ten, for numpy to compare.

>>> from decimal import Decimal
>>> from claimtally.arith.intervals import Interval
>>> price = Interval(Decimal("5.295"), Decimal("5.305"))
>>> cols = interval_columns([price, Interval(Decimal(5), None, lo_open=True)])
>>> cols.places, cols.lo.tolist(), cols.hi_inf.tolist(), cols.exact.tolist()
(3, [5295, 5000], [False, True], [True, True])

Comparisons on these integers are exact, so no float filter is needed where they fit: an end
``d`` is stored as ``d × 10^places`` when that is an integer of at most 62 bits. An interval whose
ends do not fit (more decimals than :data:`MAX_PLACES`, or a huge number) is marked not ``exact``,
and the caller compares it with the :class:`~claimtally.arith.intervals.Interval` objects instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import numpy.typing as npt

from claimtally.arith.intervals import Interval

#: Most decimal places the integer form keeps; ends with more go to the exact object path.
MAX_PLACES = 12
_LIMIT = 1 << 62

BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class IntervalColumns:
    """Intervals as parallel arrays: ``lo``/``hi`` are ends × 10^``places`` (0 where infinite)."""

    places: int
    lo: IntArray
    hi: IntArray
    lo_inf: BoolArray
    hi_inf: BoolArray
    lo_open: BoolArray
    hi_open: BoolArray
    exact: BoolArray
    """Whether the row's ends fit the integer form; rows that do not must be compared as objects."""


def _places(d: Decimal) -> int:
    exponent = d.as_tuple().exponent
    assert isinstance(exponent, int)  # interval ends are finite
    return max(0, -exponent)


def _scaled(d: Decimal, places: int) -> int | None:
    """``d × 10^places`` as an exact integer, or None when it is not an integer or is too large."""
    numerator, denominator = d.as_integer_ratio()
    scaled, rest = divmod(numerator * 10**places, denominator)
    return scaled if rest == 0 and -_LIMIT < scaled < _LIMIT else None


def interval_columns(intervals: Sequence[Interval]) -> IntervalColumns:
    """The integer form of ``intervals``, one row each, at the fewest places that hold them all
    (at most :data:`MAX_PLACES`); intervals are often shared, so each distinct one is converted once."""
    # intervals are often shared objects: convert each distinct one once, then spread by index
    position: dict[int, int] = {}
    distinct: list[Interval] = []
    index = np.empty(len(intervals), np.int64)
    for i, iv in enumerate(intervals):
        k = position.get(id(iv))
        if k is None:
            k = position[id(iv)] = len(distinct)
            distinct.append(iv)
        index[i] = k
    ends = {e for iv in distinct for e in (iv.lo, iv.hi) if e is not None}
    places = max((p for p in map(_places, ends) if p <= MAX_PLACES), default=0)
    scaled = {e: _scaled(e, places) for e in ends}
    lo_s = [None if iv.lo is None else scaled[iv.lo] for iv in distinct]
    hi_s = [None if iv.hi is None else scaled[iv.hi] for iv in distinct]
    lo_inf = np.array([iv.lo is None for iv in distinct], np.bool_)
    hi_inf = np.array([iv.hi is None for iv in distinct], np.bool_)
    fits = np.array(
        [
            (a is not None or li) and (b is not None or hi)
            for a, b, li, hi in zip(lo_s, hi_s, lo_inf, hi_inf, strict=True)
        ],
        np.bool_,
    )
    return IntervalColumns(
        places,
        np.array([a or 0 for a in lo_s], np.int64)[index],
        np.array([b or 0 for b in hi_s], np.int64)[index],
        lo_inf[index],
        hi_inf[index],
        np.array([iv.lo_open for iv in distinct], np.bool_)[index],
        np.array([iv.hi_open for iv in distinct], np.bool_)[index],
        fits[index],
    )


def overlaps(c: IntervalColumns, a: IntArray, b: IntArray) -> BoolArray:
    """Whether interval ``a[k]`` and interval ``b[k]`` share a point, for every k, as
    :meth:`Interval.overlaps` decides it (touching closed ends do, an open end does not).

    Only meaningful where both rows are ``exact``; the caller settles the others.
    """
    # the larger of the lower ends, and whether it is open
    a_lo, b_lo = c.lo[a], c.lo[b]
    a_lo_inf, b_lo_inf = c.lo_inf[a], c.lo_inf[b]
    take_b = a_lo_inf | (~b_lo_inf & ((b_lo > a_lo) | ((b_lo == a_lo) & c.lo_open[b])))
    lo = np.where(take_b, b_lo, a_lo)
    lo_inf = a_lo_inf & b_lo_inf
    lo_open = np.where(take_b, c.lo_open[b], c.lo_open[a])
    # the smaller of the upper ends, and whether it is open
    a_hi, b_hi = c.hi[a], c.hi[b]
    a_hi_inf, b_hi_inf = c.hi_inf[a], c.hi_inf[b]
    take_b = a_hi_inf | (~b_hi_inf & ((b_hi < a_hi) | ((b_hi == a_hi) & c.hi_open[b])))
    hi = np.where(take_b, b_hi, a_hi)
    hi_inf = a_hi_inf & b_hi_inf
    hi_open = np.where(take_b, c.hi_open[b], c.hi_open[a])
    unbounded = lo_inf | hi_inf
    result: BoolArray = unbounded | (lo < hi) | ((lo == hi) & ~lo_open & ~hi_open)
    return result
