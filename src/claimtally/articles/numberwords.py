"""Quantities written as words: "three-point lead", "doubled", "twice", "half the", "a quarter of".

The data contract writes a number word as its digits and reads it as exact ("three-point lead" → ``3``,
"a quarter" → ``0.25``; in a claim, "doubled" → the literal ``2``). What is read:

- a number word before a unit word: "three-point", "two percent", "ten tasks", "three times",
  "threefold" / "three-fold" (a number word with no unit after it, such as "three-way tie" or "one of
  the", is not read: it counts nothing the package measures);
- multiplier words (kind ``relation``): doubled / doubles / doubling (2), tripled (3), quadrupled (4),
  halved (0.5), twice (2), thrice (3), "double the" / "triple the";
- fractions: "half of" / "half the" / "half as" (0.5), "a quarter of" (0.25), "three quarters of"
  (0.75), "a fifth of", "a tenth of", "an eighth of", and "one in eight" (0.125): only fractions that
  are a finite decimal (a third is not written here; record it by hand as ``1 / 3`` in a claim).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal

from claimtally.articles.quantity import Quantity, QuantityKind, hedge_before, unit_after

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

#: Number words and their values: one to nineteen, the tens and their compounds ("twenty-five").
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
NUMBER_WORDS.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
NUMBER_WORDS.update(
    {f"{t}-{u}": 20 + 10 * i + j for i, t in enumerate(_TENS) for j, u in enumerate(_UNITS[1:10], 1)}
)

_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_COUNTED = re.compile(rf"\b({_WORD})\b", re.IGNORECASE)
_FOLD = re.compile(rf"\b({_WORD})-?fold\b", re.IGNORECASE)

#: Multiplier words: the stem and the factor it states.
_MULTIPLIERS = re.compile(
    r"\b(?:(doubl|tripl|quadrupl)(?:ed|es|ing)|(halv)(?:ed|es|ing)|(twice|thrice)|(double|triple)(?=\s+the\b))\b",
    re.IGNORECASE,
)
_FACTORS = {"doubl": "2", "tripl": "3", "quadrupl": "4", "halv": "0.5", "twice": "2", "thrice": "3"}
_FACTORS |= {"double": "2", "triple": "3"}

_PARTS = {"half": 2, "quarter": 4, "fifth": 5, "eighth": 8, "tenth": 10}
_FRACTION = re.compile(
    r"\b(a|an|one|two|three|four|seven|nine)\s+(half|quarter|fifth|eighth|tenth)s?\s+of\b"
    r"|(?<!\bfirst\s)(?<!\bsecond\s)(?<!\bother\s)(?<!\blatter\s)(?<!\bback\s)(?<!\bfront\s)"
    r"\b(half)\s+(?:of|the|as|its|their|that|a)\b",
    re.IGNORECASE,
)
_ONE_IN = re.compile(rf"\b({_WORD})\s+in\s+({_WORD})\b", re.IGNORECASE)
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "seven": 7, "nine": 9}


def find_number_words(
    text: str, *, hedges: Mapping[str, str], names: Sequence[tuple[int, int]] = ()
) -> list[Quantity]:
    """Every quantity written as words, in text order (overlaps resolved to the first found).

    Words inside ``names`` (spans of the vocabulary's names) are not read.
    """
    found: list[Quantity] = []
    for match in _MULTIPLIERS.finditer(text):
        stem = next(g for g in match.groups() if g).lower()
        found.append(_make(text, match.start(), match.end(), _FACTORS[stem], "ratio", "relation", hedges))
    for match in _FOLD.finditer(text):
        value = str(NUMBER_WORDS[match.group(1).lower()])
        found.append(_make(text, match.start(), match.end(), value, "ratio", "relation", hedges))
    for match in _FRACTION.finditer(text):
        if match.group(3):
            share, end = Decimal(1) / 2, match.end(3)
        else:
            share = Decimal(_SMALL[match.group(1).lower()]) / _PARTS[match.group(2).lower()]
            end = match.end(2) + (1 if text.startswith("s", match.end(2)) else 0)  # quarters
        found.append(_make(text, match.start(), end, _plain(share), "ratio", "word", hedges))
    for match in _ONE_IN.finditer(text):
        top, bottom = NUMBER_WORDS[match.group(1).lower()], NUMBER_WORDS[match.group(2).lower()]
        ratio = _finite(top, bottom)
        if ratio is not None and 0 < top < bottom:
            found.append(_make(text, match.start(), match.end(), ratio, "ratio", "word", hedges))
    for match in _COUNTED.finditer(text):
        unit, end = unit_after(text, match.end())
        if unit and unit != "calendar":
            value = str(NUMBER_WORDS[match.group(1).lower()])
            kind: QuantityKind = "relation" if unit == "ratio" else "word"
            found.append(_make(text, match.start(), end, value, unit, kind, hedges, match.end()))
    found.sort(key=lambda q: (q.start, -q.end))
    out: list[Quantity] = []
    for q in found:
        if any(a < q.end and q.start < b for a, b in names):
            continue
        if not out or q.start >= out[-1].end:
            out.append(q)
    return out


def _make(
    text: str,
    start: int,
    end: int,
    value: str,
    unit: str,
    kind: QuantityKind,
    hedges: Mapping[str, str],
    core_end: int = -1,
) -> Quantity:
    hedge, hedge_start = hedge_before(text, start, hedges)
    return Quantity(
        start=start,
        end=end,
        value=value,
        unit=unit,
        hedge=hedge,
        hedge_start=hedge_start if hedge else start,
        kind=kind,
        exact=True,
        core_start=start,
        core_end=core_end if core_end > start else end,
    )


def _finite(top: int, bottom: int) -> str | None:
    """``top / bottom`` as decimal text when it terminates (1/8 → 0.125), else None (1/3)."""
    rest = bottom
    for p in (2, 5):
        while rest % p == 0:
            rest //= p
    return _plain(Decimal(top) / Decimal(bottom)) if rest == 1 else None


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")
