"""The syntax of the claims language (contract §3): its tokens, its tree, and printing and walking trees.

:func:`tokens` reads the text lazily, so problems come out in the order they appear, each an
:class:`~claimtally.errors.ExpressionError` saying what was found at which character and what to write
instead. :func:`claimtally.expr.parse.parse` builds trees from the tokens; the checker evaluates them.
Nodes are frozen dataclasses. Each has a ``pos``, the 0-based offset in the expression where its text starts
(for a parenthesised part, where the text inside the parentheses starts); ``pos`` is left out of
equality, so a tree printed by :func:`to_text` parses back to an equal tree. Walking is iterative, so
no tree, however deep, reaches Python's recursion limit there; :func:`to_text` recurses, which the
parser's depth limit keeps safe for parsed trees.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, TypeAlias, cast

from claimtally.errors import ExpressionError

RELOPS = ("==", "!=", "<", "<=", ">", ">=")
FUNCTIONS = ("min", "max", "abs")
RESERVED = ("and", "or", *FUNCTIONS)
BinaryOp: TypeAlias = Literal["+", "-", "*", "/"]
Function: TypeAlias = Literal["min", "max", "abs"]


@dataclass(frozen=True)
class Num:
    """A decimal literal, exact as written (never negative: ``-5`` is ``Neg(Num(5))``)."""

    value: Decimal
    text: str
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Ref:
    """A value id."""

    name: str
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Neg:
    """Unary minus."""

    operand: Arith
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class BinOp:
    """``left op right`` for one of ``+ - * /``."""

    op: BinaryOp
    left: Arith
    right: Arith
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Call:
    """``min(…)``, ``max(…)`` or ``abs(…)``."""

    func: Function
    args: tuple[Arith, ...]
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Compare:
    """A relation or a chain of them: ``operands[i] ops[i] operands[i + 1]`` for every i, all holding."""

    operands: tuple[Arith, ...]
    ops: tuple[str, ...]
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class BoolOp:
    """Relations joined by ``and`` or ``or``."""

    op: Literal["and", "or"]
    parts: tuple[Logic, ...]
    pos: int = field(default=0, compare=False)


Arith: TypeAlias = Num | Ref | Neg | BinOp | Call
Logic: TypeAlias = Compare | BoolOp
Node: TypeAlias = Arith | Logic

# ---- tokens ---------------------------------------------------------------------------------------

# One alternative per token kind, tried in order. "bad" catches operators of other languages before
# '*', '/', '<' or '=' could be read alone; numbers and words are checked further below.
_TOKEN = re.compile(
    r"(?P<bad>\*\*|//|<>|=<|=>)|(?P<num>[0-9]+(?:\.[0-9]+)?)|(?P<word>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<rel>==|!=|<=|>=|<|>)|(?P<op>[-+*/])|(?P<punct>[(),])"
)
VALUE_ID = re.compile(r"[a-z][a-z0-9_]*")
_RUN = re.compile(r"[0-9A-Za-z_.]+")  # what a number ran into, for the message
_BAD = {"**": "powers are not part of the claims language", "//": "divide with /", "<>": "write !=",
        "=<": "write <=", "=>": "write >="}  # fmt: skip
_HINTS = {  # characters outside the language that have a likely intent
    "=": "use == to compare (or <=, >=)",
    "!": "use != for 'not equal'; there is no 'not'",
    "'\"": "strings are not part of the claims language",
    "[]{}": "group with ( ); indexing is not part of the claims language",
    "%": "write a percent as its number (20), not 20%",
    "^": "powers are not part of the claims language",
    "&|": "join relations with 'and' or 'or'",
    "$€£": "leave out currency signs",
    "#": "comments are not part of an expression; put them in the claim's notes",
    "\n\r": "write the expression on one line",
    "−–—": "write minus as an ASCII '-'",
    "×·": "write multiplication as '*'",
    "÷": "write division as '/'",
    "≤": "write <=",
    "≥": "write >=",
    "≠": "write !=",
}
_LANGUAGE = "value ids, decimal numbers, + - * /, ( ), min, max, abs, == != < <= > >=, and, or"

TokenKind = Literal["num", "name", "badname", "func", "and", "or", "op", "rel", "(", ")", ",", "end"]


@dataclass(frozen=True)
class Token:
    """A token: its kind, its text and its 0-based offset."""

    kind: TokenKind
    text: str
    pos: int


def at_char(pos: int) -> str:
    """``at character N``, 1-based, for messages."""
    return f"at character {pos + 1}"


def describe(tok: Token) -> str:
    """A token quoted for a message."""
    if tok.kind == "end":
        return "the end of the expression"
    return repr(tok.text) if len(tok.text) <= 30 else repr(tok.text[:30]) + "…"


def _char_hint(text: str, i: int) -> str:
    char = text[i]
    if char == ".":
        if i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_"):
            return "attribute access is not part of the claims language; a value id is one word"
        return "a decimal point needs digits on both sides (write 0.5, not .5)"
    hint = next((h for chars, h in _HINTS.items() if char in chars), None)
    if hint is None and (char.isalpha() or char.isdigit()):
        hint = "value ids and numbers use ASCII letters and digits only"
    return hint or f"it is not part of the claims language, which has {_LANGUAGE}"


def _number_error(text: str, start: int, number: str) -> ExpressionError:
    """A number that runs into a '.', an exponent, a K/M/B suffix or letters."""
    run = _RUN.match(text, start)
    word = run.group() if run else number
    tail = word[len(number) :]
    if "." in tail:
        hint = "a decimal number has one '.' with digits on both sides (write 5.0, not 5.)"
    elif re.fullmatch(r"[eE][0-9]*", tail):
        hint = "exponent notation is not part of the claims language; write the digits out"
    elif tail in ("K", "M", "B", "k", "m", "b"):
        hint = "literals are exact numbers without a K, M or B suffix; write 2000 for 2K"
    else:
        hint = "a number cannot run into letters; put an operator between them"
    shown = repr(word) if len(word) <= 30 else repr(word[:30]) + "…"
    return ExpressionError(f"found {shown} {at_char(start)}: {hint}", position=start)


def tokens(text: str) -> Iterator[Token]:
    """Tokens on demand, so that errors come out in the order they appear in the text."""
    i = 0
    while True:
        while i < len(text) and text[i] in " \t":
            i += 1
        if i == len(text):
            while True:
                yield Token("end", "", i)
        match = _TOKEN.match(text, i)
        if match is None:
            msg = f"found {text[i]!r} {at_char(i)}: {_char_hint(text, i)}"
            raise ExpressionError(msg, position=i)
        kind, word, i = match.lastgroup, match.group(), match.end()
        if kind == "bad":
            msg = f"found {word!r} {at_char(match.start())}: {_BAD[word]}"
            raise ExpressionError(msg, position=match.start())
        if kind == "num" and i < len(text) and (text[i].isalnum() or text[i] in "_."):
            raise _number_error(text, match.start(), word)
        if kind == "word":
            kind = word if word in ("and", "or") else "func" if word in FUNCTIONS else "name"
            if kind == "name" and not VALUE_ID.fullmatch(word):
                kind = "badname"  # reported by the parser, which knows whether a '(' follows
        elif kind == "punct":
            kind = word
        yield Token(cast(TokenKind, kind), word, match.start())


# ---- printing and walking ----------------------------------------------------------------------

_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}


def to_text(node: Node) -> str:
    """Print a tree as an expression that parses back to an equal tree, with only the parentheses
    its structure needs (operators are left-associative, so a right operand of equal rank needs them)."""
    if isinstance(node, Num):
        return node.text
    if isinstance(node, Ref):
        return node.name
    if isinstance(node, Neg):
        inner = to_text(node.operand)
        # No parentheses around a nested minus: they would nest the printed text deeper than the tree.
        if isinstance(node.operand, BinOp):
            return f"-({inner})"
        return f"- {inner}" if isinstance(node.operand, Neg) else f"-{inner}"
    if isinstance(node, BinOp):
        rank = _PRECEDENCE[node.op]
        left, right = to_text(node.left), to_text(node.right)
        if isinstance(node.left, BinOp) and _PRECEDENCE[node.left.op] < rank:
            left = f"({left})"
        if isinstance(node.right, BinOp) and _PRECEDENCE[node.right.op] <= rank:
            right = f"({right})"
        return f"{left} {node.op} {right}"
    if isinstance(node, Call):
        return f"{node.func}({', '.join(to_text(a) for a in node.args)})"
    if isinstance(node, Compare):
        words = [to_text(node.operands[0])]
        for op, operand in zip(node.ops, node.operands[1:], strict=True):
            words += [op, to_text(operand)]
        return " ".join(words)
    # A nested and/or keeps its parentheses, except an 'and' inside an 'or', which binds tighter anyway.
    texts = [
        f"({to_text(p)})" if isinstance(p, BoolOp) and (p.op == node.op or node.op == "and") else to_text(p)
        for p in node.parts
    ]
    return f" {node.op} ".join(texts)


def children(node: Node) -> tuple[Node, ...]:
    """A node's direct subtrees, left to right."""
    if isinstance(node, Neg):
        return (node.operand,)
    if isinstance(node, BinOp):
        return (node.left, node.right)
    if isinstance(node, Call):
        return node.args
    if isinstance(node, Compare):
        return node.operands
    if isinstance(node, BoolOp):
        return node.parts
    return ()


def walk(node: Node) -> Iterator[Node]:
    """Every node of a tree, parents before children, left to right (without recursion)."""
    stack: list[Node] = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(children(current)))


def names_in(node: Node) -> list[str]:
    """The value ids a tree uses, in order of first appearance."""
    return list(dict.fromkeys(n.name for n in walk(node) if isinstance(n, Ref)))


def relations(node: Node) -> Iterator[Compare]:
    """The relations of a tree (each chain once), left to right: a relation's operands hold none, so
    only the and/or above them is walked."""
    if isinstance(node, Compare):
        yield node
    elif isinstance(node, BoolOp):
        for part in node.parts:
            yield from relations(part)
    else:
        yield from (n for n in walk(node) if isinstance(n, Compare))
