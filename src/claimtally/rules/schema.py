"""Rule ``schema``: the package against its own Table Schemas, column-wise or by frictionless.

A table read regularly whose schema uses only the contract's types and constraints is checked
column-wise by :mod:`claimtally.data.columns` (the same errors as frictionless, a hundred times faster);
any other table, and the package as a whole when one is, is checked by frictionless itself.

frictionless follows whatever a descriptor names: a URL for a schema, a dialect or a profile, a
symlink out of the folder, an undeclared encoding it guesses. So it never sees the package's own
descriptor: it gets a rebuilt one holding only the tables claimtally has already read (paths checked to
stay inside the package folder), their inline schemas and dialects, UTF-8 declared, and no key that
could name another document. Every error is reported (no error limit); a run that stops early is
reported as partial, and an exception inside frictionless becomes a finding, not a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from claimtally.data import columns
from claimtally.data.descriptor import resource
from claimtally.data.hashing import file_sha256
from claimtally.report.model import Finding
from claimtally.rules.context import Context

#: Errors frictionless may report before it stops; far more than any real package has.
ERROR_LIMIT = 1_000_000
_SCHEMA_KEYS = ("fields", "primaryKey", "foreignKeys", "missingValues", "uniqueKeys")
_FIELD_KEYS = (
    "name",
    "type",
    "format",
    "constraints",
    "description",
    "trueValues",
    "falseValues",
    "bareNumber",
    "groupChar",
    "decimalChar",
    "missingValues",
)
_DIALECT_KEYS = (
    "header",
    "delimiter",
    "quoteChar",
    "doubleQuote",
    "escapeChar",
    "skipInitialSpace",
    "lineTerminator",
    "commentChar",
    "headerRow",
    "headerJoin",
    "commentRows",
)


def safe_descriptor(ctx: Context) -> dict[str, Any]:
    """A descriptor frictionless can validate without reaching anything outside the package folder."""
    resources = []
    for name in ctx.pkg.tables:
        res = resource(ctx.pkg.descriptor, name, ctx.pkg.path)
        schema = {k: v for k, v in res["schema"].items() if k in _SCHEMA_KEYS}
        schema["fields"] = [
            _without_pattern({k: v for k, v in f.items() if k in _FIELD_KEYS})
            for f in res["schema"]["fields"]
        ]
        raw_dialect = res.get("dialect")
        dialect: dict[str, Any] = raw_dialect if isinstance(raw_dialect, dict) else {}
        clean: dict[str, Any] = {
            "name": name,
            "type": "table",
            "path": res["path"],
            "scheme": "file",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": schema,
            "dialect": {k: v for k, v in dialect.items() if k in _DIALECT_KEYS},
        }
        for key in ("hash", "bytes"):
            if isinstance(res.get(key), str | int):
                clean[key] = res[key]
        resources.append(clean)
    return {"name": ctx.pkg.name or "package", "resources": resources}


def _without_pattern(field: dict[str, Any]) -> dict[str, Any]:
    """A field without its ``pattern`` constraint, which :func:`columns.pattern_errors` checks in RE2."""
    constraints = field.get("constraints")
    if isinstance(constraints, dict) and "pattern" in constraints:
        field = {**field, "constraints": {k: v for k, v in constraints.items() if k != "pattern"}}
    return field


def check(ctx: Context) -> Iterator[Finding]:
    """Table Schema validation as frictionless does it: types, constraints, hashes (keys: integrity)."""
    slow = [name for name in ctx.pkg.tables if not fast_path(ctx, name)]
    for name in ctx.pkg.tables:
        if name not in slow:
            yield from column_findings(ctx, name)
    if slow:
        yield from slow_findings(ctx, set(slow))


def slow_findings(ctx: Context, only: set[str]) -> Iterator[Finding]:
    """The tables in ``only`` validated by frictionless, their ``pattern`` constraints in RE2."""
    yield from frictionless_findings(ctx, only=only)
    for name in ctx.pkg.tables:
        if name in only:
            res = resource(ctx.pkg.descriptor, name, ctx.pkg.path)
            for error in columns.pattern_errors(name, res, ctx.pkg.tables[name]):
                yield _finding(ctx, str(res["path"]), error)


def fast_path(ctx: Context, name: str) -> bool:
    """Whether a table is checked column-wise: read regularly, and only types and constraints we check."""
    res = resource(ctx.pkg.descriptor, name, ctx.pkg.path)
    return not ctx.pkg.tables[name].attrs.get("irregular") and columns.supported(res)


def column_findings(ctx: Context, name: str) -> Iterator[Finding]:
    """The column-wise validator's errors for one table, as findings."""
    res = resource(ctx.pkg.descriptor, name, ctx.pkg.path)
    descriptors = {t: resource(ctx.pkg.descriptor, t, ctx.pkg.path) for t in ctx.pkg.tables}
    file = ctx.pkg.root / str(res["path"])
    errors = columns.validate_table(name, res, ctx.pkg.tables[name], file, ctx.pkg.tables, descriptors)
    yield from _worded(ctx, str(res["path"]), list(errors))


def frictionless_findings(ctx: Context, only: set[str] | None = None) -> Iterator[Finding]:
    """frictionless's errors for the package (for the tables in ``only``, when given), as findings."""
    from frictionless import Package  # deferred: it is the slowest import of the checker

    descriptor = ctx.pkg.path.name
    try:
        package = Package(safe_descriptor(ctx), basepath=str(ctx.pkg.root))
        report = package.validate(limit_errors=ERROR_LIMIT)
    except Exception as exc:
        detail = " ".join(str(exc).split())[:300]
        yield ctx.at(
            descriptor,
            None,
            None,
            f"schema validation stopped ({type(exc).__name__}: {detail}); fix the package so "
            "frictionless can read it",
            rule="schema",
            severity="error",
        )
        return
    for error in report.errors:
        yield ctx.at(
            descriptor, None, None, f"{error.message}; fix the descriptor", rule="schema", severity="error"
        )
    for task in report.tasks:
        if only is not None and task.name not in only:
            continue
        for warning in task.warnings:
            yield ctx.at(
                str(task.place),
                None,
                None,
                f"validation is partial ({warning}); fix the errors reported and run the check again",
                rule="schema",
                severity="error",
            )
        yield from _worded(ctx, str(task.place), list(task.errors))


def _worded(ctx: Context, place: str, errors: list[Any]) -> Iterator[Finding]:
    """One finding per problem: key errors left to the integrity rule, a changed file said once."""
    errors = [e for e in errors if e.type not in _KEYS]
    if any(e.type == "hash-count" for e in errors):
        errors = [e for e in errors if e.type != "byte-count"]
    for error in errors:
        yield _changed(ctx, place, error) if error.type in _STAMP else _finding(ctx, place, error)


#: Key errors the integrity rule reports for every table claimtally reads, with the cell and the fix
#: (frictionless is given only those tables), so the schema rule does not report them twice.
_KEYS = frozenset({"foreign-key", "primary-key"})
#: Errors of a file that no longer matches the hash or size its descriptor records.
_STAMP = frozenset({"hash-count", "byte-count"})


def _changed(ctx: Context, place: str, error: Any) -> Finding:
    """A file whose hash or size is not the one recorded: say both, and how to record the new one."""
    file = ctx.pkg.root / place
    actual = f"sha256 {file_sha256(file)}, {file.stat().st_size} bytes" if file.is_file() else "missing"
    return ctx.at(
        place,
        None,
        None,
        f"{error.type}: the file is not the one datapackage.json describes ({error.note}; the file has "
        f"{actual}); after a data change run 'claimtally stamp', and if this version was released, "
        "bump the version first",
        rule="schema",
        severity="error",
    )


#: What an error that carries no note means (the column-wise check and frictionless word it alike).
_NOTES = {"blank-row": "the row holds no cell (an empty line)"}


def _described(error: Any) -> str:
    return _NOTES.get(error.type, "no detail")


def _finding(ctx: Context, place: str, error: Any) -> Finding:
    row = getattr(error, "row_number", None) or getattr(error, "row", None)
    column = getattr(error, "field_name", None) or getattr(error, "field", None)
    cell = getattr(error, "cell", None)
    cut = cell if not isinstance(cell, str) or len(cell) <= 80 else cell[:80] + "…"
    shown = f" (the cell is '{cut}')" if isinstance(cut, str) and cut else ""
    return ctx.at(
        place,
        row or None,
        f"column {column}" if column else None,
        f"{error.type}: {error.note or _described(error)}{shown}; fix the file or its schema",
        rule="schema",
        severity="error",
        column=column,
        observed=cell,
    )
