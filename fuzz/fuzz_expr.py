"""atheris fuzz target for the claims expression parser and printer (run for as long as you like).

    pip install atheris
    python fuzz/fuzz_expr.py -max_total_time=600

The property: for any text, parse() returns a tree or raises ExpressionError; a tree prints to text that
parses back to the same tree. Anything else is a crash that atheris reports with the input.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from claimtally.errors import ExpressionError
    from claimtally.expr import parse as expr

NAMES = {"a", "b", "art_price_in_gpt55", "x1"}


def test_one(data: bytes) -> None:
    """Parse fuzzed text; round-trip any tree it gives."""
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(4096)
    try:
        tree = expr.parse(text, names=NAMES)
    except ExpressionError:
        return
    # the printed text may be longer than the input (it spaces operators), so only its tree must match
    again = expr.parse(expr.to_text(tree), names=NAMES, max_length=10**6)
    if again != tree:
        msg = f"round trip changed the tree: {text!r} -> {expr.to_text(tree)!r}"
        raise AssertionError(msg)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one)
    atheris.Fuzz()
