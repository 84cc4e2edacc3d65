"""Write each resource's sha256 ``hash`` and ``bytes`` into datapackage.json (run after a data change).

Usage: python scripts/stamp_hashes.py [path/to/datapackage.json]
The descriptor is rewritten atomically; nothing else is touched.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from claimtally.data.hashing import file_sha256
from claimtally.output import write_atomic


def stamp(descriptor_path: Path) -> dict[str, object]:
    """Return the descriptor with every resource's hash and bytes set from its file."""
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    for res in descriptor["resources"]:
        file = descriptor_path.parent / res["path"]
        res["hash"] = f"sha256:{file_sha256(file)}"
        res["bytes"] = file.stat().st_size
    return descriptor


def main(argv: list[str]) -> int:
    """Stamp the descriptor given (default: the repository's)."""
    path = Path(argv[0]) if argv else Path(__file__).resolve().parents[1] / "datapackage.json"
    text = json.dumps(stamp(path), indent=2, ensure_ascii=False) + "\n"
    write_atomic(path, text)
    print(f"stamped {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
