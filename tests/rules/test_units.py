"""Rule units: rates outside input-output prices, percent vs points, mixed units in claims."""

from __future__ import annotations

import claimtally
from builders import claim, value

METRICS = [
    {
        "metric_id": "price-per-mtok",
        "name": "Unspecified per-token price",
        "unit": "usd-per-mtok",
        "description": "A per-million-token price.",
    },
    {"metric_id": "run-cost", "name": "Cost to run", "unit": "usd", "description": "A total cost."},
    {"metric_id": "gap", "name": "Gap", "unit": "points", "description": "A gap in points."},
]


def _units(make_package, values, claims=()) -> list[claimtally.Finding]:
    path = make_package(values=values, claims=claims, metrics=METRICS)
    return list(claimtally.check(path, rules=["units"]).findings)


PRICES = [
    value("pin", "5.30", metric_id="price-input", exact="true"),
    value("pout", "30", metric_id="price-output", exact="true"),
]


def test_a_per_token_price_above_the_output_price_is_flagged(make_package) -> None:
    """$1,200 per million tokens against $5.30/$30 is probably a total."""
    (finding,) = _units(make_package, [*PRICES, value("r", "1200", metric_id="price-per-mtok", exact="true")])
    assert ("r", "[5.3, 30]") == (finding.value_id, finding.expected)


def test_a_per_token_price_between_input_and_output_is_fine(make_package) -> None:
    """A blend of $11.25 sits between $5.30 and $30."""
    assert [] == _units(make_package, [*PRICES, value("r", "11.25", metric_id="price-per-mtok")])


def test_an_input_price_above_the_output_price_still_gives_a_band(make_package) -> None:
    """Input $50 and output $30 (once a crash: the band was built backwards): a $40 blend lies between
    them, a $60 one does not."""
    prices = [
        value("pin", "50", metric_id="price-input", exact="true"),
        value("pout", "30", metric_id="price-output", exact="true"),
    ]
    assert [] == _units(make_package, [*prices, value("r", "40", metric_id="price-per-mtok", exact="true")])
    (finding,) = _units(make_package, [*prices, value("r", "60", metric_id="price-per-mtok", exact="true")])
    assert "[30, 50]" == finding.expected


def test_a_points_value_written_as_percent_is_flagged(make_package) -> None:
    """'9.4%' recorded on a points metric mixes a percent with percentage points."""
    (finding,) = _units(make_package, [value("g", "9.4", metric_id="gap", quote="ahead by 9.4%")])
    assert "percentage points" == finding.expected


def test_a_points_value_written_in_points_is_fine(make_package) -> None:
    """'9.4 points' on a points metric is consistent."""
    assert [] == _units(make_package, [value("g", "9.4", metric_id="gap", quote="ahead by 9.4 points")])


def test_comparing_a_total_with_a_per_token_price_is_flagged(make_package) -> None:
    """usd against usd-per-mtok in one relation is a unit mix-up."""
    values = [*PRICES, value("t", "1200", metric_id="run-cost", exact="true")]
    (finding,) = _units(make_package, values, [claim("c", "t > pout")])
    assert "mixes usd and usd-per-mtok" in (finding.observed or "")


def test_ratios_and_percent_changes_line_up(make_package) -> None:
    """(a / b - 1) * 100 is a percent; x / 100 of a percent is a ratio: no finding."""
    values = [*PRICES, value("chg", "20", metric_id="bench", baseline_entity_id="m-old")]
    claims = [claim("c", "(pout / pin - 1) * 100 == chg"), claim("d", "2 * (1 + chg / 100) - 1 == chg / 100")]
    assert [] == _units(make_package, values, claims)


def test_difference_of_two_percentages_is_in_points(make_package) -> None:
    """92.6% − 83.2% compared with a points gap is fine; with a percent it is flagged."""
    values = [value("x", "92.6"), value("y", "83.2"), value("g", "9.4", metric_id="gap", quote="9.4 points")]
    assert [] == _units(make_package, values, [claim("c", "x - y == g")])
    (finding,) = _units(make_package, values, [claim("c", "x - y == x")])
    assert "mixes percent and points" in (finding.observed or "")
