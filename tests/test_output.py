"""Atomic writes: the old file or the new one, never half, and never a package file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtally.errors import ClaimtallyError
from claimtally.output import CARET_WINDOW, caret_lines, clean, write_atomic


def test_writes_the_text_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    """The target holds the text and the folder holds nothing else."""
    target = tmp_path / "out.txt"
    write_atomic(target, "new\n")
    assert "new\n" == target.read_text(encoding="utf-8")
    assert ["out.txt"] == [p.name for p in tmp_path.iterdir()]


def test_a_failed_write_keeps_the_previous_file(tmp_path: Path, monkeypatch) -> None:
    """If the rename never happens, the old content is intact and the temporary file is gone."""
    target = tmp_path / "out.txt"
    target.write_text("old\n", encoding="utf-8")

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("claimtally.output.Path.replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new\n")
    assert "old\n" == target.read_text(encoding="utf-8")
    assert ["out.txt"] == [p.name for p in tmp_path.iterdir()]


def test_refuses_a_protected_file(tmp_path: Path) -> None:
    """A file of the package being checked is never overwritten."""
    target = tmp_path / "values.csv"
    target.write_text("data", encoding="utf-8")
    with pytest.raises(ClaimtallyError, match="refusing to write over"):
        write_atomic(target, "x", protected=[target])
    assert "data" == target.read_text(encoding="utf-8")


def test_refuses_a_missing_folder(tmp_path: Path) -> None:
    """A path in a folder that does not exist is an error naming the folder."""
    with pytest.raises(ClaimtallyError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "out.txt", "x")


def test_a_process_killed_mid_write_leaves_the_previous_file(tmp_path: Path) -> None:
    """kill -9 during a write (after the data, before the rename) keeps the old file whole."""
    import signal
    import subprocess
    import sys
    import time

    target = tmp_path / "report.json"
    target.write_text("old report\n", encoding="utf-8")
    script = (
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "import claimtally.output as out\n"
        "def stall(fd):\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
        "out.os.fsync = stall\n"
        "out.write_atomic(Path(sys.argv[1]), 'new ' * 1_000_000)\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", script, str(target)], stdout=subprocess.PIPE, text=True
    ) as proc:
        assert proc.stdout is not None
        assert "writing" == proc.stdout.readline().strip()
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    time.sleep(0.1)
    assert "old report\n" == target.read_text(encoding="utf-8")


def test_the_caret_sits_under_the_character_at_the_position() -> None:
    """The second line has the caret in the column of the character the position names."""
    shown, caret = caret_lines("a / b === 2", 8)
    assert "a / b === 2" == shown
    assert "        ^" == caret


def test_a_long_expression_is_cut_around_the_position() -> None:
    """Past the window, the shown text is cut with "…" on the cut sides and the caret still points."""
    expression = "x + " * 100 + "@ + y" + " + z" * 100
    at = expression.index("@")
    shown, caret = caret_lines(expression, at)
    assert shown.startswith("…") and shown.endswith("…")
    assert len(shown) <= CARET_WINDOW + 2
    assert "@" == shown[len(caret) - 1]


def test_control_characters_are_escaped_and_the_caret_follows_the_escapes() -> None:
    """A control character before the position widens the line by its escape; the caret moves with it."""
    shown, caret = caret_lines("a\x1b + @", 5)
    assert "a\\x1b + @" == shown
    assert "@" == shown[len(caret) - 1]


@given(st.text(max_size=300), st.integers(min_value=-5, max_value=400))
def test_the_caret_always_points_at_the_named_character(expression: str, position: int) -> None:
    """For any text and position (clamped to the text), the caret's column shows that character."""
    shown, caret = caret_lines(expression, position)
    assert set(caret[:-1]) <= {" "} and caret.endswith("^")
    at = max(0, min(position, len(expression)))
    if at < len(expression):
        assert shown[len(caret) - 1 :].startswith(clean(expression[at]))
    assert "\x1b" not in shown


def test_a_written_file_has_the_umasks_mode(tmp_path: Path) -> None:
    """Not mkstemp's 0600: a report is as readable as any file the user makes."""
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "r.json", "{}")
    finally:
        os.umask(old)
    assert 0o640 == stat.S_IMODE((tmp_path / "r.json").stat().st_mode)


def test_pieces_are_written_in_order(tmp_path: Path) -> None:
    """A report written as it is made: the pieces, one after another."""
    write_atomic(tmp_path / "r.txt", iter(["a", "b", "c"]))
    assert "abc" == (tmp_path / "r.txt").read_text()


def test_guard_keeps_only_the_renderers_colour_codes_when_asked() -> None:
    from claimtally.output import guard

    painted = "\x1b[31mERROR (1)\x1b[0m\n"
    assert "".join(guard(painted, colours=True)) == painted
    assert "".join(guard(painted)) == "\\x1b[31mERROR (1)\\x1b[0m\n"
    hostile = "\x1b]8;;http://e\x07link\x1b]8;;\x07 \x1b[2J \x9b31m"
    assert "\x1b" not in "".join(guard(hostile, colours=True)).replace("\x1b[", "")
    assert "".join(guard("\x1b[2J", colours=True)) == "\\x1b[2J"
