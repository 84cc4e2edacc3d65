"""Limits: sizes as written, and the command line's --max-* options generated from the fields."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtally.cli import build_parser
from claimtally.errors import ClaimtallyError
from claimtally.limits import Limits, parse_size


@pytest.mark.parametrize(
    ("text", "size"),
    [("512", 512), ("100K", 100 << 10), ("200M", 200 << 20), ("1G", 1 << 30), ("2GiB", 2 << 30)],
)
def test_sizes_are_binary_multiples(text: str, size: int) -> None:
    """K, M and G are powers of 1024, with an optional B or iB."""
    assert size == parse_size(text)


@pytest.mark.parametrize("text", ["", "1T", "-5", "1.5G", "ten"])
def test_a_size_that_is_not_one_is_a_clear_error(text: str) -> None:
    """Anything else names the text and shows how to write a size."""
    with pytest.raises(ClaimtallyError, match="is not a size"):
        parse_size(text)


@given(st.integers(min_value=0, max_value=1 << 40))
def test_a_plain_number_of_bytes_reads_back(n: int) -> None:
    """Every count of bytes written as digits is that many bytes."""
    assert n == parse_size(str(n))


def test_every_field_is_an_option_of_check_and_explain() -> None:
    """Each Limits field appears as its --max-* flag on the commands that take limits."""
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for command in ("check", "explain"):
        flags = {s for a in sub.choices[command]._actions for s in a.option_strings}  # type: ignore[attr-defined]
        assert {o.flag for o in Limits.options()} <= flags
    assert [f.name for f in dataclasses.fields(Limits)] == [o.name for o in Limits.options()]


def test_options_give_back_the_defaults_and_read_sizes() -> None:
    """The options' defaults make the default Limits; a size option is read with parse_size."""
    defaults = {o.name: o.default() for o in Limits.options()}
    assert Limits() == Limits.from_options(defaults)
    assert 200 << 20 == Limits.from_options({**defaults, "max_file_bytes": "200M"}).max_file_bytes


def test_the_descriptor_limit_is_the_lower_of_10_mib_and_the_table_limit() -> None:
    """A descriptor is small; a lower table limit lowers it too."""
    assert 10 << 20 == Limits().max_descriptor_bytes
    assert 1000 == Limits(max_file_bytes=1000).max_descriptor_bytes
