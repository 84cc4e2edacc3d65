"""The pytest plugin: one item per claim and per rule, -k selection, and nothing without the option."""

from __future__ import annotations

from pathlib import Path

import pytest

BASIC = Path(__file__).parent / "scenarios" / "basic"


def test_nothing_happens_without_the_option(pytester: pytest.Pytester) -> None:
    """A run without --claimtally collects no claimtally item."""
    result = pytester.runpytest()
    assert "claim::" not in result.stdout.str()
    result.assert_outcomes()


def test_one_item_per_claim_and_per_rule(pytester: pytest.Pytester) -> None:
    """The basic scenario gives 4 claim items and 7 rule items, all passing at --fail-on error."""
    result = pytester.runpytest("--claimtally", str(BASIC), "--collect-only", "-q")
    out = result.stdout.str()
    for name in ("claim::doubled_input", "claim::draft_lead", "rule::schema", "rule::granularity"):
        assert name in out
    assert 0 == pytester.runpytest("--claimtally", str(BASIC)).ret


def test_k_selects_items_by_id(pytester: pytest.Pytester) -> None:
    """-k doubled runs only the two doubled claims."""
    result = pytester.runpytest("--claimtally", str(BASIC), "-k", "doubled")
    result.assert_outcomes(passed=2, deselected=9)


def test_fail_on_warning_fails_the_items_with_warnings(pytester: pytest.Pytester) -> None:
    """At warning the undetermined draft claim and the agreement rule fail, with their messages."""
    result = pytester.runpytest("--claimtally", str(BASIC), "--claimtally-fail-on", "warning")
    result.assert_outcomes(failed=2, passed=9)
    result.stdout.fnmatch_lines(["*claims warning*draft_lead: undetermined*"])


def test_the_ini_option_names_the_package(pytester: pytest.Pytester) -> None:
    """claimtally_package in the ini file works like --claimtally."""
    pytester.makeini(f"[pytest]\nclaimtally_package = {BASIC}\n")
    pytester.runpytest().assert_outcomes(passed=11)


def test_an_unreadable_package_is_a_usage_error(pytester: pytest.Pytester, tmp_path: Path) -> None:
    """A missing package stops the run with one clear line."""
    result = pytester.runpytest("--claimtally", str(tmp_path / "nope"))
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*claimtally: *no such file*"])
