"""The README's CI snippets: each parses, and each claimtally or pytest command in it runs on a package."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from builders import REPO
from claimtally.cli import main

README = (REPO / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent


def snippet(name: str) -> str:
    """The code block that follows the README marker ``<!-- ci:NAME -->``."""
    match = re.search(rf"<!-- ci:{name} -->\n```\w*\n(.*?)```", README, re.DOTALL)
    assert match is not None, name
    return match.group(1)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with a package made by claimtally init at its root and one in claims/my-package."""
    assert 0 == main(["init", str(tmp_path / "repo")])
    sub = tmp_path / "repo" / "claims" / "my-package"
    assert 0 == main(["init", str(sub)])
    values = sub / "data" / "values.csv"  # the vendor's price differs from the article's: a warning
    text = values.read_text(encoding="utf-8").replace(",30.00,", ",31.00,").replace("$30.00", "$31.00")
    values.write_text(text, encoding="utf-8")
    assert 0 == main(["stamp", str(sub)])
    return tmp_path / "repo"


def run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a snippet's command with this environment's claimtally and pytest first on PATH."""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(shlex.split(command), cwd=cwd, env=env, capture_output=True, text=True, check=False)


def test_github_job_parses_and_its_check_annotates(repo: Path) -> None:
    """The workflow is valid YAML with a claimtally step whose command prints workflow commands."""
    workflow = yaml.safe_load(snippet("github"))
    steps = workflow["jobs"]["claimtally"]["steps"]
    summary, annotate = [s["run"] for s in steps if s.get("run", "").startswith("claimtally")]
    command, target = summary.split(" >> ")
    assert "--exit-zero" in command  # a failing package must not stop the job before its annotations
    result = run(command, repo)
    assert 0 == result.returncode and result.stdout.startswith("## claimtally: "), result.stderr
    assert target == '"$GITHUB_STEP_SUMMARY"'
    result = run(annotate, repo)
    assert 0 == result.returncode, result.stderr
    assert result.stdout.splitlines()[-1].startswith("::notice title=claimtally::1 claims")


def test_action_job_uses_this_repository_action_with_its_inputs(repo: Path) -> None:
    """The workflow is valid YAML; its step passes only inputs action.yml defines, and uploads its SARIF."""
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    steps = yaml.safe_load(snippet("action"))["jobs"]["claimtally"]["steps"]
    (ours,) = [s for s in steps if s.get("uses", "").startswith("claimtally/claimtally@")]
    assert set(ours["with"]) <= set(action["inputs"])
    assert (repo / ours["with"]["path"] / "datapackage.json").is_file()
    (upload,) = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert upload["with"]["sarif_file"] == "${{ steps.claims.outputs.sarif }}"
    assert "sarif" in action["outputs"]


def test_gitlab_job_parses_and_writes_its_junit_report(repo: Path) -> None:
    """The job is valid YAML; its script writes the JUnit file its artifacts name."""
    job = yaml.safe_load(snippet("gitlab"))["claimtally"]
    commands = [c for c in job["script"] if c.startswith("claimtally")]
    for command in commands:
        assert 0 == run(command, repo).returncode
    report = repo / job["artifacts"]["reports"]["junit"]
    assert report.read_text(encoding="utf-8").startswith('<?xml version="1.0"')
    quality = json.loads((repo / job["artifacts"]["reports"]["codequality"]).read_text(encoding="utf-8"))
    assert [i["location"]["path"] for i in quality] == ["claims/my-package/data/values.csv"]
    assert (repo / quality[0]["location"]["path"]).is_file()


def test_pre_commit_entry_names_the_hook_this_repository_defines(repo: Path) -> None:
    """The config's hook id is in .pre-commit-hooks.yaml, whose entry runs and matches package files."""
    (config_repo,) = yaml.safe_load(snippet("pre-commit"))["repos"]
    hooks = {
        h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    }
    (hook_ref,) = config_repo["hooks"]
    hook = hooks[hook_ref["id"]]
    assert hook["pass_filenames"] is True  # the changed files name the packages to check
    pattern = re.compile(hook["files"])
    assert pattern.search("datapackage.json") and pattern.search("data/values.csv")
    assert not pattern.search("src/claimtally/cli.py")
    assert 0 == run(f"{hook['entry']} datapackage.json data/values.csv", repo).returncode


def test_pytest_commands_run_one_test_per_claim_and_rule(repo: Path) -> None:
    """Both pytest lines run against the package and pass."""
    for line in snippet("pytest").strip().splitlines():
        command = line.replace("pytest", f"{sys.executable} -m pytest -p no:cacheprovider", 1)
        result = run(command, repo)
        assert 0 == result.returncode, result.stdout
        assert " passed" in result.stdout
