"""The project's errors: one base class users can catch."""

from __future__ import annotations

from claimtally import errors


def test_every_error_is_a_claimtally_error() -> None:
    """Catching ClaimtallyError catches them all."""
    for cls in (errors.ExpressionError, errors.ValueTextError, errors.PackageError):
        assert issubclass(cls, errors.ClaimtallyError)


def test_expression_error_keeps_its_position() -> None:
    """The character position travels with the message."""
    error = errors.ExpressionError("bad", position=3)
    assert (3, "bad") == (error.position, str(error))
