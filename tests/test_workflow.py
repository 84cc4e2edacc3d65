"""Where a command finds its package, and the folders the pre-commit hook checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtally.data.scaffold import init
from claimtally.errors import UsageError
from claimtally.workflow import (
    BUNDLED_NOTE,
    own_package,
    package_where_you_stand,
    packages_holding,
    relative_to_here,
)


def test_a_path_given_is_used_as_given(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert package_where_you_stand("x/datapackage.json", bundled=False) == "x/datapackage.json"
    assert capsys.readouterr().err == ""


def test_the_current_folder_comes_before_the_bundled_data(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert package_where_you_stand(None, bundled=False) is None
    assert capsys.readouterr().err == BUNDLED_NOTE
    init(tmp_path / "here")
    monkeypatch.chdir(tmp_path / "here")
    assert package_where_you_stand(None, bundled=False) == "datapackage.json"
    assert package_where_you_stand(None, bundled=True) is None
    assert capsys.readouterr().err == ""
    with pytest.raises(UsageError, match="not both"):
        package_where_you_stand("datapackage.json", bundled=True)


def test_a_writing_command_never_falls_back_to_the_bundled_data(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError, match="never written"):
        own_package(None)
    assert own_package("pkg") == "pkg"


def test_each_changed_file_names_its_nearest_package_once(tmp_path: Path, monkeypatch) -> None:
    for name in ("", "a", "a/b"):
        init(tmp_path / name) if name else init(tmp_path / "root-pkg")
    monkeypatch.chdir(tmp_path)
    found = packages_holding(["a/b/data/values.csv", "a/data/claims.csv", "a/b/datapackage.json", "x.md"])
    assert found == [tmp_path / "a" / "b", tmp_path / "a"]
    assert packages_holding([]) == []
    monkeypatch.chdir(tmp_path / "a")
    assert packages_holding([]) == [tmp_path / "a"]


def test_ci_paths_are_relative_inside_the_current_folder_and_absolute_outside(
    tmp_path: Path, monkeypatch
) -> None:
    (tmp_path / "repo" / "sub").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "repo")
    assert relative_to_here(tmp_path / "repo") == ""
    assert relative_to_here(tmp_path / "repo" / "sub") == "sub"
    assert relative_to_here(tmp_path) == tmp_path.resolve().as_posix()
