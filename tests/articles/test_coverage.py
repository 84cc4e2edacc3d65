"""coverage: which quantities of an article a source's rows record, and the share."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from builders import ARTICLE, claim, value
from claimtally.articles.coverage import Coverage, coverage, locate, render_coverage
from claimtally.articles.vocab import vocabulary
from claimtally.data.package import read
from claimtally.errors import ClaimtallyError


def _cover(make_package, text: str, values=(), claims=(), source: str = "art") -> Coverage:
    pkg = read(make_package(values=values, claims=claims))
    return coverage(text, pkg, source, vocabulary(pkg))


def _states(cov: Coverage) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(i.written, i.how, i.recorded_by) for i in cov.items]


def test_a_value_row_records_the_number_its_quote_covers(make_package) -> None:
    """Same value text, quote standing where the number is: recorded by that row."""
    text = "Model New scores 82.7% on A benchmark. Model Old scores 69%."
    cov = _cover(make_package, text, [value("a", "82.7", quote="scores 82.7% on A benchmark")])
    assert [("82.7%", "value", ("a",)), ("69%", "", ())] == _states(cov)
    assert Decimal("50.0") == cov.percent


def test_the_same_digits_quoted_elsewhere_do_not_count(make_package) -> None:
    """A row whose quote stands at another 20% records that one, not this one."""
    text = "Speed rose 20%. Price rose 20%."
    cov = _cover(make_package, text, [value("a", "20", quote="Speed rose 20%")])
    assert ["value", ""] == [i.how for i in cov.items]


def test_digits_as_written_must_match(make_package) -> None:
    """5.30 and 5.3 are different statements."""
    cov = _cover(make_package, "It costs $5.30 now.", [value("a", "5.3", quote="It costs $5.30")])
    assert "" == cov.items[0].how


def test_the_sign_is_a_reading_and_does_not_decide(make_package) -> None:
    """A curator's -40 records '40% fewer' and a plain 40% alike."""
    cov = _cover(make_package, "It uses 40% less.", [value("a", "-40", quote="It uses 40% less")])
    assert "value" == cov.items[0].how


def test_a_range_needs_both_ends(make_package) -> None:
    """5-10% is recorded by value 5 with value_max 10, not by a plain 5."""
    text = "Releases gain 5-10%."
    assert "" == _cover(make_package, text, [value("a", "5", quote="gain 5-10%")]).items[0].how
    both = value("a", "5", value_max="10", quote="gain 5-10%")
    assert "value" == _cover(make_package, text, [both]).items[0].how


def test_a_multiplier_is_recorded_by_a_claim_literal(make_package) -> None:
    """'doubled' is a relation: a claim quoting it with the literal 2 records it."""
    text = "The input price has doubled since then."
    c = claim("dbl", "a / b == 2", quote="The input price has doubled")
    assert [("doubled", "claim", ("dbl",))] == _states(_cover(make_package, text, claims=[c]))


def test_a_fraction_matches_a_quotient_literal(make_package) -> None:
    """'a quarter of' is 0.25, and 1 / 4 in an expression is that literal."""
    text = "A quarter of the tasks are new."
    c = claim("q", "a == 1 / 4", quote="A quarter of the tasks are new")
    assert "claim" == _cover(make_package, text, claims=[c]).items[0].how


def test_a_restatement_is_recorded_only_by_a_row_that_quotes_it(make_package) -> None:
    """A heading 'Doubled Costs' over the claim is not recorded by that claim, only by one quoting it."""
    text = "Doubled Costs\nThe input price of Model New has doubled."
    c = claim("dbl", "a / b == 2", quote="The input price of Model New has doubled")
    assert [("Doubled", "", ()), ("doubled", "claim", ("dbl",))] == _states(
        _cover(make_package, text, claims=[c])
    )
    heading = claim("dbl_heading", "a / b == 2", quote="Doubled Costs")
    assert [("Doubled", "claim", ("dbl_heading",)), ("doubled", "claim", ("dbl",))] == _states(
        _cover(make_package, text, claims=[c, heading])
    )


def test_rows_of_other_sources_do_not_count(make_package) -> None:
    """Only the named source's rows record its article."""
    rows = [value("a", "57", source_id="vend", quote="scores 57")]
    assert "" == _cover(make_package, "It scores 57.", rows).items[0].how


def test_rows_not_found_and_quotes_not_in_the_article_are_listed(make_package) -> None:
    """A row extract did not match, and a row whose quote is not in the text, are named."""
    rows = [value("a", "57", quote="scores 57"), value("b", "9", quote="a quote from elsewhere")]
    cov = _cover(make_package, "It scores 57.", rows)
    assert ("b",) == cov.rows_not_found
    assert ("b",) == cov.rows_not_in_article


def test_quotes_are_found_across_different_whitespace() -> None:
    """Text read from HTML may break lines where the quote has a space."""
    assert [(3, 13)] == locate("scores 57%", "It scores\n57%.")
    assert [(0, 2), (3, 5)] == locate("ab", "ab ab")
    assert [] == locate("   ", "any")


def test_the_share_is_rounded_down_and_the_minimum_is_exact(make_package) -> None:
    """2 of 3 shows 66.6% and does not meet 66.7; an article with no quantity is 100%."""
    text = "A 1%. B 2%. C 3%."
    rows = [value("a", "1", quote="A 1%"), value("b", "2", quote="B 2%")]
    cov = _cover(make_package, text, rows)
    assert Decimal("66.6") == cov.percent
    assert cov.meets(Decimal("66.6")) and not cov.meets(Decimal("66.7"))
    empty = _cover(make_package, "No numbers here.")
    assert Decimal("100.0") == empty.percent and empty.meets(Decimal(100))


def test_an_unknown_source_is_an_error_with_a_suggestion(make_package) -> None:
    """A misspelled source id says what it may have meant."""
    pkg = read(make_package())
    with pytest.raises(ClaimtallyError, match=r"no source 'artt' in data/sources.csv; did you mean art\?"):
        coverage("57%", pkg, "artt", vocabulary(pkg))


def test_text_and_json_reports(make_package) -> None:
    """Text names each quantity and its row; JSON has the counts, share and items."""
    cov = _cover(make_package, "It scores 57%. And 3%.", [value("a", "57", quote="It scores 57%")])
    text = render_coverage(cov, "text", Decimal(100))
    assert "1 of 2 quantities recorded by source art (50.0%, minimum 100%)" in text
    assert "value: a" in text and "NOT RECORDED" in text and "quote: And 3%." in text
    data = json.loads(render_coverage(cov, "json", Decimal(100)))
    assert (2, 1, "50.0", False) == (data["quantities"], data["recorded"], data["percent"], data["meets_min"])
    assert {"line", "column", "text", "value", "unit", "quote", "recorded_by", "match"} <= set(
        data["items"][0]
    )
    with pytest.raises(ClaimtallyError, match="unknown format"):
        render_coverage(cov, "xml", Decimal(100))


@pytest.mark.skipif(not ARTICLE.exists(), reason="../shared/article is absent")
def test_the_bundled_article_is_fully_covered_by_its_source() -> None:
    """Every quantity extract finds in the article is recorded by the article's rows: 100%."""
    pkg = read()
    cov = coverage(ARTICLE.read_text(encoding="utf-8"), pkg, "gpt55-retrain-article", vocabulary(pkg))
    assert [] == [(i.line, i.written) for i in cov.items if not i.how]
    assert Decimal("100.0") == cov.percent
    assert () == cov.rows_not_found and () == cov.rows_not_in_article
    assert 30 == len(cov.items)
