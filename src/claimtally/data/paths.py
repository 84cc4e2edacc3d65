"""Every path the tool opens, checked before it is opened: the descriptor, each resource, the
``CHANGELOG.md`` and an article.

A path is refused, with a one-line :class:`~claimtally.errors.PackageError`, when it holds a NUL
byte, has a name longer than the file system allows, runs into a symlink loop, or (for a file of a
package) resolves outside the package folder, through a symlink anywhere on the way.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from claimtally.errors import PackageError

#: The longest file name and path POSIX systems take (NAME_MAX, PATH_MAX).
MAX_NAME_BYTES = 255
MAX_PATH_BYTES = 4096


#: A path is shown in a message with at most this many characters.
SHOWN = 120


def shown(path: str) -> str:
    """A path for a message: a long one cut in the middle with "…".

    >>> shown("data/" + "x" * 200 + ".csv")[-12:]
    'xxxxxxxx.csv'
    """
    if len(path) <= SHOWN:
        return path
    half = SHOWN // 2
    return path[:half] + "…" + path[-half:]


def checked(path: str | Path, label: str) -> Path:
    """``path`` as a :class:`Path`, refused if it holds a NUL byte or a name or whole too long.

    >>> checked("data/values.csv", "resource 'values'")
    PosixPath('data/values.csv')
    """
    text = os.fspath(path)
    if "\0" in text:
        msg = f"{label}: the path holds a NUL byte; give a plain file path"
        raise PackageError(msg)
    encoded = text.encode("utf-8", "surrogateescape")
    if len(encoded) > MAX_PATH_BYTES or any(len(part) > MAX_NAME_BYTES for part in encoded.split(b"/")):
        msg = (
            f"{label}: the path is too long ({len(encoded)} bytes; names of at most {MAX_NAME_BYTES} "
            f"bytes, {MAX_PATH_BYTES} in all); give a shorter path"
        )
        raise PackageError(msg)
    return Path(text)


def resolved(path: Path, label: str) -> Path:
    """The real path, every symlink followed; a symlink loop is refused."""
    try:
        path.stat()  # a loop anywhere on the way is ELOOP here; a missing file is not an error yet
    except FileNotFoundError:
        pass
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            msg = f"{label}: a symlink loop; remove it or point the symlink at a file"
            raise PackageError(msg) from None
    try:
        return path.resolve(strict=False)
    except (RuntimeError, OSError) as exc:  # a loop, as Python words it
        msg = f"{label}: cannot be resolved ({exc.__class__.__name__}: {exc}); remove the symlink loop"
        raise PackageError(msg) from None


def inside(root: Path, path: Path, label: str) -> Path:
    """``path`` (in the package folder ``root``), refused when it resolves outside ``root``.

    Returns:
        The path as given (not resolved), for messages; the file itself may not exist.
    """
    real = resolved(path, label)
    if not real.is_relative_to(resolved(root, str(root))):
        msg = f"{label}: resolves outside the package folder (to {real}); refusing to read it"
        raise PackageError(msg)
    if real.exists() and not real.is_file():
        msg = f"{label}: not a regular file; give the path of a file"
        raise PackageError(msg)
    return path
