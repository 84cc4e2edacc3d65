"""Rule granularity: the GRIM test for benchmark percentages over the metric's items."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import claimtally
from builders import BASE, hedge_rows, value, write_package
from claimtally.arith.stated import Interval
from claimtally.rules.context import Context
from claimtally.rules.granularity import MAX_RUNS, _runs_reaching, nearest, reachable


def _findings(make_package, val: str, **cells: str) -> list[claimtally.Finding]:
    path = make_package(values=[value("a", val, **cells)])
    return list(claimtally.check(path, rules=["granularity"]).findings)


def test_a_score_reachable_as_k_over_n_passes(make_package) -> None:
    """73/89 = 82.02%, so 82.0 is reachable in one run."""
    assert [] == _findings(make_package, "82.0")


def test_a_score_reachable_only_as_a_mean_of_runs_is_info(make_package) -> None:
    """82.7% is no k/89 but is 368/445, a mean of five runs."""
    (finding,) = _findings(make_package, "82.7")
    assert ("info", "mean of 5 runs") == (finding.severity, finding.observed)


def test_an_unreachable_score_is_a_warning_naming_the_nearest(make_package) -> None:
    """With 89 items 82.71% is unreachable in one run and as a mean of up to five runs."""
    (finding,) = _findings(make_package, "82.71")
    assert finding.severity == "warning"
    assert "82.022% and 83.146%" in finding.message


def test_a_directional_hedge_is_not_tested(make_package) -> None:
    """'over 82.7%' names a bound, not a rounded score (it once gave a warning that 82.7 is unreachable)."""
    assert [] == _findings(make_package, "82.7", hedge="over")
    assert [] == _findings(make_package, "82.7", hedge="under")


def test_exact_values_and_gaps_are_not_tested(make_package) -> None:
    """A gap against a baseline is not a k/n score."""
    assert [] == _findings(make_package, "82.70", baseline_entity_id="m-old")


def test_reachable_respects_open_ends() -> None:
    """An open end excludes the fraction sitting on it."""
    assert reachable(Interval(Decimal(50), Decimal(60)), 2) == Fraction(50)
    assert reachable(Interval(Decimal(50), Decimal(60), lo_open=True), 2) is None


def test_nearest_brackets_the_value() -> None:
    """The nearest one-run scores lie on either side."""
    below, above = nearest(Fraction(827, 10), 89)
    assert below < Fraction(827, 10) < above


def _row_by_row(ctx, k: int, items: int) -> int:
    """The fewest runs reaching row k's strict interval, by reachable() on its interval object."""
    interval = ctx.values[ctx.value_table.ids[k]].strict
    if not interval.is_bounded:
        return -1
    return next((r for r in range(1, MAX_RUNS + 1) if reachable(interval, r * items) is not None), 0)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(
                st.integers(0, 100).map(str),
                st.builds(
                    lambda w, f: f"{w}.{f}",
                    st.integers(0, 100),
                    st.text("0123456789", min_size=1, max_size=4),
                ),
                st.sampled_from(["-0.5", "100.00", "0", "50", "33.3", "66.67", "1" * 20, "0." + "0" * 16]),
            ),
            st.sampled_from(["", "", "about", "nearly", "over", "at-least", "up-to", "exactly"]),
            st.integers(1, 2000),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_the_columns_reach_the_scores_reachable_finds(tmp_path_factory, rows) -> None:
    """For any scores, hedges and item counts, the column-wise test gives, row by row, the number of
    runs that reachable() on the interval objects gives (ties at the ends and open ends included)."""
    values = [value(f"v{i}", text, hedge=hedge) for i, (text, hedge, _) in enumerate(rows)]
    merged = {name: list(r) for name, r in BASE.items()}
    merged["hedges"] = hedge_rows()
    merged["values"] = values
    ctx = Context(claimtally.read(write_package(tmp_path_factory.mktemp("pkg"), merged)))
    readable = [k for k in range(len(rows)) if ctx.readable[k]]
    items = [rows[k][2] for k in readable]
    got = _runs_reaching(ctx, np.array(readable, np.int64), np.array(items, np.int64))
    assert got == [_row_by_row(ctx, k, n) for k, n in zip(readable, items, strict=True)]
