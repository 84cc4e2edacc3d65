"""claimtally: a data package of claims about AI models, and a checker of their numbers.

>>> import claimtally
>>> pkg = claimtally.load()            # the bundled data, one DataFrame per table
>>> report = claimtally.check(pkg)     # every claim's verdict and every finding
>>> report.summary.claims == len(pkg.claims)
True

Each command of the command line is a function here of the same name (:mod:`claimtally.api`).
Names are imported on first use, so ``import claimtally.data`` or ``claimtally --version`` loads
only what it needs.
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from claimtally.errors import ClaimtallyError, ExpressionError, PackageError, ValueTextError

if TYPE_CHECKING:
    from claimtally.api import check, cite, coverage, diff, explain, extract, init
    from claimtally.data.package import Package, load, read
    from claimtally.limits import Limits
    from claimtally.report.model import ClaimResult, Finding, Report
    from claimtally.versions.author import release, stamp

try:
    __version__ = version("claimtally")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

#: Where each lazily imported name is defined.
_LAZY = {
    "check": "claimtally.api",
    "cite": "claimtally.api",
    "coverage": "claimtally.api",
    "diff": "claimtally.api",
    "explain": "claimtally.api",
    "extract": "claimtally.api",
    "init": "claimtally.api",
    "stamp": "claimtally.versions.author",
    "release": "claimtally.versions.author",
    "Package": "claimtally.data.package",
    "load": "claimtally.data.package",
    "read": "claimtally.data.package",
    "Limits": "claimtally.limits",
    "ClaimResult": "claimtally.report.model",
    "Finding": "claimtally.report.model",
    "Report": "claimtally.report.model",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'claimtally' has no attribute '{name}'"
        raise AttributeError(msg)
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [
    "ClaimResult",
    "ClaimtallyError",
    "ExpressionError",
    "Finding",
    "Limits",
    "Package",
    "PackageError",
    "Report",
    "ValueTextError",
    "__version__",
    "check",
    "cite",
    "coverage",
    "diff",
    "explain",
    "extract",
    "init",
    "load",
    "read",
    "release",
    "stamp",
]
