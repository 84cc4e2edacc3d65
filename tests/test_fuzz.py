"""Fuzzing with hypothesis (bounded for CI): no input makes the loader or the checker raise anything but
the project's error, and no finding message carries a raw control character."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtally
from claimtally.data.scaffold import init
from claimtally.errors import ClaimtallyError
from claimtally.report.render import render

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
CELL = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


def _package(tmp: Path) -> Path:
    root = tmp / "pkg"
    init(root)
    return root


@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes_as_a_csv_give_a_package_error_or_a_report(tmp_path_factory, data: bytes) -> None:
    """Any bytes in a table file end in a report or in one ClaimtallyError, never another exception."""
    root = _package(tmp_path_factory.mktemp("bytes"))
    (root / "data" / "claims.csv").write_bytes(data)
    try:
        claimtally.check(root)
    except ClaimtallyError as exc:
        assert "data/claims.csv" in str(exc)


@FUZZ
@given(cells=st.lists(CELL, min_size=12, max_size=12))
def test_random_cells_in_a_value_row_give_findings_not_exceptions(tmp_path_factory, cells: list[str]) -> None:
    """A value row of arbitrary text is reported on, in every format, without a crash."""
    import csv

    root = _package(tmp_path_factory.mktemp("cells"))
    with (root / "data" / "values.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(cells)
    try:
        report = claimtally.check(root)
    except ClaimtallyError:
        return
    for fmt in ("text", "json", "junit", "github"):
        text = render(report, fmt)
        assert not any(ch in text for ch in "\x1b\x07\x00")


@FUZZ
@given(expression=st.text(max_size=80))
def test_random_expressions_in_a_claim_give_findings_not_exceptions(
    tmp_path_factory, expression: str
) -> None:
    """Whatever the expression cell holds, check returns a report."""
    import csv

    root = _package(tmp_path_factory.mktemp("expr"))
    row = ["c_fuzz", "my-article", "q", expression, "", "", "pricing", ""]
    with (root / "data" / "claims.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(row)
    try:
        report = claimtally.check(root, rules=["claims", "units"])
    except ClaimtallyError:
        return
    assert {c.claim_id for c in report.claims} >= {"price_doubled"}
