"""Hostile and broken packages: one clear outcome each, no network, nothing read outside, nothing written."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest

from claimtally.cli import main
from hostile import CASES, Case
from hostile_base import fresh, not_inert

_EVENTS: list[tuple[str, str]] = []
_RECORDING = [False]


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _RECORDING[0] and event == "open" and isinstance(args[0], str | Path):
        mode = args[1] if len(args) > 1 and isinstance(args[1], str) else "r"
        flags = args[2] if len(args) > 2 and isinstance(args[2], int) else 0
        writing = any(c in mode for c in "wax+") or bool(flags & 0o3)
        _EVENTS.append(("write" if writing else "read", str(args[0])))


sys.addaudithook(_audit)
#: Where the interpreter and its libraries live: reading there is importing code, not package data.
_RUNTIME = tuple(str(Path(p).resolve()) for p in {sys.prefix, sys.base_prefix, sys.exec_prefix})
_SOURCE = str(Path(__file__).resolve().parents[1] / "src")


@pytest.fixture
def guarded(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Block the network at the socket level, recording every attempt; record every file opened."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        msg = "network access attempted"
        raise OSError(msg)

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    _EVENTS.clear()
    _RECORDING[0] = True
    yield attempts
    _RECORDING[0] = False


def _outside(path: str, root: Path, out: Path) -> bool:
    resolved = str(Path(path).resolve())
    allowed = (
        str(root.resolve()),
        str(out.resolve()),
        *_RUNTIME,
        _SOURCE,
        "/dev/",
        "/proc/",
        "/sys/",
        "/etc/localtime",
    )
    return not resolved.startswith(allowed)


def _assert_inert(text: str) -> None:
    """Nothing in the output can act on a terminal or a CI log."""
    problem = not_inert(text)
    assert not problem, problem


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_each_bad_package_gives_its_one_outcome(
    case: Case, tmp_path: Path, guarded: list[object], capsys
) -> None:
    """Exit code and message as recorded; output inert; no network; no read outside the package; no
    write but the requested output."""
    root, out = tmp_path / "pkg", tmp_path / "out"
    _RECORDING[0] = False
    fresh(root)
    out.mkdir()
    case.make(root)
    capsys.readouterr()
    _RECORDING[0] = True
    code = main(case.command(root, out))
    _RECORDING[0] = False
    stdout, err = capsys.readouterr()
    assert case.exit == code, (stdout[-2000:], err)
    _assert_inert(stdout + err)
    if code == 2:
        assert err.startswith("claimtally: error: ") and err.count("\n") == 1, err
        assert case.message in err
        assert "Traceback" not in err
        assert len(err) <= 1000 + len("claimtally: error: \n")
    elif "json" in case.argv and "-o" not in case.argv:
        report = json.loads(stdout)
        errors = [f for f in report["findings"] if f["severity"] == "error"]
        if case.exit == 0:
            assert [] == errors
        elif case.message:
            assert any(f["rule"] == case.rule and case.message in f["message"] for f in errors), errors
    if "junit" in case.argv:
        ElementTree.fromstring(stdout)  # parses back: no character XML 1.0 forbids
    assert [] == guarded, "a network connection was attempted"
    assert [] == [p for kind, p in _EVENTS if kind == "read" and _outside(p, root, out)]
    allowed = str(out / case.writes) if case.writes else None
    written = [p for kind, p in _EVENTS if kind == "write"]
    assert [] == [p for p in written if allowed is None or not p.startswith(str(out / "."))], written
    if allowed:
        assert [allowed] == [str(p) for p in out.iterdir()]


def test_the_corpus_has_at_least_120_cases_and_5_of_each_class() -> None:
    """The corpus covers every class of attack, each with several cases, and ids are unique."""
    assert len(CASES) >= 120
    assert len({c.id for c in CASES}) == len(CASES)
    classes = Counter(c.klass for c in CASES)
    for klass in ("shape", "paths", "reads", "numbers", "escapes", "output", "time", "fuzz"):
        assert classes[klass] >= 5, klass


def test_a_200_mb_csv_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """Over --max-file-size the file is never read: exit 2 and the process stays small."""
    root = tmp_path / "pkg"
    fresh(root)
    values = root / "data" / "values.csv"
    row = "v{},my-article,model-2,price-output,,,30,,true,,," + "q" * 150 + "\n"
    with values.open("a", encoding="utf-8") as handle:
        for start in range(0, 1_150_000, 50_000):
            handle.write("".join(row.format(i) for i in range(start, start + 50_000)))
    assert values.stat().st_size > 200 * 10**6
    script = (
        "import sys\n"
        "from claimtally.cli import main\n"
        "code = main(['check', sys.argv[1], '--max-file-size', '100M'])\n"
        "# VmHWM is this process's own peak (ru_maxrss would include the forking parent's)\n"
        "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(root)], capture_output=True, text=True, check=False
    )
    assert 2 == result.returncode
    assert "over the limit of 104857600 bytes; raise it with --max-file-size" in result.stderr
    peak_kib = int(result.stdout.split()[-1])
    assert peak_kib < 200 * 1024, f"peak RSS {peak_kib} KiB"
