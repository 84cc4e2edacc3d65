"""Open claimtally's HTML report in headless Chromium and check it: what CI runs on the bundled package.

Usage:
    python scripts/browser_check.py [--package PATH] [--html FILE] [--screenshot PNG] [--chromium PATH]

It renders the package's report with ``claimtally check --format html`` (or takes ``--html FILE``),
loads it in a fresh headless Chromium and drives it over the DevTools protocol on a pipe
(``--remote-debugging-pipe``: no port, no network), then asserts that

- the page loads with no console error: no uncaught exception, no ``console.error``/``console.assert``
  and no browser log entry of level error (a Content Security Policy violation is one);
- the page makes no request at all besides itself (everything it needs is inline);
- the DOM shows every claim id of the package (taken from the JSON report of the same package);
- each verdict filter hides exactly the claims of its verdict and nothing else;

and writes a PNG screenshot when asked. Exit status: 0 all checks pass, 1 a check failed (each one
printed), 2 the report could not be made or the browser could not be driven. Standard library only.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import fcntl
import json
import os
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
#: Headless, no sandbox (CI containers run as root), and nothing that reaches the network by itself.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--mute-audio",
    "--remote-debugging-pipe",
)
VERDICTS = ("holds", "holds-loosely", "fails", "undetermined")


class BrowserError(Exception):
    """The browser could not be started or driven."""


class Browser:
    """A headless Chromium driven over the DevTools protocol on file descriptors 3 and 4."""

    def __init__(self, chromium: str, profile: Path, log: Path, timeout: float) -> None:
        self.timeout = timeout
        self.events: list[dict[str, Any]] = []
        self._next = 0
        self._buffer = b""
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire_pipes() -> None:  # runs in the child: its fd 3 reads commands, fd 4 writes replies
            read_end = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
            write_end = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        with log.open("wb") as err:
            try:
                self.proc = subprocess.Popen(
                    [chromium, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                    stdin=subprocess.DEVNULL,
                    stdout=err,
                    stderr=err,
                    close_fds=False,  # keeps fds 3 and 4; Python's own descriptors are not inheritable
                    preexec_fn=wire_pipes,  # the script starts no threads
                )
            except OSError as exc:
                msg = f"cannot start {chromium}: {exc}"
                raise BrowserError(msg) from exc
            finally:
                os.close(to_browser_r)
                os.close(from_browser_w)

    def close(self) -> None:
        """Ask the browser to quit, then make sure it has."""
        with contextlib.suppress(BrowserError, OSError):
            self.send("Browser.close")
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> Any:
        """Send one command and return its result; events that arrive meanwhile are kept."""
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read(deadline)
            if reply is None:
                msg = f"no reply to {method} within {self.timeout:g} s"
                raise BrowserError(msg)
            if reply.get("id") == self._next:
                if "error" in reply:
                    msg = f"{method} failed: {reply['error'].get('message')}"
                    raise BrowserError(msg)
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, seconds: float) -> bool:
        """Wait until an event arrives (or has arrived); keep reading events until then."""
        deadline = time.monotonic() + seconds
        while not any(e.get("method") == method for e in self.events):
            event = self._read(deadline)
            if event is None:
                return False
            self.events.append(event)
        return True

    def drain(self, seconds: float) -> None:
        """Collect the events that arrive within ``seconds``."""
        deadline = time.monotonic() + seconds
        while (event := self._read(deadline)) is not None:
            self.events.append(event)

    def _read(self, deadline: float) -> dict[str, Any] | None:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if not ready:
                return None
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                msg = "the browser closed the DevTools pipe (did it crash? see its log)"
                raise BrowserError(msg)
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message


def console_errors(events: list[dict[str, Any]]) -> list[str]:
    """Uncaught exceptions, console errors and assertions, and error-level browser log entries."""
    found = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            text = details.get("exception", {}).get("description") or details.get("text", "")
            found.append(f"uncaught exception: {text}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            args = [str(a.get("value", a.get("description", ""))) for a in params.get("args", [])]
            found.append(f"console.{params['type']}: {' '.join(args)}")
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            found.append(f"browser log ({entry.get('source')}): {entry.get('text')}")
    return found


def other_requests(events: list[dict[str, Any]], page: str) -> list[str]:
    """Every request the page made besides loading itself."""
    urls = (e["params"]["request"]["url"] for e in events if e.get("method") == "Network.requestWillBeSent")
    return [f"the page requested {url}" for url in urls if url not in (page, "about:blank")]


#: For each verdict: uncheck its filter, count the shown claims of it and of the others, check it again.
FILTER_PROBE = """
(() => {
  const shown = (v) => [...document.querySelectorAll('article.claim.v-' + v)]
    .filter((a) => a.getClientRects().length > 0).length;
  const all = () => VERDICTS.map(shown).reduce((a, b) => a + b, 0);
  const out = {};
  for (const v of VERDICTS) {
    const box = document.getElementById('show-' + v);
    if (!box) { out[v] = null; continue; }
    const before = all();
    box.click();
    out[v] = {before: before, mine: shown(v), after: all(), checked: box.checked};
    box.click();
  }
  return out;
})()
""".replace("VERDICTS", json.dumps(VERDICTS))


def filter_problems(probe: dict[str, Any], counts: dict[str, int]) -> list[str]:
    """Unchecking a verdict's filter must hide its claims and only those."""
    problems = []
    for verdict in VERDICTS:
        seen = probe.get(verdict)
        if seen is None:
            problems.append(f"no filter for verdict {verdict}")
            continue
        if seen["checked"] or seen["mine"] != 0 or seen["before"] - seen["after"] != counts[verdict]:
            n = counts[verdict]
            problems.append(f"the {verdict} filter does not hide exactly the {n} {verdict} claims")
    return problems


def render(package: str | None, fmt: str, out: Path) -> None:
    """Write the package's report in a format with the installed claimtally; exit 2 when it cannot."""
    command = [sys.executable, "-m", "claimtally", "check", *([package] if package else [])]
    done = subprocess.run(
        [*command, "--format", fmt, "-o", str(out)], capture_output=True, text=True, check=False
    )
    if done.returncode not in (0, 1):
        sys.exit(f"browser_check: claimtally check --format {fmt} failed: {done.stderr.strip()}")


def check_page(
    html: Path, claim_ids: list[str], counts: dict[str, int], args: argparse.Namespace, work: Path
) -> list[str]:
    """Load the page and return every problem found (none means it passed)."""
    browser = Browser(args.chromium, work / "profile", work / "chromium.log", args.timeout)
    page = html.resolve().as_uri()
    try:
        session = browser.send("Target.attachToTarget", {"targetId": _new_tab(browser), "flatten": True})
        sid = session["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            browser.send(f"{domain}.enable", session=sid)
        metrics = {"width": args.width, "height": args.height, "deviceScaleFactor": 1, "mobile": False}
        browser.send("Emulation.setDeviceMetricsOverride", metrics, session=sid)
        nav = browser.send("Page.navigate", {"url": page}, session=sid)
        if nav.get("errorText"):
            return [f"cannot load {page}: {nav['errorText']}"]
        if not browser.wait_for("Page.loadEventFired", args.timeout):
            return [f"{page} did not finish loading within {args.timeout:g} s"]
        browser.drain(0.5)  # errors raised just after load
        problems = console_errors(browser.events) + other_requests(browser.events, page)
        text = _evaluate(browser, sid, "document.body ? document.body.textContent : ''")
        missing = [c for c in claim_ids if c not in text]
        if missing:
            problems.append(f"{len(missing)} claim ids not in the DOM: {', '.join(missing[:10])}")
        if args.dump_dom:
            Path(args.dump_dom).write_text(
                _evaluate(browser, sid, "document.documentElement.outerHTML"), encoding="utf-8"
            )
        problems += filter_problems(_evaluate(browser, sid, FILTER_PROBE), counts)
        if args.screenshot:
            for verdict in args.uncheck:  # the page as a reader who filtered it sees it
                _evaluate(browser, sid, f"document.getElementById({json.dumps('show-' + verdict)}).click()")
            shot = browser.send("Page.captureScreenshot", {"format": "png"}, session=sid)
            Path(args.screenshot).write_bytes(base64.b64decode(shot["data"]))
        browser.drain(0.2)
        problems += [p for p in console_errors(browser.events) if p not in problems]
        return problems
    finally:
        browser.close()


def _new_tab(browser: Browser) -> str:
    target: str = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    return target


def _evaluate(browser: Browser, session: str, expression: str) -> Any:
    reply = browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)
    if "exceptionDetails" in reply:
        msg = f"the probe script failed: {reply['exceptionDetails'].get('text')}"
        raise BrowserError(msg)
    return reply["result"].get("value")


def main(argv: list[str] | None = None) -> int:
    """Run the check; see the module docstring."""
    parser = argparse.ArgumentParser(description="Check claimtally's HTML report in headless Chromium.")
    parser.add_argument("--package", help="datapackage.json or its folder (default: the bundled one)")
    parser.add_argument("--html", help="check this HTML file instead of rendering the package's report")
    parser.add_argument("--screenshot", metavar="PNG", help="write a screenshot of the page here")
    parser.add_argument(
        "--uncheck",
        action="append",
        default=[],
        choices=VERDICTS,
        metavar="VERDICT",
        help="hide this verdict's claims in the screenshot (repeatable)",
    )
    parser.add_argument("--dump-dom", metavar="FILE", help="write the DOM as the browser built it here")
    parser.add_argument("--chromium", default=CHROMIUM, help=f"the browser (default {CHROMIUM})")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1600)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for the browser")
    args = parser.parse_args(argv)
    if not Path(args.chromium).is_file():
        print(f"browser_check: {args.chromium} not found; install chromium", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="claimtally-browser-") as tmp:
        work = Path(tmp)
        render(args.package, "json", work / "report.json")
        report = json.loads((work / "report.json").read_text(encoding="utf-8"))
        claim_ids = [c["claim_id"] for c in report["claims"]]
        counts = {v: sum(c["verdict"] == v for c in report["claims"]) for v in VERDICTS}
        html = Path(args.html) if args.html else work / "report.html"
        if not args.html:
            render(args.package, "html", html)
        size = html.stat().st_size if html.is_file() else 0
        try:
            problems = check_page(html, claim_ids, counts, args, work)
        except BrowserError as exc:
            log = (work / "chromium.log").read_text(encoding="utf-8", errors="replace")
            print(f"browser_check: {exc}\n{log[-2000:]}", file=sys.stderr)
            return 2
    if problems:
        print(f"browser_check: {html.name}: {len(problems)} problems", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    shot = f"; screenshot {args.screenshot}" if args.screenshot else ""
    print(
        f"browser_check: ok: {len(claim_ids)} claims shown, filters work, no console error, "
        f"no request{shot}" + (f" ({size} bytes)" if size else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
