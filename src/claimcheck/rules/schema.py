"""Rule ``schema``: the package against its own Table Schemas, by frictionless."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.context import Context
from claimcheck.report import Finding


def check(ctx: Context) -> Iterator[Finding]:
    """frictionless validation of the package: types, constraints, primary and foreign keys, hashes."""
    from frictionless import validate  # deferred: it is the slowest import of the checker

    report = validate(str(ctx.pkg.path), limit_errors=1_000_000)
    for error in report.errors:
        yield Finding(
            rule="schema",
            severity="error",
            file=ctx.pkg.path.name,
            message=f"{ctx.pkg.path.name}: {error.message}; fix the descriptor",
        )
    for task in report.tasks:
        for error in task.errors:
            row = getattr(error, "row_number", None)
            column = getattr(error, "field_name", None)
            where = ", ".join(
                [str(task.place)] + ([f"row {row}"] if row else []) + ([f"column {column}"] if column else [])
            )
            yield Finding(
                rule="schema",
                severity="error",
                file=str(task.place),
                row=row,
                column=column,
                observed=getattr(error, "cell", None),
                message=f"{where}: {error.type}: {error.note}; fix the file or its schema",
            )
