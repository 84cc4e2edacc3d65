"""Table Schema validation column by column: the checks frictionless makes, vectorised over a table.

frictionless validates row by row in Python (about 36k rows a second). This module makes the same
checks on whole columns of the text DataFrame claimtally has already read: types ``string``,
``integer`` and ``boolean``; the constraints ``required``, ``unique``, ``pattern``, ``enum``,
``minimum``, ``maximum``, ``minLength`` and ``maxLength``; blank rows; primary and foreign keys; and
the resource's ``hash`` and ``bytes``. Each error is reported with frictionless's code, resource, row and
field, and ``tests/test_columns.py`` checks that both give the same errors on the corpus of broken
packages. A resource this module cannot judge exactly (another type, a format, a row of the wrong
length) is left to frictionless: :func:`supported` says which.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from claimtally.data.hashing import file_sha256

TYPES = ("string", "integer", "boolean")
CONSTRAINTS = ("required", "unique", "pattern", "enum", "minimum", "maximum", "minLength", "maxLength")
TRUE_VALUES = ["true", "True", "TRUE", "1"]
FALSE_VALUES = ["false", "False", "FALSE", "0"]
INTEGER = r"[+-]?[0-9]+"


@dataclass(frozen=True)
class SchemaError:
    """One error as frictionless would report it."""

    type: str
    resource: str
    row: int | None
    field: str | None
    note: str
    cell: str | None = None


def supported(res: dict[str, Any]) -> bool:
    """Whether every field of the resource uses only types and constraints this module checks."""
    for field in res["schema"]["fields"]:
        if field.get("type", "string") not in TYPES or field.get("format", "default") != "default":
            return False
        if any(k not in CONSTRAINTS for k in field.get("constraints", {})):
            return False
    return True


def fullmatch(cells: pd.Series, pattern: str) -> pd.Series:
    """Which cells the whole of ``pattern`` matches, in RE2 (Arrow's regex engine): linear in the
    text, so a pattern from a descriptor cannot backtrack without bound as Python's ``re`` can. The
    descriptor's shape check has already compiled it in RE2."""
    import pyarrow as pa
    import pyarrow.compute as pc

    matched = pc.match_substring_regex(pa.array(cells.tolist(), pa.string()), f"^(?:{pattern})$")
    return pd.Series(matched.to_numpy(zero_copy_only=False), index=cells.index, dtype=bool)


def pattern_errors(name: str, res: dict[str, Any], frame: pd.DataFrame) -> Iterator[SchemaError]:
    """The ``pattern`` errors of a table, for one that frictionless validates otherwise (it is given
    the schema without its patterns, which its Python regex engine could take unbounded time on)."""
    missing_values = [str(v) for v in res["schema"].get("missingValues", [""])]
    for field in res["schema"]["fields"]:
        pattern = field.get("constraints", {}).get("pattern")
        if pattern is None or field["name"] not in frame.columns:
            continue
        cells = frame[field["name"]]
        bad = ~cells.isin(missing_values) & ~fullmatch(cells, pattern)
        note = f'constraint "pattern" is "{pattern}"'
        for row in _rows(bad):
            yield SchemaError("constraint-error", name, row, field["name"], note, cells[row - 2])


def _rows(mask: pd.Series) -> list[int]:
    """Row numbers (header = 1) of the true cells of a mask."""
    return [int(i) + 2 for i in mask[mask].index]


def _field_errors(
    name: str, field: dict[str, Any], cells: pd.Series, missing: pd.Series
) -> Iterator[SchemaError]:
    kind = field.get("type", "string")
    constraints = field.get("constraints", {})
    present = ~missing
    bad_type = pd.Series(False, index=cells.index)
    if kind == "integer":
        bad_type = present & ~cells.str.fullmatch(INTEGER)
    elif kind == "boolean":
        accepted = field.get("trueValues", TRUE_VALUES) + field.get("falseValues", FALSE_VALUES)
        bad_type = present & ~cells.isin(accepted)
    for row in _rows(bad_type):
        yield SchemaError("type-error", name, row, field["name"], f'type is "{kind}/default"', cells[row - 2])
    ok = present & ~bad_type
    if constraints.get("required"):
        for row in _rows(missing):
            yield SchemaError("constraint-error", name, row, field["name"], 'constraint "required" is "True"')
    checks: list[tuple[str, pd.Series]] = []
    if "pattern" in constraints:
        checks.append(("pattern", ok & ~fullmatch(cells, constraints["pattern"])))
    if "enum" in constraints:
        checks.append(("enum", ok & ~cells.isin([str(v) for v in constraints["enum"]])))
    if "minLength" in constraints:
        checks.append(("minLength", ok & (cells.str.len() < constraints["minLength"])))
    if "maxLength" in constraints:
        checks.append(("maxLength", ok & (cells.str.len() > constraints["maxLength"])))
    if kind == "integer" and ("minimum" in constraints or "maximum" in constraints):
        numbers = pd.to_numeric(cells.where(ok, "0"), errors="coerce")
        if "minimum" in constraints:
            checks.append(("minimum", ok & (numbers < constraints["minimum"])))
        if "maximum" in constraints:
            checks.append(("maximum", ok & (numbers > constraints["maximum"])))
    for constraint, mask in checks:
        note = f'constraint "{constraint}" is "{constraints[constraint]}"'
        for row in _rows(mask):
            yield SchemaError("constraint-error", name, row, field["name"], note, cells[row - 2])
    if constraints.get("unique"):
        for row in _rows(ok & cells.duplicated(keep="first") & ok):
            yield SchemaError("unique-error", name, row, field["name"], "the same as in an earlier row")


def validate_table(
    name: str,
    res: dict[str, Any],
    frame: pd.DataFrame,
    file: Path,
    tables: dict[str, pd.DataFrame],
    descriptors: dict[str, dict[str, Any]],
) -> list[SchemaError]:
    """Every schema error of one table, sorted by row and field order as frictionless reports them."""
    schema = res["schema"]
    missing_values = [str(v) for v in schema.get("missingValues", [""])]
    missing = {c: frame[c].isin(missing_values) for c in frame.columns}
    blank = pd.Series(True, index=frame.index)
    for column in frame.columns:
        blank &= missing[column]
    errors: list[SchemaError] = [SchemaError("blank-row", name, r, None, "") for r in _rows(blank)]
    keep = ~blank
    for field in schema["fields"]:
        column = field["name"]
        errors += [
            e for e in _field_errors(name, field, frame[column], missing[column]) if keep[(e.row or 2) - 2]
        ]
    keys = schema.get("primaryKey") or []
    keys = [keys] if isinstance(keys, str) else list(keys)
    if keys:  # as frictionless: a key of missing cells only is an error; other keys must be unique
        none = pd.Series(True, index=frame.index)
        for k in keys:
            none &= missing[k]
        marked = frame[keys].where(~pd.DataFrame(missing)[keys], "\0missing")
        duplicate = ~none & marked.duplicated(keep="first")
        errors += [SchemaError("primary-key", name, r, None, "") for r in _rows(none | duplicate)]
    for fk in schema.get("foreignKeys", []) or []:
        fields = [fk["fields"]] if isinstance(fk["fields"], str) else list(fk["fields"])
        target = fk["reference"].get("resource") or name
        target_fields = fk["reference"]["fields"]
        target_fields = [target_fields] if isinstance(target_fields, str) else list(target_fields)
        present = keep.copy()
        for f in fields:
            present &= ~missing[f]
        other = tables[target]
        if len(fields) == 1:
            known = other[target_fields[0]]
            dangling = present & ~frame[fields[0]].isin(known)
        else:
            wanted = pd.MultiIndex.from_frame(frame[fields])
            dangling = present & ~pd.Series(
                wanted.isin(pd.MultiIndex.from_frame(other[target_fields])), index=frame.index
            )
        errors += [SchemaError("foreign-key", name, r, None, "") for r in _rows(dangling)]
    order = {f["name"]: i for i, f in enumerate(schema["fields"])}
    errors.sort(key=lambda e: (e.row or 0, order.get(e.field or "", len(order))))
    errors += list(_file_errors(name, res, file))
    return errors


def _file_errors(name: str, res: dict[str, Any], file: Path) -> Iterator[SchemaError]:
    expected_hash = res.get("hash")
    if isinstance(expected_hash, str):
        algorithm, _, digest = expected_hash.rpartition(":")
        if algorithm in ("", "sha256") and len(digest) == 64 and file_sha256(file) != digest:
            yield SchemaError("hash-count", name, None, None, "expected sha256 is " + digest)
    expected_bytes = res.get("bytes")
    if isinstance(expected_bytes, int) and file.stat().st_size != expected_bytes:
        yield SchemaError("byte-count", name, None, None, f"expected is {expected_bytes}")
