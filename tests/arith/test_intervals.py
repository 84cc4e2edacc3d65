"""Exact decimal intervals: construction, printing, arithmetic with outward rounding."""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_CEILING, ROUND_FLOOR, Context, Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from claimtally.arith.intervals import (
    Interval,
    IntervalError,
    ZeroDivisionInterval,
    abs_,
    add,
    div,
    fmt,
    gap,
    max_,
    min_,
    mul,
    neg,
    sub,
)
from interval_cases import iv, member

D = Decimal
EXACT = Context(prec=2000)  # wide enough that sums and products of the test numbers are exact


# ---- construction and printing ----------------------------------------------------------------


def test_infinite_ends_are_always_open() -> None:
    """An infinite end is stored as open even when built as closed."""
    whole = Interval(None, None)
    assert whole.lo_open and whole.hi_open
    assert str(whole) == "(-∞, ∞)"


@pytest.mark.parametrize(
    ("lo", "hi", "lo_open", "hi_open"),
    [(D(2), D(1), False, False), (D(1), D(1), True, False), (D(1), D(1), False, True)],
)
def test_empty_or_reversed_intervals_are_rejected(
    lo: Decimal, hi: Decimal, lo_open: bool, hi_open: bool
) -> None:
    """Reversed ends and a single point with an open end are empty, so they raise IntervalError."""
    with pytest.raises(IntervalError, match="empty interval"):
        Interval(lo, hi, lo_open, hi_open)


@pytest.mark.parametrize("end", [D("NaN"), D("Infinity"), 1, "1"])
def test_ends_must_be_finite_decimals(end: object) -> None:
    """NaN, Decimal infinity, int and str ends are refused: None is the only way to say infinite."""
    with pytest.raises(IntervalError, match="not a finite Decimal"):
        Interval(end, None)  # type: ignore[arg-type]


def test_interval_error_is_a_value_error() -> None:
    """IntervalError is a ValueError, so callers that catch ValueError see it."""
    assert issubclass(IntervalError, ValueError)


@pytest.mark.parametrize(
    ("interval", "text"),
    [
        (Interval(D("5.295"), D("5.305")), "[5.295, 5.305]"),
        (Interval(D(20), None, lo_open=True), "(20, ∞)"),
        (Interval(None, D(20)), "(-∞, 20]"),
        (Interval(D("5.300"), D("1E+4"), hi_open=True), "[5.3, 10000)"),
        (Interval(D("-0"), D("0.000")), "[0, 0]"),
        (Interval(D("-1.50"), D("2E-7")), "[-1.5, 0.0000002]"),
    ],
)
def test_str_is_plain_and_stable(interval: Interval, text: str) -> None:
    """Printing strips trailing zeros, never uses exponents, and marks open ends with round brackets."""
    assert str(interval) == text


@pytest.mark.parametrize(("value", "text"), [(D("1E+4"), "10000"), (D("-0"), "0"), (D("2.500"), "2.5")])
def test_fmt_prints_decimals_plainly(value: Decimal, text: str) -> None:
    """fmt never uses exponent notation and strips trailing zeros."""
    assert fmt(value) == text


def test_point_is_a_closed_single_number() -> None:
    """Interval.point(v) is [v, v], a point and bounded."""
    p = Interval.point(D("2.5"))
    assert (p.lo, p.hi, p.lo_open, p.hi_open) == (D("2.5"), D("2.5"), False, False)
    assert p.is_point and p.is_bounded
    assert not iv("[1, 2]").is_point
    assert not iv("(1, ∞)").is_bounded


def test_contains_respects_open_and_infinite_ends() -> None:
    """contains() excludes an open end and includes a closed one; infinite ends include everything."""
    assert iv("[1, 2)").contains(D(1))
    assert not iv("[1, 2)").contains(D(2))
    assert iv("(-∞, 2]").contains(D(-(10**50)))
    assert not iv("(1, ∞)").contains(D(1))


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("[1, 2]", "[2, 3]", True),
        ("[1, 2)", "[2, 3]", False),
        ("[1, 2]", "(2, 3]", False),
        ("[1, 5]", "[2, 3]", True),
        ("(-∞, 0)", "(0, ∞)", False),
        ("(-∞, 0]", "[0, ∞)", True),
        ("[1, 2]", "[3, 4]", False),
    ],
)
def test_overlaps_counts_touching_closed_ends_only(a: str, b: str, expected: bool) -> None:
    """Intervals touching at closed ends overlap; an open end at the touching point does not."""
    assert iv(a).overlaps(iv(b)) is expected
    assert iv(b).overlaps(iv(a)) is expected


@pytest.mark.parametrize(
    ("a", "b", "hull"),
    [("[1, 2)", "[3, 4]", "[1, 4]"), ("(1, 2)", "(1, 3)", "(1, 3)"), ("(1, 2)", "[1, 2)", "[1, 2)"),
     ("(-∞, 0]", "[5, 6)", "(-∞, 6)")],
)  # fmt: skip
def test_hull_is_the_smallest_interval_containing_both(a: str, b: str, hull: str) -> None:
    """hull() takes the outer ends, closed where either interval closes them."""
    assert iv(a).hull(iv(b)) == iv(hull)


@pytest.mark.parametrize(
    ("a", "b", "distance"), [("[1, 2]", "[3, 4]", "1"), ("[3, 4]", "[1, 2]", "1"), ("[1, 3]", "[2, 4]", "0")]
)
def test_gap_is_the_distance_between_intervals(a: str, b: str, distance: str) -> None:
    """gap() is 0 for overlapping intervals and the distance between the near ends otherwise."""
    assert gap(iv(a), iv(b)) == D(distance)


# ---- arithmetic on examples ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("op", "a", "b", "result"),
    [
        (add, "[1, 2)", "[0, 1]", "[1, 3)"),
        (add, "(-∞, 20]", "[1, 1]", "(-∞, 21]"),
        (sub, "[5, 6]", "[1, 2)", "(3, 5]"),
        (mul, "[1, 2]", "[3, 4]", "[3, 8]"),
        (mul, "[-1, 2]", "[-3, 4]", "[-6, 8]"),
        (mul, "(1, 2)", "[0, 1]", "[0, 2)"),
        (mul, "[0, 0]", "(-∞, ∞)", "[0, 0]"),
        (mul, "(0, 1]", "[1, ∞)", "(0, ∞)"),
        (mul, "[0, 1]", "[1, ∞)", "[0, ∞)"),
        (mul, "(-∞, -1]", "(-∞, -1]", "[1, ∞)"),
        (div, "[1, 2]", "[4, 8]", "[0.125, 0.5]"),
        (div, "[1, 2]", "[1, ∞)", "(0, 2]"),
        (div, "[1, 2]", "(0, 1]", "[1, ∞)"),
        (div, "[-2, -1]", "(0, 1]", "(-∞, -1]"),
        (div, "[0, 1]", "[-2, -1]", "[-1, 0]"),
        (div, "[1, ∞)", "[1, ∞)", "(0, ∞)"),
    ],
)
def test_arithmetic_examples(
    op: Callable[[Interval, Interval], Interval], a: str, b: str, result: str
) -> None:
    """Sums, differences, products and quotients have the exact ends, open where no point reaches them."""
    assert op(iv(a), iv(b)) == iv(result)


def test_non_terminating_quotient_is_rounded_outwards() -> None:
    """1/3 becomes [0.333…3, 0.333…4]: the lower end rounded down, the upper end rounded up."""
    third = div(Interval.point(D(1)), Interval.point(D(3)))
    assert third.lo is not None and third.hi is not None
    assert EXACT.multiply(third.lo, 3) < 1 < EXACT.multiply(third.hi, 3)  # lo < 1/3 < hi, exactly
    assert str(third).startswith("[0.3333") and str(third).endswith("4]")


def test_product_beyond_precision_is_rounded_outwards() -> None:
    """A 70-digit product is rounded to 60 digits downwards at the bottom and upwards at the top."""
    big = D("1" * 35 + ".1")
    product = mul(Interval.point(big), Interval.point(big))
    exact = EXACT.multiply(big, big)
    assert product.lo is not None and product.hi is not None
    assert product.lo < exact < product.hi


def test_division_by_an_interval_containing_zero_raises() -> None:
    """Dividing by an interval that contains zero raises ZeroDivisionInterval naming the divisor."""
    with pytest.raises(ZeroDivisionInterval, match=r"division by \[-1, 1\]") as caught:
        div(iv("[1, 2]"), iv("[-1, 1]"))
    assert caught.value.divisor == iv("[-1, 1]")
    assert isinstance(caught.value, ArithmeticError)


@pytest.mark.parametrize("divisor", ["[0, 0]", "[0, 1]", "(-∞, 0]", "(-1, ∞)"])
def test_any_divisor_reaching_zero_raises(divisor: str) -> None:
    """Zero as a closed end or an interior point of the divisor makes the quotient undefined."""
    with pytest.raises(ZeroDivisionInterval):
        div(iv("[1, 2]"), iv(divisor))


@pytest.mark.parametrize(
    ("a", "result"),
    [("[-3, 2)", "[0, 3]"), ("(-3, 3)", "[0, 3)"), ("(-3, 3]", "[0, 3]"), ("[-5, -1)", "(1, 5]"),
     ("(0, 2]", "(0, 2]"), ("(-∞, 1]", "[0, ∞)"), ("(-∞, -1]", "[1, ∞)")],
)  # fmt: skip
def test_abs_folds_the_negative_part(a: str, result: str) -> None:
    """abs_ of an interval straddling zero starts at a closed 0 and reaches the farther end."""
    assert abs_(iv(a)) == iv(result)


def test_neg_swaps_ends_and_openness() -> None:
    """neg mirrors the interval, an open lower end becoming an open upper end."""
    assert neg(iv("(1, 2]")) == iv("[-2, -1)")
    assert neg(iv("(-∞, 3)")) == iv("(-3, ∞)")


@pytest.mark.parametrize(
    ("a", "b", "smallest", "largest"),
    [("[1, 2)", "[1, 2]", "[1, 2)", "[1, 2]"), ("(1, 5]", "[2, 3]", "(1, 3]", "[2, 5]"),
     ("(-∞, 0]", "[1, 2]", "(-∞, 0]", "[1, 2]")],
)  # fmt: skip
def test_min_and_max_of_intervals(a: str, b: str, smallest: str, largest: str) -> None:
    """min_ and max_ give the interval of the smaller and larger of one number from each."""
    assert min_(iv(a), iv(b)) == iv(smallest)
    assert max_(iv(a), iv(b)) == iv(largest)


def test_min_and_max_take_several_intervals() -> None:
    """min_ and max_ accept any number of intervals, as min(a, b, c) does."""
    parts = [iv("[1, 4]"), iv("[2, 3]"), iv("[0, 5]")]
    assert min_(*parts) == iv("[0, 3]")
    assert max_(*parts) == iv("[2, 5]")


# ---- arithmetic contains the exact result: property tests --------------------------------------


def exact_quotient_bounds(x: Decimal, y: Decimal) -> tuple[Decimal, Decimal]:
    """Two numbers 300 digits apart that enclose the exact quotient x / y."""
    down = Context(prec=300, rounding=ROUND_FLOOR).divide(x, y)
    up = Context(prec=300, rounding=ROUND_CEILING).divide(x, y)
    return down, up


@settings(max_examples=200)
@given(member(), member())
def test_sum_difference_product_contain_the_exact_result(
    a: tuple[Interval, Decimal], b: tuple[Interval, Decimal]
) -> None:
    """For x in A and y in B, x + y, x - y and x × y lie in add, sub and mul of A and B."""
    (left, x), (right, y) = a, b
    assert add(left, right).contains(EXACT.add(x, y))
    assert sub(left, right).contains(EXACT.subtract(x, y))
    assert mul(left, right).contains(EXACT.multiply(x, y))


@settings(max_examples=200)
@given(member(), member())
def test_quotient_contains_the_exact_result(a: tuple[Interval, Decimal], b: tuple[Interval, Decimal]) -> None:
    """For x in A and y in B (B without zero), x / y lies in div(A, B); with zero in B it raises."""
    (left, x), (right, y) = a, b
    if right.contains(D(0)):
        with pytest.raises(ZeroDivisionInterval):
            div(left, right)
        return
    quotient = div(left, right)
    for bound in exact_quotient_bounds(x, y):
        assert quotient.contains(bound)


@settings(max_examples=200)
@given(member(), member())
def test_min_max_abs_neg_contain_the_exact_result(
    a: tuple[Interval, Decimal], b: tuple[Interval, Decimal]
) -> None:
    """min, max, abs and negation of numbers in A and B lie in min_, max_, abs_ and neg."""
    (left, x), (right, y) = a, b
    assert min_(left, right).contains(min(x, y))
    assert max_(left, right).contains(max(x, y))
    assert abs_(left).contains(x.copy_abs())
    assert neg(left).contains(x.copy_negate())


@settings(max_examples=100)
@given(member(), member())
def test_arithmetic_of_points_is_tight(a: tuple[Interval, Decimal], b: tuple[Interval, Decimal]) -> None:
    """On single numbers whose sum and product fit the precision, the result is that single number."""
    (_, x), (_, y) = a, b
    exact_sum, exact_product = EXACT.add(x, y), EXACT.multiply(x, y)
    # "fits" means the exact result has at most 60 significant digits (1E+39 + 1E-21 has 61)
    assume(len(exact_sum.normalize(EXACT).as_tuple().digits) <= 60)
    assume(len(exact_product.normalize(EXACT).as_tuple().digits) <= 60)
    px, py = Interval.point(x), Interval.point(y)
    assert add(px, py) == Interval.point(exact_sum)
    assert mul(px, py) == Interval.point(exact_product)


def test_show_rounds_long_ends_outward() -> None:
    """1/3 is shown with six decimals, the low end down and the high end up."""
    third = div(Interval.point(Decimal(1)), Interval.point(Decimal(3)))
    assert "[0.333333, 0.333334]" == third.show()


def test_show_keeps_short_ends_and_huge_ones_exactly() -> None:
    """Ends with six decimals or fewer print as they are, however many integer digits they have."""
    big = Decimal("1" * 80 + ".25")
    assert f"[{big}, {big}]" == Interval.point(big).show()
    wide = Interval(Decimal("12345678901234567890123456789012345.1234567"), Decimal("1" * 40 + ".0000001"))
    assert f"[12345678901234567890123456789012345.123456, {'1' * 40}.000001]" == wide.show()


@given(st.decimals(allow_nan=False, allow_infinity=False, places=12, min_value=-(10**30), max_value=10**30))
def test_show_never_cuts_inside_the_interval(x: Decimal) -> None:
    """The printed ends, read back, contain the interval: low end at or below, high end at or above."""
    point = Interval.point(x)
    lo, hi = point.show()[1:-1].split(", ")
    assert Decimal(lo) <= x <= Decimal(hi)


def test_printing_is_kept_on_the_instance_and_changes_neither_equality_nor_hash() -> None:
    """show() and str() are computed once per interval; two equal intervals stay equal and hash alike."""
    a, b = Interval(D("1.5"), D("2.5")), Interval(D("1.5"), D("2.5"))
    assert (a.show(), str(a)) == ("[1.5, 2.5]", "[1.5, 2.5]")
    assert a == b and hash(a) == hash(b) and a.show() is a.show()
