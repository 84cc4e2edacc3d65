"""The shape of a ``datapackage.json``: every property claimtally reads, checked before it is used.

The descriptor is validated against pydantic models of the parts of the Data Package and Table
Schema specifications that the loader, the column validator, the key checks, ``diff`` and ``cite``
read: each property's type, each constraint's value type, a ``pattern`` that compiles (in RE2, the
engine that matches it: linear time, so no pattern can backtrack without bound), and keys that name
fields and resources that exist. Properties claimtally does not read are left alone (a descriptor may
carry its own), and a resource that is not one of claimtally's tables needs only to be an object.

The first problem found is a :class:`~claimtally.errors.PackageError` naming its JSON path:

>>> bad = {"resources": [{"name": "values", "path": "v.csv", "schema": {"fields": [{"name": 4}]}}]}
>>> try:
...     check_shape(bad)
... except PackageError as exc:
...     print(exc)
datapackage.json: resources[0].schema.fields[0].name must be a string; fix the descriptor
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Literal

import re2
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator

from claimtally.errors import PackageError

#: Table Schema field types (frictionless's, which claimtally hands a table it does not judge itself).
TYPES = (
    "string",
    "number",
    "integer",
    "boolean",
    "object",
    "array",
    "list",
    "date",
    "time",
    "datetime",
    "year",
    "yearmonth",
    "duration",
    "geopoint",
    "geojson",
    "any",
)


def _listed(value: Any) -> Any:
    """A key of one field may be written as its name alone."""
    return [value] if isinstance(value, str) else value


#: ``primaryKey`` and foreign key ``fields``: a field name, or a list of them.
Names = Annotated[list[Annotated[str, Field(min_length=1)]], BeforeValidator(_listed)]
Text = str
Count = Annotated[int, Field(ge=0)]


class _Shape(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True, frozen=True)

    @field_validator("*", mode="before")
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        """A property claimtally reads is left out or has a value: JSON ``null`` is neither (the
        readers take a present key for a set one, as frictionless does)."""
        if value is None:
            msg = "must not be null; leave the property out instead"
            raise ValueError(msg)
        return value


def _pattern_compiles(pattern: str) -> str:
    """A ``pattern`` is matched by RE2; one that RE2 cannot compile is refused here, not at a cell."""
    options = re2.Options()
    options.log_errors = False  # the error is ours to word, on one line; RE2 would log it to stderr
    try:
        re2.compile(pattern, options)
    except re2.error as exc:
        detail = (
            exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else exc
        )
        msg = f"is not a regular expression RE2 can match ({detail})"
        raise ValueError(msg) from None
    return pattern


class Constraints(_Shape):
    """A field's ``constraints``."""

    required: bool = False
    unique: bool = False
    minLength: Count | None = None
    maxLength: Count | None = None
    minimum: int | float | str | None = None
    maximum: int | float | str | None = None
    pattern: str | None = None
    enum: list[Any] | None = None

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        return None if value is None else _pattern_compiles(value)


class SchemaField(_Shape):
    """One field of a Table Schema."""

    name: Annotated[str, Field(min_length=1)]
    type: Literal[TYPES] = "string"  # type: ignore[valid-type]
    format: Text = "default"
    title: Text = ""
    description: Text = ""
    constraints: Constraints = Constraints()
    trueValues: list[str] | None = None
    falseValues: list[str] | None = None
    missingValues: list[str] | None = None


class Reference(_Shape):
    """Where a foreign key points: a resource (empty: this one) and its fields."""

    resource: Text = ""
    fields: Names


class ForeignKey(_Shape):
    """One foreign key."""

    fields: Names
    reference: Reference


class Schema(_Shape):
    """A Table Schema, written inline."""

    fields: Annotated[list[SchemaField], Field(min_length=1)]
    primaryKey: Names | None = None
    foreignKeys: list[ForeignKey] = []
    missingValues: list[str] = [""]
    uniqueKeys: list[Names] | None = None


class TableResource(_Shape):
    """A resource claimtally reads as a table."""

    name: Text
    path: Text
    schema_: Schema = Field(alias="schema")
    title: Text = ""
    description: Text = ""
    dialect: Any = None
    hash: Text | None = None
    bytes: Count | None = None
    encoding: Text | None = None


class OtherResource(_Shape):
    """A resource claimtally does not read: only its name matters (to tell it from a table)."""

    name: Text = ""


class Contributor(_Shape):
    """One ``contributors`` entry."""

    title: Text = ""
    email: Text = ""
    path: Text = ""
    role: Text = ""
    roles: list[str] | None = None
    organization: Text = ""


class License(_Shape):
    """One ``licenses`` entry."""

    name: Text = ""
    path: Text = ""
    title: Text = ""


class Descriptor(_Shape):
    """The package-level properties claimtally reads (``resources`` is checked one by one)."""

    resources: Annotated[list[Any], Field(min_length=1)]
    name: Text = ""
    version: Text = ""
    title: Text = ""
    description: Text = ""
    homepage: Text = ""
    keywords: list[str] = []
    contributors: list[Contributor] = []
    licenses: list[License] = []


def _wording(error: Mapping[str, Any]) -> str:
    kind = str(error["type"])
    words = {
        "missing": "is missing",
        "string_type": "must be a string",
        "list_type": "must be a list",
        "model_type": "must be an object",
        "dict_type": "must be an object",
        "model_attributes_type": "must be an object",
        "int_type": "must be an integer",
        "bool_type": "must be true or false",
        "greater_than_equal": "must be 0 or more",
        "too_short": "must not be empty",
        "string_too_short": "must not be empty",
    }
    if kind in words:
        return words[kind]
    if kind == "literal_error":
        return f"must be one of {', '.join(TYPES)}"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    if kind.endswith("_type") or kind.startswith(("int_", "float_", "union")):
        return "has the wrong type"
    return " ".join(str(error["msg"]).split())[:200]


def json_path(location: Sequence[int | str]) -> str:
    """``('resources', 4, 'schema', 'fields', 2, 'name')`` as ``resources[4].schema.fields[2].name``.

    >>> json_path(("resources", 4, "schema", "fields", 2, "name"))
    'resources[4].schema.fields[2].name'
    """
    out = ""
    for part in location:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not part.startswith(("function-", "list[", "int", "str", "float", "lax-", "json-")):
            out += f".{part}" if out else part
    return out


def _raise(location: Sequence[int | str], problem: str, file: str) -> None:
    msg = f"{file}: {json_path(location)} {problem}; fix the descriptor"
    raise PackageError(msg)


def _validate(model: type[_Shape], data: Any, prefix: tuple[int | str, ...], file: str) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p in ("str", "list[str]")))
        _raise(prefix + loc, _wording(error), file)


#: The resources read as tables (:data:`claimtally.data.descriptor.TABLES` and the release record).
TABLE_NAMES = ("sources", "entities", "metrics", "hedges", "values", "claims", "releases")


def check_shape(descriptor: Any, file: str = "datapackage.json", tables: Sequence[str] = TABLE_NAMES) -> None:
    """Check a parsed descriptor's shape; ``tables`` are the names of the resources read as tables.

    Raises:
        PackageError: the first problem, with its JSON path.
    """
    if not isinstance(descriptor, dict):
        msg = f"{file}: the descriptor must be a JSON object with a 'resources' list"
        raise PackageError(msg)
    _validate(Descriptor, descriptor, (), file)
    schemas: dict[str, tuple[int, Schema]] = {}
    for index, raw in enumerate(descriptor["resources"]):
        other = _validate(OtherResource, raw, ("resources", index), file)
        if other.name not in tables:
            continue
        res = _validate(TableResource, raw, ("resources", index), file)
        if res.name in schemas:
            _raise(("resources", index, "name"), f"repeats the resource name '{res.name}'", file)
        schemas[res.name] = (index, res.schema_)
    for name, (index, schema) in schemas.items():
        _check_keys(name, index, schema, schemas, file)


def _check_keys(
    name: str, index: int, schema: Schema, schemas: dict[str, tuple[int, Schema]], file: str
) -> None:
    """Keys name fields of their own resource, and foreign keys a resource and fields that exist."""
    here = ("resources", index, "schema")
    names = [f.name for f in schema.fields]
    for i, key in enumerate(schema.primaryKey or []):
        if key not in names:
            _raise((*here, "primaryKey", i), f"names '{key}', not a field of resource '{name}'", file)
    for k, fk in enumerate(schema.foreignKeys):
        at = (*here, "foreignKeys", k)
        for i, key in enumerate(fk.fields):
            if key not in names:
                _raise((*at, "fields", i), f"names '{key}', not a field of resource '{name}'", file)
        target = fk.reference.resource or name
        if target not in schemas:
            _raise((*at, "reference", "resource"), f"names '{target}', not a table of this package", file)
        target_names = [f.name for f in schemas[target][1].fields]
        for i, key in enumerate(fk.reference.fields):
            if key not in target_names:
                _raise((*at, "reference", "fields", i), f"names '{key}', not a field of '{target}'", file)
        if len(fk.fields) != len(fk.reference.fields):
            problem = f"lists {len(fk.reference.fields)} fields for the {len(fk.fields)} of the key"
            _raise((*at, "reference", "fields"), problem, file)
