"""The GitHub Action (action.yml): its inputs, and its shell steps run as a runner would run them.

The install step is not run (it would reach the package index); this environment's claimtally is
first on PATH instead. Every ``${{ ... }}`` expression of a step is replaced as the runner would.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from builders import REPO
from claimtally.cli import main

ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
BIN = Path(sys.executable).parent
_EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")


def test_the_action_is_composite_with_its_documented_inputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == {"path", "fail-on", "format", "version"}
    assert all(step["shell"] == "bash" for step in ACTION["runs"]["steps"])


def test_inputs_reach_the_scripts_only_through_the_environment() -> None:
    """No ${{ }} inside a script: an input is never spliced into shell code (script injection)."""
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step["run"], step["id"]


def _run_action(repo: Path, inputs: dict[str, str]) -> tuple[subprocess.CompletedProcess[str], Path]:
    values = {f"inputs.{k}": v["default"] for k, v in ACTION["inputs"].items()}
    values |= {f"inputs.{k}": v for k, v in inputs.items()}
    values["github.action_path"] = str(REPO)
    summary, output = repo / "summary.md", repo / "output.txt"
    summary.write_text("earlier step\n", encoding="utf-8")
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(output),
    }
    result = None
    for step in ACTION["runs"]["steps"]:
        if step["id"] == "install":
            continue
        for key, text in step.get("env", {}).items():
            env[key] = _EXPRESSION.sub(lambda m: values[m.group(1)], text)
        result = subprocess.run(
            ["bash", "-e", "-c", step["run"]], cwd=repo, env=env, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            break
    assert result is not None
    return result, summary


@pytest.fixture
def failing_repo(tmp_path: Path) -> Path:
    """A git repository whose package, in a subfolder, has a claim that no longer holds."""
    repo = tmp_path / "repo"
    assert 0 == main(["init", str(repo / "claims" / "pkg")])
    claims = repo / "claims" / "pkg" / "data" / "claims.csv"
    claims.write_text(claims.read_text(encoding="utf-8").replace(",holds,", ",fails,"), encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    return repo


def test_a_failing_package_in_a_subfolder_fails_the_step_with_annotations_and_a_summary(
    failing_repo: Path,
) -> None:
    result, summary = _run_action(failing_repo, {"path": "claims/pkg"})
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert annotations
    for line in annotations:
        file = re.search(r"file=([^,]+)", line)
        assert file is not None and (failing_repo / file.group(1)).is_file(), line
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## claimtally: ")  # appended, never replacing other steps'
    assert "| error | claims | claims/pkg/data/claims.csv:2 |" in text


def test_sarif_format_writes_a_sarif_file_whose_locations_exist(failing_repo: Path) -> None:
    result, _ = _run_action(failing_repo, {"path": "claims/pkg", "format": "sarif"})
    assert result.returncode == 1
    log = json.loads((failing_repo / "claimtally.sarif").read_text(encoding="utf-8"))
    for r in log["runs"][0]["results"]:
        uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert (failing_repo / uri).is_file()
    assert "sarif=claimtally.sarif" in (failing_repo / "output.txt").read_text(encoding="utf-8")


def test_a_passing_package_passes_and_fail_on_never_passes_a_failing_one(failing_repo: Path) -> None:
    assert _run_action(failing_repo, {"path": "claims/pkg", "fail-on": "never"})[0].returncode == 0
    assert 0 == main(["init", str(failing_repo / "ok")])
    result, summary = _run_action(failing_repo, {"path": "ok"})
    assert result.returncode == 0, result.stderr
    assert "The check passes" in summary.read_text(encoding="utf-8")


def test_an_unreadable_package_stops_the_step_with_exit_2(tmp_path: Path) -> None:
    result, _ = _run_action(tmp_path, {"path": "missing"})
    assert result.returncode == 2
    assert "claimtally: error:" in result.stderr
