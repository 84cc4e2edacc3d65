"""The corpus of broken and hostile packages: each case edits a fresh valid package and names the one
outcome it must give (an exit-2 error line, or findings of a rule), with the message it must contain."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from hostile_base import Case, csv_edit, desc, write_desc


def _desc(root: Path) -> dict:
    return desc(root)


def _write_desc(root: Path, descriptor: object) -> None:
    write_desc(root, descriptor)


def _set_path(table: str, path: object) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        d = _desc(root)
        next(r for r in d["resources"] if r["name"] == table)["path"] = path
        _write_desc(root, d)

    return make


def _csv(table: str, transform: Callable[[str], str]) -> Callable[[Path], None]:
    return csv_edit(table, transform)


def _bytes(table: str, data: Callable[[str], bytes]) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        file = root / "data" / f"{table}.csv"
        file.write_bytes(data(file.read_text(encoding="utf-8")))

    return make


def _value(text: str) -> Callable[[Path], None]:
    """Put ``text`` in the value cell of the first value row (the vendor's 30.00 stays comparable)."""
    return _csv("values", lambda t: t.replace("price-output,,,30,", f"price-output,,,{text},", 1))


def _expression(text: str) -> Callable[[Path], None]:
    old = "art_price_out_m2 / art_price_out_m1 == 2"
    return _csv("claims", lambda t: t.replace(old, '"' + text.replace('"', '""') + '"', 1))


def _symlink_out(root: Path) -> None:
    outside = root.parent / "outside.csv"
    outside.write_text((root / "data" / "claims.csv").read_text(encoding="utf-8"), encoding="utf-8")
    (root / "data" / "claims.csv").unlink()
    os.symlink(outside, root / "data" / "claims.csv")


def _descriptor_url(key: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        d = _desc(root)
        next(r for r in d["resources"] if r["name"] == "claims")[key] = "https://example.org/x.json"
        _write_desc(root, d)

    return make


def _deep_json(root: Path) -> None:
    (root / "datapackage.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")


def _huge_array(root: Path) -> None:
    d = _desc(root)
    d["keywords"] = ["x"] * 3_000_000
    _write_desc(root, d)


FIRST_ROUND = [
    Case(
        "descriptor-missing", lambda r: (r / "datapackage.json").unlink(), 2, "datapackage.json: no such file"
    ),
    Case("descriptor-empty", lambda r: (r / "datapackage.json").write_text(""), 2, "not valid JSON"),
    Case(
        "descriptor-not-json",
        lambda r: (r / "datapackage.json").write_text("name: x"),
        2,
        "line 1, column 1: not valid JSON",
    ),
    Case("descriptor-not-object", lambda r: _write_desc(r, [1, 2]), 2, "must be a JSON object"),
    Case("descriptor-no-resources", lambda r: _write_desc(r, {"name": "x"}), 2, "'resources' is missing"),
    Case("json-bomb-deep", _deep_json, 2, "nested too deeply"),
    Case("json-bomb-huge-array", _huge_array, 2, "over the limit of"),
    Case("path-absolute", _set_path("claims", "/etc/passwd"), 2, "leaves the package folder"),
    Case("path-dotdot", _set_path("claims", "../claims.csv"), 2, "leaves the package folder"),
    Case("path-symlink-out", _symlink_out, 2, "resolves outside the package folder"),
    Case("path-http", _set_path("claims", "http://example.org/claims.csv"), 2, "leaves the package folder"),
    Case("path-https", _set_path("claims", "https://example.org/claims.csv"), 2, "leaves the package folder"),
    Case("path-file-url", _set_path("claims", "file:///etc/passwd"), 2, "leaves the package folder"),
    Case("path-ftp", _set_path("claims", "ftp://example.org/claims.csv"), 2, "leaves the package folder"),
    Case(
        "path-list", _set_path("claims", ["data/claims.csv", "data/claims.csv"]), 2, "].path must be a string"
    ),
    Case("schema-url", _descriptor_url("schema"), 2, "].schema must be an object"),
    Case("dialect-url", _descriptor_url("dialect"), 0, ""),
    Case("csv-missing", lambda r: (r / "data" / "claims.csv").unlink(), 2, "data/claims.csv: file missing"),
    Case("csv-empty", _csv("claims", lambda t: ""), 2, "data/claims.csv, row 1: no header"),
    Case("csv-headers-only", _csv("claims", lambda t: t.splitlines()[0] + "\n"), 0, ""),
    Case("csv-bom", _bytes("claims", lambda t: b"\xef\xbb\xbf" + t.encode()), 2, "byte-order mark"),
    Case(
        "csv-latin-1",
        _bytes("sources", lambda t: (t + "x,caf\xe9,https://e.org,p,vendor,,\n").encode("latin-1")),
        2,
        "data/sources.csv: not UTF-8",
    ),
    Case("csv-utf-16", _bytes("claims", lambda t: t.encode("utf-16")), 2, "data/claims.csv: not UTF-8"),
    Case(
        "csv-ragged-long",
        _csv("claims", lambda t: t + "a,b,c,d,e,f,g,h,i,j,k\n"),
        2,
        "data/claims.csv, line 3: 11 cells where the header has 8",
    ),
    Case("csv-ragged-short", _csv("claims", lambda t: t + "x,my-article\n"), 1, "missing-cell", "schema"),
    Case("csv-quoted-newline", _csv("values", lambda t: t.replace("up from $15", '"up\nfrom $15"')), 0, ""),
    Case(
        "csv-duplicate-header",
        _csv("claims", lambda t: t.replace("notes", "quote", 1)),
        2,
        "header does not match the schema",
    ),
    Case(
        "csv-undeclared-column",
        _csv("claims", lambda t: t.replace("notes", "notes,extra", 1)),
        2,
        "column 9 'extra': not a column",
    ),
    Case(
        "duplicate-primary-key",
        _csv("entities", lambda t: t + t.splitlines()[1] + "\n"),
        1,
        "repeats a primary key",
        "integrity",
    ),
    Case(
        "broken-foreign-key",
        _csv("values", lambda t: t.replace(",model-1,", ",model-9,", 1)),
        1,
        "'model-9' is not a entity_id",
        "integrity",
    ),
    Case("value-comma", _value('"5,30"'), 1, 'constraint "pattern"', "schema"),
    Case("value-two-points", _value("5.30.1"), 1, "'5.30.1' is not decimal text", "integrity"),
    Case("value-exponent", _value("1e999999999"), 1, "not decimal text", "integrity"),
    Case("value-negative-zero", _value("-0"), 1, "recorded 'holds' but the check gives", "claims"),
    Case("value-nan", _value("NaN"), 1, "not decimal text", "integrity"),
    Case("value-infinity", _value("Infinity"), 1, "not decimal text", "integrity"),
    Case("value-hex", _value("0x10"), 1, "not decimal text", "integrity"),
    Case("value-spaces", _value('" 5 "'), 1, "not decimal text", "integrity"),
    Case("value-10000-digits", _value("1" * 10_000), 1, "more than the limit of 100", "integrity"),
    Case("expr-import", _expression("__import__('os')"), 1, "at character 1", "claims"),
    Case("expr-attribute", _expression("art.x == 1"), 1, "expression:", "claims"),
    Case("expr-subscript", _expression("a[0] == 1"), 1, "expression:", "claims"),
    Case("expr-lambda", _expression("lambda: 1"), 1, "expression:", "claims"),
    Case("expr-call", _expression("f(x) == 1"), 1, "the only functions are min, max and abs", "claims"),
    Case("expr-conditional", _expression("1 if a else b"), 1, "expression:", "claims"),
    Case(
        "expr-deep-parens",
        _expression("(" * 500 + "1" + ")" * 500 + " == 1"),
        1,
        "--max-expression-depth",
        "claims",
    ),
    Case(
        "expr-10000-parens",
        _expression("(" * 10_000 + "1" + ")" * 10_000 + " == 1"),
        1,
        "--max-expression-length",
        "claims",
    ),
    Case(
        "expr-one-megabyte", _expression("1 + " * 250_000 + "1 == 1"), 1, "--max-expression-length", "claims"
    ),
    Case(
        "expr-unknown-id", _expression("art_price_out_m3 == 30"), 1, "did you mean art_price_out_m2", "claims"
    ),
    Case("expr-id-differs-in-case", _expression("Art_Price_Out_M2 == 30"), 1, "art_price_out_m2", "claims"),
    Case(
        "expr-divide-by-zero-interval",
        _expression("art_price_out_m2 / (art_price_out_m1 - 15) == 2"),
        1,
        "recorded 'holds' but the check gives 'undetermined'",
        "claims",
    ),
    Case(
        "hedge-unknown",
        _csv("values", lambda t: t.replace("30,,true,,", "30,,true,kinda,", 1)),
        1,
        "hedge 'kinda' is not in the hedges table",
        "integrity",
    ),
]


def _all() -> list[Case]:
    from hostile_classes import CASES as SECOND_ROUND

    return FIRST_ROUND + SECOND_ROUND


CASES = _all()
