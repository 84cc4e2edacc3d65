"""Sentences and short quotes: the words around a quantity, as an exact substring of the article.

A quote is the clause that holds the quantity, grown by whole neighbouring clauses (split at ``, ; :``,
dashes and brackets) until it is at least :data:`MIN_QUOTE` characters long or the sentence ends,
and never grown past :data:`MAX_QUOTE` characters; a single clause longer than that is cut at the
words nearest to the quantity. Sentences end at ``. ! ?`` before a space (not after "e.g." and other
abbreviations, never inside ``82.7``) and at line breaks, so a heading is a sentence of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_right

#: A quote is grown by neighbouring clauses until it has at least this many characters.
MIN_QUOTE = 60
#: A quote never grows past this many characters (a single longer clause is cut around the quantity).
MAX_QUOTE = 160

_END = re.compile(r"[.!?…]+[\"”’)\]]*(?=\s)|\n")
_ABBREVIATIONS = frozenset(
    {
        "e.g",
        "i.e",
        "vs",
        "etc",
        "inc",
        "ltd",
        "mr",
        "ms",
        "mrs",
        "dr",
        "approx",
        "no",
        "fig",
        "cf",
        "st",
        "al",
    }
)
_CLAUSE = re.compile(r"[,;:](?=\s)|\s[—–-]\s|[—–()]")
_TRIM_LEFT = " \t\u00a0,;:—–-)*•"
_TRIM_RIGHT = " \t\u00a0,;:—–-(*•"


class Sentences:
    """The sentence spans of a text, found once and looked up by position."""

    def __init__(self, text: str) -> None:
        self.text = text
        cuts = [0]
        for match in _END.finditer(text):
            word = re.search(r"([A-Za-z.]+)\.$", text[max(0, match.start() - 8) : match.start() + 1])
            if match.group(0).startswith(".") and word is not None:
                stem = word.group(1).lower()
                if stem in _ABBREVIATIONS or re.fullmatch(r"([a-z]\.)*[a-z]", stem):
                    continue  # "e.g.", "vs.", "U.S."
            cuts.append(match.end())
        cuts.append(len(text))
        self.starts = cuts[:-1]
        self.ends = cuts[1:]
        self._spans: dict[int, tuple[int, int]] = {}

    def index(self, pos: int) -> int:
        """The number of the sentence that holds ``pos`` (0 for the first)."""
        return max(0, bisect_right(self.starts, pos) - 1)

    def at(self, pos: int) -> tuple[int, int]:
        """The span of the sentence that holds ``pos``, without its surrounding spaces."""
        return self.span(self.index(pos))

    def span(self, i: int) -> tuple[int, int]:
        """The span of sentence number ``i``, without its surrounding spaces (found once per sentence)."""
        if i not in self._spans:
            start, end = self.starts[i], self.ends[i]
            while start < end and self.text[start].isspace():
                start += 1
            while end > start and self.text[end - 1].isspace():
                end -= 1
            self._spans[i] = (start, end)
        return self._spans[i]


def quote_span(sentences: Sentences, first: int, end: int) -> tuple[int, int]:
    """The span of a short quote around the words ``[first, end)`` (see the module docstring)."""
    text = sentences.text
    s_start, s_end = sentences.at(first)
    s_start = max(min(s_start, first), first - 2 * MAX_QUOTE)  # a very long sentence is read near the
    s_end = min(max(s_end, end), end + 2 * MAX_QUOTE)  # quantity only: a quote is never longer
    cuts = [s_start]
    cuts += [m.end() for m in _CLAUSE.finditer(text, s_start, s_end) if not first < m.end() < end]
    cuts.append(s_end)
    cuts = sorted(set(cuts))
    left = max(c for c in cuts if c <= first)
    right = min(c for c in cuts if c >= end)
    grew = True
    while grew and _length(text, left, right) < MIN_QUOTE:
        grew = False
        before = [c for c in cuts if c < left]
        if before and _length(text, before[-1], right) <= MAX_QUOTE:
            left, grew = before[-1], True
        after = [c for c in cuts if c > right]
        if after and _length(text, left, after[0]) <= MAX_QUOTE and _length(text, left, right) < MIN_QUOTE:
            right, grew = after[0], True
    if right - left > MAX_QUOTE:
        left, right = _window(text, left, right, first, end)
    return _trim(text, left, right, first, end)


def _length(text: str, a: int, b: int) -> int:
    return len(text[a:b].strip(_TRIM_LEFT + _TRIM_RIGHT))


def _window(text: str, left: int, right: int, first: int, end: int) -> tuple[int, int]:
    """Cut a long clause at spaces so that about :data:`MAX_QUOTE` characters surround the quantity."""
    room = max(0, MAX_QUOTE - (end - first)) // 2
    a = max(left, first - room)
    b = min(right, end + room)
    if a > left:
        space = text.find(" ", a, first)
        a = space + 1 if space >= 0 else first
    if b < right:
        space = text.rfind(" ", end, b)
        b = space if space >= 0 else end
    return a, b


def _trim(text: str, left: int, right: int, first: int, end: int) -> tuple[int, int]:
    """Drop spaces and clause marks at both ends, never into the quantity's own words."""
    while left < first and text[left] in _TRIM_LEFT:
        left += 1
    while right > end and text[right - 1] in _TRIM_RIGHT:
        right -= 1
    return left, right
