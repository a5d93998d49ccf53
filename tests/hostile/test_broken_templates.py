"""A national Word template edited or broken by a region, through the real `uddprog render` command.

tests/render/test_docx.py covers, at library level, a Jinja syntax error, an unknown variable, a tag
that breaks the XML and a file that is no zip (empty, text, truncated). Here: the same kind of file
through the command (exit code 1, a Danish message naming the template file, nothing written), a zip
without word/document.xml, parts that are not XML, tags that Word split into several runs (docxtpl
joins them; an unknown variable in a split tag is still named) and styles the template no longer has.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path
from typing import Callable

import pytest
import yaml
from lxml import etree

from .conftest import PROJEKT, uddprog
from .corpus import DATO

FASE = "kbu"
PROGRAM = "examples/nord/kbu-aalborg-forloeb-3.yaml"
SKABELON = f"templates/national/{FASE}/program.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _rod(tmp_path: Path, ændring: Callable[[dict[str, bytes]], None] | None) -> Path:
    rod = tmp_path / "rod"
    shutil.copytree(PROJEKT / "templates", rod / "templates")
    shutil.copytree(PROJEKT / "målbeskrivelser", rod / "målbeskrivelser")
    (rod / PROGRAM).parent.mkdir(parents=True)
    shutil.copy(PROJEKT / PROGRAM, rod / PROGRAM)
    if ændring is not None:
        with zipfile.ZipFile(PROJEKT / SKABELON) as z:
            dele = {n: z.read(n) for n in z.namelist()}
        ændring(dele)
        with zipfile.ZipFile(rod / SKABELON, "w", zipfile.ZIP_DEFLATED) as z:
            for navn, data in dele.items():
                z.writestr(navn, data)
    return rod


def _render(rod: Path):
    r = uddprog("render", PROGRAM, "--out", "ud", "--format", "docx,html", "--jobs", "1",
                "--dato", DATO.isoformat(), cwd=rod)
    skrevet = sorted(p.name for p in (rod / "ud").rglob("*") if p.is_file() and p.suffix in (".docx", ".html")) \
        if (rod / "ud").exists() else []
    return r, skrevet


def _dokument(erstat: Callable[[str], str]) -> Callable[[dict[str, bytes]], None]:
    def ændring(dele: dict[str, bytes]) -> None:
        før = dele["word/document.xml"].decode("utf-8")
        efter = erstat(før)
        assert efter != før, "ændringen ramte ikke skabelonen"
        dele["word/document.xml"] = efter.encode("utf-8")
    return ændring


def _uden_typografi(style_id: str) -> Callable[[dict[str, bytes]], None]:
    def ændring(dele: dict[str, bytes]) -> None:
        før = dele["word/styles.xml"].decode("utf-8")
        efter = re.sub(rf'<w:style [^>]*w:styleId="{style_id}".*?</w:style>', "", før, count=1, flags=re.S)
        assert efter != før, style_id
        dele["word/styles.xml"] = efter.encode("utf-8")
    return ændring


def _assert_afvist(r, skrevet: list[str], *mønstre: str) -> None:
    alt = r.stdout + r.stderr
    assert r.returncode == 1, alt
    assert "Traceback" not in alt and "Intern fejl" not in alt, alt
    assert skrevet == [], f"der blev skrevet output trods en ødelagt skabelon: {skrevet}"
    assert SKABELON in alt.replace("\\", "/"), f"beskeden nævner ikke skabelonfilen: {alt}"
    assert "Word-skabelonen" in alt, alt
    for m in mønstre:
        assert re.search(m, alt), f"{m!r} mangler i {alt}"


# ------------------------------------------------------------------ files that are not a usable DOCX


@pytest.mark.parametrize("navn, ændring, mønstre", [
    ("uden-document-xml", lambda d: d.pop("word/document.xml"), [r"word/document\.xml mangler"]),
    ("document-xml-er-ikke-xml", lambda d: d.__setitem__("word/document.xml", b"<w:document>{{ program.titel }}"),
     [r"ugyldig del word/document\.xml"]),
    ("uden-content-types", lambda d: d.pop("[Content_Types].xml"), [r"\[Content_Types\]\.xml mangler"]),
    ("sidehoved-mangler", lambda d: [d.pop(n) for n in list(d) if re.fullmatch(r"word/header\d*\.xml", n)],
     [r"word/header\d*\.xml, som mangler"]),
])
def test_package_without_a_needed_part_is_refused(tmp_path, navn, ændring, mønstre):
    r, skrevet = _render(_rod(tmp_path, ændring))
    _assert_afvist(r, skrevet, "ikke en DOCX-fil|ugyldig del|mangler", *mønstre)


@pytest.mark.parametrize("indhold", [b"", b"PK\x05\x06" + b"\0" * 18], ids=["tom-fil", "tom-zip"])
def test_empty_template_file_is_refused(tmp_path, indhold):
    rod = _rod(tmp_path, None)
    (rod / SKABELON).write_bytes(indhold)
    r, skrevet = _render(rod)
    _assert_afvist(r, skrevet, r"ikke en DOCX-fil")


# ------------------------------------------------------------------ tags that Word split into several runs

_SPLIT = {
    # Word puts a run boundary inside a tag when part of it is formatted or spell-checked differently.
    "formatering-midt-i": lambda x: x.replace(
        "{{ program.titel }}", '{{ program.</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">titel }}', 1),
    "klamme-delt": lambda x: x.replace(
        "{{ program.titel }}", "{</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>{ program.titel }</w:t></w:r><w:r><w:t>}", 1),
    "stavekontrol-i-blok-tag": lambda x: x.replace(
        "{%p for s in sektioner %}", '{%p for s in </w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>sektioner'
        '</w:t></w:r><w:proofErr w:type="spellEnd"/><w:r><w:t xml:space="preserve"> %}', 1),
}


@pytest.mark.parametrize("navn", sorted(_SPLIT))
def test_tag_split_over_runs_still_renders(tmp_path, navn):
    r, skrevet = _render(_rod(tmp_path, _dokument(_SPLIT[navn])))
    assert r.returncode == 0, r.stdout + r.stderr
    docx = next((tmp_path / "rod" / "ud").rglob("*.docx"))
    rod = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    tekst = "".join(t.text or "" for t in rod.iter(f"{W}t"))
    assert "{{" not in tekst and "{%" not in tekst and "}}" not in tekst, "et tag blev stående som tekst"
    program = yaml.safe_load((PROJEKT / PROGRAM).read_text("utf-8"))
    skabelon = yaml.safe_load((PROJEKT / f"templates/national/{FASE}/skabelon.yaml").read_text("utf-8"))
    assert tekst.count(program["titel"].strip()) == 1  # the title tag rendered, once
    assert f"1. {skabelon['sektioner'][0]['titel']}" in tekst  # the section loop ran


def test_unknown_variable_in_a_split_tag_is_named(tmp_path):
    ændring = _dokument(lambda x: x.replace(
        "{{ program.titel }}", '{{ program.</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>tittel }}', 1))
    r, skrevet = _render(_rod(tmp_path, ændring))
    _assert_afvist(r, skrevet, r"Ukendt variabel", r"feltet 'tittel' findes ikke", r"«\{\{ program\.tittel \}\}»")
    assert " object" not in r.stderr and "uddprog.render" not in r.stderr, r.stderr  # no Python internals


def test_syntax_error_in_a_split_tag_is_named(tmp_path):
    ændring = _dokument(lambda x: x.replace(
        "{%p for s in sektioner %}", "{%p for s in </w:t></w:r><w:r><w:t>sektioner", 1))
    r, skrevet = _render(_rod(tmp_path, ændring))
    _assert_afvist(r, skrevet, r"Syntaksfejl")


# ------------------------------------------------------------------ styles the template no longer defines


@pytest.mark.parametrize("style_id", ["Heading1", "Uddprogtabel", "Tabeltekst", "ListParagraph"])
def test_missing_style_is_refused_with_its_name(tmp_path, style_id):
    r, skrevet = _render(_rod(tmp_path, _uden_typografi(style_id)))
    _assert_afvist(r, skrevet, re.escape(style_id))
