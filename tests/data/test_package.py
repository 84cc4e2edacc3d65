"""Reading packages: text cells, the bundled data, and one clear error for each broken package."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimtally
from builders import claim, value
from claimtally.data.descriptor import TABLES
from claimtally.data.package import load, read
from claimtally.errors import PackageError


def test_bundled_package_loads_every_table_as_text() -> None:
    """load() with no path gives the bundled package, one DataFrame of str cells per table."""
    pkg = load()
    for name in TABLES:
        frame = getattr(pkg, name)
        assert len(frame.columns) > 0
        assert all(frame[c].map(type).eq(str).all() for c in frame.columns)
    assert len(pkg.values) > 0


def test_cells_keep_the_digits_as_written_and_empty_stays_empty(make_package) -> None:
    """5.30 stays 5.30, NA stays the text NA, and an empty cell is an empty string."""
    path = make_package(values=[value("a", "5.30", quote="NA", as_of="")])
    pkg = load(path)
    row = pkg.values.iloc[0]
    assert (row["value"], row["quote"], row["as_of"]) == ("5.30", "NA", "")


def test_a_folder_or_its_descriptor_both_load(make_package) -> None:
    """The path may name the datapackage.json or the folder that holds it."""
    path = make_package(values=[value("a", "1")])
    assert load(path).path == load(path.parent).path


def test_rows_gives_strict_typed_models(make_package) -> None:
    """pkg.rows() validates rows into pydantic models with booleans and None for empty cells."""
    path = make_package(values=[value("a", "5.30", exact="true")])
    (row,) = load(path).rows("values")
    assert row.exact is True
    assert row.value == "5.30"
    assert row.hedge is None


def _break(path: Path, file: str, old: str, new: str) -> None:
    target = path.parent / file
    target.write_text(target.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def test_unknown_column_names_file_row_and_column(make_package) -> None:
    """A header cell the schema does not declare is named with its file, row 1 and position."""
    path = make_package(values=[value("a", "1")])
    _break(path, "data/values.csv", "quote", "quote,colour")
    with pytest.raises(PackageError, match=r"data/values.csv, row 1, column 13 'colour': not a column"):
        load(path)


def test_duplicate_primary_key_names_file_row_and_column(make_package) -> None:
    """A repeated value_id is reported at its second row."""
    path = make_package(values=[value("a", "1"), value("a", "2")])
    with pytest.raises(PackageError, match=r"data/values.csv, row 3, column value_id: 'a' repeats"):
        load(path)


def test_broken_foreign_key_names_file_row_and_column(make_package) -> None:
    """A claim whose source does not exist is reported with the row and the source_id column."""
    path = make_package(claims=[claim("c", "1 == 1", source_id="nobody")])
    with pytest.raises(PackageError, match=r"data/claims.csv, row 2, column source_id: 'nobody' is not"):
        load(path)


def test_ragged_row_is_refused_with_the_line(make_package) -> None:
    """A row with too many cells is refused with the tokenizer's line number."""
    path = make_package(values=[value("a", "1")])
    target = path.parent / "data" / "values.csv"
    target.write_text(
        target.read_text(encoding="utf-8") + "b,art,m-new,bench,,,1,,false,,,q,extra\n", encoding="utf-8"
    )
    with pytest.raises(PackageError, match=r"data/values.csv, line 3: 13 cells where the header has 12"):
        load(path)


def test_read_reports_nothing_for_keys_but_load_does(make_package) -> None:
    """read() is lenient on keys so that check can report them all; load() refuses."""
    path = make_package(values=[value("a", "1"), value("a", "2")])
    assert len(read(path).values) == 2
    with pytest.raises(claimtally.ClaimtallyError):
        load(path)


def test_line_of_counts_line_breaks_inside_quoted_cells(make_package) -> None:
    """A row after a quote that spans two lines starts one line further down than its row number."""
    path = make_package(values=[value("a", "1", quote="two\nlines"), value("b", "2")])
    pkg = load(path)
    assert (2, 4) == (pkg.line_of("data/values.csv", 2), pkg.line_of("data/values.csv", 3))
    plain = load(make_package(values=[value("c", "1")]))
    assert 2 == plain.line_of("data/values.csv", 2)
