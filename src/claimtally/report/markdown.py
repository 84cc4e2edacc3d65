"""The report as Markdown: the counts, then every error and warning, then every claim that fails or is
undetermined, as tables. Written for a GitHub job summary (``$GITHUB_STEP_SUMMARY``) or a pull-request
comment; info findings are counted, not listed.

Text from the data is made inert twice: :func:`claimtally.output.clean` escapes control characters,
and every Markdown or HTML mark (``| \\ ` * _ [ ] < > & # ! ~``) is escaped, so a cell can neither end
its table row nor make a link, an image, a heading or markup.
"""

from __future__ import annotations

import re

from claimtally.output import clean
from claimtally.report.codescan import where
from claimtally.report.model import Report, at_or_above

_MARKS = re.compile(r"([\\`*_\[\]#!~|])")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def cell(text: str | None) -> str:
    """Text from the data as one inert Markdown table cell."""
    escaped = "".join(_ENTITIES.get(ch, ch) for ch in clean(text or ""))
    return _MARKS.sub(r"\\\1", escaped)


def render_markdown(report: Report, fail_on: str = "error", base: str = "") -> str:
    """The Markdown summary of a report (see the module docstring)."""
    s = report.summary
    v = s.verdicts
    failing = report.failing(fail_on)
    status = "fails" if failing else "passes"
    lines = [
        f"## claimtally: {cell(report.package.name)} {cell(report.package.version)}",
        "",
        f"**{s.claims} claims**: {v.get('holds', 0)} hold, {v.get('holds-loosely', 0)} hold loosely, "
        f"{v.get('fails', 0)} fail, {v.get('undetermined', 0)} undetermined. "
        f"**{s.severities.get('error', 0)} errors, {s.severities.get('warning', 0)} warnings**, "
        f"{s.severities.get('info', 0)} info findings. "
        f"The check {status} at `--fail-on {fail_on}` ({len(failing)} findings at or above it).",
        "",
    ]
    problems = [f for f in report.findings if at_or_above(f.severity, "warning")]
    lines += [f"### Errors and warnings ({len(problems)})", ""]
    if problems:
        lines += ["| severity | rule | where | finding |", "|---|---|---|---|"]
        for f in problems:
            lines.append(f"| {f.severity} | {f.rule} | {cell(where(f, base))} | {cell(f.message)} |")
    else:
        lines.append("None.")
    lines.append("")
    claims = [c for c in report.claims if c.verdict in ("fails", "undetermined")]
    lines += [f"### Claims that fail or are undetermined ({len(claims)})", ""]
    if claims:
        lines += ["| claim | verdict | recorded | computed | stated | quote |", "|---|---|---|---|---|---|"]
        for c in claims:
            recorded = c.expect or ""
            row = [c.claim_id, c.verdict, recorded, c.computed or "", c.stated or "", c.quote]
            lines.append("| " + " | ".join(cell(x) for x in row) + " |")
    else:
        lines.append("None.")
    return "\n".join(lines) + "\n"
