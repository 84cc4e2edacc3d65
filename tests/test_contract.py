"""The closed vocabularies: each is the one the bundled descriptor's enums and the row models use."""

from __future__ import annotations

import json
import typing

import pytest

from claimtally import contract
from claimtally.data import models
from claimtally.data.descriptor import bundled_path

DESCRIPTOR = json.loads(bundled_path().read_text(encoding="utf-8"))


def _enum(table: str, column: str) -> list[str]:
    res = next(r for r in DESCRIPTOR["resources"] if r["name"] == table)
    field = next(f for f in res["schema"]["fields"] if f["name"] == column)
    return list(field["constraints"]["enum"])


@pytest.mark.parametrize(
    ("vocabulary", "table", "column"),
    [
        (contract.VERDICTS, "claims", "expect"),
        (contract.UNITS, "metrics", "unit"),
        (contract.HEDGE_KINDS, "hedges", "kind"),
        (typing.get_args(contract.SourceKind), "sources", "kind"),
        (typing.get_args(contract.EntityKind), "entities", "kind"),
    ],
)
def test_each_vocabulary_is_the_descriptors_enum_in_its_order(vocabulary, table, column) -> None:
    """The package's enum and the code's vocabulary are the same words in the same order."""
    assert list(vocabulary) == _enum(table, column)


def test_the_row_models_use_the_contracts_vocabularies() -> None:
    """The pydantic row models take their Literal types from contract, not from copies."""
    hints = typing.get_type_hints(models.Metric)
    assert hints["unit"] == contract.Unit
    assert typing.get_type_hints(models.Hedge)["kind"] == contract.HedgeKind


def test_severities_run_worst_first_and_relations_are_the_six_operators() -> None:
    """Thresholds depend on the order of SEVERITIES; the parser on the six relation operators."""
    assert ("error", "warning", "info") == contract.SEVERITIES
    assert {"==", "!=", "<", "<=", ">", ">="} == set(contract.RELATIONS)
