"""One entry to every output format of a check: ``render(report, "json")`` and so on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimtally.errors import ClaimtallyError
from claimtally.report.ci import render_github, render_junit
from claimtally.report.html import render_html, sources_of
from claimtally.report.model import Report
from claimtally.report.text import render_json, render_text

if TYPE_CHECKING:
    from claimtally.data.package import Package

FORMATS = ("text", "json", "junit", "github", "html")
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
) -> str:
    """Render a report as ``text``, ``json``, ``junit``, ``github`` or ``html``.

    ``package`` is the package the report is of; the HTML page links each claim's sources from it
    (without it, sources are shown by id). ``show`` is ``problems`` (info findings counted by rule) or
    ``all`` (every finding listed).
    """
    if show not in SHOW:
        msg = f"unknown show '{show}'; use one of {', '.join(SHOW)}"
        raise ClaimtallyError(msg)
    if fmt == "json":
        return render_json(report, show)
    if fmt == "text":
        return render_text(report, color=color, show=show)
    if fmt in ("junit", "github"):
        return render_junit(report.shown(show), fail_on) if fmt == "junit" else render_github(report)
    if fmt == "html":
        return render_html(report.shown(show), fail_on, sources_of(package) if package is not None else None)
    msg = f"unknown format '{fmt}'; use one of {', '.join(FORMATS)}"
    raise ClaimtallyError(msg)
