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
from decimal import Decimal

import numpy as np

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
    """Blended and unspecified per-token prices outside the band from the entity's lowest input price
    to its highest output price. Where the lowest input price lies above the highest output price,
    the band runs between them the other way round: a rate must still lie between the two."""
    file = ctx.file("values")
    t = ctx.value_table
    metric, entity, readable = t.column("metric_id"), t.column("entity_id"), ctx.readable
    lows: dict[str, Decimal] = {}
    highs: dict[str, Decimal] = {}
    rates: list[int] = []
    for k, m in enumerate(metric):
        if m in RATES:
            rates.append(k)
        elif m in ("price-input", "price-output") and readable[k]:
            iv = ctx.strict_interval(k)
            if m == "price-input" and iv.lo is not None:
                lows[entity[k]] = min(lows.get(entity[k], iv.lo), iv.lo)
            elif m == "price-output" and iv.hi is not None:
                highs[entity[k]] = max(highs.get(entity[k], iv.hi), iv.hi)
    for k in rates:
        low, high = lows.get(entity[k]), highs.get(entity[k])
        if low is None or high is None or not readable[k]:
            continue
        band = nb.Interval(min(low, high), max(low, high))
        mine = ctx.strict_interval(k)
        if mine.overlaps(band):
            continue
        yield ctx.at(
            file,
            int(t.rows[k]),
            t.ids[k],
            f"{t.column('value')[k]} {metric[k]} for {entity[k]} lies outside its "
            f"input-output price range {band} (usd per million tokens); a per-token price must fall "
            "between them, so this is probably a total cost in usd: check the source's unit",
            rule="units",
            severity="warning",
            value_id=t.ids[k],
            column="value",
            expected=str(band),
            observed=str(mine),
        )


def _percent_points(ctx: Context) -> Iterator[Finding]:
    """Percent written for points, or points for a percent. Only the rows whose metric is in points,
    or in percent against a baseline, are candidates, and of those only the quotes that can match
    (they hold '%', 'cent', 'pp', 'pt' or 'point', found by pyarrow, or a character outside ASCII)
    are read and matched in Python."""
    file = ctx.file("values")
    t = ctx.value_table
    unit_of_metric = {m: row.get("unit") for m, row in ctx.metric_rows.items()}
    metric, baseline = t.column("metric_id"), t.column("baseline_entity_id")
    rows = [
        k
        for k, m in enumerate(metric)
        if unit_of_metric.get(m) == "points" or (unit_of_metric.get(m) == "percent" and baseline[k])
    ]
    for k, quote in zip(rows, _quotes_that_may_match(ctx, rows), strict=True):
        if quote is None:
            continue
        m = metric[k]
        unit = unit_of_metric.get(m)
        if unit == "points" and PERCENT_WORDS.search(quote) and not POINT_WORDS.search(quote):
            found, want = "a percent", "percentage points"
        elif unit == "percent" and POINT_WORDS.search(quote) and not PERCENT_WORDS.search(quote):
            found, want = "points", "a percent"
        else:
            continue
        yield ctx.at(
            file,
            int(t.rows[k]),
            t.ids[k],
            f"the quote states {found} but metric {m} is in {want}; a percent is not "
            "a percentage point, so record it on a metric of the unit the source writes",
            rule="units",
            severity="warning",
            value_id=t.ids[k],
            column="metric_id",
            expected=want,
            observed=found,
        )


def _quotes_that_may_match(ctx: Context, rows: list[int]) -> list[str | None]:
    """The quote of each row that may hold percent or point words, None for the others: an ASCII
    quote that holds none of the literal words every match needs cannot match either pattern."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not rows:
        return []
    take = ctx.value_table.take
    positions = np.asarray(rows, np.int64) if take is None else take[np.asarray(rows, np.int64)]
    quotes = ctx.pkg.values["quote"].take(positions)
    cells = pa.array(quotes.array)
    # Python's case-insensitive match also folds some letters outside ASCII (the dotted and dotless
    # i match 'i'), so a quote with any such character is always judged in Python
    maybe = ~pc.fill_null(pc.string_is_ascii(cells), False).to_numpy(zero_copy_only=False)
    for word in ("%", "cent", "pp", "pt", "point"):
        found = pc.fill_null(pc.match_substring(cells, word, ignore_case=True), False)
        maybe |= found.to_numpy(zero_copy_only=False)
    texts: list[str] = quotes.tolist()
    return [text if yes else None for text, yes in zip(texts, maybe.tolist(), strict=True)]


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
            return _join([left, right], node, clashes)
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


def _join(found: list[str | None], where: str | ex.Node, clashes: list[str]) -> str | None:
    """The one unit of ``found`` (None when none is known); more than one is a clash, noted with the
    text of ``where`` (a node is printed only then)."""
    known = sorted({u for u in found if u is not None})
    if len(known) > 1:
        text = where if isinstance(where, str) else ex.to_text(where)
        clashes.append(f"{text} mixes {' and '.join(known)}")
    return known[0] if known else None


def _expressions(ctx: Context) -> Iterator[Finding]:
    file = ctx.file("claims")
    t = ctx.value_table
    metric, position = t.column("metric_id"), t.position
    unit_of_metric = {m: row.get("unit", "") for m, row in ctx.metric_rows.items()}
    units = {
        value_id: unit_of_metric.get(metric[position[value_id]], "")
        for value_id in ctx.used_values
        if value_id in position
    }
    for c in ctx.claims:
        if c.tree is None:
            continue
        clashes: list[str] = []
        for relation in ex.relations(c.tree):
            sides = [unit_of(o, units, clashes) for o in relation.operands]
            _join(sides, relation, clashes)
        for clash in dict.fromkeys(clashes):
            yield ctx.at(
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
