"""Rule agreement: article values against other sources, setting by setting."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimtally
from builders import BASE, hedge_rows, value, write_package
from claimtally.rules import agreement
from claimtally.rules.context import Context


def _status(path, value_id: str = "a") -> str | None:
    report = claimtally.check(path, rules=["agreement"])
    return next(f.observed for f in report.findings if f.value_id == value_id)


def test_overlap_with_an_independent_source_agrees(make_package) -> None:
    """69 overlaps an independent 69.4."""
    path = make_package(values=[value("a", "69"), value("b", "69.4", source_id="ind")])
    assert "agrees" == _status(path)


def test_overlap_with_only_a_vendor_is_vendor_only(make_package) -> None:
    """69 overlaps the vendor's 69.4 but no independent value."""
    path = make_package(values=[value("a", "69"), value("b", "69.4", source_id="vend")])
    assert "vendor-only" == _status(path)


def test_no_overlap_with_any_source_disagrees_as_a_warning(make_package) -> None:
    """An exact $5.30 against exact $5.00 from two sources disagrees."""
    path = make_package(
        values=[
            value("a", "5.30", metric_id="price-input", exact="true"),
            value("b", "5.00", metric_id="price-input", exact="true", source_id="vend"),
            value("c", "5", metric_id="price-input", exact="true", source_id="ind"),
        ]
    )
    report = claimtally.check(path, rules=["agreement"])
    (finding,) = report.findings
    assert ("disagrees", "warning") == (finding.observed, finding.severity)


def test_no_other_source_is_unsupported(make_package) -> None:
    """A number only the article states is unsupported (info)."""
    path = make_package(values=[value("a", "69")])
    assert "unsupported" == _status(path)


def test_a_value_without_setting_is_compared_with_every_setting(make_package) -> None:
    """60 matches the xhigh 60.2 and is reported as not matching the medium 56.7."""
    path = make_package(
        values=[
            value("a", "60"),
            value("b", "60.2", source_id="ind", setting="xhigh"),
            value("c", "56.7", source_id="ind", setting="medium"),
        ]
    )
    report = claimtally.check(path, rules=["agreement"])
    (finding,) = report.findings
    assert "agrees" == finding.observed
    assert (
        "matches ind (independent, xhigh) 60.2; does not match ind (independent, medium) 56.7"
        in finding.message
    )


def test_values_of_different_settings_are_never_compared(make_package) -> None:
    """An article value at medium is not held against an independent value at xhigh."""
    path = make_package(
        values=[
            value("a", "60", setting="medium"),
            value("b", "60.2", source_id="ind", setting="xhigh"),
        ]
    )
    assert "unsupported" == _status(path)


def test_different_baselines_or_entities_are_not_compared(make_package) -> None:
    """A gap against another model is a different quantity from the model's own score."""
    path = make_package(
        values=[
            value("a", "60"),
            value("b", "60", source_id="ind", entity_id="m-old"),
            value("c", "60", source_id="ind", baseline_entity_id="m-old"),
        ]
    )
    assert "unsupported" == _status(path)


def test_only_article_values_are_judged(make_package) -> None:
    """Values of vendor and independent sources get no agreement finding of their own."""
    path = make_package(values=[value("a", "1", source_id="vend"), value("b", "2", source_id="ind")])
    assert () == claimtally.check(path, rules=["agreement"]).findings


# ---- the column-wise comparison against the row-by-row oracle


def _both(path):
    ctx = Context(claimtally.read(path))
    return list(agreement.check(ctx)), list(agreement.check_exact(ctx))


@pytest.mark.parametrize("path", [None, *sorted((Path(__file__).parents[1] / "scenarios").iterdir())])
def test_the_join_gives_the_oracles_findings_on_every_scenario(path) -> None:
    """Byte for byte the same findings, in the same order, on the bundled data and every scenario."""
    fast, exact = _both(path)
    assert fast == exact


VALUE_TEXT = st.sampled_from(
    ["1", "2", "2.0", "1.5", "10", "-1", "0", "1K", "1.00", "3.25", "1" * 25, "0.0000000000001"]
)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            VALUE_TEXT,
            st.sampled_from(["", "", "20", "30"]),  # value_max, kept for the values below 20
            st.sampled_from(["art", "vend", "ind"]),
            st.sampled_from(["m-new", "m-old"]),
            st.sampled_from(["", "", "high", "low"]),
            st.sampled_from(["", "", "about", "over", "under", "nearly", "at-least", "up-to", "exactly"]),
            st.booleans(),
        ),
        min_size=1,
        max_size=25,
    )
)
def test_the_join_gives_the_oracles_findings_on_tie_heavy_packages(tmp_path_factory, rows) -> None:
    """Random packages with repeated, touching, open, unbounded and huge values: the same findings."""
    values = []
    for i, (text, top, source, entity, setting, hedge, exact) in enumerate(rows):
        top = top if text in ("1", "2", "2.0", "1.5", "10", "0", "1.00", "3.25") else ""
        cells = {
            "value_max": top,
            "source_id": source,
            "entity_id": entity,
            "setting": setting,
            "hedge": hedge,
        }
        values.append(value(f"v{i}", text, exact="true" if exact else "false", **cells))
    folder = tmp_path_factory.mktemp("pkg")
    merged = {name: list(r) for name, r in BASE.items()}
    merged["hedges"] = hedge_rows()
    merged["values"] = values
    fast, exact_findings = _both(write_package(folder, merged))
    assert fast == exact_findings
