"""The report object: summary counts with every key, and failing findings by severity."""

from __future__ import annotations

from claimtally.report.model import Finding, summarise


def _finding(severity: str) -> Finding:
    return Finding(rule="claims", severity=severity, message="m")  # type: ignore[arg-type]


def test_summary_counts_every_verdict_and_severity_even_when_zero() -> None:
    """The JSON shape never changes: zero counts are present."""
    summary = summarise([], [_finding("warning")], ("claims",))
    assert {"holds": 0, "holds-loosely": 0, "fails": 0, "undetermined": 0} == summary.verdicts
    assert {"error": 0, "warning": 1, "info": 0} == summary.severities


def test_failing_respects_the_threshold() -> None:
    """--fail-on warning includes errors and warnings; never includes nothing."""
    from claimtally.report.model import PackageInfo, Report

    findings = (_finding("error"), _finding("warning"), _finding("info"))
    report = Report(
        package=PackageInfo(name="p", version="1", hash="h"),
        summary=summarise([], list(findings), ()),
        claims=(),
        findings=findings,
    )
    assert 1 == len(report.failing("error"))
    assert 2 == len(report.failing("warning"))
    assert [] == report.failing("never")


def test_exit_status_is_1_exactly_when_a_finding_reaches_the_threshold() -> None:
    """The status check exits with, for the CLI and the HTML page alike."""
    from claimtally.report.model import PackageInfo, Report

    findings = (_finding("warning"),)
    report = Report(
        package=PackageInfo(name="p", version="1", hash="h"),
        summary=summarise([], list(findings), ()),
        claims=(),
        findings=findings,
    )
    assert (0, 1, 0) == tuple(report.exit_status(t) for t in ("error", "warning", "never"))
