"""Stated numbers: value text, rounding intervals, hedges and the strict and loose readings."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtally.arith.stated import (
    HEDGE_KINDS,
    Hedge,
    HedgeKind,
    Interval,
    IntervalError,
    Stated,
    hedge_width,
    parse_value,
    rounding_interval,
    value_intervals,
    widen,
)
from claimtally.errors import ClaimtallyError, ValueTextError

D = Decimal
VALUE_TEXT = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?[KMB]?")


def iv(text: str) -> Interval:
    """Build an interval from its printed form, e.g. ``[1, 2)`` or ``(-∞, 5]``."""
    lo_text, hi_text = text[1:-1].split(", ")
    lo = None if lo_text == "-∞" else D(lo_text)
    hi = None if hi_text == "∞" else D(hi_text)
    return Interval(lo, hi, lo_open=text[0] == "(", hi_open=text[-1] == ")")


def hedge(kind: HedgeKind, rel: str | None = None, units: str | None = None) -> Hedge:
    """A hedge of the given kind and tolerances."""
    return Hedge(f"h-{kind}", kind, None if rel is None else D(rel), None if units is None else D(units))


def readings(
    text: str, h: Hedge | None = None, *, top: str | None = None, exact: bool = False
) -> tuple[str, str]:
    """The strict and loose intervals of a value, printed."""
    strict, loose = value_intervals(
        parse_value(text), value_max=None if top is None else parse_value(top), exact=exact, hedge=h
    )
    return str(strict), str(loose)


# ---- value text ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "decimals", "unit"),
    [
        ("57", "57", 0, "1"),
        ("5.30", "5.30", 2, "0.01"),
        ("5.3", "5.3", 1, "0.1"),
        ("2K", "2000", 0, "1000"),
        ("1.5K", "1500", 1, "100"),
        ("1.05M", "1050000", 2, "10000"),
        ("1B", "1000000000", 0, "1000000000"),
        ("-4.4", "-4.4", 1, "0.1"),
        ("0", "0", 0, "1"),
        ("0.001", "0.001", 3, "0.001"),
        ("-0", "0", 0, "1"),
    ],
)
def test_parse_value_reads_contract_value_text(text: str, value: str, decimals: int, unit: str) -> None:
    """Value text gives the scaled number, the decimals as written and the unit of the last digit."""
    stated = parse_value(text)
    assert stated == Stated(D(value), decimals, D(unit), text)


def test_minus_zero_is_zero_without_a_sign() -> None:
    """-0 and -0.0 are accepted and are the number 0, so they never print as -0."""
    assert not parse_value("-0").value.is_signed()
    assert not parse_value("-0.0").value.is_signed()
    assert parse_value("-0.0").unit == D("0.1")


def test_trailing_zeros_are_kept_as_written() -> None:
    """5.30 and 5.3 are different statements: same number, different unit."""
    assert parse_value("5.30").value == parse_value("5.3").value
    assert parse_value("5.30").unit != parse_value("5.3").unit


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            "5,30",
            "'5,30' is not decimal text: write digits with a '.' decimal point, no thousands separators",
        ),
        ("1,200", "no thousands separators"),
        ("5.30.1", "more than one '.'"),
        ("1e9", "exponent notation"),
        ("1e999999999", "exponent notation"),
        ("1E-3", "exponent notation"),
        ("NaN", "NaN and infinity"),
        ("Infinity", "NaN and infinity"),
        ("-inf", "NaN and infinity"),
        (" 5 ", "remove the spaces"),
        ("5\n", "remove the spaces"),
        ("1 200", "remove the spaces"),
        ("0x10", "the contract expects digits"),
        ("+5", "no plus sign"),
        ("", "empty value"),
        ("05", "no leading zeros"),
        ("-007.5", "no leading zeros"),
        ("2k", "upper-case K, M or B"),
        (".5", "digits on both sides"),
        ("5.", "digits on both sides"),
        ("5.K", "digits on both sides"),
        ("$5.30", "currency signs"),
        ("20%", "currency signs and '%'"),
        ("−4.4", "ASCII '-'"),
        ("--5", "the contract expects digits"),
        ("1_000", "the contract expects digits"),
        ("٣", "the contract expects digits"),
        ("2KB", "the contract expects digits"),
        ("K", "the contract expects digits"),
        ("-", "the contract expects digits"),
    ],
)
def test_parse_value_rejects_text_outside_the_contract(text: str, fragment: str) -> None:
    """Anything but value text raises ValueTextError saying what was found and what to write."""
    with pytest.raises(ValueTextError) as caught:
        parse_value(text)
    message = str(caught.value)
    assert fragment in message
    assert "\n" not in message


def test_value_text_error_is_a_claimtally_error() -> None:
    """ValueTextError is bad input, so the command line reports it cleanly."""
    with pytest.raises(ClaimtallyError):
        parse_value("5,30")


def test_a_huge_number_is_refused_with_the_limit_named() -> None:
    """A 10,000-digit number is over the default limit of 100 digits; the message says how to raise it."""
    with pytest.raises(ValueTextError) as caught:
        parse_value("9" * 10_000)
    message = str(caught.value)
    assert "10000 digits" in message and "limit of 100" in message
    assert "max_digits" in message and "--max-digits" in message
    assert len(message) < 300


def test_raising_max_digits_accepts_a_long_number_exactly() -> None:
    """With the limit raised, a 10,000-digit number is read exactly, with no rounding."""
    stated = parse_value("9" * 10_000 + ".5", max_digits=10_001)
    assert stated.value.as_tuple().digits == (9,) * 10_000 + (5,)
    assert stated.unit == D("0.1")


@settings(max_examples=200)
@given(st.text())
def test_parse_value_raises_only_value_text_error(text: str) -> None:
    """Any string either is value text and parses, or raises ValueTextError with a one-line message."""
    try:
        stated = parse_value(text)
    except ValueTextError as error:
        assert "\n" not in str(error)
    else:
        assert VALUE_TEXT.fullmatch(text)
        assert stated.text == text


@st.composite
def value_texts(draw: st.DrawFn) -> str:
    """Value text as the contract writes it."""
    whole = draw(st.sampled_from(["0", *map(str, range(1, 10))])) + draw(
        st.from_regex(r"[0-9]{0,5}", fullmatch=True)
    )
    if whole.startswith("0"):
        whole = "0"
    fraction = draw(st.from_regex(r"(\.[0-9]{1,4})?", fullmatch=True))
    return draw(st.sampled_from(["", "-"])) + whole + fraction + draw(st.sampled_from(["", "K", "M", "B"]))


@settings(max_examples=200)
@given(value_texts())
def test_rounding_interval_is_one_unit_wide_around_the_value(text: str) -> None:
    """The rounding interval is closed, centred on the value and exactly one unit wide."""
    stated = parse_value(text)
    interval = rounding_interval(stated)
    assert interval.lo is not None and interval.hi is not None
    assert interval.hi - interval.lo == stated.unit
    assert interval.lo + interval.hi == 2 * stated.value
    assert not interval.lo_open and not interval.hi_open


# ---- rounding intervals and hedges ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("57", "[56.5, 57.5]"),
        ("5.30", "[5.295, 5.305]"),
        ("2K", "[1500, 2500]"),
        ("-4.4", "[-4.45, -4.35]"),
        ("1.05M", "[1045000, 1055000]"),
        ("0", "[-0.5, 0.5]"),
    ],
)
def test_rounding_interval_follows_statcheck(text: str, interval: str) -> None:
    """A value stands for every number that rounds to its digits as written."""
    assert str(rounding_interval(parse_value(text))) == interval


@pytest.mark.parametrize(
    ("text", "h", "strict", "loose"),
    [
        ("40", None, "[39.5, 40.5]", "[39.5, 40.5]"),
        ("40", hedge("approx", units="2"), "[39.5, 40.5]", "[38, 42]"),
        ("20", hedge("approx", "0.1", "2"), "[19.5, 20.5]", "[18, 22]"),
        ("200", hedge("approx", "0.1", "2"), "[199.5, 200.5]", "[180, 220]"),
        ("2", hedge("nearly", units="2"), "[1.5, 2]", "[0, 2]"),
        ("2", hedge("nearly"), "[1.5, 2]", "[1.5, 2]"),
        ("-40", hedge("nearly", units="1"), "[-40.5, -40]", "[-41, -40]"),
        ("20", hedge("above", units="1"), "(20, ∞)", "(19, ∞)"),
        ("20", hedge("at-least"), "[20, ∞)", "[20, ∞)"),
        ("20", hedge("at-least", units="1"), "[20, ∞)", "[19, ∞)"),
        ("20", hedge("below", units="1"), "(-∞, 20)", "(-∞, 21)"),
        ("20", hedge("at-most"), "(-∞, 20]", "(-∞, 20]"),
        ("20", hedge("exact", units="2"), "[20, 20]", "[20, 20]"),
        ("2K", hedge("approx", units="2"), "[1500, 2500]", "[0, 4000]"),
    ],
)
def test_value_intervals_for_each_hedge_kind(text: str, h: Hedge | None, strict: str, loose: str) -> None:
    """Each hedge kind gives the strict interval of contract §4 and a loose one widened by its band."""
    assert readings(text, h) == (strict, loose)


def test_exact_value_is_a_point_in_both_readings() -> None:
    """An exact value (a list price) has no rounding interval: [v, v] strictly and loosely."""
    assert readings("5.30", exact=True) == ("[5.3, 5.3]", "[5.3, 5.3]")


def test_exact_value_with_a_hedge_is_widened_only_loosely() -> None:
    """A hedge on an exact value leaves the strict point and widens the loose reading by its band."""
    assert readings("40", hedge("approx", units="2"), exact=True) == ("[40, 40]", "[38, 42]")


def test_range_is_rounded_at_both_ends() -> None:
    """A range 17–20 reads [16.5, 20.5]; an exact range reads [17, 20]."""
    assert readings("17", top="20") == ("[16.5, 20.5]", "[16.5, 20.5]")
    assert readings("1.5K", top="2K") == ("[1450, 2500]", "[1450, 2500]")
    assert readings("17", top="20", exact=True) == ("[17, 20]", "[17, 20]")


def test_hedged_range_uses_the_larger_magnitude_and_coarser_unit() -> None:
    """'about 17–20' widens both ends by w from max(|17|, |20|) and the coarser of the two units."""
    assert readings("17", hedge("approx", "0.1"), top="20") == ("[16.5, 20.5]", "[15, 22]")
    assert readings("17.5", hedge("approx", units="2"), top="20") == ("[17.45, 20.5]", "[15.5, 22]")


def test_reversed_range_raises_interval_error() -> None:
    """A range whose value_max is below its value is refused with IntervalError."""
    with pytest.raises(IntervalError, match="runs backwards"):
        readings("20", top="17")


@st.composite
def hedges(draw: st.DrawFn) -> Hedge | None:
    """No hedge, or a hedge of any kind with optional tolerances."""
    if draw(st.booleans()):
        return None
    rel = draw(st.none() | st.sampled_from(["0", "0.05", "0.1", "0.25"]))
    units = draw(st.none() | st.sampled_from(["0", "1", "2", "5"]))
    return hedge(draw(st.sampled_from(HEDGE_KINDS)), rel, units)


@settings(max_examples=200)
@given(value_texts(), st.none() | value_texts(), st.booleans(), hedges())
def test_loose_always_contains_strict(text: str, top: str | None, exact: bool, h: Hedge | None) -> None:
    """For any value, range, exactness and hedge, loose ⊇ strict, and strict holds the stated number."""
    low = parse_value(text)
    high = None if top is None else parse_value(top)
    if high is not None and high.value < low.value:
        low, high = high, low
    strict, loose = value_intervals(low, value_max=high, exact=exact, hedge=h)
    assert strict.hull(loose) == loose
    if h is None or h.kind not in ("above", "below"):  # those two exclude the stated bound itself
        assert strict.contains(low.value)
        assert strict.contains(low.value if high is None else high.value)


# ---- hedge widths and widening -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("h", "nominal", "unit", "width"),
    [
        (hedge("approx", units="2"), "40", "1", "2"),
        (hedge("approx", "0.1", "2"), "20", "1", "2"),
        (hedge("approx", "0.1", "2"), "-200", "1", "20"),
        (hedge("approx", "0.1", "2"), "200", None, "20"),
        (hedge("approx", units="2"), "40", None, "0"),
        (hedge("at-least"), "40", "1", "0"),
        (None, "40", "1", "0"),
    ],
)
def test_hedge_width_is_the_larger_band(h: Hedge | None, nominal: str, unit: str | None, width: str) -> None:
    """w = max(relative_tolerance × |nominal|, digit_units × unit), missing parts counting as 0."""
    assert hedge_width(h, D(nominal), None if unit is None else D(unit)) == D(width)


@pytest.mark.parametrize(
    ("kind", "result"),
    [
        ("approx", "[1.8, 2.2]"),
        ("above", "[1.8, 2]"),
        ("at-least", "[1.8, 2]"),
        ("nearly", "[1.8, 2]"),
        ("below", "[2, 2.2]"),
        ("at-most", "[2, 2.2]"),
        ("exact", "[2, 2]"),
    ],
)
def test_widen_moves_the_ends_the_hedge_relaxes(kind: HedgeKind, result: str) -> None:
    """approx widens both ends; over and nearly the lower end; under the upper end; exactly neither."""
    assert str(widen(Interval.point(D(2)), D("0.2"), kind)) == result


def test_widen_keeps_infinite_ends_and_zero_width() -> None:
    """An infinite end stays infinite, and a zero band leaves the interval as it is."""
    assert widen(iv("(20, ∞)"), D(1)) == iv("[19, ∞)")
    assert widen(iv("(1, 2)"), D(0)) == iv("(1, 2)")


def test_widen_refuses_a_negative_band() -> None:
    """A negative band would narrow the stated side, so it is refused."""
    with pytest.raises(ValueError, match="cannot be negative"):
        widen(iv("[1, 2]"), D(-1))


@pytest.mark.parametrize(
    ("kind", "rel", "units"),
    [("sometimes", None, None), ("approx", D(-1), None), ("approx", None, D("NaN")), ("approx", 0.1, None)],
)
def test_hedge_rejects_unknown_kinds_and_bad_tolerances(kind: str, rel: object, units: object) -> None:
    """A kind outside the contract, a negative or NaN tolerance and a float tolerance raise ValueError."""
    with pytest.raises(ValueError, match="hedge 'h'"):
        Hedge("h", kind, rel, units)  # type: ignore[arg-type]
