"""The descriptor of a claims package: where it is, how it is read, and its resources.

A package is a ``datapackage.json`` beside ``data/*.csv`` (data contract §1-§2). These functions find
and read the descriptor and resolve each resource to a file inside the package folder; nothing here
reads a table.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from claimtally.data.paths import checked, inside, resolved, shown
from claimtally.data.shape import check_shape
from claimtally.data.table import check_size
from claimtally.errors import PackageError

#: The contract's tables, in the order the descriptor lists them.
TABLES = ("sources", "entities", "metrics", "hedges", "values", "claims")

#: Tables a package may have beside the contract's: the release record (see :mod:`claimtally.data.releases`).
OPTIONAL_TABLES = ("releases",)

#: The file every package is described by.
DESCRIPTOR = "datapackage.json"


def bundled_path() -> Path:
    """Return the path of the bundled ``datapackage.json``.

    In an installed wheel the package sits in ``claimtally/_data``; in a source checkout (an
    editable install, or tests run from the repository) it is the repository root.
    """
    shipped = Path(str(resources.files("claimtally") / "_data" / DESCRIPTOR))
    if shipped.is_file():
        return shipped
    return Path(__file__).resolve().parents[3] / DESCRIPTOR


def descriptor_path(path: str | Path | None) -> Path:
    """Resolve ``path`` (None, a folder or a descriptor file) to the descriptor's path."""
    if path is None:
        return bundled_path()
    p = checked(path, str(path))
    if resolved(p, str(p)).is_dir():
        p = p / DESCRIPTOR
    if not resolved(p, str(p)).is_file():
        msg = f"{p}: no such file; give the path of a datapackage.json or of the folder that holds it"
        raise PackageError(msg)
    return inside(p.parent, p, str(p))


def read_descriptor(path: Path, max_bytes: int = 10 << 20) -> dict[str, Any]:
    """Read and shape-check a ``datapackage.json`` of at most ``max_bytes`` bytes."""
    check_size(path, max_bytes, str(path))
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
    check_shape(descriptor, str(path), TABLES + OPTIONAL_TABLES)
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
    label = f"resource '{name}': path '{shown(raw)}'"
    if "://" in raw or raw.startswith(("/", "\\")) or ".." in checked(raw, label).parts:
        msg = f"{label} leaves the package folder; use a relative path under it"
        raise PackageError(msg)
    file = inside(root, root / raw, label)
    if not file.is_file():
        msg = f"{shown(raw)}: file missing (resource '{name}'); add it or fix the resource's path"
        raise PackageError(msg)
    return file
