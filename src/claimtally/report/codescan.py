"""Renderers for code-scanning services: SARIF 2.1.0 (GitHub code scanning) and GitLab Code Quality.

Both list the findings a report shows (errors and warnings by default; ``--show all`` adds info),
each at the file and line of its row. Paths are relative to the folder the command runs in (the
repository root in CI), so a service that reads them finds the file: the caller passes ``base``,
the package folder relative to that folder. A finding with no file is placed on the package's
``datapackage.json``, since both formats want a location for every result.

A finding's fingerprint is its rule, its subject (claim, value or file) and its message, hashed: the
same finding gets the same fingerprint in the next run, so a service can tell new findings from old.

SARIF levels: ``error`` → ``error``, ``warning`` → ``warning``, ``info`` → ``note``. GitLab
severities: ``error`` → ``major``, ``warning`` → ``minor``, ``info`` → ``info``.
"""

from __future__ import annotations

import hashlib
import json
import posixpath

from claimtally.output import clean
from claimtally.report.model import Finding, Report
from claimtally.rules import RULES, summary_line

#: Where the SARIF 2.1.0 JSON Schema is published (its final, errata 01 form, by the OASIS TC).
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/claimtally/claimtally"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITLAB_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def located(base: str, file: str | None) -> str:
    """The path of a finding's file relative to the current folder (``base`` is the package folder)."""
    path = posixpath.normpath(posixpath.join(base, file or "datapackage.json"))
    return clean(path)


def where(f: Finding, base: str = "") -> str:
    """A finding's place as ``path:line`` from the current folder (``path`` alone when it has no row)."""
    return located(base, f.file) + (f":{f.line or f.row}" if f.line or f.row else "")


def _line(f: Finding) -> int:
    return f.line or f.row or 1


def fingerprint(f: Finding) -> str:
    """A stable id of a finding: its rule, subject and message, hashed."""
    subject = f.claim_id or f.value_id or f"{f.file}:{f.column or ''}"
    return hashlib.sha256(f"{f.rule}\0{subject}\0{f.message}".encode()).hexdigest()


def render_sarif(report: Report, base: str = "") -> str:
    """The report as a SARIF 2.1.0 log with one run: the rules, then one result per finding."""
    rules = [r.id for r in RULES]
    for f in report.findings:  # a rule outside the list (a plugin's) still gets an entry
        if f.rule not in rules:
            rules.append(f.rule)
    described = {r.id: summary_line(r) for r in RULES}
    results = []
    for f in report.findings:
        region = {"startLine": _line(f)}
        results.append(
            {
                "ruleId": f.rule,
                "ruleIndex": rules.index(f.rule),
                "level": _SARIF_LEVEL[f.severity],
                "message": {"text": clean(f.message)},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": located(base, f.file), "uriBaseId": "%SRCROOT%"},
                            "region": region,
                        }
                    }
                ],
                "partialFingerprints": {"claimtally/v1": fingerprint(f)},
            }
        )
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimtally",
                        "semanticVersion": _tool_version(),
                        "informationUri": INFORMATION_URI,
                        "rules": [
                            {
                                "id": rule,
                                "shortDescription": {"text": described.get(rule) or rule},
                                "helpUri": f"{INFORMATION_URI}#rules",
                            }
                            for rule in rules
                        ],
                    }
                },
                "automationDetails": {"id": clean(f"claimtally/{report.package.name}/")},
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def render_gitlab(report: Report, base: str = "") -> str:
    """The report as a GitLab Code Quality report: a JSON list of issues."""
    issues, seen = [], set()
    for f in report.findings:
        mark = fingerprint(f)
        while mark in seen:  # GitLab wants each fingerprint once; a repeated finding is told apart
            mark = hashlib.sha256(mark.encode()).hexdigest()
        seen.add(mark)
        issues.append(
            {
                "description": clean(f.message),
                "check_name": f"claimtally.{f.rule}",
                "fingerprint": mark,
                "severity": _GITLAB_SEVERITY[f.severity],
                "location": {"path": located(base, f.file), "lines": {"begin": _line(f)}},
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def _tool_version() -> str:
    from claimtally import __version__

    return __version__
