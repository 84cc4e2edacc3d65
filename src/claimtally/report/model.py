"""The report of a check: findings, one result per claim, a summary; one object every format renders.

Renderers are in :mod:`claimtally.report.text`; they read a :class:`Report` and never recompute a verdict.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Severity = Literal["error", "warning", "info"]
Verdict = Literal["holds", "holds-loosely", "fails", "undetermined"]
Truth = Literal["true", "false", "unknown"]

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
VERDICTS: tuple[Verdict, ...] = ("holds", "holds-loosely", "fails", "undetermined")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Finding(_Model):
    """One thing a rule found: where, what was expected, what was found, what to do."""

    rule: str
    """Stable id of the rule that found it (``claimtally rules`` lists them)."""
    severity: Severity
    claim_id: str | None = None
    value_id: str | None = None
    file: str | None = None
    """Resource path of the row, e.g. ``data/claims.csv``."""
    row: int | None = None
    """Row number in the file (the header is row 1)."""
    line: int | None = None
    """Line of the file where that row starts (differs from ``row`` when a cell holds a newline)."""
    column: str | None = None
    expected: str | None = None
    observed: str | None = None
    message: str
    """One sentence: where, what was expected, what was found and what to do."""


class Relation(_Model):
    """One relation of a claim in both readings: the intervals and how far apart they are."""

    text: str
    op: str
    strict: Truth
    loose: Truth
    computed: str
    """Strict interval of the computed (left) side."""
    stated: str
    """Strict interval of the stated (right) side."""
    computed_loose: str
    stated_loose: str
    gap: str
    """Distance between the strict intervals (0 when they touch or overlap)."""


class ClaimResult(_Model):
    """The verdict on one claim, with the intervals behind it."""

    claim_id: str
    source_id: str
    quote: str
    expression: str
    topic: str
    expect: Verdict | None
    verdict: Verdict
    strict: Truth
    loose: Truth
    computed: str | None
    stated: str | None
    message: str
    relations: tuple[Relation, ...] = ()
    values: tuple[str, ...] = ()
    """Value ids the expression reads, in order of first appearance (their rows name the sources)."""
    derivation: tuple[str, ...] = ()
    """Each value's interval and why, then each step, in order (``claimtally explain``)."""


class PackageInfo(_Model):
    """Which package was checked."""

    name: str
    version: str
    hash: str
    """sha256 over the resources' sha256 hashes, in order (see :mod:`claimtally.data.hashing`)."""


class Summary(_Model):
    """Counts of verdicts and findings."""

    claims: int
    verdicts: dict[str, int]
    findings: int
    severities: dict[str, int]
    rules: tuple[str, ...]


class Report(_Model):
    """Everything one check found; the input to every output format."""

    package: PackageInfo
    summary: Summary
    claims: tuple[ClaimResult, ...]
    findings: tuple[Finding, ...]

    def failing(self, fail_on: str) -> list[Finding]:
        """Findings at or above a severity (``never`` gives none)."""
        if fail_on == "never":
            return []
        limit = [str(s) for s in SEVERITIES].index(fail_on)
        return [f for f in self.findings if SEVERITIES.index(f.severity) <= limit]

    def exit_status(self, fail_on: str) -> int:
        """What ``claimtally check`` exits with: 1 when a finding is at or above ``fail_on``, else 0."""
        return 1 if self.failing(fail_on) else 0


def summarise(claims: list[ClaimResult], findings: list[Finding], rules: tuple[str, ...]) -> Summary:
    """Count verdicts and severities, every key present so the JSON shape never changes."""
    verdicts: dict[str, int] = {v: sum(c.verdict == v for c in claims) for v in VERDICTS}
    severities: dict[str, int] = {s: sum(f.severity == s for f in findings) for s in SEVERITIES}
    return Summary(
        claims=len(claims), verdicts=verdicts, findings=len(findings), severities=severities, rules=rules
    )
