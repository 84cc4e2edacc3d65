"""Time `claimtally check` against the tools people would otherwise use, on synthetic packages.

    python benchmarks/run.py [--sizes 10000 100000 1000000] [--repeat 3] [--work DIR]

For each size N it writes a package with benchmarks/make_package.py (once, cached in --work), then runs
each command as a fresh process --repeat times and prints a table: median wall seconds, rows per second
(all tables' rows), peak memory (RSS of the process) and the ratios claimtally/frictionless and
claimtally/pyarrow. pyarrow is measured only where it is installed (`pip install pyarrow`).
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


def _rows(descriptor: Path) -> int:
    return sum(sum(1 for _ in f.open(encoding="utf-8")) - 1 for f in descriptor.parent.glob("data/*.csv"))


def main(argv: list[str]) -> int:
    """Measure every command at every size and print the table."""
    parser = argparse.ArgumentParser(description="claimtally benchmark")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "claimtally-bench")
    args = parser.parse_args(argv)
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
            ratio = f"{ours[0] / wall:8.2f}" if ours and name != "claimtally check" else f"{'':>8}"
            print(f"{n:>9} {name:<22} {wall:9.2f} {rows / wall:10.0f} {peak / 1024:9.0f} {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
