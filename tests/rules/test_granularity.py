"""Rule granularity: the GRIM test for benchmark percentages over the metric's items."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import claimtally
from builders import value
from claimtally.arith.stated import Interval
from claimtally.rules.granularity import nearest, reachable


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
