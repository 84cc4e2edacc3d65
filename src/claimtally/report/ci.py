"""Renderers for CI servers: JUnit XML and GitHub Actions workflow commands. Pure: Report in, text out.

JUnit: one ``<testsuite>`` per rule that ran; in it one ``<testcase>`` per claim (rule ``claims``) or
per value, claim or file row a finding names (other rules), or a single ``<testcase>`` named after the
rule when it found nothing; each finding at or above ``--fail-on`` is a ``<failure>`` of its test case,
and findings below it go to the case's ``<system-out>``.

GitHub: ``::error``/``::warning`` commands with ``file``, ``line`` and ``title``, so each finding is
annotated on the CSV line of its row in a pull request; ``info`` findings are not annotated.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from claimtally.output import clean
from claimtally.report.codescan import located, where
from claimtally.report.model import Finding, Report, at_or_above

_GITHUB_LEVEL = {"error": "error", "warning": "warning"}


def _subject(f: Finding) -> str:
    """The test case a finding belongs to: its claim, its value, or its place in the package."""
    if f.claim_id:
        return clean(f"claim {f.claim_id}")
    if f.value_id:
        return clean(f"value {f.value_id}")
    if f.file and f.row:
        return clean(f"{f.file} row {f.row}")
    return clean(f.file or "package")


def render_junit(report: Report, fail_on: str = "error", base: str = "") -> str:
    """The report as JUnit XML: suites per rule, cases per checked claim or value, failures per finding.

    ``base`` is the package folder relative to the current folder; file paths are given from there.
    """
    by_rule: dict[str, dict[str, list[Finding]]] = {r: defaultdict(list) for r in report.summary.rules}
    for f in report.findings:
        by_rule.setdefault(f.rule, defaultdict(list))[_subject(f)].append(f)
    if "claims" in by_rule:
        for claim in report.claims:
            by_rule["claims"].setdefault(clean(f"claim {claim.claim_id}"), [])
    root = ET.Element("testsuites", name=clean(f"claimtally {report.package.name} {report.package.version}"))
    totals = {"tests": 0, "failures": 0}
    for rule, cases in by_rule.items():
        suite = ET.SubElement(root, "testsuite", name=rule)
        counts = {"tests": 0, "failures": 0}
        for subject, findings in (cases or {rule: []}).items():
            case = ET.SubElement(suite, "testcase", name=subject, classname=f"claimtally.{rule}")
            counts["tests"] += 1
            failing = [f for f in findings if at_or_above(f.severity, fail_on)]
            for f in failing:
                place = where(f, base) if f.file else ""
                failure = ET.SubElement(case, "failure", message=clean(f.message), type=f.severity)
                failure.text = f"{place}\n{clean(f.message)}" if place else clean(f.message)
            if failing:
                counts["failures"] += 1
            rest = [f for f in findings if f not in failing]
            if rest:
                ET.SubElement(case, "system-out").text = "\n".join(
                    f"[{f.severity}] {clean(f.message)}" for f in rest
                )
        suite.set("tests", str(counts["tests"]))
        suite.set("failures", str(counts["failures"]))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        totals["tests"] += counts["tests"]
        totals["failures"] += counts["failures"]
    root.set("tests", str(totals["tests"]))
    root.set("failures", str(totals["failures"]))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report, base: str = "") -> str:
    """GitHub Actions workflow commands: one annotation per error or warning, at its file and line.

    ``base`` is the package folder relative to the current folder (the repository root in CI).
    """
    lines = []
    for f in report.findings:
        level = _GITHUB_LEVEL.get(f.severity)
        if level is None:
            continue
        props = []
        if f.file:
            props.append(f"file={_escape_property(located(base, f.file))}")
            if f.line or f.row:
                props.append(f"line={f.line or f.row}")
        title = clean(
            f"claimtally {f.rule}" + (f" {f.claim_id or f.value_id}" if f.claim_id or f.value_id else "")
        )
        props.append(f"title={_escape_property(title)}")
        lines.append(f"::{level} {','.join(props)}::{_escape_data(clean(f.message))}")
    s = report.summary
    lines.append(
        f"::notice title=claimtally::{s.claims} claims: "
        + ", ".join(f"{n} {v}" for v, n in s.verdicts.items())
        + f"; {s.severities['error']} error, {s.severities['warning']} warning"
    )
    return "\n".join(lines) + "\n"
