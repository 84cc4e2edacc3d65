"""The release record: what each released version's tables were, to prove a cited version unchanged.

A package may carry a ``releases`` resource (``data/releases.csv``): one row per released version and
table with the table file's sha256, size and row count. A released version's data never changes
(data contract §6): the ``release`` rule compares the package's tables with the rows recorded for its
own version, and a new version needs a ``## [X.Y.Z]`` section in the package's ``CHANGELOG.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from claimtally.data.cells import version as semver
from claimtally.data.descriptor import TABLES, resource
from claimtally.data.hashing import file_sha256
from claimtally.data.package import Package
from claimtally.data.paths import inside
from claimtally.data.table import check_size, records
from claimtally.errors import PackageError

RELEASES = "releases"
CHANGELOG = "CHANGELOG.md"
COLUMNS = ("version", "date", "resource", "sha256", "bytes", "rows")


@dataclass(frozen=True)
class TableState:
    """A table file as it is: its hash, size and number of rows."""

    resource: str
    sha256: str
    bytes: int
    rows: int


def current_state(pkg: Package) -> list[TableState]:
    """The state of each contract table, in order."""
    out = []
    for name in TABLES:
        file = pkg.root / str(resource(pkg.descriptor, name, pkg.path)["path"])
        out.append(TableState(name, file_sha256(file), file.stat().st_size, len(pkg.tables[name])))
    return out


def recorded(pkg: Package) -> list[dict[str, str]]:
    """The rows of the release record, or none when the package has no ``releases`` resource."""
    frame = pkg.tables.get(RELEASES)
    return [] if frame is None else records(frame)


def release_date(pkg: Package, version: str | None = None) -> str | None:
    """The date the package's version (or ``version``) was released, or None if it was not."""
    wanted = version or pkg.version
    return next((r["date"] for r in recorded(pkg) if r["version"] == wanted), None)


def version_key(version: str) -> tuple[int, ...]:
    """A SemVer ``X.Y.Z`` as a sortable tuple (anything else sorts first)."""
    parsed = semver(version)
    return (-1,) if parsed is None else parsed


def changelog_versions(root: Path, max_bytes: int = 1 << 30) -> set[str] | None:
    """Versions that have a ``## [X.Y.Z]`` section in ``CHANGELOG.md`` (None when there is no file).

    Raises:
        PackageError: the file resolves outside the package folder, is over ``max_bytes`` or is not UTF-8.
    """
    path = inside(root, root / CHANGELOG, CHANGELOG)
    if not path.is_file():
        return None
    check_size(path, max_bytes, CHANGELOG)
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        msg = f"{CHANGELOG}: not UTF-8 (byte {exc.start}); save it as UTF-8"
        raise PackageError(msg) from None
    found = set()
    for line in text.splitlines():
        if line.startswith("## [") and "]" in line:
            found.add(line[4 : line.index("]")])
    return found


def release_rows(pkg: Package, date: str) -> list[dict[str, str]]:
    """Rows recording the package's tables as released today under its version."""
    return [
        {
            "version": pkg.version,
            "date": date,
            "resource": s.resource,
            "sha256": s.sha256,
            "bytes": str(s.bytes),
            "rows": str(s.rows),
        }
        for s in current_state(pkg)
    ]
