"""Quantities written as words: number words before a unit, multipliers and fractions."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtally.arith.stated import parse_value
from claimtally.articles.numberwords import NUMBER_WORDS, find_number_words
from claimtally.articles.quantity import hedge_phrases

HEDGES = hedge_phrases(["about", "nearly", "more-than", "roughly"])


def _read(text: str) -> list[tuple[str, str, str, str, str]]:
    return [
        (text[q.first : q.end], q.value, q.unit, q.kind, q.hedge)
        for q in find_number_words(text, hedges=HEDGES)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a tangible three-point lead", [("three-point", "3", "points", "word", "")]),
        ("Two percent of it", [("Two percent", "2", "percent", "word", "")]),
        ("twenty-five tasks", [("twenty-five tasks", "25", "count", "word", "")]),
        ("three times faster", [("three times", "3", "ratio", "relation", "")]),
        ("a threefold rise", [("threefold", "3", "ratio", "relation", "")]),
        ("The price has doubled", [("doubled", "2", "ratio", "relation", "")]),
        ("Doubled Costs", [("Doubled", "2", "ratio", "relation", "")]),
        (
            "it tripled, then halved",
            [("tripled", "3", "ratio", "relation", ""), ("halved", "0.5", "ratio", "relation", "")],
        ),
        ("costs twice as much", [("twice", "2", "ratio", "relation", "")]),
        ("double the price", [("double", "2", "ratio", "relation", "")]),
        ("nearly doubled", [("nearly doubled", "2", "ratio", "relation", "nearly")]),
        ("half the price", [("half", "0.5", "ratio", "word", "")]),
        ("a quarter of the tasks", [("a quarter", "0.25", "ratio", "word", "")]),
        ("three quarters of them", [("three quarters", "0.75", "ratio", "word", "")]),
        ("roughly a tenth of it", [("roughly a tenth", "0.1", "ratio", "word", "roughly")]),
        ("one in eight answers", [("one in eight", "0.125", "ratio", "word", "")]),
    ],
)
def test_number_words_and_their_values(text: str, expected: list[tuple[str, ...]]) -> None:
    """Number words become digits and read as exact; multipliers are relations."""
    assert expected == _read(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Three-Way Tie Is Broken",
        "One of the most fascinating",
        "for the Next Six Months",
        "in the second half of the year",
        "a double-digit gain",
        "one in three cases",
        "a third of them",
    ],
)
def test_words_that_count_nothing_measured_are_left_out(text: str) -> None:
    """No unit after the word, a calendar span, 'second half', or a fraction that does not terminate."""
    assert [] == _read(text)


def test_words_inside_names_are_left_out() -> None:
    """A number word inside a vocabulary name is part of the name."""
    text = "Model Three percent"
    assert [] == list(find_number_words(text, hedges=HEDGES, names=[(0, 11)]))


def test_every_number_word_has_its_value() -> None:
    """One to nineteen, the tens and their compounds."""
    assert 1 == NUMBER_WORDS["one"]
    assert 19 == NUMBER_WORDS["nineteen"]
    assert 99 == NUMBER_WORDS["ninety-nine"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "three",
                "-point",
                " percent",
                "doubled",
                "half",
                " the",
                " a quarter of",
                "one in eight",
                " ",
                "x",
                "\n",
            ]
        ),
        max_size=12,
    )
)
def test_word_quantities_never_overlap_and_parse(parts: list[str]) -> None:
    """Quantities are in order, do not overlap, and their values are value text."""
    text = "".join(parts)
    found = find_number_words(text, hedges=HEDGES)
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start
    for q in found:
        parse_value(q.value)
