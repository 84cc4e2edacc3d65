"""The value rows that count, as columns: the first row of each id, in file order."""

from __future__ import annotations

import pandas as pd

from claimtally.data.rows import ValueTable


def _frame(ids: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"value_id": ids, "value": [str(i) for i in range(len(ids))]})


def test_a_repeated_id_keeps_its_first_row() -> None:
    """Rows are those of first occurrence, numbered as in the file (the header is row 1)."""
    table = ValueTable.of(_frame(["a", "b", "a", "c"]))
    assert ["a", "b", "c"] == table.ids
    assert [2, 3, 5] == table.rows.tolist()
    assert ["0", "1", "3"] == table.column("value")
    assert {"a": 0, "b": 1, "c": 2} == table.position


def test_a_table_of_distinct_ids_is_read_as_it_is() -> None:
    """Each row's cells come back as a dict; columns are read once and kept."""
    table = ValueTable.of(_frame(["x", "y"]))
    assert {"value_id": "y", "value": "1"} == table.cells(1)
    assert table.column("value") is table.column("value")
    assert 2 == len(table)


def test_an_empty_table_has_no_rows() -> None:
    """No rows, no columns to read."""
    table = ValueTable.of(_frame([]))
    assert 0 == len(table) and [] == table.column("value")
