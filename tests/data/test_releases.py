"""The release record: table states, dates, version order and CHANGELOG sections."""

from __future__ import annotations

from pathlib import Path

from builders import REPO
from claimtally.data.package import load
from claimtally.data.releases import (
    changelog_versions,
    current_state,
    release_date,
    release_rows,
    version_key,
)


def test_current_state_counts_rows_and_bytes() -> None:
    """Each table's state has its file size and number of data rows."""
    pkg = load()
    states = {s.resource: s for s in current_state(pkg)}
    assert len(pkg.values) == states["values"].rows
    assert (REPO / "data" / "values.csv").stat().st_size == states["values"].bytes


def test_release_rows_record_every_table_under_the_version() -> None:
    """One row per contract table, all under the package version and the given date."""
    rows = release_rows(load(), "2030-01-01")
    assert ["sources", "entities", "metrics", "hedges", "values", "claims"] == [r["resource"] for r in rows]
    assert {(load().version, "2030-01-01")} == {(r["version"], r["date"]) for r in rows}


def test_release_date_of_the_bundled_version() -> None:
    """The bundled version was released on 2026-11-25; an unknown version has no date."""
    assert "2026-11-25" == release_date(load())
    assert release_date(load(), "9.9.9") is None


def test_versions_sort_numerically() -> None:
    """0.10.0 comes after 0.9.0."""
    assert version_key("0.10.0") > version_key("0.9.0")
    assert version_key("junk") < version_key("0.0.0")


def test_changelog_versions_reads_section_headings(tmp_path: Path) -> None:
    """'## [X.Y.Z] - date' headings are versions; no file gives None."""
    assert changelog_versions(tmp_path) is None
    (tmp_path / "CHANGELOG.md").write_text(
        "# C\n## [Unreleased]\n## [1.2.3] - 2026-01-01\n", encoding="utf-8"
    )
    assert {"Unreleased", "1.2.3"} == changelog_versions(tmp_path)
