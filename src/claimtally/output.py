"""What leaves the tool: text from the data made safe to print, and files written atomically.

``clean`` is the one place where text from a package is made safe for a terminal or a CI log;
``write_atomic`` is the one way a file is written (a temporary file in the same folder, then a rename).
"""

from __future__ import annotations

import glob
import os
import re
import secrets
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from claimtally.errors import ClaimtallyError

#: Characters that must never reach a terminal or a CI log raw: C0 controls (line breaks and tabs
#: too: a field must not start a line of its own), DEL, C1 controls (NEL among them), the line and
#: paragraph separators, the bidirectional overrides and isolates, lone surrogates and the
#: noncharacters U+FFFE and U+FFFF (which XML 1.0 forbids).
_UNSAFE_ABOVE_C0 = "\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff"
_CONTROL = re.compile(f"[\x00-\x1f{_UNSAFE_ABOVE_C0}]")
#: The same but the line feed, for text whose line breaks are the renderer's own.
_CONTROL_IN_LINES = re.compile(f"[\x00-\x09\x0b-\x1f{_UNSAFE_ABOVE_C0}]")
#: A colour code of the text report (SGR), or any other character the guard escapes.
_SGR_OR_CONTROL = re.compile(
    f"(\x1b\\[[0-9]{{1,2}}(?:;[0-9]{{1,2}})?m)|[\x00-\x09\x0b-\x1f{_UNSAFE_ABOVE_C0}]"
)
#: What a JSON string may not hold raw even though JSON allows it (json.dumps escapes C0 itself).
_JSON_UNSAFE = re.compile(f"[{_UNSAFE_ABOVE_C0}]")
#: A line of an error message is cut here, with "…".
MAX_LINE = 1000


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def clean(text: str) -> str:
    r"""Text from the data made inert: every control character (C0, DEL, C1), line or
    paragraph separator, bidirectional override, lone surrogate and noncharacter shown as an escape, so no
    field can move the cursor, recolour a terminal, or start a line of its own (a ``::`` workflow
    command, a forged log line).

    >>> clean("ok\x1b[31m"), clean("a\n::error::x"), clean("\u2028")
    ('ok\\x1b[31m', 'a\\x0a::error::x', '\\u2028')
    """
    return _CONTROL.sub(_escape, text)


def guard(pieces: str | Iterable[str], *, colours: bool = False) -> Iterator[str]:
    r"""The last pass over everything the command line prints or writes: :func:`clean` on each piece,
    keeping its line feeds (the renderers' own; a field's were escaped when it was rendered).

    With ``colours``, the text report's own colour codes (SGR: ``ESC [ 31 m``, ``ESC [ 0 m``, …)
    are kept and nothing else: text from the data reaches a renderer's output only through
    :func:`clean`, which escapes every ESC, so a kept code is always the renderer's.

    >>> "".join(guard(["line one\n", "two\x07\n"]))
    'line one\ntwo\\x07\n'
    >>> "".join(guard("\x1b[31mERROR\x1b[0m \x1b]8;;x\x07", colours=True))
    '\x1b[31mERROR\x1b[0m \\x1b]8;;x\\x07'
    """
    for piece in [pieces] if isinstance(pieces, str) else pieces:
        if colours:
            yield _SGR_OR_CONTROL.sub(lambda m: m.group() if m.group(1) else _escape(m), piece)
        else:
            yield _CONTROL_IN_LINES.sub(_escape, piece)


def json_text(text: str) -> str:
    r"""JSON text with the characters JSON allows raw but a terminal or a log must not see written as
    ``\uXXXX`` escapes: the same JSON value, safe to print.

    >>> json_text('"a\x9bb"')
    '"a\\u009bb"'
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def one_line(text: str, limit: int = MAX_LINE) -> str:
    """An error message as one clean line of at most ``limit`` characters, cut with "…".

    >>> one_line("a\\nb  c"), one_line("x" * 10, 5)
    ('a b c', 'xxxx…')
    """
    line = clean(" ".join(text.split()))
    return line if len(line) <= limit else line[: limit - 1] + "…"


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


def _same_file(a: os.stat_result, b: Path) -> bool:
    try:
        other = b.stat()
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (other.st_dev, other.st_ino)


def _is_own_stream(st: os.stat_result) -> bool:
    """Whether a file is where this process's stdout or stderr already goes (``-o out.json > out.json``)."""
    for fd in (1, 2):
        try:
            own = os.fstat(fd)
        except OSError:
            continue
        if (own.st_dev, own.st_ino) == (st.st_dev, st.st_ino):
            return True
    return False


def check_target(path: Path, protected: Iterable[Path] = ()) -> Path:
    """Where ``-o`` may write: a regular file, or a new name in an existing folder; never a folder, a
    device (``/dev/null``, ``/dev/full``), a FIFO, a terminal or pipe (``/dev/stdout``), or a file of
    the package being checked (compared by device and inode, so a hard link or a symlink to one is
    caught too).

    Returns:
        The resolved path to write.

    Raises:
        ClaimtallyError: the target is not one of those; nothing has been written.
    """
    text = str(path)
    if "\0" in text or not text:
        msg = "-o: the path is empty or holds a NUL byte; give a file name"
        raise ClaimtallyError(msg)
    if str(path).startswith(("/dev/", "/proc/")):  # devices and aliases of this process's own streams
        msg = (
            f"{path}: is not a regular file (a device, FIFO, tty); -o writes a regular file, give a file name"
        )
        raise ClaimtallyError(msg)
    try:
        st: os.stat_result | None = path.stat()  # follows symlinks: /dev/stdout is the pipe it names
    except FileNotFoundError:
        st = None
    except (OSError, ValueError) as exc:  # a symlink loop, a name too long
        msg = f"{path}: cannot be used as an output ({exc.__class__.__name__}: {exc}); choose another -o path"
        raise ClaimtallyError(msg) from None
    if st is None and path.is_symlink():
        msg = f"{path}: is a symlink to nothing; -o writes a regular file, give a file name"
        raise ClaimtallyError(msg)
    try:
        target = path.resolve()
    except (OSError, RuntimeError) as exc:
        msg = f"{path}: cannot be used as an output ({exc.__class__.__name__}: {exc}); choose another -o path"
        raise ClaimtallyError(msg) from None
    if any(target == Path(p).resolve() for p in protected):
        msg = f"{path}: refusing to write over a file of the package being checked; choose another -o path"
        raise ClaimtallyError(msg)
    if st is not None:
        if not stat.S_ISREG(st.st_mode):
            kind = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file (a device, FIFO, tty)"
            msg = f"{path}: is {kind}; -o writes a regular file, give a file name"
            raise ClaimtallyError(msg)
        if _is_own_stream(st):
            msg = f"{path}: is this command's own output or error stream; give a file name"
            raise ClaimtallyError(msg)
        if any(_same_file(st, Path(p)) for p in protected):
            msg = f"{path}: refusing to write over a file of the package being checked; choose another -o"
            raise ClaimtallyError(msg)
    if not target.parent.is_dir():
        msg = f"{path}: folder {target.parent} does not exist; create it first"
        raise ClaimtallyError(msg)
    return target


_TEMP = ".{name}.{pid}.{token}.tmp"


def _remove_stale(folder: Path, name: str) -> None:
    """Remove temporary files a killed earlier write to ``name`` left behind (their process is gone)."""
    for leftover in folder.glob(f".{glob.escape(name)}.*.tmp"):
        parts = leftover.name[len(name) + 2 : -4].split(".")
        if len(parts) != 2 or not parts[0].isascii() or not parts[0].isdecimal():
            continue
        try:
            os.kill(int(parts[0]), 0)
        except ProcessLookupError:
            leftover.unlink(missing_ok=True)
        except (PermissionError, OverflowError, ValueError):
            continue


def write_atomic(path: Path, text: str | Iterable[str], *, protected: Iterable[Path] = ()) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never half of one.

    The file gets the mode the umask gives a new file, or keeps the mode of the file it replaces. A
    write killed part-way leaves the old file whole; its temporary file is removed by the next write
    to the same path.

    Args:
        path: where to write (see :func:`check_target`).
        text: the content (UTF-8), one string or pieces written one after another.
        protected: files that must never be overwritten (the package being checked).

    Raises:
        ClaimtallyError: ``path`` is not a place to write (:func:`check_target`).
    """
    target = check_target(path, protected)
    folder = target.parent
    _remove_stale(folder, target.name)
    mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask()
    token = secrets.token_hex(4)
    tmp = folder / _TEMP.format(name=target.name, pid=os.getpid(), token=token)
    handle = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        os.fchmod(handle, mode)
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            for piece in [text] if isinstance(text, str) else text:
                out.write(piece)
            out.flush()
            os.fsync(out.fileno())
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
