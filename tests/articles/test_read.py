"""Reading an article: plain text as it is, Markdown without markup, HTML without tags."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtally.articles.read import article_kind, html_text, markdown_text, read_article, to_text
from claimtally.errors import ClaimtallyError


def test_plain_text_is_read_as_it_is_with_unix_line_ends(tmp_path: Path) -> None:
    """A byte-order mark is dropped and CRLF becomes LF; nothing else changes."""
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffIt costs $5.30.\r\nNext line *stays*.\r\n".encode())
    assert "It costs $5.30.\nNext line *stays*.\n" == read_article(path)


def test_markdown_markup_is_left_out() -> None:
    """Heading marks, emphasis, links, list numbers, code and table rules go; the words stay."""
    raw = (
        "# Title 1\n"
        "Some **bold 82.7%** and _em_ text with a [link](https://example.org/2026).\n"
        "1. first item at $5\n"
        "- bullet with `code 3`\n"
        "> quoted 40%\n"
        "| model | score |\n|---|---|\n| A | 57 |\n"
        "[ref]: https://example.org/9\n"
        "snake_case_name stays\n"
    )
    assert (
        "Title 1\n"
        "Some bold 82.7% and em text with a link.\n"
        "first item at $5\n"
        "bullet with code 3\n"
        "quoted 40%\n"
        "model score\nA 57\n"
        "snake_case_name stays\n"
    ) == markdown_text(raw)


def test_markdown_fenced_code_is_kept_as_text() -> None:
    """A fenced block's lines are text; the fences are not."""
    assert "x = 5\n" == markdown_text("```\nx = 5\n```\n")


def test_html_tags_are_dropped_and_entities_decoded() -> None:
    """Blocks become lines, inline tags vanish, &amp; and &#36; decode, spaces collapse."""
    raw = (
        "<html><head><title>T</title><style>p{x:1}</style></head><body>"
        "<h1>Prices &amp; scores</h1><p>It costs <b>&#36;5.30</b>\n   per   million.</p>"
        "<script>var n = 99;</script><table><tr><td>A</td><td>57</td></tr></table></body></html>"
    )
    assert "T\nPrices & scores\nIt costs $5.30 per million.\nA 57\n" == html_text(raw)


def test_html_is_sniffed_from_the_content(tmp_path: Path) -> None:
    """A .txt file that starts like an HTML page is read as HTML."""
    path = tmp_path / "page.txt"
    path.write_text("<!DOCTYPE html><p>a &lt; b</p>", encoding="utf-8")
    assert "html" == article_kind(path, path.read_text(encoding="utf-8"))
    assert "a < b\n" == read_article(path)


@pytest.mark.parametrize(
    ("name", "kind"), [("a.md", "markdown"), ("a.markdown", "markdown"), ("a.htm", "html"), ("a.txt", "text")]
)
def test_kind_follows_the_extension(name: str, kind: str) -> None:
    """The extension decides when the content does not look like HTML."""
    assert kind == article_kind(Path(name), "plain words")


def test_a_missing_article_is_a_one_line_error(tmp_path: Path) -> None:
    """The message names the path and what to give instead."""
    with pytest.raises(ClaimtallyError, match=r"no such article file; give the path"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(ClaimtallyError, match="not a regular file"):
        read_article(tmp_path)


def test_a_fifo_is_refused_without_being_opened(tmp_path: Path) -> None:
    """Opening a FIFO would wait for a writer forever: it is refused by its type."""
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    with pytest.raises(ClaimtallyError, match="not a regular file"):
        read_article(fifo)


def test_a_symlink_loop_is_refused(tmp_path: Path) -> None:
    """A loop is named as one, not raised as an OSError."""
    loop = tmp_path / "article.txt"
    loop.symlink_to(loop)
    with pytest.raises(ClaimtallyError, match="a symlink loop"):
        read_article(loop)


@pytest.mark.parametrize(
    ("name", "words"),
    [("a\0b.txt", "NUL byte"), ("a" * 300 + ".txt", "the path is too long")],
)
def test_an_impossible_path_is_refused_before_the_system_sees_it(
    tmp_path: Path, name: str, words: str
) -> None:
    """NUL bytes and over-long names are a one-line error, not a ValueError or OSError."""
    with pytest.raises(ClaimtallyError, match=words):
        read_article(str(tmp_path / name))


def test_an_article_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    """Bytes that do not decode are an error naming the byte, not a guess at the encoding."""
    path = tmp_path / "latin.txt"
    path.write_bytes(b"caf\xe9 costs $5")
    with pytest.raises(ClaimtallyError, match=r"not UTF-8 text \(byte 3\)"):
        read_article(path)


def test_an_oversized_article_is_refused(tmp_path: Path, monkeypatch) -> None:
    """A file larger than the article limit is refused before it is read."""
    monkeypatch.setattr("claimtally.articles.read.MAX_ARTICLE_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("x" * 11, encoding="utf-8")
    with pytest.raises(ClaimtallyError, match="more than an article"):
        read_article(path)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/&#;!-[]()*_`|# \nabp0123456789\"'=")), max_size=80))
def test_reading_never_raises_on_any_markup(raw: str) -> None:
    """Any text, however broken as Markdown or HTML, reads to a string."""
    for kind in ("text", "markdown", "html"):
        assert isinstance(to_text(raw, kind), str)
