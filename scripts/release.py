"""Record the package's current version as released: append its tables' hashes to data/releases.csv,
then restamp every resource's hash and bytes in datapackage.json.

Usage: python scripts/release.py YYYY-MM-DD [path/to/datapackage.json]
Refuses a version that is already recorded: a released version never changes.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

from stamp_hashes import stamp

from claimtally.data.package import read
from claimtally.data.releases import COLUMNS, recorded, release_rows
from claimtally.output import write_atomic


def main(argv: list[str]) -> int:
    """Append the release rows for the current version and restamp the descriptor."""
    date = argv[0]
    path = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1] / "datapackage.json"
    pkg = read(path)
    if any(r["version"] == pkg.version for r in recorded(pkg)):
        print(f"version {pkg.version} is already released; bump the version first", file=sys.stderr)
        return 2
    table = path.parent / "data" / "releases.csv"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    if not table.exists() or not table.read_text(encoding="utf-8").strip():
        writer.writeheader()
    writer.writerows(release_rows(pkg, date))
    old = table.read_text(encoding="utf-8") if table.exists() else ""
    write_atomic(table, old + buffer.getvalue())
    write_atomic(path, json.dumps(stamp(path), indent=2, ensure_ascii=False) + "\n")
    print(f"released {pkg.version} on {date}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
