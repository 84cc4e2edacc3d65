"""Rule ``release``: a released version's tables are as recorded, and every version has a CHANGELOG entry."""

from __future__ import annotations

from collections.abc import Iterator

from claimtally.data.releases import changelog_versions, current_state, recorded, version_key
from claimtally.report.model import Finding
from claimtally.rules.context import Context

ADVICE = "bump the version in datapackage.json and add a CHANGELOG.md section for it"


def check(ctx: Context) -> Iterator[Finding]:
    """Data unchanged since its version was released; no version without a CHANGELOG section."""
    rows = recorded(ctx.pkg)
    if not rows:
        return
    version = ctx.pkg.version
    descriptor = ctx.pkg.path.name
    released = sorted({r["version"] for r in rows}, key=version_key)
    if version_key(version) < version_key(released[-1]):
        yield ctx.at(
            descriptor,
            None,
            None,
            f"version {version} is older than the released {released[-1]}; versions only go up",
            rule="release",
            severity="error",
            column="version",
            expected=f">= {released[-1]}",
            observed=version,
        )
    sections = changelog_versions(ctx.pkg.root, ctx.limits.max_file_bytes)
    if sections is not None and version not in sections:
        yield Finding(
            rule="release",
            severity="error",
            file="CHANGELOG.md",
            column="version",
            observed=version,
            message=f"CHANGELOG.md has no '## [{version}]' section for the package version "
            f"{version}; add one that says what changed in the data and the library",
        )
    mine = {r["resource"]: r for r in rows if r["version"] == version}
    if not mine:
        return  # an unreleased version: its data may still change
    for state in current_state(ctx.pkg):
        row = mine.get(state.resource)
        file = ctx.file(state.resource)
        if row is None:
            continue
        was = (row["sha256"], row["bytes"], row["rows"])
        now = (state.sha256, str(state.bytes), str(state.rows))
        if was != now:
            yield ctx.at(
                file,
                None,
                None,
                f"resource '{state.resource}' differs from version {version} as released on {row['date']} "
                f"(rows {row['rows']} → {state.rows}, bytes {row['bytes']} → {state.bytes}); released "
                f"data never changes: {ADVICE}",
                rule="release",
                severity="error",
                expected=f"sha256:{row['sha256']}",
                observed=f"sha256:{state.sha256}",
            )
