"""Coverage: which quantities of an article a source's rows record, and what share of them.

Every quantity ``extract`` finds in the article is matched against the rows of one source:

- **value**: a ``values`` row of the source whose value text is the quantity's (the sign aside, since
  "fewer" is a reading; ``5.30`` and ``5.3`` differ), with the same ``value_max``, and whose quote
  stands in the article at a place that covers the quantity's digits (or number word);
- **claim**: for a number word or multiplier ("doubled", "three-point", "a quarter of"), a ``claims``
  row of the source whose quote covers it and whose expression has its number as a literal (``2``,
  ``0.25`` or ``1 / 4``): the data contract records a relation as a claim, not a value.

A quantity counts as recorded only where a row quotes it: a restatement (a heading such as "Doubled
Costs" over a paragraph that makes the claim) needs a row of its own, since nothing else shows that a
curator read it and judged what it claims.

Quotes are looked up as exact substrings, or with any run of spaces and line breaks matching any other
(text read from HTML). The share is recorded / found; an article with no quantity is 100%.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import ROUND_DOWN, Context, Decimal, InvalidOperation
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

from claimtally.articles.extract import Found, find_quantities
from claimtally.articles.vocab import Vocabulary
from claimtally.data.package import Package
from claimtally.data.table import records
from claimtally.errors import ClaimtallyError, ExpressionError
from claimtally.expr.parse import BinOp, Num, parse, walk
from claimtally.output import clean, json_text


@dataclass(frozen=True)
class Item:
    """One quantity of the article and the rows that record it."""

    found: Found
    line: int
    column: int
    written: str
    quote: str
    recorded_by: tuple[str, ...]
    how: str  # "value", "claim" or "" (not recorded)


@dataclass(frozen=True)
class Coverage:
    """The coverage of an article by one source's rows."""

    article: str
    source_id: str
    items: tuple[Item, ...]
    rows_not_found: tuple[str, ...]
    rows_not_in_article: tuple[str, ...]

    @property
    def recorded(self) -> int:
        """How many quantities a row records."""
        return sum(1 for i in self.items if i.how)

    @property
    def percent(self) -> Decimal:
        """The recorded share in percent, rounded down to 0.1 (so 99.96% never shows as 100.0%)."""
        if not self.items:
            return Decimal("100.0")
        local = Context(prec=40, rounding=ROUND_DOWN)  # not the caller's decimal settings
        share = local.divide(Decimal(self.recorded * 100), Decimal(len(self.items)))
        return share.quantize(Decimal("0.1"), context=local)

    def meets(self, minimum: Decimal) -> bool:
        """Whether the exact share (not the rounded one) is at least ``minimum`` percent."""
        return self.recorded * 100 >= minimum * len(self.items)


def locate(quote: str, text: str) -> list[tuple[int, int]]:
    """Every place ``quote`` stands in ``text``: exactly, or else with runs of whitespace matching."""
    if not quote.strip():
        return []
    spans = []
    at = text.find(quote)
    while at >= 0:
        spans.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    if spans:
        return spans
    pattern = r"\s+".join(re.escape(w) for w in quote.split())
    return [m.span() for m in re.finditer(pattern, text)]


@lru_cache(maxsize=4096)
def _literals(expression: str) -> frozenset[Fraction]:
    """The numbers an expression writes, and the quotient of each ``literal / literal`` ("one in
    eight" is ``1 / 8``), read by the expression parser; none when the expression does not parse."""
    try:
        tree = parse(expression)
    except ExpressionError:
        return frozenset()
    out = {Fraction(n.value) for n in walk(tree) if isinstance(n, Num)}
    for n in walk(tree):
        over = isinstance(n, BinOp) and n.op == "/" and isinstance(n.left, Num) and isinstance(n.right, Num)
        if over and n.right.value != 0:  # type: ignore[union-attr]
            out.add(Fraction(n.left.value) / Fraction(n.right.value))  # type: ignore[union-attr]
    return frozenset(out)


def _magnitude(value: str) -> str:
    return value.removeprefix("-")


def coverage(text: str, pkg: Package, source_id: str, vocab: Vocabulary, article: str = "") -> Coverage:
    """Match every quantity extract finds in ``text`` against the rows of ``source_id``.

    Raises:
        ClaimtallyError: the package has no such source.
    """
    sources = [str(s) for s in pkg.sources["source_id"].tolist()] if "source_id" in pkg.sources else []
    if source_id not in sources:
        from difflib import get_close_matches

        close = get_close_matches(source_id, sources, n=1)
        hint = f"did you mean {close[0]}?" if close else "list them with 'claimtally tables'"
        msg = f"no source '{source_id}' in {pkg.file_of('sources')}; {hint}"
        raise ClaimtallyError(msg)
    values = [r for r in records(pkg.values) if r.get("source_id") == source_id]
    claims = [r for r in records(pkg.claims) if r.get("source_id") == source_id]
    where = {r.get("quote", ""): locate(r.get("quote", ""), text) for r in values + claims}
    lines = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    items = []
    matched: set[str] = set()
    for f in find_quantities(text, vocab):
        q = f.quantity
        ids, how = _recorded_by(f, values, claims, where)
        matched.update(ids)
        line = bisect_right(lines, q.first)
        quote = text[f.quote_start : f.quote_end]
        items.append(Item(f, line, q.first - lines[line - 1] + 1, text[q.first : q.end], quote, ids, how))
    return Coverage(
        article=article,
        source_id=source_id,
        items=tuple(items),
        rows_not_found=tuple(r.get("value_id", "") for r in values if r.get("value_id", "") not in matched),
        rows_not_in_article=tuple(r.get("value_id", "") for r in values if not where[r.get("quote", "")]),
    )


def _recorded_by(
    f: Found,
    values: list[dict[str, str]],
    claims: list[dict[str, str]],
    where: dict[str, list[tuple[int, int]]],
) -> tuple[tuple[str, ...], str]:
    """The ids of the rows that record a quantity and how (see the module docstring)."""
    q = f.quantity
    a, b = q.core

    def covers(row: dict[str, str]) -> bool:
        return any(s <= a and b <= e for s, e in where[row.get("quote", "")])

    if not q.value:
        return (), ""
    ids = tuple(
        r.get("value_id", "")
        for r in values
        if _magnitude(r.get("value", "")) == _magnitude(q.value)
        and _magnitude(r.get("value_max", "")) == _magnitude(q.value_max)
        and covers(r)
    )
    if ids or q.kind == "number":
        return ids, "value" if ids else ""
    wanted = Fraction(Decimal(q.value))
    quoting = [r for r in claims if wanted in _literals(r.get("expression", ""))]
    ids = tuple(r.get("claim_id", "") for r in quoting if covers(r))
    return ids, "claim" if ids else ""


def parse_percent(text: str, option: str) -> Decimal:
    """A percentage from 0 to 100 as written (``95``, ``99.5``, ``95%``)."""
    try:
        minimum = Decimal(text.strip().removesuffix("%"))
    except InvalidOperation:
        minimum = Decimal("NaN")
    if not minimum.is_finite() or not 0 <= minimum <= 100:
        msg = f"{option} '{text}' is not a percentage; give a number from 0 to 100 (e.g. 95)"
        raise ClaimtallyError(msg)
    return minimum


def render_coverage(cov: Coverage, fmt: str, minimum: Decimal) -> str:
    """The coverage as ``text`` for people or ``json`` (stable for one input)."""
    if fmt == "json":
        data = {
            "article": cov.article,
            "source_id": cov.source_id,
            "quantities": len(cov.items),
            "recorded": cov.recorded,
            "percent": str(cov.percent),
            "min": str(minimum),
            "meets_min": cov.meets(minimum),
            "items": [_item_json(i) for i in cov.items],
            "rows_not_found": list(cov.rows_not_found),
            "rows_not_in_article": list(cov.rows_not_in_article),
        }
        return json_text(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"
    if fmt != "text":
        msg = f"unknown format '{fmt}'; use text or json"
        raise ClaimtallyError(msg)
    name = Path(cov.article).name if cov.article else "the article"
    lines = [
        f"{clean(name)}: {cov.recorded} of {len(cov.items)} quantities recorded by source "
        f"{clean(cov.source_id)} ({cov.percent}%, minimum {minimum}%)",
        "",
    ]
    for i in cov.items:
        q = i.found.quantity
        shown = q.value + (f"–{q.value_max}" if q.value_max else "")
        state = f"{i.how}: {', '.join(i.recorded_by)}" if i.how else "NOT RECORDED"
        place = f"{i.line}:{i.column}"
        lines.append(f"  {place:<8} {clean(i.written):<20} {shown:<10} {q.unit or '-':<14} {state}")
        if not i.how:
            lines.append(f"      quote: {clean(i.quote)}")
    if cov.rows_not_found:
        lines += [
            "",
            f"rows of {clean(cov.source_id)} that no quantity found matched: {', '.join(cov.rows_not_found)}",
        ]
    if cov.rows_not_in_article:
        lines += [f"rows whose quote is not in the article: {', '.join(cov.rows_not_in_article)}"]
    return "\n".join(lines) + "\n"


def _item_json(i: Item) -> dict[str, object]:
    q = i.found.quantity
    return {
        "line": i.line,
        "column": i.column,
        "text": i.written,
        "value": q.value,
        "value_max": q.value_max,
        "unit": q.unit,
        "hedge": q.hedge,
        "kind": q.kind,
        "quote": i.quote,
        "recorded_by": list(i.recorded_by),
        "match": i.how or None,
    }
