"""Evaluate a parsed claim in its strict and loose readings and give its verdict (contract §4-§5).

>>> from claimtally.arith import stated as nb
>>> from claimtally.expr.parse import parse
>>> def info(name, text):  # a value as the checker reads it: not exact, no hedge
...     s = nb.parse_value(text)
...     strict, loose = nb.value_intervals(s, value_max=None, exact=False, hedge=None)
...     return ValueInfo(s, strict, loose, "rounding")
>>> values = {"new": info("new", "5.30"), "old": info("old", "2.50")}
>>> outcome = evaluate(parse("new / old == 2"), values, hedge=None)
>>> outcome.verdict, outcome.relations[0].computed
('fails', '[2.113772, 2.126253]')

Each value id stands for two intervals (strict and loose, from
:func:`claimtally.arith.stated.value_intervals`).
Arithmetic runs on intervals; each relation is three-valued; ``and``/``or`` are Kleene's.
In the loose reading the claim's own hedge widens the stated (right-hand) side of each relation,
the last operand of a chain, by ``w = max(relative_tolerance × |nominal|, digit_units × unit)``,
with ``digit_units`` counted only when that side is a single value id. The side is widened where
the hedge's kind relaxes it (both ends for ``approx``, down for ``nearly``, ``above`` and
``at-least``, up for ``below`` and ``at-most``), by :func:`claimtally.arith.stated.widen`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_UP, Decimal
from functools import reduce

from claimtally.arith import stated as nb
from claimtally.arith.intervals import show_number
from claimtally.contract import Verdict
from claimtally.expr import parse as ex

READINGS = ("strict", "loose")

_ARITH: dict[str, Callable[[nb.Interval, nb.Interval], nb.Interval]] = {
    "+": nb.add,
    "-": nb.sub,
    "*": nb.mul,
    "/": nb.div,
}


@dataclass(frozen=True)
class Relation:
    """One relation of a claim in both readings: the intervals as printed and how far apart they are."""

    text: str
    op: str
    strict: nb.Tri
    loose: nb.Tri
    computed: str
    """Strict interval of the computed (left) side."""
    stated: str
    """Strict interval of the stated (right) side."""
    computed_loose: str
    stated_loose: str
    gap: str
    """Distance between the strict intervals (0 when they touch or overlap)."""


def _show(iv: nb.Interval | None) -> str:
    return "undefined" if iv is None else iv.show()


@dataclass(frozen=True)
class ValueInfo:
    """A stated number and its two intervals, with the reason in words; value rows that state the
    same number (with the same range, exactness and hedge) share one."""

    stated: nb.Stated
    strict: nb.Interval
    loose: nb.Interval
    why: str


@dataclass
class Outcome:
    """What evaluating one claim gave."""

    strict: nb.Tri
    loose: nb.Tri
    relations: list[Relation] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """Arithmetic that could not be done, such as division by an interval containing zero."""

    @property
    def verdict(self) -> Verdict:
        """holds / holds-loosely / fails / undetermined from the two readings."""
        return verdict_of(self.strict, self.loose)

    def decisive(self) -> Relation | None:
        """The relation that decides the verdict: the first not true strictly, else the last."""
        if not self.relations:
            return None
        return next((r for r in self.relations if r.strict is not nb.Tri.TRUE), self.relations[-1])

    def describe(self) -> str:
        """One line on the decisive relation: computed and stated intervals and the gap."""
        rel = self.decisive()
        if rel is None:
            return "no relation"
        text = f"{rel.text}: computed {rel.computed}, stated {rel.stated}"
        if rel.stated_loose != rel.stated or rel.computed_loose != rel.computed:
            text += f" (loose {rel.computed_loose} vs {rel.stated_loose})"
        if rel.gap not in ("0", "undefined"):
            text += f", gap {rel.gap}"
        return text


def verdict_of(strict: nb.Tri, loose: nb.Tri) -> Verdict:
    """Contract §5: true strictly holds; true only loosely holds loosely; false loosely fails."""
    if strict is nb.Tri.TRUE:
        return "holds"
    if loose is nb.Tri.TRUE:
        return "holds-loosely"
    if loose is nb.Tri.FALSE:
        return "fails"
    return "undetermined"


class _Undefined(Exception):
    """Arithmetic with no interval result (division by an interval containing zero)."""


@dataclass
class _Run:
    reading: str
    env: Mapping[str, nb.Interval]
    units: Mapping[str, Decimal]
    nominal: Mapping[str, nb.Interval]
    hedge: nb.Hedge | None
    steps: list[str] | None
    """The derivation as it is made, or None when it is not wanted (nothing is printed for it)."""
    problems: list[str]
    texts: dict[int, str]
    """Printed subexpressions by node identity, shared by both readings (printing is recursive, so
    printing every step's node afresh would cost the square of the expression's size)."""
    memo: dict[tuple[str, int, int], nb.Interval]
    """Arithmetic results by operator and operand identity, shared by both readings (the operands
    are kept alive by the runs' environments and by this dict, so an identity is never reused)."""
    pairs: list[tuple[str, str, nb.Tri, nb.Interval | None, nb.Interval | None]] = field(default_factory=list)

    def text(self, node: ex.Node) -> str:
        printed = self.texts.get(id(node))
        if printed is None:
            printed = self.texts[id(node)] = ex.to_text(node)
        return printed

    def arith(
        self, node: ex.Node, env: Mapping[str, nb.Interval] | None = None, log: bool = True
    ) -> nb.Interval:
        env = self.env if env is None else env
        if isinstance(node, ex.Num):
            return nb.Interval.point(node.value)
        if isinstance(node, ex.Ref):
            return env[node.name]
        if isinstance(node, ex.Neg):
            result = nb.neg(self.arith(node.operand, env, log))
        elif isinstance(node, ex.BinOp):
            left, right = self.arith(node.left, env, log), self.arith(node.right, env, log)
            try:
                # both readings share the results: where a subtree's values read the same in both
                # (no hedge), its loose operands are the strict ones, the same objects
                key = (node.op, id(left), id(right))
                found = self.memo.get(key)
                result = self.memo[key] = _ARITH[node.op](left, right) if found is None else found
            except nb.ZeroDivisionInterval:
                problem = f"{self.text(node)}: divides by {right}, an interval containing zero"
                if log and problem not in self.problems:
                    self.problems.append(problem)
                raise _Undefined(problem) from None
        elif isinstance(node, ex.Call):
            args = [self.arith(a, env, log) for a in node.args]
            if node.func == "abs":
                result = nb.abs_(args[0])
            else:
                result = reduce(nb.min_ if node.func == "min" else nb.max_, args)
        else:  # a relation where a number was expected; the parser prevents this
            msg = f"not an arithmetic expression: {ex.to_text(node)}"
            raise TypeError(msg)
        if log and self.steps is not None:
            self.steps.append(f"{self.reading}: {self.text(node)} = {_show(result)}")
        return result

    def stated_side(self, node: ex.Node) -> nb.Interval:
        value = self.arith(node)
        if self.reading != "loose" or self.hedge is None:
            return value
        try:
            nominal = self.arith(node, self.nominal, log=False).lo
        except _Undefined:
            return value
        unit = self.units.get(node.name) if isinstance(node, ex.Ref) else None
        w = nb.hedge_width(self.hedge, nominal.copy_abs() if nominal is not None else Decimal(0), unit)
        if w == 0:
            return value
        widened = nb.widen(value, w, self.hedge.kind)
        if self.steps is not None:
            side = self.text(node)
            self.steps.append(
                f"loose: {side} widened by {nb.fmt(w)} ({self.hedge.hedge_id}) = {_show(widened)}"
            )
        return widened

    def truth(self, node: ex.Node) -> nb.Tri:
        if isinstance(node, ex.BoolOp):
            parts = [self.truth(p) for p in node.parts]
            return reduce(nb.tri_and if node.op == "and" else nb.tri_or, parts)
        if not isinstance(node, ex.Compare):  # pragma: no cover - the parser only yields relations here
            msg = f"not a relation: {ex.to_text(node)}"
            raise TypeError(msg)
        last = len(node.operands) - 1
        sides: list[nb.Interval | None] = []
        for i, operand in enumerate(node.operands):
            try:
                sides.append(self.stated_side(operand) if i == last else self.arith(operand))
            except _Undefined:
                sides.append(None)
        results = []
        for i, op in enumerate(node.ops):
            left, right = sides[i], sides[i + 1]
            text = f"{self.text(node.operands[i])} {op} {self.text(node.operands[i + 1])}"
            t = nb.Tri.UNKNOWN if left is None or right is None else nb.compare(op, left, right)
            self.pairs.append((text, op, t, left, right))
            if self.steps is not None:
                self.steps.append(f"{self.reading}: {_show(left)} {op} {_show(right)}: {t}")
            results.append(t)
        return reduce(nb.tri_and, results)


def evaluate(
    tree: ex.Node, values: Mapping[str, ValueInfo], hedge: nb.Hedge | None, *, steps: bool = True
) -> Outcome:
    """Evaluate a parsed claim over the values' intervals in both readings; with ``steps`` False the
    derivation (``Outcome.steps``) is left empty and none of its text is made."""
    units = {k: v.stated.unit for k, v in values.items()} if hedge is not None else {}
    nominal = {k: nb.Interval.point(v.stated.value) for k, v in values.items()} if hedge is not None else {}
    lines = (
        [f"{k} = {v.why}: strict {v.strict.show()}, loose {v.loose.show()}" for k, v in values.items()]
        if steps
        else None
    )
    problems: list[str] = []
    texts: dict[int, str] = {}
    memo: dict[tuple[str, int, int], nb.Interval] = {}
    runs = []
    for reading in READINGS:
        env = {k: getattr(v, reading) for k, v in values.items()}
        run = _Run(reading, env, units, nominal, hedge, lines, problems, texts, memo)
        truth = run.truth(tree)
        runs.append((truth, run))
    (strict, s_run), (loose, l_run) = runs
    relations = [
        Relation(
            text=s[0],
            op=s[1],
            strict=s[2],
            loose=lo[2],
            computed=_show(s[3]),
            stated=_show(s[4]),
            computed_loose=_show(lo[3]),
            stated_loose=_show(lo[4]),
            gap=gap(s[3], s[4]),
        )
        for s, lo in zip(s_run.pairs, l_run.pairs, strict=True)
    ]
    return Outcome(strict=strict, loose=loose, relations=relations, steps=lines or [], problems=problems)


def gap(left: nb.Interval | None, right: nb.Interval | None) -> str:
    """How far apart two intervals are (:func:`claimtally.arith.intervals.gap`), negative when the
    computed (left) side lies below the stated side: 0 when they overlap or touch."""
    if left is None or right is None:
        return "undefined"
    distance = nb.gap(left, right)
    below = left.hi is not None and right.lo is not None and left.hi < right.lo
    # six decimals at most, rounded away from zero so that a gap never prints as 0; copy_negate is exact
    return show_number(distance.copy_negate() if below else distance, ROUND_UP)
