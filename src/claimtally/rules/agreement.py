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

from collections.abc import Callable, Iterable, Iterator

import numpy as np

from claimtally.arith.columns import overlaps
from claimtally.arith.intervals import Interval
from claimtally.report.model import Finding
from claimtally.rules.context import Context, Key, quantity_key, settings_match


def check(ctx: Context) -> Iterator[Finding]:
    """Each article value against other sources: agrees, vendor-only, disagrees or unsupported."""
    yield from _findings(ctx, _compare_columns(ctx))


def check_exact(ctx: Context) -> Iterator[Finding]:
    """The same findings by a loop over the value rows and :meth:`Interval.overlaps`: the oracle the
    column-wise comparison is tested against."""
    yield from _findings(ctx, _compare_rows(ctx))


#: One article value's comparison: its index in the value table, the indices of the peers it matches
#: and of those it misses (in row order), and whether an independent source is among the matches.
Comparison = tuple[int, list[int], list[int], bool]


def _findings(ctx: Context, comparisons: Iterable[Comparison]) -> Iterator[Finding]:
    file = ctx.file("values")
    t = ctx.value_table
    value, entity, metric = t.column("value"), t.column("entity_id"), t.column("metric_id")
    label = _labeller(ctx)

    for k, matched, missed, independent in comparisons:
        if not matched and not missed:
            status = "unsupported"
        elif independent:
            status = "agrees"
        elif matched:
            status = "vendor-only"
        else:
            status = "disagrees"
        severity = "warning" if status == "disagrees" else "info"
        if not ctx.lists(severity):  # counted, not listed: its words are never built
            ctx.tally("agreement")
            continue
        value_id = t.ids[k]
        parts = []
        if matched:
            parts.append(f"matches {label(matched)}")
        if missed:
            parts.append(f"does not match {label(missed)}")
        detail = (": " + "; ".join(parts)) if parts else ""
        yield ctx.at(
            file,
            int(t.rows[k]),
            f"value {value_id} ({value[k]}, {entity[k]} {metric[k]})",
            f"{status}{_ADVICE[status]}{detail}",
            rule="agreement",
            severity=severity,
            value_id=value_id,
            column="value",
            observed=status,
            expected=ctx.strict_text(k),
        )


def _labeller(ctx: Context) -> Callable[[list[int]], str]:
    """How a finding names its peers, ``source (kind, setting) value`` each, joined by commas, for
    rows of the value table; each row's label is built once, from columns read once."""
    t, kinds = ctx.value_table, ctx.source_kinds
    source, setting, value = t.column("source_id"), t.column("setting"), t.column("value")
    labels: list[str | None] = [None] * len(t)

    def build(j: int) -> str:
        shown = f", {setting[j]}" if setting[j] else ""
        made = labels[j] = f"{source[j]} ({kinds.get(source[j])}{shown}) {value[j]}"
        return made

    def names(rows: list[int]) -> str:
        return ", ".join([labels[j] or build(j) for j in rows])

    return names


def _compare_rows(ctx: Context) -> Iterator[Comparison]:
    kinds_of, values, position = ctx.source_kinds, ctx.values, ctx.value_table.position
    members = _members(ctx)
    for value_id, (_row, cells) in ctx.value_rows.items():
        if kinds_of.get(cells["source_id"]) != "article" or value_id not in values:
            continue
        mine = values[value_id].strict
        source, setting = cells["source_id"], cells["setting"]
        matched: list[int] = []
        missed: list[int] = []
        # Every member of the group has this row's key, so comparable() reduces to source and setting.
        for other_source, other_setting, theirs, other in members[quantity_key(cells)]:
            if other_source == source or not settings_match(setting, other_setting):
                continue
            (matched if mine.overlaps(theirs) else missed).append(position[other["value_id"]])
        independent = any(
            kinds_of.get(ctx.value_table.column("source_id")[j]) == "independent" for j in matched
        )
        yield position[value_id], matched, missed, independent


def _compare_columns(ctx: Context) -> Iterator[Comparison]:
    """The comparisons as a join: each article value against every readable value of its group
    (entity, metric, baseline), with integer codes for groups, sources and settings and the overlap
    tested on exact integer ends (:mod:`claimtally.arith.columns`); pairs with a row whose ends do
    not fit the integer form are compared as interval objects."""
    v, t, cols = ctx.value_codes, ctx.value_table, ctx.strict
    rows = np.flatnonzero(ctx.readable)  # the readable rows; below, indices are into these
    if not len(rows):
        return
    key, source, setting = v.group[rows], v.source[rows], v.setting[rows]
    key = np.unique(key, return_inverse=True)[1].reshape(-1)  # dense again after the filter
    codes, sources = t.codes("source_id")  # each source's kind looked up once, not once a row
    source_kind = np.array([ctx.source_kinds.get(s, "") for s in sources], dtype=object)[codes][rows]
    article = source_kind == "article"
    independent = source_kind == "independent"
    # members of each group in row order: a stable sort by group, and where each group starts
    order = np.argsort(key, kind="stable")
    size = np.bincount(key)
    first = np.concatenate(([0], np.cumsum(size)[:-1]))
    arts = np.flatnonzero(article)
    counts = size[key[arts]]
    a = np.repeat(arts, counts)  # nondecreasing: the pairs of one article value are contiguous
    offsets = np.arange(len(a)) - np.repeat(np.cumsum(counts) - counts, counts)
    m = order[np.repeat(first[key[arts]], counts) + offsets]
    keep = (source[m] != source[a]) & ((setting[a] == 0) | (setting[m] == 0) | (setting[a] == setting[m]))
    a, m = a[keep], m[keep]
    ra, rm = rows[a], rows[m]
    hit = overlaps(cols, ra, rm)
    values, ids = ctx.values, t.ids
    for k in np.flatnonzero(~(cols.exact[ra] & cols.exact[rm])).tolist():
        hit[k] = values[ids[ra[k]]].strict.overlaps(values[ids[rm[k]]].strict)
    n = len(rows)
    hits = np.bincount(a[hit], minlength=n)[arts]
    misses = np.bincount(a[~hit], minlength=n)[arts]
    confirmed = (np.bincount(a[hit], weights=independent[m[hit]], minlength=n) > 0)[arts]
    listed = np.ones(len(arts), np.bool_)
    if not ctx.lists("info"):  # only disagreements are warnings; the rest are counted here
        listed = (hits == 0) & (misses > 0)
        ctx.tally("agreement", int((~listed).sum()))
    matched_rows, missed_rows = rows[m[hit]], rows[m[~hit]]
    h0, m0 = np.cumsum(hits) - hits, np.cumsum(misses) - misses
    for j in np.flatnonzero(listed).tolist():
        i, nh, nm = int(rows[arts[j]]), int(hits[j]), int(misses[j])
        matched = matched_rows[h0[j] : h0[j] + nh].tolist()
        yield i, matched, missed_rows[m0[j] : m0[j] + nm].tolist(), bool(confirmed[j])


Member = tuple[str, str, Interval, dict[str, str]]


def _members(ctx: Context) -> dict[Key, list[Member]]:
    """The readable values of each group as (source, setting, strict interval, row), in row order."""
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
