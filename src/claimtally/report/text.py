"""Pure renderers: a :class:`~claimtally.report.model.Report` in, text out. No verdict is recomputed here."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import TypeAdapter

from claimtally.errors import ClaimtallyError
from claimtally.output import caret_lines, clean, json_text
from claimtally.report.model import VERDICTS, ClaimResult, Finding, Report

_COLOURS = {
    "holds": "32",
    "holds-loosely": "36",
    "fails": "31",
    "undetermined": "33",
    "error": "31",
    "warning": "33",
    "info": "2",
}


def _paint(text: str, key: str, color: bool) -> str:
    return f"\x1b[{_COLOURS[key]}m{text}\x1b[0m" if color else text


def render_json(report: Report, show: str = "problems") -> str:
    """The contract's JSON report (§7): package, summary, claims, findings; stable for one input.

    With ``show="problems"`` (the default) info findings are counted in ``summary.unlisted`` by rule
    instead of listed; ``show="all"`` lists them.
    """
    return "".join(iter_json(report, show))


def iter_json(report: Report, show: str = "problems") -> Iterator[str]:
    """The JSON report in pieces, one claim or finding at a time, so that it can be written as it is
    made; the pieces join to exactly ``report.model_dump_json(indent=2)`` of the shown report (with
    ``show="problems"``, without each claim's ``derivation``: ``--show all`` and ``explain`` print it)."""
    shown = report.shown(show)
    leave_out = None if show == "all" else {"derivation"}
    yield "{\n"
    yield f'  "package": {_nested(shown.package.model_dump_json(indent=2))},\n'
    yield f'  "summary": {_nested(shown.summary.model_dump_json(indent=2))},\n'
    for name, items in (("claims", shown.claims), ("findings", shown.findings)):
        if not items:
            yield f'  "{name}": []' + (",\n" if name == "claims" else "\n")
            continue
        yield f'  "{name}": [\n'
        leave = {"__all__": leave_out} if leave_out and name == "claims" else None
        adapter = _CLAIMS if name == "claims" else _FINDINGS
        for start in range(0, len(items), _CHUNK):
            chunk = list(items[start : start + _CHUNK])
            # pydantic's Rust serializer: the same text as json.dumps(indent=2, ensure_ascii=False);
            # a chunk's array, nested two spaces deeper, without its brackets, is its items' members
            text = adapter.dump_json(chunk, indent=2, exclude=leave).decode("utf-8")  # type: ignore[arg-type]
            more = start + _CHUNK < len(items)
            yield json_text("  " + text[2:-2].replace("\n", "\n  ")) + (",\n" if more else "\n")
        yield "  ]" + (",\n" if name == "claims" else "\n")
    yield "}\n"


#: Claims or findings serialised in one call (one call per item cost a tenth of a large report's time).
_CHUNK = 1000
_CLAIMS: TypeAdapter[list[ClaimResult]] = TypeAdapter(list[ClaimResult])
_FINDINGS: TypeAdapter[list[Finding]] = TypeAdapter(list[Finding])


def _nested(text: str, depth: int = 2) -> str:
    """A JSON document indented as a member at ``depth`` spaces (its first line stays unindented)."""
    return json_text(text.replace("\n", "\n" + " " * depth))


def render_text(report: Report, *, color: bool = False, show: str = "problems") -> str:
    """A report for people: summary, claims grouped by verdict, then findings by severity.

    Info findings are counted by rule (``show="all"`` lists them, but for the verdicts as recorded,
    which the claims above already show).
    """
    p, s = report.package, report.summary
    lines = [f"{clean(p.name)} {clean(p.version)}  sha256:{p.hash[:16]}…", ""]
    counts = ", ".join(f"{s.verdicts[v]} {v}" for v in VERDICTS)
    lines.append(f"{s.claims} claims: {counts}")
    sev = s.severities
    lines.append(f"{s.findings} findings: {sev['error']} error, {sev['warning']} warning, {sev['info']} info")
    by_verdict: dict[str, list[ClaimResult]] = {v: [] for v in VERDICTS}
    for claim in report.claims:
        by_verdict[claim.verdict].append(claim)
    for verdict in VERDICTS:
        if not by_verdict[verdict]:
            continue
        lines += ["", _paint(f"{verdict.upper()} ({len(by_verdict[verdict])})", verdict, color)]
        for claim in by_verdict[verdict]:
            lines.extend(_claim_lines(claim))
    listed = [f for f in report.listed(show) if not (f.rule == "claims" and f.severity == "info")]
    for severity in ("error", "warning", "info"):
        shown = [f for f in listed if f.severity == severity]
        if shown:
            lines += ["", _paint(f"{severity.upper()} ({len(shown)})", severity, color)]
            lines.extend(_finding_line(f) for f in shown)
    counted = {rule: n for rule, n in report.unlisted(show).items() if rule != "claims"}
    if counted:
        more = ", ".join(f"{n} {rule}" for rule, n in counted.items())
        lines += ["", f"Also {more} info findings (--show all lists them)."]
    return "\n".join(lines) + "\n"


def _claim_lines(claim: ClaimResult) -> list[str]:
    if claim.expect is None:
        recorded = "no recorded verdict"
    elif claim.expect == claim.verdict:
        recorded = "as recorded"
    else:
        recorded = f"RECORDED {claim.expect}"
    return [
        f"  {clean(claim.claim_id)}  [{clean(claim.topic)}] {recorded}",
        f"    “{clean(claim.quote)}”",
        f"    {clean(claim.message)}",
        *(f"      {line}" for line in _caret(claim)),
    ]


def _caret(claim: ClaimResult) -> list[str]:
    """The expression with a caret under where it stops parsing (nothing when it parses)."""
    if claim.error_position is None:
        return []
    return caret_lines(claim.expression, claim.error_position)


def _finding_line(f: Finding) -> str:
    return f"  [{f.rule}] {clean(f.message)}"


def render_explain(report: Report, claim_id: str) -> str:
    """The derivation of one claim: values and their intervals, each step, the verdict."""
    claim = next((c for c in report.claims if c.claim_id == claim_id), None)
    if claim is None:
        import difflib

        ids = [c.claim_id for c in report.claims]
        close = difflib.get_close_matches(claim_id, ids, n=1)
        hint = f"; did you mean {close[0]}?" if close else "; 'claimtally check' lists the claims"
        msg = f"no claim '{claim_id}' in the package{hint}"
        raise ClaimtallyError(msg)
    lines = [
        clean(f"claim {claim.claim_id} ({claim.source_id}, {claim.topic})"),
        f"  quote:      “{clean(claim.quote)}”",
        f"  expression: {clean(claim.expression)}",
        "",
    ]
    return "\n".join(lines + derivation_lines(claim)) + "\n"


def derivation_lines(claim: ClaimResult) -> list[str]:
    """The body of ``explain``: each value and step, each relation in both readings, the verdict."""
    lines = ["derivation:"]
    lines += [f"  {clean(step)}" for step in claim.derivation] or [f"  {clean(claim.message)}"]
    lines += [f"    {line}" for line in _caret(claim)]
    lines += ["", "relations:"]
    for rel in claim.relations:
        lines.append(f"  {clean(rel.text)}")
        lines.append(f"    strict: {rel.computed} {rel.op} {rel.stated} → {rel.strict} (gap {rel.gap})")
        lines.append(f"    loose:  {rel.computed_loose} {rel.op} {rel.stated_loose} → {rel.loose}")
    recorded = f"; recorded: {claim.expect}" if claim.expect else "; no recorded verdict"
    lines += ["", f"verdict: {claim.verdict} (strict {claim.strict}, loose {claim.loose}){recorded}"]
    return lines
