"""Paths checked before they are opened: NUL bytes, long names, symlink loops, leaving the folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimtally.data.paths import MAX_NAME_BYTES, checked, inside, resolved
from claimtally.errors import PackageError


def test_a_nul_byte_is_refused_before_the_file_system_sees_it() -> None:
    """Python would raise ValueError; the tool says where."""
    with pytest.raises(PackageError, match="NUL byte"):
        checked("data/va\0lues.csv", "resource 'values'")


@pytest.mark.parametrize("path", ["a" * (MAX_NAME_BYTES + 1), "a/" * 2100, "é" * 200])
def test_an_over_long_name_or_path_is_refused(path: str) -> None:
    """Names over 255 bytes (UTF-8) and paths over 4096 are one-line errors, not OSError."""
    with pytest.raises(PackageError, match="too long"):
        checked(path, "x")


def test_a_symlink_loop_is_named(tmp_path: Path) -> None:
    """A loop is refused as a loop, not reported as a missing file."""
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(PackageError, match="symlink loop"):
        resolved(tmp_path / "a", "a")


def test_a_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    """Any file of a package, resolved, stays in its folder."""
    root = tmp_path / "pkg"
    root.mkdir()
    (tmp_path / "secret.txt").write_text("x", encoding="utf-8")
    (root / "CHANGELOG.md").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(PackageError, match="resolves outside the package folder"):
        inside(root, root / "CHANGELOG.md", "CHANGELOG.md")


def test_a_symlink_inside_the_folder_is_followed(tmp_path: Path) -> None:
    """A link to another file of the package is fine."""
    (tmp_path / "real.csv").write_text("x", encoding="utf-8")
    (tmp_path / "link.csv").symlink_to("real.csv")
    assert tmp_path / "link.csv" == inside(tmp_path, tmp_path / "link.csv", "link")


def test_a_folder_where_a_file_should_be_is_refused(tmp_path: Path) -> None:
    """A resource path naming a folder is not read as a file."""
    os.mkdir(tmp_path / "data.csv")
    with pytest.raises(PackageError, match="not a regular file"):
        inside(tmp_path, tmp_path / "data.csv", "resource")
