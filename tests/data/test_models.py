"""Row models and datapackage.json describe the same columns, requirements, patterns and enums."""

from __future__ import annotations

import json

import pytest
from pydantic import BaseModel

from builders import REPO, value
from claimtally.data.models import MODELS
from claimtally.data.package import load
from claimtally.errors import PackageError

DESCRIPTOR = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in DESCRIPTOR["resources"]}


def _metadata(model: type[BaseModel], name: str) -> tuple[str | None, tuple[str, ...] | None]:
    """The pattern and enum a model field declares, read from the model's JSON Schema."""
    prop = model.model_json_schema()["properties"][name]
    branches = [b for b in prop.get("anyOf", [prop]) if b.get("type") != "null"]
    (branch,) = branches
    enum = branch.get("enum")
    return branch.get("pattern"), tuple(enum) if enum else None


@pytest.mark.parametrize("table", list(MODELS))
def test_model_fields_are_the_schema_fields_in_order(table: str) -> None:
    """Each model has exactly the resource's fields, in the same order."""
    names = [f["name"] for f in RESOURCES[table]["schema"]["fields"]]
    assert names == list(MODELS[table].model_fields)


@pytest.mark.parametrize("table", list(MODELS))
def test_required_fields_agree(table: str) -> None:
    """A field is required in the schema exactly when the model has no default."""
    for field in RESOURCES[table]["schema"]["fields"]:
        required = field.get("constraints", {}).get("required", False)
        assert required == MODELS[table].model_fields[field["name"]].is_required(), field["name"]


@pytest.mark.parametrize("table", list(MODELS))
def test_patterns_and_enums_agree(table: str) -> None:
    """Patterns and enums of the schema are the model's patterns and Literal choices."""
    for field in RESOURCES[table]["schema"]["fields"]:
        constraints = field.get("constraints", {})
        pattern, choices = _metadata(MODELS[table], field["name"])
        assert constraints.get("pattern") == pattern, field["name"]
        enum = constraints.get("enum")
        assert (tuple(enum) if enum else None) == choices, field["name"]


def test_bundled_rows_all_validate() -> None:
    """Every bundled row is a valid model instance."""
    pkg = load()
    for table in MODELS:
        assert len(pkg.rows(table)) == len(pkg.tables[table])


def test_a_bad_cell_names_file_row_and_column(make_package) -> None:
    """A value row with exact='yes' fails with its place."""
    path = make_package(values=[value("a", "1", exact="yes")])
    with pytest.raises(PackageError, match=r"data/values.csv, row 2, column exact"):
        load(path).rows("values")
