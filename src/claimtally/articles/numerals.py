"""Numbers written in digits: which state a quantity, and the value text each one is (data contract §2).

A run of digits is a quantity unless the words around it make it something else. Left out, as the
data contract says they are not quantities:

- **names and versions**: digits glued to letters (``GPT-5``, ``GB200``, ``v4.1``, ``3D``, ``5th``),
  digits inside a name of the package's vocabulary (``Claude Opus 4.7``, ``Terminal-Bench 2.0``), a
  bare number equal to a version in those names with no unit ("between 5.4 and 5.5"), a number right
  after a model family word ("Gemini 3"), dotted versions (``5.5.1``);
- **dates and times**: years 1900-2099 with no unit, days beside a month name, ISO dates, ``10:30``,
  ``1990s``, and spans of calendar time ("six months", "3 years");
- **mentions, markers and codes**: a number alone inside quotation marks ("the “.5” designation"),
  list numbers at the start of a line, footnote marks ``[3]``, numbers with leading zeros, ``#1``,
  slashed numbers such as ``24/7`` or ``1/8``, and anything inside a URL or e-mail address.

What is kept is normalised as the contract writes value text: no currency sign, ``%`` or thousands
separator, an ASCII minus, a ``K``/``M``/``B`` suffix for a scale word (``1 million`` → ``1M``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from claimtally.articles.quantity import Quantity, hedge_before, negative_around, unit_after
from claimtally.articles.quotes import Sentences

_NUMBER = re.compile(
    r"(?<![0-9.])(?<![0-9],)(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?(?![0-9])"
    r"|(?<![0-9])\.[0-9]+(?![0-9])"
)
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?[ \t\u00a0]+(?:the[ \t\u00a0]+)?$")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?[ \t\u00a0]+(?:of[ \t\u00a0]+)?(?:{_MONTHS})\b")
_WORD = re.compile(r"\S+")
_URL_START = re.compile(r"(?:https?://|ftp://|www\.)(?=\S)", re.IGNORECASE)
_SCALE_WORD = re.compile(r"[ \t\u00a0]?(thousand|million|billion|trillion)\b", re.IGNORECASE)
_SCALE_SUFFIX = re.compile(r"([KMB]|k|bn)(?![A-Za-z])")
_SUFFIX_UNIT = re.compile(r"(?:[ \t\u00a0]?(%)|(x|×|pp|pts)(?![A-Za-z]))")
_SUFFIX_UNITS = {"%": "percent", "x": "ratio", "×": "ratio", "pp": "points", "pts": "points"}
_RANGE_JOIN = re.compile(r"(-|[ \t\u00a0]?[–—][ \t\u00a0]?|[ \t\u00a0]+to[ \t\u00a0]+)(?=[$£€]?[0-9])")
_PER_MTOK = re.compile(
    r"per[ \t\u00a0-]+(?:1[ \t\u00a0]?M|one[ \t\u00a0]+million|million|M)\b"
    r"|/[ \t\u00a0]?(?:1[ \t\u00a0]?)?M(?:Tok)?\b|per[ \t\u00a0-]token|/[ \t\u00a0]?million",
    re.IGNORECASE,
)
_CURRENCY_UNIT = {"$": "usd", "£": "gbp", "€": "", "¥": ""}
_SLASH = re.compile(r"[ \t\u00a0]*/[ \t\u00a0]*")
_LABELS = re.compile(
    r"[ \t\u00a0]*\(?[ \t\u00a0]*([A-Za-z][A-Za-z-]*)[ \t\u00a0]*/[ \t\u00a0]*([A-Za-z][A-Za-z-]*)"
)
_QUOTES_OPEN = "“\"‘'«"
_QUOTES_CLOSE = "”\"’'»"


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Spans whose digits are never quantities: URLs and e-mail addresses.

    An e-mail address is a run of non-space characters with an ``@`` after its first character and
    a ``.`` with a character on each side after that; the whole run is blocked. A URL starts at
    ``http://``, ``https://``, ``ftp://`` or ``www.`` (in any case, anywhere in a run) and runs to
    the run's end. Each run is looked at once, so the time is linear in the text: a single pattern
    such as ``\\S+@\\S+\\.\\S+`` retries from every start of a long run and is quadratic.
    """
    spans: list[tuple[int, int]] = []
    for word in _WORD.finditer(text):
        token = word.group()
        at = token.find("@", 1)
        if at != -1 and token.rfind(".", at + 2, len(token) - 1) != -1:
            spans.append(word.span())
            continue
        url = _URL_START.search(token)
        if url is not None:
            spans.append((word.start() + url.start(), word.end()))
    return spans


def find_numerals(
    text: str,
    *,
    hedges: Mapping[str, str],
    names: Sequence[tuple[int, int]] = (),
    versions: frozenset[str] = frozenset(),
    families: frozenset[str] = frozenset(),
    sentences: Sentences | None = None,
) -> list[Quantity]:
    """Every number written in digits that states a quantity, in text order.

    Args:
        text: The article as read.
        hedges: Hedge words (lower case) and signs to hedge ids
            (:func:`claimtally.articles.quantity.hedge_phrases`).
        names: Spans of names of the vocabulary (their digits are versions).
        versions: Version numbers of the vocabulary's names (``5.5``, ``4.7``).
        families: Lower-case words that precede a version in the vocabulary's names (``opus``).
        sentences: The text's sentences (:class:`~claimtally.articles.quotes.Sentences`), when the
            caller has them already.
    """
    sentences = sentences if sentences is not None else Sentences(text)
    skip = _merge([*names, *blocked_spans(text)])
    starts = [a for a, _ in skip]
    per_mtok: dict[tuple[int, int], bool] = {}  # each sentence searched once: linear in a run-on one
    found: list[Quantity] = []
    consumed = 0
    for match in _NUMBER.finditer(text):
        s, e = match.span()
        at = bisect_right(starts, s) - 1
        if s < consumed or (at >= 0 and s < skip[at][1]):
            continue
        quantity = _read(text, s, e, hedges, versions, families, sentences, per_mtok)
        if quantity is not None:
            found.append(quantity)
            consumed = quantity.end
    return _label_pairs(text, found, sentences)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _read(
    text: str,
    s: int,
    e: int,
    hedges: Mapping[str, str],
    versions: frozenset[str],
    families: frozenset[str],
    sentences: Sentences,
    per_mtok: dict[tuple[int, int], bool],
) -> Quantity | None:
    digits = text[s:e]
    if _not_a_quantity(text, s, e, digits):
        return None
    start, negative, currency = _left(text, s)
    end, scale, unit = _suffix(text, e)
    if end < 0:
        return None
    high, core_end = "", e
    joined = _range(text, end, start, digits, scale, unit)
    if joined is not None:
        end, high, scale, unit, core_end = joined
    plus = end < len(text) and text[end] == "+" and not text[end + 1 : end + 2].isdigit()
    end += 1 if plus else 0  # "40+ servers": at least 40
    if not unit:
        named, unit_end = unit_after(text, end)
        if named == "calendar":
            return None
        if named:
            unit, end = named, unit_end
    if currency:
        unit = _money_unit(text, sentences.at(start), currency, per_mtok)
    bare = not (unit or currency or scale)
    if bare and any(_is_date_or_version(text, s, e, d, versions, families) for d in (digits, high) if d):
        return None
    hedge, hedge_start = hedge_before(text, start, hedges)
    if plus:
        hedge, hedge_start = hedges.get("at least", ""), start
    value = _value_text(digits, scale)
    if value and not high and (negative or negative_around(text, min(start, hedge_start), end)):
        value = value if _is_zero(value) else "-" + value
    return Quantity(
        start=start,
        end=end,
        value=value,
        value_max=_value_text(high, scale) if high and value else "",
        unit=unit,
        hedge=hedge,
        hedge_start=hedge_start if hedge else start,
        exact=unit in ("usd-per-mtok", "gbp-per-mtok", "count"),
        core_start=s,
        core_end=core_end,
    )


def _not_a_quantity(text: str, s: int, e: int, digits: str) -> bool:
    """Names, codes, markers, mentions, dotted versions, times and slashed numbers."""
    before = text[max(0, s - 2) : s]
    after = text[e : e + 2]
    last = before[-1:]
    if last.isalpha() or last in ("_", "#") or (last == "-" and before[:1].isalpha()):
        return True  # GPT-5, GB200, v4, #1
    if last in ("-", "–", ".", "/", ":") and before[:1].isdigit():
        return True  # the second part of a range or date not read as one, 1/8, 10:30
    if last and last in _QUOTES_OPEN and after[:1] and after[:1] in _QUOTES_CLOSE:
        return True  # "the “.5” designation": a mention of the digits, not a quantity
    if last == "[" and after[:1] == "]":
        return True  # a footnote mark
    if len(digits) > 1 and digits[0] == "0" and digits[1] != ".":
        return True  # 04, 007: codes and date parts
    if after[:1] in (".", ":", "/") and after[1:2].isdigit():
        return True  # 5.5.1, 10:30, 24/7
    line_start = text.rfind("\n", 0, s) + 1
    at_line_start = not text[line_start:s].strip()
    return at_line_start and after[:1] in (".", ")") and after[1:2] in (" ", "\t", "") and "." not in digits


def _left(text: str, s: int) -> tuple[int, bool, str]:
    """Where the quantity starts with its currency sign and minus, whether it is negative, the currency."""
    start, negative, currency = s, False, ""
    for _ in range(2):
        ch = text[start - 1 : start]
        if ch in _CURRENCY_UNIT and ch and not currency:
            currency, start = ch, start - 1
            if text[start - 2 : start] == "US":
                start -= 2
        elif ch in ("−", "-", "–", "+") and ch and not negative:
            prior = text[start - 2 : start - 1]
            if prior and (prior.isalnum() or prior in ".,%"):
                break  # a hyphen inside a word or a range, not a sign
            negative = ch != "+"
            start -= 1
        else:
            break
    return start, negative, currency


def _suffix(text: str, e: int) -> tuple[int, str, str]:
    """The end after a scale and a ``%``, ``x`` or ``pp``; the scale (K, M, B, T or ""); that unit.

    Returns an end of -1 when letters glued to the digits make them a name or an ordinal (``5th``).
    """
    end, scale = e, ""
    glued = _SCALE_SUFFIX.match(text, e)
    if glued is not None:
        scale = {"k": "K", "bn": "B"}.get(glued.group(1), glued.group(1))
        end = glued.end()
    elif (word := _SCALE_WORD.match(text, e)) is not None:
        scale = {"thousand": "K", "million": "M", "billion": "B"}.get(word.group(1).lower(), "T")
        end = word.end()
    sign = _SUFFIX_UNIT.match(text, end)
    if sign is not None:
        return sign.end(), scale, _SUFFIX_UNITS[(sign.group(1) or sign.group(2)).lower()]
    if text[end : end + 1].isalpha():
        return -1, "", ""
    return end, scale, ""


def _range(
    text: str, end: int, start: int, low: str, scale: str, unit: str
) -> tuple[int, str, str, str, int] | None:
    """A range such as ``5-10%``, ``17–20%`` or ``$15 to $30``: its end, high digits, scale, unit and
    where the high end's digits end."""
    join = _RANGE_JOIN.match(text, end)
    if join is None or re.search(r"\bfrom[ \t\u00a0]+$", text[max(0, start - 10) : start], re.IGNORECASE):
        return None
    at = join.end() + (1 if text[join.end()] in "$£€" else 0)
    second = _NUMBER.match(text, at)
    if second is None:
        return None
    high, after = second.group(0), text[second.end() : second.end() + 2]
    if (len(high) > 1 and high[0] == "0" and high[1] != ".") or (after[:1] in ".:/" and after[1:2].isdigit()):
        return None  # 2026-04-24, 1-2.3.4: not a range
    high_end, high_scale, high_unit = _suffix(text, second.end())
    if high_end < 0 or (scale and high_scale and scale != high_scale) or (unit and unit != high_unit):
        return None
    if Decimal(high.replace(",", "")) <= Decimal(low.replace(",", "")):
        return None
    return high_end, high, scale or high_scale, unit or high_unit, second.end()


def _money_unit(
    text: str, sentence: tuple[int, int], currency: str, per_mtok: dict[tuple[int, int], bool]
) -> str:
    """``usd`` (or ``gbp``), per million tokens when the sentence says so ("per million tokens", "/M").

    ``per_mtok`` remembers the answer for each sentence already searched.
    """
    base = _CURRENCY_UNIT[currency]
    if not base:
        return ""
    if sentence not in per_mtok:
        per_mtok[sentence] = _PER_MTOK.search(text, *sentence) is not None
    if per_mtok[sentence]:
        return f"{base}-per-mtok"
    return base if base == "usd" else ""


def _is_date_or_version(
    text: str, s: int, e: int, digits: str, versions: frozenset[str], families: frozenset[str]
) -> bool:
    """A bare number that is a year, a day of a month, or a version of the vocabulary's names."""
    if digits in versions:
        return True  # "between 5.4 and 5.5"
    word = re.search(r"([A-Za-z][A-Za-z-]*)[ \t\u00a0]+$", text[max(0, s - 40) : s])
    if word is not None and word.group(1).lower() in families:
        return True  # "Gemini 3"
    if re.fullmatch(r"(19|20)[0-9]{2}", digits):
        return True
    if re.fullmatch(r"[0-9]{1,2}", digits) and 1 <= int(digits) <= 31:
        return bool(_MONTH_BEFORE.search(text[max(0, s - 20) : s]) or _MONTH_AFTER.match(text, e))
    return False


def _value_text(digits: str, scale: str) -> str:
    """The contract's value text for digits as written: no separators, no leading '.', a scale suffix."""
    plain = digits.replace(",", "")
    if plain.startswith("."):
        plain = "0" + plain
    if scale == "T":
        return ""  # the contract has no suffix for a trillion; the reader writes the row
    return plain + scale


def _is_zero(value: str) -> bool:
    return set(value.rstrip("KMB")) <= {"0", "."}


def _label_pairs(text: str, found: list[Quantity], sentences: Sentences) -> list[Quantity]:
    """Give each number of a slash pair the word its label pair gives it: ``$2.50/$15 (input/output)``.

    A later pair in the same sentence with no labels of its own ("to $5.30/$30") takes the same labels.
    """
    out = list(found)
    labels: tuple[str, str] | None = None
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if sentences.index(a.end - 1) != sentences.index(b.first):
            labels = None
        if not _SLASH.fullmatch(text, a.end, b.first):
            continue
        named = _LABELS.match(text, b.end)
        if named is not None:
            labels = (named.group(1).lower(), named.group(2).lower())
        if labels is not None:
            out[i], out[i + 1] = replace(a, label=labels[0]), replace(b, label=labels[1])
    return out
