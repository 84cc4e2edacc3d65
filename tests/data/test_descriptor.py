"""The descriptor: where the bundled one is, reading datapackage.json, and resolving resources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtally.data.descriptor import (
    DESCRIPTOR,
    bundled_path,
    descriptor_path,
    field_names,
    read_descriptor,
    resource,
    resource_file,
)
from claimtally.data.package import load
from claimtally.errors import PackageError


def test_the_bundled_descriptor_is_found_in_a_source_tree_or_a_wheel() -> None:
    """bundled_path() names an existing datapackage.json: the repository's, or the wheel's _data copy."""
    path = bundled_path()
    assert path.name == DESCRIPTOR and path.is_file()
    assert descriptor_path(None) == path


def test_a_folder_resolves_to_its_descriptor(make_package) -> None:
    """descriptor_path accepts the folder or the file and gives the file."""
    path = make_package()
    assert descriptor_path(path.parent) == path == descriptor_path(path)


def test_resources_and_their_fields_are_looked_up_by_name(make_package) -> None:
    """resource() finds a table's resource; field_names() lists its columns in order."""
    path = make_package()
    descriptor = read_descriptor(path)
    res = resource(descriptor, "values", path)
    assert "value_id" == field_names(res)[0]
    assert resource_file(path.parent, res) == path.parent / "data" / "values.csv"
    with pytest.raises(PackageError, match="no resource named 'nope'"):
        resource(descriptor, "nope", path)


def test_fields_without_names_are_refused() -> None:
    """A schema whose fields are not objects with names is one clear error."""
    with pytest.raises(PackageError, match=r"schema\.fields must be a list"):
        field_names({"name": "values", "schema": {"fields": ["value_id"]}})


def test_an_oversized_descriptor_is_refused_before_it_is_parsed(make_package) -> None:
    """read_descriptor refuses a file over its byte limit, naming the limit's option."""
    path = make_package()
    with pytest.raises(PackageError, match="over the limit of 10 bytes"):
        read_descriptor(path, max_bytes=10)


def test_missing_descriptor_names_the_path(tmp_path: Path) -> None:
    """A folder with no datapackage.json is refused with its path and what to give instead."""
    with pytest.raises(PackageError, match=r"datapackage.json: no such file"):
        load(tmp_path)


def test_bad_json_names_line_and_column(make_package) -> None:
    """A descriptor that is not JSON gives the line and column of the syntax error."""
    path = make_package()
    path.write_text('{"name": "x",\n  "resources": [,]}', encoding="utf-8")
    with pytest.raises(PackageError, match=r"datapackage.json, line 2, column 17: not valid JSON"):
        load(path)


def test_descriptor_that_is_not_an_object_is_refused(make_package) -> None:
    """A JSON list is not a descriptor."""
    path = make_package()
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(PackageError, match="must be a JSON object"):
        load(path)


def test_missing_csv_names_the_file(make_package) -> None:
    """A resource whose file is missing names the file and the resource."""
    path = make_package()
    (path.parent / "data" / "claims.csv").unlink()
    with pytest.raises(PackageError, match=r"data/claims.csv: file missing \(resource 'claims'\)"):
        load(path)


def test_resource_path_outside_the_package_is_refused(make_package) -> None:
    """A resource path with .. is refused before anything is read."""
    path = make_package()
    desc = json.loads(path.read_text(encoding="utf-8"))
    desc["resources"][0]["path"] = "../elsewhere.csv"
    path.write_text(json.dumps(desc), encoding="utf-8")
    with pytest.raises(PackageError, match="leaves the package folder"):
        load(path)
