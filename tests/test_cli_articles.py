"""The extract and coverage commands: output, -o, exit codes 0/1/2 and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builders import ARTICLE, value
from claimtally.cli import main

HERE = Path(__file__).parent
BASIC = HERE / "scenarios" / "basic"
FIXTURE = HERE / "articles" / "fixture.md"


def _one_line_error(err: str) -> None:
    assert err.startswith("claimtally: error: ") and err.count("\n") == 1
    assert "Traceback" not in err


def test_extract_writes_csv_and_a_one_line_summary(capsys) -> None:
    """CSV on stdout with the values header; the unfilled cells summed up in one stderr line."""
    assert 0 == main(["extract", str(FIXTURE), "--source-id", "art", str(BASIC)])
    out, err = capsys.readouterr()
    assert out.startswith("value_id,source_id,entity_id,metric_id,")
    assert 13 == len(out.splitlines())
    assert err.startswith("claimtally: extract: 12 draft value rows; unfilled") and err.count("\n") == 1


def test_extract_output_file_is_written_atomically(tmp_path: Path, capsys) -> None:
    """-o writes the CSV, leaves no temporary file, and still reports on stderr."""
    out = tmp_path / "draft.csv"
    assert 0 == main(["extract", str(FIXTURE), str(BASIC), "-o", str(out), "--source-id", "art"])
    assert out.read_text(encoding="utf-8").startswith("value_id,")
    assert ["draft.csv"] == [p.name for p in tmp_path.iterdir()]
    assert "" == capsys.readouterr().out


def test_extract_never_overwrites_the_package_or_the_article(make_package, tmp_path: Path, capsys) -> None:
    """-o at the package's values.csv or at the article itself is refused with exit 2."""
    path = make_package(values=[value("a", "1")])
    article = tmp_path / "a.txt"
    article.write_text("It costs $5.", encoding="utf-8")
    for target in (path.parent / "data" / "values.csv", article):
        before = target.read_bytes()
        assert 2 == main(["extract", str(article), str(path), "-o", str(target)])
        assert before == target.read_bytes()
        err = capsys.readouterr().err
        _one_line_error(err)
        assert "refusing to overwrite" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extract", "no-such-article.txt"], "no such article file"),
        (["extract", str(FIXTURE), "--source-id", "Bad Id"], "is not a source id"),
        (["extract", str(FIXTURE), "no-such-package"], "no such file"),
        (["coverage", str(FIXTURE), "--source-id", "art", str(BASIC), "--min", "abc"], "is not a percentage"),
        (["coverage", str(FIXTURE), "--source-id", "art", str(BASIC), "--min", "101"], "is not a percentage"),
        (["coverage", str(FIXTURE), "--source-id", "nope", str(BASIC)], "no source 'nope'"),
        (["coverage", str(FIXTURE), str(BASIC)], "--source-id"),
        (["coverage", "no-such-article.md", "--source-id", "art"], "no such article file"),
    ],
)
def test_extract_and_coverage_errors_exit_2_with_one_line(argv: list[str], message: str, capsys) -> None:
    """Bad input is one line on stderr that says what to do, exit 2, never a traceback."""
    assert 2 == main(argv)
    err = capsys.readouterr().err
    _one_line_error(err)
    assert message in err


def test_coverage_exits_1_below_the_minimum_and_0_at_or_above(make_package, tmp_path: Path, capsys) -> None:
    """One of two quantities recorded: 50% fails the default 100 and passes --min 50."""
    article = tmp_path / "a.txt"
    article.write_text("It scores 57%. It costs $5.", encoding="utf-8")
    path = make_package(values=[value("a", "57", quote="It scores 57%")])
    assert 1 == main(["coverage", str(article), "--source-id", "art", str(path)])
    assert "1 of 2 quantities recorded" in capsys.readouterr().out
    assert 0 == main(["coverage", str(article), "--source-id", "art", str(path), "--min", "50"])
    assert 0 == main(["coverage", str(article), "--source-id", "art", str(path), "--min", "50%"])
    assert 1 == main(["coverage", str(article), "--source-id", "art", str(path), "--min", "50.1"])


def test_coverage_json_is_valid_and_says_whether_the_minimum_is_met(
    make_package, tmp_path: Path, capsys
) -> None:
    """--format json carries the share and the verdict against --min."""
    article = tmp_path / "a.md"
    article.write_text("It scores **57%**.", encoding="utf-8")
    path = make_package(values=[value("a", "57", quote="It scores 57%")])
    assert 0 == main(["coverage", str(article), str(path), "--source-id", "art", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert ("100.0", True, ["a"]) == (data["percent"], data["meets_min"], data["items"][0]["recorded_by"])


@pytest.mark.skipif(not ARTICLE.exists(), reason="../shared/article is absent")
def test_coverage_of_the_bundled_article_exits_0(capsys) -> None:
    """The bundled article is fully recorded by its source."""
    assert 0 == main(["coverage", str(ARTICLE), "--source-id", "gpt55-retrain-article"])
    assert "30 of 30 quantities recorded" in capsys.readouterr().out
