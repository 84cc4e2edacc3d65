"""The Markdown summary: golden file, problems listed, every cell inert."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import claimtally
from builders import assert_golden, claim, value
from claimtally.report.markdown import cell, render_markdown

BASIC = Path(__file__).parents[1] / "scenarios" / "basic"
#: A Markdown mark that is not escaped: one not preceded by a backslash that is itself unescaped.
_BARE = re.compile(r"(?<!\\)(?:\\\\)*[|`*_\[\]#!~<>]")


def test_markdown_matches_its_golden_file() -> None:
    assert_golden("basic.md", render_markdown(claimtally.check(BASIC), "warning", "tests/scenarios/basic"))


def test_counts_come_first_then_problems_then_failing_claims(make_package) -> None:
    path = make_package(values=[value("a", "2")], claims=[claim("c", "a == 3", expect="holds")])
    text = render_markdown(claimtally.check(path), base="pkg")
    counts, problems, claims = text.index("**1 claims**"), text.index("### Errors"), text.index("### Claims")
    assert counts < problems < claims
    assert "| error | claims | pkg/data/claims.csv:2 |" in text
    assert "The check fails at `--fail-on error`" in text
    assert "| c | fails | holds |" in text


@given(st.text())
def test_a_cell_holds_no_line_break_and_no_bare_markdown_or_html_mark(text: str) -> None:
    escaped = cell(text)
    assert "\n" not in escaped and "\r" not in escaped
    assert _BARE.search(escaped.replace("&lt;", "").replace("&gt;", "").replace("&amp;", "")) is None
