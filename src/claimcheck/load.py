"""Read a claims data package into pandas tables, cells kept as the text that was written.

A package is a ``datapackage.json`` beside ``data/*.csv`` (data contract §1-§2). ``load()`` reads
the bundled package by default, or the one at a given path (the descriptor or its folder).

Every cell stays text: ``5.30`` stays ``5.30``, an empty cell is ``""`` (never NaN, and ``NA`` is
the two letters N and A). Anything that stops the package from being read raises
:class:`~claimcheck.errors.PackageError` with the file, row and column.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, cast

import pandas as pd

from claimcheck.errors import PackageError
from claimcheck.limits import Limits

#: The contract's tables, in the order the descriptor lists them.
TABLES = ("sources", "entities", "metrics", "hedges", "values", "claims")

#: Tables a package may have beside the contract's: the release record (see :mod:`claimcheck.releases`).
OPTIONAL_TABLES = ("releases",)

#: The file every package is described by.
DESCRIPTOR = "datapackage.json"


def bundled_path() -> Path:
    """Return the path of the bundled ``datapackage.json``.

    In an installed wheel the package sits in ``claimcheck/_data``; in a source checkout (an
    editable install, or tests run from the repository) it is the repository root.
    """
    shipped = Path(str(resources.files("claimcheck") / "_data" / DESCRIPTOR))
    if shipped.is_file():
        return shipped
    return Path(__file__).resolve().parents[2] / DESCRIPTOR


def descriptor_path(path: str | Path | None) -> Path:
    """Resolve ``path`` (None, a folder or a descriptor file) to the descriptor's path."""
    if path is None:
        return bundled_path()
    p = Path(path)
    if p.is_dir():
        p = p / DESCRIPTOR
    if not p.is_file():
        msg = f"{p}: no such file; give the path of a datapackage.json or of the folder that holds it"
        raise PackageError(msg)
    return p


def _check_size(path: Path, limit: int, label: str) -> None:
    size = path.stat().st_size
    if size > limit:
        msg = (
            f"{label}: {size} bytes, over the limit of {limit} bytes; raise it with --max-file-size "
            "if the file is expected to be this large"
        )
        raise PackageError(msg)


def read_descriptor(path: Path, max_bytes: int = 10 << 20) -> dict[str, Any]:
    """Read and shape-check a ``datapackage.json`` of at most ``max_bytes`` bytes."""
    _check_size(path, max_bytes, str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        msg = f"{path}: not UTF-8 text (byte {exc.start}); save the descriptor as UTF-8"
        raise PackageError(msg) from None
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as exc:
        msg = f"{path}, line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg}); fix the descriptor"
        raise PackageError(msg) from None
    except RecursionError:
        msg = f"{path}: JSON nested too deeply to read; a descriptor needs only a few levels"
        raise PackageError(msg) from None
    if not isinstance(descriptor, dict):
        msg = f"{path}: the descriptor must be a JSON object with a 'resources' list"
        raise PackageError(msg)
    if not isinstance(descriptor.get("resources"), list):
        msg = f"{path}: 'resources' is missing or not a list; list one resource per table"
        raise PackageError(msg)
    return descriptor


def resource(descriptor: dict[str, Any], name: str, where: Path) -> dict[str, Any]:
    """Return the resource called ``name`` from a descriptor."""
    for res in descriptor["resources"]:
        if isinstance(res, dict) and res.get("name") == name:
            return res
    msg = f"{where}: no resource named '{name}'; a claims package has the tables {', '.join(TABLES)}"
    raise PackageError(msg)


def field_names(res: dict[str, Any]) -> list[str]:
    """Names of a resource's schema fields, in order."""
    schema = res.get("schema")
    fields = schema.get("fields") if isinstance(schema, dict) else None
    if not isinstance(fields, list) or not all(isinstance(f, dict) and "name" in f for f in fields):
        msg = f"resource '{res.get('name')}': schema.fields must be a list of fields with names"
        raise PackageError(msg)
    return [str(f["name"]) for f in fields]


def resource_file(root: Path, res: dict[str, Any]) -> Path:
    """The file of a resource: a relative path that stays inside the package folder."""
    raw = res.get("path")
    name = res.get("name")
    if not isinstance(raw, str) or not raw:
        msg = f"resource '{name}': 'path' must be one relative file path such as data/{name}.csv"
        raise PackageError(msg)
    if "://" in raw or raw.startswith(("/", "\\")) or ".." in Path(raw).parts:
        msg = f"resource '{name}': path '{raw}' leaves the package folder; use a relative path under it"
        raise PackageError(msg)
    file = root / raw
    real_root = root.resolve()
    if not file.resolve().is_relative_to(real_root):
        msg = f"resource '{name}': path '{raw}' resolves outside the package folder; refusing to read it"
        raise PackageError(msg)
    if not file.is_file():
        msg = f"{raw}: file missing (resource '{name}'); add it or fix the resource's path"
        raise PackageError(msg)
    return file


def read_table(file: Path, expected: list[str], label: str, max_bytes: int = 1 << 30) -> pd.DataFrame:
    """Read one CSV of at most ``max_bytes`` bytes as text cells, checking its header against the schema.

    The table is parsed by pyarrow (fast, column-wise). A file with a row of the wrong length is parsed
    again by pandas' C parser, which says where a row is too long and fills a short one with empty cells;
    such a table is marked ``attrs["irregular"]`` so that the schema rule hands it to frictionless.
    """
    _check_size(file, max_bytes, label)
    data = file.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        msg = f"{label}, row 1: starts with a byte-order mark; save the file as UTF-8 without BOM"
        raise PackageError(msg)
    _check_header(data, expected, label)
    frame = _arrow_frame(data, expected)
    if frame is None:  # invalid UTF-8 or a row of the wrong length: the exact reader says which
        frame = _pandas_frame(_utf8(data, label), expected, label)
        frame.attrs["irregular"] = True
    return frame


def _utf8(data: bytes, label: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        msg = f"{label}: not UTF-8 (byte {exc.start}); save the file as UTF-8"
        raise PackageError(msg) from None


def _check_header(data: bytes, expected: list[str], label: str) -> None:
    try:  # an incremental decoder: a character cut at the 64 KiB boundary is not an error
        head = codecs.getincrementaldecoder("utf-8")().decode(data[: 1 << 16], final=False)
    except UnicodeDecodeError as exc:
        msg = f"{label}: not UTF-8 (byte {exc.start}); save the file as UTF-8"
        raise PackageError(msg) from None
    try:
        header = next(csv.reader(io.StringIO(head, newline=None)), None)
    except csv.Error as exc:
        msg = f"{label}, row 1: the header cannot be read as CSV ({exc}); write one line of column names"
        raise PackageError(msg) from None
    if not header:
        msg = f"{label}, row 1: no header; the first row must name the columns {', '.join(expected)}"
        raise PackageError(msg)
    for position, name in enumerate(header, start=1):
        if name not in expected:
            msg = (
                f"{label}, row 1, column {position} '{name}': not a column of this table's schema; "
                f"remove it or declare it in datapackage.json"
            )
            raise PackageError(msg)
    if header != expected:
        missing = [n for n in expected if n not in header]
        detail = f"missing {', '.join(missing)}" if missing else "columns out of order or repeated"
        msg = f"{label}, row 1: header does not match the schema ({detail}); expected {','.join(expected)}"
        raise PackageError(msg)


def _arrow_frame(data: bytes, expected: list[str]) -> pd.DataFrame | None:
    """The table parsed by pyarrow with every cell as text, or None if a row has the wrong length."""
    import pyarrow as pa
    import pyarrow.csv as pc

    irregular: list[int] = []

    def invalid(_row: object) -> str:
        irregular.append(1)
        return "skip"

    try:
        table = pc.read_csv(
            pa.py_buffer(data),
            parse_options=pc.ParseOptions(
                newlines_in_values=True, ignore_empty_lines=False, invalid_row_handler=invalid
            ),
            convert_options=pc.ConvertOptions(
                column_types=dict.fromkeys(expected, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    if irregular:
        return None
    frame: pd.DataFrame = table.to_pandas()
    frame.columns = pd.Index(expected)
    return frame


def _pandas_frame(text: str, expected: list[str], label: str) -> pd.DataFrame:
    try:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_filter=False, engine="c")
    except pd.errors.ParserError as exc:
        found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
        detail = (
            f", line {found.group(2)}: {found.group(3)} cells where the header has {found.group(1)}"
            if found
            else f": {' '.join(str(exc).split())}"
        )
        msg = f"{label}{detail}; every row needs {len(expected)} cells, quote cells that hold commas"
        raise PackageError(msg) from None


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
        path = self.root / file
        if not path.is_file():
            return None
        stat = path.stat()
        records = next((len(t) + 1 for n, t in self.tables.items() if self.file_of(n) == file), -1)
        starts = _line_starts(path, stat.st_mtime_ns, stat.st_size, records)
        if starts is None:  # one line per record: the row is the line
            return row
        return starts[row - 1] if 0 < row <= len(starts) else None

    def rows(self, table: str) -> list[Any]:
        """The rows of a table as typed, validated pydantic models (see :mod:`claimcheck.models`)."""
        from claimcheck.models import rows_of  # deferred: pydantic is only needed on demand

        return rows_of(self, table)


@lru_cache(maxsize=16)
def _line_starts(file: Path, _mtime_ns: int, _size: int, records: int) -> list[int] | None:
    """The line on which each CSV record of ``file`` starts (a quoted cell may span lines), or None when
    the file has as many lines as ``records``, so that record n is line n. mtime and size key the cache."""
    data = file.read_bytes()
    lines = data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
    if lines == records and b"\r" not in data:
        return None
    starts = []
    with file.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        previous = 0
        for _record in reader:
            starts.append(previous + 1)
            previous = reader.line_num
    return starts


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
        return f"{self.file}, row {self.row}, column {self.column}: {self.message}"


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
            (column,) = _as_list(fk["fields"])
            target = str(fk["reference"]["resource"] or name)
            (target_column,) = _as_list(fk["reference"]["fields"])
            known = set(pkg.tables[target][target_column])
            cells = frame[column]
            bad = (cells != "") & ~cells.isin(known)
            for index in frame.index[bad]:
                yield KeyProblem(
                    label,
                    int(index) + 2,
                    column,
                    f"'{cells[index]}' is not a {target_column} of {target}; "
                    f"add that row to {target} or fix the id",
                )


def records(frame: pd.DataFrame) -> list[dict[str, str]]:
    """The rows of a table of text cells as dicts of column name to cell text."""
    return cast(list[dict[str, str]], frame.to_dict(orient="records"))


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
        >>> import claimcheck
        >>> pkg = claimcheck.load()
        >>> pkg.values.loc[0, "value"] != ""
        True
    """
    pkg = read(path, limits)
    problem = next(key_problems(pkg), None)
    if problem is not None:
        raise PackageError(str(problem))
    return pkg
