"""Renderers: golden text and JSON for a scenario package, escaping, explain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import claimtally
from builders import assert_golden, claim, value
from claimtally.errors import ClaimtallyError
from claimtally.output import clean
from claimtally.report.render import render
from claimtally.report.text import iter_json, render_explain, render_json

HERE = Path(__file__).parents[1]  # tests/
BASIC = HERE / "scenarios" / "basic"
GOLDEN = HERE / "golden"


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_report_matches_its_golden_file(fmt: str) -> None:
    """The rendered report of the basic scenario is exactly the recorded one."""
    assert_golden(f"basic.{'txt' if fmt == 'text' else 'json'}", render(claimtally.check(BASIC), fmt))


def test_explain_matches_its_golden_file() -> None:
    """explain shows each value's interval and why, each step, and the verdict."""
    assert_golden("basic-explain.txt", render_explain(claimtally.check(BASIC), "doubled_input"))


def test_json_has_the_contract_fields() -> None:
    """package, summary, claims and findings with the fields the contract names."""
    data = json.loads(render(claimtally.check(BASIC), "json"))
    assert {"name", "version", "hash"} <= set(data["package"])
    assert {"verdicts", "severities"} <= set(data["summary"])
    assert {"claim_id", "verdict", "strict", "loose", "computed", "stated", "message"} <= set(
        data["claims"][0]
    )
    assert {"rule", "severity", "claim_id", "value_id", "message"} <= set(data["findings"][0])


def test_json_is_stable_across_runs() -> None:
    """Two checks of the same input render the same bytes."""
    assert render(claimtally.check(BASIC), "json") == render(claimtally.check(BASIC), "json")


def test_colour_only_when_asked() -> None:
    """ANSI colour appears with color=True and never by default."""
    report = claimtally.check(BASIC)
    assert "\x1b[" not in render(report, "text")
    assert "\x1b[31m" in render(report, "text", color=True)


def test_control_characters_from_data_are_escaped() -> None:
    """An escape sequence inside a quote is shown, not sent to the terminal."""
    assert "a\\x1b[2Jb\\x07" == clean("a\x1b[2Jb\x07")


def test_explain_of_an_unknown_claim_suggests_the_closest() -> None:
    """A misspelled claim id gets a 'did you mean'."""
    with pytest.raises(ClaimtallyError, match="did you mean doubled_input"):
        render_explain(claimtally.check(BASIC), "doubled_inptu")


def test_a_claim_that_does_not_parse_shows_a_caret_in_the_report_and_in_explain(make_package) -> None:
    """Text and explain draw the expression with a caret under where it stops parsing; JSON is unchanged."""
    path = make_package(values=[value("a", "5.30")], claims=[claim("c", "a >== 2")])
    report = claimtally.check(path, rules=["claims"])
    text = render(report, "text")
    assert "      a >== 2\n          ^\n" in text
    explained = render_explain(report, "c")
    assert "    a >== 2\n        ^\n" in explained
    assert "error_position" not in render(report, "json")


def test_the_default_report_counts_info_findings_and_show_all_lists_them() -> None:
    """Info findings are counted by rule in the summary; --show all lists every finding instead."""
    report = claimtally.check(BASIC)
    default, every = json.loads(render(report, "json")), json.loads(render(report, "json", show="all"))
    infos = [f for f in every["findings"] if f["severity"] == "info"]
    assert infos and all(f["severity"] != "info" for f in default["findings"])
    assert sum(default["summary"]["unlisted"].values()) == len(infos) and {} == every["summary"]["unlisted"]
    assert len(default["findings"]) + len(infos) == len(every["findings"]) == every["summary"]["findings"]
    assert "--show all lists them" in render(report, "text")


@pytest.mark.parametrize("show", ["problems", "all"])
def test_the_json_written_in_pieces_is_the_whole_document(make_package, show: str) -> None:
    """iter_json's pieces join to pydantic's own dump of the shown report, also with no claims or
    findings (the default report leaves out each claim's derivation)."""
    leave_out = None if show == "all" else {"claims": {"__all__": {"derivation"}}}
    for path in (BASIC, make_package()):
        report = claimtally.check(path)
        whole = report.shown(show).model_dump_json(indent=2, exclude=leave_out)
        assert "".join(iter_json(report, show)) == whole + "\n"


def test_the_default_json_has_no_derivation_and_show_all_has_it() -> None:
    """A check without derivations writes the default JSON byte for byte; --show all prints them."""
    full, lean = claimtally.check(BASIC), claimtally.check(BASIC, show="problems", derivation=False)
    assert all(c.derivation for c in full.claims if c.verdict != "undetermined")
    assert not any(c.derivation for c in lean.claims)
    assert render_json(full) == render_json(lean)
    assert '"derivation"' in render_json(full, "all") and '"derivation"' not in render_json(full)
