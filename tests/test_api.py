"""The library's commands: each takes a path or a Package and gives what its CLI command prints."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimtally
from claimtally.articles.extract import to_csv
from claimtally.cli import main
from claimtally.errors import ClaimtallyError, PackageError
from claimtally.versions.cite import Citation, render_citation
from claimtally.versions.diff import render_diff

TESTS = Path(__file__).parent
BASIC = TESTS / "scenarios" / "basic"
OLD, NEW = TESTS / "scenarios" / "diff-old", TESTS / "scenarios" / "diff-new"
FIXTURE = TESTS / "articles" / "fixture.md"


def _cli(capsys, *argv: str) -> str:
    assert main(list(argv)) in (0, 1)
    return capsys.readouterr().out


@pytest.mark.parametrize("package", [None, BASIC])
def test_the_commands_are_exported_from_the_package(package) -> None:
    """claimtally.check, explain, cite, diff, extract, coverage and init are callable from the top."""
    for name in ("check", "explain", "cite", "diff", "extract", "coverage", "init", "load", "read"):
        assert callable(getattr(claimtally, name))
    assert isinstance(claimtally.cite(package), Citation)


def test_a_path_and_a_loaded_package_give_the_same_result() -> None:
    """Every package argument takes a Package as well as a path."""
    pkg = claimtally.load(BASIC)
    assert claimtally.cite(pkg) == claimtally.cite(BASIC)
    assert claimtally.explain("doubled_input", pkg) == claimtally.explain("doubled_input", BASIC)
    assert claimtally.check(pkg) == claimtally.check(BASIC)


def test_explain_is_what_the_command_prints(capsys) -> None:
    """claimtally explain ID PKG prints claimtally.explain(ID, PKG)."""
    assert claimtally.explain("doubled_input", BASIC) == _cli(capsys, "explain", "doubled_input", str(BASIC))


def test_cite_and_diff_are_what_the_commands_print(capsys) -> None:
    """The commands render the library's Citation and Diff objects."""
    assert render_citation(claimtally.cite(BASIC), "bibtex") == _cli(
        capsys, "cite", str(BASIC), "--format", "bibtex"
    )
    assert render_diff(claimtally.diff(OLD, NEW), "json") == _cli(
        capsys, "diff", str(OLD), str(NEW), "--format", "json"
    )


def test_extract_is_what_the_command_prints(capsys) -> None:
    """claimtally extract ARTICLE --source-id ID prints the rows of claimtally.extract as CSV."""
    rows = claimtally.extract(FIXTURE, BASIC, source_id="fx")
    assert rows and all(r["source_id"] == "fx" for r in rows)
    assert to_csv(rows) == _cli(capsys, "extract", str(FIXTURE), str(BASIC), "--source-id", "fx")


def test_coverage_counts_the_quantities_of_an_article() -> None:
    """coverage gives every quantity found and which rows record it."""
    result = claimtally.coverage(FIXTURE, "art", BASIC)
    assert len(result.items) == len(claimtally.extract(FIXTURE, BASIC))
    assert 0 <= result.percent <= 100


def test_init_writes_a_package_that_checks_clean(tmp_path: Path) -> None:
    """claimtally.init writes a package that claimtally.check finds no error or warning in."""
    written = claimtally.init(tmp_path / "new")
    assert any(p.name == "datapackage.json" for p in written)
    severities = claimtally.check(tmp_path / "new").summary.severities
    assert 0 == severities["error"] == severities["warning"]


def test_errors_are_the_documented_ones(tmp_path: Path) -> None:
    """A missing package is a PackageError, an unknown claim a ClaimtallyError, a bad source id too."""
    with pytest.raises(PackageError):
        claimtally.cite(tmp_path)
    with pytest.raises(ClaimtallyError, match="no claim 'nope'"):
        claimtally.explain("nope", BASIC)
    with pytest.raises(ClaimtallyError):
        claimtally.extract(FIXTURE, BASIC, source_id="Not An Id")


def test_an_unknown_name_is_an_attribute_error() -> None:
    """The lazy front door raises AttributeError for names it does not have, as a module does."""
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        claimtally.nothing  # noqa: B018
