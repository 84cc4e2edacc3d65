"""The report as one self-contained HTML page. Pure: a Report (and the package's source rows) in, text out.

The page loads nothing: its one stylesheet is inline and allowed by its hash in a Content Security
Policy that forbids every other load, scripts included; filtering claims by verdict is done by CSS
(``:checked`` checkboxes). Everything that comes from the package is escaped, with control characters
shown as escapes; a source's URL becomes a link only when it is an absolute ``http``/``https`` URL.
Output is deterministic: the same report gives the same bytes.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

from claimtally.output import clean
from claimtally.report.model import SEVERITIES, VERDICTS, ClaimResult, Finding, Report
from claimtally.report.style import CSP, CSS
from claimtally.report.text import derivation_lines

if TYPE_CHECKING:
    from claimtally.data.package import Package

#: Surrogates cannot be written as UTF-8; like control characters they are shown as escapes.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
#: An absolute http(s) URL with a host and nothing a browser would strip or reinterpret.
_LINKABLE = re.compile(r"https?://[^\s/?#\\\x00-\x1f\x7f-\x9f]+(?:[/?#][^\s\x00-\x1f\x7f-\x9f]*)?", re.I)

#: What a claim's verdict says about the sources whose numbers it reads: they agree with the claim or
#: contradict it (for an ``==`` claim, with each other; for ``<`` or ``!=``, with the relation stated).
_AGREEMENT = {
    "holds": "their numbers agree with the claim",
    "holds-loosely": "their numbers agree with the claim only once the hedges widen them",
    "fails": "their numbers contradict the claim",
    "undetermined": "their numbers neither confirm nor contradict the claim",
}


@dataclass(frozen=True)
class SourceRow:
    """A document that states numbers, as the package's ``sources`` table gives it."""

    source_id: str
    title: str = ""
    url: str = ""
    publisher: str = ""
    kind: str = ""


@dataclass(frozen=True)
class ValueRow:
    """One stated number, as the package's ``values`` table gives it."""

    value_id: str
    source_id: str
    value: str = ""
    value_max: str = ""
    hedge: str = ""
    setting: str = ""
    quote: str = ""


@dataclass(frozen=True)
class Sources:
    """The rows a report names only by id: sources (with their URLs) and the values they state."""

    sources: dict[str, SourceRow] = field(default_factory=dict)
    values: dict[str, ValueRow] = field(default_factory=dict)


def sources_of(package: Package) -> Sources:
    """The source and value rows of a package, first row per id (a duplicate is the integrity rule's)."""
    from claimtally.data.table import records

    def cells_for(row_type: type[SourceRow | ValueRow], cells: dict[str, str]) -> dict[str, str]:
        return {f.name: cells.get(f.name, "") for f in fields(row_type)}

    sources: dict[str, SourceRow] = {}
    for cells in records(package.sources):
        sources.setdefault(cells.get("source_id", ""), SourceRow(**cells_for(SourceRow, cells)))
    values: dict[str, ValueRow] = {}
    for cells in records(package.values):
        values.setdefault(cells.get("value_id", ""), ValueRow(**cells_for(ValueRow, cells)))
    return Sources(sources, values)


def esc(text: str) -> str:
    """Text from the data as HTML: control characters and surrogates shown as escapes, markup escaped."""
    shown = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", clean(text))
    return html.escape(shown, quote=True)


def linkable(url: str) -> bool:
    """Whether a URL may become a link: absolute http or https with a host, no spaces or controls."""
    return _LINKABLE.fullmatch(url) is not None


def render_html(report: Report, fail_on: str = "error", sources: Sources | None = None) -> str:
    """The report as one HTML page: summary, claims filterable by verdict, findings by rule."""
    index = sources or Sources()
    p = report.package
    title = esc(f"claimtally report: {p.name} {p.version}")
    by_claim: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        if f.claim_id is not None and not _as_recorded(f):
            by_claim[f.claim_id].append(f)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{title}</h1>",
        f'<p class="muted">package hash <code>sha256:{esc(p.hash)}</code></p>',
        "</header>",
        "<main>",
        *_summary(report, fail_on),
        *_claims(report, by_claim, index),
        *_findings(report, index),
        "</main>",
        "<footer>Written by <code>claimtally check --format html</code>. Stated numbers are read as "
        "intervals: strictly (rounding, the hedge's own half-line) and loosely (hedge words widen "
        "them); a claim holds, holds loosely, fails or is undetermined.</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _summary(report: Report, fail_on: str) -> list[str]:
    s = report.summary
    failing = len(report.failing(fail_on))
    status = report.exit_status(fail_on)
    if fail_on == "never":
        said = "--fail-on never: findings never fail the check"
    elif failing:
        said = f"{failing} finding{'s' if failing != 1 else ''} at or above {fail_on} (--fail-on {fail_on})"
    else:
        said = f"no finding at or above {fail_on} (--fail-on {fail_on})"
    verdict_rows = [
        f'<tr><td><span class="badge b-{v}">{v}</span></td><td class="n">{s.verdicts.get(v, 0)}</td></tr>'
        for v in VERDICTS
    ]
    severity_rows = [
        f'<tr><td><span class="badge b-{v}">{v}</span></td><td class="n">{s.severities.get(v, 0)}</td></tr>'
        for v in SEVERITIES
    ]
    return [
        '<section id="summary">',
        "<h2>Summary</h2>",
        f'<p class="status{" fail" if status else ""}">Exit status {status}: {esc(said)}</p>',
        '<div class="counts">',
        f'<table><caption>{s.claims} claims</caption><tr><th scope="col">verdict</th>'
        f'<th scope="col">claims</th></tr>',
        *verdict_rows,
        "</table>",
        f'<table><caption>{s.findings} findings</caption><tr><th scope="col">severity</th>'
        f'<th scope="col">findings</th></tr>',
        *severity_rows,
        "</table>",
        "</div>",
        f'<p class="muted">Rules run: {esc(", ".join(s.rules)) or "none"}.</p>',
        "</section>",
    ]


def _claims(report: Report, by_claim: dict[str, list[Finding]], index: Sources) -> list[str]:
    s = report.summary
    out = [
        '<section id="claims">',
        f"<h2>Claims ({s.claims})</h2>",
        *(f'<input class="filter" type="checkbox" id="show-{v}" checked>' for v in VERDICTS),
        '<p class="filters">Show: '
        + " ".join(f'<label for="show-{v}">{v} ({s.verdicts.get(v, 0)})</label>' for v in VERDICTS)
        + "</p>",
        '<div class="claims">',
    ]
    for number, claim in enumerate(report.claims, start=1):
        out.extend(_claim(number, claim, by_claim.get(claim.claim_id, []), index))
    out += ["</div>", "</section>"]
    return out


def _as_recorded(f: Finding) -> bool:
    """A ``claims`` finding that only says the verdict is the recorded one (the claim shows that)."""
    return f.rule == "claims" and f.severity == "info" and f.expected is not None and f.expected == f.observed


def _recorded(claim: ClaimResult) -> tuple[str, bool]:
    if claim.expect is None:
        return "no recorded verdict", False
    if claim.expect == claim.verdict:
        return f"recorded verdict: {claim.expect} (as recorded)", False
    return f"recorded verdict: {claim.expect}, but the check gives {claim.verdict}", True


def _claim(number: int, claim: ClaimResult, findings: list[Finding], index: Sources) -> list[str]:
    recorded, changed = _recorded(claim)
    classes = f"claim v-{claim.verdict}" + (" changed" if changed else "")
    out = [
        f'<article class="{classes}" id="claim-{number}">',
        f"<h3><code>{esc(claim.claim_id)}</code> "
        f'<span class="badge b-{claim.verdict}">{claim.verdict}</span> '
        f'<span class="recorded{" changed" if changed else ""}">{esc(recorded)}</span></h3>',
        f'<p class="muted">topic {esc(claim.topic)}; claimed by {_source(claim.source_id, index)}</p>',
        f"<blockquote>“{esc(claim.quote)}”</blockquote>",
        f"<p><code>{esc(claim.expression)}</code></p>",
        f"<p>{esc(claim.message)}</p>",
    ]
    if claim.relations:
        out += [
            '<table class="relations"><tr><th scope="col">relation</th><th scope="col">reading</th>'
            '<th scope="col">computed</th><th scope="col">stated</th><th scope="col">result</th>'
            '<th scope="col">gap</th></tr>'
        ]
        for rel in claim.relations:
            out.append(
                f'<tr><td rowspan="2"><code>{esc(rel.text)}</code></td><td>strict</td>'
                f"<td><code>{esc(rel.computed)}</code></td><td><code>{esc(rel.stated)}</code></td>"
                f'<td class="t-{rel.strict}">{rel.strict}</td><td rowspan="2">{esc(rel.gap)}</td></tr>'
            )
            out.append(
                f"<tr><td>loose</td><td><code>{esc(rel.computed_loose)}</code></td>"
                f"<td><code>{esc(rel.stated_loose)}</code></td>"
                f'<td class="t-{rel.loose}">{rel.loose}</td></tr>'
            )
        out.append("</table>")
    out += [
        "<details><summary>Derivation</summary>",
        f"<pre>{chr(10).join(esc(line) for line in derivation_lines(claim))}</pre>",
        "</details>",
        *_claim_sources(claim, index),
    ]
    if findings:
        out.append("<h4>Findings</h4>")
        out += ["<ul>", *(_finding_item(f, index) for f in findings), "</ul>"]
    out.append("</article>")
    return out


def _claim_sources(claim: ClaimResult, index: Sources) -> list[str]:
    """The sources whose numbers the claim reads, each with its values, and whether they agree."""
    grouped: dict[str, list[str]] = {}
    for value_id in claim.values:
        row = index.values.get(value_id)
        grouped.setdefault(row.source_id if row else "", []).append(value_id)
    if not grouped:
        return []
    out = [
        f"<h4>Sources ({len(grouped)}): {esc(_AGREEMENT[claim.verdict])}</h4>",
        '<ul class="sources">',
    ]
    for source_id, value_ids in grouped.items():
        where = _source(source_id, index) if source_id else '<span class="muted">source unknown</span>'
        out.append(f"<li>{where}<ul>")
        out.extend(f"<li>{_value(v, index, claim.quote)}</li>" for v in value_ids)
        out.append("</ul></li>")
    out.append("</ul>")
    return out


def _source(source_id: str, index: Sources) -> str:
    """A source as its title, linked when its URL is http(s), with its kind and id."""
    row = index.sources.get(source_id)
    if row is None:
        return f"<code>{esc(source_id)}</code>"
    name = esc(row.title or source_id)
    if linkable(row.url):
        shown = f'<a href="{esc(row.url)}" rel="noopener noreferrer">{name}</a>'
    elif row.url:
        shown = f'{name} <span class="muted">(not a web link: <code>{esc(row.url)}</code>)</span>'
    else:
        shown = name
    about = "".join(f", {esc(x)}" for x in (row.kind, row.publisher) if x)
    return f'{shown} <span class="muted">(<code>{esc(source_id)}</code>{about})</span>'


def _value(value_id: str, index: Sources, claim_quote: str) -> str:
    """A value with its number as written and the words that state it (unless the claim's own)."""
    row = index.values.get(value_id)
    if row is None:
        return f"<code>{esc(value_id)}</code>"
    number = row.value + (f"–{row.value_max}" if row.value_max else "")
    labelled = (("hedge", row.hedge), ("setting", row.setting))
    extra = "".join(f", {label} {esc(x)}" for label, x in labelled if x)
    quote = f": “{esc(row.quote)}”" if row.quote and row.quote != claim_quote else ""
    return f"<code>{esc(value_id)}</code> = <strong>{esc(number)}</strong>{extra}{quote}"


def _findings(report: Report, index: Sources) -> list[str]:
    """Findings grouped by rule: errors and warnings listed, info findings folded away.

    A verdict as recorded (an info finding of rule ``claims``) is shown on its claim only.
    """
    by_rule: dict[str, list[Finding]] = {r: [] for r in report.summary.rules}
    for f in report.findings:
        by_rule.setdefault(f.rule, []).append(f)
    out = ['<section id="findings">', "<h2>Findings by rule</h2>"]
    for rule, findings in by_rule.items():
        tally = {s: sum(f.severity == s for f in findings) for s in SEVERITIES}
        tally["info"] += report.summary.unlisted.get(rule, 0)
        counts = ", ".join(f"{n} {s}" for s, n in tally.items() if n)
        out.append(f'<h3>{esc(rule)} <span class="muted">({counts or "nothing found"})</span></h3>')
        shown = [f for f in findings if f.severity != "info"]
        folded = [f for f in findings if f.severity == "info" and not _as_recorded(f)]
        if shown:
            out += ["<ul>", *(_finding_item(f, index) for f in shown), "</ul>"]
        recorded = sum(_as_recorded(f) for f in findings)
        if recorded:
            said = f"{recorded} verdict{'s' if recorded != 1 else ''} as recorded"
            out.append(f'<p class="muted">{said}: shown on their claims.</p>')
        if folded:
            out += [
                f"<details><summary>{len(folded)} info</summary><ul>",
                *(_finding_item(f, index) for f in folded),
                "</ul></details>",
            ]
        unlisted = report.summary.unlisted.get(rule, 0)
        if unlisted:
            said = f"{unlisted} info finding{'s' if unlisted != 1 else ''}"
            out.append(
                f'<p class="muted">{said}, counted, not listed (<code>--show all</code> lists them).</p>'
            )
    out.append("</section>")
    return out


def _finding_item(f: Finding, index: Sources) -> str:
    where = f"{f.file}:{f.line or f.row}" if f.file and (f.line or f.row) else (f.file or "")
    place = f' <span class="muted">{esc(where)}</span>' if where else ""
    value = index.values.get(f.value_id) if f.value_id else None
    stated_by = f' <span class="muted">stated by</span> {_source(value.source_id, index)}' if value else ""
    return (
        f'<li><span class="badge b-{f.severity}">{f.severity}</span> '
        f"<code>{esc(f.rule)}</code>{place} {esc(f.message)}{stated_by}</li>"
    )
