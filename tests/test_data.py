"""The bundled data itself: quotes backed by the evidence, URLs, coverage of the article's numbers."""

from __future__ import annotations

import json

import pytest

from builders import EVIDENCE
from claimtally.data.package import load
from claimtally.rules.context import comparable

PKG = load()
ARTICLE_ID = "gpt55-retrain-article"
#: Article numbers about a score or price with no vendor or independent page in the evidence: each is
#: held only against secondary relays (see the sources' notes and the CHANGELOG).
NO_PRIMARY_IN_EVIDENCE = {
    "art_tb2_opus47": "OpenAI's table (69.4) is stored only in relays",
    "art_gdpval_gpt55": "OpenAI's GDPval table is stored only in relays",
    "art_swepro_opus47": "Anthropic's table is stored only in relays",
    "art_swepro_gpt55": "OpenAI's table is stored only in relays",
    "art_mcp_opus47": "Anthropic's table is stored only in relays",
    "art_mcp_gpt55": "OpenAI's table is stored only in relays",
    "art_mmmlu_gemini31": "one relay (llm-boss) is the only source",
    "art_mmmlu_gpt55": "one relay (llm-boss) is the only source",
    "art_price_in_gpt54": "OpenAI's pricing page is stored only in relays and price lists",
    "art_price_out_gpt54": "OpenAI's pricing page is stored only in relays and price lists",
    "art_cost_gpt55": "no source states $1,200; the figure is the point of a units finding",
    "art_cost_gemini31": "no source states $900 as a per-token price",
    "art_cost_opus47": "no source states $4,800 as a per-token price",
}
SCORE_OR_PRICE_UNITS = ("percent", "points", "usd-per-mtok")


def _rows(table: str) -> list[dict[str, str]]:
    return PKG.tables[table].to_dict(orient="records")  # type: ignore[return-value]


def test_no_quote_is_empty() -> None:
    """Every value and claim carries the exact words that state it."""
    for table in ("values", "claims"):
        assert all(q.strip() for q in PKG.tables[table]["quote"]), table


def test_every_url_is_absolute_http_or_https() -> None:
    """Each source has an absolute web address."""
    assert all(u.startswith(("https://", "http://")) and " " not in u for u in PKG.sources["url"])


def test_every_source_is_used_by_a_value() -> None:
    """No source row stands alone."""
    assert set(PKG.sources["source_id"]) == set(PKG.values["source_id"])


def test_ids_are_unique() -> None:
    """value_id, claim_id and source_id are unique."""
    for table, key in (("values", "value_id"), ("claims", "claim_id"), ("sources", "source_id")):
        assert PKG.tables[table][key].is_unique, table


def test_the_evidence_base_is_broad() -> None:
    """At least 120 values from at least 40 sources besides the article."""
    others = PKG.values[PKG.values["source_id"] != ARTICLE_ID]
    assert len(others) >= 120
    assert others["source_id"].nunique() >= 40


@pytest.mark.skipif(not EVIDENCE.exists(), reason="../shared/evidence is absent")
def test_every_quote_of_another_source_is_in_the_evidence() -> None:
    """Nothing is invented: each non-article quote is inside an evidence record's quote with the same URL."""
    records = json.loads(EVIDENCE.read_text(encoding="utf-8"))
    by_url: dict[str, list[str]] = {}
    for record in records:
        by_url.setdefault(record["url"], []).append(record["quote"])
    urls = dict(zip(PKG.sources["source_id"], PKG.sources["url"], strict=True))
    for table in ("values", "claims"):
        for row in _rows(table):
            if row["source_id"] == ARTICLE_ID:
                continue
            quotes = by_url.get(urls[row["source_id"]], [])
            assert any(row["quote"] in q for q in quotes), (table, row["quote"])


def test_every_article_score_and_price_has_a_source_beside_it() -> None:
    """Each article benchmark score or price is compared with a vendor or independent value, or is a
    listed gap of the evidence; every one has at least one other source where the evidence has it."""
    units = dict(zip(PKG.metrics["metric_id"], PKG.metrics["unit"], strict=True))
    kinds = dict(zip(PKG.sources["source_id"], PKG.sources["kind"], strict=True))
    models = set(PKG.entities.loc[PKG.entities["kind"] == "model", "entity_id"])
    values = _rows("values")
    for row in values:
        if row["source_id"] != ARTICLE_ID or units[row["metric_id"]] not in SCORE_OR_PRICE_UNITS:
            continue
        if row["entity_id"] not in models or row["metric_id"].endswith(("-change", "-gain")):
            continue  # changes and gains are not scores or prices
        if row["baseline_entity_id"]:
            continue
        peers = [o for o in values if comparable(row, o)]
        primary = [o for o in peers if kinds[o["source_id"]] in ("vendor", "independent")]
        if row["value_id"] in NO_PRIMARY_IN_EVIDENCE:
            assert not primary, f"{row['value_id']} now has a primary source: drop it from the list"
            if not row["value_id"].startswith("art_cost_gpt55"):
                assert peers, row["value_id"]
        else:
            assert primary, row["value_id"]


#: Number words the data records as digits (contract §3: number words are exact).
WORDS = {"3": "three", "0.25": "a quarter"}


def test_every_value_is_written_in_its_quote() -> None:
    """A value's digits appear in its quote, or its quote writes it as a fraction of 1 (a mirror's
    0.7583 recorded as 75.83 percent) or as a number word."""
    from decimal import Decimal

    for row in _rows("values"):
        quote = row["quote"].replace(",", "")
        digits = row["value"].lstrip("-").rstrip("KMB")
        fraction = format(Decimal(digits) / 100, "f")
        assert digits in quote or fraction in quote or WORDS.get(digits, "\0") in quote, (
            f"{row['value_id']}: {row['value']} not in {row['quote']!r}"
        )
