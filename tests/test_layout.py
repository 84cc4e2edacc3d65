"""The house rules of the code's layout: imports run one way, no cycles, small modules, mirrored tests.

The import graph is read from the source with :mod:`ast`: every ``import`` and ``from ... import``,
at module level or inside a function or an ``if TYPE_CHECKING:`` block, so a deferred import cannot
hide an edge against the direction.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "claimtally"
TESTS = ROOT / "tests"

#: The stages, bottom first; a module may import only modules of a lower rank, or of its own
#: subpackage. ``report.model`` sits below the rules (they yield findings); the renderers above check.
#: Keep this table and the README's "How the code is laid out" in step.
RANKS: list[tuple[str, ...]] = [
    ("claimtally.errors",),
    ("claimtally.limits", "claimtally.contract", "claimtally.output"),
    ("claimtally.data", "claimtally.arith"),
    ("claimtally.expr",),
    ("claimtally.report.model",),
    ("claimtally.rules",),
    ("claimtally.checker",),
    ("claimtally.report", "claimtally.articles", "claimtally.versions"),
    ("claimtally.api", "claimtally.workflow"),
    ("claimtally.cli", "claimtally.pytest_plugin", "claimtally"),
    ("claimtally.__main__",),
]


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def stage_of(module: str) -> tuple[int, str]:
    """The rank of a module and the stage (a prefix of RANKS) it belongs to: the longest that matches."""
    best: tuple[int, str] | None = None
    for rank, stages in enumerate(RANKS):
        for stage in stages:
            if (module == stage or module.startswith(stage + ".")) and (
                best is None or len(stage) > len(best[1])
            ):
                best = (rank, stage)
    assert best is not None, f"{module} belongs to no stage; add it to RANKS"
    return best


def imports_of(path: Path) -> set[str]:
    """The claimtally modules a file imports, anywhere in it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            for alias in node.names:  # "from claimtally.expr import parse" imports a module
                found.add(f"{base}.{alias.name}")
    modules = {module_name(p) for p in SRC.rglob("*.py")}
    return {m for m in found if m in modules and m != me}


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p) for p in SRC.rglob("*.py")}


def test_imports_run_one_way() -> None:
    """No module imports one of a higher stage, or of another subpackage of its own stage."""
    against = []
    for module, targets in sorted(graph().items()):
        rank, stage = stage_of(module)
        for target in sorted(targets):
            t_rank, t_stage = stage_of(target)
            if target == "claimtally":
                continue  # every import of a submodule runs the package's __init__ (which is lazy) anyway
            if t_rank > rank or (t_rank == rank and t_stage != stage):
                against.append(f"{module} (stage {stage}) -> {target} (stage {t_stage})")
    assert not against, "imports against the direction:\n" + "\n".join(against)


def test_the_import_graph_has_no_cycle() -> None:
    """Depth-first search over every edge finds no module that reaches itself."""
    edges = graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt] if nxt in path else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for start in sorted(edges):
        if start not in state:
            visit(start, [start])
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles)


def test_the_direction_test_catches_an_edge_against_it(tmp_path: Path) -> None:
    """A rule of the test itself: an import from data to rules is reported (the test can fail)."""
    assert stage_of("claimtally.rules.claims")[0] > stage_of("claimtally.data.package")[0]
    assert stage_of("claimtally.report.model")[0] < stage_of("claimtally.rules.claims")[0]
    assert stage_of("claimtally.report.text")[0] > stage_of("claimtally.checker")[0]
    assert stage_of("claimtally.articles.read")[1] != stage_of("claimtally.versions.cite")[1]


@pytest.mark.parametrize("module", ["claimtally.data", "claimtally.data.package", "claimtally.arith.stated"])
def test_the_lower_stages_import_nothing_above_them(module: str) -> None:
    """Importing data or arithmetic does not load the expression parser, the rules or pydantic reports."""
    code = (
        f"import sys, {module}\n"
        "loaded = [m for m in sys.modules if m.startswith(('claimtally.expr', 'claimtally.rules', "
        "'claimtally.report', 'claimtally.checker'))]\n"
        "print(','.join(loaded))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "" == out.stdout.strip()


def test_no_module_is_over_400_lines() -> None:
    """Dense modules are split by what they do rather than grown."""
    long = [
        f"{p.relative_to(SRC)}: {n}"
        for p in SRC.rglob("*.py")
        if (n := len(p.read_text().splitlines())) > 400
    ]
    assert not long


def test_tests_mirror_the_subpackages() -> None:
    """Each source module has its test module: src/claimtally/<stage>/<m>.py -> tests/<stage>/test_<m>.py."""
    missing = []
    for path in SRC.rglob("*.py"):
        if path.name in ("__init__.py", "__main__.py", "py.typed"):
            continue
        rel = path.relative_to(SRC)
        test = TESTS / rel.parent / f"test_{rel.stem}.py"
        if not test.is_file():
            missing.append(str(test.relative_to(ROOT)))
    assert not missing, "no test module for: " + ", ".join(sorted(missing))
