"""The README's generated blocks match the package: rules, data dictionary, real check output."""

from __future__ import annotations

import json
import re

import pytest

import claimtally
from builders import REPO, UPDATE_GOLDEN
from claimtally.report.text import render_text
from claimtally.rules import RULES, summary_line

README = REPO / "README.md"


def rules_block() -> str:
    """A table of the rule ids and their one-line descriptions."""
    rows = [f"| `{r.id}` | {summary_line(r)} |" for r in RULES]
    return "\n".join(["| rule | what it checks |", "|---|---|", *rows])


def data_dictionary() -> str:
    """Each table with its description and each field with type, requirement and description."""
    descriptor = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    pkg = claimtally.load()
    out = [f"`{descriptor['name']}` {descriptor['version']}: {descriptor['description']}", ""]
    for res in descriptor["resources"]:
        rows = len(pkg.tables[res["name"]])
        out += [f"### `{res['name']}` ({res['path']}, {rows} rows)", "", res["description"], ""]
        out += ["| column | type | required | description |", "|---|---|---|---|"]
        for field in res["schema"]["fields"]:
            constraints = field.get("constraints", {})
            required = "yes" if constraints.get("required") else ""
            if field["name"] in res["schema"]["primaryKey"]:
                required = "primary key"
            out.append(f"| `{field['name']}` | {field['type']} | {required} | {field['description']} |")
        out.append("")
    return "\n".join(out).rstrip()


def check_output() -> str:
    """The bundled data's text report: its summary, the failing claims and the warnings."""
    sections = render_text(claimtally.check()).split("\n\n")
    kept = sections[:2] + [s for s in sections if s.startswith(("FAILS (", "WARNING ("))]
    return (
        "```\n$ claimtally check\n" + "\n\n".join(kept).rstrip() + "\n(holds, info: see the full report)\n```"
    )


BLOCKS = {"rules": rules_block, "data-dictionary": data_dictionary, "check-output": check_output}


@pytest.mark.parametrize("name", list(BLOCKS))
def test_readme_block_is_generated_from_the_package(name: str) -> None:
    """The block between the README's markers is what the package generates today."""
    text = README.read_text(encoding="utf-8")
    pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.DOTALL)
    expected = BLOCKS[name]()
    if UPDATE_GOLDEN:
        text = pattern.sub(lambda m: m.group(1) + expected + "\n" + m.group(2), text)
        README.write_text(text, encoding="utf-8")
    match = pattern.search(text)
    assert match is not None
    assert expected + "\n" == match.group(0)[len(match.group(1)) : -len(match.group(2))]


def test_readme_starts_with_the_two_commands() -> None:
    """The first commands install and check, then install and test."""
    commands = re.findall(r"```\n(.+?)\n```", README.read_text(encoding="utf-8"))[:2]
    assert ["pip install . && claimtally check", "pip install -e '.[dev]' && python -m pytest"] == commands


# The "Add a new article, end to end" guide, walked on a copy of a small package -----------------------

REVIEW = """# Model New review

This text is made up for the test suite; Model New and Model Old are not real models.

Model New costs $5.30 per million input tokens, up from $2.50 for Model Old: its input price has doubled.

Model New scores 82.7% on A benchmark, against 69% for Model Old.
"""


def _append(path, line: str) -> None:
    with path.open("a", encoding="utf-8", newline="") as f:
        f.write(line + "\n")


def _bump_to(descriptor, version: str) -> None:
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    data["version"] = version
    descriptor.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def test_the_add_an_article_guide_works_end_to_end(tmp_path, capsys) -> None:
    """extract -> edit -> check -> coverage -> CHANGELOG -> version bump -> release, as the README says."""
    import csv
    import shutil

    from claimtally.cli import main

    guide = README.read_text(encoding="utf-8").split("## Add a new article, end to end")[1].split("\n## ")[0]
    for command in (
        "claimtally extract",
        "claimtally coverage",
        "claimtally stamp",
        "claimtally release",
    ):
        assert command in guide
    pkg = tmp_path / "pkg"
    shutil.copytree(REPO / "tests" / "scenarios" / "basic", pkg)
    descriptor = pkg / "datapackage.json"
    (pkg / "CHANGELOG.md").write_text("# Changelog\n\n## [0.1.0] - 2026-01-01\n\n- Data: first rows.\n")
    assert 0 == main(["release", str(pkg), "--date", "2026-01-01", "--no-git"])
    assert 0 == main(["check", str(pkg)])

    # 1-2. the article outside the package, and its source row
    article = tmp_path / "review.md"
    article.write_text(REVIEW, encoding="utf-8")
    _append(
        pkg / "data" / "sources.csv", "review,Model New review,https://example.org/review,Example,article,,"
    )

    # 3. draft the values, fill what extract could not, drop the multiplier
    draft = tmp_path / "draft.csv"
    assert 0 == main(["extract", str(article), "--source-id", "review", "-o", str(draft), str(pkg)])
    assert "unfilled" in capsys.readouterr().err
    with draft.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert ["5.30", "2.50", "2", "82.7", "69"] == [r["value"] for r in rows]
    multiplier = rows.pop(2)
    assert "doubled" in multiplier["quote"]
    assert all(r["entity_id"] and r["metric_id"] for r in rows)
    with (pkg / "data" / "values.csv").open("a", encoding="utf-8", newline="") as f:
        csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n").writerows(rows)

    # 4. the claim the article makes between its numbers
    _append(
        pkg / "data" / "claims.csv",
        "review_doubled,review,its input price has doubled,review_001 / review_002 == 2,,fails,pricing,",
    )

    # 6. check: the rows are sound, but released data changed
    assert 0 == main(["stamp", str(pkg)])
    assert 1 == main(["check", str(pkg), "--rule", "release"])
    assert "released data never changes" in capsys.readouterr().out

    # 7. coverage: every quantity of the article is recorded
    assert 0 == main(["coverage", str(article), "--source-id", "review", str(pkg)])
    assert "5 of 5 quantities recorded" in capsys.readouterr().out

    # 8. version and changelog, then the whole check passes
    _bump_to(descriptor, "0.2.0")
    changelog = pkg / "CHANGELOG.md"
    changelog.write_text(
        changelog.read_text().replace(
            "## [0.1.0]", "## [0.2.0] - 2026-02-01\n\n- Data: Model New review.\n\n## [0.1.0]"
        )
    )
    report = tmp_path / "report.json"
    assert 0 == main(["check", str(pkg), "--format", "json", "-o", str(report)])
    (claim,) = [c for c in json.loads(report.read_text())["claims"] if c["claim_id"] == "review_doubled"]
    assert ("fails", "fails", "[2.12, 2.12]") == (claim["verdict"], claim["expect"], claim["computed"])

    # 9. release, and the diff names what the release adds
    assert 0 == main(["release", str(pkg), "--date", "2026-02-01", "--no-git"])
    assert 0 == main(["check", str(pkg)])
    old = tmp_path / "old"
    shutil.copytree(REPO / "tests" / "scenarios" / "basic", old)
    assert 0 == main(["diff", str(old), str(pkg)])
    assert "review_doubled" in capsys.readouterr().out
