"""The library's commands: one function per command of the command line, each taking paths or objects.

``claimtally check PKG`` is :func:`claimtally.check`, ``claimtally explain ID PKG`` is :func:`explain`,
and so on; the command line only parses its arguments, calls one of these and prints the result.
A ``package`` argument is a loaded :class:`~claimtally.data.package.Package`, the path of a
``datapackage.json`` or of its folder, or None for the bundled data.
"""

from __future__ import annotations

from pathlib import Path

from claimtally.articles.coverage import Coverage
from claimtally.articles.coverage import coverage as _coverage
from claimtally.articles.extract import check_source_id
from claimtally.articles.extract import extract as _extract
from claimtally.articles.read import read_article
from claimtally.articles.vocab import vocabulary
from claimtally.checker import check
from claimtally.data.package import Package, read
from claimtally.data.scaffold import init
from claimtally.limits import Limits
from claimtally.report.text import render_explain
from claimtally.versions.cite import Citation, citation
from claimtally.versions.diff import Diff
from claimtally.versions.diff import diff as _diff

__all__ = ["check", "cite", "coverage", "diff", "explain", "extract", "init", "package_of"]

PackageLike = Package | str | Path | None


def package_of(package: PackageLike, limits: Limits | None = None) -> Package:
    """The package itself, or the one read from a path (None: the bundled data)."""
    return package if isinstance(package, Package) else read(package, limits)


def explain(claim_id: str, package: PackageLike = None, limits: Limits | None = None) -> str:
    """How one claim's verdict is derived: each value's interval, each step, each relation, the verdict.

    Raises:
        ClaimtallyError: no claim has that id (the message suggests the closest one).
    """
    report = check(package_of(package, limits), rules=["claims"], limits=limits)
    return render_explain(report, claim_id)


def cite(package: PackageLike = None) -> Citation:
    """The citation of a package version: title, authors, version, release date and hash."""
    return citation(package_of(package))


def diff(old: PackageLike, new: PackageLike) -> Diff:
    """Rows added, removed and changed between two packages, and the verdicts that changed."""
    return _diff(package_of(old), package_of(new))


def extract(article: str | Path, package: PackageLike = None, *, source_id: str = "") -> list[dict[str, str]]:
    """Draft ``values`` rows for every quantity an article (.txt, .md or .html) states.

    Entity and metric ids are suggested from the package's vocabulary; ``source_id`` fills the rows'
    ``source_id`` and prefixes their ids.
    """
    if source_id:
        check_source_id(source_id)
    text = read_article(article)
    return _extract(text, vocabulary(package_of(package)), source_id)


def coverage(article: str | Path, source_id: str, package: PackageLike = None) -> Coverage:
    """Which quantities of an article the rows of ``source_id`` record, and which they miss."""
    text = read_article(article)
    pkg = package_of(package)
    return _coverage(text, pkg, source_id, vocabulary(pkg), article=str(article))
