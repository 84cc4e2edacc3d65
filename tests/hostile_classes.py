"""The second round of the hostile corpus, one group per class of attack: descriptor shapes, paths,
bounded reads, numbers from text, escapes, output targets, bounded time and fuzzer-shaped input.

Each case is a :class:`hostile.Case` with its class, the command it runs (``{root}`` is the package
folder, ``{out}`` a folder beside it where an output may be written) and its one outcome.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hostile_base import Case, csv_edit, desc, fresh, write_desc

Edit = Callable[[Path], None]

#: Everything a terminal or a CI log could act on, in one cell: an OSC title, a colour, a forged
#: workflow command on a line of its own, CR, the line separator, NEL, a C1 CSI and a noncharacter.
PAYLOAD = "\x1b]0;owned\x07\x1b[31mred\n::error file=x::forged\r\u2028\u0085\x9b31m\ufffe\u202eend"


def _descriptor(edit: Callable[[dict[str, Any]], None]) -> Edit:
    def make(root: Path) -> None:
        d = desc(root)
        edit(d)
        write_desc(root, d)

    return make


def _res(d: dict[str, Any], name: str) -> dict[str, Any]:
    return next(r for r in d["resources"] if r["name"] == name)


def _field(d: dict[str, Any], table: str, name: str) -> dict[str, Any]:
    return next(f for f in _res(d, table)["schema"]["fields"] if f["name"] == name)


def _constraint(table: str, field: str, **constraints: object) -> Edit:
    return _descriptor(lambda d: _field(d, table, field).setdefault("constraints", {}).update(constraints))


SHAPES = [
    Case(
        "shape-field-name-number",
        _descriptor(lambda d: _res(d, "values")["schema"]["fields"][3].update(name=7)),
        2,
        "resources[4].schema.fields[3].name must be a string",
        klass="shape",
    ),
    Case(
        "shape-field-type-list",
        _descriptor(lambda d: _field(d, "values", "value").update(type=["string"])),
        2,
        "fields[6].type must be one of",
        klass="shape",
    ),
    Case(
        "shape-constraints-string",
        _descriptor(lambda d: _field(d, "claims", "quote").update(constraints="required")),
        2,
        "fields[2].constraints must be an object",
        klass="shape",
    ),
    Case(
        "shape-min-length-string",
        _constraint("claims", "quote", minLength="3"),
        2,
        "constraints.minLength must be an integer",
        klass="shape",
    ),
    Case(
        "shape-max-length-float",
        _constraint("claims", "quote", maxLength=1.5),
        2,
        "constraints.maxLength must be an integer",
        klass="shape",
    ),
    Case(
        "shape-enum-string",
        _constraint("values", "exact", enum="true,false"),
        2,
        "constraints.enum must be a list",
        klass="shape",
    ),
    Case(
        "shape-pattern-number",
        _constraint("values", "value", pattern=12),
        2,
        "constraints.pattern must be a string",
        klass="shape",
    ),
    Case(
        "shape-pattern-invalid",
        _constraint("values", "value", pattern="[0-9"),
        2,
        "constraints.pattern is not a regular expression RE2 can match",
        klass="shape",
    ),
    Case(
        "shape-pattern-lookahead",
        _constraint("values", "value", pattern="(?=1)1"),
        2,
        "RE2 can match",
        klass="shape",
    ),
    Case(
        "shape-missing-values-string",
        _descriptor(lambda d: _res(d, "values")["schema"].update(missingValues="NA")),
        2,
        "schema.missingValues must be a list",
        klass="shape",
    ),
    Case(
        "shape-primary-key-unknown",
        _descriptor(lambda d: _res(d, "claims")["schema"].update(primaryKey=["claim"])),
        2,
        "primaryKey[0] names 'claim', not a field",
        klass="shape",
    ),
    Case(
        "shape-primary-key-object",
        _descriptor(lambda d: _res(d, "claims")["schema"].update(primaryKey={"a": 1})),
        2,
        "schema.primaryKey must be a list",
        klass="shape",
    ),
    Case(
        "shape-foreign-keys-string",
        _descriptor(lambda d: _res(d, "claims")["schema"].update(foreignKeys="sources")),
        2,
        "schema.foreignKeys must be a list",
        klass="shape",
    ),
    Case(
        "shape-foreign-key-no-reference",
        _descriptor(lambda d: _res(d, "claims")["schema"]["foreignKeys"][0].pop("reference")),
        2,
        "foreignKeys[0].reference is missing",
        klass="shape",
    ),
    Case(
        "shape-reference-string",
        _descriptor(lambda d: _res(d, "claims")["schema"]["foreignKeys"][0].update(reference="sources")),
        2,
        "foreignKeys[0].reference must be an object",
        klass="shape",
    ),
    Case(
        "shape-reference-unknown-resource",
        _descriptor(
            lambda d: _res(d, "claims")["schema"]["foreignKeys"][0]["reference"].update(resource="authors")
        ),
        2,
        "reference.resource names 'authors', not a table",
        klass="shape",
    ),
    Case(
        "shape-reference-unknown-field",
        _descriptor(
            lambda d: _res(d, "claims")["schema"]["foreignKeys"][0]["reference"].update(fields=["id"])
        ),
        2,
        "reference.fields[0] names 'id', not a field of 'sources'",
        klass="shape",
    ),
    Case(
        "shape-composite-key-mismatch",
        _descriptor(
            lambda d: _res(d, "claims")["schema"]["foreignKeys"][0].update(fields=["source_id", "hedge"])
        ),
        2,
        "lists 1 fields for the 2 of the key",
        klass="shape",
    ),
    Case(
        "shape-contributors-object",
        _descriptor(lambda d: d.update(contributors={"title": "A"})),
        2,
        "contributors must be a list",
        klass="shape",
    ),
    Case(
        "shape-contributor-roles-string",
        _descriptor(lambda d: d.update(contributors=[{"title": "A", "roles": "author"}])),
        2,
        "contributors[0].roles must be a list",
        klass="shape",
    ),
    Case(
        "shape-keywords-string",
        _descriptor(lambda d: d.update(keywords="ai, models")),
        2,
        "keywords must be a list",
        klass="shape",
    ),
    Case(
        "shape-licenses-strings",
        _descriptor(lambda d: d.update(licenses=["CC0-1.0"])),
        2,
        "licenses[0] must be an object",
        klass="shape",
    ),
    Case(
        "shape-version-number",
        _descriptor(lambda d: d.update(version=2)),
        2,
        "version must be a string",
        klass="shape",
    ),
    Case(
        "shape-resource-repeated",
        _descriptor(lambda d: d["resources"].append(dict(_res(d, "claims")))),
        2,
        "repeats the resource name 'claims'",
        klass="shape",
    ),
    Case(
        "shape-composite-foreign-key",
        _descriptor(
            lambda d: _res(d, "claims")["schema"]["foreignKeys"].append(
                {
                    "fields": ["source_id", "topic"],
                    "reference": {"resource": "values", "fields": ["source_id", "metric_id"]},
                }
            )
        ),
        1,
        "'my-article, pricing' is not a source_id, metric_id of values",
        "integrity",
        klass="shape",
    ),
]


def _symlink(target: Callable[[Path], Path], link: Callable[[Path], Path]) -> Edit:
    def make(root: Path) -> None:
        where, to = link(root), target(root)
        where.unlink(missing_ok=True)
        where.symlink_to(to)

    return make


def _outside_copy(root: Path, name: str) -> Path:
    copy = root.parent / name
    copy.write_bytes((root / "data" / "claims.csv").read_bytes())
    return copy


def _changelog_outside(root: Path) -> None:
    _changelog(b"## [0.1.0]\n")(root)
    secret = root.parent / "secret.md"
    os.replace(root / "CHANGELOG.md", secret)
    (root / "CHANGELOG.md").symlink_to(secret)


def _path(table: str, path: str) -> Edit:
    return _descriptor(lambda d: _res(d, table).update(path=path))


PATHS = [
    Case("path-nul-byte", _path("claims", "data/cla\0ims.csv"), 2, "holds a NUL byte", klass="paths"),
    Case(
        "path-name-too-long",
        _path("claims", "data/" + "c" * 300 + ".csv"),
        2,
        "the path is too long",
        klass="paths",
    ),
    Case(
        "path-too-long", _path("claims", "d/" * 2100 + "claims.csv"), 2, "the path is too long", klass="paths"
    ),
    Case(
        "path-symlink-loop",
        _symlink(lambda r: r / "data" / "claims.csv", lambda r: r / "data" / "claims.csv"),
        2,
        "a symlink loop",
        klass="paths",
    ),
    Case(
        "path-symlink-loop-pair",
        lambda r: (
            _symlink(lambda r: r / "data" / "b.csv", lambda r: r / "data" / "claims.csv")(r),
            (r / "data" / "b.csv").symlink_to(r / "data" / "claims.csv"),
        ),
        2,
        "a symlink loop",
        klass="paths",
    ),
    Case(
        "path-descriptor-symlink-out",
        lambda r: (
            os.replace(r / "datapackage.json", r.parent / "elsewhere.json"),
            (r / "datapackage.json").symlink_to(r.parent / "elsewhere.json"),
        ),
        2,
        "resolves outside the package folder",
        klass="paths",
    ),
    Case(
        "path-changelog-symlink-out",
        _changelog_outside,
        2,
        "CHANGELOG.md: resolves outside the package folder",
        klass="paths",
    ),
    Case(
        "path-folder-symlink-out",
        lambda r: (
            os.replace(r / "data", r.parent / "data-out"),
            (r / "data").symlink_to(r.parent / "data-out"),
        ),
        2,
        "resolves outside the package folder",
        klass="paths",
    ),
    Case(
        "path-relative-symlink-out",
        _symlink(
            lambda r: Path("..") / ".." / _outside_copy(r, "c.csv").name, lambda r: r / "data" / "claims.csv"
        ),
        2,
        "resolves outside the package folder",
        klass="paths",
    ),
    Case(
        "path-resource-is-folder",
        lambda r: (r / "data" / "claims.csv").unlink() or (r / "data" / "claims.csv").mkdir(),
        2,
        "not a regular file",
        klass="paths",
    ),
    Case(
        "path-dot-segments",
        _path("claims", "data/./../data/claims.csv"),
        2,
        "leaves the package folder",
        klass="paths",
    ),
    Case(
        "path-backslash-root",
        _path("claims", "\\\\server\\share\\claims.csv"),
        2,
        "leaves the package folder",
        klass="paths",
    ),
]


def _changelog(data: bytes) -> Edit:
    def make(root: Path) -> None:
        (root / "CHANGELOG.md").write_bytes(data)
        d = desc(root)
        d["resources"] = [r for r in d["resources"] if r["name"] != "releases"]  # init's, empty
        d["resources"].append(
            {
                "name": "releases",
                "path": "data/releases.csv",
                "schema": {
                    "fields": [
                        {"name": n} for n in ("version", "date", "resource", "sha256", "bytes", "rows")
                    ]
                },
            }
        )
        write_desc(root, d)
        (root / "data" / "releases.csv").write_text(
            "version,date,resource,sha256,bytes,rows\n0.1.0,2026-01-01,claims,0,1,1\n", encoding="utf-8"
        )

    return make


def _wide_header(root: Path) -> None:
    d = desc(root)
    fields = _res(d, "claims")["schema"]["fields"]
    extra = [f"extra_{i}" for i in range(9000)]
    fields += [{"name": n} for n in extra]
    write_desc(root, d)
    file = root / "data" / "claims.csv"
    lines = file.read_text(encoding="utf-8").splitlines()
    header = lines[0] + "," + ",".join(extra[:-1]) + ",surprise"
    body = [line + "," * len(extra) for line in lines[1:]]
    file.write_text("\n".join([header, *body]) + "\n", encoding="utf-8")


def _missing_columns(root: Path) -> None:
    d = desc(root)
    _res(d, "claims")["schema"]["fields"] += [{"name": f"column_{i}_" + "x" * 40} for i in range(100)]
    write_desc(root, d)


READS = [
    Case(
        "read-changelog-latin-1",
        _changelog("## [0.1.0] caf\xe9\n".encode("latin-1")),
        2,
        "CHANGELOG.md: not UTF-8 (byte 14)",
        klass="reads",
    ),
    Case(
        "read-changelog-utf-16",
        _changelog("## [0.1.0]\n".encode("utf-16")),
        2,
        "CHANGELOG.md: not UTF-8",
        klass="reads",
    ),
    Case(
        "read-changelog-too-large",
        _changelog(b"## [0.1.0]\n" + b"x" * 3_000_000),
        2,
        "CHANGELOG.md: 3000011 bytes, over the limit",
        klass="reads",
        argv=("check", "{root}", "--format", "json", "--max-file-size", "2M"),
    ),
    Case(
        "read-descriptor-too-large",
        lambda r: write_desc(r, {**desc(r), "description": "x" * 3_000_000}),
        2,
        "over the limit of",
        klass="reads",
        argv=("check", "{root}", "--format", "json", "--max-file-size", "2M"),
    ),
    Case("read-wide-header", _wide_header, 2, "column 9008 'surprise': not a column", klass="reads"),
    Case(
        "read-header-cell-huge",
        csv_edit("claims", lambda t: t.replace("notes", "notes" + "n" * 200_000, 1)),
        2,
        "row 1, column 8 'notesnnn",
        klass="reads",
    ),
    Case("read-error-line-capped", _missing_columns, 2, "…", klass="reads"),
    Case(
        "read-header-not-utf8",
        lambda r: (r / "data" / "claims.csv").write_bytes(b"claim_id,\xff\n"),
        2,
        "data/claims.csv: not UTF-8 (byte 9)",
        klass="reads",
    ),
    Case(
        "read-huge-cell",
        csv_edit("values", lambda t: t.replace("up from $15", "up from $15 " + "w" * 3_000_000)),
        0,
        "",
        klass="reads",
    ),
]


def _hedge_cell(column: str, text: str) -> Edit:
    def edit(t: str) -> str:
        old = "about,approx,,2,"
        new = {"relative_tolerance": f"about,approx,{text},2,", "digit_units": f"about,approx,,{text},"}[
            column
        ]
        return t.replace(old, new, 1)

    return csv_edit("hedges", edit)


def _metric_items(text: str) -> Edit:
    def make(root: Path) -> None:
        csv_edit("metrics", lambda t: t.replace("usd-per-mtok,false,,", f"usd-per-mtok,false,{text},", 1))(
            root
        )

    return make


NUMBERS = [
    Case(
        "number-tolerance-superscript",
        _hedge_cell("relative_tolerance", "0.²"),
        1,
        "hedges.csv, row 2, about: relative_tolerance '0.²' is not a non-negative decimal",
        "integrity",
        klass="numbers",
    ),
    Case(
        "number-tolerance-exponent",
        _hedge_cell("relative_tolerance", "1e999999999"),
        1,
        "relative_tolerance '1e999999999' is not a non-negative decimal",
        "integrity",
        klass="numbers",
    ),
    Case(
        "number-tolerance-negative",
        _hedge_cell("relative_tolerance", "-0.1"),
        1,
        "relative_tolerance '-0.1' is not a non-negative",
        "integrity",
        klass="numbers",
    ),
    Case(
        "number-tolerance-nan",
        _hedge_cell("relative_tolerance", "NaN"),
        1,
        "relative_tolerance 'NaN'",
        "integrity",
        klass="numbers",
    ),
    Case(
        "number-digit-units-arabic",
        _hedge_cell("digit_units", "٢"),
        1,
        "hedges.csv, row 2, about: digit_units '٢'",
        "integrity",
        klass="numbers",
    ),
    Case(
        "number-digit-units-huge",
        _hedge_cell("digit_units", "9" * 40),
        1,
        "digit_units '99999",
        "integrity",
        klass="numbers",
    ),
    Case(
        "number-items-superscript",
        _metric_items("5²"),
        1,
        "items '5²' is not a whole number in digits 0-9",
        "integrity",
        klass="numbers",
    ),
    Case(
        "number-items-zero",
        _metric_items("0"),
        1,
        "items is 0; it must be a positive whole number",
        "integrity",
        klass="numbers",
    ),
    Case(
        "number-items-exponent",
        _metric_items("1e9"),
        1,
        "items '1e9' is not a whole number",
        "integrity",
        klass="numbers",
    ),
    Case(
        "number-version-superscript", _descriptor(lambda d: d.update(version="1.².0")), 0, "", klass="numbers"
    ),
    Case(
        "number-value-fullwidth",
        csv_edit("values", lambda t: t.replace("price-output,,,30,", "price-output,,,３０,", 1)),
        1,
        "not decimal text",
        "integrity",
        klass="numbers",
    ),
]


def _cell(table: str, old: str, new: str) -> Edit:
    return csv_edit(table, lambda t: t.replace(old, '"' + new.replace('"', '""') + '"', 1))


def _diff_pair(root: Path) -> None:
    fresh(root / "old")
    _cell("claims", "the output price has doubled", "doubled " + PAYLOAD)(root)


def _article(text: str, name: str = "article.txt") -> Edit:
    def make(root: Path) -> None:
        (root / name).write_text(text, encoding="utf-8")

    return make


ESCAPES = [
    Case(
        "escape-claim-quote-text",
        _cell("claims", "the output price has doubled", "doubled " + PAYLOAD),
        0,
        "",
        klass="escapes",
        argv=("check", "{root}", "--show", "all"),
    ),
    Case(
        "escape-claim-id-text",
        _cell("claims", "price_doubled", "price" + PAYLOAD),
        1,
        "",
        klass="escapes",
        argv=("check", "{root}"),
    ),
    Case(
        "escape-value-quote-github",
        _cell("values", "up from $15", "up from $15 " + PAYLOAD),
        0,
        "",
        klass="escapes",
        argv=("check", "{root}", "--format", "github", "--show", "all"),
    ),
    Case(
        "escape-expression-junit",
        _cell("claims", "art_price_out_m2 / art_price_out_m1 == 2", "art_price_out_m2 " + PAYLOAD),
        1,
        "",
        klass="escapes",
        argv=("check", "{root}", "--format", "junit"),
    ),
    Case(
        "escape-source-title-html",
        _cell("sources", "The article you are checking", PAYLOAD),
        0,
        "",
        klass="escapes",
        argv=("check", "{root}", "--format", "html"),
    ),
    Case(
        "escape-claim-quote-json",
        _cell("claims", "the output price has doubled", "doubled " + PAYLOAD),
        0,
        "",
        klass="escapes",
        argv=("check", "{root}", "--format", "json", "--show", "all"),
    ),
    Case(
        "escape-explain",
        _cell("claims", "the output price has doubled", "doubled " + PAYLOAD),
        0,
        "",
        klass="escapes",
        argv=("explain", "price_doubled", "{root}"),
    ),
    Case(
        "escape-cite-title",
        _descriptor(lambda d: d.update(title=PAYLOAD)),
        0,
        "",
        klass="escapes",
        argv=("cite", "{root}"),
    ),
    Case(
        "escape-cite-bibtex",
        _descriptor(lambda d: d.update(title=PAYLOAD)),
        0,
        "",
        klass="escapes",
        argv=("cite", "--format", "bibtex", "{root}"),
    ),
    Case(
        "escape-tables-description",
        _descriptor(lambda d: _field(d, "values", "quote").update(description=PAYLOAD)),
        0,
        "",
        klass="escapes",
        argv=("tables", "{root}"),
    ),
    Case(
        "escape-error-line",
        _path("claims", "data/" + PAYLOAD.replace("\n", "") + ".csv"),
        2,
        "file missing",
        klass="escapes",
    ),
    Case("escape-diff", _diff_pair, 0, "", klass="escapes", argv=("diff", "{root}/old", "{root}")),
    Case(
        "escape-extract",
        _article("The price is now $30 " + PAYLOAD + " per million tokens."),
        0,
        "",
        klass="escapes",
        argv=("extract", "{root}/article.txt", "{root}"),
    ),
    Case(
        "escape-coverage",
        _article("The price is now $30 " + PAYLOAD + " per million tokens."),
        1,
        "",
        klass="escapes",
        argv=("coverage", "{root}/article.txt", "{root}", "--source-id", "my-article"),
    ),
]

OUTPUTS = [
    Case(
        "output-dev-null",
        lambda r: None,
        2,
        "/dev/null: is not a regular file",
        klass="output",
        argv=("check", "{root}", "-o", "/dev/null"),
    ),
    Case(
        "output-dev-full",
        lambda r: None,
        2,
        "/dev/full: is not a regular file",
        klass="output",
        argv=("check", "{root}", "-o", "/dev/full"),
    ),
    Case(
        "output-dev-stdout",
        lambda r: None,
        2,
        "/dev/stdout: is not a regular file",
        klass="output",
        argv=("check", "{root}", "-o", "/dev/stdout"),
    ),
    Case(
        "output-folder",
        lambda r: None,
        2,
        "is a folder",
        klass="output",
        argv=("check", "{root}", "-o", "{out}"),
    ),
    Case(
        "output-fifo",
        lambda r: os.mkfifo(r.parent / "out" / "fifo"),
        2,
        "is not a regular file",
        klass="output",
        argv=("check", "{root}", "-o", "{out}/fifo"),
    ),
    Case(
        "output-descriptor",
        lambda r: None,
        2,
        "refusing to write over a file of the package",
        klass="output",
        argv=("check", "{root}", "-o", "{root}/datapackage.json"),
    ),
    Case(
        "output-changelog",
        lambda r: None,
        2,
        "refusing to write over a file of the package",
        klass="output",
        argv=("check", "{root}", "-o", "{root}/CHANGELOG.md"),
    ),
    Case(
        "output-hard-link",
        lambda r: os.link(r / "data" / "values.csv", r.parent / "out" / "v.csv"),
        2,
        "refusing to write over a file of the package",
        klass="output",
        argv=("check", "{root}", "-o", "{out}/v.csv"),
    ),
    Case(
        "output-symlink-to-table",
        lambda r: (r.parent / "out" / "v.csv").symlink_to(r / "data" / "claims.csv"),
        2,
        "refusing to write over a file of the package",
        klass="output",
        argv=("check", "{root}", "-o", "{out}/v.csv"),
    ),
    Case(
        "output-dangling-symlink",
        lambda r: (r.parent / "out" / "d.json").symlink_to(r.parent / "nowhere" / "x"),
        2,
        "is a symlink to nothing",
        klass="output",
        argv=("check", "{root}", "-o", "{out}/d.json"),
    ),
    Case(
        "output-no-folder",
        lambda r: None,
        2,
        "does not exist; create it first",
        klass="output",
        argv=("check", "{root}", "-o", "{out}/missing/r.json"),
    ),
    Case(
        "output-extract-over-article",
        _article("Now $30."),
        2,
        "refusing to write over",
        klass="output",
        argv=("extract", "{root}/article.txt", "{root}", "-o", "{root}/article.txt"),
    ),
    Case(
        "output-new-file",
        lambda r: None,
        0,
        "",
        klass="output",
        argv=("check", "{root}", "--format", "json", "-o", "{out}/report.json"),
        writes="report.json",
    ),
]


def _evil_pattern(pattern: str, cell_old: str, cell_new: str, table: str = "values") -> Edit:
    def make(root: Path) -> None:
        field = "quote" if table == "values" else "notes"
        _constraint(table, field, pattern=pattern)(root)
        _cell(table, cell_old, cell_new)(root)

    return make


def _on_article(case_id: str, command: str, text: str) -> Case:
    """``extract`` (exit 0) or ``coverage`` (exit 1: the package records none of it) on a long article."""
    argv = ("extract", "{root}/article.txt", "{root}")
    if command == "coverage":
        argv = ("coverage", "{root}/article.txt", "{root}", "--source-id", "my-article")
    return Case(case_id, _article(text), 0 if command == "extract" else 1, "", klass="time", argv=argv)


TIME = [
    Case(
        "time-pattern-nested-plus",
        _evil_pattern("(a+)+$", "up from $15", "a" * 5000 + "!"),
        1,
        'constraint "pattern"',
        "schema",
        klass="time",
    ),
    Case(
        "time-pattern-alternation",
        _evil_pattern("(a|aa)+$", "up from $15", "a" * 5000 + "!"),
        1,
        'constraint "pattern"',
        "schema",
        klass="time",
    ),
    Case(
        "time-pattern-nested-star",
        _evil_pattern("(.*a){20}", "up from $15", "a" * 30 + "b" * 5000),
        1,
        'constraint "pattern"',
        "schema",
        klass="time",
    ),
    Case(
        "time-pattern-claims-notes",
        _evil_pattern(
            "(x+x+)+y", "30 / 15 = 2 exactly (list prices are exact): holds.", "x" * 5000, "claims"
        ),
        1,
        'constraint "pattern"',
        "schema",
        klass="time",
    ),
    Case(
        "time-pattern-irregular-table",
        lambda r: (
            _evil_pattern("(a+)+$", "up from $15", "a" * 5000 + "!")(r),
            csv_edit("values", lambda t: t + "short,row\n")(r),
        ),
        1,
        'constraint "pattern"',
        "schema",
        klass="time",
    ),
    _on_article("time-extract-run-on", "extract", "and the price rose " * 20_000 + "to $30"),
    _on_article("time-extract-digits", "extract", "1," * 100_000 + "5"),
    _on_article(
        "time-extract-run-on-prices",
        "extract",
        "GPT-5.5 scores 82.7% and about 3 points ahead at $5, " * 4_000 + "at $30 per million tokens",
    ),
    _on_article("time-coverage-mail-like-run", "coverage", "1,@a." * 40_000 + " $30"),
    _on_article("time-coverage-run-on", "coverage", "about " * 50_000 + "$30"),
]


def _random_bytes(table: str, seed: int) -> Edit:
    def make(root: Path) -> None:
        import random

        rng = random.Random(seed)
        file = root / "data" / f"{table}.csv"
        data = bytearray(file.read_bytes())
        for _ in range(40):
            data[rng.randrange(len(data))] = rng.choice(b'",\n\r\x00\xff;')
        file.write_bytes(bytes(data))

    return make


FUZZ = [
    Case(
        "fuzz-descriptor-nested-nulls",
        _descriptor(lambda d: _res(d, "values").update(schema={"fields": [None]})),
        2,
        "fields[0] must be an object",
        klass="fuzz",
    ),
    Case(
        "fuzz-descriptor-fields-strings",
        _descriptor(lambda d: _res(d, "values")["schema"].update(fields=["value_id"])),
        2,
        "fields[0] must be an object",
        klass="fuzz",
    ),
    Case(
        "fuzz-descriptor-resource-null",
        _descriptor(lambda d: d["resources"].insert(0, None)),
        2,
        "resources[0] must be an object",
        klass="fuzz",
    ),
    Case(
        "fuzz-descriptor-name-object",
        _descriptor(lambda d: _res(d, "values").update(name={"v": 1})),
        2,
        "resources[4].name must be a string",
        klass="fuzz",
    ),
    Case(
        "fuzz-descriptor-true-values-string",
        _descriptor(lambda d: _field(d, "values", "exact").update(trueValues="yes")),
        2,
        "trueValues must be a list",
        klass="fuzz",
    ),
    Case(
        "fuzz-csv-nul-bytes",
        csv_edit("claims", lambda t: t.replace("doubled", "dou\0bled")),
        1,
        'constraint "pattern"',
        "schema",
        klass="fuzz",
    ),
    Case(
        "fuzz-csv-unclosed-quote",
        csv_edit("claims", lambda t: t.replace("price_doubled,", 'price_doubled,"', 1)),
        2,
        "data/claims.csv",
        klass="fuzz",
    ),
    Case("fuzz-csv-cr-only", csv_edit("claims", lambda t: t.replace("\n", "\r")), 0, "", klass="fuzz"),
    Case("fuzz-csv-random-bytes", _random_bytes("values", 7), 2, "data/values.csv", klass="fuzz"),
]

CASES = SHAPES + PATHS + READS + NUMBERS + ESCAPES + OUTPUTS + TIME + FUZZ
