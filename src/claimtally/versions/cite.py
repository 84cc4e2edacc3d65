"""The citation of a package version: who, what, which version, when, where, and the hash that pins it.

"version X, hash H" pins the exact rows: H is :func:`claimtally.data.hashing.package_hash`, sha256 over the
six tables' sha256 hashes in order. Renderers give plain text, BibTeX, CFF 1.2 (``CITATION.cff``)
and JSON; the repository's ``CITATION.cff`` is this module's output for the bundled package (a test
checks it).
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict

from claimtally.data.hashing import package_hash
from claimtally.data.package import Package
from claimtally.data.releases import release_date
from claimtally.errors import ClaimtallyError
from claimtally.output import clean, json_text

FORMATS = ("text", "bibtex", "cff", "json")
MESSAGE = "If you use this data, please cite it as below, with the version and hash you used."


class Citation(BaseModel):
    """What a citation of one package version says."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    authors: tuple[str, ...]
    version: str
    released: str | None
    """Release date (YYYY-MM-DD) from the release record; None for an unreleased version."""
    url: str
    license: str
    description: str
    keywords: tuple[str, ...]
    hash: str


def citation(pkg: Package) -> Citation:
    """The citation of a package, from its ``datapackage.json`` and release record."""
    d = pkg.descriptor
    people = [c for c in d.get("contributors", []) if isinstance(c, dict)]
    authors = [str(c.get("title", "")) for c in people if "author" in c.get("roles", ["author"])]
    licenses = [str(x.get("name", "")) for x in d.get("licenses", []) if isinstance(x, dict)]
    return Citation(
        title=str(d.get("title") or d.get("name", "")),
        authors=tuple(a for a in authors if a) or (str(d.get("name", "")),),
        version=pkg.version,
        released=release_date(pkg),
        url=str(d.get("homepage", "")),
        license=", ".join(licenses),
        description=str(d.get("description", "")),
        keywords=tuple(str(k) for k in d.get("keywords", [])),
        hash=package_hash(pkg),
    )


def render_citation(c: Citation, fmt: str) -> str:
    """Render a citation as text, bibtex, cff or json."""
    renderers = {"text": _text, "bibtex": _bibtex, "cff": _cff, "json": _json}
    if fmt not in renderers:
        msg = f"unknown citation format '{fmt}'; use one of {', '.join(FORMATS)}"
        raise ClaimtallyError(msg)
    return renderers[fmt](c)


def _year(c: Citation) -> str:
    return c.released[:4] if c.released else "n.d."


def _text(c: Citation) -> str:
    when = f"released {clean(c.released)}" if c.released else "unreleased"
    authors = "; ".join(clean(a) for a in c.authors)
    return (
        f"{authors} ({clean(_year(c))}). {clean(c.title)}. Data version {clean(c.version)} ({when}). "
        f"{clean(c.url)}\n"
        f"Package hash: sha256:{c.hash}\n"
    )


_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}])")


def _bib(text: str) -> str:
    text = clean(text)
    return _BIBTEX_SPECIAL.sub(r"\\\1", text).replace("~", r"\textasciitilde{}").replace("^", r"\^{}")


def _bibtex(c: Citation) -> str:
    key = "claimtally_data_" + re.sub(r"[^0-9A-Za-z]", "_", c.version)
    fields = [
        ("author", " and ".join("{" + _bib(a) + "}" for a in c.authors)),
        ("title", "{" + _bib(c.title) + "}"),
        ("year", clean(_year(c))),
        ("version", _bib(c.version)),
        ("howpublished", "Data package"),
        ("url", clean(c.url)),
        ("note", _bib(f"Data version {c.version}, package hash sha256:{c.hash}")),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}\n"


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json_text(json.dumps(text, ensure_ascii=False))


def _cff(c: Citation) -> str:
    lines = [
        "# Generated from datapackage.json by `claimtally cite --format cff`; do not edit by hand.",
        "cff-version: 1.2.0",
        f"message: {_q(MESSAGE)}",
        "type: dataset",
        f"title: {_q(c.title)}",
        f"version: {_q(c.version)}",
    ]
    if c.released:
        lines.append(f"date-released: {_q(c.released)}")
    lines.append("authors:")
    lines += [f"  - name: {_q(a)}" for a in c.authors]
    if c.license:
        lines.append(f"license: {_q(c.license)}")
    if c.url:
        lines.append(f"url: {_q(c.url)}")
    lines += [
        f"abstract: {_q(c.description)}",
        "identifiers:",
        "  - type: other",
        f"    value: {_q('sha256:' + c.hash)}",
        f"    description: {_q('sha256 over the sha256 hashes of the tables, in order')}",
    ]
    if c.keywords:
        lines.append("keywords:")
        lines += [f"  - {_q(k)}" for k in c.keywords]
    return "\n".join(lines) + "\n"


def _json(c: Citation) -> str:
    data: dict[str, Any] = c.model_dump(mode="json")
    return json_text(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"
