"""Exact decimal intervals: ends open or closed, finite or infinite, and their arithmetic.

Comparing intervals, with a three-valued result, is :mod:`claimtally.arith.truth`.

An :class:`Interval` is a connected set of real numbers whose finite ends are :class:`decimal.Decimal`
values; ``None`` stands for −∞ (``lo``) or +∞ (``hi``), and an infinite end is always open. No ``float``
is used anywhere.

Arithmetic is interval arithmetic (contract §4): ``op(A, B)`` contains ``x op y`` for every ``x`` in
``A`` and ``y`` in ``B``. Every bound is computed at :data:`PRECISION` significant digits with directed
rounding, lower bounds towards −∞ (``ROUND_FLOOR``) and upper bounds towards +∞ (``ROUND_CEILING``), so a
sum, product or quotient that does not fit (1/3) still lies inside the result. Two choices the contract
leaves open:

- ``0 × ∞`` counts as ``0``: a zero end times an unbounded factor is the product ``0 · y`` of that
  zero with the factor's finite points, and the points away from zero already reach the infinite end
  of the result. The ``0`` is a closed end exactly when the zero end is closed.
- Division by an interval containing zero raises :class:`ZeroDivisionInterval`, an
  :class:`ArithmeticError` (a finding about the data, not bad input). A divisor with an *open* zero end,
  such as ``(0, 5]``, does not contain zero and gives an unbounded quotient.

Intervals print as ``[5.295, 5.305]``, ``(20, ∞)`` or ``(-∞, 20]``: ASCII minus as in value text, the
∞ sign as in the contract, trailing zeros stripped and never exponent notation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import (
    MAX_EMAX,
    MIN_EMIN,
    ROUND_CEILING,
    ROUND_FLOOR,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
)
from functools import lru_cache, reduce

#: Significant digits of every computed bound; beyond them a bound is rounded outwards.
PRECISION = 60

# Local contexts, never the global one: a caller's decimal settings must not change our bounds.
# Unary minus and abs() on a Decimal round to the *global* context, so this module negates with
# copy_negate() and copy_abs(), which are exact.
_TRAPS = [InvalidOperation, DivisionByZero, Overflow]
DOWN = Context(prec=PRECISION, rounding=ROUND_FLOOR, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=_TRAPS)
UP = Context(prec=PRECISION, rounding=ROUND_CEILING, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=_TRAPS)

_ZERO = Decimal(0)
_INF = Decimal("Infinity")
_NEG_INF = Decimal("-Infinity")


class IntervalError(ValueError):
    """An interval that cannot exist: reversed or empty ends, or an end that is not a finite Decimal."""


class ZeroDivisionInterval(ArithmeticError):
    """Division by an interval that contains zero: the quotient has no interval."""

    def __init__(self, divisor: Interval) -> None:
        super().__init__(f"division by {divisor}, an interval that contains zero, has no bounded result")
        self.divisor = divisor


def fmt(d: Decimal) -> str:
    """A Decimal in plain notation, trailing zeros stripped: ``1E+4`` → ``10000``, ``-0`` → ``0``."""
    if d.is_zero():
        return "0"
    text = format(d, "f")  # exact: 'f' without a precision never rounds
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


@dataclass(frozen=True)
class Interval:
    """A non-empty interval; ``None`` as ``lo`` is −∞ and as ``hi`` is +∞, and infinite ends are open.

    Attributes:
        lo: Lower end, or None for −∞.
        hi: Upper end, or None for +∞.
        lo_open: Whether ``lo`` itself is excluded (always True when ``lo`` is None).
        hi_open: Whether ``hi`` itself is excluded (always True when ``hi`` is None).
    """

    lo: Decimal | None
    hi: Decimal | None
    lo_open: bool = False
    hi_open: bool = False

    def __post_init__(self) -> None:
        """Make infinite ends open and reject ends that leave the interval empty.

        Raises:
            IntervalError: an end is not a finite Decimal, or the ends are reversed or empty.
        """
        for end in (self.lo, self.hi):
            if end is not None and not (isinstance(end, Decimal) and end.is_finite()):
                msg = f"interval end {end!r} is not a finite Decimal (use None for an infinite end)"
                raise IntervalError(msg)
        if self.lo is None:
            object.__setattr__(self, "lo_open", True)
        if self.hi is None:
            object.__setattr__(self, "hi_open", True)
        if (
            self.lo is not None
            and self.hi is not None
            and (self.lo > self.hi or (self.lo == self.hi and (self.lo_open or self.hi_open)))
        ):
            msg = f"empty interval {self}: the lower end must lie below the upper end"
            raise IntervalError(msg)

    @classmethod
    def point(cls, v: Decimal) -> Interval:
        """The closed interval [v, v]."""
        if cls is Interval and isinstance(v, Decimal) and v.is_finite():
            return _trusted(v, v, False, False)
        return cls(v, v)

    @property
    def is_point(self) -> bool:
        """Whether the interval is a single number."""
        return self.lo is not None and self.lo == self.hi

    @property
    def is_bounded(self) -> bool:
        """Whether both ends are finite."""
        return self.lo is not None and self.hi is not None

    def contains(self, x: Decimal) -> bool:
        """Whether the number ``x`` lies in the interval."""
        above_lo = self.lo is None or self.lo < x or (self.lo == x and not self.lo_open)
        below_hi = self.hi is None or x < self.hi or (x == self.hi and not self.hi_open)
        return above_lo and below_hi

    def overlaps(self, other: Interval) -> bool:
        """Whether the two intervals share a point (touching closed ends do, an open end does not)."""
        a_lo, a_hi, b_lo, b_hi = self.lo, self.hi, other.lo, other.hi
        if (  # the common case, two closed bounded intervals, without building the intersection
            a_lo is not None
            and a_hi is not None
            and b_lo is not None
            and b_hi is not None
            and not (self.lo_open or self.hi_open or other.lo_open or other.hi_open)
        ):
            return a_lo <= b_hi and b_lo <= a_hi
        lo, lo_open = _pick_lo(self, other, larger=True)
        hi, hi_open = _pick_hi(self, other, larger=False)
        return lo < hi or (lo == hi and not lo_open and not hi_open)

    def hull(self, other: Interval) -> Interval:
        """The smallest interval containing both."""
        lo, lo_open = _pick_lo(self, other, larger=False)
        hi, hi_open = _pick_hi(self, other, larger=True)
        return _make(lo, lo_open, hi, hi_open)

    def __str__(self) -> str:
        """``[5.295, 5.305]``, ``(20, ∞)``, ``(-∞, 20]``: every digit of the ends."""
        text: str | None = self.__dict__.get("_text")  # kept on the instance, as show() is
        if text is None:
            lo = "-∞" if self.lo is None else fmt(self.lo)
            hi = "∞" if self.hi is None else fmt(self.hi)
            text = f"{'(' if self.lo_open else '['}{lo}, {hi}{')' if self.hi_open else ']'}"
            object.__setattr__(self, "_text", text)
        return text

    def show(self) -> str:
        """The interval for people: ends with more than :data:`DISPLAY_PLACES` decimals rounded
        outward, so the printed interval still contains this one (arithmetic keeps every digit).

        >>> Interval(Decimal("0.33333333"), Decimal("0.66666667")).show()
        '[0.333333, 0.666667]'
        """
        # kept on the instance (not a field: equality and hashing ignore it): a value's interval is
        # shown in every claim that names it, and hashing the interval for a cache costs as much
        shown: str | None = self.__dict__.get("_shown")
        if shown is None:
            shown = _show(self)
            object.__setattr__(self, "_shown", shown)
        return shown


#: Reports print at most this many decimals of an end (:meth:`Interval.show`).
DISPLAY_PLACES = 6
_QUANTUM = Decimal(1).scaleb(-DISPLAY_PLACES)


def _show(iv: Interval) -> str:
    lo = "-∞" if iv.lo is None else fmt(_cut(iv.lo, ROUND_FLOOR))
    hi = "∞" if iv.hi is None else fmt(_cut(iv.hi, ROUND_CEILING))
    return f"{'(' if iv.lo_open else '['}{lo}, {hi}{')' if iv.hi_open else ']'}"


def show_number(d: Decimal, rounding: str) -> str:
    """A number for people: at most :data:`DISPLAY_PLACES` decimals, rounded in the direction
    ``rounding`` (a ``decimal`` rounding mode), exactly and whatever the caller's decimal context.

    >>> from decimal import ROUND_UP
    >>> show_number(Decimal("13.529649595687331536"), ROUND_UP), show_number(Decimal("-0.5"), ROUND_UP)
    ('13.52965', '-0.5')
    """
    return fmt(_cut(d, rounding))


def _cut(end: Decimal, rounding: str) -> Decimal:
    """``end`` rounded to :data:`DISPLAY_PLACES` decimals in the direction ``rounding``, exactly."""
    exponent = end.as_tuple().exponent
    assert isinstance(exponent, int)  # ends are finite
    if -exponent <= DISPLAY_PLACES:
        return end
    # a local context wide enough for every digit kept: quantize never runs out of precision
    return end.quantize(
        _QUANTUM, context=_cut_context(max(1, end.adjusted() + 1) + DISPLAY_PLACES + 1, rounding)
    )


@lru_cache(maxsize=256)
def _cut_context(prec: int, rounding: str) -> Context:
    """A local context of ``prec`` digits rounding by ``rounding``, made once (building one per printed
    end cost a tenth of a claim's evaluation). Never changed after it is made, so sharing it is safe."""
    return Context(prec=prec, rounding=rounding)


# ---- ends as extended reals --------------------------------------------------------------------
# Internally an infinite end is Decimal('±Infinity'), which orders and multiplies correctly.


def _lo(a: Interval) -> Decimal:
    return _NEG_INF if a.lo is None else a.lo


def _hi(a: Interval) -> Decimal:
    return _INF if a.hi is None else a.hi


def _trusted(lo: Decimal | None, hi: Decimal | None, lo_open: bool, hi_open: bool) -> Interval:
    """An interval built by this module's own arithmetic, whose ends are valid by construction: it
    skips the checks of ``Interval.__post_init__``, which cost more than the arithmetic itself."""
    iv = object.__new__(Interval)
    set_ = object.__setattr__
    set_(iv, "lo", lo)
    set_(iv, "hi", hi)
    set_(iv, "lo_open", lo_open or lo is None)
    set_(iv, "hi_open", hi_open or hi is None)
    return iv


def _make(lo: Decimal, lo_open: bool, hi: Decimal, hi_open: bool) -> Interval:
    return _trusted(None if lo.is_infinite() else lo, None if hi.is_infinite() else hi, lo_open, hi_open)


def _pick_lo(a: Interval, b: Interval, *, larger: bool) -> tuple[Decimal, bool]:
    """The larger (intersection) or smaller (hull) lower end; on a tie the end is open only if the
    intersection has an open end there (either is open) or the hull has nothing but open ends (both)."""
    x, y = _lo(a), _lo(b)
    if x == y:
        return x, (a.lo_open or b.lo_open) if larger else (a.lo_open and b.lo_open)
    return (x, a.lo_open) if (x > y) == larger else (y, b.lo_open)


def _pick_hi(a: Interval, b: Interval, *, larger: bool) -> tuple[Decimal, bool]:
    """The larger (hull) or smaller (intersection) upper end, with the same tie rule as :func:`_pick_lo`."""
    x, y = _hi(a), _hi(b)
    if x == y:
        return x, (a.hi_open and b.hi_open) if larger else (a.hi_open or b.hi_open)
    return (x, a.hi_open) if (x > y) == larger else (y, b.hi_open)


# ---- arithmetic --------------------------------------------------------------------------------

# A corner of A × B: (end of A, it is attained, end of B, it is attained) → (bound rounded down,
# bound rounded up, the bound is attained).
_Corner = Callable[[Decimal, bool, Decimal, bool], tuple[Decimal, Decimal, bool]]


def _ends(a: Interval) -> tuple[tuple[Decimal, bool], tuple[Decimal, bool]]:
    return (_lo(a), not a.lo_open), (_hi(a), not a.hi_open)


def _combine(a: Interval, b: Interval, corner: _Corner) -> Interval:
    """Product and quotient are monotone in each argument on the boxes where they are applied, so the
    result's ends are the extreme corner values. A result end is closed when a corner attaining it is
    attained; the only interior point that can attain an end is a product or quotient equal to zero
    through a closed zero end, which the corner functions report as attained."""
    corners = [corner(x, xc, y, yc) for x, xc in _ends(a) for y, yc in _ends(b)]
    lo = min(c[0] for c in corners)
    hi = max(c[1] for c in corners)
    lo_closed = any(c[2] and c[0] == lo for c in corners)
    hi_closed = any(c[2] and c[1] == hi for c in corners)
    return _make(lo, not lo_closed, hi, not hi_closed)


def _signed_inf(positive: bool) -> tuple[Decimal, Decimal, bool]:
    inf = _INF if positive else _NEG_INF
    return inf, inf, False


def _mul_corner(x: Decimal, xc: bool, y: Decimal, yc: bool) -> tuple[Decimal, Decimal, bool]:
    if x.is_zero() or y.is_zero():  # includes 0 × ∞, see the module docstring
        return _ZERO, _ZERO, (x.is_zero() and xc) or (y.is_zero() and yc)
    if x.is_infinite() or y.is_infinite():
        return _signed_inf(x.is_signed() == y.is_signed())
    return DOWN.multiply(x, y), UP.multiply(x, y), xc and yc


def neg(a: Interval) -> Interval:
    """``-A``."""
    return _trusted(
        None if a.hi is None else a.hi.copy_negate(),
        None if a.lo is None else a.lo.copy_negate(),
        a.hi_open,
        a.lo_open,
    )


def add(a: Interval, b: Interval) -> Interval:
    """``A + B``."""
    return _make(
        DOWN.add(_lo(a), _lo(b)), a.lo_open or b.lo_open, UP.add(_hi(a), _hi(b)), a.hi_open or b.hi_open
    )


def sub(a: Interval, b: Interval) -> Interval:
    """``A - B``."""
    return add(a, neg(b))


def mul(a: Interval, b: Interval) -> Interval:
    """``A × B``."""
    return _combine(a, b, _mul_corner)


def div(a: Interval, b: Interval) -> Interval:
    """``A / B``.

    Raises:
        ZeroDivisionInterval: ``B`` contains zero.
    """
    if b.contains(_ZERO):
        raise ZeroDivisionInterval(b)
    divisor_positive = _lo(b) >= 0  # B lies wholly on one side of zero

    def corner(x: Decimal, xc: bool, y: Decimal, yc: bool) -> tuple[Decimal, Decimal, bool]:
        if x.is_zero():
            return _ZERO, _ZERO, xc  # 0 / y = 0 for every y in B
        if y.is_infinite():
            return _ZERO, _ZERO, False  # x / y tends to 0 (also for x infinite: see _combine's extremes)
        if y.is_zero():  # an open zero end of B: x / y grows without bound
            return _signed_inf(x.is_signed() != divisor_positive)
        if x.is_infinite():
            return _signed_inf(x.is_signed() == y.is_signed())
        return DOWN.divide(x, y), UP.divide(x, y), xc and yc

    return _combine(a, b, corner)


def abs_(a: Interval) -> Interval:
    """``|A|``."""
    if a.lo is not None and a.lo >= 0:
        return a
    if a.hi is not None and a.hi <= 0:
        return neg(a)
    # A straddles zero: |A| starts at 0 and reaches the farther end.
    if a.lo is None or a.hi is None:
        return Interval(_ZERO, None)
    far, far_open = _pick_hi(Interval(_ZERO, a.hi, hi_open=a.hi_open), neg(a), larger=True)
    return _make(_ZERO, False, far, far_open)


def _min2(a: Interval, b: Interval) -> Interval:
    # min(x, y) reaches the smaller lower end when either interval attains it; it reaches the smaller
    # upper end only where both can sit at it, so on a tie that end is open when either is.
    lo, lo_open = _pick_lo(a, b, larger=False)
    hi, hi_open = _pick_hi(a, b, larger=False)
    return _make(lo, lo_open, hi, hi_open)


def min_(first: Interval, *rest: Interval) -> Interval:
    """``min(A, B, …)``: the interval of the smallest of one number from each."""
    return reduce(_min2, rest, first)


def max_(first: Interval, *rest: Interval) -> Interval:
    """``max(A, B, …)``: the interval of the largest of one number from each."""
    return neg(min_(neg(first), *(neg(r) for r in rest)))


def gap(left: Interval, right: Interval) -> Decimal:
    """How far apart two intervals are: 0 when they overlap or touch, else the distance between them."""
    if _hi(left) <= _lo(right):
        return DOWN.subtract(_lo(right), _hi(left))
    if _hi(right) <= _lo(left):
        return DOWN.subtract(_lo(left), _hi(right))
    return _ZERO
