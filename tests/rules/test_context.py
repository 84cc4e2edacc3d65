"""The shared context: values parsed once, claims evaluated once, unreadable ones explained."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimtally
from builders import BASE, claim, hedge_rows, value, write_package
from claimtally.data.package import read
from claimtally.rules.context import Context, comparable, quantity_key, value_info


def test_values_and_claims_are_evaluated_once(make_package) -> None:
    """Two reads of ctx.claims give the same objects."""
    ctx = Context(read(make_package(values=[value("a", "1")], claims=[claim("c", "a == 1")])))
    assert ctx.claims is ctx.claims
    assert {"a"} == ctx.used_values


def test_an_unreadable_value_is_kept_aside_with_its_reason(make_package) -> None:
    """A value outside the decimal text of the contract is a problem, not a crash."""
    ctx = Context(read(make_package(values=[value("a", "5,30"), value("b", "1")])))
    assert ["b"] == list(ctx.values)
    assert "5,30" in ctx.value_problems["a"]


def test_a_claim_over_an_unreadable_value_says_which(make_package) -> None:
    """The claim cannot be evaluated and its error names the value."""
    ctx = Context(read(make_package(values=[value("a", "5,30")], claims=[claim("c", "a == 1")])))
    (c,) = ctx.claims
    assert c.outcome is None and c.error is not None and "a:" in c.error


def test_value_info_explains_the_interval() -> None:
    """An exact list price is a point, said in words."""
    cells = value("p", "5.30", exact="true")
    cells.update({"value_max": "", "hedge": ""})
    info = value_info(cells, {})
    assert "5.30, exact by definition" == info.why
    assert "[5.3, 5.3]" == str(info.strict)


def _compared_by_search(ctx: Context) -> set[str]:
    groups = ctx.value_groups
    return {
        v for v, (_r, c) in ctx.value_rows.items() if any(comparable(c, o) for o in groups[quantity_key(c)])
    }


@pytest.mark.parametrize("path", [None, *sorted((Path(__file__).parents[1] / "scenarios").iterdir())])
def test_compared_values_are_those_with_a_comparable_row(path) -> None:
    """Counting per group finds exactly the values a pair-by-pair search finds."""
    ctx = Context(claimtally.read(path))
    assert _compared_by_search(ctx) == ctx.compared_values


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["art", "vend", "ind"]),
            st.sampled_from(["m-new", "m-old"]),
            st.sampled_from(["", "", "high", "low"]),
            st.sampled_from(["", "m-old"]),
        ),
        max_size=20,
    )
)
def test_compared_values_on_random_packages(tmp_path_factory, rows) -> None:
    """Sources, entities, settings and baselines drawn at random: the count and the search agree."""
    values = [
        value(f"v{i}", "1", source_id=src, entity_id=ent, setting=setting, baseline_entity_id=base)
        for i, (src, ent, setting, base) in enumerate(rows)
    ]
    merged = {name: list(r) for name, r in BASE.items()}
    merged["hedges"] = hedge_rows()
    merged["values"] = values
    ctx = Context(claimtally.read(write_package(tmp_path_factory.mktemp("pkg"), merged)))
    assert _compared_by_search(ctx) == ctx.compared_values
