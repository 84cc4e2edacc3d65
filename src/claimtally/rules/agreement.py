"""Rule ``agreement``: each number of an article under review against other sources' numbers.

A value of a source of kind ``article`` is compared with the values of other sources that have the
same entity, metric and baseline, and the same setting. A value with no setting is compared with
every setting and says which ones it matches; values of two different settings are never compared.
Two values agree when their strict intervals overlap. The outcome:

- ``agrees``: it overlaps a value of an ``independent`` source;
- ``vendor-only``: it overlaps no independent value, but a ``vendor`` value or a ``secondary`` one
  (secondary pages mostly relay vendors' tables);
- ``disagrees``: it overlaps no value of any other source (a warning);
- ``unsupported``: no other source states the quantity.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimtally.arith.intervals import Interval
from claimtally.report.model import Finding
from claimtally.rules.context import Context, Key, quantity_key, settings_match


def check(ctx: Context) -> Iterator[Finding]:
    """Each article value against other sources: agrees, vendor-only, disagrees or unsupported."""
    file = ctx.file("values")
    kinds_of, values = ctx.source_kinds, ctx.values
    members = _members(ctx)
    for value_id, (row, cells) in ctx.value_rows.items():
        if kinds_of.get(cells["source_id"]) != "article" or value_id not in values:
            continue
        mine = values[value_id].strict
        source, setting = cells["source_id"], cells["setting"]
        matched: list[dict[str, str]] = []
        missed: list[dict[str, str]] = []
        # Every member of the group has this row's key, so comparable() reduces to source and setting.
        for other_source, other_setting, theirs, other in members[quantity_key(cells)]:
            if other_source == source or not settings_match(setting, other_setting):
                continue
            (matched if mine.overlaps(theirs) else missed).append(other)
        kinds = {kinds_of.get(o["source_id"]) for o in matched}
        if not matched and not missed:
            status = "unsupported"
        elif "independent" in kinds:
            status = "agrees"
        elif matched:
            status = "vendor-only"
        else:
            status = "disagrees"
        what = f"{cells['value']}, {cells['entity_id']} {cells['metric_id']}"
        detail = _detail(ctx, matched, missed)
        yield Finding.at(
            file,
            row,
            f"value {value_id} ({what})",
            f"{status}{_ADVICE[status]}{detail}",
            rule="agreement",
            severity="warning" if status == "disagrees" else "info",
            value_id=value_id,
            column="value",
            observed=status,
            expected=str(mine),
        )


Member = tuple[str, str, Interval, dict[str, str]]


def _members(ctx: Context) -> dict[Key, list[Member]]:
    """The readable values of each group as (source, setting, strict interval, row), in row order.

    One pass over the values; the comparisons then read these short lists in order instead of looking
    each peer up in the million-entry tables again (at 1M values those lookups miss the CPU caches and
    cost most of the rule's time).
    """
    values = ctx.values
    members: dict[Key, list[Member]] = {}
    for key, rows in ctx.value_groups.items():
        readable = members[key] = []
        for cells in rows:
            info = values.get(cells["value_id"])
            if info is not None:
                readable.append((cells["source_id"], cells["setting"], info.strict, cells))
    return members


_ADVICE = {
    "agrees": "",
    "vendor-only": "; no independent source confirms it",
    "disagrees": "; the source states a number no other source gives",
    "unsupported": "; no other source states this quantity",
}


def _detail(ctx: Context, matched: list[dict[str, str]], missed: list[dict[str, str]]) -> str:
    def show(rows: list[dict[str, str]]) -> str:
        return ", ".join(
            f"{o['source_id']} ({ctx.source_kinds.get(o['source_id'])}"
            f"{', ' + o['setting'] if o['setting'] else ''}) {o['value']}"
            for o in rows
        )

    parts = []
    if matched:
        parts.append(f"matches {show(matched)}")
    if missed:
        parts.append(f"does not match {show(missed)}")
    return (": " + "; ".join(parts)) if parts else ""
