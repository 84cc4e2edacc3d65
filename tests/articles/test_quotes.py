"""Sentences and short quotes: exact substrings around a quantity."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtally.articles.quotes import MAX_QUOTE, Sentences, quote_span


def _quote(text: str, word: str) -> str:
    start = text.index(word)
    a, b = quote_span(Sentences(text), start, start + len(word))
    return text[a:b]


def test_sentences_end_at_stops_and_line_breaks_not_at_decimals() -> None:
    """82.7, e.g. and U.S. do not end a sentence; '. ' and a line break do."""
    text = "It scores 82.7% e.g. in the U.S. market. Next one.\nA heading\nLast"
    sentences = Sentences(text)
    spans = [text[a:b] for a, b in (sentences.at(text.index(w)) for w in ("82.7", "Next", "heading", "Last"))]
    assert ["It scores 82.7% e.g. in the U.S. market.", "Next one.", "A heading", "Last"] == spans


def test_a_short_sentence_is_the_quote() -> None:
    """Under the minimum length the whole sentence is quoted, trailing stop included."""
    assert "It costs $5.30." == _quote("Intro. It costs $5.30. Outro.", "$5.30")


def test_a_long_sentence_is_cut_to_the_clauses_around_the_quantity() -> None:
    """Clauses are added until the quote is long enough, then it stops."""
    text = (
        "On Terminal-Bench 2.0, it achieves 82.7% accuracy compared to Claude Opus’s 69%—a gap that "
        "suggests OpenAI has made meaningful progress in complex, multi-step reasoning tasks."
    )
    assert "On Terminal-Bench 2.0, it achieves 82.7% accuracy compared to Claude Opus’s 69%" == _quote(
        text, "82.7%"
    )


def test_a_very_long_clause_is_cut_at_words_around_the_quantity() -> None:
    """No quote is longer than MAX_QUOTE; it still holds the quantity."""
    text = "word " * 100 + "57% " + "word " * 100
    quote = _quote(text, "57%")
    assert "57%" in quote and len(quote) <= MAX_QUOTE
    assert quote in text


def test_the_quote_never_loses_the_quantity_to_trimming() -> None:
    """A leading minus is part of the number, not a dash to trim."""
    assert "-4.4 points, said the page" == _quote("-4.4 points, said the page", "-4.4")


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab .,;:—–-()!?\n")), max_size=200),
    st.integers(min_value=0, max_value=199),
    st.integers(min_value=1, max_value=5),
)
def test_every_quote_is_an_exact_substring_holding_its_words(text: str, at: int, width: int) -> None:
    """Whatever the punctuation, the quote is a span of the text that contains the quantity's span."""
    if not text:
        return
    first = min(at, len(text) - 1)
    end = min(len(text), first + width)
    a, b = quote_span(Sentences(text), first, end)
    assert 0 <= a <= first and end <= b <= len(text)
