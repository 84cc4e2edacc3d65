"""The words around a number: its unit, its hedge and whether it is a fall."""

from __future__ import annotations

import pytest

from claimtally.articles.quantity import Quantity, hedge_before, hedge_phrases, negative_around, unit_after

HEDGES = hedge_phrases(["about", "approximately", "nearly", "over", "more-than", "at-least", "up-to"])


@pytest.mark.parametrize(
    ("after", "unit"),
    [
        (" percent of", "percent"),
        ("-percent speed gain", "percent"),
        (" percentage points", "points"),
        ("-point lead", "points"),
        (" tokens per second", "tokens-per-second"),
        ("-token context", "tokens"),
        (" times faster", "ratio"),
        ("-fold", "ratio"),
        (" seconds", "seconds"),
        (" tasks", "count"),
        (" dollars", "usd"),
        (" Elo", "elo"),
        (" apples", ""),
        ("-way tie", ""),
        (" pointless", ""),
    ],
)
def test_unit_after_reads_the_unit_word(after: str, unit: str) -> None:
    """The word after a number (after a space or a hyphen) names the contract's unit, or none."""
    text = "20" + after
    assert unit == unit_after(text, 2)[0]


@pytest.mark.parametrize("after", [" months", "-day", " years", "-year-old", " decades"])
def test_calendar_spans_are_marked(after: str) -> None:
    """A span of calendar time is not a quantity the package measures."""
    assert "calendar" == unit_after("6" + after, 1)[0]


def test_unit_after_returns_where_the_unit_word_ends() -> None:
    """The quantity grows to cover its unit word."""
    assert ("percent", 10) == unit_after("20 percent gain", 2)


@pytest.mark.parametrize(
    ("before", "hedge"),
    [
        ("approximately ", "approximately"),
        ("About ", "about"),
        ("more than ", "more-than"),
        ("at least ", "at-least"),
        ("up to ", "up-to"),
        ("~", "about"),
        ("moreover ", ""),
        ("the ", ""),
    ],
)
def test_hedge_before_maps_words_to_hedge_ids(before: str, hedge: str) -> None:
    """Hedge words are the package's hedge ids with spaces for hyphens; '~' is about."""
    text = before + "40%"
    found, start = hedge_before(text, len(before), HEDGES)
    assert hedge == found
    assert (0 if hedge else len(before)) == start


def test_hedges_the_package_lacks_are_not_read() -> None:
    """Only the package's hedge ids are used: without 'roughly' it is no hedge."""
    assert ("", 8) == hedge_before("roughly 40", 8, HEDGES)


@pytest.mark.parametrize(
    ("text", "negative"),
    [
        ("needs 40% fewer tokens", True),
        ("is 20% cheaper", True),
        ("a 20% price drop", True),
        ("cut by 20%", True),
        ("down 3%", True),
        ("20% or less", False),
        ("20% more", False),
        ("drops to 20%", False),
    ],
)
def test_negative_around_reads_falls(text: str, negative: bool) -> None:
    """Fewer, cheaper, lower, a drop or 'cut by' make a change negative; 'or less' is a bound."""
    start = text.index(next(c for c in text if c.isdigit()))
    end = text.index("%") + 1
    assert negative == negative_around(text, start, end)


def test_a_quantity_starts_at_its_hedge_and_has_a_core() -> None:
    """first covers the hedge; core is the number's own span."""
    q = Quantity(start=6, end=9, value="40", hedge="about", hedge_start=0, core_start=6, core_end=8)
    assert 0 == q.first
    assert (6, 8) == q.core
    assert (6, 9) == Quantity(start=6, end=9, value="40").core
