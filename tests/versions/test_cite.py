"""Citations: text, BibTeX that parses, CFF that validates, and a hash recomputed from the files."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import bibtexparser
import pytest
import yaml

from builders import REPO
from claimtally.data.package import load
from claimtally.errors import ClaimtallyError
from claimtally.versions.cite import citation, render_citation

#: Path of the CFF 1.2.0 JSON Schema; .ci/run takes it from the cffconvert distribution.
CFF_SCHEMA = os.environ.get("CLAIMTALLY_CFF_SCHEMA")


def _recomputed_hash() -> str:
    """sha256 over 'name:sha256' lines of the six tables, computed here from the files alone."""
    descriptor = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    paths = {r["name"]: r["path"] for r in descriptor["resources"]}
    lines = "".join(
        f"{name}:{hashlib.sha256((REPO / paths[name]).read_bytes()).hexdigest()}\n"
        for name in ("sources", "entities", "metrics", "hedges", "values", "claims")
    )
    return hashlib.sha256(lines.encode()).hexdigest()


def test_the_printed_hash_is_the_one_recomputed_from_the_files() -> None:
    """The text citation's hash equals an independent computation over the files."""
    text = render_citation(citation(load()), "text")
    assert f"Package hash: sha256:{_recomputed_hash()}\n" in text


def test_citation_names_version_release_date_and_authors() -> None:
    """Version and date come from the descriptor and the release record."""
    c = citation(load())
    descriptor = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    assert (descriptor["version"], "2026-11-25") == (c.version, c.released)
    assert ("claimtally contributors",) == c.authors


def test_bibtex_parses_with_every_field() -> None:
    """The BibTeX entry parses with no failed block and carries version, url and hash."""
    library = bibtexparser.parse_string(render_citation(citation(load()), "bibtex"))
    assert [] == library.failed_blocks
    (entry,) = library.entries
    fields = {k: f.value for k, f in entry.fields_dict.items()}
    assert "misc" == entry.entry_type
    assert json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))["version"] == fields["version"]
    assert _recomputed_hash() in fields["note"]


def test_bibtex_escapes_special_characters(make_package) -> None:
    """A title with & and % still parses and keeps its words."""
    path = make_package()
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["title"] = "Prices & scores: 100% {checked}"
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    library = bibtexparser.parse_string(render_citation(citation(load(path)), "bibtex"))
    assert [] == library.failed_blocks
    assert "Prices \\& scores" in library.entries[0].fields_dict["title"].value


def test_citation_cff_is_generated_from_the_descriptor() -> None:
    """The repository's CITATION.cff is exactly `claimtally cite --format cff`."""
    expected = render_citation(citation(load()), "cff")
    assert expected == (REPO / "CITATION.cff").read_text(encoding="utf-8")


@pytest.mark.skipif(
    CFF_SCHEMA is None, reason="set CLAIMTALLY_CFF_SCHEMA to the CFF 1.2.0 schema (.ci/run does)"
)
def test_cff_validates_against_the_cff_1_2_schema() -> None:
    """The CFF output is valid CITATION.cff 1.2.0."""
    import jsonschema

    schema = json.loads(Path(str(CFF_SCHEMA)).read_text(encoding="utf-8"))
    document = yaml.safe_load(render_citation(citation(load()), "cff"))
    jsonschema.validate(document, schema)
    broken = {k: v for k, v in document.items() if k != "authors"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_json_citation_round_trips() -> None:
    """The JSON citation is the citation's fields."""
    c = citation(load())
    assert c.model_dump(mode="json") == json.loads(render_citation(c, "json"))


def test_unreleased_version_has_no_date(make_package) -> None:
    """A package with no release record cites 'unreleased' and n.d."""
    text = render_citation(citation(load(make_package())), "text")
    assert "(n.d.)" in text and "(unreleased)" in text


def test_unknown_format_is_an_error() -> None:
    """Only the four formats exist."""
    with pytest.raises(ClaimtallyError, match="use one of text, bibtex, cff, json"):
        render_citation(citation(load()), "ris")
