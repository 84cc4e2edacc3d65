"""The pytest plugin: the descriptor collected as a file, one item per claim and per rule under it,
node ids, -k, --lf, and nothing without the option."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

# The checker (and numpy under it) loaded once here: pytester's in-process runs unload what they
# import, and numpy cannot be loaded twice in one process.
import claimtally.checker  # noqa: F401

BASIC = Path(__file__).parent / "scenarios" / "basic"


@pytest.fixture
def pkg(pytester: pytest.Pytester) -> Path:
    """The basic scenario, copied under the pytester's root."""
    shutil.copytree(BASIC, pytester.path / "pkg")
    return pytester.path / "pkg"


def test_nothing_happens_without_the_option(pytester: pytest.Pytester, pkg: Path) -> None:
    """A run without --claimtally collects no claimtally item, even beside a datapackage.json."""
    result = pytester.runpytest()
    assert "claim::" not in result.stdout.str()
    result.assert_outcomes()


def test_items_sit_under_the_descriptor_with_stable_node_ids(pytester: pytest.Pytester, pkg: Path) -> None:
    """4 claim items and 7 rule items, all passing at --fail-on error, each named from the file."""
    result = pytester.runpytest("--claimtally", "pkg", "--collect-only", "-q")
    out = result.stdout.str().splitlines()
    for node in ("claim::doubled_input", "claim::draft_lead", "rule::schema", "rule::granularity"):
        assert f"pkg/datapackage.json::{node}" in out
    assert 0 == pytester.runpytest("--claimtally", "pkg").ret


def test_k_selects_items_by_id(pytester: pytest.Pytester, pkg: Path) -> None:
    """-k doubled runs only the two doubled claims."""
    result = pytester.runpytest("--claimtally", "pkg", "-k", "doubled")
    result.assert_outcomes(passed=2, deselected=9)


def test_a_node_id_selects_one_item(pytester: pytest.Pytester, pkg: Path) -> None:
    result = pytester.runpytest("--claimtally", "pkg", "pkg/datapackage.json::claim::doubled_input")
    result.assert_outcomes(passed=1)


def test_last_failed_reruns_only_the_failing_claim(pytester: pytest.Pytester, pkg: Path) -> None:
    claims = pkg / "data" / "claims.csv"
    claims.write_text(claims.read_text(encoding="utf-8").replace(",fails,", ",holds,", 1), encoding="utf-8")
    pytester.runpytest("--claimtally", "pkg").assert_outcomes(failed=1, passed=10)
    result = pytester.runpytest("--claimtally", "pkg", "--lf")
    result.assert_outcomes(failed=1, deselected=10)
    result.stdout.fnmatch_lines(["*FAILED pkg/datapackage.json::claim::doubled_input*"])


def test_fail_on_warning_fails_the_items_with_warnings(pytester: pytest.Pytester, pkg: Path) -> None:
    """At warning the undetermined draft claim and the agreement rule fail, with their messages."""
    result = pytester.runpytest("--claimtally", "pkg", "--claimtally-fail-on", "warning")
    result.assert_outcomes(failed=2, passed=9)
    result.stdout.fnmatch_lines(["*claims warning*draft_lead: undetermined*"])


def test_the_ini_option_names_the_package(pytester: pytest.Pytester, pkg: Path) -> None:
    """claimtally_package in the ini file works like --claimtally."""
    pytester.makeini("[pytest]\nclaimtally_package = pkg\n")
    pytester.runpytest().assert_outcomes(passed=11)


def test_the_option_alone_checks_the_package_here(pytester: pytest.Pytester, pkg: Path) -> None:
    for name in ("datapackage.json", "data"):
        shutil.move(pkg / name, pytester.path / name)
    pytester.runpytest("--claimtally").assert_outcomes(passed=11)


def test_a_package_outside_the_paths_given_is_collected_too(pytester: pytest.Pytester, pkg: Path) -> None:
    pytester.makepyfile(test_plain="def test_plain():\n    pass\n")
    pytester.runpytest("test_plain.py", "--claimtally", "pkg").assert_outcomes(passed=12)


def test_an_unreadable_package_is_a_usage_error(pytester: pytest.Pytester, tmp_path: Path) -> None:
    """A missing package stops the run with one clear line."""
    result = pytester.runpytest("--claimtally", str(tmp_path / "nope"))
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*claimtally: *no such file*"])


def test_a_broken_package_is_a_collection_error_with_its_line(pytester: pytest.Pytester, pkg: Path) -> None:
    (pkg / "datapackage.json").write_text("{", encoding="utf-8")
    result = pytester.runpytest("--claimtally", "pkg")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(["*claimtally: *datapackage.json*"])
