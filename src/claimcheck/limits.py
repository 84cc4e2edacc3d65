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
from dataclasses import dataclass

from claimcheck.errors import ClaimcheckError
from claimcheck.expr import DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH
from claimcheck.numbers import DEFAULT_MAX_DIGITS

_SIZE = re.compile(r"^([0-9]+)\s*([KMG]i?B?|B)?$", re.IGNORECASE)
_UNITS = {"": 1, "B": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


@dataclass(frozen=True)
class Limits:
    """The bounds of one check."""

    max_expression_length: int = DEFAULT_MAX_LENGTH
    max_expression_depth: int = DEFAULT_MAX_DEPTH
    max_digits: int = DEFAULT_MAX_DIGITS
    max_file_bytes: int = 1 << 30

    @property
    def max_descriptor_bytes(self) -> int:
        """A descriptor is small: 10 MiB at most, or the table limit when that is lower."""
        return min(self.max_file_bytes, 10 << 20)


def parse_size(text: str) -> int:
    """``512``, ``100K``, ``200M``, ``1G`` (binary multiples, an optional ``B``/``iB``) as bytes."""
    match = _SIZE.match(text.strip())
    if match is None:
        msg = f"'{text}' is not a size; write a number of bytes with an optional K, M or G (e.g. 200M)"
        raise ClaimcheckError(msg)
    unit = (match.group(2) or "").upper()[:1]
    return int(match.group(1)) * _UNITS[unit]
