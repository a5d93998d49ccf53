"""DOCX rendering: determinism, hostile text, real numbering and links, broken templates."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import docx as python_docx
import pytest
from lxml import etree

from uddprog.render import Renderer
from uddprog.render.context import build_context
from uddprog.render.docx import CompiledDocx, CoreProperties, WordTemplateError

from . import fixtures
from .conftest import ROOT

TEMPLATE = ROOT / "templates/national/hoveduddannelse/program.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CORE = CoreProperties(title="T", author="A", created=date(2016, 5, 12))
HOSTILE = "A & B < C > \"D\" 'E' Ærø Åbenrå 😀 \x01\x0b <w:p/> ]]> {{ x }} {% if %}"


@pytest.fixture(scope="module")
def compiled():
    return CompiledDocx(TEMPLATE)


def render(compiled, program) -> bytes:
    mb, sk = fixtures.maalbeskrivelse(), fixtures.skabelon()
    return compiled.render(build_context(program, mb, sk), CORE)


def part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(name)


def doc_text(data: bytes) -> str:
    return "".join(etree.fromstring(part(data, "word/document.xml")).itertext())


def test_same_input_gives_identical_bytes(compiled):
    a = render(compiled, fixtures.program())
    b = render(CompiledDocx(TEMPLATE), fixtures.program())
    assert a == b


def test_output_opens_in_python_docx_with_heading_styles(compiled):
    d = python_docx.Document(io.BytesIO(render(compiled, fixtures.program())))
    styles = {p.style.name for p in d.paragraphs}
    assert {"Heading 1", "Heading 2", "Title"} <= styles
    assert len(d.tables) >= 6
    assert d.core_properties.title == "T"
    assert d.core_properties.created.date() == date(2016, 5, 12)


def test_hostile_text_appears_verbatim_once_per_place(compiled):
    data = render(compiled, fixtures.program(tekst="Intro " + HOSTILE, titel="Titel " + HOSTILE,
                                             navn="Sted " + HOSTILE))
    text = doc_text(data)
    clean = HOSTILE.replace("\x01", "").replace("\x0b", "")
    # title (title page), section texts (9 sections + 4 ansættelser + forskning), place in tables
    assert text.count("Titel " + clean) == 1
    assert text.count("Intro " + clean) == 9 + 4 + 1
    assert "Sted " + clean in text
    root = etree.fromstring(part(data, "word/document.xml"))
    assert root.find(f".//{W}fldSimple") is None  # text never becomes a field
    assert "\x01" not in text


def test_numbered_lists_get_fresh_restarting_numbering(compiled):
    data = render(compiled, fixtures.program())
    numbering = etree.fromstring(part(data, "word/numbering.xml"))
    overrides = numbering.findall(f"{W}num/{W}lvlOverride/{W}startOverride")
    # RIG_TEKST has 2 numbered lists and is used 14 times.
    assert len(overrides) == 28
    used = {n.get(f"{W}val") for n in etree.fromstring(part(data, "word/document.xml")).iter(f"{W}numId")}
    defined = {n.get(f"{W}numId") for n in numbering.iter(f"{W}num")}
    assert used <= defined


def test_hyperlinks_have_external_relationships(compiled):
    data = render(compiled, fixtures.program())
    rels = etree.fromstring(part(data, "word/_rels/document.xml.rels"))
    links = {r.get("Id"): r.get("Target") for r in rels if r.get("TargetMode") == "External"}
    assert sorted(links.values()) == ["https://www.evaluer.dk", "mailto:sekretariat@example.dk"]
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    used = {h.get(rid) for h in etree.fromstring(part(data, "word/document.xml")).iter(f"{W}hyperlink")
            if h.get(rid)}
    assert used == set(links)


def test_toc_field_is_kept_and_filled(compiled):
    xml = part(render(compiled, fixtures.program()), "word/document.xml").decode()
    assert 'TOC \\o "1-3" \\h \\z \\u' in xml
    assert xml.count("PAGEREF _TocUdp") == xml.count('w:name="_TocUdp')
    assert xml.count("PAGEREF _TocUdp") >= 9 + 4 + 4  # sections, places, plan per ansættelse


# ---------------------------------------------------------------- broken templates


def make_template(tmp_path: Path, text: str) -> Path:
    d = python_docx.Document()
    d.add_paragraph("Overskrift")
    d.add_paragraph(text)
    path = tmp_path / "program.docx"
    d.save(path)
    return path


def test_syntax_error_names_file_and_tag(tmp_path):
    path = make_template(tmp_path, "Hej {% if program.titel %} uden slutning")
    with pytest.raises(WordTemplateError) as exc:
        CompiledDocx(path)
    assert str(path) in str(exc.value)
    assert "Syntaksfejl" in str(exc.value)


def test_unknown_variable_names_file_variable_and_paragraph(tmp_path):
    path = make_template(tmp_path, "Navn: {{ program.findes_ikke }}")
    with pytest.raises(WordTemplateError) as exc:
        CompiledDocx(path).render({"program": {"titel": "x"}}, CORE)
    msg = str(exc.value)
    assert str(path) in msg and "findes_ikke" in msg and "Navn:" in msg


def test_template_that_breaks_xml_is_refused(tmp_path):
    path = make_template(tmp_path, "{{ '<w:p>' | safe }}")
    with pytest.raises(WordTemplateError, match="ugyldig XML"):
        CompiledDocx(path).render({}, CORE)


@pytest.mark.parametrize("content", [b"", b"not a zip", b"PK\x03\x04broken"])
def test_not_a_docx(tmp_path, content):
    path = tmp_path / "program.docx"
    path.write_bytes(content)
    with pytest.raises(WordTemplateError, match="ikke en DOCX-fil"):
        CompiledDocx(path)


def test_broken_template_writes_nothing(checkout_kopi, tmp_path):
    rod = checkout_kopi
    for p in (rod / "templates/national").glob("*/program.docx"):
        make_template(p.parent, "{{ ukendt_felt }}")
    out = tmp_path / "build"
    r = Renderer(rod)
    files = sorted((rod / "examples").rglob("*.yaml"))
    if not files:
        pytest.skip("ingen eksempler")
    u = r.render_fil(files[0], ("docx", "html"), out)
    assert not u.ok and "ukendt_felt" in u.fejl
    assert not out.exists() or not any(out.rglob("*"))


def test_a_template_without_the_hyperlink_style_gets_words_own(tmp_path):
    # python-docx's default template, like a template Word never saw a link in, has no Hyperlink style.
    path = make_template(tmp_path, "{{p tekst|md }}")
    data = CompiledDocx(path).render({"tekst": "Se [evaluer.dk](https://www.evaluer.dk)."}, CORE)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        styles = zf.read("word/styles.xml").decode()
        dokument = zf.read("word/document.xml").decode()
    assert styles.count('w:styleId="Hyperlink"') == 1
    assert '<w:rStyle w:val="Hyperlink"/>' in dokument


def test_a_style_the_template_uses_but_does_not_define_is_refused(tmp_path):
    path = make_template(tmp_path, "Tekst")
    with zipfile.ZipFile(path) as zf:
        dele = {n: zf.read(n) for n in zf.namelist()}
    dele["word/document.xml"] = dele["word/document.xml"].replace(
        b"<w:p>", b'<w:p><w:pPr><w:pStyle w:val="RegionensEgen"/></w:pPr>', 1)
    with zipfile.ZipFile(path, "w") as zf:
        for navn, indhold in dele.items():
            zf.writestr(navn, indhold)
    with pytest.raises(WordTemplateError, match="'RegionensEgen' \\(i word/document.xml\\)"):
        CompiledDocx(path)
