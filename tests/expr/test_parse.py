"""Parsing claim expressions: the language, precedence, limits and every way out of the language."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtally.errors import ClaimtallyError, ExpressionError
from claimtally.expr.parse import (
    BinOp,
    BoolOp,
    Call,
    Compare,
    Neg,
    Num,
    Ref,
    names_in,
    parse,
    to_text,
)


def num(text: str) -> Num:
    """A literal node."""
    return Num(Decimal(text), text)


def error(text: str, **options: object) -> ExpressionError:
    """The ExpressionError that parsing ``text`` raises."""
    with pytest.raises(ExpressionError) as caught:
        parse(text, **options)  # type: ignore[arg-type]
    assert "\n" not in caught.value.message
    return caught.value


A, B, C = Ref("a"), Ref("b"), Ref("c")

CONTRACT_EXAMPLES = [
    "art_price_out_gpt55 / art_price_out_gpt54 == 2",
    "art_price_in_gpt55 / art_price_in_gpt54 == 2",
    "2 * (1 + art_tokens_change_gpt55 / 100) - 1 == art_net_cost_change_gpt55 / 100",
    "art_aa_gpt55 - art_aa_opus47 == 3",
    "art_cost_gemini31 < art_cost_gpt55 < art_cost_opus47",
]


@pytest.mark.parametrize("text", CONTRACT_EXAMPLES)
def test_contract_examples_parse_and_print_back(text: str) -> None:
    """The five example expressions of the data contract parse, and print back as written."""
    assert to_text(parse(text)) == text


def test_contract_example_tree_is_as_expected() -> None:
    """2 * (1 + t / 100) - 1 == n / 100 groups as the arithmetic says."""
    tree = parse("2 * (1 + t / 100) - 1 == n / 100")
    left = BinOp("-", BinOp("*", num("2"), BinOp("+", num("1"), BinOp("/", Ref("t"), num("100")))), num("1"))
    assert tree == Compare((left, BinOp("/", Ref("n"), num("100"))), ("==",))


def test_chain_keeps_every_operand_and_operator() -> None:
    """a < b <= c is one chain of two relations."""
    assert parse("a < b <= c") == Compare((A, B, C), ("<", "<="))


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("a - b * c == 0", BinOp("-", A, BinOp("*", B, C))),
        ("-a - -b == 0", BinOp("-", Neg(A), Neg(B))),
        ("a - b - c == 0", BinOp("-", BinOp("-", A, B), C)),
        ("a / b / c == 0", BinOp("/", BinOp("/", A, B), C)),
        ("-a * b == 0", BinOp("*", Neg(A), B)),
        ("-(a * b) == 0", Neg(BinOp("*", A, B))),
        ("((a)) == 0", A),
        (
            "abs(-a) + max(a, b, 1.50) == 0",
            BinOp("+", Call("abs", (Neg(A),)), Call("max", (A, B, num("1.50")))),
        ),
    ],
)
def test_precedence_and_associativity(text: str, left: object) -> None:
    """* and / bind tighter than + and -, unary minus tighter still, and operators group to the left."""
    tree = parse(text)
    assert isinstance(tree, Compare)
    assert tree.operands[0] == left


def test_and_binds_tighter_than_or() -> None:
    """a and b or c is (a and b) or c."""
    x, y, z = (Compare((Ref(n), num("1")), ("==",)) for n in "xyz")
    assert parse("x == 1 and y == 1 or z == 1") == BoolOp("or", (BoolOp("and", (x, y)), z))
    assert parse("x == 1 and (y == 1 or z == 1)") == BoolOp("and", (x, BoolOp("or", (y, z))))


def test_parentheses_may_wrap_relations() -> None:
    """(a == 1) or (b == 2) is the same claim as a == 1 or b == 2."""
    assert parse("(a == 1) or ((b == 2))") == parse("a == 1 or b == 2")


def test_literals_are_exact_decimals() -> None:
    """A literal keeps its digits: 0.10 is Decimal('0.10'), never a float."""
    tree = parse("a == 0.10")
    assert isinstance(tree, Compare)
    literal = tree.operands[1]
    assert isinstance(literal, Num) and literal.text == "0.10" and isinstance(literal.value, Decimal)


def test_nodes_know_where_they_start() -> None:
    """Each node's pos is the 0-based offset of its text."""
    tree = parse("a + bb == -1")
    assert isinstance(tree, Compare)
    total, negated = tree.operands
    assert isinstance(total, BinOp) and isinstance(negated, Neg)
    assert (tree.pos, total.pos, total.right.pos, negated.pos, negated.operand.pos) == (0, 0, 4, 10, 11)


@pytest.mark.parametrize(
    ("text", "position", "fragment"),
    [
        ("__import__('os')", 0, "only functions are min, max and abs"),
        ("art.x == 1", 3, "attribute access"),
        ("a[0] == 1", 1, "indexing"),
        ("lambda: 1", 6, "':' at character 7"),
        ("f(x) == 1", 0, "'f' at character 1 is not a function"),
        ("1 if a else b", 2, "found 'if' at character 3"),
        ("a = b", 2, "use == to compare"),
        ("1e5 == a", 0, "exponent notation"),
        ("a == 1E-5", 5, "exponent notation"),
        ("a ** 2 == 1", 2, "powers"),
        ("a // 2 == 1", 2, "divide with /"),
        ("a <> b", 2, "write !="),
        ("a =< b", 2, "write <="),
        ("'str' == a", 0, "strings"),
        ('a == "1"', 5, "strings"),
        ("(a == 1", 7, "expected ')' at character 8 to close the '(' at character 1"),
        ("a == 1)", 6, "unmatched ')'"),
        ("a == 1 b", 7, "found 'b' at character 8"),
        ("", 0, "empty"),
        (" \t ", 0, "empty"),
        ("a + b", 5, "a claim must compare"),
        ("a", 1, "a claim must compare"),
        ("a and b == 1", 2, "each side of 'and' must compare"),
        ("a == 1 or b", 11, "each side of 'or' must compare"),
        ("abs(a, b) == 1", 0, "abs at character 1 takes exactly one argument, found 2"),
        ("abs() == 1", 0, "takes exactly one argument, found none"),
        ("min(a) == 1", 0, "min at character 1 takes two or more arguments, found 1"),
        ("max() == 1", 0, "two or more arguments, found none"),
        ("min(a,) == 1", 6, "found ')'"),
        ("min(a b) == 1", 6, "expected ',' or ')'"),
        ("min == 1", 4, "expected '(' after min"),
        ("a == 2K", 5, "without a K, M or B suffix"),
        ("a == 5.", 5, "digits on both sides"),
        ("a == 5.30.1", 5, "one '.'"),
        ("a == .5", 5, "write 0.5"),
        ("+5 == a", 0, "no unary plus"),
        ("a == 1 # note", 7, "comments"),
        ("a\n== 1", 1, "one line"),
        ("a − b == 1", 2, "ASCII '-'"),
        ("a ≤ b", 2, "write <="),
        ("a == 20%", 7, "20%"),
        ("a == $5", 5, "currency"),
        ("a & b", 2, "and"),
        ("(a == 1) + 2 == 3", 1, "is an operand of '+'"),
        ("-(a == 1) == 2", 2, "is negated"),
        ("a == (b == 1)", 6, "is compared by '=='"),
        ("(a < b) < c", 1, "chain relations as a < b < c"),
        ("min((a == 1), b) == 1", 5, "is an argument of min"),
        ("and == 1", 0, "found 'and'"),
        ("é == 1", 0, "ASCII"),
        ("a\x00", 1, "not part of the claims language"),
    ],
)
def test_text_outside_the_language_is_refused_where_it_goes_wrong(
    text: str, position: int, fragment: str
) -> None:
    """Each way out of the language raises ExpressionError at its 0-based position, saying what to do."""
    problem = error(text)
    assert problem.position == position
    assert fragment in problem.message
    if text.strip(" \t"):
        assert f"character {position + 1}" in problem.message


def test_expression_error_is_a_claimtally_error() -> None:
    """An expression outside the language is bad input: a ClaimtallyError."""
    with pytest.raises(ClaimtallyError):
        parse("a = 1")


def test_unknown_value_id_suggests_the_closest_one() -> None:
    """With names given, a misspelt id gets a did-you-mean with the closest known id."""
    names = {"art_x", "art_price_in", "art_price_out"}
    assert parse("art_x == art_price_in", names=names) == Compare(
        (Ref("art_x"), Ref("art_price_in")), ("==",)
    )
    misspelt = error("art_x == art_pricein", names=names)
    assert misspelt.position == 9 and "did you mean art_price_in?" in misspelt.message
    capital = error("Art_X == 1", names=names)
    assert capital.position == 0 and "did you mean art_x?" in capital.message


def test_unknown_value_id_without_a_close_match_says_where_to_look() -> None:
    """An id nothing like the known ones points the reader at the values table."""
    problem = error("zebra == 1", names={"art_x"})
    assert "'zebra' at character 1 is not a value id of this package" in problem.message
    assert "value_id column" in problem.message


def test_upper_case_id_is_never_a_value_id() -> None:
    """Without names, an upper-case id is still refused, suggesting its lower-case form."""
    assert "did you mean art_x?" in error("Art_X == 1").message


def test_names_in_follows_the_text() -> None:
    """names_in of a parsed claim lists its value ids in order of first use."""
    assert names_in(parse(CONTRACT_EXAMPLES[2])) == ["art_tokens_change_gpt55", "art_net_cost_change_gpt55"]


# ---- limits -----------------------------------------------------------------------------------------


def test_a_long_expression_is_refused_quickly_with_the_limit_named() -> None:
    """A 1 MB expression is refused at once, the message naming the limit and how to raise it."""
    start = time.perf_counter()
    problem = error("a + " * 250_000 + "a == 1")
    assert time.perf_counter() - start < 1
    assert problem.position == 2000
    assert "limit of 2000" in problem.message and "max_length" in problem.message
    assert "--max-expression-length" in problem.message


def test_deep_parentheses_are_refused_quickly_without_recursion_error() -> None:
    """10,000 nested parentheses hit the length limit, and with it raised, the depth limit at the 50th."""
    text = "(" * 10_000 + "a" + ")" * 10_000 + " == 1"
    assert "limit of 2000" in error(text).message
    start = time.perf_counter()
    problem = error(text, max_length=10**6)
    assert time.perf_counter() - start < 1
    assert problem.position == 49
    assert "limit of 50 levels" in problem.message and "--max-expression-depth" in problem.message


def test_many_unary_minuses_hit_the_depth_limit() -> None:
    """100,000 unary minuses are refused at the depth limit, not by Python's recursion limit."""
    problem = error("-" * 100_000 + "a == 1", max_length=10**6)
    assert problem.position == 49 and "max_depth" in problem.message


def test_long_operator_chains_count_as_depth() -> None:
    """A sum of hundreds of terms nests one level per operator, so it meets the depth limit too."""
    problem = error("a + " * 400 + "a == 1", max_length=10**6)
    assert "nests deeper" in problem.message


def test_lifting_the_depth_limit_beyond_the_stack_still_gives_expression_error() -> None:
    """With max_depth set beyond what Python's stack holds, deep input still raises ExpressionError."""
    problem = error("(" * 5_000 + "a" + ")" * 5_000 + " == 1", max_length=10**6, max_depth=10**6)
    assert "nests deeper" in problem.message


def test_depth_within_the_limit_parses() -> None:
    """Forty nested parentheses are within the default depth of 50."""
    assert parse("(" * 40 + "a" + ")" * 40 + " == 1") == Compare((A, num("1")), ("==",))


# ---- fuzzing: nothing but ExpressionError, whatever the input ----------------------------------------

SOUP = [
    "a", "b_1", "Art_X", "_x", "min", "max", "abs", "and", "or", "not", "if", "lambda", "0", "12", "3.5",
    "1e5", "2K", ".", "..", "+", "-", "*", "/", "**", "//", "==", "!=", "<", "<=", ">", ">=", "=", "<>",
    "(", ")", ",", "[", "]", "'", '"', ":", "%", "$", "#", "\\", "\n", "\t", " ", "−", "≤", "é", "\x00",
]  # fmt: skip


@settings(max_examples=200)
@given(st.lists(st.sampled_from(SOUP), max_size=30), st.sampled_from([" ", ""]), st.booleans())
def test_token_soup_raises_only_expression_error(parts: list[str], sep: str, with_names: bool) -> None:
    """Random sequences of tokens either parse into a claim or raise ExpressionError, nothing else."""
    text = sep.join(parts)
    try:
        tree = parse(text, names={"a", "b_1"} if with_names else None)
    except ExpressionError as problem:
        assert problem.position is None or 0 <= problem.position <= len(text)
    else:
        assert isinstance(tree, Compare | BoolOp)
        assert parse(to_text(tree)) == tree


@settings(max_examples=200)
@given(st.text(max_size=200))
def test_random_text_raises_only_expression_error(text: str) -> None:
    """Any string at all either parses or raises ExpressionError with a one-line message."""
    try:
        parse(text)
    except ExpressionError as problem:
        assert "\n" not in problem.message
