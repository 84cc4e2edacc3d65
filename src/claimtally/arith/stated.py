"""Stated numbers: value text as the data contract writes it, and the intervals a stated value means.

>>> s = parse_value("5.30")
>>> str(s.value), str(rounding_interval(s))
('5.30', '[5.295, 5.305]')
>>> str(rounding_interval(parse_value("2K")))
'[1500, 2500]'

A source's number is kept as decimal *text* (contract §2): ``5.30`` and ``5.3`` are different
statements, because the digits a source writes say how precisely it knows the number. So a stated value
becomes an interval from its digits as written, following statcheck's rule for reported statistics
(Nuijten et al., ``R/error_test.R``): a value with its last written digit in the place of ``unit``
stands for every number that rounds to it, ``[v − unit/2, v + unit/2]`` (``57`` → [56.5, 57.5],
``5.30`` → [5.295, 5.305], ``2K`` → [1500, 2500]; a negative value mirrors naturally). A ``K``, ``M`` or
``B`` suffix scales the value and the unit.

Each value has two readings (contract §4), returned by :func:`value_intervals`:

- *strict*: the rounding interval; the point for an exact value; the half-line a directional hedge
  names (``over 20`` → (20, ∞)); the rounding interval cut at v for ``nearly`` (``nearly 2`` → [1.5, 2]).
- *loose*: the strict interval joined with the hedge's band of width
  ``w = max(relative_tolerance × |v|, digit_units × unit)`` (:func:`hedge_width`), so loose ⊇ strict.

Hedges are read on the signed number line, as the contract and ``hedges.csv`` state them: ``nearly``
approaches v from below (``nearly -40`` → [-40.5, -40]) and ``over`` names the numbers above v. A
curator recording "almost 40% fewer" as ``-40`` should keep that in mind.

The interval type and its arithmetic live in :mod:`claimtally.arith.intervals` and are re-exported here, so
``stated`` is the one module the checker needs. No ``float`` is used anywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from claimtally.arith.intervals import (
    DOWN,
    PRECISION,
    UP,
    Interval,
    IntervalError,
    ZeroDivisionInterval,
    _trusted,
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
from claimtally.arith.truth import Tri, compare, tri_and, tri_not, tri_or
from claimtally.contract import HEDGE_KINDS, RELATIONS, HedgeKind
from claimtally.errors import ValueTextError
from claimtally.limits import DEFAULT_MAX_DIGITS

__all__ = [
    "DEFAULT_MAX_DIGITS",
    "HEDGE_KINDS",
    "PRECISION",
    "RELATIONS",
    "Hedge",
    "HedgeKind",
    "Interval",
    "IntervalError",
    "Stated",
    "Tri",
    "ZeroDivisionInterval",
    "abs_",
    "add",
    "compare",
    "div",
    "fmt",
    "gap",
    "hedge_width",
    "max_",
    "min_",
    "mul",
    "neg",
    "parse_value",
    "rounding_interval",
    "sub",
    "tri_and",
    "tri_not",
    "tri_or",
    "value_intervals",
    "widen",
]

# The contract's value text: optional ASCII minus, no leading zeros, '.' decimals, K/M/B scale.
# [0-9] rather than \d, which would also accept other scripts' digits.
_VALUE_TEXT = re.compile(r"(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?([KMB]?)")
_SCALE = {"": 0, "K": 3, "M": 6, "B": 9}
_EXPECTED = (
    "the contract expects digits, an optional leading '-', '.' decimals and K, M or B (e.g. 5.30, -4.4, 2K)"
)


@dataclass(frozen=True)
class Stated:
    """A number as a source states it.

    Attributes:
        value: The number, scale applied (``1.05M`` → 1050000).
        decimals: Digits written after the point (0 for an integer).
        unit: The place value of the last written digit, scale applied (``5.30`` → 0.01, ``1.05M`` → 10000).
        text: The value text as written.
    """

    value: Decimal
    decimals: int
    unit: Decimal
    text: str


def _show(text: str, limit: int = 40) -> str:
    """The text quoted on one line, shortened when long."""
    return repr(text) if len(text) <= limit else repr(text[:limit]) + f"… ({len(text)} characters)"


def _why_not(text: str) -> str:
    """Say what is wrong with text that is not value text, as specifically as we can tell."""
    shown, bare = _show(text), text.lstrip("+-−").lower()
    wrong = f"{shown} is not decimal text"
    if not text:
        return f"empty value: {_EXPECTED}"
    if any(c.isspace() for c in text):
        return f"{wrong}: remove the spaces (write 1200, not 1 200)"
    if "," in text:
        return f"{wrong}: write digits with a '.' decimal point, no thousands separators (e.g. 5.30)"
    if bare in ("nan", "snan", "inf", "infinity"):
        return f"{wrong}: NaN and infinity are not numbers a source states; write its digits"
    if text[0] in "−–—":
        return f"{wrong}: write the minus as an ASCII '-' (e.g. -4.4)"
    if text[0] == "+":
        return f"{wrong}: write no plus sign (e.g. 5 for +5)"
    if re.fullmatch(r"-?[0-9.]+[eE][-+]?[0-9]+", text):
        return f"{wrong}: exponent notation is not allowed; write the digits out (e.g. 1B)"
    if any(c in "$€£¥%" for c in text):
        return f"{wrong}: leave out currency signs and '%' (e.g. $5.30 → 5.30)"
    if text.count(".") > 1:
        return f"{wrong}: it has more than one '.'"
    if re.fullmatch(r"-?[0-9.]*[0-9][kmb]", text):
        return f"{wrong}: a scale suffix is an upper-case K, M or B (e.g. 2K)"
    if re.fullmatch(r"-?0[0-9]+(\.[0-9]+)?[KMB]?", text):
        return f"{wrong}: write no leading zeros (e.g. 5 for 05)"
    if text.endswith(".") or bare.startswith(".") or ".K" in text or ".M" in text or ".B" in text:
        return f"{wrong}: a '.' needs digits on both sides (e.g. 0.5, 5.0)"
    return f"{wrong}: {_EXPECTED}"


def parse_value(text: str, *, max_digits: int = DEFAULT_MAX_DIGITS) -> Stated:
    """Read value text (contract §2) into a :class:`Stated` number.

    Accepts exactly ``-?(0|[1-9][0-9]*)(\\.[0-9]+)?[KMB]?``. ``-0`` (and ``-0.0``) is accepted and is
    the number 0, with the unit its digits give.

    Args:
        text: The value cell as written.
        max_digits: Most digits (before and after the point) accepted; a guard against absurd cells.

    Returns:
        The number, its written decimals and the unit of its last digit, all scaled by K, M or B.

    Raises:
        ValueTextError: ``text`` is not value text, or has more than ``max_digits`` digits.
    """
    match = _VALUE_TEXT.fullmatch(text)
    if match is None:
        raise ValueTextError(_why_not(text))
    sign, whole, fraction, suffix = match.group(1), match.group(2), match.group(3) or "", match.group(4)
    digits = whole + fraction
    if len(digits) > max_digits:
        msg = (
            f"{_show(text)} has {len(digits)} digits, more than the limit of {max_digits}; raise the limit "
            "with the max_digits option (--max-digits) if a source really states so many"
        )
        raise ValueTextError(msg)
    # The number is digits × 10^exponent; building it from text keeps it exact at any length.
    exponent = _SCALE[suffix] - len(fraction)
    if exponent >= 0:
        value, unit = Decimal(sign + digits + "0" * exponent), Decimal("1" + "0" * exponent)
    else:
        value, unit = Decimal(f"{sign}{digits}E{exponent}"), Decimal(f"1E{exponent}")
    if value.is_zero():
        value = value.copy_abs()  # -0 is 0
    return Stated(value=value, decimals=len(fraction), unit=unit, text=text)


def _half_unit(s: Stated) -> Decimal:
    # The unit is a power of ten, so half of it is 5 × 10^(e − 1), built exactly from text.
    return Decimal(f"5E{s.unit.adjusted() - 1}")


def rounding_interval(s: Stated) -> Interval:
    """The numbers that round to ``s`` as written: ``[v − unit/2, v + unit/2]`` (statcheck's rule)."""
    half = _half_unit(s)
    return Interval(DOWN.subtract(s.value, half), UP.add(s.value, half))


@dataclass(frozen=True)
class Hedge:
    """The meaning of a hedge word (a row of ``hedges``).

    Attributes:
        hedge_id: The hedge word's id (``about``, ``over``, …).
        kind: How the hedge bends the interval.
        relative_tolerance: Loose band as a fraction of ``|v|``, or None.
        digit_units: Loose band as a multiple of the unit of ``v``'s last written digit, or None.
    """

    hedge_id: str
    kind: HedgeKind
    relative_tolerance: Decimal | None = None
    digit_units: Decimal | None = None

    def __post_init__(self) -> None:
        """Reject a kind outside the contract and tolerances that are negative or not finite.

        Raises:
            ValueError: the kind or a tolerance is not usable.
        """
        if self.kind not in HEDGE_KINDS:
            msg = f"hedge {self.hedge_id!r} has kind {self.kind!r}; expected one of {', '.join(HEDGE_KINDS)}"
            raise ValueError(msg)
        for name in ("relative_tolerance", "digit_units"):
            amount = getattr(self, name)
            usable = isinstance(amount, Decimal) and amount.is_finite() and amount >= 0
            if amount is not None and not usable:
                msg = f"hedge {self.hedge_id!r}: {name} {amount!r} is not a non-negative decimal number"
                raise ValueError(msg)


def hedge_width(hedge: Hedge | None, nominal: Decimal, unit: Decimal | None) -> Decimal:
    """The hedge's loose band ``w = max(relative_tolerance × |nominal|, digit_units × unit)``.

    A missing tolerance counts as 0, and so does ``digit_units`` when ``unit`` is None (the contract
    counts digit units only on a single stated value). Rounded up, so the band is never too narrow.
    """
    if hedge is None:
        return Decimal(0)
    relative = Decimal(0)
    if hedge.relative_tolerance is not None:
        relative = UP.multiply(hedge.relative_tolerance, nominal.copy_abs())
    digits = Decimal(0)
    if hedge.digit_units is not None and unit is not None:
        digits = UP.multiply(hedge.digit_units, unit)
    return max(relative, digits)


def widen(interval: Interval, w: Decimal, kind: HedgeKind = "approx") -> Interval:
    """Widen a stated side by a claim hedge's band ``w``, the way the hedge's loose reading does.

    ``approx`` moves both ends out by ``w``. A directional hedge moves only the end its loose reading
    relaxes, the one at the stated number: ``above``/``at-least`` and ``nearly`` the lower end (the value
    may dip below the stated bound), ``below``/``at-most`` the upper end. ``exact`` leaves it as is.
    An infinite end stays infinite.

    Raises:
        ValueError: ``w`` is negative.
    """
    if w < 0:
        msg = f"a hedge band cannot be negative, got {w}"
        raise ValueError(msg)
    if w == 0 or kind == "exact":
        return interval
    lo, hi = interval.lo, interval.hi
    band = Interval(
        DOWN.subtract(lo, w) if lo is not None and kind in ("approx", "above", "at-least", "nearly") else lo,
        UP.add(hi, w) if hi is not None and kind in ("approx", "below", "at-most") else hi,
    )
    return interval.hull(band)


def value_intervals(
    value: Stated, *, value_max: Stated | None, exact: bool, hedge: Hedge | None
) -> tuple[Interval, Interval]:
    """A value row's strict and loose intervals (contract §4); the loose one always contains the strict.

    With ``exact`` the rounding interval is replaced by the stated point (or ``[low, high]`` for a
    range); a hedge still applies to it. A range ``value``–``value_max`` is rounded at both ends,
    ``[low − its half unit, high + its half unit]``; a directional hedge on a range bounds by its low end
    (above, at-least) or its high end (below, at-most, nearly), and the band width uses the larger
    magnitude and the coarser unit of the two ends.

    Args:
        value: The stated number (the low end of a range).
        value_max: The high end of a stated range, or None.
        exact: Whether the number is exact by definition (a list price, a token count).
        hedge: The value's hedge, or None.

    Returns:
        ``(strict, loose)``.

    Raises:
        IntervalError: ``value_max`` is below ``value``.
    """
    top = value_max if value_max is not None else value
    low, high = value.value, top.value
    if high < low:
        msg = f"the range {value.text}–{top.text} runs backwards: value_max must not be below value"
        raise IntervalError(msg)
    # every interval below is valid by construction (low <= high was checked, bands are >= 0)
    points = _trusted(low, high, False, False)
    if exact:
        rounded = points
    else:
        rounded = _trusted(DOWN.subtract(low, _half_unit(value)), UP.add(high, _half_unit(top)), False, False)
    kind = hedge.kind if hedge is not None else "approx"
    w = hedge_width(hedge, max(low.copy_abs(), high.copy_abs()), max(value.unit, top.unit))
    below_low, above_high = DOWN.subtract(low, w), UP.add(high, w)

    if kind == "exact":
        return points, points
    if kind == "approx":
        strict, band = rounded, _trusted(below_low, above_high, False, False)
    elif kind == "nearly":
        strict = _trusted(rounded.lo, high, False, False)
        band = _trusted(below_low, high, False, False)
    elif kind == "above":
        strict = _trusted(low, None, True, True)
        band = _trusted(below_low, None, True, True)
    elif kind == "at-least":
        strict = _trusted(low, None, False, True)
        band = _trusted(below_low, None, False, True)
    elif kind == "below":
        strict = _trusted(None, high, True, True)
        band = _trusted(None, above_high, True, True)
    else:  # at-most
        strict = _trusted(None, high, True, False)
        band = _trusted(None, above_high, True, False)
    # with no band the loose reading is the strict one: one object, which evaluation can reuse
    return strict, strict if w == 0 else strict.hull(band)
