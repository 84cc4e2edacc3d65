"""The README's generated blocks match the package: rules, data dictionary, real check output."""

from __future__ import annotations

import json
import os
import re

import pytest

import claimcheck
from builders import REPO
from claimcheck.render import render_text
from claimcheck.rules import RULES, summary_line

README = REPO / "README.md"
UPDATE = os.environ.get("CLAIMCHECK_UPDATE_GOLDEN") == "1"


def rules_block() -> str:
    """A table of the rule ids and their one-line descriptions."""
    rows = [f"| `{r.id}` | {summary_line(r)} |" for r in RULES]
    return "\n".join(["| rule | what it checks |", "|---|---|", *rows])


def data_dictionary() -> str:
    """Each table with its description and each field with type, requirement and description."""
    descriptor = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    pkg = claimcheck.load()
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
    sections = render_text(claimcheck.check()).split("\n\n")
    kept = sections[:2] + [s for s in sections if s.startswith(("FAILS (", "WARNING ("))]
    return (
        "```\n$ claimcheck check\n" + "\n\n".join(kept).rstrip() + "\n(holds, info: see the full report)\n```"
    )


BLOCKS = {"rules": rules_block, "data-dictionary": data_dictionary, "check-output": check_output}


@pytest.mark.parametrize("name", list(BLOCKS))
def test_readme_block_is_generated_from_the_package(name: str) -> None:
    """The block between the README's markers is what the package generates today."""
    text = README.read_text(encoding="utf-8")
    pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.DOTALL)
    expected = BLOCKS[name]()
    if UPDATE:
        text = pattern.sub(lambda m: m.group(1) + expected + "\n" + m.group(2), text)
        README.write_text(text, encoding="utf-8")
    match = pattern.search(text)
    assert match is not None
    assert expected + "\n" == match.group(0)[len(match.group(1)) : -len(match.group(2))]


def test_readme_starts_with_the_two_commands() -> None:
    """The first commands install and check, then install and test."""
    commands = re.findall(r"```\n(.+?)\n```", README.read_text(encoding="utf-8"))[:2]
    assert ["pip install . && claimcheck check", "pip install -e '.[dev]' && python -m pytest"] == commands
