"""Comparing exact intervals: relations with a three-valued result, and Kleene's logic over them.

A relation between two intervals (contract §4) holds when it holds for every pair of numbers drawn
from them, fails when it holds for none, and is otherwise unknown; ``==`` and ``!=`` compare the
intervals as sets (they overlap or not).
"""

from __future__ import annotations

from enum import StrEnum

from claimtally.arith.intervals import Interval
from claimtally.contract import RELATIONS


class Tri(StrEnum):
    """A three-valued truth: a relation over intervals holds, fails, or is undetermined.

    A ``StrEnum``, so it prints and serialises as ``true``, ``false`` or ``unknown``.
    """

    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"


def _all_below(a: Interval, b: Interval) -> bool:
    """Every point of ``a`` is below every point of ``b``."""
    if a.hi is None or b.lo is None:
        return False
    return a.hi < b.lo or (a.hi == b.lo and (a.hi_open or b.lo_open))


def _all_at_most(a: Interval, b: Interval) -> bool:
    """Every point of ``a`` is at most every point of ``b``."""
    return a.hi is not None and b.lo is not None and a.hi <= b.lo


def _tri(holds: bool, fails: bool) -> Tri:
    return Tri.TRUE if holds else Tri.FALSE if fails else Tri.UNKNOWN


def compare(op: str, left: Interval, right: Interval) -> Tri:
    """Compare two intervals (contract §4).

    ``==`` is TRUE when the intervals overlap and FALSE otherwise; ``!=`` is its complement. ``<`` is
    TRUE when every point of ``left`` is below every point of ``right``, FALSE when no point of ``left``
    is below any point of ``right``, and UNKNOWN otherwise; ``<=``, ``>`` and ``>=`` likewise. So
    ``[1, 2) < [2, 3]`` is TRUE and ``[1, 2] < [2, 3]`` is UNKNOWN.

    Raises:
        ValueError: ``op`` is not one of ``== != < <= > >=``.
    """
    if op == "==":
        return Tri.TRUE if left.overlaps(right) else Tri.FALSE
    if op == "!=":
        return Tri.FALSE if left.overlaps(right) else Tri.TRUE
    if op == "<":
        return _tri(_all_below(left, right), _all_at_most(right, left))
    if op == "<=":
        return _tri(_all_at_most(left, right), _all_below(right, left))
    if op == ">":
        return compare("<", right, left)
    if op == ">=":
        return compare("<=", right, left)
    msg = f"unknown relation {op!r}: expected one of {', '.join(RELATIONS)}"
    raise ValueError(msg)


def tri_not(value: Tri) -> Tri:
    """Three-valued negation."""
    return {Tri.TRUE: Tri.FALSE, Tri.FALSE: Tri.TRUE}.get(value, Tri.UNKNOWN)


def tri_and(*values: Tri) -> Tri:
    """Kleene conjunction: FALSE if any is FALSE, else TRUE if all are TRUE, else UNKNOWN."""
    if Tri.FALSE in values:
        return Tri.FALSE
    return Tri.UNKNOWN if Tri.UNKNOWN in values else Tri.TRUE


def tri_or(*values: Tri) -> Tri:
    """Kleene disjunction: TRUE if any is TRUE, else FALSE if all are FALSE, else UNKNOWN."""
    if Tri.TRUE in values:
        return Tri.TRUE
    return Tri.UNKNOWN if Tri.UNKNOWN in values else Tri.FALSE
