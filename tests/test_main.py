"""`python -m claimtally` runs the command line."""

from __future__ import annotations

import subprocess
import sys


def test_python_m_claimtally_runs_the_cli() -> None:
    """The module entry point prints the rules and exits 0."""
    result = subprocess.run(
        [sys.executable, "-m", "claimtally", "rules"], capture_output=True, text=True, check=False
    )
    assert 0 == result.returncode
    assert result.stdout.startswith("schema")
