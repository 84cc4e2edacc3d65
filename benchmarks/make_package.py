"""Write a valid synthetic claims package of N values, deterministic for a seed.

    python benchmarks/make_package.py OUT_DIR --values 100000 [--seed 1] [--broken 0.01]

Sources N/100, claims N/10 (expressions over 2-6 value ids), entities N/1000 (at least 10), the bundled
metrics and hedges, settings and quotes of about 100 characters. ``--broken F`` makes a fraction F of
the value rows broken, cycling through the kinds: a value that is not decimal text, an unknown entity,
a repeated value id, an unknown hedge.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

from claimtally.data.descriptor import bundled_path
from claimtally.data.package import load
from claimtally.data.table import records

SETTINGS = ("", "", "", "xhigh", "high", "medium", "v4.0, xhigh", "codex")
HEDGES = ("", "", "", "", "", "about", "around", "over", "nearly")
WORDS = (
    "the",
    "model",
    "scores",
    "on",
    "benchmark",
    "price",
    "per",
    "million",
    "tokens",
    "reported",
    "compared",
    "with",
    "its",
    "predecessor",
    "at",
    "launch",
    "according",
    "to",
    "vendor",
    "table",
)
BROKEN_KINDS = ("value", "entity", "duplicate", "hedge")


def _quote(rng: random.Random, number: str) -> str:
    words = [rng.choice(WORDS) for _ in range(14)]
    words.insert(rng.randrange(len(words)), number)
    return " ".join(words)[:100]


def _number(rng: random.Random) -> str:
    whole = rng.randrange(1, 1000)
    places = rng.choice((0, 1, 1, 2))
    return str(whole) if places == 0 else f"{whole}.{rng.randrange(10**places):0{places}d}"


def make(out: Path, n: int, seed: int = 1, broken: float = 0.0) -> Path:
    """Write the package into ``out`` and return its descriptor path."""
    rng = random.Random(seed)
    bundled = load()
    descriptor = json.loads(bundled_path().read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "releases"]
    for res in descriptor["resources"]:
        res.pop("hash", None)
        res.pop("bytes", None)
    descriptor["name"] = f"synthetic-{n}"
    (out / "data").mkdir(parents=True, exist_ok=True)
    columns = {r["name"]: [f["name"] for f in r["schema"]["fields"]] for r in descriptor["resources"]}

    def write(table: str, rows: object) -> None:
        with (out / "data" / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns[table])
            writer.writerows(rows)  # type: ignore[arg-type]

    n_sources, n_entities = max(n // 100, 2), max(n // 1000, 10)
    kinds = ("article", "vendor", "independent", "secondary")
    write(
        "sources",
        (
            [
                f"s{i}",
                f"Source {i}",
                f"https://example.org/{i}",
                "example.org",
                kinds[i % 4],
                "2026-04-24",
                "",
            ]
            for i in range(n_sources)
        ),
    )
    write("entities", ([f"m{i}", f"Model {i}", "model", "Lab", ""] for i in range(n_entities)))
    write("metrics", ([r[c] for c in columns["metrics"]] for r in records(bundled.metrics)))
    write("hedges", ([r[c] for c in columns["hedges"]] for r in records(bundled.hedges)))
    metrics = list(bundled.metrics["metric_id"])
    every = int(1 / broken) if broken > 0 else 0

    def values() -> object:
        for i in range(n):
            number = _number(rng)
            row = [
                f"v{i}",
                f"s{i % n_sources}",
                f"m{rng.randrange(n_entities)}",
                rng.choice(metrics),
                "",
                rng.choice(SETTINGS),
                number,
                "",
                "false",
                rng.choice(HEDGES),
                "",
                _quote(rng, number),
            ]
            if every and i % every == every - 1:
                kind = BROKEN_KINDS[(i // every) % len(BROKEN_KINDS)]
                if kind == "value":
                    row[6] = number.replace(".", ",") + ",5"
                elif kind == "entity":
                    row[2] = "no-such-model"
                elif kind == "duplicate":
                    row[0] = f"v{i - 1}"
                else:
                    row[9] = "kinda"
            yield row

    write("values", values())
    ops = ("+", "-", "*", "/")
    relops = ("==", "<", ">", "<=", ">=")

    def claims() -> object:
        for j in range(n // 10):
            ids = [f"v{rng.randrange(n)}" for _ in range(rng.randint(2, 6))]
            left = f" {rng.choice(ops)} ".join(ids[:-1])
            expression = f"{left} {rng.choice(relops)} {ids[-1]}"
            yield [f"c{j}", f"s{j % n_sources}", _quote(rng, "doubled"), expression, "", "", "benchmarks", ""]

    write("claims", claims())
    path = out / "datapackage.json"
    path.write_text(json.dumps(descriptor, indent=2) + "\n", encoding="utf-8")
    return path


def main(argv: list[str]) -> int:
    """Command line: OUT_DIR --values N [--seed S] [--broken F]."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--values", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--broken", type=float, default=0.0)
    args = parser.parse_args(argv)
    print(make(args.out, args.values, args.seed, args.broken))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
