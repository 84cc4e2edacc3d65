"""The bundled package: valid for frictionless, one version, the article's numbers and quotes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib.metadata import version

import pytest

from builders import ARTICLE, REPO
from claimtally.data.package import load


def test_frictionless_validate_reports_the_package_valid() -> None:
    """`frictionless validate datapackage.json` exits 0 on the bundled package."""
    script = (
        "import sys; from frictionless import validate; sys.exit(0 if validate(sys.argv[1]).valid else 1)"
    )
    result = subprocess.run([sys.executable, "-c", script, str(REPO / "datapackage.json")], check=False)
    assert result.returncode == 0


def test_package_version_is_the_descriptor_version() -> None:
    """The installed distribution's version is datapackage.json's version: one source of truth."""
    descriptor = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    assert version("claimtally") == descriptor["version"]


def test_every_field_has_a_description() -> None:
    """Every resource and every field of every schema is described."""
    descriptor = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    for res in descriptor["resources"]:
        assert res["description"]
        for field in res["schema"]["fields"]:
            assert field.get("description"), (res["name"], field["name"])


@pytest.mark.skipif(not ARTICLE.exists(), reason="../shared/article is absent")
def test_every_article_quote_occurs_verbatim_in_the_article() -> None:
    """Each quote of a value or claim whose source is the article is a substring of its text."""
    text = ARTICLE.read_text(encoding="utf-8")
    pkg = load()
    articles = set(pkg.sources.loc[pkg.sources["kind"] == "article", "source_id"])
    for table in (pkg.values, pkg.claims):
        for source_id, quote in zip(table["source_id"], table["quote"], strict=True):
            if source_id in articles:
                assert quote in text, quote


#: Every quantity the article writes in digits, in reading order, with the value rows that record it.
#: (One "57" stated of three models is three rows; "60 versus 57" repeats 60 and the three 57s.)
ARTICLE_NUMBERS: list[tuple[str, list[str]]] = [
    ("5-10%", ["art_typical_gain"]),
    ("57", ["art_aa_opus47", "art_aa_gemini31", "art_aa_gpt54"]),
    ("60", ["art_aa_gpt55"]),
    ("82.7%", ["art_tb2_gpt55"]),
    ("69%", ["art_tb2_opus47"]),
    ("84.9%", ["art_gdpval_gpt55"]),
    ("60", ["art_aa_gpt55_2"]),
    ("57", ["art_aa_opus47_2", "art_aa_gemini31_2", "art_aa_gpt54_2"]),
    ("64.3%", ["art_swepro_opus47"]),
    ("58.6%", ["art_swepro_gpt55"]),
    ("77.3%", ["art_mcp_opus47"]),
    ("75.3%", ["art_mcp_gpt55"]),
    ("92.6%", ["art_mmmlu_gemini31"]),
    ("83.2%", ["art_mmmlu_gpt55"]),
    ("$2.50", ["art_price_in_gpt54"]),
    ("$15", ["art_price_out_gpt54"]),
    ("$5.30", ["art_price_in_gpt55"]),
    ("$30", ["art_price_out_gpt55"]),
    ("40%", ["art_tokens_change_gpt55"]),
    ("20%", ["art_net_cost_change_gpt55"]),
    ("$1,200", ["art_cost_gpt55"]),
    ("$900", ["art_cost_gemini31"]),
    ("$4,800", ["art_cost_opus47"]),
    ("20", ["art_speed_gain_gpt55"]),
    ("20", ["art_speed_gain_gpt55_2"]),
    ("20%", ["art_price_premium_gpt55"]),
]
#: Quantities the article writes in words.
ARTICLE_WORDS = {"three-point": "art_aa_lead_gpt55"}
#: Digits that name a model, a version or hardware, not a quantity: what precedes them.
VERSION_CONTEXT = re.compile(r"(GPT-|Opus |Gemini |GB|Bench |Why |through |between |and |“\.)$")
NUMBER = re.compile(r"\$?\d[\d,]*(?:\.\d+)?(?:-\d+)?%?")


@pytest.mark.skipif(not ARTICLE.exists(), reason="../shared/article is absent")
def test_every_number_of_the_article_is_recorded() -> None:
    """Scanning the article finds exactly the listed quantities, and each maps to its value rows."""
    text = ARTICLE.read_text(encoding="utf-8")
    found = [
        m.group().rstrip(",")
        for m in NUMBER.finditer(text)
        if not VERSION_CONTEXT.search(text[max(0, m.start() - 8) : m.start()])
    ]
    assert [n for n, _ in ARTICLE_NUMBERS] == found
    values = load().values.set_index("value_id")
    for written, value_ids in ARTICLE_NUMBERS:
        digits = written.replace("$", "").replace("%", "").replace(",", "").split("-")[0]
        for value_id in value_ids:
            row = values.loc[value_id]
            assert row["source_id"] == "gpt55-retrain-article"
            assert row["value"].lstrip("-") == digits, value_id
            assert written.rstrip("%").lstrip("$") in row["quote"], value_id
    for words, value_id in ARTICLE_WORDS.items():
        assert words in values.loc[value_id, "quote"]


def test_descriptor_hashes_and_bytes_describe_the_files() -> None:
    """Each resource's sha256 hash and byte count in datapackage.json match its file."""
    from claimtally.data.hashing import file_sha256

    descriptor = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    for res in descriptor["resources"]:
        file = REPO / res["path"]
        assert f"sha256:{file_sha256(file)}" == res["hash"], f"{res['path']}: run claimtally stamp"
        assert file.stat().st_size == res["bytes"]


def test_changelog_entry_of_this_version_states_the_real_counts() -> None:
    """The CHANGELOG section of the package version gives the row counts the data has."""
    descriptor = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    section = changelog.split(f"## [{descriptor['version']}]")[1].split("\n## ")[0]
    pkg = load()
    for table in ("sources", "entities", "metrics", "hedges", "values", "claims"):
        assert f"{len(pkg.tables[table])} {table}" in section, table


def test_citation_names_the_package_version() -> None:
    """CITATION.cff cites the version in datapackage.json."""
    descriptor = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    citation = (REPO / "CITATION.cff").read_text(encoding="utf-8")
    assert f'version: "{descriptor["version"]}"' in citation
