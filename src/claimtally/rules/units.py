"""Rule ``units``: per-token prices that cannot be per-token prices, percent vs points, mixed units.

Three checks:

- a blended or unspecified per-million-token price (metrics ``price-blended`` and ``price-per-mtok``)
  must lie between the entity's lowest input price and highest output price (``price-input``,
  ``price-output``), else it is probably a total cost (usd) written as a rate;
- a value of a ``points`` metric whose quote writes it as a percent, or of a ``percent`` metric
  whose quote writes it in points, mixes a percentage with a percentage-point difference;
- a claim expression that adds, subtracts or compares quantities of different units (a total in
  usd against a price in usd-per-mtok, percent against points). Literals take any unit; a
  difference of two percentages is in points; ``x / 100`` of a percent is a ratio.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimtally.arith import stated as nb
from claimtally.expr import parse as ex
from claimtally.report.model import Finding
from claimtally.rules.context import Context

RATES = ("price-blended", "price-per-mtok")
PERCENT_WORDS = re.compile(r"%|\bper ?cent\b", re.IGNORECASE)
POINT_WORDS = re.compile(r"\d\s*pp\b|\bpp\b|\bpts?\b|\bpoints?\b|\bpercentage points?\b", re.IGNORECASE)


def check(ctx: Context) -> Iterator[Finding]:
    """Blended prices within input-output prices; percent vs points; totals vs per-token prices."""
    yield from _rates(ctx)
    yield from _percent_points(ctx)
    yield from _expressions(ctx)


def _rates(ctx: Context) -> Iterator[Finding]:
    file = ctx.file("values")
    prices: dict[tuple[str, str], list[nb.Interval]] = {}
    for value_id, (_row, cells) in ctx.value_rows.items():
        if cells["metric_id"] in ("price-input", "price-output") and value_id in ctx.values:
            prices.setdefault((cells["entity_id"], cells["metric_id"]), []).append(
                ctx.values[value_id].strict
            )
    for value_id, (row, cells) in ctx.value_rows.items():
        if cells["metric_id"] not in RATES or value_id not in ctx.values:
            continue
        inputs = prices.get((cells["entity_id"], "price-input"), [])
        outputs = prices.get((cells["entity_id"], "price-output"), [])
        lows = [iv.lo for iv in inputs if iv.lo is not None]
        highs = [iv.hi for iv in outputs if iv.hi is not None]
        if not lows or not highs:
            continue
        band = nb.Interval(min(lows), max(highs))
        mine = ctx.values[value_id].strict
        if mine.overlaps(band):
            continue
        yield Finding.at(
            file,
            row,
            value_id,
            f"{cells['value']} {cells['metric_id']} for {cells['entity_id']} lies outside its "
            f"input-output price range {band} (usd per million tokens); a per-token price must fall "
            "between them, so this is probably a total cost in usd: check the source's unit",
            rule="units",
            severity="warning",
            value_id=value_id,
            column="value",
            expected=str(band),
            observed=str(mine),
        )


def _percent_points(ctx: Context) -> Iterator[Finding]:
    file = ctx.file("values")
    for value_id, (row, cells) in ctx.value_rows.items():
        unit = ctx.metric_rows.get(cells["metric_id"], {}).get("unit")
        quote = cells["quote"]
        if unit == "points" and PERCENT_WORDS.search(quote) and not POINT_WORDS.search(quote):
            found, want = "a percent", "percentage points"
        elif (
            unit == "percent"
            and cells["baseline_entity_id"]
            and POINT_WORDS.search(quote)
            and not PERCENT_WORDS.search(quote)
        ):
            found, want = "points", "a percent"
        else:
            continue
        yield Finding.at(
            file,
            row,
            value_id,
            f"the quote states {found} but metric {cells['metric_id']} is in {want}; a percent is not "
            "a percentage point, so record it on a metric of the unit the source writes",
            rule="units",
            severity="warning",
            value_id=value_id,
            column="metric_id",
            expected=want,
            observed=found,
        )


def unit_of(node: ex.Node, units: dict[str, str], clashes: list[str]) -> str | None:
    """The unit of an arithmetic node (None for a bare number), noting every clash in ``clashes``."""
    if isinstance(node, ex.Num):
        return None
    if isinstance(node, ex.Ref):
        return units.get(node.name)
    if isinstance(node, ex.Neg):
        return unit_of(node.operand, units, clashes)
    if isinstance(node, ex.Call):
        found = [unit_of(a, units, clashes) for a in node.args]
        return _join(found, f"{node.func}(…)", clashes)
    if isinstance(node, ex.BinOp):
        left, right = unit_of(node.left, units, clashes), unit_of(node.right, units, clashes)
        if node.op in "+-":
            if node.op == "-" and left == right == "percent":
                return "points"
            return _join([left, right], ex.to_text(node), clashes)
        hundred = isinstance(node.right, ex.Num) and node.right.value == 100
        if left == "percent" and node.op == "/" and hundred:
            return "ratio"
        if left == "ratio" and node.op == "*" and hundred:
            return "percent"
        if left is not None and right is None:
            return left
        if right is None and left is None:
            return None
        if left is None:
            return "ratio" if right == "ratio" else None
        if node.op == "/" and left == right:
            return "ratio"
        return None  # a product or quotient of two units: not checked
    return None


def _join(found: list[str | None], where: str, clashes: list[str]) -> str | None:
    known = sorted({u for u in found if u is not None})
    if len(known) > 1:
        clashes.append(f"{where} mixes {' and '.join(known)}")
    return known[0] if known else None


def _expressions(ctx: Context) -> Iterator[Finding]:
    file = ctx.file("claims")
    units = {
        value_id: ctx.metric_rows.get(cells["metric_id"], {}).get("unit", "")
        for value_id, (_row, cells) in ctx.value_rows.items()
    }
    for c in ctx.claims:
        if c.tree is None:
            continue
        clashes: list[str] = []
        for relation in ex.relations(c.tree):
            sides = [unit_of(o, units, clashes) for o in relation.operands]
            _join(sides, ex.to_text(relation), clashes)
        for clash in dict.fromkeys(clashes):
            yield Finding.at(
                file,
                c.row,
                f"claim {c.cells['claim_id']}",
                f"{clash}; a total is not a per-token price and a percent is not a percentage point: "
                "compare like with like",
                rule="units",
                severity="warning",
                claim_id=c.cells["claim_id"],
                column="expression",
                observed=clash,
            )
