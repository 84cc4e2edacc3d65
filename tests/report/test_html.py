"""The HTML report: golden file, every claim shown, hostile data escaped, nothing loaded from elsewhere."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimtally
from builders import assert_golden, claim, value
from claimtally.cli import main
from claimtally.data.package import read
from claimtally.output import clean
from claimtally.report.html import esc, linkable, render_html
from claimtally.report.model import ClaimResult, Finding, PackageInfo, Report, summarise
from claimtally.report.render import render

HERE = Path(__file__).parents[1]  # tests/
BASIC = HERE / "scenarios" / "basic"

#: Elements that never close (https://html.spec.whatwg.org/#void-elements).
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
#: Elements that would load or run something; the page has none of them.
LOADING = {"script", "link", "img", "iframe", "frame", "object", "embed", "audio", "video", "source", "base"}
HOSTILE = '<script>alert("x")</script>\'"&\x1b[2J\x07'


class Page(HTMLParser):
    """The parsed page: every tag with its attributes, the text, and whether tags balance."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.unbalanced: list[str] = []
        self.text: list[str] = []
        self.style: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.unbalanced.append(f"self-closed <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.unbalanced.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "style":
            self.style.append(data)
        else:
            self.text.append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)

    def links(self) -> list[str]:
        return [str(attrs["href"]) for tag, attrs in self.tags if tag == "a" and "href" in attrs]

    def well_formed(self) -> bool:
        return not self.unbalanced and not self.stack


@pytest.fixture(scope="module")
def basic_html() -> str:
    return render(claimtally.check(BASIC), "html", package=claimtally.load(BASIC))


@pytest.fixture(scope="module")
def bundled() -> tuple[Report, str]:
    report = claimtally.check()
    return report, render(report, "html", package=claimtally.load())


def test_html_report_matches_its_golden_file(basic_html: str) -> None:
    """The basic scenario's page is exactly the recorded one (deterministic output)."""
    assert_golden("basic.html", basic_html)


def test_every_claim_of_the_bundled_package_has_its_card_with_quote_and_verdict(
    bundled: tuple[Report, str],
) -> None:
    """One <article> per claim, in report order, each showing its id, verdict and quote."""
    report, text = bundled
    cards = re.findall(
        r'<article class="claim v-([a-z-]+)[^"]*" id="claim-\d+">\n<h3><code>(.*?)</code>', text
    )
    assert [(c.verdict, c.claim_id) for c in report.claims] == [(v, html.unescape(i)) for v, i in cards]
    page = Page(text)
    assert all(clean(c.quote) in page.all_text for c in report.claims)


def test_bundled_page_is_well_formed_and_loads_nothing(bundled: tuple[Report, str]) -> None:
    """Balanced tags; no element that loads or runs anything; the only URLs are <a> links to sources."""
    _, text = bundled
    page = Page(text)
    assert page.well_formed(), page.unbalanced[:5]
    assert set() == {tag for tag, _ in page.tags} & LOADING
    urls = {str(u) for u in claimtally.load().sources["url"]}
    for tag, attrs in page.tags:
        for name, val in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("src", "href", "action", "formaction", "srcset", "poster", "data", "style"):
                assert (tag, name) == ("a", "href"), (tag, name, val)
                assert val in urls and linkable(str(val))
    assert page.links()
    style = "".join(page.style)
    assert "url(" not in style and "@import" not in style


def test_content_security_policy_forbids_every_load_and_allows_only_its_own_style(basic_html: str) -> None:
    """default-src 'none', script-src 'none', and the style allowed by the sha256 of its exact text."""
    page = Page(basic_html)
    csp = next(
        str(a["content"])
        for t, a in page.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in csp and "script-src 'none'" in csp
    style = "".join(page.style)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in csp


def test_summary_shows_counts_and_the_exit_status_for_the_threshold() -> None:
    """Exit status 0 at --fail-on error and 1 at warning for the basic scenario (3 warnings)."""
    report = claimtally.check(BASIC)
    assert "Exit status 0: no finding at or above error" in render(report, "html")
    assert "Exit status 1: 3 findings at or above warning" in render(report, "html", fail_on="warning")
    page = Page(render(report, "html"))
    assert "4 claims" in page.all_text and "9 findings" in page.all_text


def test_claim_sources_are_linked_and_say_whether_they_agree(basic_html: str) -> None:
    """doubled_vendor reads the vendor's and the article's numbers, which agree; both are linked."""
    card = basic_html.split('id="claim-2"')[1].split("</article>")[0]
    assert "Sources (2): their numbers agree with the claim" in card
    assert '<a href="https://example.org/v" rel="noopener noreferrer">Vendor page</a>' in card
    assert '<a href="https://example.org/a" rel="noopener noreferrer">An article</a>' in card
    assert "<code>ven_in_new</code> = <strong>5.00</strong>" in card


def test_without_the_package_sources_are_shown_by_id() -> None:
    """render_html works from the report alone: no links, source ids as text."""
    page = Page(render_html(claimtally.check(BASIC)))
    assert [] == page.links()
    assert page.well_formed()


@pytest.fixture
def hostile_package(make_package: Callable[..., Path]) -> Path:
    """Hostile text in every cell the page shows: ids, quotes, titles, URLs, the package name."""
    sources = [
        {
            "source_id": "js",
            "title": HOSTILE,
            "url": "javascript:alert(1)",
            "publisher": HOSTILE,
            "kind": "vendor",
        },
        {"source_id": "dt", "title": "data", "url": "data:text/html,<script>x</script>", "kind": "vendor"},
        {"source_id": "fl", "title": "file", "url": "file:///etc/passwd", "kind": "vendor"},
        {"source_id": "sp", "title": "space", "url": " https://example.org/lead", "kind": "vendor"},
        {"source_id": "nl", "title": "newline", "url": "https://example.org/\nx", "kind": "vendor"},
        {"source_id": "ok", "title": "ok", "url": 'https://example.org/q?a=<b>&c="d"', "kind": "independent"},
    ]
    values = [
        value("a", "2", source_id="js", quote=HOSTILE),
        value("b", "2", source_id="dt", quote="q"),
        value("c", "2", source_id="fl"),
        value("d", "2", source_id="sp"),
        value("e", "2", source_id="nl"),
        value("f", "2", source_id="ok", setting=HOSTILE),
    ]
    claims = [
        claim(HOSTILE, "a == b", quote=HOSTILE, topic=HOSTILE, expect="holds"),
        claim("c2", "c == d and e == f", quote="\u2028line\x00", source_id=HOSTILE),
        claim("c3", f"a == {HOSTILE}", quote="bad expression"),
    ]
    path = make_package(values=values, claims=claims, sources=sources)
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["name"] = HOSTILE + "\ud800"
    descriptor["version"] = "<b>1</b>"
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    return path


def test_hostile_data_is_escaped_everywhere(hostile_package: Path) -> None:
    """No tag, attribute or raw control character comes from the data; the text reads as written."""
    report = claimtally.check(hostile_package)
    text = render(report, "html", package=read(hostile_package))
    page = Page(text)
    assert page.well_formed(), page.unbalanced
    assert {"script", "b"} & {tag for tag, _ in page.tags} == set()
    assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text)
    assert clean(HOSTILE) in page.all_text
    assert "\\ud800" in page.all_text and "\\x1b[2J\\x07" in page.all_text
    text.encode("utf-8")  # a surrogate from the descriptor cannot break the write


def test_only_absolute_http_urls_become_links(hostile_package: Path) -> None:
    """javascript:, data:, file:, a leading space or a newline: shown as text, never an href."""
    report = claimtally.check(hostile_package)
    page = Page(render(report, "html", package=read(hostile_package)))
    assert {'https://example.org/q?a=<b>&c="d"', "https://example.org/a"} == set(page.links())
    for shown in ("javascript:alert(1)", "data:text/html,<script>x</script>", "file:///etc/passwd"):
        assert f"not a web link: {shown}" in page.all_text


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.org/a", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("https://example.org/a b", False),
        ("https:example.org", False),
        ("https://", False),
        ("//example.org", False),
        ("javascript:alert(1)", False),
        ("https://example.org\\@evil.org", False),
        ("\x01https://example.org", False),
        ("ftp://example.org", False),
    ],
)
def test_linkable_accepts_absolute_http_urls_only(url: str, linked: bool) -> None:
    """The rule for a link: http or https, a host, nothing a browser would strip or reinterpret."""
    assert linked == linkable(url)


def _report_with(text: str) -> Report:
    result = ClaimResult(
        claim_id=text,
        source_id=text,
        quote=text,
        expression=text,
        topic=text,
        expect="holds",
        verdict="fails",
        strict="false",
        loose="false",
        computed=None,
        stated=None,
        message=text,
        derivation=(text,),
    )
    finding = Finding(rule="claims", severity="error", claim_id=text, value_id=text, file=text, message=text)
    return Report(
        package=PackageInfo(name=text, version=text, hash=text),
        summary=summarise([result], [finding], ("claims",)),
        claims=(result,),
        findings=(finding,),
    )


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_text_renders_as_that_text_and_never_as_markup(text: str) -> None:
    """Whatever a cell holds, the page stays well formed and shows the cell's text, escaped."""
    page = Page(render_html(_report_with(text)))
    assert page.well_formed(), page.unbalanced
    assert {t for t, _ in page.tags} <= {
        *("html", "head", "meta", "title", "style", "body", "header", "main", "footer", "section"),
        *("h1", "h2", "h3", "h4", "p", "code", "table", "caption", "tr", "th", "td", "span", "div"),
        *("input", "label", "article", "blockquote", "details", "summary", "pre", "ul", "li", "strong"),
    }
    shown = esc(text)
    assert not set("<>\"'") & set(shown)
    assert html.unescape(shown) in page.all_text


def test_cli_writes_the_html_report_atomically_with_the_exit_status(tmp_path: Path) -> None:
    """check --format html -o FILE writes the page and exits as the other formats do."""
    out = tmp_path / "report.html"
    out.write_text("old", encoding="utf-8")
    assert 0 == main(["check", str(BASIC), "--format", "html", "-o", str(out)])
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert 1 == main(["check", str(BASIC), "--format", "html", "--fail-on", "warning", "-o", str(out)])
    assert [out] == list(tmp_path.iterdir())  # no temporary file left behind


def test_cli_refuses_to_write_the_html_report_over_a_package_file(
    tmp_path: Path, make_package: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """-o pointing at the package's own claims.csv is refused with one line and exit 2."""
    path = make_package(values=[value("a", "2")], claims=[claim("c", "a == 2", expect="holds")])
    target = path.parent / "data" / "claims.csv"
    before = target.read_bytes()
    assert 2 == main(["check", str(path), "--format", "html", "-o", str(target)])
    assert before == target.read_bytes()
    assert 1 == len(capsys.readouterr().err.strip().splitlines())
