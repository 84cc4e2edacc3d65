"""Limits that keep a check of an untrusted package bounded, each raised by a command-line option.

| limit | default | option |
|---|---|---|
| characters in one claim expression | 2000 | ``--max-expression-length`` |
| nesting depth of one expression | 50 | ``--max-expression-depth`` |
| digits in one value cell | 100 | ``--max-digits`` |
| bytes in one table file | 1 GiB | ``--max-file-size`` |
| bytes in ``datapackage.json`` | 10 MiB | ``--max-file-size`` when it is lower |
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Any

from claimtally.errors import ClaimtallyError

#: Characters in one claim expression.
DEFAULT_MAX_LENGTH = 2000
#: Nesting depth of one expression.
DEFAULT_MAX_DEPTH = 50
#: Digits in one value cell.
DEFAULT_MAX_DIGITS = 100

_SIZE = re.compile(r"^([0-9]+)\s*([KMG]i?B?|B)?$", re.IGNORECASE)
_UNITS = {"": 1, "B": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


def _limit(default: int, option: str, metavar: str, help: str, shown: str | None = None) -> Any:
    """A field of :class:`Limits` with what its command-line option needs to be generated from it."""
    meta = {"option": option, "metavar": metavar, "help": help, "shown": shown}
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class Limits:
    """The bounds of one check; the command line's ``--max-*`` options are generated from these fields."""

    max_expression_length: int = _limit(
        DEFAULT_MAX_LENGTH, "--max-expression-length", "N", "most characters in a claim expression"
    )
    max_expression_depth: int = _limit(
        DEFAULT_MAX_DEPTH, "--max-expression-depth", "N", "deepest nesting of a claim expression"
    )
    max_digits: int = _limit(DEFAULT_MAX_DIGITS, "--max-digits", "N", "most digits in a value cell")
    max_file_bytes: int = _limit(
        1 << 30, "--max-file-size", "SIZE", "largest table file, e.g. 200M or 2G", shown="1G"
    )

    @property
    def max_descriptor_bytes(self) -> int:
        """A descriptor is small: 10 MiB at most, or the table limit when that is lower."""
        return min(self.max_file_bytes, 10 << 20)

    @classmethod
    def options(cls) -> list[LimitOption]:
        """One command-line option per field, in field order."""
        return [
            LimitOption(
                f.name, f.metadata["option"], f.metadata["metavar"], f.metadata["help"], f.metadata["shown"]
            )
            for f in fields(cls)
        ]

    @classmethod
    def from_options(cls, given: dict[str, str | int]) -> Limits:
        """Limits from option values by field name: sizes as text (``200M``), counts as integers."""
        values: dict[str, int] = {}
        for opt in cls.options():
            raw = given[opt.name]
            values[opt.name] = parse_size(str(raw)) if opt.is_size else int(raw)
        return cls(**values)


@dataclass(frozen=True)
class LimitOption:
    """How one limit appears on the command line."""

    name: str
    """The :class:`Limits` field (and the argparse ``dest``)."""
    flag: str
    metavar: str
    help: str
    shown: str | None
    """The default as the option is written (``1G``) when it is a size, else None."""

    @property
    def is_size(self) -> bool:
        """A size in bytes written with K, M or G rather than a plain count."""
        return self.shown is not None

    def default(self) -> str | int:
        """The default as argparse takes it."""
        return self.shown if self.shown is not None else getattr(Limits(), self.name)


def parse_size(text: str) -> int:
    """``512``, ``100K``, ``200M``, ``1G`` (binary multiples, an optional ``B``/``iB``) as bytes."""
    match = _SIZE.match(text.strip())
    if match is None:
        msg = f"'{text}' is not a size; write a number of bytes with an optional K, M or G (e.g. 200M)"
        raise ClaimtallyError(msg)
    unit = (match.group(2) or "").upper()[:1]
    return int(match.group(1)) * _UNITS[unit]
