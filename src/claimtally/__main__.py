"""``python -m claimtally``: the command line."""

from claimtally.cli import run

run()
