"""check() on the bundled package: the article's numbers, claim by claim and rule by rule."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimtally
from claimtally.report.model import Report
from claimtally.report.text import render_json


@pytest.fixture(scope="module")
def report() -> Report:
    """The report of every rule on the bundled package (computed once for this module)."""
    return claimtally.check()


def _claim(report: Report, claim_id: str) -> claimtally.ClaimResult:
    return next(c for c in report.claims if c.claim_id == claim_id)


def _finding(report: Report, rule: str, value_id: str) -> claimtally.Finding:
    return next(f for f in report.findings if f.rule == rule and f.value_id == value_id)


def test_bundled_package_has_no_error_findings(report: Report) -> None:
    """Every recorded verdict is the computed one and the package is sound: CI is green."""
    assert [] == [f.message for f in report.findings if f.severity == "error"]


def test_output_price_doubling_holds(report: Report) -> None:
    """$30 / $15 is exactly 2: 'doubled' holds for the output price."""
    claim = _claim(report, "art_price_out_doubled")
    assert ("holds", "[2, 2]") == (claim.verdict, claim.computed)


def test_input_price_doubling_fails_at_2_12(report: Report) -> None:
    """$5.30 / $2.50 is 2.12, not 2: 'doubled' fails for the input price."""
    claim = _claim(report, "art_price_in_doubled")
    assert ("fails", "[2.12, 2.12]") == (claim.verdict, claim.computed)


def test_doubled_price_and_40_percent_fewer_tokens_give_net_20_percent(report: Report) -> None:
    """2 × (1 − 0.40) − 1 = +20%: the net-cost claim holds."""
    assert "holds" == _claim(report, "art_net_cost_20").verdict


def test_net_cost_with_the_articles_own_input_prices_does_not_hold_strictly(report: Report) -> None:
    """With 5.30 / 2.50 in place of 2 the net change is about +27%, not around 20%."""
    claim = _claim(report, "art_net_cost_20_article_input_prices")
    assert claim.strict == "false"
    assert claim.verdict == "fails"


def test_1200_per_million_tokens_fails_the_units_rule(report: Report) -> None:
    """$1,200 per million tokens lies far outside GPT-5.5's own $5.30-$30 price range."""
    finding = _finding(report, "units", "art_cost_gpt55")
    assert finding.severity == "warning"
    assert "outside its input-output price range" in finding.message
    assert ("[1200, 1200]", "30]") == (finding.observed, (finding.expected or "")[-3:])


def test_articles_5_30_input_price_disagrees_with_every_source(report: Report) -> None:
    """No vendor or independent source gives $5.30: agreement says disagrees."""
    finding = _finding(report, "agreement", "art_price_in_gpt55")
    assert ("disagrees", "warning") == (finding.observed, finding.severity)


def test_69_percent_agrees_with_69_4(report: Report) -> None:
    """The article's 69% on Terminal-Bench 2.0 overlaps the vendor table's 69.4%."""
    finding = _finding(report, "agreement", "art_tb2_opus47")
    matched = finding.message.split("does not match")[0]
    assert finding.observed in ("agrees", "vendor-only")
    assert "69.4" in matched


def test_60_matches_the_xhigh_setting_and_not_medium(report: Report) -> None:
    """GPT-5.5's 60 matches AA's 60.2 at xhigh effort, not its 56.7 at medium."""
    finding = _finding(report, "agreement", "art_aa_gpt55")
    matched, missed = finding.message.split("does not match")
    assert finding.observed == "agrees"
    assert "xhigh) 60.2" in matched
    assert "medium) 56.7" in missed


def test_82_7_on_terminal_bench_is_a_mean_of_five_runs(report: Report) -> None:
    """82.7% is no k/89, but 368/445 is a mean over five runs of 89 tasks."""
    finding = _finding(report, "granularity", "art_tb2_gpt55")
    assert finding.observed == "mean of 5 runs"
    assert "not reachable as k/89 in one run" in finding.message


def test_check_accepts_a_path_and_a_rule_selection(make_package) -> None:
    """check(path, rules=[...]) runs only the named rules."""
    from builders import claim, value

    path = make_package(values=[value("a", "2")], claims=[claim("c", "a == 2", expect="holds")])
    report = claimtally.check(path, rules=["claims"])
    assert ("claims",) == report.summary.rules
    assert {"claims"} == {f.rule for f in report.findings}


def test_unknown_rule_is_a_claimtally_error(make_package) -> None:
    """Asking for a rule that does not exist names the rules that do."""
    with pytest.raises(claimtally.ClaimtallyError, match="unknown rule nope; the rules are schema"):
        claimtally.check(rules=["nope"])


def test_each_claim_names_the_values_it_reads_in_order(make_package) -> None:
    """A claim result lists its expression's value ids once each, in order of first appearance."""
    from builders import claim, value

    path = make_package(
        values=[value("a", "2"), value("b", "1")],
        claims=[claim("c", "b + a + b > 0", expect="holds"), claim("bad", "a +", expect="holds")],
    )
    report = claimtally.check(path, rules=["claims"])
    assert {"c": ("b", "a"), "bad": ()} == {c.claim_id: c.values for c in report.claims}


@pytest.mark.parametrize("enabled", [True, False])
def test_check_pauses_the_garbage_collector_and_restores_it(make_package, monkeypatch, enabled) -> None:
    import gc
    import importlib

    check_module = importlib.import_module("claimtally.checker")
    seen: list[bool] = []
    real = check_module._check

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(check_module, "_check", spy)
    (gc.enable if enabled else gc.disable)()
    try:
        claimtally.check(make_package())
        after = gc.isenabled()
    finally:
        gc.enable()
    assert seen == [False]
    assert after is enabled


def test_check_restores_the_garbage_collector_when_it_fails(make_package) -> None:
    import gc

    assert gc.isenabled()
    with pytest.raises(claimtally.ClaimtallyError):
        claimtally.check(make_package(), rules=["no-such-rule"])
    assert gc.isenabled()


SCENARIOS = sorted((Path(__file__).parent / "scenarios").iterdir())


@pytest.mark.parametrize("path", [None, *SCENARIOS], ids=lambda p: "bundled" if p is None else p.name)
def test_a_check_that_counts_info_findings_writes_the_same_report(path) -> None:
    """check(show="problems") counts info findings without building them; every format's report is
    the one a full check gives when it is shown with show="problems"."""
    full, counted = claimtally.check(path), claimtally.check(path, show="problems")
    assert full.shown("problems") == counted.shown("problems")
    assert full.summary.severities == counted.summary.severities
    assert full.summary.findings == counted.summary.findings
    assert render_json(full) == render_json(counted)
    for fail_on in ("error", "warning", "info", "never"):
        assert full.exit_status(fail_on) == counted.exit_status(fail_on)


def test_an_unknown_show_is_a_claimtally_error(make_package) -> None:
    """show is all or problems."""
    with pytest.raises(claimtally.ClaimtallyError, match="unknown show"):
        claimtally.check(make_package(), show="some")
