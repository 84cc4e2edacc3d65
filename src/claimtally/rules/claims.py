"""Rule ``claims``: each claim's verdict, held against the verdict its curators recorded."""

from __future__ import annotations

from collections.abc import Iterator

from claimtally.contract import Severity
from claimtally.report.model import Finding
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
        where = f"claim {claim_id}"
        if c.error is not None:
            yield ctx.at(
                file,
                c.row,
                where,
                c.error,
                rule="claims",
                severity="error",
                claim_id=claim_id,
                column="expression",
            )
            continue
        assert c.outcome is not None
        for problem in c.outcome.problems:
            yield ctx.at(
                file,
                c.row,
                where,
                f"{problem}, so the relation is undetermined; check the divisor's values",
                rule="claims",
                severity="warning",
                claim_id=claim_id,
                column="expression",
            )
        yield from _verdict_finding(ctx, c, file, where)


def _verdict_finding(ctx: Context, c: ClaimEval, file: str, where: str) -> Iterator[Finding]:
    assert c.outcome is not None
    claim_id, expect = c.cells["claim_id"], c.cells["expect"]
    verdict = c.outcome.verdict
    if expect:
        same = verdict == expect
        if same and not ctx.lists("info"):
            ctx.tally("claims")
            return
        detail = c.outcome.describe()
        message = (
            f"{verdict}, as recorded ({detail})"
            if same
            else f"recorded '{expect}' but the check gives '{verdict}' ({detail}); fix the data or the "
            "expect cell, or report a checker regression"
        )
        yield ctx.at(
            file,
            c.row,
            where,
            message,
            rule="claims",
            severity="info" if same else "error",
            claim_id=claim_id,
            column="expect",
            expected=expect,
            observed=verdict,
        )
        return
    severity = DRAFT_SEVERITY[verdict]
    if severity is not None and not ctx.lists(severity):
        ctx.tally("claims")
    elif severity is not None:
        detail = c.outcome.describe()
        yield ctx.at(
            file,
            c.row,
            where,
            f"{verdict} ({detail}); record the verdict in 'expect' once it is reviewed",
            rule="claims",
            severity=severity,
            claim_id=claim_id,
            column="expression",
            observed=verdict,
        )
