"""Hashes that pin a version of the data: one per resource file, one for the whole package."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from claimtally.data.descriptor import TABLES, resource
from claimtally.data.package import Package

CHUNK = 1 << 20  # read large files a megabyte at a time


def file_sha256(path: Path) -> str:
    """Hex sha256 of a file's bytes (computed once per version of the file: the schema rule, the release
    rule and the report's package hash all ask for it)."""
    stat = path.stat()
    return _sha256(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _sha256(path: Path, _mtime_ns: int, _size: int) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def resource_hashes(pkg: Package) -> dict[str, str]:
    """sha256 of each table's file, keyed by resource name, in the contract's order."""
    return {
        name: file_sha256(pkg.root / str(resource(pkg.descriptor, name, pkg.path)["path"])) for name in TABLES
    }


def package_hash(pkg: Package) -> str:
    """sha256 over the lines ``name:sha256`` of each resource, in order: "version X, hash H" pins the rows."""
    lines = "".join(f"{name}:{digest}\n" for name, digest in resource_hashes(pkg).items())
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()
