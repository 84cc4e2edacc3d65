"""Rule units: rates outside input-output prices, percent vs points, mixed units in claims."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import claimtally
from builders import BASE, claim, hedge_rows, value, write_package

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


#: Words and pieces of the percent and point patterns, with letters outside ASCII that Python's
#: case-insensitive match folds to ASCII ones (the dotted and dotless i, the Kelvin sign, the long s)
QUOTE_WORDS = ["point", "po\u0130nt", "PO\u0131NTS", "Pts", "pp", "9pp", "per cent", "PerCent", "%"]
QUOTE_WORDS += ["ppt", "gap", "9.4", "\u212a", "\u017f", "\u00e9", "percentage", "cen", "t"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(QUOTE_WORDS), max_size=5), st.sampled_from([" ", "", "-"]))
def test_the_quote_filter_never_drops_a_quote_that_matches(tmp_path_factory, words, joint) -> None:
    """Any quote the percent or point pattern matches is among those the pyarrow filter keeps
    (including letters outside ASCII that Python's case-insensitive match folds to ASCII ones)."""
    from claimtally.rules.context import Context
    from claimtally.rules.units import PERCENT_WORDS, POINT_WORDS, _quotes_that_may_match

    quote = joint.join(words)
    merged = {name: list(r) for name, r in BASE.items()}
    merged["hedges"] = hedge_rows()
    merged["metrics"] = [*merged["metrics"], *METRICS]
    merged["values"] = [value("g", "9.4", metric_id="gap", quote=quote or "x")]
    ctx = Context(claimtally.read(write_package(tmp_path_factory.mktemp("pkg"), merged)))
    (kept,) = _quotes_that_may_match(ctx, [0])
    if PERCENT_WORDS.search(quote or "x") or POINT_WORDS.search(quote or "x"):
        assert kept == (quote or "x")
