"""Values read column-wise and row by row give the same intervals and the same reasons."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimtally
from claimtally.arith.value_columns import row_interval
from claimtally.rules.context import Context

SCENARIOS = sorted((Path(__file__).parents[1] / "scenarios").iterdir())


@pytest.mark.parametrize("path", [None, *SCENARIOS], ids=lambda p: "bundled" if p is None else p.name)
def test_every_row_has_the_interval_value_info_gives_it(path) -> None:
    """The columns hold each readable row's strict interval exactly as its ValueInfo does."""
    ctx = Context(claimtally.read(path))
    t, cols = ctx.value_table, ctx.strict
    for k, value_id in enumerate(t.ids):
        info = ctx.values.get(value_id)
        assert (info is None) == (value_id in ctx.value_problems)
        if info is not None and cols.exact[k]:
            assert info.strict == row_interval(cols, k)
            assert str(info.strict) == ctx.strict_text(k)


def test_values_are_built_when_first_read(make_package) -> None:
    """A readable value is in the mapping before its ValueInfo is built, and built once."""
    from builders import value

    ctx = Context(claimtally.read(make_package(values=[value("a", "1"), value("b", "x")])))
    assert "a" in ctx.values and "b" not in ctx.values and 1 == len(ctx.values)
    assert ctx.values["a"] is ctx.values["a"]
    with pytest.raises(KeyError):
        ctx.values["b"]
    assert "'x' is not decimal text" in ctx.value_problems["b"]


def test_bad_value_text_is_said_before_an_unknown_hedge(make_package) -> None:
    """A row whose text is not a number and whose hedge is not in the table is reported for its text,
    the first thing wrong with it, as the row-by-row reader says."""
    from builders import value

    ctx = Context(claimtally.read(make_package(values=[value("a", "5,30", hedge="kinda")])))
    assert "'5,30' is not decimal text" in ctx.value_problems["a"]
