"""Typed row models of the contract's tables, for code that wants validated rows.

The DataFrames of :class:`~claimtally.data.package.Package` keep every cell as text. These pydantic models
are the typed view: empty optional cells become ``None``, ``true``/``false`` become booleans,
``items`` an integer; value cells stay decimal text (parse them with :mod:`claimtally.arith.stated`).
The models are strict and forbid extra fields; ``tests/test_models.py`` checks that they and
``datapackage.json`` describe the same columns, requirements, patterns and enums.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claimtally.contract import EntityKind, HedgeKind, SourceKind, Unit, Verdict
from claimtally.data.cells import MAX_DIGITS
from claimtally.data.table import records
from claimtally.errors import PackageError, locate

DATE = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
DECIMAL_TEXT = r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?[KMB]?$"
TOLERANCE = r"^(0|[1-9][0-9]*)(\.[0-9]+)?$"
ENTITY_ID = r"^[a-z0-9][a-z0-9.-]*$"
SOURCE_ID = r"^[a-z0-9][a-z0-9-]*$"

SourceId = Annotated[str, Field(pattern=SOURCE_ID)]
EntityId = Annotated[str, Field(pattern=ENTITY_ID)]
Date = Annotated[str, Field(pattern=DATE)]


class Row(BaseModel):
    """Base of the row models: strict, no extra fields, immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, use_attribute_docstrings=True)
    table: ClassVar[str]


class Source(Row):
    """A document that states numbers."""

    table: ClassVar[str] = "sources"
    source_id: SourceId
    title: str
    url: Annotated[str, Field(pattern=r"^https?://[^\s]+$")]
    publisher: str
    kind: SourceKind
    published: Date | None = None
    notes: str | None = None


class Entity(Row):
    """What numbers are about."""

    table: ClassVar[str] = "entities"
    entity_id: EntityId
    name: str
    kind: EntityKind
    vendor: str | None = None
    released: Date | None = None


class Metric(Row):
    """A measured quantity."""

    table: ClassVar[str] = "metrics"
    metric_id: EntityId
    name: str
    unit: Unit
    higher_is_better: bool | None = None
    items: Annotated[int, Field(ge=1)] | None = None
    description: str


class Hedge(Row):
    """The meaning of a hedge word."""

    table: ClassVar[str] = "hedges"
    hedge_id: Annotated[str, Field(pattern=r"^[a-z][a-z-]*$")]
    kind: HedgeKind
    relative_tolerance: Annotated[str, Field(pattern=TOLERANCE)] | None = None
    digit_units: Annotated[str, Field(pattern=TOLERANCE)] | None = None
    rationale: str


class Value(Row):
    """One number one source states about one entity and metric."""

    table: ClassVar[str] = "values"
    value_id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    source_id: str
    entity_id: str
    metric_id: str
    baseline_entity_id: str | None = None
    setting: Annotated[str, Field(pattern=r"^[^\s,](.*[^\s,])?$")] | None = None
    value: Annotated[str, Field(pattern=DECIMAL_TEXT)]
    value_max: Annotated[str, Field(pattern=DECIMAL_TEXT)] | None = None
    exact: bool
    hedge: str | None = None
    as_of: Date | None = None
    quote: str


class Claim(Row):
    """A checkable statement relating numbers."""

    table: ClassVar[str] = "claims"
    claim_id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*$")]
    source_id: str
    quote: str
    expression: str
    hedge: str | None = None
    expect: Verdict | None = None
    topic: Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
    notes: str | None = None


MODELS: dict[str, type[Row]] = {m.table: m for m in (Source, Entity, Metric, Hedge, Value, Claim)}

_BOOLEANS = {"true": True, "false": False}


def typed_row(model: type[Row], cells: dict[str, str]) -> dict[str, Any]:
    """Turn a row of text cells into the Python types the model declares (before validation)."""
    out: dict[str, Any] = {}
    for name, text in cells.items():
        info = model.model_fields.get(name)
        if text == "" and info is not None and not info.is_required():
            continue
        annotation = str(info.annotation) if info is not None else ""
        if "bool" in annotation:
            out[name] = _BOOLEANS.get(text, text)
        elif "int" in annotation and text.isascii() and text.isdecimal() and len(text) <= MAX_DIGITS:
            out[name] = int(text)
        else:
            out[name] = text
    return out


def rows_of(pkg: Any, table: str) -> list[Row]:
    """Validate every row of ``table`` into its model; the first bad cell raises with its place."""
    model = MODELS[table]
    frame = pkg.tables[table]
    label = pkg.file_of(table)
    rows: list[Row] = []
    for index, cells in enumerate(records(frame)):
        try:
            rows.append(model.model_validate(typed_row(model, cells)))
        except ValidationError as exc:
            error = exc.errors()[0]
            column = ".".join(str(p) for p in error["loc"][:1])
            msg = locate(label, index + 2, f"column {column}", f"{error['msg']}; fix the cell")
            raise PackageError(msg) from None
    return rows
