"""Read a claims data package into pandas tables, cells kept as the text that was written.

A package is a ``datapackage.json`` beside ``data/*.csv`` (data contract §1-§2). ``load()`` reads
the bundled package by default, or the one at a given path (the descriptor or its folder).

Every cell stays text: ``5.30`` stays ``5.30``, an empty cell is ``""`` (never NaN, and ``NA`` is
the two letters N and A). Anything that stops the package from being read raises
:class:`~claimtally.errors.PackageError` with the file, row and column.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from claimtally.data.descriptor import (
    OPTIONAL_TABLES,
    TABLES,
    descriptor_path,
    field_names,
    read_descriptor,
    resource,
    resource_file,
)
from claimtally.data.table import line_starts, read_table
from claimtally.errors import PackageError, locate
from claimtally.limits import Limits


@dataclass(frozen=True)
class Package:
    """A claims data package: its descriptor and one DataFrame of text cells per table."""

    path: Path
    descriptor: dict[str, Any]
    tables: dict[str, pd.DataFrame] = field(repr=False)

    @property
    def root(self) -> Path:
        """The folder the package lives in."""
        return self.path.parent

    @property
    def name(self) -> str:
        """The package's ``name``."""
        return str(self.descriptor.get("name", ""))

    @property
    def version(self) -> str:
        """The package's ``version`` (SemVer)."""
        return str(self.descriptor.get("version", ""))

    @property
    def sources(self) -> pd.DataFrame:
        """Documents that state numbers."""
        return self.tables["sources"]

    @property
    def entities(self) -> pd.DataFrame:
        """What numbers are about."""
        return self.tables["entities"]

    @property
    def metrics(self) -> pd.DataFrame:
        """Measured quantities."""
        return self.tables["metrics"]

    @property
    def hedges(self) -> pd.DataFrame:
        """Meanings of hedge words."""
        return self.tables["hedges"]

    @property
    def values(self) -> pd.DataFrame:
        """One number per row, with its source and quote."""
        return self.tables["values"]

    @property
    def claims(self) -> pd.DataFrame:
        """Checkable statements relating numbers."""
        return self.tables["claims"]

    def file_of(self, table: str) -> str:
        """The resource path of a table as the descriptor writes it (e.g. ``data/values.csv``)."""
        return str(resource(self.descriptor, table, self.path)["path"])

    def line_of(self, file: str, row: int) -> int | None:
        """The line of ``file`` (a resource path) where row number ``row`` starts (header row = 1)."""
        return line_at(self.line_starts(file), row)

    def line_starts(self, file: str) -> list[int] | None:
        """Where each record of ``file`` starts, or None when every record is one line."""
        path = self.root / file
        if not path.is_file():
            return []
        stat = path.stat()
        records = next((len(t) + 1 for n, t in self.tables.items() if self.file_of(n) == file), -1)
        return line_starts(path, stat.st_mtime_ns, stat.st_size, records)

    def files(self) -> list[Path]:
        """The descriptor, the file of every table read and the ``CHANGELOG.md`` beside them: what an
        output must never overwrite."""
        return [self.path, self.root / "CHANGELOG.md"] + [self.root / self.file_of(t) for t in self.tables]

    def rows(self, table: str) -> list[Any]:
        """The rows of a table as typed, validated pydantic models (see :mod:`claimtally.data.models`)."""
        from claimtally.data.models import rows_of  # deferred: pydantic is only needed on demand

        return rows_of(self, table)


def line_at(starts: list[int] | None, row: int) -> int | None:
    """The line a row starts on, from :meth:`Package.line_starts` (None there: every row is one line)."""
    if starts is None:
        return row
    return starts[row - 1] if 0 < row <= len(starts) else None


def read(path: str | Path | None = None, limits: Limits | None = None) -> Package:
    """Read a package without checking keys: what ``check`` needs to report every problem."""
    limits = limits or Limits()
    desc_path = descriptor_path(path)
    descriptor = read_descriptor(desc_path, limits.max_descriptor_bytes)
    root = desc_path.parent
    tables: dict[str, pd.DataFrame] = {}
    names = {r.get("name") for r in descriptor["resources"] if isinstance(r, dict)}
    for name in TABLES + tuple(t for t in OPTIONAL_TABLES if t in names):
        res = resource(descriptor, name, desc_path)
        file = resource_file(root, res)
        tables[name] = read_table(file, field_names(res), str(res["path"]), limits.max_file_bytes)
    return Package(path=desc_path, descriptor=descriptor, tables=tables)


@dataclass(frozen=True)
class KeyProblem:
    """A broken primary or foreign key: where it is and what is wrong."""

    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return locate(self.file, self.row, f"column {self.column}", self.message)


def key_problems(pkg: Package) -> Iterator[KeyProblem]:
    """Yield every duplicate primary key and every foreign key with no target row.

    Rows are numbered as in the file: the header is row 1, the first data row is row 2.
    """
    for name in pkg.tables:
        res = resource(pkg.descriptor, name, pkg.path)
        schema = res.get("schema", {})
        frame = pkg.tables[name]
        label = str(res["path"])
        keys = _as_list(schema.get("primaryKey"))
        if keys and all(k in frame.columns for k in keys):
            dup = frame.duplicated(subset=keys, keep="first")
            for index in frame.index[dup]:
                repeated = ", ".join(str(frame[k][index]) for k in keys)
                yield KeyProblem(
                    label,
                    int(index) + 2,
                    ", ".join(keys),
                    f"'{repeated}' repeats a primary key; ids must be unique",
                )
        for fk in schema.get("foreignKeys", []) or []:
            columns = _as_list(fk["fields"])
            target = str(fk["reference"].get("resource") or name)
            target_columns = _as_list(fk["reference"]["fields"])
            if target not in pkg.tables:
                continue  # a table the package does not read: frictionless reports it
            present = pd.Series(True, index=frame.index)
            for column in columns:
                present &= frame[column] != ""
            if len(columns) == 1:
                bad = present & ~frame[columns[0]].isin(set(pkg.tables[target][target_columns[0]]))
            else:  # a composite key: the tuple of cells must be a row's tuple in the target
                known = pd.MultiIndex.from_frame(pkg.tables[target][target_columns])
                found = pd.MultiIndex.from_frame(frame[columns]).isin(known)
                bad = present & ~pd.Series(found, index=frame.index)
            for index in frame.index[bad]:
                cells = ", ".join(str(frame[c][index]) for c in columns)
                yield KeyProblem(
                    label,
                    int(index) + 2,
                    ", ".join(columns),
                    f"'{cells}' is not a {', '.join(target_columns)} of {target}; "
                    f"add that row to {target} or fix the id",
                )


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def load(path: str | Path | None = None, limits: Limits | None = None) -> Package:
    """Load a claims data package: the bundled one, or the one at ``path``.

    Args:
        path: a ``datapackage.json`` or the folder that holds it; ``None`` for the bundled data.

    Returns:
        A :class:`Package` with one DataFrame of text cells per table.

    Raises:
        PackageError: the package cannot be read, or a key is duplicated or dangling; the message
            names the file, row and column.

    Example:
        >>> import claimtally
        >>> pkg = claimtally.load()
        >>> pkg.values.loc[0, "value"] != ""
        True
    """
    pkg = read(path, limits)
    problem = next(key_problems(pkg), None)
    if problem is not None:
        raise PackageError(str(problem))
    return pkg
