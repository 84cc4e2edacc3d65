"""Rule ``granularity``: the GRIM test for benchmark scores (Brown & Heathers 2017).

A percentage scored on a benchmark of ``n`` items is ``100·k/n`` for a whole number ``k`` of items
solved, or, averaged over ``r`` runs, ``100·k/(r·n)``. A stated score whose rounding interval holds
no such fraction for one run, nor for up to :data:`MAX_RUNS` runs, cannot have been computed as
stated: a warning naming the nearest reachable scores. One reachable only as a mean of several runs
is reported as ``info``. A value whose strict interval is unbounded (a directional hedge: ``over 80``)
is not tested: it names a bound, not a score rounded to its digits.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import ROUND_HALF_EVEN, Decimal
from decimal import Context as DecimalContext
from fractions import Fraction

import numpy as np
import numpy.typing as npt

from claimtally.arith import stated as nb
from claimtally.data.cells import CellError, count
from claimtally.report.model import Finding
from claimtally.rules.context import Context

#: Most runs a vendor is assumed to average a benchmark score over.
MAX_RUNS = 5


def reachable(interval: nb.Interval, items: int) -> Fraction | None:
    """The smallest ``100·k/items`` inside a finite interval, or None."""
    if interval.lo is None or interval.hi is None:
        return None
    lo, hi = Fraction(interval.lo), Fraction(interval.hi)
    k = math.ceil(lo * items / 100)
    for candidate in (k, k + 1):
        score = Fraction(100 * candidate, items)
        inside_lo = score > lo if interval.lo_open else score >= lo
        inside_hi = score < hi if interval.hi_open else score <= hi
        if inside_lo and inside_hi:
            return score
    return None


def nearest(value: Fraction, items: int) -> tuple[Fraction, Fraction]:
    """The reachable one-run scores just below and just above ``value``."""
    k = math.floor(value * items / 100)
    return Fraction(100 * k, items), Fraction(100 * (k + 1), items)


def show(score: Fraction) -> str:
    """A score to three decimals."""
    ctx = DecimalContext(
        prec=60, rounding=ROUND_HALF_EVEN
    )  # local: the caller's decimal settings do not apply
    quotient = ctx.divide(Decimal(score.numerator), Decimal(score.denominator))
    return str(quotient.quantize(Decimal("0.001"), context=ctx))


def _items(text: str) -> int | None:
    """A metric's item count, or None when it has none or it is not one (integrity reports that)."""
    try:
        return count(text) if text else None
    except CellError:
        return None


def check(ctx: Context) -> Iterator[Finding]:
    """Benchmark percentages reachable as k/n over the metric's items (GRIM), or as a mean of runs."""
    file = ctx.file("values")
    t = ctx.value_table
    items_of: dict[str, int] = {}
    for metric_id, cells in ctx.metric_rows.items():
        items = _items(cells.get("items", ""))
        if cells.get("unit") == "percent" and items is not None:
            items_of[metric_id] = items
    metric, baseline, exact = t.column("metric_id"), t.column("baseline_entity_id"), t.column("exact")
    readable = ctx.readable
    rows = [
        k
        for k, m in enumerate(metric)
        if m in items_of and not baseline[k] and exact[k] != "true" and readable[k]
    ]
    counts = np.array([items_of[metric[k]] for k in rows], np.int64)
    runs = _runs_reaching(ctx, np.array(rows, np.int64), counts)
    for k, items, reached in zip(rows, counts.tolist(), runs, strict=True):
        if reached == 1 or reached < 0:
            continue
        value_id, row = t.ids[k], int(t.rows[k])
        what = f"{t.column('value')[k]}% on {metric[k]} ({items} items)"
        if reached:
            if not ctx.lists("info"):
                ctx.tally("granularity")
                continue
            score = reachable(ctx.values[value_id].strict, reached * items)
            assert score is not None
            yield ctx.at(
                file,
                row,
                value_id,
                f"{what} is not reachable as k/{items} in one run, but is as a mean of {reached} runs "
                f"({show(score)}% = {score * reached * items / 100}/{reached * items})",
                rule="granularity",
                severity="info",
                value_id=value_id,
                column="value",
                expected=f"k/{items}",
                observed=f"mean of {reached} runs",
            )
            continue
        below, above = nearest(Fraction(nb.parse_value(t.column("value")[k]).value), items)
        yield ctx.at(
            file,
            row,
            value_id,
            f"{what} is not reachable as k/{items}, nor as a mean of up to {MAX_RUNS} runs; the nearest "
            f"one-run scores are {show(below)}% and {show(above)}%: check the score or the benchmark's "
            "item count",
            rule="granularity",
            severity="warning",
            value_id=value_id,
            column="value",
            expected=f"k/{items}",
            observed=t.column("value")[k],
        )


def _runs_reaching(ctx: Context, rows: npt.NDArray[np.int64], items: npt.NDArray[np.int64]) -> list[int]:
    """For each row, the fewest runs (1 to :data:`MAX_RUNS`) whose mean can give its strict interval,
    0 for none, or -1 for an unbounded interval (``over 80``), which states no granularity to test:
    :func:`reachable` on the integer columns, exactly, where their ends fit; rows that
    do not fit, or whose products could overflow, are judged on their interval objects."""
    cols = ctx.strict
    lo, hi = cols.lo[rows], cols.hi[rows]
    bounded = cols.exact[rows] & ~cols.lo_inf[rows] & ~cols.hi_inf[rows]
    scale = 10**cols.places
    span = (np.abs(lo).astype(float) + np.abs(hi) + scale) * items * MAX_RUNS * 100
    fast = bounded & (span < 2.0**60) & (100 * scale < 2**60)
    found = np.zeros(len(rows), np.int64)
    unit = 100 * scale  # 100·k/n ≥ lo ⟺ 100·k·10^places ≥ lo·10^places·n, all in integers
    for r in range(MAX_RUNS, 0, -1):  # from the most runs down, so the fewest that reach are kept
        n = items * r
        low, high = np.where(fast, lo, 0) * n, np.where(fast, hi, 0) * n
        k = -((-low) // unit)
        reach = np.zeros(len(rows), np.bool_)
        for candidate in (k, k + 1):
            score = candidate * unit
            inside = np.where(cols.lo_open[rows], score > low, score >= low)
            inside &= np.where(cols.hi_open[rows], score < high, score <= high)
            reach |= inside
        found = np.where(fast & reach, r, found)
    out = found.tolist()
    for i in np.flatnonzero(~fast).tolist():
        interval = ctx.strict_interval(int(rows[i]))
        if not interval.is_bounded:
            out[i] = -1
            continue
        out[i] = next(
            (r for r in range(1, MAX_RUNS + 1) if reachable(interval, r * int(items[i])) is not None), 0
        )
    return out
