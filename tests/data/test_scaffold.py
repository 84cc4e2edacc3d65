"""claimtally init: a new package that passes every check, and what CI shows once it breaks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import claimtally
from claimtally.cli import main
from claimtally.data.scaffold import init
from claimtally.errors import ClaimtallyError
from claimtally.versions.author import stamp


@pytest.fixture
def started(tmp_path: Path) -> Path:
    """A package made by claimtally init."""
    folder = tmp_path / "my-claims"
    assert 0 == main(["init", str(folder)])
    return folder


def _break_the_example(folder: Path) -> None:
    """Change the new price from $30 to $31, so 'doubled' no longer holds, and stamp the change."""
    values = folder / "data" / "values.csv"
    text = values.read_text(encoding="utf-8")
    values.write_text(text.replace("price-output,,,30,", "price-output,,,31,", 1), encoding="utf-8")
    assert ["values"] == stamp(folder)


def test_a_new_package_passes_all_checks(started: Path) -> None:
    """No error or warning, and the example claim holds as recorded."""
    report = claimtally.check(started)
    assert [] == [f.message for f in report.findings if f.severity != "info"]
    assert ["holds"] == [c.verdict for c in report.claims]


def test_a_new_package_passes_frictionless_validate(started: Path) -> None:
    """frictionless validates the new descriptor and its files."""
    code = "import sys; from frictionless import validate; sys.exit(0 if validate(sys.argv[1]).valid else 1)"
    assert (
        0
        == subprocess.run(
            [sys.executable, "-c", code, str(started / "datapackage.json")], check=False
        ).returncode
    )


def test_init_refuses_to_overwrite(started: Path) -> None:
    """A second init into the same folder is refused and changes nothing."""
    before = (started / "data" / "claims.csv").read_bytes()
    with pytest.raises(ClaimtallyError, match="already exists"):
        init(started)
    assert before == (started / "data" / "claims.csv").read_bytes()


def test_a_broken_example_is_annotated_at_its_row(started: Path, monkeypatch, capsys) -> None:
    """--format github prints an ::error at data/claims.csv, line 2 for the claim whose value changed."""
    _break_the_example(started)
    monkeypatch.chdir(started)
    assert 1 == main(["check", "--format", "github"])
    out = capsys.readouterr().out
    assert "::error file=data/claims.csv,line=2,title=claimtally claims price_doubled::" in out


def test_a_broken_example_is_a_junit_failure(started: Path, capsys) -> None:
    """--format junit holds exactly one failure, on the claim's test case."""
    import xml.etree.ElementTree as ET

    _break_the_example(started)
    assert 1 == main(["check", str(started), "--format", "junit"])
    root = ET.fromstring(capsys.readouterr().out)
    failing = [c.get("name") for c in root.iter("testcase") if c.find("failure") is not None]
    assert ["claim price_doubled"] == failing


def test_a_broken_example_fails_exactly_its_pytest_item(started: Path, pytester: pytest.Pytester) -> None:
    """pytest --claimtally fails claim::price_doubled and passes every other item."""
    _break_the_example(started)
    result = pytester.runpytest("--claimtally", str(started), "-p", "no:randomly", "-rf")
    result.assert_outcomes(failed=1, passed=len(claimtally.check(started).summary.rules))
    result.stdout.fnmatch_lines(["FAILED*claim::price_doubled*"])


def test_an_edit_without_stamping_is_one_finding_that_says_to_stamp(started: Path) -> None:
    values = started / "data" / "values.csv"
    values.write_text(
        values.read_text(encoding="utf-8").replace("up from $15", "up from $15."), encoding="utf-8"
    )
    (problem,) = [f for f in claimtally.check(started).findings if f.severity == "error"]
    assert problem.file == "data/values.csv" and "claimtally stamp" in problem.message


def test_a_new_package_carries_hashes_a_release_record_and_a_changelog(started: Path) -> None:
    assert [] == stamp(started)
    assert (started / "data" / "releases.csv").read_text(encoding="utf-8").startswith("version,date,")
    assert "## [0.1.0]" in (started / "CHANGELOG.md").read_text(encoding="utf-8")
