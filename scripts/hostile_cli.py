"""Run the hostile corpus (tests/hostile.py) through the installed command line, one process per case.

Each case is built in a fresh folder and run as ``python -m claimtally ...`` with no network (in a new
network namespace, ``unshare -rn``, where the system allows one), a wall-clock limit and an address-space
limit. A case passes when it exits as recorded, says what is recorded (exit 2: one line on stderr) and
prints nothing that could act on a terminal or a CI log. The table lists every case over a limit or off
its outcome, then the slowest and the largest; the exit status is 1 when any case fails.

    python scripts/hostile_cli.py [--timeout 20] [--memory-mib 4096] [--only ID ...]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hostile import CASES, Case  # noqa: E402
from hostile_base import fresh, not_inert  # noqa: E402


@dataclass
class Outcome:
    case: Case
    exit: int | None
    seconds: float
    mib: float
    problem: str


def _isolation() -> list[str]:
    """The prefix that runs a command without network, or [] where namespaces are not allowed."""
    if shutil.which("unshare") is None:
        return []
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True, check=False)
    return ["unshare", "-rn"] if probe.returncode == 0 else []


def _limits(memory: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run_case(case: Case, prefix: list[str], timeout: float, memory: int) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        root, out = Path(tmp) / "pkg", Path(tmp) / "out"
        fresh(root)
        out.mkdir()
        case.make(root)
        argv = case.command(root, out)
        stdout, stderr = Path(tmp) / "stdout", Path(tmp) / "stderr"
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1"}
        start = time.perf_counter()
        with stdout.open("wb") as so, stderr.open("wb") as se:
            proc = subprocess.Popen(
                [*prefix, sys.executable, "-m", "claimtally", *argv],
                stdout=so,
                stderr=se,
                stdin=subprocess.DEVNULL,
                env=env,
                cwd=tmp,
                preexec_fn=lambda: _limits(memory),
            )
            code, usage, killed = None, None, False
            while code is None:
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    code = os.waitstatus_to_exitcode(status)
                elif time.perf_counter() - start > timeout:
                    proc.send_signal(signal.SIGKILL)
                    killed = True
                else:
                    time.sleep(0.005)
            proc.returncode = code
        seconds = time.perf_counter() - start
        mib = usage.ru_maxrss / 1024 if usage else 0.0
        out_text = stdout.read_bytes().decode("utf-8", "replace")
        err_text = stderr.read_bytes().decode("utf-8", "replace")
        problem = ""
        if killed:
            problem = f"over the {timeout:g} s limit"
        elif code != case.exit:
            problem = f"exit {code}, not {case.exit}: {err_text.strip()[-200:]!r}"
        elif code == 2 and (case.message not in err_text or err_text.count("\n") != 1):
            problem = f"stderr {err_text[:200]!r} lacks {case.message!r} or is not one line"
        elif "Traceback" in err_text or "MemoryError" in err_text:
            problem = "a traceback"
        problem = problem or not_inert(out_text + err_text)
        return Outcome(case, code, seconds, mib, problem)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per case (default 20)")
    parser.add_argument("--memory-mib", type=int, default=4096, help="address space per case (default 4096)")
    parser.add_argument("--only", nargs="*", default=None, help="case ids to run (default: all)")
    args = parser.parse_args(argv)
    prefix = _isolation()
    cases = [c for c in CASES if args.only is None or c.id in args.only]
    network = "none (unshare -rn)" if prefix else "not isolated (no namespaces here)"
    limits = f"{args.timeout:g} s, {args.memory_mib} MiB address space"
    print(f"{len(cases)} cases; network: {network}; limits: {limits}")
    outcomes = [run_case(c, prefix, args.timeout, args.memory_mib << 20) for c in cases]
    failed = [o for o in outcomes if o.problem]
    print(f"{'case':44} {'class':12} {'exit':>4} {'s':>6} {'MiB':>6}  problem")
    shown = (
        failed + sorted(outcomes, key=lambda o: -o.seconds)[:5] + sorted(outcomes, key=lambda o: -o.mib)[:3]
    )
    seen: set[str] = set()
    for o in shown:
        if o.case.id in seen:
            continue
        seen.add(o.case.id)
        where = f"{o.case.id[:44]:44} {o.case.klass[:12]:12}"
        print(f"{where} {o.exit!s:>4} {o.seconds:6.2f} {o.mib:6.0f}  {o.problem}")
    total = sum(o.seconds for o in outcomes)
    print(f"{len(outcomes) - len(failed)} of {len(outcomes)} cases as recorded; {total:.0f} s in all")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
