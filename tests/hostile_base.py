"""What every hostile case is built from: the case itself and edits of a fresh package."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

#: The command a case runs unless it says otherwise: {root} is the package folder.
CHECK_JSON = ("check", "{root}", "--format", "json")


@dataclass(frozen=True)
class Case:
    """One bad package: how to make it, the command to run on it, and what claimtally must say."""

    id: str
    make: Callable[[Path], None]
    exit: int
    """2 for an unreadable package or a refused command, 1 for findings at error, 0 for none."""
    message: str
    """Text the single stderr line (exit 2) or some error finding (exit 1, JSON) must contain."""
    rule: str | None = None
    klass: str = "first-round"
    """The class of attack it belongs to."""
    argv: tuple[str, ...] = CHECK_JSON
    """The command line; ``{root}`` is the package folder, ``{out}`` a folder beside it."""
    writes: str | None = None
    """The one file (in ``{out}``) the command may write."""


def desc(root: Path) -> dict:
    """The package's descriptor."""
    return json.loads((root / "datapackage.json").read_text(encoding="utf-8"))


def write_desc(root: Path, descriptor: object) -> None:
    """Replace the package's descriptor."""
    (root / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")


def csv_edit(table: str, transform: Callable[[str], str]) -> Callable[[Path], None]:
    """An edit of one table's text."""

    def make(root: Path) -> None:
        file = root / "data" / f"{table}.csv"
        file.write_text(transform(file.read_text(encoding="utf-8")), encoding="utf-8")

    return make


def fresh(root: Path) -> None:
    """A package made by ``claimtally init``, without its resources' ``hash`` and ``bytes``.

    The corpus edits the files after making them; a hash finding on every case would hide the one
    the case is about (the cases about hashes set their own).
    """
    from claimtally.data.scaffold import init

    init(root)
    path = root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    for res in descriptor["resources"]:
        res.pop("hash", None)
        res.pop("bytes", None)
    path.write_text(json.dumps(descriptor, indent=2) + "\n", encoding="utf-8")
