"""Read an article as plain text: a ``.txt`` file as it is, Markdown without its markup, HTML without tags.

The text returned is "the article as read": every quote ``extract`` writes is an exact substring of it,
and ``coverage`` looks the package's quotes up in it.

- **Plain text** is read as it is (UTF-8; a byte-order mark is dropped, line ends become ``\\n``).
- **Markdown** (``.md``, ``.markdown``) is read as text with its markup left out: ``#`` heading marks,
  list bullets and numbers, ``>`` quote marks, emphasis ``*``/``_``, backticks, link and image syntax
  (the link text stays, the address goes), reference definitions and table rules.
- **HTML** (``.html``, ``.htm``, ``.xhtml``, or any file that starts with ``<!doctype html`` or
  ``<html``) is parsed with the standard library's :mod:`html.parser`: tags are dropped, entities
  decoded, ``script``/``style``/``template``/``noscript``/``svg`` contents skipped, block elements
  become line breaks, table cells are joined by a space and runs of spaces collapse.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal

from claimtally.data.paths import checked, resolved, shown
from claimtally.errors import ClaimtallyError

#: The largest article read (a guard against being handed something that is not an article).
MAX_ARTICLE_BYTES = 20 << 20

Kind = Literal["text", "markdown", "html"]

_MARKDOWN = (".md", ".markdown", ".mdown")
_HTML = (".html", ".htm", ".xhtml")


def article_kind(path: Path, text: str) -> Kind:
    """How to read the file: by its extension, or HTML when its text starts like an HTML page."""
    suffix = path.suffix.lower()
    if suffix in _HTML:
        return "html"
    if suffix in _MARKDOWN:
        return "markdown"
    head = text.lstrip()[:15].lower()
    return "html" if head.startswith(("<!doctype html", "<html")) else "text"


def read_article(path: str | Path) -> str:
    """Read an article file and return its text as read (see the module docstring).

    Raises:
        ClaimtallyError: the path holds a NUL byte, is too long or a symlink loop; the file is
            missing, not a regular file, too large or not UTF-8. The message says which and what to do.
    """
    label = shown(os.fspath(path))
    p = checked(path, label)
    real = resolved(p, label)
    if real.exists() and not real.is_file():
        msg = f"{label}: not a regular file (a folder, FIFO or device); give the path of an article file"
        raise ClaimtallyError(msg)
    if not real.is_file():
        msg = f"{label}: no such article file; give the path of a .txt, .md or .html file"
        raise ClaimtallyError(msg)
    with real.open("rb") as f:
        data = f.read(MAX_ARTICLE_BYTES + 1)  # a file that grows while read is still cut at the limit
    if len(data) > MAX_ARTICLE_BYTES:
        msg = f"{label}: more than {MAX_ARTICLE_BYTES >> 20} MiB is more than an article; give one article"
        raise ClaimtallyError(msg)
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = f"{label}: not UTF-8 text (byte {exc.start}); save the article as UTF-8"
        raise ClaimtallyError(msg) from None
    return to_text(raw, article_kind(p, raw))


def to_text(raw: str, kind: Kind) -> str:
    """The text of an article's content read as ``kind``."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if kind == "html":
        return html_text(raw)
    if kind == "markdown":
        return markdown_text(raw)
    return raw


# Markdown ---------------------------------------------------------------------------------------

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_QUOTE_MARK = re.compile(r"^\s{0,3}(>\s?)+")
_BULLET = re.compile(r"^\s*(?:[-*+]|[0-9]{1,9}[.)])\s+")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_EMPHASIS = re.compile(r"(?<![\w*_])(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?![\w*_])")
_CODE = re.compile(r"`+([^`]*)`+")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")


def markdown_text(raw: str) -> str:
    """Markdown as text: the words a reader sees, with the markup characters left out."""
    out: list[str] = []
    in_fence = False
    for line in raw.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            continue
        if _REF_DEF.match(line) or _TABLE_RULE.match(line) or (_SETEXT.match(line) and out and out[-1]):
            continue
        line = _HEADING.sub("", line)
        line = _QUOTE_MARK.sub("", line)
        line = _BULLET.sub("", line)
        line = _IMAGE.sub(lambda m: m.group(1), line)
        line = _LINK.sub(lambda m: m.group(1) or m.group(2), line)
        line = _AUTOLINK.sub(lambda m: m.group(1), line)
        line = _CODE.sub(lambda m: m.group(1), line)
        line = _HTML_TAG.sub("", line)
        previous = None
        while previous != line:  # nested emphasis: ***a*** and **_a_**
            previous, line = line, _EMPHASIS.sub(lambda m: m.group(2), line)
        if line.strip().startswith("|"):
            line = " ".join(c.strip() for c in line.strip().strip("|").split("|"))
        out.append(line.replace("\\", "") if "\\" in line else line)
    return "\n".join(out)


# HTML -------------------------------------------------------------------------------------------

_SKIP = frozenset({"script", "style", "template", "noscript", "svg", "math", "head", "iframe", "object"})
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "title", "tr", "ul",
    }
)  # fmt: skip
_CELL = frozenset({"td", "th"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip: list[str] = []
        self.pre = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and self.skip in ([], ["head"]):
            self.in_title = True
            return
        if tag in _SKIP and tag not in _VOID:
            self.skip.append(tag)
        elif tag in _BLOCK:
            self.parts.append("\n")
        elif tag in _CELL:
            self.parts.append(" ")
        if tag == "pre":
            self.pre += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif self.skip and tag == self.skip[-1]:
            self.skip.pop()
        elif tag in _BLOCK:
            self.parts.append("\n")
        if tag == "pre" and self.pre:
            self.pre -= 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.parts.append(data if self.pre else re.sub(r"\s+", " ", data))


def html_text(raw: str) -> str:
    """HTML as text: tags dropped, entities decoded, scripts and styles skipped, blocks on lines."""
    parser = _TextParser()
    parser.feed(raw)
    parser.close()
    title = " ".join("".join(parser.title).split())
    lines = [line.strip(" \t") for line in "".join(parser.parts).split("\n")]
    body = [line for line in lines if line]
    if title and (not body or body[0] != title):
        body.insert(0, title)
    return "\n".join(body) + ("\n" if body else "")
