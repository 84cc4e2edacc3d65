"""Draft ``values`` rows from an article: every quantity it states, with a quote and candidate ids.

:func:`find_quantities` finds the quantities (:mod:`claimtally.articles.numerals`,
:mod:`claimtally.articles.numberwords`), gives each a short quote (:mod:`claimtally.articles.quotes`),
the entity named nearest before it in its sentence (or after it), a baseline named after "than", and the
metrics of its unit whose names its words speak of (:mod:`claimtally.articles.vocab`).
:func:`draft_rows` turns them into rows with exactly the ``values`` columns, and :func:`to_csv` writes
them with a formula-injection guard. Nothing here reads the network or writes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from claimtally.arith.stated import parse_value
from claimtally.articles.numberwords import find_number_words
from claimtally.articles.numerals import find_numerals
from claimtally.articles.quantity import Quantity
from claimtally.articles.quotes import Sentences, quote_span
from claimtally.articles.vocab import Mention, Vocabulary, find_mentions, metric_candidates
from claimtally.data.models import SOURCE_ID
from claimtally.errors import ClaimtallyError, ValueTextError

#: The ``values`` table's columns, in order (data contract §2).
COLUMNS = (
    "value_id",
    "source_id",
    "entity_id",
    "metric_id",
    "baseline_entity_id",
    "setting",
    "value",
    "value_max",
    "exact",
    "hedge",
    "as_of",
    "quote",
)
#: Columns a ``values`` row must fill; an empty one in a draft is reported as unfilled.
REQUIRED = ("value_id", "source_id", "entity_id", "metric_id", "value", "exact", "quote")
#: Cells starting with one of these are read as formulas by spreadsheets (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Characters read on each side of a quantity for its entity and metric (a guard on run-on sentences).
CONTEXT = 300
_SOURCE_ID = re.compile(SOURCE_ID)
_COMPARED = re.compile(
    r"\b(?:compared|versus|vs|than|against|over|outpacing|beating|behind)\b", re.IGNORECASE
)
_FOR = re.compile(r"[^.,;:—()]{0,30}?\b(?:for|of)[ \t\u00a0]+(?:the[ \t\u00a0]+)?")
_THAN = re.compile(r"\bthan[ \t\u00a0]+(?:the[ \t\u00a0]+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    """A quantity with what extract reads around it.

    Attributes:
        quantity: The quantity and its value text, unit and hedge.
        quote_start: Where its quote starts in the text.
        quote_end: Where its quote ends.
        entity: The entity id named nearest to it in its sentence, or empty.
        baseline: The entity id named after "than" following it, or empty.
        metrics: The candidate metric ids (the best-scoring ones; one fills the cell).
    """

    quantity: Quantity
    quote_start: int
    quote_end: int
    entity: str
    baseline: str
    metrics: tuple[str, ...]


def find_quantities(text: str, vocab: Vocabulary) -> list[Found]:
    """Every quantity the text states, in text order, with its quote and candidate ids."""
    mentions = find_mentions(text, vocab)
    names = [(m.start, m.end) for m in mentions]
    sentences = Sentences(text)
    quantities = find_numerals(
        text,
        hedges=vocab.hedges,
        names=names,
        versions=vocab.versions,
        families=vocab.families,
        sentences=sentences,
    )
    quantities += find_number_words(text, hedges=vocab.hedges, names=names)
    quantities.sort(key=lambda q: (q.first, -q.end))
    kept: list[Quantity] = []
    for q in quantities:
        if not kept or q.first >= kept[-1].end:
            kept.append(q)
    reader = _Reader(text, vocab, mentions, sentences)
    return [reader.describe(q) for q in kept]


class _Reader:
    """What extract reads around each quantity, with the work shared by quantities of one sentence."""

    def __init__(self, text: str, vocab: Vocabulary, mentions: list[Mention], sentences: Sentences) -> None:
        self.text = text
        self.vocab = vocab
        self.mentions = [m for m in mentions if m.entity_id]
        self.starts = [m.start for m in self.mentions]
        self.sentences = sentences
        self.cache: dict[tuple[int, int, str, int], list[str]] = {}

    def candidates(self, start: int, end: int, unit: str, runs: int = 1) -> list[str]:
        key = (start, end, unit, runs)
        if key not in self.cache:
            self.cache[key] = metric_candidates(self.text[start:end], unit, self.vocab, runs=runs)
        return self.cache[key]

    def describe(self, q: Quantity) -> Found:
        text = self.text
        s_start, s_end = self.sentences.at(q.first)
        # A run-on sentence is read in blocks around the quantity, shared by its neighbours.
        s_start = max(s_start, (q.first // CONTEXT - 1) * CONTEXT)
        s_end = min(s_end, (q.end // CONTEXT + 2) * CONTEXT)
        here = self.mentions[bisect_left(self.starts, s_start) : bisect_left(self.starts, s_end)]
        here = [m for m in here if m.end <= s_end]
        baseline = next(
            (m.entity_id for m in here if m.start >= q.end and _THAN.search(text, q.end, m.start)), ""
        )
        kinds = self.vocab.kinds
        things = [m for m in here if m.entity_id != baseline and kinds.get(m.entity_id) != "benchmark"]
        things = things or [m for m in here if m.entity_id != baseline]  # a benchmark only when no model
        before = [m for m in things if m.end <= q.first]
        after = [m for m in things if m.start >= q.end and not _COMPARED.search(text, q.end, m.start)]
        owner = next((m for m in after if _FOR.fullmatch(text, q.end, m.start)), None)
        if owner is not None:  # "$15 for Model Old"
            entity = owner.entity_id
        else:
            entity = before[-1].entity_id if before else (after[0].entity_id if after else "")
        metrics = self.metrics(q, (s_start, s_end))
        a, b = quote_span(self.sentences, q.first, q.end)
        return Found(q, a, b, entity, baseline, tuple(metrics))

    def metrics(self, q: Quantity, sentence: tuple[int, int]) -> list[str]:
        """Candidates from the pair label, else the sentence, else a name of two words or more in one
        of the two sentences before it on the same line ("… the Intelligence Index. … a score of 60")."""
        if q.label:
            found = metric_candidates(q.label, q.unit, self.vocab, label=True)
            if found:
                return found
        found = self.candidates(sentence[0], sentence[1], q.unit)
        line_start = self.text.rfind("\n", max(0, q.first - CONTEXT), q.first) + 1
        i = self.sentences.index(q.first)
        for back in range(i - 1, max(-1, i - 3), -1):
            if found:
                break
            start, end = self.sentences.span(back)
            if end <= line_start:
                break
            start = max(start, line_start, (q.first // CONTEXT - 1) * CONTEXT)
            found = self.candidates(start, end, q.unit, runs=2)
        return found


def id_prefix(source_id: str) -> str:
    """The value id prefix for a source: its id with ``_`` for ``-``, starting with a letter."""
    prefix = re.sub(r"[^a-z0-9]+", "_", source_id.lower()).strip("_")
    if not prefix:
        return "value"
    return prefix if prefix[0].isalpha() else f"s_{prefix}"


def check_source_id(source_id: str) -> None:
    """Raise a one-line error unless ``source_id`` is a valid ``sources.source_id``."""
    if not _SOURCE_ID.match(source_id):
        msg = (
            f"--source-id '{source_id}' is not a source id: use lower-case letters, digits and hyphens, "
            "starting with a letter or digit (e.g. my-article)"
        )
        raise ClaimtallyError(msg)


def draft_rows(text: str, found: list[Found], source_id: str, vocab: Vocabulary) -> list[dict[str, str]]:
    """One ``values`` row per quantity, ids ``<prefix>_001``, ``<prefix>_002``, … skipping taken ids.

    Empty cells are what extract could not fill: ``source_id`` without a source id, ``entity_id`` and
    ``metric_id`` when no single candidate stands out, ``value`` when the number has no value text.
    """
    prefix = id_prefix(source_id) if source_id else "value"
    rows = []
    n = 0
    for f in found:
        n += 1
        while f"{prefix}_{n:03d}" in vocab.value_ids:
            n += 1
        q = f.quantity
        rows.append(
            {
                "value_id": f"{prefix}_{n:03d}",
                "source_id": source_id,
                "entity_id": f.entity,
                "metric_id": f.metrics[0] if len(f.metrics) == 1 else "",
                "baseline_entity_id": f.baseline,
                "setting": "",
                "value": q.value,
                "value_max": q.value_max,
                "exact": "true" if q.exact else "false",
                "hedge": q.hedge,
                "as_of": "",
                "quote": text[f.quote_start : f.quote_end],
            }
        )
    return rows


def unfilled(rows: list[dict[str, str]]) -> Counter[str]:
    """How many rows leave each required column empty."""
    return Counter(c for row in rows for c in REQUIRED if not row[c])


def summary(rows: list[dict[str, str]]) -> str:
    """The one line extract writes on stderr: how many rows and which required cells are empty."""
    counts = unfilled(rows)
    head = f"{len(rows)} draft value row{'s' if len(rows) != 1 else ''}"
    if not rows:
        return f"{head}: no quantities found"
    if not counts:
        return f"{head}; every required cell has a draft (check each one before adding the rows)"
    missing = ", ".join(f"{c} in {counts[c]}" for c in REQUIRED if counts[c])
    return f"{head}; unfilled (left empty, to fill in before adding the rows to values.csv): {missing}"


def guard(cell: str, column: str = "") -> str:
    """A cell made safe to open in a spreadsheet: ``'`` before a formula-like start.

    The ``value`` and ``value_max`` cells of a number such as ``-40`` are data, not formulas: they are
    kept as they are when they are valid value text (data contract §2).
    """
    if column in ("value", "value_max") and cell:
        try:
            parse_value(cell)
        except ValueTextError:
            pass
        else:
            return cell
    if cell.startswith(FORMULA_STARTS) or cell.lstrip(" ").startswith(FORMULA_STARTS[:4]):
        return "'" + cell
    return cell


def to_csv(rows: list[dict[str, str]]) -> str:
    """The rows as CSV with a header of :data:`COLUMNS`, every cell guarded (:func:`guard`).

    Cells are quoted as RFC 4180 says when they hold a comma, a quote or a line break (a lone CR
    included, which the standard library's writer leaves bare when lines end in LF); lines end in LF.
    """
    lines = [",".join(COLUMNS)]
    lines += [",".join(_csv_cell(guard(row[c], c)) for c in COLUMNS) for row in rows]
    return "\n".join(lines) + "\n"


def _csv_cell(cell: str) -> str:
    if any(ch in cell for ch in ',"\n\r'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def extract(text: str, vocab: Vocabulary, source_id: str = "") -> list[dict[str, str]]:
    """Draft ``values`` rows for every quantity of an article's text (see :func:`draft_rows`)."""
    if source_id:
        check_source_id(source_id)
    return draft_rows(text, find_quantities(text, vocab), source_id, vocab)
