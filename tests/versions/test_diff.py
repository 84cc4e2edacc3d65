"""diff: rows added, removed and changed by primary key, and verdicts that moved."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import BASE, assert_golden, claim, hedge_rows, value, write_package
from claimtally.data.package import read
from claimtally.versions.diff import diff, render_diff

HERE = Path(__file__).parents[1]  # tests/
OLD, NEW = HERE / "scenarios" / "diff-old", HERE / "scenarios" / "diff-new"


def test_diff_of_two_fixture_packages_matches_its_golden_files() -> None:
    """Text and JSON output of the diff between the two scenario versions are the recorded ones."""
    d = diff(read(OLD), read(NEW))
    assert_golden("diff.txt", render_diff(d, "text"))
    assert_golden("diff.json", render_diff(d, "json"))


def test_diff_reports_exactly_the_rows_that_changed() -> None:
    """One value added, one changed; one claim removed, one changed; nothing else."""
    d = diff(read(OLD), read(NEW))
    tables = {t.table: t for t in d.tables}
    assert (("ind_score_old",), (), ("art_in_new",)) == (
        tables["values"].added,
        tables["values"].removed,
        tuple(c.key for c in tables["values"].changed),
    )
    assert ((), ("fewer_tokens",)) == (tables["claims"].added, tables["claims"].removed)
    assert all(t.empty for name, t in tables.items() if name not in ("values", "claims"))


def test_verdict_history_says_which_claims_flipped_and_why() -> None:
    """doubled_input went from fails to holds because its value changed: cause data."""
    d = diff(read(OLD), read(NEW))
    flipped = {v.claim_id: v for v in d.verdicts}
    v = flipped["doubled_input"]
    assert ("fails", "holds", "fails", "holds", "data") == (
        v.old_verdict,
        v.new_verdict,
        v.old_expect,
        v.new_expect,
        v.cause,
    )


def test_diff_of_a_package_with_itself_is_empty() -> None:
    """diff(A, A) is empty."""
    assert diff(read(OLD), read(OLD)).empty


ROWS = [value(f"v{i}", str(i)) for i in range(4)]
CLAIMS = [claim("c0", "v0 == 0", expect="holds"), claim("c1", "v1 < v2", expect="holds")]


def _write(folder: Path, values: list[dict[str, str]]) -> Path:
    tables = {**BASE, "hedges": hedge_rows(), "values": values, "claims": CLAIMS}
    return write_package(folder, tables)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    kind=st.sampled_from(["add", "remove", "change"]),
    index=st.integers(min_value=0, max_value=3),
    text=st.text(alphabet="abc xyz", min_size=1, max_size=12).filter(lambda t: t.strip() == t),
)
def test_a_generated_change_is_reported_exactly(tmp_path_factory, kind: str, index: int, text: str) -> None:
    """Adding, removing or editing one value row is exactly what diff reports for values."""
    base = tmp_path_factory.mktemp("diff")
    changed = [dict(r) for r in ROWS]
    if kind == "add":
        changed.append(value("vnew", "9", quote=text))
    elif kind == "remove":
        changed.pop(index)
    else:
        changed[index]["quote"] = changed[index]["quote"] + " " + text
    d = diff(read(_write(base / "a", ROWS)), read(_write(base / "b", changed)))
    tables = {t.table: t for t in d.tables}
    values = tables["values"]
    if kind == "add":
        assert (("vnew",), (), ()) == (values.added, values.removed, values.changed)
    elif kind == "remove":
        assert ((), (f"v{index}",), ()) == (values.added, values.removed, values.changed)
    else:
        (row,) = values.changed
        assert (f"v{index}", ("quote",)) == (row.key, tuple(c.column for c in row.cells))
    assert all(t.empty for name, t in tables.items() if name != "values")


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(st.integers(min_value=0, max_value=999), min_size=1, max_size=5, unique=True))
def test_diff_of_any_package_with_itself_is_empty(tmp_path_factory, values: list[int]) -> None:
    """diff(A, A) is empty for generated packages."""
    rows = [value(f"v{i}", str(i)) for i in range(4)] + [value(f"w{n}", str(n)) for n in values]
    path = _write(tmp_path_factory.mktemp("same"), rows)
    assert diff(read(path), read(path)).empty
