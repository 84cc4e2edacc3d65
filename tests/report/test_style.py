"""The HTML report's stylesheet and the Content Security Policy that admits only it."""

from __future__ import annotations

import base64
import hashlib

from claimtally.report.style import CSP, CSS


def test_the_policy_admits_the_stylesheet_by_its_hash() -> None:
    """The style-src hash is the sha256 of the stylesheet as the page embeds it."""
    digest = base64.b64encode(hashlib.sha256(CSS.encode("utf-8")).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in CSP


def test_the_policy_forbids_every_other_load() -> None:
    """Nothing is loaded by default, and scripts, images, base URLs and forms are refused outright."""
    directives = {d.split()[0]: d.split()[1:] for d in CSP.split("; ")}
    assert ["'none'"] == directives["default-src"]
    for name in ("script-src", "img-src", "base-uri", "form-action"):
        assert ["'none'"] == directives[name], name


def test_the_stylesheet_loads_nothing() -> None:
    """No url(), @import or font face: the page stays self-contained."""
    for word in ("url(", "@import", "@font-face"):
        assert word not in CSS
