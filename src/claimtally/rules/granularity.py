"""Rule ``granularity``: the GRIM test for benchmark scores (Brown & Heathers 2017).

A percentage scored on a benchmark of ``n`` items is ``100·k/n`` for a whole number ``k`` of items
solved, or, averaged over ``r`` runs, ``100·k/(r·n)``. A stated score whose rounding interval holds
no such fraction for one run, nor for up to :data:`MAX_RUNS` runs, cannot have been computed as
stated: a warning naming the nearest reachable scores. One reachable only as a mean of several runs
is reported as ``info``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import ROUND_HALF_EVEN, Decimal
from decimal import Context as DecimalContext
from fractions import Fraction

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
    for value_id, (row, cells) in ctx.value_rows.items():
        metric = ctx.metric_rows.get(cells["metric_id"], {})
        items = _items(metric.get("items", ""))
        if metric.get("unit") != "percent" or items is None:
            continue
        if cells["baseline_entity_id"] or cells["exact"] == "true" or value_id not in ctx.values:
            continue
        interval = ctx.values[value_id].strict
        if reachable(interval, items) is not None:
            continue
        what = f"{cells['value']}% on {cells['metric_id']} ({items} items)"
        runs = next((r for r in range(2, MAX_RUNS + 1) if reachable(interval, r * items)), None)
        if runs is not None:
            score = reachable(interval, runs * items)
            assert score is not None
            yield Finding.at(
                file,
                row,
                value_id,
                f"{what} is not reachable as k/{items} in one run, but is as a mean of {runs} runs "
                f"({show(score)}% = {score * runs * items / 100}/{runs * items})",
                rule="granularity",
                severity="info",
                value_id=value_id,
                column="value",
                expected=f"k/{items}",
                observed=f"mean of {runs} runs",
            )
            continue
        below, above = nearest(Fraction(ctx.values[value_id].stated.value), items)
        yield Finding.at(
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
            observed=cells["value"],
        )
