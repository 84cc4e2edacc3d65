"""Rule schema: frictionless' errors become findings with file, row and column."""

from __future__ import annotations

import claimcheck
from builders import value


def test_a_constraint_error_names_file_row_and_column(make_package) -> None:
    """A value cell outside the decimal-text pattern is a schema error at its row and column."""
    path = make_package(values=[value("a", "5,30")])
    findings = claimcheck.check(path, rules=["schema"]).findings
    assert [("data/values.csv", 2, "value")] == [(f.file, f.row, f.column) for f in findings]
    assert findings[0].severity == "error"


def test_a_sound_package_has_no_schema_findings(make_package) -> None:
    """The builders' base tables satisfy the bundled schemas."""
    path = make_package(values=[value("a", "5.30")])
    assert () == claimcheck.check(path, rules=["schema"]).findings


def test_every_error_is_reported_not_just_the_first(make_package) -> None:
    """Three bad rows give three findings."""
    path = make_package(values=[value("a", "x"), value("b", "y"), value("c", "z")])
    assert 3 == len(claimcheck.check(path, rules=["schema"]).findings)
