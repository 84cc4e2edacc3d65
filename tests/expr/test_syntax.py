"""The claims language's tokens and syntax tree: tokenizing, printing, walking, round trips."""

from __future__ import annotations

from decimal import Decimal
from itertools import islice

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from claimtally.errors import ExpressionError
from claimtally.expr.parse import parse
from claimtally.expr.syntax import (
    RELOPS,
    RESERVED,
    Arith,
    BinOp,
    BoolOp,
    Call,
    Compare,
    Logic,
    Neg,
    Node,
    Num,
    Ref,
    children,
    names_in,
    relations,
    to_text,
    tokens,
    walk,
)


def kinds(text: str) -> list[tuple[str, str, int]]:
    """The tokens of ``text`` up to and including the end token."""
    out: list[tuple[str, str, int]] = []
    for tok in tokens(text):
        out.append((tok.kind, tok.text, tok.pos))
        if tok.kind == "end":
            return out
    raise AssertionError("unreachable")  # pragma: no cover


def test_tokens_classify_each_word_and_symbol() -> None:
    """Numbers, value ids, functions, and/or, operators, relations and punctuation each get a kind."""
    assert kinds("min(a_1, 2.5)<=-x and b") == [
        ("func", "min", 0),
        ("(", "(", 3),
        ("name", "a_1", 4),
        (",", ",", 7),
        ("num", "2.5", 9),
        (")", ")", 12),
        ("rel", "<=", 13),
        ("op", "-", 15),
        ("name", "x", 16),
        ("and", "and", 18),
        ("name", "b", 22),
        ("end", "", 23),
    ]


def test_tokens_mark_malformed_ids_for_the_parser() -> None:
    """An identifier that is not a value id (upper case, leading underscore) is a 'badname' token."""
    assert kinds("Art_X __x")[:2] == [("badname", "Art_X", 0), ("badname", "__x", 6)]


def test_tokens_are_produced_lazily() -> None:
    """Tokens before a bad character come out before the error, so errors appear in text order."""
    stream = tokens("a == $")
    assert [t.text for t in islice(stream, 2)] == ["a", "=="]
    with pytest.raises(ExpressionError, match="currency"):
        next(stream)


# ---- printing --------------------------------------------------------------------------------------


def ref(name: str) -> Ref:
    """A value id node."""
    return Ref(name)


def num(text: str) -> Num:
    """A literal node."""
    return Num(Decimal(text), text)


A, B, C = ref("a"), ref("b"), ref("c")


@pytest.mark.parametrize(
    ("tree", "text"),
    [
        (BinOp("-", A, BinOp("*", B, C)), "a - b * c"),
        (BinOp("*", BinOp("-", A, B), C), "(a - b) * c"),
        (BinOp("-", A, BinOp("-", B, C)), "a - (b - c)"),
        (BinOp("-", BinOp("-", A, B), C), "a - b - c"),
        (BinOp("/", A, BinOp("/", B, C)), "a / (b / c)"),
        (BinOp("-", Neg(A), Neg(B)), "-a - -b"),
        (Neg(BinOp("*", A, B)), "-(a * b)"),
        (BinOp("*", Neg(A), B), "-a * b"),
        (Neg(Neg(A)), "- -a"),
        (Call("min", (A, num("2.50"), Neg(C))), "min(a, 2.50, -c)"),
        (Call("abs", (BinOp("-", A, B),)), "abs(a - b)"),
    ],
)
def test_to_text_uses_only_the_parentheses_needed(tree: Arith, text: str) -> None:
    """to_text parenthesises exactly where precedence or left-associativity requires it."""
    assert to_text(tree) == text
    relation = parse(f"{text} == 0")
    assert isinstance(relation, Compare)
    assert relation.operands[0] == tree


@pytest.mark.parametrize(
    "text",
    [
        "a < b < c",
        "a == 1 and b == 2 or c == 3",
        "(a == 1 or b == 2) and c == 3",
        "(a == 1 and b == 2) and c == 3",
        "a == 1 or (b == 2 or c == 3)",
    ],
)
def test_to_text_keeps_the_grouping_of_and_or(text: str) -> None:
    """Nested and/or print with parentheses unless an 'and' sits inside an 'or'."""
    assert to_text(parse(text)) == text


def test_positions_are_ignored_by_equality() -> None:
    """Nodes at different positions compare equal, so re-parsed trees equal the originals."""
    assert Ref("a", 0) == Ref("a", 7)
    assert parse("a  ==   1") == parse("a == 1")


def test_names_in_lists_value_ids_in_order_of_first_appearance() -> None:
    """names_in returns each value id once, in the order the expression first uses it."""
    assert names_in(parse("b + a == a + min(c, b) or d < 1")) == ["b", "a", "c", "d"]


def test_relations_and_walk_visit_left_to_right() -> None:
    """relations yields each chain once in text order; walk visits parents before children."""
    tree = parse("a < b < c and (d == 1 or e == 2)")
    assert [to_text(r) for r in relations(tree)] == ["a < b < c", "d == 1", "e == 2"]
    assert [type(n).__name__ for n in walk(parse("-a == 1"))] == ["Compare", "Neg", "Ref", "Num"]


def test_walk_does_not_recurse() -> None:
    """walk handles a tree far deeper than Python's recursion limit."""
    tree: Arith = A
    for _ in range(5000):
        tree = Neg(tree)
    assert sum(1 for _ in walk(tree)) == 5001
    assert names_in(tree) == ["a"]


# ---- round trip: generated trees print to text that parses back to them -----------------------------

NAMES = st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True).filter(lambda s: s not in RESERVED)
LITERALS = st.from_regex(r"[0-9]{1,4}(\.[0-9]{1,3})?", fullmatch=True)
LEAVES: st.SearchStrategy[Arith] = st.one_of(NAMES.map(Ref), LITERALS.map(num))


def _grow(children: st.SearchStrategy[Arith]) -> st.SearchStrategy[Arith]:
    return st.one_of(
        children.map(Neg),
        st.builds(BinOp, st.sampled_from(["+", "-", "*", "/"]), children, children),
        st.builds(
            lambda f, a: Call(f, tuple(a)),
            st.sampled_from(["min", "max"]),
            st.lists(children, min_size=2, max_size=3),
        ),
        children.map(lambda a: Call("abs", (a,))),
    )


ARITH = st.recursive(LEAVES, _grow, max_leaves=8)
COMPARES = st.builds(
    lambda first, rest: Compare((first, *(r[1] for r in rest)), tuple(r[0] for r in rest)),
    ARITH,
    st.lists(st.tuples(st.sampled_from(RELOPS), ARITH), min_size=1, max_size=3),
)
LOGIC: st.SearchStrategy[Logic] = st.recursive(
    COMPARES,
    lambda parts: st.builds(
        lambda op, ps: BoolOp(op, tuple(ps)),
        st.sampled_from(["and", "or"]),
        st.lists(parts, min_size=2, max_size=3),
    ),
    max_leaves=4,
)


def height(node: Node) -> int:
    """Levels of the tree: 1 for a leaf."""
    return 1 + max((height(c) for c in children(node)), default=0)


@settings(max_examples=200)
@given(LOGIC)
def test_to_text_round_trips_through_parse(tree: Logic) -> None:
    """For any tree, parse(to_text(tree)) == tree, and printing again gives the same text."""
    assume(height(tree) <= 20)  # printed, each level adds at most a pair of parentheses: within 50
    text = to_text(tree)
    again = parse(text, max_length=100_000)
    assert again == tree
    assert to_text(again) == text


@settings(max_examples=200)
@given(LOGIC)
def test_relations_are_the_relation_nodes_of_a_walk(tree: Logic) -> None:
    """relations, which walks only the and/or above the relations, finds what a full walk finds."""
    assert list(relations(tree)) == [n for n in walk(tree) if isinstance(n, Compare)]


def test_nested_minus_prints_without_parentheses_so_depth_does_not_grow() -> None:
    """A chain of unary minuses found by the atheris fuzzer round-trips within the depth limit."""
    from claimtally.expr.parse import parse

    text = "-" * 36 + "2 > 6 - - - - -1"
    tree = parse(text)
    assert tree == parse(to_text(tree))
