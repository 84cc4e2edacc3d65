"""stamp and release: hashes written, releases recorded once, refused when they should be, tagged."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import claimtally
from claimtally.data.scaffold import init
from claimtally.errors import ClaimtallyError
from claimtally.versions.author import release, stamp

GIT_ENV = {
    "GIT_AUTHOR_NAME": "claimtally test",
    "GIT_AUTHOR_EMAIL": "test@invalid",
    "GIT_COMMITTER_NAME": "claimtally test",
    "GIT_COMMITTER_EMAIL": "test@invalid",
}


@pytest.fixture
def pkg(tmp_path: Path) -> Path:
    init(tmp_path / "pkg")
    return tmp_path / "pkg"


def _edit(pkg: Path) -> None:
    values = pkg / "data" / "values.csv"
    values.write_text(
        values.read_text(encoding="utf-8").replace("up from $15", "up from $15."), encoding="utf-8"
    )


def test_stamp_writes_the_changed_hash_and_nothing_when_all_are_right(pkg: Path) -> None:
    descriptor = pkg / "datapackage.json"
    before = descriptor.read_bytes()
    assert [] == stamp(pkg)
    assert before == descriptor.read_bytes()
    _edit(pkg)
    assert ["values"] == stamp(pkg)
    assert [] == [f for f in claimtally.check(pkg).findings if f.severity == "error"]


def test_release_records_each_table_once_and_refuses_a_second_time(pkg: Path) -> None:
    done = release(pkg, "2026-12-07", git=False)
    assert (done.version, done.date, done.tag) == ("0.1.0", "2026-12-07", None)
    rows = (pkg / "data" / "releases.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 + 6 and all(r.startswith("0.1.0,2026-12-07,") for r in rows[1:])
    assert [] == [f for f in claimtally.check(pkg).findings if f.severity == "error"]
    with pytest.raises(ClaimtallyError, match="was released on 2026-12-07"):
        release(pkg, "2026-12-08", git=False)


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (lambda p: (p / "CHANGELOG.md").write_text("# Changelog\n", encoding="utf-8"), "no '## [0.1.0]'"),
        (
            lambda p: (p / "data" / "claims.csv").write_text(
                (p / "data" / "claims.csv").read_text(encoding="utf-8").replace(",holds,", ",fails,"),
                encoding="utf-8",
            ),
            "the check finds 1 error",
        ),
    ],
)
def test_release_refuses_and_writes_nothing(pkg: Path, break_it, message: str) -> None:
    break_it(pkg)
    before = {p: p.read_bytes() for p in pkg.rglob("*") if p.is_file()}
    with pytest.raises(ClaimtallyError, match=message.replace("[", r"\[").replace("]", r"\]")):
        release(pkg, "2026-12-07", git=False)
    assert before == {p: p.read_bytes() for p in pkg.rglob("*") if p.is_file()}


@pytest.mark.parametrize("date", ["2026-02-30", "07/12/2026", "2026-1-1", "٢٠٢٦-١٢-٠٧"])
def test_release_refuses_a_date_that_is_not_one(pkg: Path, date: str) -> None:
    with pytest.raises(ClaimtallyError, match="is not a date"):
        release(pkg, date, git=False)


def test_an_edit_since_the_last_stamp_is_stamped_by_the_release(pkg: Path) -> None:
    _edit(pkg)
    release(pkg, "2026-12-07", git=False)
    assert [] == stamp(pkg)


def test_a_package_without_a_release_record_gets_one(pkg: Path) -> None:
    descriptor = pkg / "datapackage.json"
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    data["resources"] = [r for r in data["resources"] if r["name"] != "releases"]
    descriptor.write_text(json.dumps(data, indent=2), encoding="utf-8")
    (pkg / "data" / "releases.csv").unlink()
    release(pkg, "2026-12-07", git=False)
    names = [r["name"] for r in json.loads(descriptor.read_text(encoding="utf-8"))["resources"]]
    assert names[-1] == "releases" and (pkg / "data" / "releases.csv").is_file()


def test_in_a_git_repository_the_release_is_committed_and_tagged(pkg: Path, monkeypatch) -> None:
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    repo = pkg.parent

    def git(*argv: str) -> str:
        return subprocess.run(
            ["git", "-C", str(repo), *argv], check=True, capture_output=True, text=True
        ).stdout

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "start")
    done = release(pkg, "2026-12-07")
    assert done.tag == "v0.1.0"
    assert git("status", "--porcelain") == ""
    assert git("log", "-1", "--format=%s") == "Release pkg 0.1.0\n"
    assert git("rev-parse", "v0.1.0^{commit}") == git("rev-parse", "HEAD")
    data = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    data["version"] = "0.1.1"
    (pkg / "datapackage.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    changelog = pkg / "CHANGELOG.md"
    changelog.write_text(
        changelog.read_text(encoding="utf-8") + "\n## [0.1.1]\n\n- A fix.\n", encoding="utf-8"
    )
    git("tag", "v0.1.1")
    with pytest.raises(ClaimtallyError, match=r"git tag v0\.1\.1 exists"):
        release(pkg, "2026-12-08")


def test_stamp_hashes_files_without_parsing_them_and_skips_inline_resources(pkg: Path) -> None:
    (pkg / "data" / "claims.csv").write_bytes(b"not,a\n\xff table")  # unreadable as a table
    descriptor = pkg / "datapackage.json"
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    data["resources"].append({"name": "notes", "data": [{"a": 1}]})
    descriptor.write_text(json.dumps(data, indent=2), encoding="utf-8")
    assert ["claims"] == stamp(pkg)
    after = json.loads(descriptor.read_text(encoding="utf-8"))["resources"]
    assert after[-1] == {"name": "notes", "data": [{"a": 1}]}
