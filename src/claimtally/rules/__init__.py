"""The rules: plain functions from a checked package to findings, listed in one explicit tuple.

Each rule has a stable id (its entry in :data:`RULES`) and a docstring whose first line is what
``claimtally rules`` prints. The runner collects every finding and never stops at the first.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from claimtally.errors import ClaimtallyError
from claimtally.report.model import Finding
from claimtally.rules import agreement, claims, granularity, integrity, release, schema, units
from claimtally.rules.context import Context


class Rule(NamedTuple):
    """A rule id and the function that applies it."""

    id: str
    func: Callable[[Context], Iterable[Finding]]


RULES: tuple[Rule, ...] = (
    Rule("schema", schema.check),
    Rule("integrity", integrity.check),
    Rule("release", release.check),
    Rule("claims", claims.check),
    Rule("agreement", agreement.check),
    Rule("units", units.check),
    Rule("granularity", granularity.check),
)

RULE_IDS = tuple(r.id for r in RULES)


def rule_id(rule: Rule) -> str:
    """The stable id of a rule."""
    return rule.id


def summary_line(rule: Rule) -> str:
    """First line of the rule function's docstring."""
    return (inspect.getdoc(rule.func) or "").splitlines()[0]


def select(ids: Iterable[str] | None) -> tuple[Rule, ...]:
    """The rules named by ``ids`` (all when None), in the tuple's order; an unknown id is an error."""
    if ids is None:
        return RULES
    wanted = list(ids)
    unknown = [i for i in wanted if i not in RULE_IDS]
    if unknown:
        msg = f"unknown rule {', '.join(unknown)}; the rules are {', '.join(RULE_IDS)}"
        raise ClaimtallyError(msg)
    return tuple(r for r in RULES if r.id in wanted)


def run(ctx: Context, rules: tuple[Rule, ...]) -> Iterator[Finding]:
    """Apply every rule and yield all their findings."""
    for rule in rules:
        yield from rule.func(ctx)
