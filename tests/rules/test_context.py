"""The shared context: values parsed once, claims evaluated once, unreadable ones explained."""

from __future__ import annotations

from builders import claim, value
from claimtally.data.package import read
from claimtally.rules.context import Context, value_info


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
