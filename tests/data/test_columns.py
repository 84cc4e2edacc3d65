"""Column-wise schema validation gives exactly frictionless's errors (code, resource, row, field)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from claimtally.data.package import read
from claimtally.data.scaffold import init
from claimtally.errors import ClaimtallyError
from claimtally.rules.context import Context
from claimtally.rules.schema import column_findings, fast_path, slow_findings
from hostile import CASES, _csv
from hostile_base import fresh

#: Broken cells the hostile corpus does not already hold, one schema check each.
EXTRA: list[tuple[str, Callable[[Path], None]]] = [
    ("blank-row", _csv("claims", lambda t: t + ",,,,,,,\n")),
    ("boolean", _csv("values", lambda t: t.replace(",30,,true,", ",30,,yes,", 1))),
    ("integer", _csv("metrics", lambda t: t.replace("usd-per-mtok,false,,", "usd-per-mtok,false,1.5,", 1))),
    ("minimum", _csv("metrics", lambda t: t.replace("usd-per-mtok,false,,", "usd-per-mtok,false,0,", 1))),
    ("enum", _csv("sources", lambda t: t.replace(",vendor,", ",blog,", 1))),
    ("required", _csv("entities", lambda t: t.replace("Model 2", "", 1))),
    ("unique-and-key", _csv("hedges", lambda t: t + t.splitlines()[1] + "\n")),
    ("pattern-id", _csv("values", lambda t: t.replace("art_price_out_m1", "Art-Bad", 1))),
    ("date", _csv("sources", lambda t: t.replace("vendor,,", "vendor,2026-13-01,", 1))),
    ("foreign-and-hedge", _csv("values", lambda t: t.replace("30,,true,,", "30,,true,kinda,", 1))),
]
PACKAGES = [(c.id, c.make) for c in CASES] + EXTRA
CODE = re.compile(r": ([a-z]+(?:-[a-z]+)*): ")


def _key(finding: object) -> tuple[str, int, str, str]:
    match = CODE.search(finding.message)  # type: ignore[attr-defined]
    return (finding.file or "", finding.row or 0, finding.column or "", match.group(1) if match else "")  # type: ignore[attr-defined]


@pytest.mark.parametrize(("name", "make"), PACKAGES, ids=[p[0] for p in PACKAGES])
def test_column_wise_errors_are_frictionless_errors(
    name: str, make: Callable[[Path], None], tmp_path: Path
) -> None:
    """On every readable broken package, each column-checked table has frictionless's exact errors."""
    root = tmp_path / "pkg"
    fresh(root)
    (tmp_path / "out").mkdir()  # the corpus's -o cases prepare their targets there
    make(root)
    try:
        ctx = Context(read(root))
    except ClaimtallyError:
        pytest.skip("not readable: an exit-2 case, checked by test_hostile")
    for table in ctx.pkg.tables:
        if not fast_path(ctx, table):
            continue
        ours = sorted(_key(f) for f in column_findings(ctx, table))
        theirs = sorted(_key(f) for f in slow_findings(ctx, {table}))
        assert theirs == ours, table


def test_irregular_rows_go_to_frictionless(tmp_path: Path) -> None:
    """A table with a short row is not checked column-wise."""
    root = tmp_path / "pkg"
    init(root)
    _csv("claims", lambda t: t + "x,my-article\n")(root)
    ctx = Context(read(root))
    assert not fast_path(ctx, "claims")
    assert fast_path(ctx, "values")
