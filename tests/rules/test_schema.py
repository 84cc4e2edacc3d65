"""Rule schema: frictionless' errors become findings with file, row and column."""

from __future__ import annotations

import claimtally
from builders import value


def test_a_constraint_error_names_file_row_and_column(make_package) -> None:
    """A value cell outside the decimal-text pattern is a schema error at its row and column."""
    path = make_package(values=[value("a", "5,30")])
    findings = claimtally.check(path, rules=["schema"]).findings
    assert [("data/values.csv", 2, "value")] == [(f.file, f.row, f.column) for f in findings]
    assert findings[0].severity == "error"


def test_a_sound_package_has_no_schema_findings(make_package) -> None:
    """The builders' base tables satisfy the bundled schemas."""
    path = make_package(values=[value("a", "5.30")])
    assert () == claimtally.check(path, rules=["schema"]).findings


def test_every_error_is_reported_not_just_the_first(make_package) -> None:
    """Three bad rows give three findings."""
    path = make_package(values=[value("a", "x"), value("b", "y"), value("c", "z")])
    assert 3 == len(claimtally.check(path, rules=["schema"]).findings)


def test_a_file_that_differs_from_its_recorded_hash_is_reported(tmp_path) -> None:
    """Editing one cell of the bundled data without restamping gives hash and byte findings."""
    import shutil

    from builders import REPO

    shutil.copytree(REPO / "data", tmp_path / "data")
    shutil.copy(REPO / "datapackage.json", tmp_path)
    hedges = tmp_path / "data" / "hedges.csv"
    hedges.write_text(
        hedges.read_text(encoding="utf-8").replace("about,approx,,2", "about,approx,,3"), encoding="utf-8"
    )
    findings = claimtally.check(tmp_path, rules=["schema"]).findings
    assert {"data/hedges.csv"} == {f.file for f in findings}
    assert any("hash" in f.message for f in findings)
