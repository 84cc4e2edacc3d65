"""What leaves the tool: text from the data made safe to print, and files written atomically.

``clean`` is the one place where text from a package is made safe for a terminal or a CI log;
``write_atomic`` is the one way a file is written (a temporary file in the same folder, then a rename).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from claimtally.errors import ClaimtallyError

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    r"""Text from the data with control characters shown as escapes, never sent to a terminal raw.

    >>> clean("ok\x1b[31m")
    'ok\\x1b[31m'
    """
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


#: Characters of an expression shown around the caret; a longer expression is cut with "…".
CARET_WINDOW = 72


def caret_lines(expression: str, position: int) -> list[str]:
    """An expression (cleaned, cut to :data:`CARET_WINDOW` characters around ``position``) and a line
    with ``^`` under the character at ``position`` (0-based; the end of the text when past it).

    >>> print("\\n".join(caret_lines("a + * b", 4)))
    a + * b
        ^
    """
    position = max(0, min(position, len(expression)))
    start = max(0, min(position - CARET_WINDOW // 2, len(expression) - CARET_WINDOW))
    end = start + CARET_WINDOW
    before = ("…" if start > 0 else "") + clean(expression[start:position])
    shown = before + clean(expression[position:end]) + ("…" if end < len(expression) else "")
    return [shown, " " * len(before) + "^"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str | Iterable[str], *, protected: Iterable[Path] = ()) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never half of one.

    Args:
        path: where to write.
        text: the content (UTF-8), one string or pieces written one after another.
        protected: files that must never be overwritten (the package being checked).

    Raises:
        ClaimtallyError: ``path`` is a protected file, or its folder does not exist.
    """
    target = path.resolve()
    if any(target == Path(p).resolve() for p in protected):
        msg = f"{path}: refusing to overwrite a file of the package being checked; choose another -o path"
        raise ClaimtallyError(msg)
    folder = target.parent
    if not folder.is_dir():
        msg = f"{path}: folder {folder} does not exist; create it first"
        raise ClaimtallyError(msg)
    handle, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.fchmod(handle, 0o666 & ~_umask())  # mkstemp makes 0600; a written file gets the umask's mode
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            for piece in [text] if isinstance(text, str) else text:
                out.write(piece)
            out.flush()
            os.fsync(out.fileno())
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
