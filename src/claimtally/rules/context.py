"""What the rules share: the package, its parsed values and hedges, and every claim's evaluation.

Everything is computed once, on first use, so a rule that needs the claims' verdicts and the report
that shows them read the same results.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import cast

import numpy as np
import numpy.typing as npt

from claimtally.arith import stated as nb
from claimtally.data.cells import CellError, tolerance
from claimtally.data.package import Package
from claimtally.data.table import records
from claimtally.errors import ClaimtallyError, ExpressionError
from claimtally.expr import parse as ex
from claimtally.expr.evaluate import Outcome, ValueInfo, evaluate
from claimtally.limits import Limits

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

    def __init__(self, pkg: Package, limits: Limits | None = None) -> None:
        self.pkg = pkg
        self.limits = limits or Limits()

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
    def value_rows(self) -> dict[str, tuple[int, dict[str, str]]]:
        """Value rows by id (first occurrence), with their row number in the file."""
        out: dict[str, tuple[int, dict[str, str]]] = {}
        for index, cells in enumerate(records(self.pkg.values)):
            out.setdefault(cells["value_id"], (index + 2, cells))
        return out

    @cached_property
    def _parsed_values(self) -> tuple[dict[str, ValueInfo], dict[str, str]]:
        infos: dict[str, ValueInfo] = {}
        problems: dict[str, str] = {}
        # Values repeat (a score of 83.4, a price of 5): rows with the same number, range, exactness
        # and hedge share one parse, which also lets them share their interval objects.
        seen: dict[tuple[str, str, str, str], ValueInfo | str] = {}
        for value_id, (_row, cells) in self.value_rows.items():
            key = (cells["value"], cells["value_max"], cells["exact"], cells["hedge"])
            parsed = seen.get(key)
            if parsed is None:
                try:
                    parsed = value_info(cells, self.hedges, self.limits.max_digits)
                except (ClaimtallyError, nb.IntervalError) as exc:
                    parsed = str(exc)
                    if cells["hedge"] in self.hedge_problems:
                        parsed = self.hedge_missing(cells["hedge"])
                seen[key] = parsed
            if isinstance(parsed, str):
                problems[value_id] = parsed
            else:
                infos[value_id] = parsed
        return infos, problems

    @property
    def values(self) -> dict[str, ValueInfo]:
        """Every readable value: its stated number and strict and loose intervals."""
        return self._parsed_values[0]

    @property
    def value_problems(self) -> dict[str, str]:
        """Value ids whose number cannot be read, with the reason."""
        return self._parsed_values[1]

    @cached_property
    def claims(self) -> list[ClaimEval]:
        """Every claim row, parsed and evaluated."""
        names = set(self.value_rows)
        out = []
        for index, cells in enumerate(records(self.pkg.claims)):
            out.append(self._evaluate(index + 2, cells, names))
        return out

    def _evaluate(self, row: int, cells: dict[str, str], names: set[str]) -> ClaimEval:
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
        outcome = evaluate(tree, {n: self.values[n] for n in used}, hedge)
        return ClaimEval(row, cells, tree, outcome, None, used)

    @cached_property
    def used_values(self) -> set[str]:
        """Value ids that some claim's expression names."""
        return {n for c in self.claims for n in c.names}

    @cached_property
    def value_groups(self) -> dict[Key, list[dict[str, str]]]:
        """Value rows grouped by :func:`quantity_key` (shared by agreement and integrity)."""
        groups: dict[Key, list[dict[str, str]]] = {}
        for _row, cells in self.value_rows.values():
            groups.setdefault(quantity_key(cells), []).append(cells)
        return groups

    @cached_property
    def value_codes(self) -> ValueCodes:
        """The value rows (first occurrence of each id, in file order) as integer codes."""
        items = list(self.value_rows.items())
        cells = [c for _, (_, c) in items]
        return ValueCodes(
            ids=[vid for vid, _ in items],
            group=codes(quantity_key(c) for c in cells),
            source=codes(c["source_id"] for c in cells),
            setting=codes((c["setting"] for c in cells), none=""),
        )

    @cached_property
    def compared_values(self) -> set[str]:
        """Value ids with a :func:`comparable` row (another source, same quantity, matching setting),
        counted per group in linear time rather than searched pair by pair (groups grow with the
        package, so a search is quadratic)."""
        v = self.value_codes
        if not v.ids:
            return set()
        pair = _combine(v.group, v.source)
        bare = v.setting == 0
        # rows of the group from other sources: with no setting, any; with one, those with none or the same
        others_any = _count(v.group) - _count(pair)
        others_bare = _count(v.group, bare) - _count(pair, bare)
        others_same = _count(_combine(v.group, v.setting)) - _count(_combine(pair, v.setting))
        has = np.where(bare, others_any, others_bare + others_same) > 0
        return {value_id for value_id, yes in zip(v.ids, has.tolist(), strict=True) if yes}

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


def codes(items: Iterable[Hashable], none: Hashable = None) -> npt.NDArray[np.int64]:
    """An integer code per item, equal items equal codes; ``none`` (when given) is code 0."""
    seen: dict[Hashable, int] = {} if none is None else {none: 0}
    get = seen.setdefault
    return np.fromiter((get(item, len(seen)) for item in items), np.int64)


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
