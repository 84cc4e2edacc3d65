"""Rule claims: verdicts held against the recorded expect, and drafts by severity."""

from __future__ import annotations

import pytest

import claimtally
from builders import claim, value

PRICES = [
    value("a", "5.30", metric_id="price-input", exact="true"),
    value("b", "2.50", metric_id="price-input", exact="true", entity_id="m-old"),
]


def _findings(make_package, claims, values=PRICES) -> list[claimtally.Finding]:
    path = make_package(values=values, claims=claims)
    return list(claimtally.check(path, rules=["claims"]).findings)


def test_a_verdict_as_recorded_is_info(make_package) -> None:
    """A claim that fails, recorded as failing, is an info finding: 'fails, as recorded'."""
    (finding,) = _findings(make_package, [claim("c", "a / b == 2", expect="fails")])
    assert finding.severity == "info"
    assert "fails, as recorded" in finding.message
    assert "computed [2.12, 2.12], stated [2, 2]" in finding.message


def test_a_verdict_other_than_recorded_is_an_error(make_package) -> None:
    """A regression: recorded holds, computed fails."""
    (finding,) = _findings(make_package, [claim("c", "a / b == 2", expect="holds")])
    assert ("error", "holds", "fails") == (finding.severity, finding.expected, finding.observed)
    assert "data/claims.csv, row 2, claim c: recorded 'holds' but the check gives 'fails'" in finding.message


@pytest.mark.parametrize(
    ("expression", "severity"),
    [("a / b == 2", "error"), ("a / b == 2.12", None)],
)
def test_drafts_report_fails_as_error_and_holds_as_nothing(make_package, expression, severity) -> None:
    """Without expect, fails is an error and holds gives no finding."""
    findings = _findings(make_package, [claim("c", expression)])
    expected = [severity] if severity else []
    assert expected == [f.severity for f in findings]


def test_draft_holding_only_loosely_is_info(make_package) -> None:
    """'about 40' read loosely reaches 41.5; strictly it does not."""
    values = [value("x", "40", hedge="about")]
    (finding,) = _findings(make_package, [claim("c", "x == 41.5")], values)
    assert ("info", "holds-loosely") == (finding.severity, finding.observed)


def test_draft_undetermined_is_a_warning(make_package) -> None:
    """57 < 57.2 is neither surely true nor surely false."""
    values = [value("x", "57"), value("y", "57.2")]
    (finding,) = _findings(make_package, [claim("c", "x < y")], values)
    assert ("warning", "undetermined") == (finding.severity, finding.observed)


def test_division_by_an_interval_containing_zero_is_reported(make_package) -> None:
    """0 stated as 0 is [-0.5, 0.5]: dividing by it is undetermined, with a finding saying so."""
    values = [value("x", "1"), value("z", "0")]
    findings = _findings(make_package, [claim("c", "x / z == 1", expect="undetermined")], values)
    assert any("an interval containing zero" in f.message for f in findings)
    assert {"warning", "info"} == {f.severity for f in findings}


def test_an_unknown_value_id_is_an_error_with_a_suggestion(make_package) -> None:
    """A misspelled id names the claim, the column and the closest id."""
    (finding,) = _findings(make_package, [claim("c", "a / bb == 2", expect="fails")])
    assert finding.severity == "error"
    assert "data/claims.csv, row 2, claim c: expression:" in finding.message
    assert "did you mean" in finding.message


def test_every_claim_gets_a_finding_even_after_an_error(make_package) -> None:
    """The runner never stops at the first problem."""
    claims = [claim("c1", "a /// b"), claim("c2", "a / b == 2", expect="fails")]
    assert ["c1", "c2"] == [f.claim_id for f in _findings(make_package, claims)]
