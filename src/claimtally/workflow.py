"""Where a command finds its package, and the commands of a package author's and a CI hook's
workflow: ``stamp``, ``release`` and ``pre-commit``.

A command that reads a package uses the path given; with none, ``./datapackage.json`` when there is
one (as ruff and mypy default to the current folder); only when there is none, the bundled data,
said in one stderr line (``--bundled`` asks for it and says nothing). A command that writes a package
(``stamp``, ``release``) never falls back to the bundled data.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from claimtally.errors import UsageError
from claimtally.output import guard


def say(text: str, stream: TextIO | None = None) -> None:
    """Print one message of the tool's own (a data field in it already cleaned), through the guard."""
    (stream or sys.stdout).write("".join(guard(text)))


def note(args: argparse.Namespace, text: str) -> None:
    """A note of the tool's own on stderr (what it drafted, what it could not do), unless ``-q``."""
    if not getattr(args, "quiet", False):
        say(text, sys.stderr)


#: What a command without a package path says on stderr when it falls back to the bundled data.
BUNDLED_NOTE = (
    "claimtally: no datapackage.json in this folder: using the data bundled with claimtally "
    "(give a path to use yours, or --bundled to ask for this)\n"
)


def package_where_you_stand(given: str | None, bundled: bool) -> str | None:
    """The package a command uses: the path given; else ``./datapackage.json`` when there is one;
    else (``None``) the bundled data, said in one stderr line unless ``--bundled`` asked for it."""
    if bundled:
        if given is not None:
            msg = "give a package path or --bundled, not both"
            raise UsageError(msg)
        return None
    if given is not None:
        return given
    here = Path("datapackage.json")
    if here.is_file():
        return str(here)
    say(BUNDLED_NOTE, sys.stderr)  # even with -q: a check of the wrong package must never be silent
    return None


def _own_package_arg(p: argparse.ArgumentParser) -> None:
    """A package the command writes to: the author's own, never the bundled data."""
    p.add_argument(
        "datapackage", nargs="?", default=None, help="a datapackage.json or its folder (default: ./)"
    )


def own_package(given: str | None) -> str:
    """The package a writing command uses: the path given, or ``./datapackage.json``."""
    if given is not None:
        return given
    if not Path("datapackage.json").is_file():
        msg = (
            "no datapackage.json in this folder; give the package's path (the bundled data is never written)"
        )
        raise UsageError(msg)
    return "datapackage.json"


def fail_on(p: argparse.ArgumentParser) -> None:
    """``--fail-on`` and its alias ``--exit-zero`` (the same as ``--fail-on never``: exit 0 whatever
    is found; 2 stays 2)."""
    p.add_argument(
        "--fail-on",
        choices=("error", "warning", "never"),
        default="error",
        help="exit 1 when a finding has this severity or worse (default: error)",
    )
    p.add_argument(
        "--exit-zero", dest="fail_on", action="store_const", const="never", help="same as --fail-on never"
    )


def quiet(p: argparse.ArgumentParser) -> None:
    """``-q``/``--quiet``: no notes on stderr (and for ``check``, only what fails)."""
    p.add_argument("-q", "--quiet", action="store_true", help="no notes on stderr; check: only what fails")


def add_commands(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``stamp``, ``release`` and ``pre-commit`` to the command line's subcommands."""
    stamp = sub.add_parser(
        "stamp",
        help="write each resource's sha256 hash and size into datapackage.json",
        description="Write each resource's sha256 'hash' and 'bytes' into the descriptor (after a data "
        "change), so the check can tell a changed file from the one described.",
    )
    _own_package_arg(stamp)

    rel = sub.add_parser(
        "release",
        help="record the package's version as released, and tag it in git",
        description="Record the version as released: check the package (no error may remain) and its "
        "CHANGELOG.md section, append the release rows to data/releases.csv, restamp the hashes, and "
        "in a git repository commit those files and tag the commit vX.Y.Z.",
    )
    _own_package_arg(rel)
    rel.add_argument("--date", metavar="YYYY-MM-DD", help="the release date (default: today, UTC)")
    rel.add_argument("--no-git", action="store_true", help="write the release rows only: no commit, no tag")

    hook = sub.add_parser(
        "pre-commit",
        help="check every package that holds one of the given files (the pre-commit hook)",
        description="Check each package (the nearest datapackage.json above a file, inside this folder) "
        "that holds one of FILES; with no FILES, ./datapackage.json. Exit with the worst status.",
    )
    hook.add_argument("files", nargs="*", metavar="FILE", help="changed files, as pre-commit passes them")
    fail_on(hook)
    hook.add_argument("--format", choices=("text", "github"), default="text", help="output format")


def packages_holding(files: Sequence[str]) -> list[Path]:
    """The package folders (nearest ``datapackage.json`` above each file, inside the current folder)
    that hold the files, each once, in the order first met; ``./`` when no file is given."""
    here = Path.cwd().resolve()
    if not files:
        return [here] if (here / "datapackage.json").is_file() else []
    found: list[Path] = []
    for name in files:
        folder = (here / name).resolve().parent
        while folder == here or here in folder.parents:
            if (folder / "datapackage.json").is_file():
                if folder not in found:
                    found.append(folder)
                break
            folder = folder.parent
    return found


def _pre_commit(args: argparse.Namespace) -> int:
    from claimtally.checker import check
    from claimtally.data.package import read
    from claimtally.report.render import render

    folders = packages_holding(args.files)
    if not folders:
        note(args, "claimtally: no datapackage.json holds these files; nothing to check\n")
        return 0
    status = 0
    for folder in folders:
        pkg = read(folder)
        report = check(pkg, show="problems", derivation=args.format == "html")  # as it is rendered
        base = relative_to_here(folder)
        if args.format == "text":
            say(f"== {base or '.'}/datapackage.json\n")
        say(render(report, args.format, fail_on=args.fail_on, package=pkg, base=base))
        status = max(status, report.exit_status(args.fail_on))
    return status


def _stamp(args: argparse.Namespace) -> int:
    from claimtally.versions.author import stamp

    changed = stamp(own_package(args.datapackage))
    say(f"stamped: {', '.join(changed)}\n" if changed else "every hash and size is already right\n")
    return 0


def _release(args: argparse.Namespace) -> int:
    from claimtally.versions.author import release

    done = release(own_package(args.datapackage), args.date, git=not args.no_git)
    tagged = f"; tagged {done.tag}" if done.tag else ""
    say(f"released {done.version} on {done.date}{tagged}\n")
    if done.note:
        note(args, f"claimtally: {done.note}\n")
    return 0


def relative_to_here(folder: Path) -> str:
    """The package folder as CI formats name it: relative to the current folder ("" when it is it),
    or its absolute path when it lies outside the current folder."""
    folder, here = folder.resolve(), Path.cwd().resolve()
    if folder == here:
        return ""
    return folder.relative_to(here).as_posix() if here in folder.parents else folder.as_posix()


#: The handler of each command added by :func:`add_commands`.
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "pre-commit": _pre_commit,
    "stamp": _stamp,
    "release": _release,
}
