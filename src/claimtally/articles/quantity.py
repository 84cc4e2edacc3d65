"""A quantity found in an article, and the words around a number that say its unit, hedge and sign.

:mod:`claimtally.articles.numerals` finds numbers written in digits and
:mod:`claimtally.articles.numberwords` numbers written as words; both describe what they find as a
:class:`Quantity` and read the words after it
(:func:`unit_after`) and before it (:func:`hedge_before`, :func:`negative_around`) with the helpers here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

#: ``number``: digits as written; ``word``: a number word ("three-point"); ``relation``: a multiplier
#: ("doubled", "twice", "3x") that the data contract usually records as a literal of a claim.
QuantityKind = Literal["number", "word", "relation"]


@dataclass(frozen=True)
class Quantity:
    """One quantity an article states.

    Attributes:
        start: Where its words start in the text (a currency sign or minus included, a hedge not).
        end: Where its words end (a ``%``, scale word or unit word included).
        value: The value text as the data contract writes it (``5.30``, ``-40``, ``1M``); empty when
            the number cannot be written so (a scale word the contract has no suffix for).
        value_max: The high end of a range (``10`` of ``5-10%``), else empty.
        unit: The unit the words imply, one of the contract's metric units, or empty when unknown.
        hedge: The hedge id of the word before it (``approximately``), or empty.
        hedge_start: Where that hedge word starts (``start`` when there is none).
        kind: ``number``, ``word`` or ``relation``.
        exact: Whether it reads as exact by definition (a list price, a count, a number word): a guess.
        label: The word a slash pair gives it (``input`` for ``$2.50`` in ``$2.50/$15 (input/output)``).
        core_start: Where the number itself starts: its first digit, or its number word.
        core_end: Where the number itself ends (the last digit of a range's high end).
    """

    start: int
    end: int
    value: str
    value_max: str = ""
    unit: str = ""
    hedge: str = ""
    hedge_start: int = -1
    kind: QuantityKind = "number"
    exact: bool = False
    label: str = ""
    core_start: int = -1
    core_end: int = -1

    @property
    def core(self) -> tuple[int, int]:
        """The span of the number itself, without currency, unit or hedge words."""
        if 0 <= self.core_start < self.core_end:
            return self.core_start, self.core_end
        return self.start, self.end

    @property
    def first(self) -> int:
        """Where the quantity's words begin, its hedge word included."""
        return self.hedge_start if 0 <= self.hedge_start < self.start else self.start


# Units -------------------------------------------------------------------------------------------

#: Words after a number that name its unit (longest first), as the contract's metric units.
UNIT_WORDS: tuple[tuple[str, str], ...] = (
    ("percentage points", "points"),
    ("percentage point", "points"),
    ("tokens per second", "tokens-per-second"),
    ("tokens/second", "tokens-per-second"),
    ("tokens/sec", "tokens-per-second"),
    ("tokens/s", "tokens-per-second"),
    ("tok/s", "tokens-per-second"),
    ("per cent", "percent"),
    ("percent", "percent"),
    ("pct", "percent"),
    ("points", "points"),
    ("point", "points"),
    ("pts", "points"),
    ("pp", "points"),
    ("tokens", "tokens"),
    ("token", "tokens"),
    ("seconds", "seconds"),
    ("second", "seconds"),
    ("secs", "seconds"),
    ("times", "ratio"),
    ("fold", "ratio"),
    ("elo", "elo"),
    ("dollars", "usd"),
    ("dollar", "usd"),
    ("usd", "usd"),
    *((noun, "count") for noun in ("tasks", "task", "questions", "problems", "servers", "tools", "prompts")),
    *((noun, "count") for noun in ("items", "models", "benchmarks", "languages", "parameters")),
)
#: Spans of calendar time: a number before one of these is a date or a period, not a quantity.
CALENDAR_WORDS = frozenset(
    {"day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades"}
    | {"century", "centuries", "quarter", "quarters", "year-old", "years-old"}
)
_NEXT_WORD = re.compile(r"[ \t\u00a0]?-?[ \t\u00a0]?([A-Za-z][A-Za-z/-]*)")


def unit_after(text: str, pos: int) -> tuple[str, int]:
    """The unit named right after ``pos`` (after a space or a hyphen) and where its word ends.

    Returns ``("", pos)`` when no unit word follows, and ``("calendar", end)`` for a span of calendar
    time ("six months", "10-day").
    """
    match = _NEXT_WORD.match(text, pos)
    if match is None:
        return "", pos
    word_start = match.start(1)
    rest = text[word_start : word_start + 24].lower()
    for phrase, unit in UNIT_WORDS:
        if rest.startswith(phrase) and not rest[len(phrase) : len(phrase) + 1].isalpha():
            return unit, word_start + len(phrase)
    word = match.group(1).lower().rstrip("-/")
    if word in CALENDAR_WORDS or word.split("-")[0] in CALENDAR_WORDS:
        return "calendar", match.end(1)
    return "", pos


# Hedges ------------------------------------------------------------------------------------------

#: Signs that stand for a hedge word: "~72%" is "about 72%" (data contract §2).
HEDGE_SIGNS = {"~": "about", "≈": "about", "approx.": "approximately", "c.": "about"}


def hedge_phrases(hedge_ids: list[str]) -> dict[str, str]:
    """The words of each hedge id (``more-than`` → ``more than``), and the signs that stand for one."""
    phrases = {h.replace("-", " "): h for h in hedge_ids if h}
    for sign, hedge in HEDGE_SIGNS.items():
        if hedge in hedge_ids:
            phrases[sign] = hedge
    return phrases


def hedge_before(text: str, pos: int, phrases: Mapping[str, str]) -> tuple[str, int]:
    """The hedge whose words end right before ``pos`` (spaces between allowed), and where they start."""
    window = text[max(0, pos - 40) : pos]
    stripped = window.rstrip(" \t\u00a0")
    lowered = stripped.lower()
    best = ("", pos)
    for phrase, hedge in phrases.items():
        if not lowered.endswith(phrase):
            continue
        before = lowered[: len(lowered) - len(phrase)]
        if phrase[0].isalpha() and before and (before[-1].isalnum() or before[-1] in "-_"):
            continue  # part of a longer word: "moreover 20" is not "over 20"
        start = pos - (len(window) - len(stripped)) - len(phrase)
        if start < best[1]:
            best = (hedge, start)
    return best


# Direction ---------------------------------------------------------------------------------------

_FEWER = re.compile(
    r"[ \t\u00a0-]+(?:(?P<middle>[a-z]+)[ \t\u00a0]+)?(fewer|less|lower|cheaper|smaller|slower|shorter|"
    r"decrease|decline|drop|reduction|fall)\b",
    re.IGNORECASE,
)
#: Words between a number and "less" that make it a bound rather than a fall: "20% or less".
_NOT_A_FALL = frozenset({"or", "and", "than", "of", "no", "not"})
_FELL_BY = re.compile(
    r"\b(fell|dropped|decreased|declined|shrank|shrunk|cut|reduced|lowered|slashed|"
    r"down|drops|falls|decreases)(?:[ \t\u00a0]+by)?[ \t\u00a0]+$",
    re.IGNORECASE,
)


def negative_around(text: str, first: int, end: int) -> bool:
    """Whether the words around a quantity say it is a fall: "40% fewer", "cut by 20%", "down 3".

    The data contract writes a change or gap in the direction "fewer", "cheaper" or "lower" as a
    negative number ("67% cheaper" → ``-67``).
    """
    after = _FEWER.match(text, end)
    if after is not None and (after.group("middle") or "").lower() not in _NOT_A_FALL:
        return True
    return _FELL_BY.search(text[max(0, first - 30) : first]) is not None
