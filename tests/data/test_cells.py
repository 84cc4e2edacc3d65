"""Counts, tolerances and versions from cells: ASCII digits in the grammar, bounded, nothing else."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtally.data.cells import MAX_DIGITS, CellError, count, tolerance, version


@pytest.mark.parametrize(
    "text", ["²", "٣", "１２", "1e3", "NaN", "-1", "+1", " 1", "1.0", "", "1" * (MAX_DIGITS + 1)]
)
def test_a_count_is_ascii_digits_only(text: str) -> None:
    """Superscripts, other scripts' digits, exponents, signs and spaces are not counts."""
    with pytest.raises(CellError):
        count(text)


def test_zero_is_refused_where_a_positive_count_is_required() -> None:
    """Zero items is a finding, not a division by zero later."""
    with pytest.raises(CellError, match="positive"):
        count("0")
    assert 0 == count("0", positive=False)


@pytest.mark.parametrize(
    "text", ["1e999999999", "NaN", "Infinity", "-0.1", "0x10", "٠.١", ".5", "5.", "1" * 19]
)
def test_a_tolerance_is_a_plain_non_negative_decimal(text: str) -> None:
    """Decimal() accepts all of these; the tolerance reader accepts none."""
    with pytest.raises(CellError):
        tolerance(text)


@given(st.integers(min_value=0, max_value=10**MAX_DIGITS - 1), st.integers(min_value=0, max_value=10**6))
def test_every_plain_decimal_reads_back_exactly(whole: int, fraction: int) -> None:
    """Written digits are the number, exactly."""
    text = f"{whole}.{fraction}"
    assert Decimal(text) == tolerance(text)
    assert whole == count(str(whole), positive=False)


@given(st.text(max_size=12))
def test_a_version_is_three_ascii_numbers_or_none(text: str) -> None:
    """Any text gives three integers or None, never an exception; what it gives reads back."""
    parsed = version(text)
    if parsed is not None:
        assert text.isascii()
        assert tuple(int(p) for p in text.split(".")) == parsed


def test_a_version_with_a_superscript_is_not_a_version() -> None:
    """str.isdigit() says '²' is a digit; a version of it is not one."""
    assert version("1.².0") is None
    assert (1, 2, 3) == version("1.2.3")
