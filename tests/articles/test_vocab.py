"""The package's vocabulary: entity names and short forms, versions, metric candidates, hedges."""

from __future__ import annotations

import pytest

from builders import BASE, hedge_rows, write_package
from claimtally.articles.vocab import find_mentions, metric_candidates, vocabulary
from claimtally.data.package import read
from claimtally.errors import PackageError

BUNDLED = vocabulary(read())


def _named(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.entity_id) for m in find_mentions(text, BUNDLED)]


def test_full_names_and_short_forms_are_matched() -> None:
    """Names as written, without a parenthesis, without the brand word, without the version."""
    text = "Claude Opus 4.7 and Gemini 3.1 Pro lead; later Opus 4.7, then Claude Opus’s score and Opus alone."
    assert [
        ("Claude Opus 4.7", "claude-opus-4.7"),
        ("Gemini 3.1 Pro", "gemini-3.1-pro"),
        ("Opus 4.7", "claude-opus-4.7"),
        ("Claude Opus", "claude-opus-4.7"),
        ("Opus", "claude-opus-4.7"),
    ] == _named(text)


def test_a_shared_short_form_names_the_entity_named_last() -> None:
    """'Opus' after 'Claude Opus 4.6' is 4.6; before any full name it names no one."""
    assert [("Opus", ""), ("Claude Opus 4.6", "claude-opus-4.6"), ("Opus", "claude-opus-4.6")] == _named(
        "Opus leads. Claude Opus 4.6 was next. Opus again."
    )


def test_a_short_form_before_an_unknown_version_is_not_a_mention() -> None:
    """'GPT-4.5' and 'Opus 4.8' are other models: 'GPT' and 'Opus' do not match inside them."""
    assert [] == _named("GPT-4.5 and Opus 4.8")


def test_longer_names_win_over_their_prefixes() -> None:
    """'GPT-5.5 Pro' is one mention of gpt-5.5-pro."""
    assert [("GPT-5.5 Pro", "gpt-5.5-pro")] == _named("GPT-5.5 Pro")


def test_versions_and_family_words_come_from_the_names() -> None:
    """Decimal versions of model and benchmark names, and the words before them."""
    assert {"5.5", "5.4", "4.7", "3.1", "2.0"} <= BUNDLED.versions
    assert {"opus", "gemini", "gpt", "terminal-bench"} <= BUNDLED.families


def test_hedges_are_the_package_hedge_ids() -> None:
    """Each hedge id is read with spaces for hyphens, and '~' as about."""
    assert "more-than" == BUNDLED.hedges["more than"]
    assert "about" == BUNDLED.hedges["~"]


@pytest.mark.parametrize(
    ("context", "unit", "expected"),
    [
        ("On SWE-Bench Pro, Opus leads at 64.3%", "percent", ["swe-bench-pro"]),
        ("a score of 57 on the Intelligence Index", "", ["aa-intelligence-index"]),
        ("At $1,200 per million tokens", "usd-per-mtok", ["price-per-mtok"]),
        ("a typical 5-10% performance bump", "percent", ["performance-gain"]),
        ("in the race for artificial intelligence", "", []),
        ("the price rose", "usd-per-mtok", []),
    ],
)
def test_metric_candidates_follow_names_and_units(context: str, unit: str, expected: list[str]) -> None:
    """The metric of the unit whose name the words speak of best; generic words alone point nowhere."""
    assert expected == metric_candidates(context, unit, BUNDLED)


def test_a_label_may_name_a_metric_by_one_shared_word() -> None:
    """'input' is in several metric names, but as the label of a price it points at the input price."""
    assert [] == metric_candidates("input", "usd-per-mtok", BUNDLED)
    assert ["price-input"] == metric_candidates("input", "usd-per-mtok", BUNDLED, label=True)


def test_a_table_without_a_needed_column_is_a_package_error(tmp_path) -> None:
    """A hostile descriptor without entities.name is one clear error, not a KeyError."""
    import json

    path = write_package(tmp_path / "pkg", {**BASE, "hedges": hedge_rows()})
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    for res in descriptor["resources"]:
        if res["name"] == "entities":
            res["schema"]["fields"] = [f for f in res["schema"]["fields"] if f["name"] != "name"]
    path = write_package(tmp_path / "pkg2", {**BASE, "hedges": hedge_rows()}, descriptor)
    with pytest.raises(PackageError, match=r"entities.csv: no column 'name'"):
        vocabulary(read(path))
