"""A table's rows as columns: the value rows that count, read once and kept as lists."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pandas as pd

#: Columns whose cells are mostly distinct; the others repeat (a hedge, an entity, a number), and are
#: read as lists that share one string object per distinct cell.
_DISTINCT = frozenset({"value_id", "quote"})


@dataclass(frozen=True)
class ValueTable:
    """The value rows that count, the first row of each value id in file order, as columns.

    Columns are read from the table on first use and kept as lists; nothing builds a dict per row.
    """

    ids: list[str]
    rows: npt.NDArray[np.int64]
    """File row number of each (the header is row 1)."""
    position: dict[str, int]
    """Value id → index in these rows."""
    frame: pd.DataFrame
    take: npt.NDArray[np.int64] | None
    """Table positions of these rows, or None when every row is the first of its id."""
    _columns: dict[str, list[str]] = field(default_factory=dict)
    _codes: dict[str, tuple[npt.NDArray[np.int64], list[str]]] = field(default_factory=dict)

    @classmethod
    def of(cls, frame: pd.DataFrame) -> ValueTable:
        """The first row of each value id of a values table."""
        ids: list[str] = frame["value_id"].tolist() if len(frame) else []
        position = dict(zip(ids, range(len(ids)), strict=True))
        if len(position) == len(ids):
            return cls(ids, np.arange(len(ids), dtype=np.int64) + 2, position, frame, None)
        position = {}
        for index, vid in enumerate(ids):
            position.setdefault(vid, index)
        take = np.fromiter(position.values(), np.int64, len(position))
        firsts = list(position)
        return cls(firsts, take + 2, {v: k for k, v in enumerate(firsts)}, frame, take)

    def __len__(self) -> int:
        return len(self.ids)

    def _series(self, name: str) -> pd.Series:
        return self.frame[name] if self.take is None else self.frame[name].take(self.take)

    def codes(self, name: str) -> tuple[npt.NDArray[np.int64], list[str]]:
        """One column as a code per row and its distinct cells (code i is cell i), found once, in C
        (pandas' factorize); the codes number the cells in order of first appearance."""
        found = self._codes.get(name)
        if found is None:
            codes, uniques = pd.factorize(self._series(name), sort=False, use_na_sentinel=False)
            found = self._codes[name] = (np.asarray(codes, np.int64), [str(u) for u in uniques])
        return found

    def column(self, name: str) -> list[str]:
        """One column's cells for these rows. A column whose cells repeat is a list in which equal
        cells are one string object (from :meth:`codes`): at a million rows of a few hundred hedges
        and entities, 8 bytes a cell rather than a new string each."""
        cells = self._columns.get(name)
        if cells is None:
            if name in _DISTINCT:
                cells = self._series(name).tolist()
            else:
                codes, uniques = self.codes(name)
                cells = np.asarray(uniques, dtype=object)[codes].tolist()
            self._columns[name] = cells
        return cells

    def cells(self, k: int) -> dict[str, str]:
        """Row ``k`` as a dict of column name to cell text."""
        return {str(c): self.column(str(c))[k] for c in self.frame.columns}


def blank_positions(cells: pd.Series) -> list[int]:
    """Positions of the cells that are empty or only whitespace, as ``not cell.strip()`` judges them.

    A cell that starts with a printable ASCII character other than a space is not blank; pyarrow
    finds those in C, and only the others (empty, or starting with a space or a non-ASCII character)
    are judged in Python, so the answer is exactly Python's.

    >>> blank_positions(pd.Series(["a quote", "", "  ", "\\u3000", "\\u00e9t\\u00e9"]))
    [1, 2, 3]
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    if not len(cells):
        return []
    plain = pc.fill_null(pc.match_substring_regex(pa.array(cells.array), r"^[!-~]"), False)
    maybe = np.flatnonzero(~plain.to_numpy(zero_copy_only=False))
    texts = cells.take(maybe).tolist()
    return [int(i) for i, text in zip(maybe.tolist(), texts, strict=True) if not text.strip()]
