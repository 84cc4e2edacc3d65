"""The report of a check: findings, one result per claim, a summary; one object every format renders.

Renderers are in :mod:`claimtally.report.text`; they read a :class:`Report` and never recompute a verdict.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from claimtally.arith.truth import Tri
from claimtally.contract import SEVERITIES, VERDICTS, Severity, Verdict
from claimtally.errors import locate
from claimtally.expr.evaluate import Relation

__all__ = [
    "SEVERITIES",
    "VERDICTS",
    "ClaimResult",
    "Finding",
    "PackageInfo",
    "Relation",
    "Report",
    "Severity",
    "Summary",
    "Verdict",
    "at_or_above",
    "summarise",
]


def at_or_above(severity: str, fail_on: str) -> bool:
    """Whether a finding of ``severity`` meets the threshold ``fail_on`` (``never``: none does).

    The one severity threshold: the report's exit status, the CI formats and the pytest plugin use it.

    >>> at_or_above("warning", "error"), at_or_above("error", "warning"), at_or_above("error", "never")
    (False, True, False)
    """
    if fail_on == "never":
        return False
    return SEVERITIES.index(severity) <= SEVERITIES.index(fail_on)


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

    @classmethod
    def at(cls, file: str, row: int | None, label: str | None, message: str, **fields: Any) -> Finding:
        """A finding about a place: ``message`` gets the prefix ``file, row N, label:`` (see
        :func:`claimtally.errors.locate`), and ``file`` and ``row`` are set from the same arguments.

        >>> Finding.at("data/claims.csv", 3, "claim c1", "fails", rule="claims", severity="error").message
        'data/claims.csv, row 3, claim c1: fails'
        """
        return cls(file=file, row=row, message=locate(file, row, label, message), **fields)


class ClaimResult(_Model):
    """The verdict on one claim, with the intervals behind it."""

    claim_id: str
    source_id: str
    quote: str
    expression: str
    topic: str
    expect: Verdict | None
    verdict: Verdict
    strict: Tri
    loose: Tri
    computed: str | None
    stated: str | None
    message: str
    relations: tuple[Relation, ...] = ()
    values: tuple[str, ...] = ()
    """Value ids the expression reads, in order of first appearance (their rows name the sources)."""
    derivation: tuple[str, ...] = ()
    """Each value's interval and why, then each step, in order (``claimtally explain``)."""
    error_position: int | None = Field(default=None, exclude=True)
    """Where in ``expression`` it stops parsing (0-based), for the caret under it; not in the JSON."""


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
    unlisted: dict[str, int] = {}
    """Info findings counted here by rule rather than listed (the default report; ``--show all`` lists
    them, and this is then empty)."""


class Report(_Model):
    """Everything one check found; the input to every output format."""

    package: PackageInfo
    summary: Summary
    claims: tuple[ClaimResult, ...]
    findings: tuple[Finding, ...]

    def failing(self, fail_on: str) -> list[Finding]:
        """Findings at or above a severity (``never`` gives none)."""
        return [f for f in self.findings if at_or_above(f.severity, fail_on)]

    def listed(self, show: str = "problems") -> tuple[Finding, ...]:
        """The findings a report lists: all with ``show="all"``, else those at warning or above."""
        if show == "all":
            return self.findings
        return tuple(f for f in self.findings if f.severity != "info")

    def unlisted(self, show: str = "problems") -> dict[str, int]:
        """Info findings a report with this ``show`` counts instead of listing, by rule in rule order
        (with those a check made with ``show="problems"`` counted and never built)."""
        if show == "all":
            return dict(self.summary.unlisted)
        counts: dict[str, int] = dict(self.summary.unlisted)
        for f in self.findings:
            if f.severity == "info":
                counts[f.rule] = counts.get(f.rule, 0) + 1
        order = {r: i for i, r in enumerate(self.summary.rules)}
        return dict(sorted(counts.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))

    def shown(self, show: str = "problems") -> Report:
        """The report as a format with this ``show`` writes it: listed findings, the rest counted."""
        if show == "all" or not any(f.severity == "info" for f in self.findings):
            return self
        summary = self.summary.model_copy(update={"unlisted": self.unlisted(show)})
        return self.model_copy(update={"summary": summary, "findings": self.listed(show)})

    def exit_status(self, fail_on: str) -> int:
        """What ``claimtally check`` exits with: 1 when a finding is at or above ``fail_on``, else 0."""
        counted = at_or_above("info", fail_on) and any(self.summary.unlisted.values())
        return 1 if self.failing(fail_on) or counted else 0


def summarise(
    claims: list[ClaimResult],
    findings: list[Finding],
    rules: tuple[str, ...],
    unlisted: dict[str, int] | None = None,
) -> Summary:
    """Count verdicts and severities, every key present so the JSON shape never changes; ``unlisted``
    counts info findings that were counted and not built (they count as findings too)."""
    verdicts: dict[str, int] = dict.fromkeys(VERDICTS, 0)
    for c in claims:
        verdicts[c.verdict] += 1
    severities: dict[str, int] = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        severities[f.severity] += 1
    counted = sum((unlisted or {}).values())
    severities["info"] += counted
    return Summary(
        claims=len(claims),
        verdicts=verdicts,
        findings=len(findings) + counted,
        severities=severities,
        rules=rules,
        unlisted=unlisted or {},
    )
