"""Rule integrity: empty quotes, keys, dates in order, unreadable and unused values."""

from __future__ import annotations

import claimtally
from builders import claim, value


def _findings(make_package, values=(), claims=(), **tables) -> list[claimtally.Finding]:
    path = make_package(values=values, claims=claims, **tables)
    return list(claimtally.check(path, rules=["integrity"]).findings)


def test_a_blank_quote_is_an_error(make_package) -> None:
    """A quote of spaces states nothing."""
    findings = _findings(make_package, [value("a", "1", quote="   ")], [claim("c", "a == 1")])
    assert [("error", "quote")] == [(f.severity, f.column) for f in findings]


def test_duplicate_ids_and_dangling_keys_are_errors(make_package) -> None:
    """A repeated value_id and an unknown entity are both reported, not just the first."""
    values = [value("a", "1"), value("a", "2"), value("b", "3", entity_id="ghost")]
    findings = _findings(make_package, values, [claim("c", "a == b")])
    assert {("value_id", 3), ("entity_id", 4)} == {
        (f.column, f.row) for f in findings if f.severity == "error"
    }


def test_as_of_after_publication_is_an_error(make_package) -> None:
    """A number cannot describe a date after its page was published."""
    sources = [
        {
            "source_id": "old",
            "title": "Old",
            "url": "https://example.org/o",
            "publisher": "P",
            "kind": "secondary",
            "published": "2026-04",
        }
    ]
    values = [
        value("a", "1", source_id="old", as_of="2026-05-02"),
        value("b", "1", source_id="old", as_of="2026-04-30"),
    ]
    findings = _findings(make_package, values, [claim("c", "a == b")], sources=sources)
    assert [("a", "as_of")] == [(f.value_id, f.column) for f in findings]


def test_a_value_no_claim_uses_and_no_source_compares_is_info(make_package) -> None:
    """Recording every number is the point, so an unused value is info, not an error."""
    findings = _findings(
        make_package, [value("a", "1"), value("b", "2", entity_id="m-old")], [claim("c", "a == 1")]
    )
    assert [("b", "info")] == [(f.value_id, f.severity) for f in findings]


def test_an_unreadable_value_is_an_error(make_package) -> None:
    """A value with a hedge the hedges table lacks cannot be read."""
    findings = _findings(make_package, [value("a", "1", hedge="kinda")], [claim("c", "a == 1")])
    assert any(f.value_id == "a" and "hedge 'kinda'" in f.message for f in findings)
