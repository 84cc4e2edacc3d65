"""Time `claimtally check` against the tools people would otherwise use, on synthetic packages.

    python benchmarks/run.py [--sizes 10000 100000 1000000] [--repeat 3] [--work DIR]
    python benchmarks/run.py --articles [--kb 50 100 200 400]

For each size N it writes a package with benchmarks/make_package.py (once, cached in --work), then runs
each command as a fresh process --repeat times and prints a table: median wall seconds, rows per second
(all tables' rows), peak memory (RSS of the process) and the ratios claimtally/frictionless and
claimtally/pyarrow. pyarrow is measured only where it is installed (`pip install pyarrow`).

``--articles`` times ``extract`` and ``coverage`` (in one interpreter, the bundled vocabulary) on
articles of growing size and hostile shape, and prints each time beside the time at half the size:
a ratio near 2 at every doubling is linear time.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from make_package import make

#: Each command runs in a fresh interpreter and prints its own peak RSS (KiB) as its last line: VmHWM,
#: since ru_maxrss of a child also counts the memory of the process that forked it.
PEAK = "print(next(line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM')))"
COMMANDS = {
    "claimtally check": (
        "import sys\nfrom claimtally.cli import main\n"
        "code = main(['check', sys.argv[1], '--format', 'json', '-o', sys.argv[2]])\n"
    ),
    "claimtally --show all": (
        "import sys\nfrom claimtally.cli import main\n"
        "code = main(['check', sys.argv[1], '--format', 'json', '--show', 'all', '-o', sys.argv[2]])\n"
    ),
    "frictionless validate": "import sys\nfrom frictionless import validate\nvalidate(sys.argv[1])\n",
    "pandas read_csv(str)": (
        "import sys, pathlib\nimport pandas as pd\n"
        "for f in sorted(pathlib.Path(sys.argv[1]).parent.glob('data/*.csv')):\n"
        "    pd.read_csv(f, dtype=str, keep_default_na=False)\n"
    ),
    "pyarrow read_csv": (
        "import sys, pathlib\nimport pyarrow.csv as pc\n"
        "for f in sorted(pathlib.Path(sys.argv[1]).parent.glob('data/*.csv')):\n"
        "    pc.read_csv(f)\n"
    ),
}


#: ``--profile``: one check in a fresh interpreter, timed stage by stage (the collector paused, as
#: ``check`` pauses it); each stage's time excludes the stages before it, whose results are cached.
PROFILE = """
import gc, sys, time
from claimtally.data.package import read
from claimtally.rules import RULES
from claimtally.rules.context import Context
from claimtally.checker import check
from claimtally.report.text import iter_json
gc.disable()
t = time.perf_counter()
def lap(name):
    global t
    now = time.perf_counter()
    print(f"{name}\t{now - t:.2f}")
    t = now
pkg = read(sys.argv[1]); lap("read the tables")
ctx = Context(pkg, list_info=False, derive=False)
ctx.value_table.column("value"); lap("value columns")
ctx.readable; lap("values into interval columns")
ctx.claims; lap("parse and evaluate claims")
for rule in RULES:
    list(rule.func(ctx)); lap(f"rule {rule.id}")
report = check(pkg, show="problems", derivation=False); total = time.perf_counter()
lap("a whole check (every stage again, as one call)")
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for piece in iter_json(report, "problems"):
        out.write(piece)
lap("write the JSON report")
"""


def _profile(descriptor: Path, out: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROFILE + PEAK, str(descriptor), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    *stages, peak = result.stdout.strip().splitlines()
    for line in stages:
        name, seconds = line.split("\t")
        print(f"  {name:<48} {float(seconds):7.2f} s")
    print(f"  {'peak memory':<48} {int(peak) / 1024:7.0f} MiB")


def _run(code: str, descriptor: Path, out: Path) -> tuple[float, int] | None:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", code + PEAK, str(descriptor), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    if "ModuleNotFoundError" in result.stderr:
        return None
    if not result.stdout.strip():
        msg = f"benchmark command failed: {result.stderr.strip().splitlines()[-1:]}"
        raise RuntimeError(msg)
    return wall, int(result.stdout.split()[-1])


#: Article shapes for ``--articles``: a name and the text repeated to the size asked for.
SHAPES = {
    "prose": "GPT-5.5 scores 82.7% on Terminal-Bench 2.0, about 3 points ahead, at $5 per million tokens. ",
    "run-on sentence": "GPT-5.5 scores 82.7% on Terminal-Bench 2.0 and about 3 points ahead at $5, ",
    "digits and commas": "1,",
    "mail-like run": "1,@a.",
    "hedge words": "about ",
    "number words": "twenty-five three-point ",
}


def _articles(sizes_kb: list[int], work: Path) -> None:
    from claimtally.api import coverage, extract
    from claimtally.data.package import load

    pkg = load()
    work.mkdir(parents=True, exist_ok=True)
    header = f"{'shape':<18} {'KB':>5} {'extract s':>10} {'x prev':>7} {'coverage s':>11} {'x prev':>7}"
    print(header)
    print("-" * len(header))
    for shape, unit in SHAPES.items():
        before: tuple[float, float] | None = None
        for kb in sizes_kb:
            article = work / f"article-{kb}.txt"
            article.write_text((unit * (kb * 1000 // len(unit) + 1))[: kb * 1000], encoding="utf-8")
            start = time.perf_counter()
            extract(article, pkg)
            middle = time.perf_counter()
            coverage(article, "gpt55-retrain-article", pkg)
            now = (middle - start, time.perf_counter() - middle)
            ratios = [
                f"{t / b:7.2f}" if before else f"{'':>7}" for t, b in zip(now, before or now, strict=True)
            ]
            print(f"{shape:<18} {kb:>5} {now[0]:10.2f} {ratios[0]} {now[1]:11.2f} {ratios[1]}")
            before = now


def _rows(descriptor: Path) -> int:
    return sum(sum(1 for _ in f.open(encoding="utf-8")) - 1 for f in descriptor.parent.glob("data/*.csv"))


def main(argv: list[str]) -> int:
    """Measure every command at every size and print the table."""
    parser = argparse.ArgumentParser(description="claimtally benchmark")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "claimtally-bench")
    parser.add_argument("--profile", action="store_true", help="time each stage of one check instead")
    parser.add_argument("--articles", action="store_true", help="time extract and coverage on long articles")
    parser.add_argument("--kb", type=int, nargs="+", default=[50, 100, 200, 400], help="article sizes (KB)")
    args = parser.parse_args(argv)
    if args.articles:
        _articles(args.kb, args.work)
        return 0
    if args.profile:
        for n in args.sizes:
            folder = args.work / f"n{n}"
            if not (folder / "datapackage.json").exists():
                make(folder, n)
            print(f"{n} values, one check, stage by stage:")
            _profile(folder / "datapackage.json", args.work / "report.json")
        return 0
    header = f"{'N values':>9} {'command':<22} {'median s':>9} {'rows/s':>10} {'peak MiB':>9} {'cc/this':>8}"
    print(header)
    print("-" * len(header))
    for n in args.sizes:
        folder = args.work / f"n{n}"
        descriptor = folder / "datapackage.json"
        if not descriptor.exists():
            make(folder, n)
        rows = _rows(descriptor)
        results: dict[str, tuple[float, int] | None] = {}
        for name, code in COMMANDS.items():
            runs = [_run(code, descriptor, args.work / "report.json") for _ in range(args.repeat)]
            measured = [r for r in runs if r is not None]
            results[name] = (
                (statistics.median(w for w, _ in measured), max(m for _, m in measured)) if measured else None
            )
        ours = results["claimtally check"]
        for name, result in results.items():
            if result is None:
                print(f"{n:>9} {name:<22} {'n/a (not installed)':>30}")
                continue
            wall, peak = result
            ratio = f"{ours[0] / wall:8.2f}" if ours and not name.startswith("claimtally") else f"{'':>8}"
            print(f"{n:>9} {name:<22} {wall:9.2f} {rows / wall:10.0f} {peak / 1024:9.0f} {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
