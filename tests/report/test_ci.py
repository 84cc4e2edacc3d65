"""JUnit XML and GitHub annotations: golden files, schema validity, escaping, thresholds."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema

import claimtally
from builders import assert_golden
from claimtally.report.ci import render_github, render_junit
from claimtally.report.render import render

HERE = Path(__file__).parents[1]  # tests/
BASIC = HERE / "scenarios" / "basic"
SCHEMA = xmlschema.XMLSchema(str(HERE / "junit.xsd"))


@pytest.mark.parametrize("fmt", ["junit", "github"])
def test_ci_formats_match_their_golden_files(fmt: str) -> None:
    """The basic scenario rendered for CI servers is exactly the recorded output."""
    text = render(claimtally.check(BASIC), fmt, fail_on="warning")
    assert_golden(f"basic.{'xml' if fmt == 'junit' else 'github.txt'}", text)


@pytest.mark.parametrize("package", [BASIC, None])
def test_junit_is_valid_against_the_junit_schema(package: Path | None) -> None:
    """The XML validates for the scenario and for the bundled package."""
    SCHEMA.validate(render_junit(claimtally.check(package)))


def test_junit_has_a_suite_per_rule_and_a_case_per_claim() -> None:
    """Each rule that ran is a suite; the claims suite has one case per claim."""
    report = claimtally.check(BASIC)
    root = ET.fromstring(render_junit(report))
    assert list(report.summary.rules) == [s.get("name") for s in root.iter("testsuite")]
    claims = next(s for s in root.iter("testsuite") if s.get("name") == "claims")
    assert [f"claim {c.claim_id}" for c in report.claims] == [c.get("name") for c in claims.iter("testcase")]


def test_junit_failures_follow_fail_on() -> None:
    """At --fail-on error the scenario has no failure; at warning its three warnings fail."""
    report = claimtally.check(BASIC)
    assert "0" == ET.fromstring(render_junit(report, "error")).get("failures")
    assert "3" == ET.fromstring(render_junit(report, "warning")).get("failures")


def test_github_commands_point_at_the_csv_line() -> None:
    """A warning becomes ::warning with file, line and title."""
    text = render_github(claimtally.check(BASIC))
    assert text.startswith("::warning file=data/claims.csv,line=5,title=claimtally claims draft_lead::")


def test_github_escapes_newlines_and_percent_and_control_characters(make_package) -> None:
    """Data with % and a newline cannot end the command early or inject another one."""
    from builders import claim, value

    path = make_package(values=[value("a", "2", quote="50%\n::error::x")], claims=[claim("c", "a == 3")])
    lines = render_github(claimtally.check(path)).splitlines()
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)


def test_the_schema_rejects_a_test_case_without_a_name() -> None:
    """The JUnit schema is not a rubber stamp: a nameless test case is invalid."""
    bad = '<testsuites><testsuite name="s" tests="1"><testcase classname="c"/></testsuite></testsuites>'
    assert not SCHEMA.is_valid(bad)
