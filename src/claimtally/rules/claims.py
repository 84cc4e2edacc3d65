"""Rule ``claims``: each claim's verdict, held against the verdict its curators recorded."""

from __future__ import annotations

from collections.abc import Iterator

from claimtally.report.model import Finding, Relation, Severity
from claimtally.rules.context import ClaimEval, Context

#: Severity of a verdict on a claim with no recorded ``expect`` (a user's draft), contract §5.
DRAFT_SEVERITY: dict[str, Severity | None] = {
    "fails": "error",
    "undetermined": "warning",
    "holds-loosely": "info",
    "holds": None,
}


def check(ctx: Context) -> Iterator[Finding]:
    """Each claim's verdict (holds, holds-loosely, fails, undetermined) against its recorded expect."""
    file = ctx.file("claims")
    for c in ctx.claims:
        claim_id = c.cells["claim_id"]
        where = f"{file}, row {c.row}"
        if c.error is not None:
            yield Finding(
                rule="claims",
                severity="error",
                claim_id=claim_id,
                file=file,
                row=c.row,
                column="expression",
                message=f"{where}, claim {claim_id}: {c.error}",
            )
            continue
        assert c.outcome is not None
        for problem in c.outcome.problems:
            yield Finding(
                rule="claims",
                severity="warning",
                claim_id=claim_id,
                file=file,
                row=c.row,
                column="expression",
                message=f"{where}, claim {claim_id}: {problem}, so the relation is undetermined; "
                "check the divisor's values",
            )
        yield from _verdict_finding(c, file, where)


def _verdict_finding(c: ClaimEval, file: str, where: str) -> Iterator[Finding]:
    assert c.outcome is not None
    claim_id, expect = c.cells["claim_id"], c.cells["expect"]
    verdict = c.outcome.verdict
    detail = describe(c)
    if expect:
        same = verdict == expect
        message = (
            f"{verdict}, as recorded ({detail})"
            if same
            else f"recorded '{expect}' but the check gives '{verdict}' ({detail}); fix the data or the "
            "expect cell, or report a checker regression"
        )
        yield Finding(
            rule="claims",
            severity="info" if same else "error",
            claim_id=claim_id,
            file=file,
            row=c.row,
            column="expect",
            expected=expect,
            observed=verdict,
            message=f"{where}, claim {claim_id}: {message}",
        )
        return
    severity = DRAFT_SEVERITY[verdict]
    if severity is not None:
        yield Finding(
            rule="claims",
            severity=severity,
            claim_id=claim_id,
            file=file,
            row=c.row,
            column="expression",
            observed=verdict,
            message=f"{where}, claim {claim_id}: {verdict} ({detail}); record the verdict in "
            "'expect' once it is reviewed",
        )


def describe(c: ClaimEval) -> str:
    """One line on the decisive relation: computed and stated intervals and the gap."""
    assert c.outcome is not None
    rel = decisive(c)
    if rel is None:
        return "no relation"
    text = f"{rel.text}: computed {rel.computed}, stated {rel.stated}"
    if rel.stated_loose != rel.stated or rel.computed_loose != rel.computed:
        text += f" (loose {rel.computed_loose} vs {rel.stated_loose})"
    if rel.gap not in ("0", "undefined"):
        text += f", gap {rel.gap}"
    return text


def decisive(c: ClaimEval) -> Relation | None:
    """The relation that decides the verdict: the first not true strictly, else the last."""
    assert c.outcome is not None
    relations = c.outcome.relations
    if not relations:
        return None
    return next((r for r in relations if r.strict != "true"), relations[-1])
