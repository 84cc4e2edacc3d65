"""The value rows read as numbers: strict intervals as integer columns, :class:`ValueInfo` objects
built only for the rows that need them (a claim names them, a finding prints them).

Most rows are of a common form that :func:`claimtally.arith.value_columns.strict_columns` reads
column-wise; the rest are read one by one by :func:`value_info`, which also words why a row cannot be
read. Both give the same intervals (``tests/rules/test_values.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping

import numpy as np

from claimtally.arith import stated as nb
from claimtally.arith.columns import IntervalColumns, _scaled
from claimtally.arith.value_columns import strict_columns
from claimtally.data.rows import ValueTable
from claimtally.errors import ClaimtallyError
from claimtally.expr.evaluate import ValueInfo


def value_info(cells: dict[str, str], hedges: dict[str, nb.Hedge], max_digits: int = 100) -> ValueInfo:
    """Parse one value row into its stated number and intervals, with the reason in words."""
    stated = nb.parse_value(cells["value"], max_digits=max_digits)
    top = nb.parse_value(cells["value_max"], max_digits=max_digits) if cells["value_max"] else None
    exact = cells["exact"] == "true"
    hedge = hedges.get(cells["hedge"]) if cells["hedge"] else None
    if cells["hedge"] and hedge is None:
        msg = f"hedge '{cells['hedge']}' is not in the hedges table"
        raise ClaimtallyError(msg)
    strict, loose = nb.value_intervals(stated, value_max=top, exact=exact, hedge=hedge)
    written = cells["value"] + (f"–{cells['value_max']}" if top else "")
    if exact:
        why = "exact by definition"
    elif hedge is not None:
        why = f"hedged '{hedge.hedge_id}' ({hedge.kind})"
    else:
        why = f"rounded to {nb.fmt(stated.unit)}"
    return ValueInfo(stated, strict, loose, f"{written}, {why}")


def _put(cols: IntervalColumns, k: int, iv: nb.Interval) -> None:
    """Write one interval into row ``k`` of the columns, marking it for the object path when its ends
    do not fit the columns' integer form."""
    lo = None if iv.lo is None else _scaled(iv.lo, cols.places)
    hi = None if iv.hi is None else _scaled(iv.hi, cols.places)
    fits = (lo is not None or iv.lo is None) and (hi is not None or iv.hi is None)
    cols.lo[k], cols.hi[k] = lo or 0, hi or 0
    cols.lo_inf[k], cols.hi_inf[k] = iv.lo is None, iv.hi is None
    cols.lo_open[k], cols.hi_open[k] = iv.lo_open, iv.hi_open
    cols.exact[k] = fits


class ParsedValues(Mapping[str, ValueInfo]):
    """The readable values as a mapping of id → :class:`ValueInfo`, each built on first use (rows that
    state the same number, range, exactness and hedge share one)."""

    def __init__(
        self,
        table: ValueTable,
        cols: IntervalColumns,
        hedges: dict[str, nb.Hedge],
        hedge_missing: Callable[[str], str],
        max_digits: int,
        unusable: Collection[str] = (),
    ) -> None:
        self.table, self.cols, self.hedges = table, cols, hedges
        self.hedge_missing, self.max_digits = hedge_missing, max_digits
        self.unusable = unusable
        """Hedge ids whose rows are in the table but cannot be used (a value naming one says so)."""
        self.readable = cols.exact.copy()
        """Which rows of the table can be read as numbers."""
        self.problems: dict[str, str] = {}
        """Value id → why its row cannot be read."""
        self._shared: dict[tuple[str, str, str, str], ValueInfo | str] = {}
        self._columns: tuple[list[str], ...] | None = None

    @classmethod
    def of(
        cls,
        table: ValueTable,
        hedges: dict[str, nb.Hedge],
        hedge_missing: Callable[[str], str],
        max_digits: int,
        unusable: Collection[str] = (),
    ) -> ParsedValues:
        """Strict intervals as integer columns for the rows of the common form; the other rows one by
        one, as :func:`value_info` reads them, which also words why a row cannot be read."""
        kinds = {h: hedge.kind for h, hedge in hedges.items()}
        cols, fast = strict_columns(
            table.column("value"),
            table.column("exact"),
            table.column("hedge"),
            kinds,
            table.column("value_max"),
            max_digits,
        )
        parsed = cls(table, cols, hedges, hedge_missing, max_digits, unusable)
        for k in np.flatnonzero(~fast).tolist():
            info = parsed.info(k)
            if isinstance(info, str):
                parsed.problems[table.ids[k]] = info
                continue
            parsed.readable[k] = True
            _put(cols, k, info.strict)
        return parsed

    def info(self, k: int) -> ValueInfo | str:
        """Row ``k`` read by :func:`value_info`, or why it cannot be read."""
        if self._columns is None:
            self._columns = tuple(self.table.column(c) for c in ("value", "value_max", "exact", "hedge"))
        value, value_max, exact, hedge = self._columns
        key = (value[k], value_max[k], exact[k], hedge[k])
        parsed = self._shared.get(key)
        if parsed is None:
            cells = {"value": key[0], "value_max": key[1], "exact": key[2], "hedge": key[3]}
            try:
                parsed = value_info(cells, self.hedges, self.max_digits)
            except (ClaimtallyError, nb.IntervalError) as exc:
                parsed = str(exc)
                if key[3] in self.unusable:
                    parsed = self.hedge_missing(key[3])
            self._shared[key] = parsed
        return parsed

    def __getitem__(self, value_id: str) -> ValueInfo:
        k = self.table.position.get(value_id)
        if k is None or not self.readable[k]:
            raise KeyError(value_id)
        info = self.info(k)
        assert not isinstance(info, str)  # a readable row
        return info

    def __contains__(self, value_id: object) -> bool:
        k = self.table.position.get(value_id) if isinstance(value_id, str) else None
        return k is not None and bool(self.readable[k])

    def __iter__(self) -> Iterator[str]:
        ids = self.table.ids
        return (ids[k] for k in np.flatnonzero(self.readable).tolist())

    def __len__(self) -> int:
        return int(self.readable.sum())
