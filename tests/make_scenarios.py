"""Write the small scenario packages under tests/scenarios (run by hand when they should change)."""

from __future__ import annotations

from pathlib import Path

from builders import BASE, claim, hedge_rows, value, write_package

HERE = Path(__file__).parent / "scenarios"

BASIC = {
    **BASE,
    "hedges": hedge_rows(),
    "values": [
        value("art_in_new", "5.30", metric_id="price-input", exact="true", quote="input rose to $5.30"),
        value(
            "art_in_old", "2.50", metric_id="price-input", exact="true", entity_id="m-old", quote="from $2.50"
        ),
        value(
            "ven_in_new",
            "5.00",
            metric_id="price-input",
            exact="true",
            source_id="vend",
            quote="$5.00 per million input tokens",
        ),
        value("art_score_new", "82.7", quote="scores 82.7%"),
        value("ind_score_new", "82.0", source_id="ind", setting="codex", quote="82.0%"),
        value(
            "art_tokens",
            "-40",
            metric_id="bench",
            baseline_entity_id="m-old",
            hedge="approximately",
            quote="approximately 40% fewer",
        ),
    ],
    "claims": [
        claim(
            "doubled_input",
            "art_in_new / art_in_old == 2",
            expect="fails",
            topic="pricing",
            quote="the input price doubled",
        ),
        claim(
            "doubled_vendor",
            "ven_in_new / art_in_old == 2",
            expect="holds",
            topic="pricing",
            quote="the input price doubled",
        ),
        claim("fewer_tokens", "art_tokens == -41.5", topic="tokens", quote="approximately 40% fewer"),
        claim("draft_lead", "art_score_new > ind_score_new + 0.7", topic="benchmarks", quote="a lead of 0.7"),
    ],
}

if __name__ == "__main__":
    write_package(HERE / "basic", BASIC)
