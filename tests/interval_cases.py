"""Intervals for the tests: from their printed form, and a hypothesis strategy of intervals with a
number inside (shared by the interval arithmetic and comparison tests)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from claimtally.arith.intervals import Interval

D = Decimal


def iv(text: str) -> Interval:
    """Build an interval from its printed form, e.g. ``[1, 2)`` or ``(-∞, 5]``."""
    lo_text, hi_text = text[1:-1].split(", ")
    lo = None if lo_text == "-∞" else D(lo_text)
    hi = None if hi_text == "∞" else D(hi_text)
    return Interval(lo, hi, lo_open=text[0] == "(", hi_open=text[-1] == ")")


SMALL = st.builds(lambda n, k: D(f"{n}E-{k}"), st.integers(-(10**6), 10**6), st.integers(0, 6))
LONG = st.builds(lambda n, k: D(f"{n}E-{k}"), st.integers(-(10**40), 10**40), st.integers(0, 40))
NUMBERS = st.one_of(SMALL, LONG)


@st.composite
def member(draw: st.DrawFn) -> tuple[Interval, Decimal]:
    """An interval, possibly unbounded or open, with a number inside it."""
    lo, x, hi = sorted(draw(st.lists(NUMBERS, min_size=3, max_size=3)))
    lo_open = lo < x and draw(st.booleans())
    hi_open = x < hi and draw(st.booleans())
    interval = Interval(
        None if draw(st.integers(0, 4)) == 0 else lo,
        None if draw(st.integers(0, 4)) == 0 else hi,
        lo_open,
        hi_open,
    )
    assert interval.contains(x)
    return interval, x
