"""A package's vocabulary as an article speaks it: hedge words, names of entities, names of metrics.

``extract`` reads a package only for this: its ``hedges`` (which hedge words exist, by id), its
``entities`` (names whose digits are versions, not quantities, and candidate ``entity_id``s) and its
``metrics`` (candidate ``metric_id``s by unit and name). Nothing is written to the package.

Entity names are matched with their usual short forms: the name as written, without a parenthesis
("Gemini 3.1 Pro (Preview)" → "Gemini 3.1 Pro"), without its first word when a version or another
word follows ("Claude Opus 4.7" → "Opus 4.7"), and without its version ("Claude Opus", "Opus",
"GPT"). A short form several entities share names the one most recently named in full before it, or
none. Only models, products and benchmarks are matched: a workload's or a group's name describes
numbers rather than naming a thing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction

from claimtally.articles.quantity import hedge_phrases
from claimtally.data.package import Package
from claimtally.data.table import records
from claimtally.errors import PackageError

_VERSION = re.compile(r"^[0-9]+(?:\.[0-9]+)*$")
_GLUED = re.compile(r"^([A-Za-z][A-Za-z]*)-([0-9]+(?:\.[0-9]+)*)$")
_DECIMAL = re.compile(r"(?<![0-9.])[0-9]+\.[0-9]+(?![0-9.])")
_TOKEN = re.compile(r"[a-z0-9]+(?:\.[0-9]+)*")
_NAMED_KINDS = ("model", "product", "benchmark")
#: Words too common in metric names to point at one metric on their own.
GENERIC_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "of",
        "on",
        "or",
        "over",
        "per",
        "the",
        "to",
        "with",
        "vs",
        "aa",
        "change",
        "gain",
        "gap",
        "price",
        "prices",
        "rate",
        "ratio",
        "number",
        "score",
        "speed",
        "token",
        "tokens",
        "used",
        "minus",
        "million",
        "index",
        "cost",
        "costs",
        "run",
        "tier",
        "tiers",
        "bench",
        "unspecified",
        "total",
        "predecessor",
    ]
)


@dataclass(frozen=True)
class Mention:
    """A name of an entity in the text: where, which entity it names, and every entity it could."""

    start: int
    end: int
    entity_id: str
    candidates: frozenset[str]


@dataclass(frozen=True)
class MetricName:
    """A metric's unit and the token phrases that name it (its name, a parenthesis, its id)."""

    metric_id: str
    unit: str
    phrases: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Vocabulary:
    """What ``extract`` needs of a package; :func:`vocabulary` builds it."""

    hedges: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, frozenset[str]] = field(default_factory=dict)
    versions: frozenset[str] = frozenset()
    families: frozenset[str] = frozenset()
    metrics: tuple[MetricName, ...] = ()
    kinds: dict[str, str] = field(default_factory=dict)
    spread: dict[str, int] = field(default_factory=dict)
    value_ids: frozenset[str] = frozenset()
    _pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)


def _column(pkg: Package, table: str, column: str) -> list[str]:
    frame = pkg.tables[table]
    if column not in frame.columns:
        msg = f"{pkg.file_of(table)}: no column '{column}'; a claims package's {table} table has one"
        raise PackageError(msg)
    return [str(c) for c in frame[column].tolist()]


def vocabulary(pkg: Package) -> Vocabulary:
    """The vocabulary of a package (see the module docstring).

    Raises:
        PackageError: a table lacks a column the vocabulary is read from.
    """
    hedge_ids = _column(pkg, "hedges", "hedge_id")
    for table, columns in (
        ("entities", ("entity_id", "name", "kind")),
        ("metrics", ("metric_id", "name", "unit")),
    ):
        for column in columns:
            _column(pkg, table, column)
    aliases: dict[str, set[str]] = defaultdict(set)
    versions: set[str] = set()
    families: set[str] = set()
    for row in records(pkg.entities):
        if row["kind"] not in _NAMED_KINDS or not row["name"].strip():
            continue
        name = " ".join(row["name"].split())
        versions.update(_DECIMAL.findall(name))
        for form, family in _forms(name):
            aliases[form].add(row["entity_id"])
            if family:
                families.add(family.lower())
        aliases[row["entity_id"]].add(row["entity_id"])
    metrics = tuple(
        MetricName(row["metric_id"], row["unit"], _phrases(row["name"], row["metric_id"]))
        for row in records(pkg.metrics)
    )
    frozen = {a: frozenset(ids) for a, ids in aliases.items() if len(a) >= 2}
    spread: dict[str, int] = defaultdict(int)
    for metric in metrics:
        for token in {t for phrase in metric.phrases for t in phrase}:
            spread[token] += 1
    return Vocabulary(
        hedges=hedge_phrases(hedge_ids),
        aliases=frozen,
        versions=frozenset(versions),
        families=frozenset(families),
        metrics=metrics,
        kinds=dict(zip(_column(pkg, "entities", "entity_id"), _column(pkg, "entities", "kind"), strict=True)),
        spread=dict(spread),
        value_ids=frozenset(_column(pkg, "values", "value_id")),
        _pattern=_alias_pattern(frozen),
    )


def _forms(name: str) -> list[tuple[str, str]]:
    """A name's short forms, each with the family word that precedes its version ("" when none)."""
    base = re.sub(r"\s*\([^)]*\)", "", name).strip() or name
    words = base.split()
    forms = [(name, ""), (base, "")]
    if len(words) >= 2 and words[1][:1].isalpha() and (len(words) >= 3 or any(c.isdigit() for c in words[1])):
        forms.append((" ".join(words[1:]), ""))  # Claude Opus 4.7 -> Opus 4.7
    for i, word in enumerate(words):
        glued = _GLUED.match(word)
        if _VERSION.match(word) and i > 0:
            family, rest = words[i - 1], words[:i] + words[i + 1 :]
        elif glued is not None:
            family, rest = glued.group(1), [*words[:i], glued.group(1), *words[i + 1 :]]
        else:
            continue
        forms.append((" ".join(rest), family))  # Claude Opus, Gemini Pro, GPT
        if i >= 2:
            forms.append((" ".join(rest[1:]), family))  # Opus (the brand word dropped)
        forms.append((family, family))  # Gemini
        break
    return forms


def _alias_pattern(aliases: dict[str, frozenset[str]]) -> re.Pattern[str] | None:
    if not aliases:
        return None
    parts: list[str] = []
    for alias in sorted(aliases, key=lambda a: (-len(a), a)):
        body = r"\s+".join(re.escape(w) for w in alias.split())
        if len(alias) >= 4:
            body = f"(?i:{body})"
        if not alias[-1].isdigit():
            body += r"(?![-\s]?[0-9])"  # "Opus" before "4.8" names another model
        parts.append(f"(?P<a{len(parts)}>{body})")
    return re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(parts) + r")(?![A-Za-z0-9])(?!\.[0-9])")


def find_mentions(text: str, vocab: Vocabulary) -> list[Mention]:
    """Every name of a vocabulary entity in the text, in order, each resolved to one entity if it can be."""
    pattern = vocab._pattern
    if pattern is None:
        return []
    by_group = sorted(vocab.aliases, key=lambda a: (-len(a), a))
    last_named: dict[str, int] = {}
    out = []
    for match in pattern.finditer(text):
        assert match.lastgroup is not None
        candidates = vocab.aliases[by_group[int(match.lastgroup[1:])]]
        if len(candidates) == 1:
            (entity,) = candidates
            last_named[entity] = match.start()
        else:
            seen = [(last_named[c], c) for c in candidates if c in last_named]
            entity = max(seen)[1] if seen else ""
        out.append(Mention(match.start(), match.end(), entity, candidates))
    return out


def _phrases(name: str, metric_id: str) -> tuple[tuple[str, ...], ...]:
    base = re.sub(r"\([^)]*\)", " ", name)
    inside = re.findall(r"\(([^)]*)\)", name)
    phrases = [tokens(base), *(tokens(p) for p in inside), tokens(metric_id.replace("-", " "))]
    return tuple(tuple(p) for p in phrases if p)


def tokens(text: str) -> list[str]:
    """Lower-case word and number tokens of a text (``Terminal-Bench 2.0`` → terminal, bench, 2.0)."""
    return _TOKEN.findall(text.lower())


def metric_candidates(
    context: str, unit: str, vocab: Vocabulary, *, label: bool = False, runs: int = 1
) -> list[str]:
    """The metrics of ``unit`` (any unit when empty) whose names the context speaks of best.

    A metric scores the longest run of its name's tokens that the context has in the same order,
    divided by the name's length. A run of one token counts only when the token is not one of the
    :data:`GENERIC_WORDS`, and (unless the context is a ``label``, a word the article pins on the
    number) only when no other metric's name has it; ``runs=2`` asks for runs of two tokens or more.
    Every metric with the best score is returned (none when nothing scores).
    """
    words = tokens(context)
    where: dict[str, list[int]] = defaultdict(list)
    for i, word in enumerate(words):
        where[word].append(i)
    scored: list[tuple[Fraction, str]] = []
    for metric in vocab.metrics:
        if unit and metric.unit != unit:
            continue
        best = Fraction(0)
        for phrase in metric.phrases:
            run = _longest_run(phrase, words, where)
            if run >= max(2, runs) or (run == 1 == runs and _distinctive(phrase, where, vocab.spread, label)):
                best = max(best, Fraction(run, len(phrase)))
        if best > 0:
            scored.append((best, metric.metric_id))
    if not scored:
        return []
    top = max(score for score, _ in scored)
    return sorted(m for score, m in scored if score == top)


def _longest_run(phrase: tuple[str, ...], words: list[str], where: dict[str, list[int]]) -> int:
    best = 0
    for i, token in enumerate(phrase):
        for j in where.get(token, ()):
            n = 1
            while i + n < len(phrase) and j + n < len(words) and phrase[i + n] == words[j + n]:
                n += 1
            best = max(best, n)
    return best


def _distinctive(
    phrase: tuple[str, ...], where: dict[str, list[int]], spread: dict[str, int], label: bool
) -> bool:
    return any(
        t in where and t not in GENERIC_WORDS and not t[0].isdigit() and (label or spread.get(t, 0) <= 1)
        for t in phrase
    )
