"""Rule release: released data never changes; a new version needs its CHANGELOG section."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import claimtally
from builders import REPO
from claimtally.cli import main

#: The bundled package's version, released on 2026-11-25.
VERSION = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))["version"]


def _next(version: str, part: int) -> str:
    numbers = [int(n) for n in version.split(".")]
    numbers[part] += 1
    numbers[part + 1 :] = [0] * (2 - part)
    return ".".join(map(str, numbers))


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the bundled package with its CHANGELOG."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    for name in ("datapackage.json", "CHANGELOG.md"):
        shutil.copy(REPO / name, tmp_path)
    return tmp_path


def _edit_one_cell(root: Path) -> None:
    values = root / "data" / "values.csv"
    values.write_text(values.read_text(encoding="utf-8").replace(",5.30,", ",5.31,", 1), encoding="utf-8")


def _bump(root: Path, version: str, changelog: bool) -> None:
    path = root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["version"] = version
    path.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    if changelog:
        log = root / "CHANGELOG.md"
        text = log.read_text(encoding="utf-8")
        log.write_text(
            text.replace("## [Unreleased]\n", f"## [Unreleased]\n\n## [{version}]\n\n- Fixed.\n"),
            encoding="utf-8",
        )


def _release(root: Path) -> list[claimtally.Finding]:
    return list(claimtally.check(root, rules=["release"]).findings)


def test_the_bundled_package_is_as_released() -> None:
    """The bundled data matches the hashes recorded for its version."""
    assert [] == _release(REPO)


def test_one_changed_cell_without_a_bump_fails_naming_the_resource(copy: Path, capsys) -> None:
    """Editing a released value makes check exit 1 with the resource and what to do."""
    _edit_one_cell(copy)
    (finding,) = _release(copy)
    assert finding.file == "data/values.csv"
    assert f"resource 'values' differs from version {VERSION} as released on 2026-11-25" in finding.message
    assert "bump the version in datapackage.json and add a CHANGELOG.md section" in finding.message
    assert 1 == main(["check", str(copy), "--rule", "release"])
    assert "resource 'values' differs" in capsys.readouterr().out


def test_a_bump_with_a_changelog_section_passes(copy: Path) -> None:
    """The same edit under a new version with its CHANGELOG section is fine."""
    _edit_one_cell(copy)
    _bump(copy, _next(VERSION, 2), changelog=True)
    assert [] == _release(copy)


def test_a_bump_without_a_changelog_section_fails(copy: Path) -> None:
    """A new version needs a '## [X.Y.Z]' section."""
    _bump(copy, _next(VERSION, 1), changelog=False)
    (finding,) = _release(copy)
    assert f"CHANGELOG.md has no '## [{_next(VERSION, 1)}]' section" in finding.message


def test_a_version_older_than_a_release_fails(copy: Path) -> None:
    """Versions only go up."""
    _bump(copy, "0.0.9", changelog=True)
    assert any(f"older than the released {VERSION}" in f.message for f in _release(copy))


def test_a_package_without_a_release_record_is_not_judged(make_package) -> None:
    """A user's draft package with an empty record gets no release findings."""
    assert [] == _release(make_package())
