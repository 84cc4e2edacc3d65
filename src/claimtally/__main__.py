"""``python -m claimtally``: the command line."""

from claimtally.cli import run

if __name__ == "__main__":
    run()
