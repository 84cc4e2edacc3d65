"""``claimtally diff OLD NEW``: rows added, removed and changed per table, and claims whose verdict moved.

Rows are matched by the primary key of each table (``version/resource`` for the release record). A
changed row lists each changed column old → new. A claim is listed when its recorded ``expect`` or its
computed verdict differs between the two packages; ``cause`` says ``data`` when the claim's row, a value
it uses, or the hedges table changed, and ``checker`` when the data it reads is the same (the checker
gave it another meaning).
"""

from __future__ import annotations

import json

from pydantic import BaseModel, ConfigDict

from claimtally.checker import check
from claimtally.data.descriptor import OPTIONAL_TABLES, TABLES, resource
from claimtally.data.package import Package
from claimtally.data.table import records
from claimtally.output import clean, json_text
from claimtally.report.model import PackageInfo


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CellChange(_Model):
    """One column of one row, before and after."""

    column: str
    old: str
    new: str


class RowChange(_Model):
    """A row present in both packages whose cells differ."""

    key: str
    cells: tuple[CellChange, ...]


class TableDiff(_Model):
    """What changed in one table."""

    table: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[RowChange, ...]

    @property
    def empty(self) -> bool:
        """True when nothing changed."""
        return not (self.added or self.removed or self.changed)


class VerdictChange(_Model):
    """A claim whose recorded or computed verdict differs between the versions."""

    claim_id: str
    old_expect: str | None
    new_expect: str | None
    old_verdict: str | None
    new_verdict: str | None
    cause: str
    """``data`` (the claim, its values or the hedges changed) or ``checker``."""


class Diff(_Model):
    """Everything that differs between two packages."""

    old: PackageInfo
    new: PackageInfo
    tables: tuple[TableDiff, ...]
    verdicts: tuple[VerdictChange, ...]

    @property
    def empty(self) -> bool:
        """True when the two packages hold the same rows and verdicts."""
        return all(t.empty for t in self.tables) and not self.verdicts


def _keyed(pkg: Package, table: str) -> dict[str, dict[str, str]]:
    keys = resource(pkg.descriptor, table, pkg.path).get("schema", {}).get("primaryKey", [])
    keys = [keys] if isinstance(keys, str) else list(keys)  # fields of the table: its shape is checked
    rows = records(pkg.tables[table])
    if not keys:  # no primary key: a row is known by all its cells, so a change is a removal and an addition
        return {"/".join(row.values()): row for row in rows}
    return {"/".join(row[k] for k in keys): row for row in rows}


def diff_table(old: Package, new: Package, table: str) -> TableDiff:
    """Rows added, removed and changed in one table, by primary key, in the new file's order."""
    before = _keyed(old, table) if table in old.tables else {}
    after = _keyed(new, table) if table in new.tables else {}
    changed = []
    for key, row in after.items():
        if key not in before or before[key] == row:
            continue
        columns = list(dict.fromkeys([*before[key], *row]))
        cells = tuple(
            CellChange(column=c, old=before[key].get(c, ""), new=row.get(c, ""))
            for c in columns
            if before[key].get(c, "") != row.get(c, "")
        )
        changed.append(RowChange(key=key, cells=cells))
    return TableDiff(
        table=table,
        added=tuple(k for k in after if k not in before),
        removed=tuple(k for k in before if k not in after),
        changed=tuple(changed),
    )


def diff(old: Package, new: Package) -> Diff:
    """Compare two packages table by table and claim by claim."""
    tables = tuple(
        diff_table(old, new, t) for t in TABLES + OPTIONAL_TABLES if t in old.tables or t in new.tables
    )
    old_report, new_report = check(old, rules=["claims"]), check(new, rules=["claims"])
    touched = {t.table: {*t.added, *t.removed, *(c.key for c in t.changed)} for t in tables}
    hedges_changed = bool(touched.get("hedges"))
    before = {c.claim_id: c for c in old_report.claims}
    after = {c.claim_id: c for c in new_report.claims}
    verdicts = []
    for claim_id in list(dict.fromkeys([*before, *after])):
        a, b = before.get(claim_id), after.get(claim_id)
        was = (a.expect, a.verdict) if a else (None, None)
        now = (b.expect, b.verdict) if b else (None, None)
        if was == now:
            continue
        reads = {n for c in (a, b) if c for n in c.values}  # the parser's names_in, via the check
        data = hedges_changed or claim_id in touched.get("claims", set()) or bool(reads & touched["values"])
        verdicts.append(
            VerdictChange(
                claim_id=claim_id,
                old_expect=was[0],
                new_expect=now[0],
                old_verdict=was[1],
                new_verdict=now[1],
                cause="data" if data else "checker",
            )
        )
    return Diff(old=old_report.package, new=new_report.package, tables=tables, verdicts=tuple(verdicts))


def render_diff(d: Diff, fmt: str) -> str:
    """The diff as ``text`` for people or ``json``."""
    if fmt == "json":
        data = d.model_dump(mode="json")
        return json_text(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"
    lines = [
        f"{clean(d.old.name)} {clean(d.old.version)} (sha256:{d.old.hash[:12]}…) → "
        f"{clean(d.new.name)} {clean(d.new.version)} (sha256:{d.new.hash[:12]}…)",
        "",
    ]
    for t in d.tables:
        if t.empty:
            lines.append(f"{t.table}: no changes")
            continue
        lines.append(f"{t.table}: {len(t.added)} added, {len(t.removed)} removed, {len(t.changed)} changed")
        lines += [f"  + {clean(k)}" for k in t.added]
        lines += [f"  - {clean(k)}" for k in t.removed]
        for row in t.changed:
            cells = "; ".join(f"{clean(c.column)}: {clean(c.old)!r} → {clean(c.new)!r}" for c in row.cells)
            lines.append(f"  ~ {clean(row.key)}: {cells}")
    lines += ["", f"verdicts: {len(d.verdicts)} changed" if d.verdicts else "verdicts: no changes"]
    for v in d.verdicts:
        lines.append(
            f"  {clean(v.claim_id)}: verdict {v.old_verdict or 'absent'} → {v.new_verdict or 'absent'}, "
            f"recorded {v.old_expect or 'none'} → {v.new_expect or 'none'} ({v.cause})"
        )
    return "\n".join(lines) + "\n"
