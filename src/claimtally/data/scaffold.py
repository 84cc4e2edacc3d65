"""``claimtally init DIR``: a new, valid, minimal claims package to start from.

It has the six tables with the bundled package's schemas and hedges, one source of kind ``article``
and one of kind ``vendor``, four prices and one worked example claim ("the price doubled") that
holds, an empty release record (``data/releases.csv``), a ``CHANGELOG.md`` with a section for its
version 0.1.0, every resource's ``hash`` and ``bytes``, and a README saying what to edit; so it can
be released from day one (``claimtally release``). It passes ``claimtally check`` and ``frictionless
validate``. Files are written atomically, and nothing is written if any of them exists already.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from pathlib import Path
from typing import Any

from claimtally.data.descriptor import (
    DESCRIPTOR,
    OPTIONAL_TABLES,
    TABLES,
    bundled_path,
    read_descriptor,
    resource,
)
from claimtally.data.package import load
from claimtally.data.table import records
from claimtally.errors import ClaimtallyError
from claimtally.output import write_atomic

_EXAMPLE = "https://example.org/"

ROWS: dict[str, list[dict[str, str]]] = {
    "sources": [
        {
            "source_id": "my-article",
            "title": "The article you are checking",
            "url": _EXAMPLE + "article",
            "publisher": "example.org",
            "kind": "article",
            "published": "",
            "notes": "Replace with the real article.",
        },
        {
            "source_id": "vendor-pricing",
            "title": "The vendor's pricing page",
            "url": _EXAMPLE + "pricing",
            "publisher": "example.org",
            "kind": "vendor",
            "published": "",
            "notes": "Replace with the real page.",
        },
    ],
    "entities": [
        {"entity_id": "model-2", "name": "Model 2", "kind": "model", "vendor": "Example Lab", "released": ""},
        {"entity_id": "model-1", "name": "Model 1", "kind": "model", "vendor": "Example Lab", "released": ""},
    ],
    "metrics": [
        {
            "metric_id": "price-output",
            "name": "Output price",
            "unit": "usd-per-mtok",
            "higher_is_better": "false",
            "items": "",
            "description": "List price in US dollars per million output tokens.",
        },
    ],
    "values": [
        {
            "value_id": "art_price_out_m2",
            "source_id": "my-article",
            "entity_id": "model-2",
            "metric_id": "price-output",
            "value": "30",
            "exact": "true",
            "quote": "now costs $30 per million output tokens",
        },
        {
            "value_id": "art_price_out_m1",
            "source_id": "my-article",
            "entity_id": "model-1",
            "metric_id": "price-output",
            "value": "15",
            "exact": "true",
            "quote": "up from $15",
        },
        {
            "value_id": "ven_price_out_m2",
            "source_id": "vendor-pricing",
            "entity_id": "model-2",
            "metric_id": "price-output",
            "value": "30.00",
            "exact": "true",
            "quote": "Output: $30.00 / 1M tokens",
        },
    ],
    "claims": [
        {
            "claim_id": "price_doubled",
            "source_id": "my-article",
            "quote": "the output price has doubled",
            "expression": "art_price_out_m2 / art_price_out_m1 == 2",
            "expect": "holds",
            "topic": "pricing",
            "notes": "30 / 15 = 2 exactly (list prices are exact): holds.",
        },
    ],
}

README = """# {name}

A claims data package in the claimtally format (data contract: tables sources, entities, metrics,
hedges, values, claims). Check it with:

    claimtally check {folder}
    frictionless validate {folder}/datapackage.json

To make it yours: replace the example rows in data/*.csv with the article you are checking (one
values row per number, with its exact words in `quote`), add the other sources' numbers beside
them, and write each relation the article asserts as a claims row (`expression`, e.g.
`a / b == 2`). Leave `expect` empty while drafting: `claimtally check --fail-on warning` then
reports failing and undetermined claims; record the verdict in `expect` once reviewed.
"""


CHANGELOG = """# Changelog

All notable changes to {name} are written here, newest first, in the form of Keep a Changelog
(https://keepachangelog.com/en/1.1.0/). Each version that `claimtally release` records needs its
section; the check says so when one is missing.

## [0.1.0]

### Added

- The first tables: one article, one vendor source, four prices and one worked example claim.
"""


def _csv(columns: list[str], rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({c: row.get(c, "") for c in columns} for row in rows)
    return out.getvalue()


def files(name: str, folder: Path) -> dict[Path, str]:
    """The files of a new package named ``name`` in ``folder``, path → text."""
    bundled = read_descriptor(bundled_path())
    resources: list[dict[str, Any]] = []
    out: dict[Path, str] = {}
    hedges = _bundled_hedges()
    for table in TABLES + OPTIONAL_TABLES:
        res = bundled_resource(table, bundled)
        columns = [f["name"] for f in res["schema"]["fields"]]
        text = _csv(columns, hedges if table == "hedges" else ROWS.get(table, []))
        data = text.encode("utf-8")
        res |= {"hash": f"sha256:{hashlib.sha256(data).hexdigest()}", "bytes": len(data)}
        resources.append(res)
        out[folder / res["path"]] = text
    descriptor = {
        "$schema": bundled.get("$schema", ""),
        "name": name,
        "title": f"{name}: claims and their sources",
        "version": "0.1.0",
        "description": "Numbers an article states, the relations it asserts between them, "
        "and the same numbers from other sources.",
        "licenses": bundled.get("licenses", []),
        "contributors": [{"title": "Your name", "roles": ["author"]}],
        "resources": resources,
    }
    out[folder / DESCRIPTOR] = json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
    out[folder / "README.md"] = README.format(name=name, folder=folder)
    out[folder / "CHANGELOG.md"] = CHANGELOG.format(name=name)
    return out


def bundled_resource(table: str, bundled: dict[str, Any] | None = None) -> dict[str, Any]:
    """A table's resource as the bundled package describes it (``bundled``, its descriptor, when the
    caller has read it already), without its hash and size."""
    bundled = bundled if bundled is not None else read_descriptor(bundled_path())
    res = resource(bundled, table, bundled_path())
    return {k: v for k, v in res.items() if k not in ("hash", "bytes")}


def _bundled_hedges() -> list[dict[str, str]]:
    return records(load().hedges)


def init(folder: Path, name: str | None = None) -> list[Path]:
    """Write a new package into ``folder`` (created if needed); refuse if any file exists."""
    name = name or re.sub(r"[^a-z0-9._-]+", "-", folder.resolve().name.lower()).strip("-._") or "my-claims"
    planned = files(name, folder)
    existing = [p for p in planned if p.exists()]
    if existing:
        msg = f"{existing[0]}: already exists; claimtally init never overwrites, choose an empty folder"
        raise ClaimtallyError(msg)
    for path, text in planned.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text)
    return list(planned)
