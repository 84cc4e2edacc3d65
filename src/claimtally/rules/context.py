"""What the rules share: the package, its parsed values and hedges, and every claim's evaluation.

Everything is computed once, on first use, so a rule that needs the claims' verdicts and the report
that shows them read the same results.
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Any, cast

import numpy as np
import numpy.typing as npt

from claimtally.arith import stated as nb
from claimtally.arith.columns import IntervalColumns
from claimtally.arith.value_columns import interval_text, row_interval
from claimtally.data.cells import CellError, tolerance
from claimtally.data.package import Package, line_at
from claimtally.data.rows import ValueTable
from claimtally.data.table import records
from claimtally.errors import ClaimtallyError, ExpressionError
from claimtally.expr import parse as ex
from claimtally.expr.evaluate import Outcome, ValueInfo, evaluate
from claimtally.limits import Limits
from claimtally.report.model import Finding
from claimtally.rules.values import ParsedValues, value_info

__all__ = [
    "ClaimEval",
    "Context",
    "Key",
    "ValueCodes",
    "comparable",
    "quantity_key",
    "settings_match",
    "value_info",
]

#: What a value row states a number of: entity, metric and baseline.
Key = tuple[str, str, str]


@dataclass(frozen=True)
class ValueCodes:
    """The value rows as integer codes, one entry per row of :attr:`Context.value_rows`, in order:
    equal codes for equal quantities (:func:`quantity_key`), sources and settings (0: no setting)."""

    ids: list[str]
    group: npt.NDArray[np.int64]
    source: npt.NDArray[np.int64]
    setting: npt.NDArray[np.int64]


@dataclass(frozen=True)
class ClaimEval:
    """One claim row and what evaluating it gave (``outcome`` is None when it cannot be evaluated)."""

    row: int
    cells: dict[str, str]
    tree: ex.Node | None
    outcome: Outcome | None
    error: str | None
    """Why the claim could not be evaluated: a parse error or an unreadable value."""
    names: tuple[str, ...] = ()
    """Value ids the expression reads, in order of first appearance (none when it does not parse)."""
    error_position: int | None = None
    """Where the expression stops parsing (0-based), when that is the error."""


class Context:
    """A package with its values, hedges and claims turned into numbers, intervals and trees."""

    def __init__(
        self, pkg: Package, limits: Limits | None = None, *, list_info: bool = True, derive: bool = True
    ) -> None:
        self.pkg = pkg
        self.limits = limits or Limits()
        self.list_info = list_info
        self.derive = derive
        """Whether each claim's derivation is written as it is evaluated (for explain, HTML, --show all)."""
        self._starts: dict[str, list[int] | None] = {}
        self.unlisted: dict[str, int] = {}
        """Info findings counted rather than built, by rule (when ``list_info`` is False)."""

    def at(self, file: str, row: int | None, label: str | None, message: str, **fields: Any) -> Finding:
        """:meth:`Finding.at` with the file line of its row (for annotations) set as it is made."""
        return Finding.at(file, row, label, message, line=self.line_of(file, row), **fields)

    def line_of(self, file: str, row: int | None) -> int | None:
        """The line of ``file`` where row ``row`` starts (None for no row, or the descriptor)."""
        if row is None or file == self.pkg.path.name:
            return None
        if file not in self._starts:
            self._starts[file] = self.pkg.line_starts(file)
        return line_at(self._starts[file], row)

    def lists(self, severity: str) -> bool:
        """Whether a rule builds its findings of this severity (else it counts them: :meth:`tally`)."""
        return self.list_info or severity != "info"

    def tally(self, rule: str, n: int = 1) -> None:
        """Count ``n`` info findings of ``rule`` that are not built (see :meth:`lists`)."""
        if n:
            self.unlisted[rule] = self.unlisted.get(rule, 0) + n

    def file(self, table: str) -> str:
        """Resource path of a table, as the descriptor gives it."""
        return self.pkg.file_of(table)

    @cached_property
    def _hedge_rows(self) -> tuple[dict[str, nb.Hedge], dict[str, tuple[int, str, str]]]:
        out: dict[str, nb.Hedge] = {}
        problems: dict[str, tuple[int, str, str]] = {}
        for index, cells in enumerate(records(self.pkg.hedges)):
            hedge_id, column = cells["hedge_id"], "kind"
            try:
                column = "relative_tolerance"
                relative = _tolerance(cells[column])
                column = "digit_units"
                digits = _tolerance(cells[column])
                column = "kind"
                out[hedge_id] = nb.Hedge(
                    hedge_id=hedge_id,
                    kind=cast(nb.HedgeKind, cells["kind"]),  # checked by Hedge itself
                    relative_tolerance=relative,
                    digit_units=digits,
                )
            except (CellError, ValueError) as exc:
                problems.setdefault(hedge_id, (index + 2, column, str(exc)))
        return out, problems

    @property
    def hedges(self) -> dict[str, nb.Hedge]:
        """Hedge rows as :class:`numbers.Hedge`; a row that cannot be one is in :attr:`hedge_problems`."""
        return self._hedge_rows[0]

    @property
    def hedge_problems(self) -> dict[str, tuple[int, str, str]]:
        """Hedge id → (row, column, why) for each hedge row that is not usable (integrity reports them)."""
        return self._hedge_rows[1]

    def hedge_missing(self, hedge_id: str) -> str:
        """Why a hedge id cannot be used: not in the table, or its row is unusable."""
        bad = self.hedge_problems.get(hedge_id)
        if bad is None:
            return f"hedge '{hedge_id}' is not in the hedges table"
        return f"hedge '{hedge_id}' cannot be used ({self.file('hedges')}, row {bad[0]}, column {bad[1]})"

    @cached_property
    def value_table(self) -> ValueTable:
        """The value rows that count (the first row of each value id), as columns."""
        return ValueTable.of(self.pkg.values)

    @cached_property
    def value_rows(self) -> dict[str, tuple[int, dict[str, str]]]:
        """Value rows by id (first occurrence), with their row number in the file: one dict a row,
        for tests and the row-by-row oracles; the check itself reads :attr:`value_table`."""
        t = self.value_table
        return {vid: (int(t.rows[k]), t.cells(k)) for k, vid in enumerate(t.ids)}

    @cached_property
    def _parsed_values(self) -> ParsedValues:
        return ParsedValues.of(
            self.value_table,
            self.hedges,
            self.hedge_missing,
            self.limits.max_digits,
            self.hedge_problems.keys(),
        )

    @property
    def values(self) -> Mapping[str, ValueInfo]:
        """Every readable value: its stated number and strict and loose intervals (built on first use)."""
        return self._parsed_values

    @property
    def value_problems(self) -> dict[str, str]:
        """Value ids whose number cannot be read, with the reason."""
        return self._parsed_values.problems

    @property
    def readable(self) -> npt.NDArray[np.bool_]:
        """Which rows of :attr:`value_table` can be read as numbers."""
        return self._parsed_values.readable

    @property
    def strict(self) -> IntervalColumns:
        """The strict interval of every readable row of :attr:`value_table`, as integer columns (a row
        with ``exact`` False is compared through :attr:`values` instead)."""
        return self._parsed_values.cols

    def strict_interval(self, k: int) -> nb.Interval:
        """Row ``k``'s strict interval (a readable row)."""
        if self.strict.exact[k]:
            return row_interval(self.strict, k)
        return self.values[self.value_table.ids[k]].strict

    def strict_text(self, k: int) -> str:
        """Row ``k``'s strict interval as ``str(Interval)`` prints it."""
        cols = self.strict
        if cols.exact[k]:
            return interval_text(cols, k)
        return str(self.values[self.value_table.ids[k]].strict)

    @cached_property
    def claims(self) -> list[ClaimEval]:
        """Every claim row, parsed and evaluated."""
        names = self.value_table.position.keys()
        out = []
        for index, cells in enumerate(records(self.pkg.claims)):
            out.append(self._evaluate(index + 2, cells, names))
        return out

    def _evaluate(self, row: int, cells: dict[str, str], names: AbstractSet[str]) -> ClaimEval:
        try:
            tree = ex.parse(
                cells["expression"],
                names=names,
                max_length=self.limits.max_expression_length,
                max_depth=self.limits.max_expression_depth,
            )
        except ExpressionError as exc:
            return ClaimEval(row, cells, None, None, f"expression: {exc}", error_position=exc.position)
        except ClaimtallyError as exc:
            return ClaimEval(row, cells, None, None, f"expression: {exc}")
        used = tuple(ex.names_in(tree))
        unreadable = [n for n in used if n not in self.values]
        if unreadable:
            reason = "; ".join(f"{n}: {self.value_problems.get(n, 'unreadable')}" for n in unreadable)
            return ClaimEval(row, cells, tree, None, f"value cannot be read ({reason})", used)
        hedge = self.hedges.get(cells["hedge"]) if cells["hedge"] else None
        if cells["hedge"] and hedge is None:
            return ClaimEval(row, cells, tree, None, self.hedge_missing(cells["hedge"]), used)
        outcome = evaluate(tree, {n: self.values[n] for n in used}, hedge, steps=self.derive)
        return ClaimEval(row, cells, tree, outcome, None, used)

    @cached_property
    def used_values(self) -> set[str]:
        """Value ids that some claim's expression names."""
        return {n for c in self.claims for n in c.names}

    @cached_property
    def used_mask(self) -> npt.NDArray[np.bool_]:
        """Which rows of :attr:`value_table` some claim's expression names."""
        used = np.zeros(len(self.value_table), np.bool_)
        position = self.value_table.position
        used[[position[n] for n in self.used_values if n in position]] = True
        return used

    @cached_property
    def value_groups(self) -> dict[Key, list[dict[str, str]]]:
        """Value rows grouped by :func:`quantity_key` (for the row-by-row oracles)."""
        groups: dict[Key, list[dict[str, str]]] = {}
        for _row, cells in self.value_rows.values():
            groups.setdefault(quantity_key(cells), []).append(cells)
        return groups

    @cached_property
    def value_codes(self) -> ValueCodes:
        """The rows of :attr:`value_table` as integer codes."""
        t = self.value_table
        entity, metric, baseline = (t.codes(c)[0] for c in ("entity_id", "metric_id", "baseline_entity_id"))
        setting, settings = t.codes("setting")
        blank = settings.index("") if "" in settings else -1
        return ValueCodes(
            ids=t.ids,
            group=_combine(_combine(entity, metric), baseline) if len(t) else entity,
            source=t.codes("source_id")[0],
            # no setting is code 0, every setting a code from 1
            setting=np.where(setting == blank, 0, setting + 1),
        )

    @cached_property
    def compared_mask(self) -> npt.NDArray[np.bool_]:
        """Which rows of :attr:`value_table` have a :func:`comparable` row (another source, same
        quantity, matching setting), counted per group in linear time rather than searched pair by
        pair (groups grow with the package, so a search is quadratic)."""
        v = self.value_codes
        if not v.ids:
            return np.zeros(0, np.bool_)
        pair = _combine(v.group, v.source)
        bare = v.setting == 0
        # rows of the group from other sources: with no setting, any; with one, those with none or the same
        others_any = _count(v.group) - _count(pair)
        others_bare = _count(v.group, bare) - _count(pair, bare)
        others_same = _count(_combine(v.group, v.setting)) - _count(_combine(pair, v.setting))
        has: npt.NDArray[np.bool_] = np.where(bare, others_any, others_bare + others_same) > 0
        return has

    @property
    def compared_values(self) -> set[str]:
        """Value ids with a comparable row (:attr:`compared_mask`)."""
        ids = self.value_table.ids
        return {ids[k] for k in np.flatnonzero(self.compared_mask).tolist()}

    @cached_property
    def source_kinds(self) -> dict[str, str]:
        """Source id → kind."""
        return dict(zip(self.pkg.sources["source_id"], self.pkg.sources["kind"], strict=True))

    @cached_property
    def metric_rows(self) -> dict[str, dict[str, str]]:
        """Metric id → row cells."""
        return {c["metric_id"]: c for c in records(self.pkg.metrics)}


def _tolerance(text: str) -> Decimal | None:
    return tolerance(text) if text else None


def quantity_key(cells: dict[str, str]) -> Key:
    """The quantity a value row states: its entity, metric and baseline."""
    return cells["entity_id"], cells["metric_id"], cells["baseline_entity_id"]


def comparable(cells: dict[str, str], other: dict[str, str]) -> bool:
    """Whether two value rows state the same quantity in the same setting, from different sources."""
    if other["source_id"] == cells["source_id"] or quantity_key(other) != quantity_key(cells):
        return False
    return settings_match(cells["setting"], other["setting"])


def settings_match(setting: str, other: str) -> bool:
    """Two values' settings allow comparing them: equal, or one of them states none."""
    return not setting or not other or setting == other


def _combine(a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """One code per distinct pair of codes (kept small, so combining again cannot overflow)."""
    _, inverse = np.unique(a * (int(b.max()) + 1) + b, return_inverse=True)
    combined: npt.NDArray[np.int64] = inverse.astype(np.int64).reshape(-1)
    return combined


def _count(code: npt.NDArray[np.int64], where: npt.NDArray[np.bool_] | None = None) -> npt.NDArray[np.int64]:
    """For each row, how many rows (those in ``where``, when given) share its code."""
    chosen = code if where is None else code[where]
    counts: npt.NDArray[np.int64] = np.bincount(chosen, minlength=int(code.max()) + 1)[code]
    return counts
