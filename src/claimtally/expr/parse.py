"""The claims language (contract §3): a whitelist tokenizer and parser, never ``eval``.

>>> tree = parse("price_new / price_old == 2")
>>> names_in(tree), to_text(tree)
(['price_new', 'price_old'], 'price_new / price_old == 2')
>>> parse("a >== 2")
Traceback (most recent call last):
claimtally.errors.ExpressionError: found '=' at character 5: use == to compare (or <=, >=)

A claim's expression relates numbers::

    claim    := disj
    disj     := conj ('or' conj)*
    conj     := relation ('and' relation)*
    relation := arith (relop arith)*          a chain: a < b < c means a < b and b < c
    relop    := '==' | '!=' | '<' | '<=' | '>' | '>='
    arith    := term (('+' | '-') term)*
    term     := factor (('*' | '/') factor)*
    factor   := '-' factor | atom
    atom     := NUMBER | NAME | FUNC '(' arith (',' arith)* ')' | '(' disj ')'

``NUMBER`` is ``[0-9]+(\\.[0-9]+)?`` (an exact literal: no sign, exponent or K/M/B), ``NAME`` a value id
``[a-z][a-z0-9_]*``, ``FUNC`` one of ``min``, ``max`` (two or more arguments) and ``abs`` (one);
``and``, ``or``, ``min``, ``max`` and ``abs`` are reserved. Tokens are separated by spaces or tabs.
Parentheses may wrap a relation or a whole ``and``/``or`` part wherever a relation is expected, as in
``(a == 1) or (b == 2)``; a relation is never an operand of arithmetic, of a comparison or of a function.
The whole expression must compare: ``a + b`` alone is not a claim.

The tokenizer (:func:`claimtally.expr.syntax.tokens`) and this recursive-descent parser are written by hand;
nothing uses ``eval``, ``exec``, ``compile`` or the ``ast`` module. Input is bounded by ``max_length``
characters and ``max_depth`` levels of nesting (every parenthesis, unary minus, function call, operator
and relation on the path to the deepest number counts one level), checked before each recursion, so no
input string reaches Python's recursion limit. Every problem raises
:class:`~claimtally.errors.ExpressionError` with a one-line message naming the 1-based character and
what to do; its ``position`` is the 0-based offset.

The syntax tree (:mod:`claimtally.expr.syntax`) is re-exported here with :func:`to_text` and
:func:`names_in`, so ``expr`` is the one module the checker needs; ``parse(to_text(tree)) == tree``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from collections.abc import Set as AbstractSet
from decimal import Decimal
from typing import Literal, cast

from claimtally.errors import ExpressionError
from claimtally.expr.syntax import (
    FUNCTIONS,
    RELOPS,
    RESERVED,
    VALUE_ID,
    Arith,
    BinaryOp,
    BinOp,
    BoolOp,
    Call,
    Compare,
    Function,
    Logic,
    Neg,
    Node,
    Num,
    Ref,
    Token,
    TokenKind,
    at_char,
    children,
    describe,
    names_in,
    relations,
    to_text,
    tokens,
    walk,
)
from claimtally.limits import DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH

__all__ = [
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_MAX_LENGTH",
    "FUNCTIONS",
    "RELOPS",
    "RESERVED",
    "Arith",
    "BinOp",
    "BinaryOp",
    "BoolOp",
    "Call",
    "Compare",
    "Function",
    "Logic",
    "Neg",
    "Node",
    "Num",
    "Ref",
    "children",
    "names_in",
    "parse",
    "relations",
    "to_text",
    "walk",
]


# ---- parser ------------------------------------------------------------------------------------

_PAREN_NEXT = re.compile(r"[ \t]*\(")


def _suggest(name: str, names: Collection[str]) -> str | None:
    """The value id closest to ``name``, ignoring case, or None."""
    by_lower = {n.lower(): n for n in sorted(names)}
    close = difflib.get_close_matches(name.lower(), list(by_lower), n=1, cutoff=0.6)
    return by_lower.get(name.lower()) or (by_lower[close[0]] if close else None)


def _too_deep(max_depth: int, pos: int | None) -> ExpressionError:
    where = "" if pos is None else f" {at_char(pos)}"
    return ExpressionError(
        f"the expression nests deeper than the limit of {max_depth} levels{where}; simplify it, or raise "
        "the limit with the max_depth option (--max-expression-depth)",
        position=pos,
    )


class _Parser:
    """Recursive descent; each parse method returns a node and its height (levels of nesting)."""

    def __init__(self, text: str, names: Collection[str] | None, max_depth: int) -> None:
        self.text, self.tokens, self.max_depth = text, tokens(text), max_depth
        # a set the caller already built (or a dict's keys) is used as it is: copying 100k ids per
        # claim is quadratic
        self.names = names if names is None or isinstance(names, AbstractSet) else frozenset(names)
        self.level = 0  # open parentheses, unary minuses and calls: bounds the recursion
        self.tok = next(self.tokens)

    def at(self, *kinds: TokenKind) -> bool:
        """Whether the current token is of one of ``kinds`` (a method, so that mypy does not narrow)."""
        return self.tok.kind in kinds

    def advance(self) -> Token:
        tok, self.tok = self.tok, next(self.tokens)
        return tok

    def node(self, node: Node, height: int, pos: int) -> tuple[Node, int]:
        if height > self.max_depth:
            raise _too_deep(self.max_depth, pos)
        return node, height

    def enter(self, pos: int) -> None:
        """Count a nesting level before recursing into it, so deep input fails fast and shallow."""
        self.level += 1
        if self.level >= self.max_depth:  # the node this level opens will be higher than the limit
            raise _too_deep(self.max_depth, pos)

    def need_logic(self, node: Node, joiner: str) -> Logic:
        if isinstance(node, Compare | BoolOp):
            return node
        msg = (
            f"expected a comparison (== != < <= > >=) {at_char(self.tok.pos)}, found {describe(self.tok)}: "
            f"each side of '{joiner}' must compare two numbers"
        )
        raise ExpressionError(msg, position=self.tok.pos)

    def need_arith(self, node: Node, role: str) -> Arith:
        if not isinstance(node, Compare | BoolOp):
            return node
        msg = (
            f"the comparison {at_char(node.pos)} is {role}, but a comparison is true or false, not a number; "
            "chain relations as a < b < c and join them with and/or"
        )
        raise ExpressionError(msg, position=node.pos)

    def parse_bool(self, joiner: Literal["and", "or"]) -> tuple[Node, int]:
        """``disj`` (joiner 'or', parts are ``conj``) and ``conj`` (joiner 'and', parts are relations)."""
        part, height = self.parse_bool("and") if joiner == "or" else self.parse_relation()
        if not self.at(joiner):
            return part, height
        parts = [self.need_logic(part, joiner)]
        while self.at(joiner):
            self.advance()
            part, h = self.parse_bool("and") if joiner == "or" else self.parse_relation()
            parts.append(self.need_logic(part, joiner))
            height = max(height, h)
        return self.node(BoolOp(joiner, tuple(parts), parts[0].pos), height + 1, parts[0].pos)

    def parse_relation(self) -> tuple[Node, int]:
        first, height = self.parse_arith()
        if not self.at("rel"):
            return first, height  # arithmetic: the caller decides whether a comparison was needed
        operands = [self.need_arith(first, f"compared by {self.tok.text!r}")]
        ops: list[str] = []
        while self.at("rel"):
            op = self.advance()
            operand, h = self.parse_arith()
            operands.append(self.need_arith(operand, f"compared by {op.text!r}"))
            ops.append(op.text)
            height = max(height, h)
        return self.node(Compare(tuple(operands), tuple(ops), first.pos), height + 1, first.pos)

    def parse_arith(self, ops: str = "+-") -> tuple[Node, int]:
        """``arith`` (ops '+-', operands are terms) and ``term`` (ops '*/', operands are factors)."""
        left, height = self.parse_arith("*/") if ops == "+-" else self.parse_factor()
        while self.at("op") and self.tok.text in ops:
            role = f"an operand of {self.tok.text!r}"
            lhs = self.need_arith(left, role)  # before advancing: errors in text order
            op = self.advance()
            right, h = self.parse_arith("*/") if ops == "+-" else self.parse_factor()
            binop = BinOp(cast(BinaryOp, op.text), lhs, self.need_arith(right, role), lhs.pos)
            left, height = self.node(binop, max(height, h) + 1, op.pos)
        return left, height

    def parse_factor(self) -> tuple[Node, int]:
        if not (self.at("op") and self.tok.text == "-"):
            return self.parse_atom()
        minus = self.advance()
        self.enter(minus.pos)
        operand, height = self.parse_factor()
        self.level -= 1
        negated = Neg(self.need_arith(operand, "negated"), minus.pos)
        return self.node(negated, height + 1, minus.pos)

    def parse_atom(self) -> tuple[Node, int]:
        tok = self.tok
        if tok.kind == "num":
            self.advance()
            return Num(Decimal(tok.text), tok.text, tok.pos), 1
        if tok.kind in ("name", "badname"):
            self.check_name(tok)
            self.advance()
            return Ref(tok.text, tok.pos), 1
        if tok.kind == "func":
            return self.parse_call()
        if tok.kind != "(":
            plus = " (there is no unary plus)" if tok.text == "+" else ""
            found = f"found {describe(tok)}{plus}"
            msg = f"expected a number, value id, min, max, abs or '(' {at_char(tok.pos)}, {found}"
            raise ExpressionError(msg, position=tok.pos)
        self.advance()
        self.enter(tok.pos)
        inner, height = self.parse_bool("or")
        self.level -= 1
        if not self.at(")"):
            found = f"found {describe(self.tok)}"
            msg = f"expected ')' {at_char(self.tok.pos)} to close the '(' {at_char(tok.pos)}, {found}"
            raise ExpressionError(msg, position=self.tok.pos)
        self.advance()
        return self.node(inner, height + 1, tok.pos)

    def check_name(self, tok: Token) -> None:
        """Reject a call of an unknown function, a malformed id and an id not in ``names``."""
        if _PAREN_NEXT.match(self.text, tok.pos + len(tok.text)):
            msg = (
                f"{tok.text!r} {at_char(tok.pos)} is not a function: the only functions are min, max and abs"
            )
            raise ExpressionError(msg, position=tok.pos)
        if tok.kind == "name" and (self.names is None or tok.text in self.names):
            return
        guess = tok.text.lower() if VALUE_ID.fullmatch(tok.text.lower()) else None
        if self.names is not None:
            guess = _suggest(tok.text, self.names)
        what = (
            "a value id of this package"
            if tok.kind == "name"
            else "a value id (lower-case letters, digits, _)"
        )
        hint = f"did you mean {guess}?" if guess else "check the value_id column of the values table"
        msg = f"{tok.text!r} {at_char(tok.pos)} is not {what}: {hint}"
        raise ExpressionError(msg, position=tok.pos)

    def parse_call(self) -> tuple[Node, int]:
        func = self.advance()
        if not self.at("("):
            msg = f"expected '(' after {func.text} {at_char(self.tok.pos)}, found {describe(self.tok)}"
            raise ExpressionError(msg, position=self.tok.pos)
        self.advance()
        self.enter(func.pos)
        args: list[Arith] = []
        height = 0
        while not (self.at(")") and not args):  # no arguments at all: the count check below says so
            arg, h = self.parse_arith()
            args.append(self.need_arith(arg, f"an argument of {func.text}"))
            height = max(height, h)
            if not self.at(","):
                break
            self.advance()
        if not self.at(")"):
            found = f"found {describe(self.tok)}"
            msg = f"expected ',' or ')' {at_char(self.tok.pos)} in {func.text}(…), {found}"
            raise ExpressionError(msg, position=self.tok.pos)
        self.advance()
        self.level -= 1
        if (len(args) != 1) if func.text == "abs" else (len(args) < 2):
            wanted = "exactly one argument" if func.text == "abs" else "two or more arguments"
            msg = f"{func.text} {at_char(func.pos)} takes {wanted}, found {len(args) or 'none'}"
            raise ExpressionError(msg, position=func.pos)
        call = Call(cast(Function, func.text), tuple(args), func.pos)
        return self.node(call, height + 1, func.pos)


def parse(
    text: str,
    *,
    names: Collection[str] | None = None,
    max_length: int = DEFAULT_MAX_LENGTH,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Logic:
    """Parse a claim expression into its syntax tree.

    Args:
        text: The expression.
        names: The value ids the expression may use; None accepts any well-formed id.
        max_length: Most characters accepted (``--max-expression-length``).
        max_depth: Most levels of nesting accepted (``--max-expression-depth``).

    Returns:
        A :class:`Compare` or a :class:`BoolOp` of them.

    Raises:
        ExpressionError: the text is outside the claims language, over a limit, or names an unknown
            value id; ``position`` is the 0-based offset of the problem.
    """
    if len(text) > max_length:
        msg = (
            f"the expression is {len(text)} characters long, over the limit of {max_length}; shorten it, or "
            "raise the limit with the max_length option (--max-expression-length)"
        )
        raise ExpressionError(msg, position=max_length)
    if not text.strip(" \t"):
        msg = "the expression is empty: write a relation such as a / b == 2"
        raise ExpressionError(msg, position=0)
    parser = _Parser(text, names, max_depth)
    try:
        tree, _height = parser.parse_bool("or")
    except RecursionError:  # only when a caller sets max_depth beyond what Python's stack holds
        raise _too_deep(max_depth, None) from None
    tok = parser.tok
    if tok.kind == ")":
        msg = f"unmatched ')' {at_char(tok.pos)}: remove it or add the '(' it closes"
    elif tok.kind != "end":
        expected = "an operator, a comparison, 'and', 'or' or the end"
        msg = f"found {describe(tok)} {at_char(tok.pos)}, where {expected} of the expression belongs"
    elif not isinstance(tree, Compare | BoolOp):
        msg = f"expected a comparison (== != < <= > >=) {at_char(tok.pos)}: a claim must compare (a / b == 2)"
    else:
        return tree
    raise ExpressionError(msg, position=tok.pos)
