"""Hashes of resources and of the whole package."""

from __future__ import annotations

import hashlib

from builders import value
from claimtally.data.hashing import file_sha256, package_hash, resource_hashes
from claimtally.data.package import load


def test_resource_hash_is_the_sha256_of_the_file(make_package) -> None:
    """Each resource hash is the plain sha256 of its bytes."""
    pkg = load(make_package(values=[value("a", "1")]))
    file = pkg.root / "data" / "values.csv"
    assert hashlib.sha256(file.read_bytes()).hexdigest() == resource_hashes(pkg)["values"]
    assert file_sha256(file) == resource_hashes(pkg)["values"]


def test_package_hash_is_over_the_resource_hashes_in_order(make_package) -> None:
    """The package hash is sha256 of 'name:hash' lines in the contract's table order."""
    pkg = load(make_package(values=[value("a", "1")]))
    lines = "".join(f"{n}:{h}\n" for n, h in resource_hashes(pkg).items())
    assert hashlib.sha256(lines.encode()).hexdigest() == package_hash(pkg)


def test_changing_one_cell_changes_the_package_hash(make_package) -> None:
    """One edited value gives another hash."""
    path = make_package(values=[value("a", "1")])
    before = package_hash(load(path))
    csv = path.parent / "data" / "values.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(",1,", ",2,"), encoding="utf-8")
    assert before != package_hash(load(path))
