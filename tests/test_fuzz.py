"""Fuzzing with hypothesis (bounded for CI): no input makes the loader or the checker raise anything but
the project's error, and no finding message carries a raw control character."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtally
from claimtally.data.scaffold import init
from claimtally.data.table import read_table
from claimtally.errors import ClaimtallyError
from claimtally.report.model import Report
from claimtally.report.render import FORMATS, render
from hostile_base import not_inert

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
CELL = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


def _package(tmp: Path) -> Path:
    root = tmp / "pkg"
    init(root)
    return root


def _with_table_bytes(tmp: Path, table: str, data: bytes) -> Path:
    """A new package whose ``data/<table>.csv`` holds ``data``; the file's path."""
    file = _package(tmp) / "data" / f"{table}.csv"
    file.write_bytes(data)
    return file


@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes_as_a_csv_give_a_package_error_or_a_report(tmp_path_factory, data: bytes) -> None:
    """Any bytes in a table file end in a report or in one ClaimtallyError, never another exception."""
    file = _with_table_bytes(tmp_path_factory.mktemp("bytes"), "claims", data)
    try:
        claimtally.check(file.parents[1])
    except ClaimtallyError as exc:
        assert "data/claims.csv" in str(exc)


@FUZZ
@given(cells=st.lists(CELL, min_size=12, max_size=12))
def test_random_cells_in_a_value_row_give_findings_not_exceptions(tmp_path_factory, cells: list[str]) -> None:
    """A value row of arbitrary text is reported on, in every format, without a crash."""
    import csv

    root = _package(tmp_path_factory.mktemp("cells"))
    with (root / "data" / "values.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(cells)
    try:
        report = claimtally.check(root)
    except ClaimtallyError:
        return
    for fmt in ("text", "json", "junit", "github"):
        text = render(report, fmt)
        assert not any(ch in text for ch in "\x1b\x07\x00")


@FUZZ
@given(expression=st.text(max_size=80))
def test_random_expressions_in_a_claim_give_findings_not_exceptions(
    tmp_path_factory, expression: str
) -> None:
    """Whatever the expression cell holds, check returns a report."""
    import csv

    root = _package(tmp_path_factory.mktemp("expr"))
    row = ["c_fuzz", "my-article", "q", expression, "", "", "pricing", ""]
    with (root / "data" / "claims.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(row)
    try:
        report = claimtally.check(root, rules=["claims", "units"])
    except ClaimtallyError:
        return
    assert {c.claim_id for c in report.claims} >= {"price_doubled"}


VALUES = [
    "value_id", "source_id", "entity_id", "metric_id", "baseline_entity_id", "setting", "value", "value_max",
    "exact", "hedge", "as_of", "quote",
]  # fmt: skip
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def _places(node: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Every place in a JSON document, as the keys and indexes that reach it."""
    places = [path]
    if isinstance(node, dict):
        for key, child in node.items():
            places += _places(child, (*path, key))
    elif isinstance(node, list):
        for i, child in enumerate(node):
            places += _places(child, (*path, i))
    return places


def _put(doc: Any, path: tuple[object, ...], value: object) -> Any:
    if not path:
        return value
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return doc


def _one_line_error(exc: ClaimtallyError) -> None:
    text = str(exc)
    assert text and "\n" not in text and "Traceback" not in text


@FUZZ
@given(data=st.data())
def test_a_descriptor_changed_anywhere_gives_a_report_or_one_package_error(tmp_path_factory, data) -> None:
    """Any JSON value at any place of the descriptor ends in a report or in one ClaimtallyError."""
    root = _package(tmp_path_factory.mktemp("descriptor"))
    doc = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    place = data.draw(st.sampled_from(_places(doc)), label="place")
    doc = _put(doc, place, data.draw(JSON, label="value"))
    (root / "datapackage.json").write_text(json.dumps(doc), encoding="utf-8")
    try:
        claimtally.check(root)
    except ClaimtallyError as exc:
        _one_line_error(exc)


@FUZZ
@given(doc=JSON)
def test_any_json_document_as_the_descriptor_gives_one_package_error_or_a_report(
    tmp_path_factory, doc: object
) -> None:
    """A descriptor that is not a descriptor at all is refused in one line."""
    root = _package(tmp_path_factory.mktemp("json"))
    (root / "datapackage.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ClaimtallyError) as caught:
        claimtally.check(root)
    _one_line_error(caught.value)


@FUZZ
@given(data=st.binary(max_size=600))
def test_any_bytes_read_as_a_table_give_rows_or_one_package_error(tmp_path_factory, data: bytes) -> None:
    """``read_table`` on arbitrary bytes returns a table or raises one ClaimtallyError naming the file."""
    file = _with_table_bytes(tmp_path_factory.mktemp("table"), "values", data)
    try:
        read_table(file, VALUES, "data/values.csv")
    except ClaimtallyError as exc:
        _one_line_error(exc)
        assert "data/values.csv" in str(exc)


#: Text from anywhere: every code point but lone surrogates (which no UTF-8 file can hold), with the
#: characters that act on terminals and CI logs drawn often.
_PIECES = ["\n", "\r", "\x1b[31m", "\x07", "\x00", "::error::", "\u2028", "\u202e", "\x85", "]]>", "<", "&"]
HOSTILE = st.lists(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6)
    | st.sampled_from(_PIECES),
    max_size=8,
).map("".join)
_BARE_PIPE = re.compile(r"(?<!\\)(?:\\\\)*[|<>\[\]]")


@functools.cache
def _bundled() -> Report:
    return claimtally.check()


def _with(report: Report, texts: list[str]) -> Report:
    """The report with one claim and one finding whose text fields are ``texts``."""
    claim = report.claims[0].model_copy(
        update={"claim_id": texts[0], "quote": texts[1], "expression": texts[2], "message": texts[3]}
    )
    finding = report.findings[0].model_copy(
        update={
            "message": texts[4],
            "file": texts[5],
            "column": texts[6],
            "observed": texts[7],
            "severity": "warning",  # listed by every format
        }
    )
    return report.model_copy(update={"claims": (claim,), "findings": (finding,)})


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(HOSTILE, min_size=8, max_size=8))
def test_every_format_renders_any_text_inert(texts: list[str]) -> None:
    """Whatever a claim's or a finding's fields hold, no rendered line can act on a terminal or a CI log,
    the JUnit XML parses, and the JSON gives the text back exactly."""
    bundled_report = _bundled()
    report = _with(bundled_report, texts)
    plain = _with(bundled_report, [t and "t" for t in texts])
    for fmt in FORMATS:
        text = render(report, fmt, show="all")
        assert not not_inert(text), (fmt, not_inert(text))
        if fmt == "junit":
            ElementTree.fromstring(text)
        if fmt == "json":
            back = json.loads(text)
            assert back["claims"][0]["quote"] == texts[1]
            assert back["findings"][0]["message"] == texts[4]
        if fmt in ("sarif", "gitlab"):
            json.loads(text)
        if fmt == "html":  # markup only from the page itself: as many tags as with plain words
            assert text.count("<") == render(plain, "html", show="all").count("<")
        if fmt == "markdown":  # no cell ends its row early, no mark of the data's own
            assert _BARE_PIPE.findall(text) == _BARE_PIPE.findall(render(plain, "markdown", show="all"))
