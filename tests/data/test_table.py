"""Reading one CSV table: text cells, the header against the schema, and rows of the wrong length."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from claimtally.data.table import check_size, read_table
from claimtally.errors import PackageError

COLUMNS = ["a", "b"]


def _file(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    return path


def test_cells_stay_text_and_quoted_line_breaks_stay_in_their_cell(tmp_path: Path) -> None:
    """5.30 stays 5.30, NA stays NA, and a quoted line break is part of one cell."""
    frame = read_table(_file(tmp_path, b'a,b\n5.30,NA\n"x\ny",\n'), COLUMNS, "t.csv")
    assert [["5.30", "NA"], ["x\ny", ""]] == frame.values.tolist()
    assert not frame.attrs.get("irregular")


def test_a_short_row_is_filled_and_marked_irregular(tmp_path: Path) -> None:
    """pyarrow refuses the short row; the pandas reader fills it and the table is marked."""
    frame = read_table(_file(tmp_path, b"a,b\n1,2\n3\n"), COLUMNS, "t.csv")
    assert [["1", "2"], ["3", ""]] == frame.values.tolist()
    assert frame.attrs["irregular"] is True


def test_a_long_row_names_its_line(tmp_path: Path) -> None:
    """Too many cells is an error with the line and the counts."""
    with pytest.raises(PackageError, match=r"t.csv, line 3: 3 cells where the header has 2"):
        read_table(_file(tmp_path, b"a,b\n1,2\n3,4,5\n"), COLUMNS, "t.csv")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xef\xbb\xbfa,b\n", "byte-order mark"),
        (b"a,b\n\xff,1\n", r"not UTF-8 \(byte 4\)"),
        (b"", "no header"),
        (b"b,a\n", "columns out of order"),
        (b"a,c\n", "column 2 'c': not a column"),
    ],
)
def test_bad_files_are_refused_with_their_place(tmp_path: Path, data: bytes, message: str) -> None:
    """BOM, bad bytes, no header, a wrong header: one PackageError each."""
    with pytest.raises(PackageError, match=message):
        read_table(_file(tmp_path, data), COLUMNS, "t.csv")


def test_check_size_names_the_option(tmp_path: Path) -> None:
    """A file over the limit is refused with the option that raises it."""
    with pytest.raises(PackageError, match="--max-file-size"):
        check_size(_file(tmp_path, b"a,b\n"), 2, "t.csv")


def test_a_header_cell_over_the_csv_modules_limit_is_still_read(tmp_path: Path) -> None:
    """The csv module refuses fields over 128 KiB by default; the header is read whole all the same, so
    the message names the column, and the module's limit is left as it was."""
    before = csv.field_size_limit(131072)
    try:
        file = tmp_path / "t.csv"
        file.write_text("a," + "b" * 200_000 + "\n1,2\n", encoding="utf-8")
        with pytest.raises(PackageError, match=r"row 1, column 2 'bbbb"):
            read_table(file, ["a", "c"], "data/t.csv")
        assert csv.field_size_limit() == 131072
    finally:
        csv.field_size_limit(before)
