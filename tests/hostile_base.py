"""What every hostile case is built from: the case itself and edits of a fresh package."""

from __future__ import annotations

import json
import re
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

    def command(self, root: Path, out: Path) -> list[str]:
        """The case's command line with ``{root}`` and ``{out}`` filled in."""
        return [a.replace("{root}", str(root)).replace("{out}", str(out)) for a in self.argv]


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


#: What no line of output may hold: a control character but the line feed, and the rest of what
#: :func:`claimtally.output.clean` escapes.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
#: The only lines that may start with "::": the github format's own annotations.
ANNOTATION = re.compile(r"::(error|warning|notice) (file|title)=[^\n]*")


def not_inert(text: str) -> str:
    """What in ``text`` could act on a terminal or a CI log ("" when nothing could)."""
    hit = UNSAFE.search(text)
    if hit:
        return f"prints {hit.group()!r}"
    for line in text.splitlines():
        if line.startswith("::") and not ANNOTATION.fullmatch(line):
            return f"prints a line starting '::': {line[:60]!r}"
    return ""
