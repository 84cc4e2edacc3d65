"""pytest plugin: ``pytest --claimtally path/to/datapackage.json`` checks a claims package as tests.

The package's ``datapackage.json`` is collected as a file (``pytest_collect_file``), and each claim and
each rule is a test item under it, with node ids such as ``path/to/datapackage.json::claim::<claim_id>``
and ``path/to/datapackage.json::rule::<rule_id>``: ``-k``, ``--lf``, node-id selection and IDE
runners work as with any test. A claim item fails with the messages of its findings at or above the
threshold; a rule item fails with the rule's findings that name no claim. The threshold is
``--claimtally-fail-on`` (default ``error``, as ``claimtally check``). ``--claimtally`` with no path
checks ``./datapackage.json``; the ini option ``claimtally_package`` names a package too. Without
either, the plugin does nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimtally.report.model import Finding, Report, at_or_above

_REPORT = pytest.StashKey[Report]()


def pytest_addoption(parser: pytest.Parser) -> None:
    """Register --claimtally, --claimtally-fail-on and the claimtally_package ini option."""
    group = parser.getgroup("claimtally", "check a claims data package")
    group.addoption(
        "--claimtally",
        metavar="DATAPACKAGE",
        nargs="?",
        const="datapackage.json",
        default=None,
        help="check this datapackage.json or its folder (default ./datapackage.json): "
        "one test per claim and per rule",
    )
    group.addoption(
        "--claimtally-fail-on",
        choices=("error", "warning"),
        default="error",
        help="severity at which a claimtally item fails (default: error)",
    )
    parser.addini("claimtally_package", "datapackage.json (or folder) to check as tests", default="")


def _package(config: pytest.Config) -> str | None:
    option = config.getoption("--claimtally")
    ini = str(config.getini("claimtally_package") or "")
    if option:
        return str(option)
    return str(config.rootpath / ini) if ini else None


_DESCRIPTOR = pytest.StashKey[Path]()
_COLLECTED = pytest.StashKey[set[Path]]()


def pytest_configure(config: pytest.Config) -> None:
    """Find the package's descriptor (a missing one is a usage error) and have pytest collect it."""
    package = _package(config)
    if package is None:
        return
    from claimtally.data.descriptor import descriptor_path
    from claimtally.errors import ClaimtallyError

    try:
        path = descriptor_path(package).resolve()
    except ClaimtallyError as exc:
        msg = f"claimtally: {exc}"
        raise pytest.UsageError(msg) from None
    config.stash[_DESCRIPTOR] = path
    config.stash[_COLLECTED] = set()
    if not any(_covers(arg, path, config.invocation_params.dir) for arg in config.args):
        config.args.append(str(path))  # collected even when it lies outside the paths pytest was given


def _covers(arg: str, descriptor: Path, here: Path) -> bool:
    """Whether a collection argument (a path, or a node id) already reaches the descriptor."""
    target = (here / arg.split("::", 1)[0]).resolve()
    return target == descriptor or target in descriptor.parents


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """The checked package's descriptor, as a file of claim and rule items (once per session)."""
    config = parent.config
    wanted = config.stash.get(_DESCRIPTOR, None)
    if wanted is None or file_path.resolve() != wanted or wanted in config.stash[_COLLECTED]:
        return None
    config.stash[_COLLECTED].add(wanted)
    return ClaimtallyFile.from_parent(parent, path=file_path)


class ClaimtallyFile(pytest.File):
    """A package's ``datapackage.json``: checked once; its claims and its rules are two groups."""

    def collect(self) -> Iterator[ClaimtallyGroup]:
        """Check the package and yield the ``claim`` group, then the ``rule`` group."""
        from claimtally.checker import check
        from claimtally.errors import ClaimtallyError

        try:
            report = check(self.path)
        except ClaimtallyError as exc:
            msg = f"claimtally: {exc}"
            raise self.CollectError(msg) from None
        self.config.stash[_REPORT] = report
        fail_on = str(self.config.getoption("--claimtally-fail-on"))
        failing = [f for f in report.findings if at_or_above(f.severity, fail_on)]
        claims = {c.claim_id: [f for f in failing if f.claim_id == c.claim_id] for c in report.claims}
        rules = {r: [f for f in failing if f.rule == r and f.claim_id is None] for r in report.summary.rules}
        yield ClaimtallyGroup.from_parent(self, name="claim", members=claims)
        yield ClaimtallyGroup.from_parent(self, name="rule", members=rules)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        """An unreadable package: its one line."""
        if isinstance(excinfo.value, self.CollectError):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))


class ClaimtallyGroup(pytest.Collector):
    """The claims (``claim``) or the rules (``rule``) of a package: one item each."""

    def __init__(self, *, members: dict[str, list[Finding]], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.members = members

    def collect(self) -> Iterator[ClaimtallyItem]:
        """One item per claim id or rule id, with the findings that make it fail."""
        for name, findings in self.members.items():
            yield ClaimtallyItem.from_parent(self, name=name, findings=findings)


class ClaimtallyItem(pytest.Item):
    """A claim or a rule of the checked package, as one test."""

    def __init__(self, *, findings: list[Finding], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.findings = findings

    def runtest(self) -> None:
        """Fail with every finding at or above the threshold."""
        if self.findings:
            raise ClaimtallyFailure(self.findings)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        """The findings' messages, one per line."""
        if isinstance(excinfo.value, ClaimtallyFailure):
            return "\n".join(f"[{f.rule} {f.severity}] {f.message}" for f in excinfo.value.findings)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """Where the item comes from: the package descriptor."""
        return self.path, None, f"{self.parent.name if self.parent else ''}::{self.name}"


class ClaimtallyFailure(Exception):
    """The findings that make a claimtally item fail."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(f"{len(findings)} finding(s)")
        self.findings = findings
