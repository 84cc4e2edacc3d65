"""Write output files atomically: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from claimcheck.errors import ClaimcheckError


def write_atomic(path: Path, text: str, *, protected: Iterable[Path] = ()) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never half of one.

    Args:
        path: where to write.
        text: the content (UTF-8).
        protected: files that must never be overwritten (the package being checked).

    Raises:
        ClaimcheckError: ``path`` is a protected file, or its folder does not exist.
    """
    target = path.resolve()
    if any(target == Path(p).resolve() for p in protected):
        msg = f"{path}: refusing to overwrite a file of the package being checked; choose another -o path"
        raise ClaimcheckError(msg)
    folder = target.parent
    if not folder.is_dir():
        msg = f"{path}: folder {folder} does not exist; create it first"
        raise ClaimcheckError(msg)
    handle, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
