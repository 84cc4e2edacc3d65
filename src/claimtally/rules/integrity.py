"""Rule ``integrity``: quotes present, ids unique, keys resolved, dates in order, values readable."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from claimtally.data.cells import CellError, count
from claimtally.data.package import key_problems
from claimtally.data.rows import blank_positions
from claimtally.data.table import records
from claimtally.report.model import Finding
from claimtally.rules.context import Context


def check(ctx: Context) -> Iterator[Finding]:
    """Empty quotes, duplicate or dangling ids, as_of after publication, unreadable or unused values."""
    for problem in key_problems(ctx.pkg):
        yield ctx.at(
            problem.file,
            problem.row,
            f"column {problem.column}",
            problem.message,
            rule="integrity",
            severity="error",
            column=problem.column,
        )
    for table in ("values", "claims"):
        file = ctx.file(table)
        id_column = "value_id" if table == "values" else "claim_id"
        frame = ctx.pkg.tables[table]
        for index in blank_positions(frame["quote"]):
            row_id = frame[id_column].iloc[index]
            yield ctx.at(
                file,
                index + 2,
                row_id,
                "the quote is empty; copy the source's exact words that state it",
                rule="integrity",
                severity="error",
                column="quote",
                value_id=row_id if table == "values" else None,
                claim_id=row_id if table == "claims" else None,
            )
    yield from _dates(ctx)
    yield from _numbers(ctx)
    yield from _values(ctx)


def _numbers(ctx: Context) -> Iterator[Finding]:
    """Hedge tolerances and metric item counts that are not the numbers their columns hold, reported
    where they are written (not at the values that use them)."""
    for hedge_id, (row, column, why) in ctx.hedge_problems.items():
        yield ctx.at(
            ctx.file("hedges"),
            row,
            hedge_id,
            f"{column} {why}; values and claims with this hedge cannot be evaluated",
            rule="integrity",
            severity="error",
            column=column,
        )
    file = ctx.file("metrics")
    for index, cells in enumerate(records(ctx.pkg.metrics)):
        text = cells.get("items", "")
        if not text:
            continue
        try:
            count(text)
        except CellError as exc:
            yield ctx.at(
                file,
                index + 2,
                cells["metric_id"],
                f"items {exc}: the number of items of the benchmark, such as 500",
                rule="integrity",
                severity="error",
                column="items",
                observed=text[:40],
            )


def _dates(ctx: Context) -> Iterator[Finding]:
    published = dict(zip(ctx.pkg.sources["source_id"], ctx.pkg.sources["published"], strict=True))
    file = ctx.file("values")
    t = ctx.value_table
    as_of, sources = t.column("as_of"), t.column("source_id")
    for k in (k for k, when in enumerate(as_of) if when):
        when, pub = as_of[k], published.get(sources[k], "")
        if pub and earliest(when) > latest(pub):
            yield ctx.at(
                file,
                int(t.rows[k]),
                t.ids[k],
                f"as_of {when} is after its source {sources[k]} was published ({pub}); fix either date",
                rule="integrity",
                severity="error",
                value_id=t.ids[k],
                column="as_of",
                expected=f"on or before {pub}",
                observed=when,
            )


def _values(ctx: Context) -> Iterator[Finding]:
    """Unreadable values (errors) and values nothing reads (info), in row order."""
    file = ctx.file("values")
    t = ctx.value_table
    unread = np.flatnonzero(~ctx.readable)
    idle = np.flatnonzero(ctx.readable & ~ctx.used_mask & ~ctx.compared_mask)
    if not ctx.lists("info"):
        ctx.tally("integrity", len(idle))
        idle = idle[:0]
    for k in np.union1d(unread, idle).tolist():
        value_id = t.ids[k]
        problem = ctx.value_problems.get(value_id)
        if problem is not None:
            yield ctx.at(
                file,
                int(t.rows[k]),
                value_id,
                problem,
                rule="integrity",
                severity="error",
                value_id=value_id,
                column="value",
                observed=t.column("value")[k],
            )
            continue
        yield ctx.at(
            file,
            int(t.rows[k]),
            value_id,
            "used by no claim and compared with no other source's value (recorded for completeness)",
            rule="integrity",
            severity="info",
            value_id=value_id,
        )


def earliest(date: str) -> str:
    """The first day a YYYY, YYYY-MM or YYYY-MM-DD date can mean, as YYYY-MM-DD."""
    return (date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10]


def latest(date: str) -> str:
    """The last day a partial date can mean (days past a month's end compare the same way)."""
    return (date + "-12-31")[:10] if len(date) == 4 else (date + "-31")[:10]
