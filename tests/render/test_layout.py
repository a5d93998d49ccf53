"""Layout as a reader meets it: checks on the Word XML and the CSS where a rule can be stated,
and the PDF pages from real LibreOffice or the page in real Chromium where it cannot.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile

import pytest
from lxml import etree

from uddprog.catalog import Katalog
from uddprog.loading import indlæs
from uddprog.render.context import SIDEHOVED_MAKS, build_context, sidehoved
from uddprog.render.docx import CoreProperties

from .conftest import EXAMPLES, ROOT

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
FASER = ("kbu", "introduktion", "hoveduddannelse")
EXAMPLES_BY_NAME = {f.stem: f for f in EXAMPLES}


def _part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read(name))


def _styles(fase: str) -> dict[str, etree._Element]:
    root = _part((ROOT / f"templates/national/{fase}/program.docx").read_bytes(), "word/styles.xml")
    return {s.get(f"{{{W}}}styleId"): s for s in root.iterfind("w:style", NS)}


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())  # the rendered XML has a line break before each paragraph


def _parts(fil):
    katalog = Katalog(ROOT)
    p = indlæs(fil).model
    return p, katalog.målbeskrivelse(p.målbeskrivelse).model, katalog.skabelon(p.skabelon).model


def _docx(renderer, program, mb, skabelon) -> bytes:
    ctx = build_context(program, mb, skabelon)
    return renderer.docx_skabelon(program.skabelon).render(ctx, CoreProperties(title=program.titel, author="test"))


@pytest.fixture(scope="module")
def rendered(renderer):
    return {f.stem: _docx(renderer, *_parts(f)) for f in EXAMPLES}


# ---------------------------------------------------------------- title page and headings


@pytest.mark.parametrize("fase", FASER)
def test_titles_headings_and_title_page_facts_are_not_hyphenated(fase):
    styles = _styles(fase)
    for sid in (["Title", "Subtitle", "TOCHeading", "Forsidetekst"] + [f"Heading{n}" for n in range(1, 10)]
                + [f"TOC{n}" for n in range(1, 4)]):  # the table of contents repeats the headings
        assert styles[sid].find("w:pPr/w:suppressAutoHyphens", NS) is not None, sid
    # Table cells neither (issue 20: "Regionshospi-tal"); test_reader checks every style a cell uses.
    assert styles["Tabeltekst"].find("w:pPr/w:suppressAutoHyphens", NS) is not None


def test_title_page_table_uses_the_unhyphenated_style(rendered):
    body = _part(rendered["neurologi-introduktion-glostrup"], "word/document.xml").find("w:body", NS)
    forside = body.find("w:tbl", NS)  # the first table is the title page's facts
    assert "Glostrup" in _text(forside)
    assert {p.find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val") for p in forside.iter(f"{{{W}}}p")} == {"Forsidetekst"}


@pytest.mark.parametrize("fase", FASER)
def test_every_heading_style_keeps_with_the_next_paragraph(fase):
    styles = _styles(fase)
    for n in range(1, 10):
        assert styles[f"Heading{n}"].find("w:pPr/w:keepNext", NS) is not None


@pytest.fixture(scope="module")
def med_rolledaekning(renderer):
    """The role matrix is no longer in the shipped templates (real programmes have none, issue 21); a region's
    template that asks for it (block 'rolledækning') still gets it."""
    program, mb, skabelon = _parts(EXAMPLES_BY_NAME["neurologi-introduktion-glostrup"])
    sektioner = [s.model_copy(update={"blokke": [*s.blokke, "rolledækning"]}) if "kompetenceplan" in s.blokke else s
                 for s in skabelon.sektioner]
    return _docx(renderer, program, mb, skabelon.model_copy(update={"sektioner": sektioner}))


def test_the_paragraph_introducing_the_role_matrix_keeps_with_it(med_rolledaekning):
    body = _part(med_rolledaekning, "word/document.xml").find("w:body", NS)
    intro = next(p for p in body.iterfind("w:p", NS) if _text(p).startswith("Antal kompetencer pr. ansættelse"))
    assert intro.find("w:pPr/w:keepNext", NS) is not None
    assert etree.QName(intro.getnext()).localname == "tbl"


# ---------------------------------------------------------------- tables


def test_a_total_row_is_never_alone_and_no_row_splits(rendered, med_rolledaekning):
    """Tables with a total row ('I alt', 'Hele forløbet'): every row before it keeps with the next."""
    for name, data in [*rendered.items(), ("med rolledækning", med_rolledaekning)]:
        body = _part(data, "word/document.xml").find("w:body", NS)
        totals = [t for t in body.iter(f"{{{W}}}tbl")
                  if _text(t.findall("w:tr", NS)[-1]).startswith(("I alt", "Hele forløbet"))]
        # the forløb table, and the role matrix where a template asks for it
        assert len(totals) == (2 if name == "med rolledækning" else 1), name
        for t in totals:
            rows = t.findall("w:tr", NS)
            assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in rows), name
            for r in rows[:-1]:
                assert all(p.find("w:pPr/w:keepNext", NS) is not None for p in r.iter(f"{{{W}}}p")), (name, _text(r))


def test_every_table_head_row_stays_with_the_first_row(rendered):
    body = _part(rendered["neurologi-hoveduddannelse-holstebro-aarhus-forloeb-1"], "word/document.xml")
    heads = [r for r in body.iter(f"{{{W}}}tr") if r.find("w:trPr/w:tblHeader", NS) is not None]
    assert len(heads) >= 5
    for r in heads:
        assert all(p.find("w:pPr/w:keepNext", NS) is not None for p in r.iter(f"{{{W}}}p"))


@pytest.mark.parametrize("fase", FASER)
def test_every_table_of_the_templates_fits_the_text_width(fase):
    """A wider column is paid for by the others: no table of the shipped templates runs into the margin."""
    body = _part((ROOT / f"templates/national/{fase}/program.docx").read_bytes(), "word/document.xml")
    side = body.find(".//w:sectPr", NS)
    bredde = int(side.find("w:pgSz", NS).get(f"{{{W}}}w")) - sum(
        int(side.find("w:pgMar", NS).get(f"{{{W}}}{k}")) for k in ("left", "right"))
    tabeller = list(body.iter(f"{{{W}}}tbl"))
    assert len(tabeller) >= 6
    for t in tabeller:
        grid = [int(c.get(f"{{{W}}}w")) for c in t.iterfind("w:tblGrid/w:gridCol", NS)]
        assert sum(grid) <= bredde, (_text(t)[:60], sum(grid), bredde)
        for r in t.iterfind("w:tr", NS):  # and every cell has its column's width
            assert [int(tc.find("w:tcPr/w:tcW", NS).get(f"{{{W}}}w")) for tc in r.iterfind("w:tc", NS)] == grid


# ---------------------------------------------------------------- competency remark


@pytest.mark.parametrize("fase", FASER)
def test_the_competency_remark_has_its_own_style(fase):
    styles = _styles(fase)
    remark = styles["Bemaerkning"]
    assert remark.find("w:basedOn", NS).get(f"{{{W}}}val") == "Tabeltekst"
    assert remark.find("w:rPr/w:i", NS) is not None
    assert styles["Tabeltekst"].find("w:rPr/w:i", NS) is None


def test_the_remark_in_a_rendered_plan_is_a_paragraph_of_its_own_style(rendered):
    body = _part(rendered["neurologi-introduktion-glostrup"], "word/document.xml")
    cell = next(tc for tc in body.iter(f"{{{W}}}tc") if _text(tc).startswith("Neurologisk anamnese"))
    styles = [(p.find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val"), _text(p)) for p in cell.iterfind("w:p", NS)]
    assert styles == [("Tabeltekst", "Neurologisk anamnese og objektiv neurologisk undersøgelse"),
                      ("Bemaerkning", "Første observation inden forvagten begynder.")]


# ---------------------------------------------------------------- header and footer


def test_the_page_header_fits_one_line_and_keeps_the_forloeb_and_version():
    lang = "Uddannelsesprogram for hoveduddannelse i anæstesiologi – Køge, Rigshospitalet, Herlev, " \
           "Holbæk, Slagelse og Nykøbing F., forløb 14"
    h = sidehoved(lang, "2013")
    assert len(h) <= SIDEHOVED_MAKS
    assert h.startswith("Hoveduddannelse i anæstesiologi") and h.endswith("forløb 14 · Målbeskrivelse 2013")
    assert " … " in h
    kort = "Uddannelsesprogram for hoveduddannelse i neurologi – Odense, forløb 2"
    assert sidehoved(kort, "2011") == "Hoveduddannelse i neurologi – Odense, forløb 2 · Målbeskrivelse 2011"


def test_headers_of_the_shipped_programmes_fit_and_footers_name_each_thing_once(rendered):
    for name, data in rendered.items():
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            headers = [etree.fromstring(zf.read(n)) for n in zf.namelist() if n.startswith("word/header")]
            footers = [etree.fromstring(zf.read(n)) for n in zf.namelist() if n.startswith("word/footer")]
        tekst = [_text(h).strip() for h in headers if _text(h).strip()]
        assert tekst and all(len(t) <= SIDEHOVED_MAKS for t in tekst), (name, tekst)
        fod = next(_text(f) for f in footers if "Side" in _text(f))
        dele = [d.strip() for d in fod.split("·")][:-1]
        assert len(dele) == len({d.casefold() for d in dele}), (name, fod)
    assert "Klinisk basisuddannelse · Videreuddannelsesregion Nord · Side" in "".join(
        _text(f) for f in [_part(rendered["kbu-aalborg-forloeb-3"], "word/footer1.xml")])


# ---------------------------------------------------------------- real LibreOffice: the total row on the page


def test_libreoffice_keeps_the_total_row_with_its_table_at_a_page_break(soffice, renderer, tmp_path):
    """The KBU forløb table pushed down the page line by line: it moves to the next page whole.

    With the templates before this rule, LibreOffice left the 'I alt' row alone on the next page
    in two of these positions.
    """
    from uddprog.render.pdf import docx_to_pdf_many

    program, mb, skabelon = _parts(ROOT / "examples/nord/kbu-aalborg-forloeb-3.yaml")
    targets = []
    for n in range(17, 25):
        fyld = "\n\n".join(f"Fyldtekst, der flytter tabellen længere ned ad siden, afsnit {i}." for i in range(n))
        sektioner = dict(program.sektioner)
        sektioner["indledning"] = sektioner["indledning"] + "\n\n" + fyld
        p = program.model_copy(update={"sektioner": sektioner})
        targets.append((_docx(renderer, p, mb, skabelon), tmp_path / f"v{n}.pdf"))
    pages_seen = set()
    for pdf in docx_to_pdf_many(targets):
        sider = _pdf_pages_text(pdf)
        def side(tekst: str) -> int:
            return next(i for i, t in enumerate(sider) if i >= 2 and tekst in t)
        head, first, total = side("Ansættelsessted"), side("Lægehuset Fjordparken,"), side("I alt")
        assert head == first == total, (pdf.name, head, first, total)
        pages_seen.add(total)
    assert len(pages_seen) == 2, "the range must push the table across a page break"


def test_libreoffice_keeps_competency_ids_and_months_on_one_line(soffice, renderer, tmp_path):
    """Almen medicin 2013 numbers its competencies "AM1"–"AM15": in the kompetenceplan's Nr. column each id
    stays whole (the old 0.9 cm column printed "AM1" and "0" on two lines), and so does a period such as "måned 10–18"."""
    from uddprog.render.pdf import docx_to_pdf_many

    program, mb, skabelon = _parts(ROOT / "examples/nord/almen-medicin-hoveduddannelse-hjoerring-forloeb-7.yaml")
    nyt = {k.id: f"AM{k.id}" for k in mb.kompetencer}
    mb = mb.model_copy(update={"kompetencer": [k.model_copy(update={"id": nyt[k.id]}) for k in mb.kompetencer]})
    plan = [e.model_copy(update={"kompetence": nyt[e.kompetence]}) for e in program.kompetenceplan]
    ophold = [o.model_copy(update={"kompetencer": [nyt[k] for k in o.kompetencer]}) for o in program.fokuserede_ophold]
    program = program.model_copy(update={"kompetenceplan": plan, "fokuserede_ophold": ophold})
    ids = {e.kompetence for e in plan}
    lang = next(e for e in plan if 10 <= e.fra_måned < e.til_måned)  # a period of two two-digit months
    periode = f"måned {lang.fra_måned}–{lang.til_måned}"
    assert {"AM10", "AM14", "AM15"} <= ids
    (pdf,) = docx_to_pdf_many([(_docx(renderer, program, mb, skabelon), tmp_path / "am.pdf")])
    linjer = [linje.strip() for side in _pdf_pages_text(pdf) for linje in side.splitlines()]
    rækker = {linje.split()[0] for linje in linjer if linje[:2] == "AM"}  # a plan row starts with its id
    assert rækker == ids, sorted(rækker ^ ids)
    # each plan row shows it whole (the kompetenceskema annex shows the periods again), never cut after the dash
    rækker_med = [linje for linje in linjer if linje[:2] == "AM" and periode in linje]
    assert len(rækker_med) >= sum((e.fra_måned, e.til_måned) == (lang.fra_måned, lang.til_måned) for e in plan) > 0
    assert not any(re.search(r"måned \d+–(?!\d)", linje) for linje in linjer if linje[:2] == "AM")


def _pdf_pages_text(pdf) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")


# ---------------------------------------------------------------- the HTML page's stylesheet


def test_printed_html_keeps_headings_with_what_follows_and_cells_start_on_their_first_line():
    import re

    css = (ROOT / "templates/national/_felles/program.css").read_text(encoding="utf-8")
    tryk = css[css.index("@media print"):]
    regel = re.search(r"h2, h3, h4, h5, h6 \{ break-after: avoid; \}", tryk)
    assert regel, "every heading level (Markdown adds h4-h6) keeps with the next block in print"
    assert re.search(r"tr \{ break-inside: avoid; \}", tryk)
    assert re.search(r"td > :first-child, th > :first-child \{ margin-top: 0; \}", css)
