"""Strict intervals column-wise: the same intervals value_intervals gives, row by row."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtally.arith import stated as nb
from claimtally.arith.columns import interval_columns
from claimtally.arith.intervals import fmt
from claimtally.arith.value_columns import (
    MAX_DIGITS,
    end_text,
    interval_text,
    mantissas,
    row_interval,
    strict_columns,
)
from claimtally.errors import ValueTextError
from interval_cases import member

HEDGES = {
    "about": nb.Hedge("about", "approx", Decimal("0.05")),
    "over": nb.Hedge("over", "above"),
    "least": nb.Hedge("least", "at-least"),
    "under": nb.Hedge("under", "below"),
    "most": nb.Hedge("most", "at-most"),
    "nearly": nb.Hedge("nearly", "nearly", digit_units=Decimal(1)),
    "is": nb.Hedge("is", "exact"),
}
KINDS = {h: hedge.kind for h, hedge in HEDGES.items()}

#: value text of every shape: signs, zeros, decimals, scale suffixes, long digits, and non-values
TEXTS = st.one_of(
    st.builds(
        lambda sign, whole, fraction, suffix: f"{sign}{whole}{'.' + fraction if fraction else ''}{suffix}",
        st.sampled_from(["", "-"]),
        st.one_of(st.just("0"), st.integers(1, 10**18).map(str)),
        st.one_of(st.just(""), st.text("0123456789", min_size=1, max_size=14)),
        st.sampled_from(["", "", "K", "M", "B"]),
    ),
    st.sampled_from(["5,30", "", "05", "1e3", "-", "1.", ".5", "2k"]),
)


def _by_rows(texts, exact, hedges):
    """What value_intervals gives for each row, or None where the row cannot be read."""
    out = []
    for text, ex, hedge in zip(texts, exact, hedges, strict=True):
        try:
            stated = nb.parse_value(text)
        except ValueTextError:
            out.append(None)
            continue
        strict, _ = nb.value_intervals(stated, value_max=None, exact=ex == "true", hedge=HEDGES.get(hedge))
        out.append(strict)
    return out


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(TEXTS, st.sampled_from(["true", "false", ""]), st.sampled_from(["", *HEDGES, "unknown"])),
        min_size=1,
        max_size=30,
    )
)
def test_the_columns_give_the_intervals_of_value_intervals(rows) -> None:
    """Every row of the common form has exactly the strict interval the per-row code gives it."""
    texts, exact, hedges = (list(c) for c in zip(*rows, strict=True))
    cols, fast = strict_columns(texts, exact, hedges, KINDS)
    expected = _by_rows(texts, exact, hedges)
    for k, want in enumerate(expected):
        if not fast[k]:
            continue
        assert want is not None and hedges[k] != "unknown", texts[k]
        got = row_interval(cols, k)
        assert (got.lo, got.hi, got.lo_open, got.hi_open) == (want.lo, want.hi, want.lo_open, want.hi_open)
        assert str(want) == interval_text(cols, k)


def test_common_rows_are_fast_and_the_rest_are_left_to_the_row_code() -> None:
    """Short value text is read column-wise; long digits, ranges and unknown hedges are not."""
    texts = ["5.30", "1" * (MAX_DIGITS + 1), "2K", "7", "8"]
    cols, fast = strict_columns(
        texts, ["false"] * 5, ["", "", "over", "unknown", ""], KINDS, ["", "", "", "", "9"]
    )
    assert [True, False, True, False, False] == fast.tolist()
    assert "[5.295, 5.305]" == interval_text(cols, 0)
    assert "(2000, ∞)" == interval_text(cols, 2)


def test_each_text_is_a_mantissa_and_an_exponent() -> None:
    """-0 is 0; digits over the limit and text that is not value text are not read."""
    m, e, ok = mantissas(["-0.0", "1.05M", "12", "x", "-4.4"], max_digits=3)
    assert [0, 105, 12, -44] == m[[0, 1, 2, 4]].tolist()
    assert [-1, 4, 0, -1] == e[[0, 1, 2, 4]].tolist()
    assert [True, True, True, False, True] == ok.tolist()
    assert [False, True, True] == mantissas(["1.05M", "12", "1.5"], max_digits=2)[2].tolist()


@given(st.integers(-(10**17), 10**17), st.integers(0, 12))
def test_an_end_prints_as_fmt_prints_its_decimal(scaled, places) -> None:
    """end_text(x, p) is fmt(x × 10^-p), trailing zeros stripped."""
    assert fmt(Decimal(scaled).scaleb(-places)) == end_text(scaled, places)


@given(st.lists(member(), min_size=1, max_size=8))
def test_a_row_of_the_columns_is_the_interval_it_came_from(members) -> None:
    """row_interval and interval_text give back each interval that fits the integer form."""
    intervals = [m[0] for m in members]
    cols = interval_columns(intervals)
    for k, want in enumerate(intervals):
        if cols.exact[k]:
            assert want == row_interval(cols, k)
            assert str(want) == interval_text(cols, k)
