"""import(render(p)) gives back p's sections, ansættelser and kompetenceplan."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml

from tests.render import fixtures
from uddprog.loading import indlæs
from uddprog.render import Renderer
from uddprog.render.context import build_context
from uddprog.render.docx import CoreProperties

from .conftest import ROOT
from .rundtur import importer_program, render_docx, sammenlign, sammenlign_øvrige

EKSEMPLER = sorted((ROOT / "examples").rglob("*.yaml"))


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(ROOT)


@pytest.mark.parametrize("fil", EKSEMPLER, ids=lambda f: f.stem)
def test_rundtur_eksempler(fil: Path, renderer, tmp_path):
    from datetime import date

    from uddprog.checks import valider_fil

    program = indlæs(fil).model
    imp = importer_program(renderer, program, render_docx(renderer, program), fil.name)
    draft = yaml.safe_load(imp.yaml)
    # The draft validates exactly like the original: same checks fire, none for the import itself.
    (tmp_path / fil.name).write_text(imp.yaml, encoding="utf-8")
    dato = date(2026, 11, 23)
    # Import writes a draft (status: udkast, issue 21): P080 lists it as one; every other check as the original's.
    importeret = sorted(f.check for f in valider_fil(tmp_path / fil.name, renderer.katalog, dato)[1])
    assert "P080" in importeret and draft["status"] == "udkast"
    assert [c for c in importeret if c != "P080"] == sorted(
        f.check for f in valider_fil(fil, renderer.katalog, dato)[1] if f.check != "P080")
    assert sammenlign(program, draft) == []
    assert sammenlign_øvrige(program, draft) == []
    assert "ikke-placeret" not in draft["sektioner"]     # uddprog's own output places everything
    assert "ikke genkendt" not in imp.yaml                # its generated lines (kompetencekort) are recognised
    # A programme for several forløb prints them as one reader's name ('…, forløb 1 og 5'); the import gives
    # that name back (splitting it again would be a guess).
    assert draft["titel"] == program.titel and draft["forløb"] in (program.forløb, program.forløbsbetegnelse)


@pytest.fixture(scope="module")
def genereret(tmp_path_factory):
    """A few programmes of the national benchmark corpus (other specialties, 1–5 ansættelser)."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import generer

    ud = tmp_path_factory.mktemp("korpus")
    generer(ud, 4, seed=12)
    return ud


def test_rundtur_genererede(genereret):
    renderer = Renderer(genereret)
    filer = sorted((genereret / "examples").rglob("*.yaml"))
    assert len(filer) == 4
    for fil in filer:
        program = indlæs(fil).model
        imp = importer_program(renderer, program, render_docx(renderer, program), fil.name)
        draft = yaml.safe_load(imp.yaml)
        assert sammenlign(program, draft) == [], fil.name
        assert sammenlign_øvrige(program, draft) == [], fil.name


SVÆRE_TEKSTER = [
    fixtures.RIG_TEKST,
    "Stjerner * og _understreger_ i tekst, [klammer], <vinkler> & 'citat' samt `kode`.",
    "1986\\. var året, hvor afdelingen åbnede.\n\n\\# Ikke en overskrift, og \\- ikke en liste.",
    "Linje et  \nlinje to efter et hårdt linjeskift.",
    "***Fed og kursiv*** og **fed [med link](https://example.dk)** til sidst.",
    "- punkt\n  1. under et\n  2. under to\n- punkt to",
    "# Overskrift i teksten\n\nTekst under den.\n\n## Mindre overskrift\n\nMere *tekst*.",
    "Kode: `uddprog validate` og ``a`b``.",
]


@pytest.mark.parametrize("tekst", SVÆRE_TEKSTER, ids=range(len(SVÆRE_TEKSTER)))
def test_rundtur_svære_tekster(tekst, tmp_path):
    """Generated programmes whose every text field holds Markdown that is easy to get wrong."""
    mb = fixtures.maalbeskrivelse()
    sk = fixtures.skabelon()
    program = fixtures.program(tekst)
    renderer = Renderer(ROOT)
    ctx = build_context(program, mb, sk)
    core = CoreProperties(title=program.titel, author="", subject="", keywords="", created=mb.gyldig_fra)
    data = renderer.docx_skabelon(program.skabelon).render(ctx, core)
    from uddprog.importer import importer_bytes

    imp = importer_bytes(data, "genereret.docx", mb, sk, program.videreuddannelsesregion)
    assert sammenlign(program, yaml.safe_load(imp.yaml)) == []


def test_sammenligningen_ser_en_forskel(renderer):
    """The comparison can fail: change the source after rendering and it must notice."""
    program = indlæs(EKSEMPLER[0]).model
    imp = importer_program(renderer, program, render_docx(renderer, program))
    draft = yaml.safe_load(imp.yaml)
    ændret = copy.deepcopy(draft)
    ændret["sektioner"]["indledning"] += "\n\nEt ekstra afsnit."
    ændret["kompetenceplan"][0]["til_måned"] += 1
    ændret["ansættelser"][0]["måneder"] += 1
    ændret["kompetenceplan"][1]["antal_vurderinger"] = (draft["kompetenceplan"][1].get("antal_vurderinger") or 0) + 7
    forskelle = sammenlign(program, ændret)
    assert any(f.startswith("sektion indledning") for f in forskelle)
    assert any("antal_vurderinger" in f for f in forskelle)
    assert any("kompetenceplan" in f for f in forskelle)
    assert any(".måneder" in f for f in forskelle)
    assert program.ansættelser[0].vejledersamtaler, "the first example should plan vejledersamtaler"
    ændret["ansættelser"][0]["vejledersamtaler"][0]["senest_dag"] += 40  # another month: printed differently
    assert any("samtaler" in f for f in sammenlign_øvrige(program, ændret))


@pytest.mark.parametrize("fil", EKSEMPLER, ids=lambda f: f.stem)
def test_arbejdsgangen_import_validate_render(fil, renderer, tmp_path):
    """import → validate → render: the draft of a rendered programme renders again, to the same page
    (up to line breaks in the source text, which Markdown does not show)."""
    program = indlæs(fil).model
    imp = importer_program(renderer, program, render_docx(renderer, program), fil.name)
    udkast = tmp_path / "udkast.yaml"
    udkast.write_text(imp.yaml, encoding="utf-8")
    udfald = renderer.render_fil(udkast, ("html",), tmp_path / "som-udkast")
    assert udfald.fejl is None, udfald.fejl
    assert "Udkast: dette program er under udarbejdelse." in udfald.filer[0].read_text(encoding="utf-8")
    # the author reviews the draft and it is approved (unless the original is a draft too): it prints as the original
    if not program.udkast:
        udkast.write_text(re.sub(r"^status: udkast.*\n", "", imp.yaml, flags=re.M), encoding="utf-8")
    udfald = renderer.render_fil(udkast, ("docx", "html"), tmp_path / "ud")
    assert udfald.fejl is None and not udfald.sprunget_over, udfald.fejl
    original = renderer.render_fil(fil, ("html",), tmp_path / "original")
    html = {f.suffix: f for f in udfald.filer}[".html"].read_text(encoding="utf-8")
    assert " ".join(html.split()) == " ".join(original.filer[0].read_text(encoding="utf-8").split())
