"""The format dispatcher: each format name reaches its renderer, an unknown one is a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimtally
from claimtally.errors import ClaimtallyError
from claimtally.report.ci import render_github, render_junit
from claimtally.report.codescan import render_gitlab, render_sarif
from claimtally.report.html import render_html
from claimtally.report.markdown import render_markdown
from claimtally.report.render import FORMATS, render
from claimtally.report.text import render_json, render_text

BASIC = Path(__file__).parents[1] / "scenarios" / "basic"


@pytest.fixture(scope="module")
def report() -> claimtally.Report:
    return claimtally.check(BASIC)


def test_each_format_is_its_renderers_output(report) -> None:
    """render(report, fmt) is exactly what the format's own renderer gives."""
    expected = {
        "text": render_text(report),
        "json": render_json(report),
        "junit": render_junit(report.shown(), "error"),
        "github": render_github(report),
        "sarif": render_sarif(report.shown()),
        "gitlab": render_gitlab(report.shown()),
        "markdown": render_markdown(report),
        "html": render_html(report.shown(), "error", None),
    }
    assert set(FORMATS) == set(expected)
    for fmt in FORMATS:
        assert expected[fmt] == render(report, fmt)


def test_an_unknown_format_names_the_known_ones(report) -> None:
    """A format outside FORMATS lists them."""
    with pytest.raises(ClaimtallyError, match="unknown format 'yaml'; use one of text, json"):
        render(report, "yaml")


def test_an_unknown_show_names_the_known_ones(report) -> None:
    """show is problems or all."""
    with pytest.raises(ClaimtallyError, match="unknown show 'some'; use one of problems, all"):
        render(report, "text", show="some")
