"""The PDF's table of contents has a page number on every entry, and it is the page
where that heading really is.

LibreOffice does not update fields on a plain ``--convert-to``, so without the
export macro in pdf.py every entry reached the PDF with dot leaders and no number.
The real-client test renders the shipped programmes through the library API, reads
the PDF back with pdftotext and compares each entry's number with the page (one
``pdftotext -layout`` page, as split by its form feeds) on which the heading stands.
Skipped locally without soffice/pdftotext; with CI set it must run (conftest.need_tool).
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import time
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from uddprog.batch import render_programmer
from uddprog.render.pdf import PdfError, docx_to_pdf

from .conftest import EXAMPLES, ROOT, need_tool

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TOC_TITLE = "Indholdsfortegnelse"
_LEADER = re.compile(r"\.{3,}\s*(\d*)\s*$")  # dot leader, then the page number (if any)
#: The end of an entry's last line: leader dots and the page number. An entry whose text fills the line
#: leaves room for one or two dots or none ("…, Roskilde. 3"), so a number after fewer dots ends it too.
_SLUT = re.compile(r"(\.*)\s*(\d*)\s*$")
_DROP = re.compile(r"[\s\-\u00ad\u2010]")  # whitespace and hyphens: line wrapping and hyphenation


def _norm(text: str) -> str:
    return _DROP.sub("", text)


def docx_headings(docx: Path) -> list[str]:
    """Text of every Heading 1-3 paragraph, in document order: what the TOC must list."""
    with zipfile.ZipFile(docx) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    out = []
    for p in root.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None and re.fullmatch(r"Heading[1-3]", style.get(f"{W}val", "")):
            text = "".join(t.text or "" for t in p.iter(f"{W}t")).strip()
            if text:
                out.append(text)
    return out


def toc_problems(pages: list[str], headings: list[str]) -> list[str]:
    """Everything wrong with the TOC in ``pages`` (pdftotext -layout text, page 1 first).

    Each heading must have a TOC entry (in order; an entry may wrap over up to three
    lines, its last line carrying the dot leader) that ends with a page number, and
    the heading itself must stand on that page, after the TOC. A line with a full leader
    (three dots or more) always ends an entry; a line ending in a number after fewer dots
    ends it when the text before matches the heading (the entry filled the line), and
    otherwise the number may be part of the text, which then continues on the next line.
    """
    lines = [(n, line.strip()) for n, text in enumerate(pages, 1) for line in text.splitlines() if line.strip()]
    start = next((i for i, (_, line) in enumerate(lines) if line == TOC_TITLE), None)
    if start is None:
        return [f"ingen '{TOC_TITLE}' i PDF'en"]
    problems = []
    toc: list[tuple[str, int | None]] = []
    cursor = start + 1
    for heading in headings:
        found = None
        for i in range(cursor, len(lines)):
            for k in range(3):
                if i + k >= len(lines):
                    break
                last = _SLUT.search(lines[i + k][1])
                leader, number = len(last.group(1)) >= 3, last.group(2)
                if not leader and not number:
                    continue
                text = " ".join(line for _, line in lines[i:i + k]) + " " + lines[i + k][1][:last.start()]
                if _norm(text) == _norm(heading):
                    found = (i + k, int(number) if number else None)
                if found or leader:
                    break
            if found:
                break
        if found is None:
            problems.append(f"'{heading}' mangler i indholdsfortegnelsen")
            toc.append((heading, None))
            continue
        cursor = found[0] + 1
        toc.append((heading, found[1]))
        if found[1] is None:
            problems.append(f"'{heading}' har intet sidetal i indholdsfortegnelsen")
    # The headings themselves, in order, after the last TOC line and never on a leader line.
    for heading, toc_page in toc:
        page = None
        for i in range(cursor, len(lines)):
            if _LEADER.search(lines[i][1]):
                continue
            for k in range(3):
                if _norm(" ".join(line for _, line in lines[i:i + k + 1])) == _norm(heading):
                    page, cursor = lines[i][0], i + k + 1
                    break
            if page is not None:
                break
        if page is None:
            problems.append(f"overskriften '{heading}' blev ikke fundet i dokumentet")
        elif toc_page is not None and toc_page != page:
            problems.append(f"'{heading}': side {toc_page} i indholdsfortegnelsen, men står på side {page}")
    return problems


# ------------------------------------------------------------------ the checker itself (no tools needed)

_PAGE1 = "Titelside\n"
_BODY = ["Hoved\n1. Indledning\nTekst om Forskningstræning.\n\nFod · Side 3 af 4\n",
         "Hoved\n2. Forskningstræning\nTekst.\n   Ansættelse 1: Neurologi, Aarhus Universi-\n"
         "   tetshospital (måned 1–12)\nFod · Side 4 af 4\n"]
_HEADINGS = ["1. Indledning", "2. Forskningstræning",
             "Ansættelse 1: Neurologi, Aarhus Universitetshospital (måned 1–12)"]


def _toc(numbers: tuple[str, str, str]) -> str:
    return ("Hoved\n\nIndholdsfortegnelse\n"
            f"1. Indledning.................................. {numbers[0]}\n"
            f"2. Forskningstræning..........................{numbers[1]}\n"
            "      Ansættelse 1: Neurologi, Aarhus Universitetshospital (måned\n"
            f"      1–12)......................................{numbers[2]}\n\nFod · Side 2 af 4\n")


def test_checker_accepts_a_correct_toc():
    assert toc_problems([_PAGE1, _toc(("3", "4", "4")), *_BODY], _HEADINGS) == []


@pytest.mark.parametrize("slut", [". 4", ".4", "..4", " 4"])
def test_checker_accepts_an_entry_that_fills_its_line(slut):
    """LibreOffice leaves one dot, two or none when the text reaches the page number (the shipped
    psykiatri programme printed '…, Psykiatrien Region Sjælland, Roskilde. 3'); the number still counts."""
    toc = ("Hoved\n\nIndholdsfortegnelse\n1. Indledning.................................. 3\n"
           "2. Forskningstræning..........................4\n"
           f"      Ansættelse 1: Neurologi, Aarhus Universitetshospital (måned 1–12){slut}\n\nFod · Side 2 af 4\n")
    assert toc_problems([_PAGE1, toc, *_BODY], _HEADINGS) == []
    forkert = toc.replace(f"){slut}", f"){slut[:-1]}3")
    assert toc_problems([_PAGE1, forkert, *_BODY], _HEADINGS) == [
        "'Ansættelse 1: Neurologi, Aarhus Universitetshospital (måned 1–12)': side 3 i indholdsfortegnelsen, "
        "men står på side 4"]


def test_a_number_in_an_entrys_text_does_not_end_it():
    """'… forløb 12' at the end of a wrapped line is text; the entry ends on the next line."""
    overskrift = "Ansættelse 2: Afdeling for forløb 12 og mere tekst, der fylder mere end én linje"
    toc = ("Indholdsfortegnelse\n1. Indledning.......... 3\n2. Forskningstræning.......... 4\n"
           "   Ansættelse 2: Afdeling for forløb 12\n   og mere tekst, der fylder mere end én linje...... 4\n")
    body = _BODY[1].replace("Tekst.\n", f"Tekst.\n{overskrift}\n")
    assert toc_problems([_PAGE1, toc, _BODY[0], body], [*_HEADINGS[:2], overskrift]) == []


def test_checker_is_not_blind():
    """What LibreOffice made before the fix (no numbers), wrong numbers and a missing entry all fail."""
    no_numbers = toc_problems([_PAGE1, _toc(("", "", "")), *_BODY], _HEADINGS)
    assert len(no_numbers) == 3 and all("intet sidetal" in p for p in no_numbers)
    wrong = toc_problems([_PAGE1, _toc(("3", "3", "4")), *_BODY], _HEADINGS)
    assert wrong == ["'2. Forskningstræning': side 3 i indholdsfortegnelsen, men står på side 4"]
    missing = toc_problems([_PAGE1, _toc(("3", "4", "4")), *_BODY], [*_HEADINGS[:2], "3. Kurser"])
    assert any("'3. Kurser' mangler" in p for p in missing)
    assert toc_problems([_PAGE1, *_BODY], _HEADINGS) == ["ingen 'Indholdsfortegnelse' i PDF'en"]


# ------------------------------------------------------------------ soffice's own process group


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="kræver /proc")
def test_timeout_ends_soffice_and_its_children(tmp_path, monkeypatch):
    """soffice is a wrapper script that starts soffice.bin; on a timeout the whole process
    group must end, not only the wrapper, or soffice.bin keeps running in the background."""
    pidfile = tmp_path / "barn.pid"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\nsleep 60 &\necho $! > '{pidfile}'\nsleep 60\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    t = time.monotonic()
    with pytest.raises(PdfError, match="svarede ikke inden for 1 sekunder"):
        docx_to_pdf(b"PK", tmp_path / "x.pdf", timeout=1)
    assert time.monotonic() - t < 15
    child = int(pidfile.read_text())
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child), "soffice' underproces kører stadig efter timeout"


# ------------------------------------------------------------------ real client


def _id(p: Path) -> str:
    return str(p.relative_to(ROOT / "examples")).removesuffix(".yaml").replace("/", "-")


@pytest.fixture(scope="module")
def pdftotext() -> str:
    return need_tool("pdftotext")


@pytest.fixture(scope="module")
def built(soffice, pdftotext, tmp_path_factory):
    """Every shipped programme as DOCX and PDF, through the library API (one LibreOffice start)."""
    out = tmp_path_factory.mktemp("build")
    resultat = render_programmer(EXAMPLES, formater=("docx", "pdf"), out=out, jobs=1, rod=ROOT)
    return {u.kilde: u for u in resultat.udfald}


def pdf_pages(pdftotext: str, pdf: Path) -> list[str]:
    text = subprocess.run([pdftotext, "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          check=True, timeout=60).stdout.decode("utf-8")
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


@pytest.mark.skipif(not EXAMPLES, reason="ingen programmer i examples/")
@pytest.mark.parametrize("fil", EXAMPLES, ids=_id)
def test_pdf_toc_has_the_right_page_numbers(built, pdftotext, fil):
    u = built[fil]
    assert u.ok, u.fejl
    docx = next(f for f in u.filer if f.suffix == ".docx")
    pdf = next(f for f in u.filer if f.suffix == ".pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    headings = docx_headings(docx)
    assert len(headings) >= 5, headings
    pages = pdf_pages(pdftotext, pdf)
    # one page each, as a person would look them up: the split agrees with pdftotext -f N -l N
    page2 = subprocess.run([pdftotext, "-layout", "-enc", "UTF-8", "-f", "2", "-l", "2", str(pdf), "-"],
                           capture_output=True, check=True, timeout=60).stdout.decode("utf-8")
    assert page2.rstrip("\f") == pages[1]
    assert toc_problems(pages, headings) == []


def test_toc_that_grows_a_page_still_gets_the_right_numbers(built, pdftotext, tmp_path):
    """The stored entries are replaced by LibreOffice's own; when the rebuilt TOC is a page longer
    than the stored one, every heading moves a page and the numbers must follow."""
    fil = next(f for f in EXAMPLES if "hoveduddannelse" in f.name)
    docx = next(f for f in built[fil].filer if f.suffix == ".docx")
    with zipfile.ZipFile(docx) as zin:
        parts = {i: zin.read(i.filename) for i in zin.infolist()}
    extra = "".join(f'<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Ekstra afsnit {n}</w:t></w:r></w:p>'
                    f"<w:p><w:r><w:t>Tekst {n}.</w:t></w:r></w:p>" for n in range(60))
    grown = tmp_path / "vokset.docx"
    with zipfile.ZipFile(grown, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in parts.items():
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                cut = xml.rfind("<w:sectPr")
                data = (xml[:cut] + extra + xml[cut:]).encode("utf-8")
            zout.writestr(info, data)
    pdf = docx_to_pdf(grown.read_bytes(), tmp_path / "vokset.pdf")
    pages = pdf_pages(pdftotext, pdf)
    headings = docx_headings(grown)
    assert len(headings) > 60
    assert any("Ekstra afsnit" in line and _LEADER.search(line) for line in pages[2].splitlines()), \
        "indholdsfortegnelsen skulle fylde mere end side 2"
    assert toc_problems(pages, headings) == []


def test_an_entry_that_fills_its_line_in_real_libreoffice(soffice, pdftotext, renderer, tmp_path):
    """The case that once made the shipped psykiatri programme fail this check: an ansættelse whose name
    fills the TOC line, so LibreOffice has room for fewer than three leader dots before the page number.
    The department's name grows a letter at a time around the length that did it (55 letters), so one of the
    versions is that case even if the font's widths differ a little."""
    from uddprog.catalog import Katalog
    from uddprog.loading import indlæs
    from uddprog.render.context import build_context
    from uddprog.render.docx import CoreProperties
    from uddprog.render.pdf import docx_to_pdf_many

    fil = ROOT / "examples/oest/psykiatri-hoveduddannelse-roskilde-glostrup-slagelse-forloeb-2.yaml"
    program = indlæs(fil).model
    katalog = Katalog(ROOT)
    mb, skabelon = katalog.målbeskrivelse(program.målbeskrivelse).model, katalog.skabelon(program.skabelon).model
    første = program.ansættelser[0]
    filer = []
    for n in range(49, 62):
        navn = "Psykiatrisk Afdeling Roskilde, sengeafsnit og skadestue samt akutmodtagelse"[:n].rstrip()
        p = program.model_copy(update={"ansættelser": [første.model_copy(update={"afdeling": navn}),
                                                         *program.ansættelser[1:]]})
        docx = tmp_path / f"v{n}.docx"
        docx.write_bytes(renderer.docx_skabelon(p.skabelon).render(
            build_context(p, mb, skabelon), CoreProperties(title=p.titel, author="test")))
        filer.append(docx)
    pdfer = docx_to_pdf_many([(f.read_bytes(), f.with_suffix(".pdf")) for f in filer])
    fyldt = 0
    for docx, pdf in zip(filer, pdfer):
        pages = pdf_pages(pdftotext, pdf)
        assert toc_problems(pages, docx_headings(docx)) == [], docx.name
        # an entry's last line with a page number after fewer than three dots (not the page's footer)
        korte = [linje for linje in pages[1].splitlines()
                 if not re.search(r"Side \d+ af \d+$", linje) and (m := _SLUT.search(linje.rstrip()))
                 and m.group(2) and len(m.group(1)) < 3 and linje.strip() != m.group(0).strip()]
        fyldt += bool(korte)
    assert fyldt, "no version filled its TOC line: the test no longer covers the case"
