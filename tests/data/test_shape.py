"""The descriptor's shape: every property claimtally reads is checked first, with its JSON path."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import claimtally
from claimtally.data.descriptor import OPTIONAL_TABLES, TABLES, bundled_path
from claimtally.data.scaffold import init
from claimtally.data.shape import TABLE_NAMES, check_shape, json_path
from claimtally.errors import ClaimtallyError, PackageError

BUNDLED: dict[str, Any] = json.loads(bundled_path().read_text(encoding="utf-8"))


def _res(d: dict[str, Any], name: str) -> dict[str, Any]:
    return next(r for r in d["resources"] if r["name"] == name)


def _field(d: dict[str, Any], table: str, name: str) -> dict[str, Any]:
    return next(f for f in _res(d, table)["schema"]["fields"] if f["name"] == name)


def _set(edit: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    d = copy.deepcopy(BUNDLED)
    edit(d)
    return d


#: (id, descriptor edit, the JSON path and words the error must hold)
MALFORMED: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    (
        "field-name-number",
        lambda d: _res(d, "values")["schema"]["fields"][2].update(name=4),
        "fields[2].name must be a string",
    ),
    (
        "field-name-empty",
        lambda d: _res(d, "values")["schema"]["fields"][0].update(name=""),
        "fields[0].name must not be empty",
    ),
    (
        "fields-object",
        lambda d: _res(d, "claims")["schema"].update(fields={"a": 1}),
        "schema.fields must be a list",
    ),
    (
        "fields-empty",
        lambda d: _res(d, "claims")["schema"].update(fields=[]),
        "schema.fields must not be empty",
    ),
    (
        "field-type-unknown",
        lambda d: _field(d, "values", "value").update(type="decimal"),
        ".type must be one of",
    ),
    (
        "field-format-number",
        lambda d: _field(d, "values", "value").update(format=3),
        ".format must be a string",
    ),
    (
        "constraints-list",
        lambda d: _field(d, "values", "value").update(constraints=[1]),
        ".constraints must be an object",
    ),
    (
        "min-length-text",
        lambda d: _field(d, "values", "quote").update(constraints={"minLength": "1"}),
        "constraints.minLength must be an integer",
    ),
    (
        "min-length-negative",
        lambda d: _field(d, "values", "quote").update(constraints={"minLength": -1}),
        "constraints.minLength must be 0 or more",
    ),
    (
        "min-length-bool",
        lambda d: _field(d, "values", "quote").update(constraints={"minLength": True}),
        "constraints.minLength must be an integer",
    ),
    (
        "enum-text",
        lambda d: _field(d, "values", "exact").update(constraints={"enum": "true"}),
        "constraints.enum must be a list",
    ),
    (
        "pattern-number",
        lambda d: _field(d, "values", "value").update(constraints={"pattern": 5}),
        "constraints.pattern must be a string",
    ),
    (
        "pattern-broken",
        lambda d: _field(d, "values", "value").update(constraints={"pattern": "(a"}),
        "constraints.pattern is not a regular expression",
    ),
    (
        "pattern-backreference",
        lambda d: _field(d, "values", "value").update(constraints={"pattern": r"(a)\1"}),
        "RE2",
    ),
    (
        "required-text",
        lambda d: _field(d, "values", "value").update(constraints={"required": "yes"}),
        "constraints.required must be true or false",
    ),
    (
        "missing-values-text",
        lambda d: _res(d, "values")["schema"].update(missingValues=""),
        "schema.missingValues must be a list",
    ),
    ("primary-key-number", lambda d: _res(d, "values")["schema"].update(primaryKey=3), "schema.primaryKey"),
    (
        "primary-key-unknown",
        lambda d: _res(d, "values")["schema"].update(primaryKey="nope"),
        "primaryKey[0] names 'nope'",
    ),
    (
        "foreign-keys-object",
        lambda d: _res(d, "values")["schema"].update(foreignKeys={}),
        "schema.foreignKeys must be a list",
    ),
    (
        "foreign-key-unknown-field",
        lambda d: _res(d, "values")["schema"]["foreignKeys"][0].update(fields="nope"),
        "fields[0] names 'nope'",
    ),
    (
        "reference-not-object",
        lambda d: _res(d, "values")["schema"]["foreignKeys"][0].update(reference="sources"),
        "reference must be an object",
    ),
    (
        "reference-unknown-resource",
        lambda d: _res(d, "values")["schema"]["foreignKeys"][0]["reference"].update(resource="people"),
        "reference.resource names 'people'",
    ),
    (
        "reference-unknown-field",
        lambda d: _res(d, "values")["schema"]["foreignKeys"][0]["reference"].update(fields="nope"),
        "reference.fields[0] names 'nope'",
    ),
    (
        "composite-key-lengths",
        lambda d: _res(d, "values")["schema"]["foreignKeys"][0].update(fields=["source_id", "entity_id"]),
        "fields for the 2 of the key",
    ),
    (
        "resource-name-number",
        lambda d: d["resources"].append({"name": 5}),
        "resources[7].name must be a string",
    ),
    ("resource-not-object", lambda d: d["resources"].append("values.csv"), "resources[7] must be an object"),
    (
        "resource-repeated",
        lambda d: d["resources"].append(copy.deepcopy(_res(d, "values"))),
        "repeats the resource name 'values'",
    ),
    ("resource-path-list", lambda d: _res(d, "claims").update(path=["a.csv"]), "path must be a string"),
    (
        "schema-url",
        lambda d: _res(d, "claims").update(schema="https://example.org/s.json"),
        "schema must be an object",
    ),
    ("bytes-text", lambda d: _res(d, "claims").update(bytes="12"), ".bytes must be an integer"),
    ("contributors-object", lambda d: d.update(contributors={"title": "x"}), "contributors must be a list"),
    (
        "contributor-title-list",
        lambda d: d.update(contributors=[{"title": ["x"]}]),
        "contributors[0].title must be a string",
    ),
    (
        "contributor-roles-text",
        lambda d: d.update(contributors=[{"title": "x", "roles": "author"}]),
        "contributors[0].roles must be a list",
    ),
    ("keywords-text", lambda d: d.update(keywords="ai"), "keywords must be a list"),
    ("keyword-number", lambda d: d.update(keywords=["ai", 3]), "keywords[1] must be a string"),
    ("licenses-object", lambda d: d.update(licenses={"name": "CC0"}), "licenses must be a list"),
    ("license-name-number", lambda d: d.update(licenses=[{"name": 1}]), "licenses[0].name must be a string"),
    ("version-number", lambda d: d.update(version=1.0), "version must be a string"),
    ("name-null", lambda d: d.update(name=None), "name must not be null"),
    ("resources-empty", lambda d: d.update(resources=[]), "resources must not be empty"),
]


@pytest.mark.parametrize(("case", "edit", "words"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_a_bad_shape_is_one_error_naming_its_json_path(case: str, edit: Callable, words: str) -> None:
    """Each malformed property is a PackageError that names where it is and ends with what to do."""
    with pytest.raises(PackageError) as caught:
        check_shape(_set(edit), "datapackage.json", TABLE_NAMES)
    message = str(caught.value)
    assert words in message, message
    assert message.startswith("datapackage.json: ") and message.endswith("; fix the descriptor")
    assert "\n" not in message


def test_the_bundled_descriptor_and_a_new_package_have_a_good_shape(tmp_path: Path) -> None:
    """What claimtally ships and what init writes pass the check."""
    check_shape(BUNDLED)
    init(tmp_path / "p")
    check_shape(json.loads((tmp_path / "p" / "datapackage.json").read_text(encoding="utf-8")))


def test_properties_claimtally_does_not_read_are_left_alone() -> None:
    """A descriptor's own properties, and resources that are not tables, pass whatever they hold."""
    d = _set(lambda d: d.update(custom={"x": [1, None]}, sources=[{"title": "t"}]))
    d["resources"].append({"name": "notes", "path": 7, "schema": "anything"})
    _res(d, "values")["custom"] = 5
    check_shape(d)


def test_composite_keys_that_name_real_fields_pass() -> None:
    """A key of two fields, pointing at two fields, is a valid shape."""
    d = _set(lambda d: _res(d, "values")["schema"].update(primaryKey=["value_id", "source_id"]))
    check_shape(d)


def test_the_shape_check_reads_every_table_the_loader_reads() -> None:
    """The table names the shape check knows are the loader's, so no table escapes it."""
    assert TABLES + OPTIONAL_TABLES == TABLE_NAMES


def test_json_paths_read_as_javascript_would_write_them() -> None:
    """Indexes in brackets, names after dots."""
    assert "resources[4].schema.fields[2].name" == json_path(("resources", 4, "schema", "fields", 2, "name"))
    assert "keywords[1]" == json_path(("keywords", 1))


def _public_calls(path: Path) -> list[tuple[str, Callable[[], object]]]:
    return [
        ("load", lambda: claimtally.load(path)),
        ("read", lambda: claimtally.read(path)),
        ("check", lambda: claimtally.check(path)),
        ("explain", lambda: claimtally.explain("x", path)),
        ("cite", lambda: claimtally.cite(path)),
        ("diff", lambda: claimtally.diff(path, path)),
        ("rows", lambda: claimtally.read(path).rows("values")),
    ]


@pytest.mark.parametrize(("case", "edit", "words"), MALFORMED[::3], ids=[m[0] for m in MALFORMED[::3]])
def test_every_public_function_raises_only_the_documented_error(
    case: str, edit: Callable, words: str, tmp_path: Path
) -> None:
    """On a malformed descriptor every public function raises PackageError, nothing else."""
    root = tmp_path / "p"
    init(root)
    shipped = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    broken = copy.deepcopy(shipped)
    try:
        edit(broken)
    except (StopIteration, IndexError, KeyError):  # the edit needs a part init's descriptor lacks
        pytest.skip("not applicable to a new package")
    (root / "datapackage.json").write_text(json.dumps(broken), encoding="utf-8")
    for name, call in _public_calls(root):
        with pytest.raises(ClaimtallyError) as caught:
            call()
        assert isinstance(caught.value, PackageError), name


@pytest.mark.parametrize(
    ("place", "path"),
    [
        (("constraints", "enum"), "fields[1].constraints.enum"),
        (("constraints", "pattern"), "fields[1].constraints.pattern"),
        (("constraints", "minLength"), "fields[1].constraints.minLength"),
        (("trueValues",), "fields[1].trueValues"),
        (("missingValues",), "fields[1].missingValues"),
    ],
)
def test_a_null_where_a_value_is_read_is_refused_at_its_path(place: tuple[str, ...], path: str) -> None:
    """Found by fuzzing: `"enum": null` passed the shape check and then failed in the column check."""
    descriptor = json.loads(json.dumps(BUNDLED))
    field = descriptor["resources"][3]["schema"]["fields"][1]
    target = field
    for key in place[:-1]:
        target = target.setdefault(key, {})
    target[place[-1]] = None
    with pytest.raises(PackageError, match=re.escape(f"resources[3].schema.{path} must not be null")):
        check_shape(descriptor)
