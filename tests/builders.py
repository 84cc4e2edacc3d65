"""Tiny package builders: each test writes the few rows it needs into a temporary package."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
ARTICLE = SHARED / "article" / "gpt-5.5-retrain-article.txt"
EVIDENCE = SHARED / "evidence" / "sources.json"
GOLDEN = REPO / "tests" / "golden"
#: Set CLAIMTALLY_UPDATE_GOLDEN=1 to rewrite the golden files (and README blocks) after a deliberate change.
UPDATE_GOLDEN = os.environ.get("CLAIMTALLY_UPDATE_GOLDEN") == "1"


def assert_golden(name: str, text: str) -> None:
    """``text`` is exactly the golden file ``tests/golden/<name>`` (rewritten first under UPDATE_GOLDEN)."""
    path = GOLDEN / name
    if UPDATE_GOLDEN:
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text


Row = dict[str, str]

BASE: dict[str, list[Row]] = {
    "sources": [
        {
            "source_id": "art",
            "title": "An article",
            "url": "https://example.org/a",
            "publisher": "Example",
            "kind": "article",
        },
        {
            "source_id": "vend",
            "title": "Vendor page",
            "url": "https://example.org/v",
            "publisher": "Vendor",
            "kind": "vendor",
        },
        {
            "source_id": "ind",
            "title": "Leaderboard",
            "url": "https://example.org/i",
            "publisher": "Board",
            "kind": "independent",
        },
    ],
    "entities": [
        {"entity_id": "m-new", "name": "Model New", "kind": "model", "vendor": "Lab"},
        {"entity_id": "m-old", "name": "Model Old", "kind": "model", "vendor": "Lab"},
    ],
    "metrics": [
        {
            "metric_id": "price-input",
            "name": "Input price",
            "unit": "usd-per-mtok",
            "higher_is_better": "false",
            "description": "List price of input tokens.",
        },
        {
            "metric_id": "price-output",
            "name": "Output price",
            "unit": "usd-per-mtok",
            "higher_is_better": "false",
            "description": "List price of output tokens.",
        },
        {
            "metric_id": "bench",
            "name": "A benchmark",
            "unit": "percent",
            "higher_is_better": "true",
            "items": "89",
            "description": "Share of 89 tasks solved.",
        },
    ],
}


def hedge_rows() -> list[Row]:
    """The bundled hedges table."""
    with (REPO / "data" / "hedges.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def value(value_id: str, val: str, **cells: str) -> Row:
    """A value row with defaults: article source, model m-new, the bench metric, not exact."""
    row = {
        "value_id": value_id,
        "source_id": "art",
        "entity_id": "m-new",
        "metric_id": "bench",
        "value": val,
        "exact": "false",
        "quote": f"states {val}",
    }
    row.update(cells)
    return row


def claim(claim_id: str, expression: str, **cells: str) -> Row:
    """A claim row with defaults: article source, topic test, no expect."""
    row = {
        "claim_id": claim_id,
        "source_id": "art",
        "quote": f"says {expression}",
        "expression": expression,
        "topic": "test",
    }
    row.update(cells)
    return row


def write_package(
    folder: Path, tables: dict[str, list[Row]], descriptor: dict[str, Any] | None = None
) -> Path:
    """Write a package with the bundled schemas and the given rows; return its descriptor path."""
    desc = descriptor or json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    for res in desc["resources"]:  # the bundled files' hashes do not describe these files
        res.pop("hash", None)
        res.pop("bytes", None)
    (folder / "data").mkdir(parents=True, exist_ok=True)
    for res in desc["resources"]:
        names = [f["name"] for f in res["schema"]["fields"]]
        rows = tables.get(res["name"], [])
        with (folder / res["path"]).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=names, lineterminator="\n")
            writer.writeheader()
            for row in rows:
                writer.writerow({n: row.get(n, "") for n in names})
    path = folder / "datapackage.json"
    path.write_text(json.dumps(desc, indent=2) + "\n", encoding="utf-8")
    return path
