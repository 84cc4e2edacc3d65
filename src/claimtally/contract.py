"""The closed vocabularies of the data contract, each defined once: every other module imports them.

>>> "holds-loosely" in VERDICTS and "usd-per-mtok" in UNITS
True
"""

from __future__ import annotations

from typing import Literal, get_args

#: A claim's verdict (contract §5), in the order reports list them.
Verdict = Literal["holds", "holds-loosely", "fails", "undetermined"]
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)

#: A finding's severity, worst first.
Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = get_args(Severity)

#: What a hedge word does to the stated side of a relation (contract §4).
HedgeKind = Literal["approx", "above", "at-least", "below", "at-most", "nearly", "exact"]
HEDGE_KINDS: tuple[HedgeKind, ...] = get_args(HedgeKind)

#: The unit of a metric.
Unit = Literal[
    "percent",
    "points",
    "usd-per-mtok",
    "usd",
    "gbp-per-mtok",
    "tokens",
    "tokens-per-second",
    "seconds",
    "ratio",
    "count",
    "elo",
]
UNITS: tuple[Unit, ...] = get_args(Unit)

#: The relation operators of the expression language (contract §3).
RelationOp = Literal["==", "!=", "<", "<=", ">", ">="]
RELATIONS: tuple[RelationOp, ...] = get_args(RelationOp)

#: The kind of a source and of an entity.
SourceKind = Literal["article", "vendor", "independent", "secondary"]
EntityKind = Literal["model", "product", "benchmark", "workload", "group"]
