"""Numbers written in digits: what is a quantity, and the value text it is."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtally.arith.stated import parse_value
from claimtally.articles.numerals import blocked_spans, find_numerals
from claimtally.articles.quantity import hedge_phrases

HEDGES = hedge_phrases(
    ["about", "approximately", "around", "nearly", "over", "more-than", "at-least", "up-to"]
)


def _read(text: str, **vocab: object) -> list[tuple[str, str, str, str, str]]:
    found = find_numerals(text, hedges=HEDGES, **vocab)  # type: ignore[arg-type]
    return [(text[q.first : q.end], q.value, q.value_max, q.unit, q.hedge) for q in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It scores 82.7% on it", [("82.7%", "82.7", "", "percent", "")]),
        ("costs $5.30 now", [("$5.30", "5.30", "", "usd", "")]),
        ("At $1,200 per million tokens", [("$1,200", "1200", "", "usd-per-mtok", "")]),
        ("a 1M-token context", [("1M-token", "1M", "", "tokens", "")]),
        ("1 million tokens", [("1 million tokens", "1M", "", "tokens", "")]),
        ("2.5 billion parameters", [("2.5 billion parameters", "2.5B", "", "count", "")]),
        ("a 64k window", [("64k", "64K", "", "", "")]),
        ("gained 5-10% a year", [("5-10%", "5", "10", "percent", "")]),
        ("gained 17–20%", [("17–20%", "17", "20", "percent", "")]),
        ("from $15 to $30", [("$15", "15", "", "usd", ""), ("$30", "30", "", "usd", "")]),
        ("between $15 to $30", [("$15 to $30", "15", "30", "usd", "")]),
        ("a change of −4.4 points", [("−4.4 points", "-4.4", "", "points", "")]),
        ("+8.1pp over it", [("+8.1pp", "8.1", "", "points", "")]),
        ("approximately 40% fewer tokens", [("approximately 40%", "-40", "", "percent", "approximately")]),
        ("drops to around 20%", [("around 20%", "20", "", "percent", "around")]),
        ("~72% of", [("~72%", "72", "", "percent", "about")]),
        ("40+ servers", [("40+ servers", "40", "", "count", "at-least")]),
        ("3x faster", [("3x", "3", "", "ratio", "")]),
        ("20 percent faster", [("20 percent", "20", "", "percent", "")]),
        ("a .5 point gain", [(".5 point", "0.5", "", "points", "")]),
        ("a score of 57 on it", [("57", "57", "", "", "")]),
        ("£3 per million tokens", [("£3", "3", "", "gbp-per-mtok", "")]),
        ("£3 each", [("£3", "3", "", "", "")]),
    ],
)
def test_quantities_and_their_value_text(text: str, expected: list[tuple[str, ...]]) -> None:
    """Digits become contract value text: no $, %, separators; ASCII minus; K/M/B; falls negative."""
    assert expected == _read(text)


@pytest.mark.parametrize(
    "text",
    [
        "GPT-5 and GB200 and v4.1 and Qwen3",
        "the 5th and 3D and 4o",
        "released in 2026",
        "on April 24, 2026",
        "on 12 March",
        "dated 2026-04-24",
        "at 10:30",
        "the 1990s",
        "24/7 and 1/8",
        "version 5.5.1",
        "the “.5” designation",
        'the "57" label',
        "see note [3]",
        "code 007",
        "ranked #1",
        "for the next 6 months",
        "a 10-day trial",
        "https://example.org/p=7263 and a@b.co",
        "1. first item\n2) second",
    ],
)
def test_names_dates_markers_and_mentions_are_not_quantities(text: str) -> None:
    """Versions, dates, times, ordinals, list numbers, quoted mentions and URLs are left out."""
    assert [] == _read(text)


def test_vocabulary_names_and_versions_are_left_out() -> None:
    """Digits inside a name span, a bare version of a name, and a number after a family word."""
    text = "Claude Opus 4.7 beats 5.4 and Gemini 3 at 57%"
    names = [(0, 15)]
    assert [("57%", "57", "", "percent", "")] == _read(
        text, names=names, versions=frozenset({"4.7", "5.4"}), families=frozenset({"gemini"})
    )


def test_a_version_with_a_unit_is_a_quantity() -> None:
    """5.4 is a version when bare, a quantity when it has a unit."""
    assert [("5.4%", "5.4", "", "percent", "")] == _read("up 5.4%", versions=frozenset({"5.4"}))


def test_slash_pairs_take_the_labels_that_follow_them() -> None:
    """'$2.50/$15 (input/output) to $5.30/$30': the labels name the first and second of each pair."""
    text = "from $2.50/$15 (input/output) to $5.30/$30. Then $1/$2."
    labels = [q.label for q in find_numerals(text, hedges=HEDGES)]
    assert ["input", "output", "input", "output", "", ""] == labels


def test_the_core_span_is_the_digits() -> None:
    """core covers the digits (both ends of a range), not the currency or the unit word."""
    text = "about $5-10 per task"
    (q,) = find_numerals(text, hedges=HEDGES)
    assert "5-10" == text[q.core[0] : q.core[1]]
    assert "about $5-10" == text[q.first : q.end]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('0123456789.,-–−+$£%~xKkMB /:()“”"[]#\nabcs')), max_size=40))
def test_every_value_is_valid_value_text(text: str) -> None:
    """Whatever the digits and signs around them, a value found parses as contract value text."""
    for q in find_numerals(text, hedges=HEDGES):
        assert 0 <= q.first <= q.start < q.end <= len(text)
        for cell in (q.value, q.value_max):
            if cell:
                parse_value(cell)


# The single pattern the blocked spans were once found with: right, but quadratic on a long run.
_ONE_PATTERN = re.compile(r"(?:https?://|ftp://|www\.)\S+|\S+@\S+\.\S+", re.IGNORECASE)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1.@/: \nHTtpsfw:W")), max_size=40))
def test_blocked_spans_are_those_of_the_single_pattern(text: str) -> None:
    assert blocked_spans(text) == [m.span() for m in _ONE_PATTERN.finditer(text)]


@pytest.mark.parametrize(
    ("text", "blocked"),
    [
        ("mail me at a.b@example.com today", ["a.b@example.com"]),
        ("see https://example.com/5.5 and www.x.org/1", ["https://example.com/5.5", "www.x.org/1"]),
        ("(https://x.io/2)", ["https://x.io/2)"]),
        ("@handle and a@b and a@b. and 5.5@", []),
    ],
)
def test_urls_and_mail_addresses_are_blocked(text: str, blocked: list[str]) -> None:
    assert [text[a:b] for a, b in blocked_spans(text)] == blocked
