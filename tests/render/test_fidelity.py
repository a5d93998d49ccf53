"""The training rules' data reaches both documents: vejledersamtaler, kompetencekort, course windows, sources."""

from __future__ import annotations

import re
from html import unescape

import pytest
from lxml import etree

from uddprog.catalog import Katalog
from uddprog.loading import indlæs
from uddprog.render.context import build_context
from uddprog.render.docx import CompiledDocx
from uddprog.render.html import CompiledHtml

from .conftest import ROOT
from .test_docx import CORE, doc_text, part

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

PROGRAM = ROOT / "examples/oest/ortopaedisk-kirurgi-hoveduddannelse-koege-forloeb-1.yaml"


@pytest.fixture(scope="module")
def kontekst():
    katalog = Katalog(ROOT)
    p = indlæs(PROGRAM).model
    return build_context(p, katalog.målbeskrivelse(p.målbeskrivelse).model, katalog.skabelon(p.skabelon).model)


@pytest.fixture(scope="module")
def html(kontekst) -> str:
    side = CompiledHtml(ROOT / "templates/national", "hoveduddannelse").render(kontekst)
    return unescape(re.sub(r"<[^>]+>", " ", side)).replace("\u00a0", " ")


@pytest.fixture(scope="module")
def docx(kontekst) -> str:
    data = CompiledDocx(ROOT / "templates/national/hoveduddannelse/program.docx").render(kontekst, CORE)
    return doc_text(data).replace("\u00a0", " ")


FORVENTET = [
    # one table of vejledersamtaler per ansættelse, the 3-month TraumeCenter ansættelse with two
    "Vejledersamtaler i ansættelse 1: Ortopædkirurgisk Afdeling, Sjællands Universitetshospital, Køge (måned 1–18)",
    "Vejledersamtaler i ansættelse 3: TraumeCenter, Rigshospitalet (måned 31–33)",
    "Inden for den første måned",  # stated as the rule, not "Senest dag 30 (uge 5)"
    # the competency's assessment card next to its method
    "Kompetencekort: OSATS-kort 1 – Osteosyntese af hoftenær fraktur",
    # course windows counted from the end, in words and months
    "Når der højst er 24 måneder tilbage (måned 25–48)",
    "I sidste tredjedel af fasen (måned 33–48)",
    # fokuseret ophold with its days; who the målbeskrivelse applies to; where the template's rules come from
    "10 dage",
    "Læger ansat fra 1. september 2019",
    "Skabelonens regler: Illustrative regler skrevet til uddprog",
]


@pytest.mark.parametrize("tekst", FORVENTET)
def test_html_shows(html, tekst):
    assert tekst in " ".join(html.split())


@pytest.mark.parametrize("tekst", FORVENTET)
def test_docx_shows(docx, tekst):
    assert tekst in docx


def test_every_samtale_is_a_row(kontekst, html, docx):
    antal = sum(len(a["samtaler"]) for a in kontekst["ansaettelser"])
    assert antal == 5 + 4 + 2 + 4  # 18, 12, 3 and 15 months (P042's minimum)
    for tekst in (html, docx):
        assert tekst.count("Introduktionssamtale") == 4 and tekst.count("Slutsamtale") == 4


def test_a_planned_number_of_assessments_is_shown_where_set(kontekst, html):
    """A plan entry's antal_vurderinger is a line under its methods in both documents ("1 vurdering",
    "2 vurderinger"); an entry without one shows none, and the målbeskrivelse's minimum says it is the forløb's."""
    rader = [r for g in kontekst["kompetenceplan"] for r in g["rader"]]
    sat = [r for r in rader if r["antal"]]
    assert {r["antal"] for r in sat} == {"1 vurdering", "2 vurderinger"} and len(sat) < len(rader)
    data = CompiledDocx(ROOT / "templates/national/hoveduddannelse/program.docx").render(kontekst, CORE)
    afsnit = ["".join(p.itertext()) for p in etree.fromstring(part(data, "word/document.xml")).iter(f"{W}p")]
    assert sum(a in {r["antal"] for r in sat} for a in afsnit) == len(sat)  # each its own paragraph
    for tekst in (html, "\n".join(afsnit).replace("\u00a0", " ")):
        assert len(re.findall(r"\b\d+ vurdering(?:er)?\b", tekst)) == len(sat)
        assert "OSATS (mindst 3 i forløbet) 1 vurdering" in " ".join(tekst.split())
