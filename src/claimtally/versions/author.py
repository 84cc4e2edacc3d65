"""A package author's steps as library functions: stamp the resources' hashes, and record a release.

``stamp`` writes each resource's ``hash`` (``sha256:…``) and ``bytes`` into ``datapackage.json``, so
the ``schema`` rule can tell a changed file from the one described. ``release`` records the package's
version as released: it stamps, checks the package (no error may remain), requires a
``## [X.Y.Z]`` section in ``CHANGELOG.md``, appends one row per table to ``data/releases.csv`` (adding
the ``releases`` resource when the package has none), stamps again, and, in a git repository, commits
those two files and tags the commit ``vX.Y.Z``. A released version's data never changes
(data contract §6): releasing a version twice is refused.

Every file is written atomically; nothing is written when a check before it fails (the package is
checked as it will be stamped).
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimtally.checker import check
from claimtally.data.descriptor import descriptor_path, read_descriptor, resource, resource_file
from claimtally.data.hashing import file_sha256
from claimtally.data.package import Package, read
from claimtally.data.releases import CHANGELOG, COLUMNS, RELEASES, changelog_versions, recorded, release_rows
from claimtally.data.scaffold import bundled_resource
from claimtally.errors import ClaimtallyError
from claimtally.output import clean, write_atomic

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
RELEASES_PATH = "data/releases.csv"


def stamp(package: str | Path | Package | None) -> list[str]:
    """Write every resource's ``hash`` and ``bytes`` into the descriptor; return the resources whose
    recorded hash or size changed (empty when the descriptor was already right, and then nothing is
    written). Only the descriptor is read and the files hashed: no table is parsed."""
    if isinstance(package, Package):
        path, descriptor = package.path, copy.deepcopy(package.descriptor)
    else:
        path = descriptor_path(package)
        descriptor = read_descriptor(path)
    changed = stamped(path.parent, descriptor)
    if changed:
        write_atomic(path, json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n")
    return changed


def stamped(root: Path, descriptor: dict[str, Any]) -> list[str]:
    """Set every file resource's ``hash`` and ``bytes`` in ``descriptor`` from its file (each path
    checked to stay inside ``root``); return the resources whose values that changes. A resource
    with no ``path`` (inline data) has no file to stamp and is left as it is."""
    changed = []
    for res in descriptor["resources"]:
        if "path" not in res:
            continue
        file = resource_file(root, res)
        digest, size = f"sha256:{file_sha256(file)}", file.stat().st_size
        if res.get("hash") != digest or res.get("bytes") != size:
            changed.append(str(res.get("name")))
        res["hash"], res["bytes"] = digest, size
    return changed


@dataclass(frozen=True)
class Release:
    """What ``release`` did: the version and date recorded, and the git tag made (if any)."""

    version: str
    date: str
    tag: str | None
    note: str


def release(package: str | Path | None, date: str | None = None, *, git: bool = True) -> Release:
    """Record the package's version as released on ``date`` (default: today, UTC); see the module.

    Raises:
        ClaimtallyError: the version is released already, the CHANGELOG has no section for it, the
            check finds errors, the date is not a real ``YYYY-MM-DD``, or the tag exists already.
    """
    day = _day(date)
    pkg = read(package)
    version = pkg.version
    when = next((r["date"] for r in recorded(pkg) if r["version"] == version), None)
    if when is not None:
        msg = f"version {clean(version)} was released on {clean(when)}; bump the version first"
        raise ClaimtallyError(msg)
    sections = changelog_versions(pkg.root)
    if sections is None or version not in sections:
        msg = (
            f"{CHANGELOG} has no '## [{clean(version)}]' section; "
            "add one that says what changed in this version, then release"
        )
        raise ClaimtallyError(msg)
    repo = _git_root(pkg.root) if git else None
    tag = f"v{version}"
    if repo is not None and _git(repo, "rev-parse", "-q", "--verify", f"refs/tags/{tag}").returncode == 0:
        msg = f"git tag {tag} exists already; bump the version in datapackage.json first"
        raise ClaimtallyError(msg)
    descriptor = copy.deepcopy(pkg.descriptor)
    stamped(pkg.root, descriptor)
    as_stamped = Package(path=pkg.path, descriptor=descriptor, tables=pkg.tables)
    errors = [f for f in check(as_stamped).findings if f.severity == "error"]
    if errors:
        first = clean(errors[0].message)
        msg = f"the check finds {len(errors)} error(s), first: {first}; fix them, then release"
        raise ClaimtallyError(msg)
    table = _releases_table(pkg)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    old = table.read_text(encoding="utf-8") if table.is_file() else ""
    if not old.strip():
        old = ""
        writer.writeheader()
    writer.writerows(release_rows(pkg, day))
    write_atomic(table, old + buffer.getvalue())
    stamp(pkg.path)  # every resource, the release record included
    if repo is None:
        note = "not in a git repository (or --no-git): commit the release yourself" if git else ""
        return Release(version, day, None, note)
    files = [str(pkg.path.resolve()), str(table.resolve())]
    steps = [
        ("add", "--", *files),
        ("commit", "-q", "-m", f"Release {pkg.name} {version}", "--", *files),
        ("tag", "-a", tag, "-m", f"{pkg.name} {version}, released {day}"),
    ]
    for step in steps:
        done = _git(repo, *step)
        if done.returncode != 0:
            said = (done.stderr or done.stdout).strip().splitlines()
            why = clean(said[-1]) if said else "no message"
            msg = f"git {step[0]} failed ({why}); the release rows are written: commit them, tag {tag}"
            raise ClaimtallyError(msg)
    return Release(version, day, tag, "")


def _day(date: str | None) -> str:
    if date is None:
        return dt.datetime.now(dt.UTC).date().isoformat()
    try:
        if not _DATE.fullmatch(date):
            raise ValueError(date)
        return dt.date.fromisoformat(date).isoformat()
    except ValueError:
        msg = f"--date '{clean(date)}' is not a date; give YYYY-MM-DD, e.g. 2026-12-07"
        raise ClaimtallyError(msg) from None


def _releases_table(pkg: Package) -> Path:
    """The release record's file, adding the ``releases`` resource to the descriptor when missing."""
    names = [r.get("name") for r in pkg.descriptor["resources"]]
    if RELEASES in names:
        return resource_file(pkg.root, resource(pkg.descriptor, RELEASES, pkg.path))  # read() found it
    table = pkg.root / RELEASES_PATH
    if table.exists():
        msg = f"{RELEASES_PATH}: exists but is not a resource of the package; describe it or move it"
        raise ClaimtallyError(msg)
    descriptor = read_descriptor(pkg.path)
    descriptor["resources"].append(bundled_resource(RELEASES))
    write_atomic(pkg.path, json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n")
    table.parent.mkdir(parents=True, exist_ok=True)
    return table


def _git_root(folder: Path) -> Path | None:
    if shutil.which("git") is None:
        return None
    done = _git(folder, "rev-parse", "--show-toplevel")
    return Path(done.stdout.strip()) if done.returncode == 0 and done.stdout.strip() else None


def _git(folder: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-C", str(folder), *argv], capture_output=True, text=True, check=False, timeout=60
    )
