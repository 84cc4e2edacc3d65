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


def _changed() -> dict[str, list[dict[str, str]]]:
    """The basic scenario one version later: a corrected price, a new value, a dropped claim."""
    tables = {name: [dict(r) for r in rows] for name, rows in BASIC.items()}
    for row in tables["values"]:
        if row["value_id"] == "art_in_new":
            row.update(value="5.00", quote="input rose to $5.00")
    tables["values"].append(value("ind_score_old", "75.1", source_id="ind", entity_id="m-old", quote="75.1%"))
    for row in tables["claims"]:
        if row["claim_id"] == "doubled_input":
            row["expect"] = "holds"
    tables["claims"] = [r for r in tables["claims"] if r["claim_id"] != "fewer_tokens"]
    return tables


if __name__ == "__main__":
    write_package(HERE / "basic", BASIC)
    write_package(HERE / "diff-old", BASIC)
    write_package(HERE / "diff-new", _changed())
