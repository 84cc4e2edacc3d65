"""The pre-commit hook, run by pre-commit itself (``pre-commit try-repo``) on scratch repositories.

pre-commit installs the hook from this repository into an environment of its own, which takes the
package index; so this test runs only where ``CLAIMTALLY_PRE_COMMIT`` names a pre-commit executable
(``.ci/run`` installs pre-commit from the index and sets it). ``claimtally pre-commit`` itself is
tested without network in tests/test_cli.py.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from builders import REPO
from claimtally.cli import main

PRE_COMMIT = os.environ.get("CLAIMTALLY_PRE_COMMIT")
pytestmark = pytest.mark.skipif(
    PRE_COMMIT is None, reason="set CLAIMTALLY_PRE_COMMIT to a pre-commit executable (.ci/run does)"
)


def _scratch(tmp_path: Path, name: str, failing: bool) -> Path:
    """A git repository with a package in a subfolder, its files staged."""
    repo = tmp_path / name
    assert 0 == main(["init", str(repo / "claims" / "pkg")])
    if failing:
        claims = repo / "claims" / "pkg" / "data" / "claims.csv"
        claims.write_text(claims.read_text(encoding="utf-8").replace(",holds,", ",fails,"), encoding="utf-8")
    for argv in (["init", "-q"], ["add", "-A"]):
        subprocess.run(["git", *argv], cwd=repo, check=True)
    return repo


def _try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    who = {
        f"GIT_{role}_{key}": "claimtally test" if key == "NAME" else "test@invalid"
        for role in ("AUTHOR", "COMMITTER")
        for key in ("NAME", "EMAIL")
    }
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), **who}
    return subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(REPO), "claimtally", "--all-files"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )


def test_the_hook_fails_on_a_failing_package_in_a_subfolder_and_passes_a_good_one(tmp_path: Path) -> None:
    home = tmp_path / "pre-commit-home"  # one hook environment for both runs
    failing = _try_repo(_scratch(tmp_path, "failing", failing=True), home)
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "Failed" in failing.stdout and "claim price_doubled" in failing.stdout
    passing = _try_repo(_scratch(tmp_path, "passing", failing=False), home)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout
