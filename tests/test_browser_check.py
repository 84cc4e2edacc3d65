"""scripts/browser_check.py in a real headless Chromium: it passes the report and fails a broken page.

Skipped where Chromium is not installed; ``.ci/run`` installs it and runs the script itself too.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import claimtally
from claimtally.report.render import render

HERE = Path(__file__).parent
SCRIPT = HERE.parent / "scripts" / "browser_check.py"
BASIC = HERE / "scenarios" / "basic"
CHROMIUM = Path("/usr/bin/chromium")

if not CHROMIUM.is_file():
    pytest.skip(
        f"{CHROMIUM} is not installed (apt-get install chromium); .ci/run installs it",
        allow_module_level=True,
    )

CSP = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n')


def _browser_check(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(SCRIPT), "--package", str(BASIC), "--timeout", "60", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


def test_the_report_loads_cleanly_shows_every_claim_and_gives_a_screenshot(tmp_path: Path) -> None:
    """No console error, no request, every claim id in the DOM, working filters, a PNG written."""
    shot = tmp_path / "report.png"
    done = _browser_check("--screenshot", str(shot), "--width", "800", "--height", "600")
    assert 0 == done.returncode, done.stderr
    assert "4 claims shown, filters work, no console error, no request" in done.stdout
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert (800, 600) == (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big"))


def _script(code: str, *, keep_policy: bool = False) -> Callable[[str], str]:
    """Insert an inline script before </body>, with or without the page's security policy."""

    def inject(page: str) -> str:
        page = page if keep_policy else CSP.sub("", page, count=1)
        return page.replace("</body>", f"<script>{code}</script>\n</body>")

    return inject


def _tamper_style(page: str) -> str:
    return page.replace("box-sizing:border-box", "box-sizing:content-box", 1)


def _drop_claim(page: str) -> str:
    return page.replace("draft_lead", "draft_other")


@pytest.mark.parametrize(
    ("break_page", "said"),
    [
        pytest.param(
            _script('throw new Error("deliberate failure")'),
            "uncaught exception: Error: deliberate failure",
            id="uncaught-exception",
        ),
        pytest.param(_script('console.error("on purpose")'), "console.error: on purpose", id="console-error"),
        pytest.param(
            _script("document.title = 'x'", keep_policy=True),
            "violates the following Content Security Policy directive 'script-src 'none''",
            id="blocked-inline-script",
        ),
        pytest.param(
            _tamper_style, "the holds filter does not hide exactly the 1 holds claims", id="style-not-allowed"
        ),
        pytest.param(_drop_claim, "1 claim ids not in the DOM: draft_lead", id="claim-missing"),
    ],
)
def test_a_broken_page_fails_the_check(tmp_path: Path, break_page: Callable[[str], str], said: str) -> None:
    """Each deliberate fault makes the script exit 1 and name the fault."""
    page = render(claimtally.check(BASIC), "html", package=claimtally.load(BASIC))
    broken = break_page(page)
    assert broken != page
    html = tmp_path / "broken.html"
    html.write_text(broken, encoding="utf-8")
    done = _browser_check("--html", str(html))
    assert 1 == done.returncode, done.stdout + done.stderr
    assert said in done.stderr


def test_a_missing_browser_is_exit_2_with_one_line(tmp_path: Path) -> None:
    """No browser at the path given: exit 2 and a line that says what to install."""
    done = _browser_check("--chromium", str(tmp_path / "no-chromium"))
    assert 2 == done.returncode
    assert "not found; install chromium" in done.stderr
