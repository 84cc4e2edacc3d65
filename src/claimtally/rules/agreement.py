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

from collections.abc import Iterable, Iterator

import numpy as np

from claimtally.arith.columns import interval_columns, overlaps
from claimtally.arith.intervals import Interval
from claimtally.report.model import Finding
from claimtally.rules.context import Context, Key, quantity_key, settings_match


def check(ctx: Context) -> Iterator[Finding]:
    """Each article value against other sources: agrees, vendor-only, disagrees or unsupported."""
    yield from _findings(ctx, _compare_columns(ctx))


def check_exact(ctx: Context) -> Iterator[Finding]:
    """The same findings by a loop over the value rows and :meth:`Interval.overlaps`: the oracle the
    column-wise comparison is tested against (and the way rows that do not fit it are compared)."""
    yield from _findings(ctx, _compare_rows(ctx))


#: One article value's comparison: its id, row and cells, the labels of the peers it matches and of
#: those it misses (in row order), and whether an independent source is among the matches.
Comparison = tuple[str, int, dict[str, str], list[str], list[str], bool]


def _findings(ctx: Context, comparisons: Iterable[Comparison]) -> Iterator[Finding]:
    file = ctx.file("values")
    values = ctx.values
    for value_id, row, cells, matched, missed, independent in comparisons:
        if not matched and not missed:
            status = "unsupported"
        elif independent:
            status = "agrees"
        elif matched:
            status = "vendor-only"
        else:
            status = "disagrees"
        what = f"{cells['value']}, {cells['entity_id']} {cells['metric_id']}"
        parts = []
        if matched:
            parts.append(f"matches {', '.join(matched)}")
        if missed:
            parts.append(f"does not match {', '.join(missed)}")
        detail = (": " + "; ".join(parts)) if parts else ""
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
            expected=str(values[value_id].strict),
        )


def _label(ctx: Context, cells: dict[str, str]) -> str:
    """How a finding names a peer: ``source (kind, setting) value``."""
    setting = f", {cells['setting']}" if cells["setting"] else ""
    return f"{cells['source_id']} ({ctx.source_kinds.get(cells['source_id'])}{setting}) {cells['value']}"


def _compare_rows(ctx: Context) -> Iterator[Comparison]:
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
        independent = any(kinds_of.get(o["source_id"]) == "independent" for o in matched)
        labels = [_label(ctx, o) for o in matched], [_label(ctx, o) for o in missed]
        yield value_id, row, cells, labels[0], labels[1], independent


def _compare_columns(ctx: Context) -> Iterator[Comparison]:
    """The comparisons as a join: each article value against every readable value of its group
    (entity, metric, baseline), with integer codes for groups, sources and settings and the overlap
    tested on exact integer ends (:mod:`claimtally.arith.columns`); pairs with a row whose ends do
    not fit the integer form are compared as interval objects. Each peer's label is built once."""
    values, kinds_of, v = ctx.values, ctx.source_kinds, ctx.value_codes
    readable = np.array([vid in values for vid in v.ids], np.bool_)
    rows = [(vid, row, cells) for vid, (row, cells) in ctx.value_rows.items() if vid in values]
    if not rows:
        return
    key, source, setting = v.group[readable], v.source[readable], v.setting[readable]
    key = np.unique(key, return_inverse=True)[1].reshape(-1)  # dense again after the filter
    kinds = [kinds_of.get(c["source_id"]) for _, _, c in rows]
    article = np.array([k == "article" for k in kinds], np.bool_)
    independent = np.array([k == "independent" for k in kinds], np.bool_)
    strict = [values[vid].strict for vid, _, _ in rows]
    cols = interval_columns(strict)
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
    hit = overlaps(cols, a, m)
    for k in np.flatnonzero(~(cols.exact[a] & cols.exact[m])).tolist():
        hit[k] = strict[a[k]].overlaps(strict[m[k]])
    labels = np.empty(len(rows), object)
    used = np.unique(m)
    labels[used] = [_label(ctx, rows[i][2]) for i in used.tolist()]
    n = len(rows)
    hits = np.bincount(a[hit], minlength=n)[arts]
    misses = np.bincount(a[~hit], minlength=n)[arts]
    confirmed = (np.bincount(a[hit], weights=independent[m[hit]], minlength=n) > 0)[arts]
    matched_labels, missed_labels = labels[m[hit]].tolist(), labels[m[~hit]].tolist()
    h0 = m0 = 0
    for i, nh, nm, ind in zip(arts.tolist(), hits.tolist(), misses.tolist(), confirmed.tolist(), strict=True):
        vid, row, cells = rows[i]
        yield vid, row, cells, matched_labels[h0 : h0 + nh], missed_labels[m0 : m0 + nm], ind
        h0, m0 = h0 + nh, m0 + nm


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
