"""Intervals as integer columns: exact where they fit, and overlap as Interval.overlaps decides it."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from claimtally.arith.columns import MAX_PLACES, interval_columns, overlaps
from claimtally.arith.intervals import Interval
from interval_cases import iv, member

D = Decimal


def test_ends_are_integers_at_one_power_of_ten() -> None:
    """[5.295, 5.305] and (20, ∞) at 3 places: 5295, 5305 and 20000 with an infinite upper end."""
    cols = interval_columns([iv("[5.295, 5.305]"), iv("(20, ∞)")])
    assert 3 == cols.places
    assert [5295, 20000] == cols.lo.tolist() and [5305, 0] == cols.hi.tolist()
    assert [False, True] == cols.hi_inf.tolist() and [False, True] == cols.lo_open.tolist()


def test_ends_that_do_not_fit_are_marked_for_the_object_path() -> None:
    """More decimals than MAX_PLACES, or more than 62 bits, leave the row to Interval.overlaps."""
    tiny = Interval.point(D(1).scaleb(-(MAX_PLACES + 1)))
    huge = Interval.point(D(10) ** 30)
    cols = interval_columns([tiny, huge, iv("[1, 2]")])
    assert [False, False, True] == cols.exact.tolist()


@given(st.lists(member(), min_size=2, max_size=12), st.data())
def test_overlap_on_columns_is_the_exact_overlap(members, data) -> None:
    """For every pair of rows that fit the integer form, the columns decide overlap as the objects do."""
    intervals = [m[0] for m in members]
    # ties: reuse ends between intervals so that touching and equal ends are common
    extra = data.draw(
        st.lists(st.sampled_from(["[0, 1]", "[1, 2]", "(1, 2]", "[0, 1)", "(-∞, 1]", "[1, ∞)"]))
    )
    intervals += [iv(t) for t in extra]
    cols = interval_columns(intervals)
    n = len(intervals)
    a, b = np.repeat(np.arange(n), n), np.tile(np.arange(n), n)
    got = overlaps(cols, a, b)
    for i, j, g in zip(a.tolist(), b.tolist(), got.tolist(), strict=True):
        if cols.exact[i] and cols.exact[j]:
            assert g == intervals[i].overlaps(intervals[j]), (intervals[i], intervals[j])
