"""Shared fixtures; the row builders themselves are in builders.py."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from builders import BASE, Row, hedge_rows, write_package

pytest_plugins = ["pytester"]


@pytest.fixture
def make_package(tmp_path: Path) -> Callable[..., Path]:
    """Build a package from values and claims on top of small base tables."""

    def make(values: Sequence[Row] = (), claims: Sequence[Row] = (), **tables: list[Row]) -> Path:
        merged = {name: list(rows) for name, rows in BASE.items()}
        merged["hedges"] = hedge_rows()
        for name, rows in tables.items():
            merged[name] = merged.get(name, []) + list(rows)
        merged["values"] = list(values)
        merged["claims"] = list(claims)
        return write_package(tmp_path / "pkg", merged)

    return make
