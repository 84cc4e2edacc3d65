"""Evaluating parsed claims: both readings, three-valued logic, verdicts, the claim's own hedge."""

from __future__ import annotations

from decimal import Decimal, localcontext

import pytest

from claimtally.arith import stated as nb
from claimtally.expr import parse as ex
from claimtally.expr.evaluate import ValueInfo, evaluate, gap, verdict_of
from claimtally.expr.parse import parse

AROUND = nb.Hedge(hedge_id="around", kind="approx", relative_tolerance=Decimal("0.1"), digit_units=Decimal(2))


def info(
    value_id: str, text: str, *, exact: bool = False, hedge: nb.Hedge | None = None
) -> tuple[str, ValueInfo]:
    """A value id bound to the intervals of a stated number."""
    stated = nb.parse_value(text)
    strict, loose = nb.value_intervals(stated, value_max=None, exact=exact, hedge=hedge)
    return value_id, ValueInfo(stated, strict, loose, "test")


def run(expression: str, *values: tuple[str, ValueInfo], hedge: nb.Hedge | None = None) -> str:
    """The verdict of an expression over the given values."""
    table = dict(values)
    return evaluate(ex.parse(expression, names=set(table)), table, hedge).verdict


@pytest.mark.parametrize(
    ("strict", "loose", "verdict"),
    [
        (nb.Tri.TRUE, nb.Tri.TRUE, "holds"),
        (nb.Tri.FALSE, nb.Tri.TRUE, "holds-loosely"),
        (nb.Tri.FALSE, nb.Tri.FALSE, "fails"),
        (nb.Tri.UNKNOWN, nb.Tri.UNKNOWN, "undetermined"),
        (nb.Tri.FALSE, nb.Tri.UNKNOWN, "undetermined"),
    ],
)
def test_verdict_follows_the_two_readings(strict: nb.Tri, loose: nb.Tri, verdict: str) -> None:
    """Contract §5: strict true holds; loose only holds loosely; loose false fails."""
    assert verdict == verdict_of(strict, loose)


def test_the_contracts_net_cost_example_holds() -> None:
    """2 × (1 − 0.40) − 1 = 0.2 against 'around 20%'."""
    values = (info("tok", "-40", hedge=AROUND), info("net", "20", hedge=AROUND))
    assert "holds" == run("2 * (1 + tok / 100) - 1 == net / 100", *values)


def test_a_chain_is_every_adjacent_relation() -> None:
    """900 < 1200 < 4800 holds; 900 < 1200 < 1000 fails."""
    a, b, c = info("a", "900", exact=True), info("b", "1200", exact=True), info("c", "4800", exact=True)
    assert "holds" == run("a < b < c", a, b, c)
    assert "fails" == run("a < b < 1000", a, b)


def test_and_or_are_three_valued() -> None:
    """false or unknown is unknown; false and unknown is false."""
    x, y = info("x", "57"), info("y", "57.2")
    assert "undetermined" == run("x == 1 or x < y", x, y)
    assert "fails" == run("x == 1 and x < y", x, y)


def test_the_claims_own_hedge_widens_the_stated_side_in_the_loose_reading() -> None:
    """2.12 is not 2, but 'around 2' read loosely (±0.2) reaches it."""
    a, b = info("a", "5.30", exact=True), info("b", "2.50", exact=True)
    assert "fails" == run("a / b == 2", a, b)
    assert "holds-loosely" == run("a / b == 2", a, b, hedge=AROUND)


def test_division_by_an_interval_with_zero_is_undetermined_and_noted() -> None:
    """x / 0 (stated 0 is [-0.5, 0.5]) has no interval: undetermined, with the problem named."""
    x, z = info("x", "1"), info("z", "0")
    outcome = evaluate(ex.parse("x / z == 1"), dict([x, z]), None)
    assert "undetermined" == outcome.verdict
    assert outcome.problems and "containing zero" in outcome.problems[0]


def test_relations_report_intervals_and_gap() -> None:
    """Each relation carries its computed and stated intervals and the gap."""
    a, b = info("a", "5.30", exact=True), info("b", "2.50", exact=True)
    outcome = evaluate(ex.parse("a / b == 2"), dict([a, b]), None)
    (rel,) = outcome.relations
    assert ("[2.12, 2.12]", "[2, 2]", "0.12") == (rel.computed, rel.stated, rel.gap)


def test_gap_is_zero_when_intervals_touch_and_signed_otherwise() -> None:
    """Below is negative, above positive, touching zero."""
    one, two = nb.Interval(Decimal(1), Decimal(2)), nb.Interval(Decimal(2), Decimal(3))
    assert "0" == gap(one, two)
    assert "-2" == gap(nb.Interval(Decimal(0), Decimal(0)), two)
    assert "2" == gap(nb.Interval(Decimal(5), Decimal(5)), two)


def _info(name: str, text: str, exact: bool = False) -> ValueInfo:
    s = nb.parse_value(text)
    strict, loose = nb.value_intervals(s, value_max=None, exact=exact, hedge=None)
    return ValueInfo(s, strict, loose, "test")


@pytest.mark.parametrize("prec", [3, 28, 200])
def test_results_do_not_depend_on_the_callers_decimal_context(prec: int) -> None:
    """A 31-digit value divided by 3, and gaps in both directions, print the same in any context,
    with six decimals at most, rounded away from zero."""
    values = {
        "a": _info("a", "1234567890123456789012345678901", exact=True),
        "b": _info("b", "3", exact=True),
        "c": _info("c", "2.50"),
        "e": _info("e", "5.30"),
    }
    expressions = ["a / b == 2", "e / c == 2", "c / e == 2", "2 == e / c"]

    def run() -> list[tuple[str, list[tuple[str, str, str]]]]:
        out = []
        for text in expressions:
            o = evaluate(parse(text, names=set(values)), {k: values[k] for k in values}, None)
            out.append((o.verdict, [(r.computed, r.stated, r.gap) for r in o.relations]))
        return out

    expected = run()
    with localcontext() as ctx:
        ctx.prec = prec
        assert expected == run()
    gaps = [rel[2] for _verdict, rels in expected for rel in rels]
    assert ["411522630041152263004115226298.333334", "0.113773", "-1.526913", "-0.113773"] == gaps
