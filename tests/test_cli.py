"""The command line: exit codes, formats, -o, explain, rules, tables, extract, coverage, --version."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

import claimtally
from builders import ARTICLE, REPO, claim, value
from claimtally import __version__
from claimtally.cli import build_parser, main
from claimtally.workflow import BUNDLED_NOTE

BASIC = Path(__file__).parent / "scenarios" / "basic"
FIXTURE = Path(__file__).parent / "articles" / "fixture.md"


def test_version_prints_the_package_version(capsys) -> None:
    """--version prints the data package's version."""
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert 0 == stop.value.code
    expected = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))["version"]
    assert f"claimtally {expected}\n" == capsys.readouterr().out
    assert __version__ == expected


def test_check_on_the_bundled_package_exits_0(capsys) -> None:
    """Every verdict is as recorded, so the gate is green while failing claims are reported."""
    assert 0 == main(["check"])
    out = capsys.readouterr().out
    assert "FAILS (" in out and "art_price_in_doubled" in out


def test_fail_on_warning_turns_warnings_into_exit_1(capsys) -> None:
    """The bundled package has warnings (disagreements), so --fail-on warning exits 1."""
    assert 1 == main(["check", "--fail-on", "warning"])


def test_a_changed_verdict_exits_1(make_package, capsys) -> None:
    """A claim whose recorded verdict no longer holds is a regression: exit 1."""
    path = make_package(values=[value("a", "2")], claims=[claim("c", "a == 3", expect="holds")])
    assert 1 == main(["check", str(path)])
    assert 0 == main(["check", str(path), "--fail-on", "never"])


def test_unreadable_package_exits_2_with_one_line(tmp_path: Path, capsys) -> None:
    """A missing package is one line on stderr and exit 2, never a traceback."""
    assert 2 == main(["check", str(tmp_path)])
    err = capsys.readouterr().err
    assert err.startswith("claimtally: error: ") and err.count("\n") == 1
    assert "Traceback" not in err


def test_usage_errors_exit_2_with_one_line(capsys) -> None:
    """An unknown option is exit 2 with a single line that points at --help."""
    assert 2 == main(["check", "--format", "yaml"])
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--help" in err


def test_json_output_to_a_file_is_written_atomically(tmp_path: Path, capsys) -> None:
    """-o writes the JSON report and leaves no temporary file behind."""
    out = tmp_path / "report.json"
    assert 0 == main(["check", str(BASIC), "--format", "json", "-o", str(out)])
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["claims"] == 4
    assert ["report.json"] == [p.name for p in tmp_path.iterdir()]


def test_output_refuses_to_overwrite_a_file_of_the_package(make_package, capsys) -> None:
    """-o pointing at the package's own CSV is refused and the CSV is untouched."""
    path = make_package(values=[value("a", "1")])
    target = path.parent / "data" / "values.csv"
    before = target.read_bytes()
    assert 2 == main(["check", str(path), "-o", str(target)])
    assert before == target.read_bytes()
    assert "refusing to write over" in capsys.readouterr().err


def test_rule_selection_runs_only_those_rules(capsys) -> None:
    """--rule claims reports only claims findings."""
    assert 0 == main(["check", str(BASIC), "--rule", "claims", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert {"claims"} == {f["rule"] for f in data["findings"]}


def test_explain_shows_the_derivation(capsys) -> None:
    """explain prints the values, the steps and the verdict of one claim."""
    assert 0 == main(["explain", "art_price_in_doubled"])
    out = capsys.readouterr().out
    assert "art_price_in_gpt55 = 5.30, exact by definition" in out
    assert "verdict: fails" in out


def test_explain_of_an_unknown_claim_exits_2(capsys) -> None:
    """An unknown claim id is an error with a suggestion."""
    assert 2 == main(["explain", "art_price_in_doubeld"])
    assert "did you mean art_price_in_doubled" in capsys.readouterr().err


def test_rules_lists_every_rule_with_a_line(capsys) -> None:
    """rules prints each rule id and its one-line description."""
    assert 0 == main(["rules"])
    out = capsys.readouterr().out.splitlines()
    assert ["schema", "integrity", "release", "claims", "agreement", "units", "granularity"] == [
        line.split()[0] for line in out
    ]


def test_tables_lists_tables_rows_and_descriptions(capsys) -> None:
    """tables names each table with its row count, description and fields."""
    assert 0 == main(["tables"])
    out = capsys.readouterr().out
    for name in ("sources", "entities", "metrics", "hedges", "values", "claims"):
        assert f"\n{name} (" in out
    assert "- quote: Exact words of the source" in out


def test_no_command_prints_help_and_exits_2(capsys) -> None:
    """A bare 'claimtally' shows the commands."""
    assert 2 == main([])
    assert "check" in capsys.readouterr().out


def _commands() -> dict[str, argparse.ArgumentParser]:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_every_command_has_help_text_and_a_readme_section(capsys) -> None:
    """Each command has a one-line help, a description, a working --help, and a README section."""
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    helps = {c.dest: c.help for c in sub._choices_actions}
    for name, command in _commands().items():
        assert helps.get(name), f"{name} has no one-line help"
        assert command.description, f"{name} has no description"
        with pytest.raises(SystemExit) as done:
            main([name, "--help"])
        assert 0 == done.value.code
        assert f"usage: claimtally {name}" in capsys.readouterr().out
        assert f"### `claimtally {name}`" in readme, f"README has no section for {name}"


def test_every_command_but_rules_and_tables_is_a_library_function() -> None:
    """The CLI mirrors the API: each command that computes something is claimtally.<command>."""
    for name in set(_commands()) - {"rules", "tables", "pre-commit"}:
        assert callable(getattr(claimtally, name)), name


# ---- extract and coverage: output, -o, exit codes 0/1/2 and one-line errors


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
        assert "refusing to write over" in err


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


def test_without_a_path_the_package_in_the_current_folder_is_checked(
    make_package, monkeypatch, capsys
) -> None:
    """As ruff and mypy do: ./datapackage.json when there is one, so a failing package fails."""
    path = make_package(values=[value("a", "2")], claims=[claim("c", "a == 3", expect="holds")])
    monkeypatch.chdir(path.parent)
    assert 1 == main(["check"])
    captured = capsys.readouterr()
    assert "claim c" in captured.out and captured.err == ""


def test_without_a_path_or_a_package_here_the_bundled_data_is_used_and_said(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    assert 0 == main(["check"])
    captured = capsys.readouterr()
    assert "art_price_in_doubled" in captured.out
    assert captured.err.count("\n") == 1 and "bundled" in captured.err and "--bundled" in captured.err


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["tables"],
        ["cite"],
        ["explain", "art_price_in_doubled"],
        ["extract", str(FIXTURE)],
        ["coverage", str(FIXTURE), "--source-id", "gpt55-retrain-article", "--min", "0"],
    ],
)
def test_bundled_asks_for_the_bundled_data_even_where_a_package_is(
    argv: list[str], make_package, monkeypatch, capsys
) -> None:
    path = make_package(values=[value("a", "2")], claims=[claim("c", "a == 3", expect="holds")])
    monkeypatch.chdir(path.parent)
    assert 0 == main([*argv, "--bundled"])
    captured = capsys.readouterr()
    assert "bundled" not in captured.err
    if argv[0] == "tables":
        assert "claimtally-data" in captured.out


def test_bundled_and_a_path_together_exit_2(capsys) -> None:
    assert 2 == main(["check", str(BASIC), "--bundled"])
    assert "not both" in capsys.readouterr().err


def test_pre_commit_checks_each_package_that_holds_a_changed_file(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    for name in ("a", "b/c"):
        assert 0 == main(["init", str(tmp_path / name)])
    bad = tmp_path / "b" / "c" / "data" / "claims.csv"
    bad.write_text(bad.read_text(encoding="utf-8").replace(",holds,", ",fails,"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    files = ["a/data/values.csv", "a/datapackage.json", "b/c/data/claims.csv", "README.md"]
    assert 1 == main(["pre-commit", *files])
    out = capsys.readouterr().out
    heads = [line for line in out.splitlines() if line.startswith("== ")]
    assert heads == ["== a/datapackage.json", "== b/c/datapackage.json"]
    assert "claim price_doubled" in out
    assert 0 == main(["pre-commit", "a/data/values.csv"])
    assert 0 == main(["pre-commit", "README.md"])
    assert "nothing to check" in capsys.readouterr().err


def test_pre_commit_looks_no_higher_than_the_current_folder(tmp_path: Path, monkeypatch, capsys) -> None:
    assert 0 == main(["init", str(tmp_path / "pkg")])
    (tmp_path / "pkg" / "inner").mkdir()
    monkeypatch.chdir(tmp_path / "pkg" / "inner")
    assert 0 == main(["pre-commit", "x.csv"])
    assert "nothing to check" in capsys.readouterr().err


def test_quiet_check_prints_only_what_fails_and_no_notes(make_package, tmp_path, monkeypatch, capsys) -> None:
    path = make_package(values=[value("a", "2")], claims=[claim("c", "a == 3", expect="holds")])
    assert 1 == main(["check", str(path), "-q"])
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].endswith("regression") and ": error [claims] " in out[0]
    monkeypatch.chdir(tmp_path)
    assert 0 == main(["check", "-q"])
    out, err = capsys.readouterr()  # the bundled data passes; that it was used is still said
    assert out == "" and err == BUNDLED_NOTE
    assert 0 == main(["extract", str(FIXTURE), "-q", "--bundled"])
    assert capsys.readouterr().err == ""  # extract's summary is a note


def test_exit_zero_is_fail_on_never(make_package, capsys) -> None:
    path = make_package(values=[value("a", "2")], claims=[claim("c", "a == 3", expect="holds")])
    assert 0 == main(["check", str(path), "--exit-zero"])
    assert 2 == main(["check", str(path.parent / "missing"), "--exit-zero"])


def test_diff_exit_code_says_whether_the_packages_differ(make_package, capsys) -> None:
    path = make_package(values=[value("a", "2")], claims=[claim("c", "a == 3", expect="holds")])
    assert 0 == main(["diff", str(path), str(path), "--exit-code"])
    assert 1 == main(["diff", str(BASIC), str(path), "--exit-code"])
    assert 0 == main(["diff", str(BASIC), str(path)])


@pytest.mark.parametrize(
    ("env", "coloured"),
    [({}, False), ({"FORCE_COLOR": "1"}, True), ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False)],
)
def test_force_color_and_no_color(env: dict[str, str], coloured: bool, monkeypatch, capsys) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for key, setting in env.items():
        monkeypatch.setenv(key, setting)
    assert 0 == main(["check", str(BASIC), "--fail-on", "never"])
    out = capsys.readouterr().out
    assert ("\x1b[" in out) is coloured
    assert "\\x1b" not in out  # a colour code is never shown escaped


def test_version_imports_neither_pandas_nor_pyarrow() -> None:
    import subprocess
    import sys

    code = "import sys; from claimtally.cli import main\ntry: main(['--version'])\nexcept SystemExit: pass\n"
    code += "print(sorted(m for m in ('pandas', 'pyarrow', 'numpy', 'frictionless') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().endswith("[]")
