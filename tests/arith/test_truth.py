"""Comparing intervals: three-valued relations and Kleene's and/or/not."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings

from claimtally.arith.intervals import Interval
from claimtally.arith.truth import Tri, compare, tri_and, tri_not, tri_or
from interval_cases import iv, member


@pytest.mark.parametrize(
    ("left", "op", "right", "expected"),
    [
        ("[1, 2)", "<", "[2, 3]", Tri.TRUE),
        ("[1, 2]", "<", "[2, 3]", Tri.UNKNOWN),
        ("[2, 3]", "<", "[1, 2]", Tri.FALSE),
        ("[3, 4]", "<", "[1, 2]", Tri.FALSE),
        ("[1, 2]", "<=", "[2, 3]", Tri.TRUE),
        ("(2, 3]", "<=", "[1, 2]", Tri.FALSE),
        ("[2, 3]", "<=", "[1, 2]", Tri.UNKNOWN),
        ("(20, ∞)", ">", "[19, 20]", Tri.TRUE),
        ("(20, ∞)", ">", "[19.5, 20.5]", Tri.UNKNOWN),
        ("(-∞, 5)", "<", "[5, 6]", Tri.TRUE),
        ("(-∞, 5)", ">=", "[5, 6]", Tri.FALSE),
        ("[3, 4]", ">=", "[1, 3]", Tri.TRUE),
        ("[1, 2]", "==", "[2, 3]", Tri.TRUE),
        ("[1, 2)", "==", "[2, 3]", Tri.FALSE),
        ("[1, 2]", "!=", "[2, 3]", Tri.FALSE),
        ("[1, 2)", "!=", "[2, 3]", Tri.TRUE),
        ("[2, 2]", "<", "[2, 2]", Tri.FALSE),
        ("[2, 2]", "<=", "[2, 2]", Tri.TRUE),
    ],
)
def test_compare_is_three_valued(left: str, op: str, right: str, expected: Tri) -> None:
    """A relation holds when all points satisfy it, fails when none can, and is unknown otherwise."""
    assert compare(op, iv(left), iv(right)) is expected


def test_compare_rejects_an_unknown_operator() -> None:
    """An operator outside == != < <= > >= is a programming error."""
    with pytest.raises(ValueError, match="unknown relation"):
        compare("=", iv("[1, 2]"), iv("[1, 2]"))


@settings(max_examples=200)
@given(member(), member())
def test_compare_agrees_with_the_points_inside(
    a: tuple[Interval, Decimal], b: tuple[Interval, Decimal]
) -> None:
    """Whenever compare says TRUE (FALSE), the relation holds (fails) for the numbers drawn inside."""
    (left, x), (right, y) = a, b
    exact = {"==": x == y, "!=": x != y, "<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y}
    for op, holds in exact.items():
        verdict = compare(op, left, right)
        if op not in ("==", "!="):  # == and != compare intervals as sets, not the drawn numbers
            assert verdict is not (Tri.FALSE if holds else Tri.TRUE)


def test_kleene_and_or_not() -> None:
    """and/or/not follow Kleene's three-valued logic."""
    t, f, u = Tri.TRUE, Tri.FALSE, Tri.UNKNOWN
    assert tri_and(t, t) is t and tri_and(t, u) is u and tri_and(u, f) is f
    assert tri_or(f, f) is f and tri_or(f, u) is u and tri_or(u, t) is t
    assert tri_and(t, t, f) is f and tri_or(f, f, t) is t
    assert (tri_not(t), tri_not(f), tri_not(u)) == (f, t, u)
