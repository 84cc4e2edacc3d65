"""pytest plugin: ``pytest --claimtally path/to/datapackage.json`` checks a claims package as tests.

One test item per claim (``claim::<claim_id>``) and one per rule (``rule::<rule_id>``), so ``-k``
selects them. A claim item fails with the messages of its findings at or above the threshold; a rule
item fails with the rule's findings that name no claim. The threshold is ``--claimtally-fail-on``
(default ``error``, as ``claimtally check``). The package may also be set with the ini option
``claimtally_package``. Without either, the plugin does nothing.
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
        default=None,
        help="check this datapackage.json (or its folder): one test per claim and per rule",
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
        return self.path, None, self.name


class ClaimtallyFailure(Exception):
    """The findings that make a claimtally item fail."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(f"{len(findings)} finding(s)")
        self.findings = findings


def _items(session: pytest.Session, report: Report, fail_on: str, path: Path) -> Iterator[ClaimtallyItem]:
    failing = [f for f in report.findings if at_or_above(f.severity, fail_on)]
    for claim in report.claims:
        mine = [f for f in failing if f.claim_id == claim.claim_id]
        yield ClaimtallyItem.from_parent(session, name=f"claim::{claim.claim_id}", path=path, findings=mine)
    for rule in report.summary.rules:
        mine = [f for f in failing if f.rule == rule and f.claim_id is None]
        yield ClaimtallyItem.from_parent(session, name=f"rule::{rule}", path=path, findings=mine)


@pytest.hookimpl(tryfirst=True)  # before pytest's own -k/-m deselection, so it applies to these items
def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    """Append the package's claim and rule items, checked once for the session."""
    package = _package(config)
    if package is None:
        return
    from claimtally.checker import check
    from claimtally.data.descriptor import descriptor_path
    from claimtally.errors import ClaimtallyError

    try:
        report = check(package)
        path = descriptor_path(package).resolve()
    except ClaimtallyError as exc:
        msg = f"claimtally: {exc}"
        raise pytest.UsageError(msg) from None
    config.stash[_REPORT] = report
    items.extend(_items(session, report, str(config.getoption("--claimtally-fail-on")), path))
