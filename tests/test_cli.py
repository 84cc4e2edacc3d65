"""The command line: exit codes, formats, -o, explain, rules, tables, --version."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builders import REPO, claim, value
from claimtally import __version__
from claimtally.cli import main

BASIC = Path(__file__).parent / "scenarios" / "basic"


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
    assert "refusing to overwrite" in capsys.readouterr().err


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
