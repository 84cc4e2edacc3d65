"""One entry to every output format of a check: ``render(report, "json")`` and so on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimtally.errors import ClaimtallyError
from claimtally.report.ci import render_github, render_junit
from claimtally.report.codescan import render_gitlab, render_sarif
from claimtally.report.html import render_html, sources_of
from claimtally.report.markdown import render_markdown
from claimtally.report.model import Report
from claimtally.report.text import render_json, render_text

if TYPE_CHECKING:
    from claimtally.data.package import Package

FORMATS = ("text", "json", "junit", "github", "sarif", "gitlab", "markdown", "html")
#: What a report lists: the problems (errors and warnings; info findings counted by rule), or all.
SHOW = ("problems", "all")


def render(
    report: Report,
    fmt: str,
    *,
    color: bool = False,
    fail_on: str = "error",
    package: Package | None = None,
    show: str = "problems",
    base: str = "",
) -> str:
    """Render a report in one of :data:`FORMATS`.

    ``package`` is the package the report is of; the HTML page links each claim's sources from it
    (without it, sources are shown by id). ``show`` is ``problems`` (info findings counted by rule) or
    ``all`` (every finding listed). ``base`` is the package folder relative to the current folder:
    junit, github, sarif and gitlab give every file from there (the repository root in CI).
    """
    if show not in SHOW:
        msg = f"unknown show '{show}'; use one of {', '.join(SHOW)}"
        raise ClaimtallyError(msg)
    if fmt == "json":
        return render_json(report, show)
    if fmt == "text":
        return render_text(report, color=color, show=show)
    if fmt == "junit":
        return render_junit(report.shown(show), fail_on, base)
    if fmt == "github":
        return render_github(report, base)
    if fmt == "sarif":
        return render_sarif(report.shown(show), base)
    if fmt == "gitlab":
        return render_gitlab(report.shown(show), base)
    if fmt == "markdown":
        return render_markdown(report, fail_on, base)
    if fmt == "html":
        return render_html(report.shown(show), fail_on, sources_of(package) if package is not None else None)
    msg = f"unknown format '{fmt}'; use one of {', '.join(FORMATS)}"
    raise ClaimtallyError(msg)
