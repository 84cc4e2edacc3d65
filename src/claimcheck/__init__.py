"""claimcheck: a data package of claims about AI models, and a checker of their numbers.

>>> import claimcheck
>>> pkg = claimcheck.load()            # the bundled data, one DataFrame per table
>>> report = claimcheck.check(pkg)     # every claim's verdict and every finding
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from claimcheck.check import check
from claimcheck.errors import ClaimcheckError, ExpressionError, PackageError, ValueTextError
from claimcheck.load import Package, load
from claimcheck.report import ClaimResult, Finding, Report

try:
    __version__ = version("claimcheck")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "ClaimResult",
    "ClaimcheckError",
    "ExpressionError",
    "Finding",
    "Package",
    "PackageError",
    "Report",
    "ValueTextError",
    "__version__",
    "check",
    "load",
]
