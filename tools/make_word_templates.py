"""Generate templates/national/<fase>/program.docx, the Word templates for `uddprog render`.

The .docx files are committed and meant to be restyled in Word or LibreOffice;
this script is how they were made, so they can be rebuilt reproducibly (same
code -> same bytes). Tags are docxtpl's: ``{{ x }}`` in text, ``{%p ... %}``
and ``{%tr ... %}`` as whole paragraphs / table rows, ``{{p tekst|md }}`` for
Markdown that becomes real Word paragraphs and lists.

    python tools/make_word_templates.py            # writes all three
    python tools/make_word_templates.py --check    # fails if a committed file differs
"""

from __future__ import annotations

import argparse
import io
import posixpath
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor, Twips
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from uddprog.render.docx import XML_DECL, list_definitions  # noqa: E402
from uddprog.skriv import write_atomic, zip_bytes  # noqa: E402

ACCENT = RGBColor(0x1F, 0x4E, 0x79)
HEAD_FILL = "DCE6F1"
LABEL_FILL = "F2F2F2"
FONT = "Calibri"
TABLE_STYLE = "Uddprog tabel"
CELL_STYLE = "Tabeltekst"
CELL_HEAD_STYLE = "Tabeloverskrift"
FRONT_CELL_STYLE = "Forsidetekst"
REMARK_STYLE = "Bemærkning"
PAGE_WIDTH_CM = 17.0  # A4 minus 2 cm margins
TEXT_WIDTH_TWIPS = int(Cm(21.0).twips) - 2 * int(Cm(2.0).twips)  # the same, as setup_page writes it


@dataclass(frozen=True)
class Variant:
    fase: str
    kompetence: str  # what the phase calls a competency: "Kompetence" or "Læringsmål"
    flertal: str


VARIANTS = [
    Variant("kbu", "Læringsmål", "læringsmål"),
    Variant("introduktion", "Kompetence", "kompetencer"),
    Variant("hoveduddannelse", "Kompetence", "kompetencer"),
]


# ------------------------------------------------------------------ styles

# CT_PPrBase's element order (ECMA-376 17.3.1.26): a property must be inserted at its place.
_PPR_ORDER = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
              "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
              "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
              "sectPr", "pPrChange"]


def set_ppr(owner, name: str) -> None:
    """Switch on an empty pPr property (keepNext, suppressAutoHyphens ...) of a style or paragraph."""
    ppr = owner.get_or_add_pPr()
    if ppr.find(qn(f"w:{name}")) is not None:
        return
    el = etree.Element(qn(f"w:{name}"))
    rank = _PPR_ORDER.index(name)
    later = next((c for c in ppr if etree.QName(c).localname in _PPR_ORDER
                  and _PPR_ORDER.index(etree.QName(c).localname) > rank), None)
    if later is not None:
        later.addprevious(el)
    else:
        ppr.append(el)


def keep_with_next(paragraph) -> None:
    set_ppr(paragraph._p, "keepNext")


def setup_styles(doc) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1
    # Danish proofing and hyphenation for everything.
    rpr_default = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr_default.find(qn("w:lang"))
    if lang is None:
        lang = etree.SubElement(rpr_default, qn("w:lang"))
    lang.set(qn("w:val"), "da-DK")
    lang.set(qn("w:eastAsia"), "da-DK")
    lang.set(qn("w:bidi"), "ar-SA")
    fonts = rpr_default.find(qn("w:rFonts"))
    if fonts is not None:
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attr), FONT)

    for level, size in ((1, 16), (2, 13), (3, 11.5), (4, 11)):
        st = styles[f"Heading {level}"]
        st.font.name = FONT
        st.font.size = Pt(size)
        st.font.color.rgb = ACCENT
        st.font.bold = True
        st.font.italic = False
        st.paragraph_format.space_before = Pt(18 if level == 1 else 12)
        st.paragraph_format.space_after = Pt(6)
        st.paragraph_format.keep_with_next = True
        rfonts = st.element.rPr.find(qn("w:rFonts"))
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)
    title = styles["Title"]
    title.font.name = FONT
    title.font.size = Pt(26)
    title.font.color.rgb = ACCENT
    subtitle = styles["Subtitle"]
    subtitle.font.name = FONT
    subtitle.font.size = Pt(14)
    subtitle.font.italic = False
    for st in (title, subtitle):
        rfonts = st.element.rPr.find(qn("w:rFonts"))
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)
    # Title has a bottom border in python-docx's default; keep it but in our colour.
    styles["TOC Heading"].font.color.rgb = ACCENT
    # Titles, headings, names and table cells are never hyphenated ("Glo-strup"), even in a region's template
    # that switches automatic hyphenation on for its body text.
    for name in ["Title", "Subtitle", "TOC Heading"] + [f"Heading {n}" for n in range(1, 10)]:
        set_ppr(styles[name].element, "suppressAutoHyphens")

    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.font.underline = True
    link.element.set(qn("w:styleId"), "Hyperlink")

    cell = styles.add_style(CELL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    cell.font.size = Pt(8.5)
    cell.paragraph_format.space_after = Pt(0)
    cell.paragraph_format.line_spacing = 1.0
    cell.element.set(qn("w:styleId"), "Tabeltekst")
    # Table cells are not hyphenated ("Regionshospi-tal", "diskus-sion"): their columns are wide enough for
    # the longest words they hold, and a table is read by scanning, where broken words slow the eye.
    set_ppr(cell.element, "suppressAutoHyphens")
    head = styles.add_style(CELL_HEAD_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    head.base_style = cell
    head.font.bold = True
    head.element.set(qn("w:styleId"), "Tabeloverskrift")

    # The title page's facts are names (places, people, bodies): not hyphenated.
    front = styles.add_style(FRONT_CELL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    front.base_style = cell
    set_ppr(front.element, "suppressAutoHyphens")
    front.element.set(qn("w:styleId"), "Forsidetekst")
    # A plan entry's remark under the competency's title: its own style, so it does not read as title.
    remark = styles.add_style(REMARK_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    remark.base_style = cell
    remark.font.italic = True
    remark.font.color.rgb = RGBColor(0x40, 0x40, 0x40)
    remark.paragraph_format.space_before = Pt(2)
    remark.element.set(qn("w:styleId"), "Bemaerkning")

    small = styles.add_style("Lille tekst", WD_STYLE_TYPE.PARAGRAPH)
    small.base_style = normal
    small.font.size = Pt(9)
    small.font.color.rgb = RGBColor(0x40, 0x40, 0x40)
    small.element.set(qn("w:styleId"), "Lilletekst")

    for level in (1, 2, 3):
        toc = styles.add_style(f"TOC {level}", WD_STYLE_TYPE.PARAGRAPH)
        toc.base_style = normal
        toc.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        toc.paragraph_format.space_after = Pt(2)
        toc.element.set(qn("w:styleId"), f"TOC{level}")
        set_ppr(toc.element, "suppressAutoHyphens")  # the headings' own words, as the headings show them

    # A table style: thin grid, shaded bold header row; Word and LibreOffice both read it.
    styles.element.append(parse_xml(
        f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="Uddprogtabel">'
        f'<w:name w:val="{TABLE_STYLE}"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>'
        '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr>'
        '<w:tblPr><w:tblBorders>'
        + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
                  for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + '</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>'
        '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{HEAD_FILL}"/></w:tcPr></w:tblStylePr>'
        "</w:style>"
    ))


def setup_page(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.0)
    section.different_first_page_header_footer = True  # no header on the title page


# ------------------------------------------------------------------ building blocks


def para(doc, text: str = "", style: str | None = None, bold: bool = False):
    p = doc.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        run.bold = bold or None
    return p


def tag(doc, text: str):
    """A paragraph that holds only a docxtpl block tag; docxtpl removes the paragraph itself."""
    return doc.add_paragraph(text)


def page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def field(paragraph, instr: str, placeholder: str) -> None:
    """A complex field marked dirty, so Word and LibreOffice compute it on opening."""
    p = paragraph._p
    p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'))
    p.append(parse_xml(f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'))
    p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>'))
    p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">{placeholder}</w:t></w:r>'))
    p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))


def _shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def _cell_text(cell, text: str, style: str, bold: bool = False) -> None:
    p = cell.paragraphs[0]
    p.style = style
    run = p.add_run(text)
    if bold:
        run.bold = True


def table(doc, columns: list[tuple[str, float, str]], loop: str | None, total: list[str] | None = None,
          header: bool = True, cell_style: str = CELL_STYLE, label_fill: str | None = None):
    """A table with a header row and one templated row, repeated by ``{%tr for loop %}``.

    columns: (header text, width in cm, cell content with tags). The header row stays with the
    first row (keep with next). With a total row, every row keeps with the next: these tables are
    short, and a total row must never stand alone on the next page.
    """
    rows = (1 if header else 0) + (3 if loop else 1) + (1 if total else 0)
    t = doc.add_table(rows=rows, cols=len(columns))
    t.style = doc.styles[TABLE_STYLE]
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    t.autofit = False
    twips = [int(Cm(w).twips) for _, w, _ in columns]
    # Each width is rounded to whole twips; what the rounding adds comes off the widest column, so a
    # table as wide as the text (PAGE_WIDTH_CM) is exactly that wide and never reaches into the margin.
    over = sum(twips) - TEXT_WIDTH_TWIPS
    if over > 0:
        assert over < len(twips), f"columns of {sum(w for _, w, _ in columns)} cm are wider than the text"
        twips[twips.index(max(twips))] -= over
    widths = [Twips(t) for t in twips]
    for row in t.rows:
        for cell, w in zip(row.cells, widths):
            cell.width = w
    r = 0
    if header:
        hdr = t.rows[0]
        trpr = hdr._tr.get_or_add_trPr()
        trpr.append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))
        trpr.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))  # repeat on every page
        for cell, (title, _, _) in zip(hdr.cells, columns):
            _cell_text(cell, title, CELL_HEAD_STYLE, bold=True)
            _shade(cell, HEAD_FILL)
            keep_with_next(cell.paragraphs[0])
        r = 1
    if loop:
        t.rows[r].cells[0].paragraphs[0].add_run("{%tr for " + loop + " %}")
        r += 1
    for i, (cell, (_, _, content)) in enumerate(zip(t.rows[r].cells, columns)):
        _cell_text(cell, content, cell_style)
        if total:
            keep_with_next(cell.paragraphs[0])
        if label_fill and i == 0:  # a key-value table's labels, shaded like the HTML page's row heads
            _shade(cell, label_fill)
    # Rows must not break across pages mid-row when they are short.
    t.rows[r]._tr.get_or_add_trPr().append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))
    r += 1
    if loop:
        t.rows[r].cells[0].paragraphs[0].add_run("{%tr endfor %}")
        r += 1
    if total:
        for cell, content in zip(t.rows[r].cells, total):
            _cell_text(cell, content, CELL_HEAD_STYLE, bold=True)
        t.rows[r]._tr.get_or_add_trPr().append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))
    # python-docx writes tblW auto; give the grid our widths so both Word and LibreOffice agree.
    if not header:  # otherwise the table style would format the first data row as a head
        look = t._tbl.tblPr.find(qn("w:tblLook"))
        look.set(qn("w:firstRow"), "0")
        look.set(qn("w:firstColumn"), "0")
        # LibreOffice reads the older bit mask in w:val, not the attributes: 0x0020 is "first row", so
        # python-docx's "04A0" styled the first data row as a head. 0x0400 keeps only "no vertical banding".
        look.set(qn("w:val"), "0400")
    grid = t._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), twips):
        col.set(qn("w:w"), str(w))
    return t


# ------------------------------------------------------------------ blocks (one function each)


def block_vejledersamtaler(doc) -> None:
    """The planned vejledersamtaler, one table per ansættelse (block 'vejledersamtaler')."""
    tag(doc, "{%p elif b == 'vejledersamtaler' %}")
    # Each ansættelse's samtaler, when in the rule's words ("inden for den første måned"); the section's text
    # says how samtaler and career guidance work, as real programmes do.
    tag(doc, "{%p for g in vejledersamtaler %}")
    # A bold caption, not a heading: one entry per ansættelse would crowd the table of contents.
    caption = para(doc, "{{ g.overskrift }}", bold=True)
    caption.paragraph_format.keep_with_next = True
    caption.paragraph_format.space_before = Pt(12)
    tag(doc, "{%p if g.ansaettelse.samtaler %}")
    samtaler = table(doc, [
        ("Samtale", 3.4, "{{ r.samtale }}"),
        ("Hvornår", 4.4, "{{ r.senest }}"),
        ("Indhold", 9.2, "{{ r.bemaerkning }}"),
    ], "r in g.ansaettelse.samtaler")
    # Career guidance is part of every samtale (the rule above says so); only an exception is written.
    indhold = samtaler.rows[2].cells[2]
    indhold.add_paragraph("{%p if r.karrierenote %}")
    indhold.add_paragraph("{{ r.karrierenote }}", CELL_STYLE)
    indhold.add_paragraph("{%p endif %}")
    tag(doc, "{%p else %}")
    para(doc, "Der er ikke planlagt vejledersamtaler i denne ansættelse.")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if g.ansaettelse.uddannelsesplan %}")
    para(doc, "{{ g.ansaettelse.uddannelsesplan }}", "Lille tekst")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")


def block_kompetenceskema(doc, variant: Variant) -> None:
    """The målbeskrivelse's checklist in its own columns with the plan's periods (block 'kompetenceskema')."""
    tag(doc, "{%p elif b == 'kompetenceskema' %}")
    # The checklist's column names, as målbeskrivelser print them; the one long word breaks where it is
    # compounded (a soft hyphen), the cells themselves are never hyphenated.
    skema = table(doc, [
        (f"Mål nummer og {variant.kompetence.lower()}", 3.4, "{{ k.nummer }} {{ k.titel }}"),
        (f"Konkretisering af {variant.kompetence.lower()}", 5.4, "{{p k.konkretisering|md('Tabeltekst') }}"),
        ("Kompetence\u00advurderingsmetode (obligatorisk)", 3.2, "{{ k.vurderingsmetoder }}"),
        ("Læringsstrategi (anbefalet)", 3.0, "{{ k.laeringsstrategier }}"),
        ("Periode i forløbet", 2.0, "{{p k.perioder|afsnit('Tabeltekst') }}"),
    ], "k in kompetenceskema")
    skema.rows[2].cells[2].add_paragraph("{{p k.kort|md('Tabeltekst') }}")


def colophon_rule_source(doc) -> None:
    """Where the template's rules come from, under the colophon, so nobody mistakes them for SST's."""
    tag(doc, "{%p if skabelon.regelkilde %}")
    para(doc, "Skabelonens regler: {{ skabelon.regelkilde }}", "Lille tekst")
    tag(doc, "{%p endif %}")


# ------------------------------------------------------------------ document


def build(variant: Variant):
    doc = Document()
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    setup_styles(doc)
    setup_page(doc)

    # --- title page
    for _ in range(3):
        para(doc)
    para(doc, "{{ program.titel }}", "Title")
    # What the title does not say already (usually the region); nothing when it says it all.
    tag(doc, "{%p if program.undertitel %}")
    para(doc, "{{ program.undertitel }}", "Subtitle")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for stempel in program.stempler %}")  # a draft, an example: said once, on the title page
    para(doc, "{{ stempel }}", "Lille tekst", bold=True)
    tag(doc, "{%p endfor %}")
    para(doc)
    # A fact of several lines (the authors) keeps one per line.
    table(doc, [("", 5.0, "{{ f.label }}"), ("", 12.0, "{{p f.linjer|afsnit('Forsidetekst') }}")],
          "f in forside", header=False, cell_style=FRONT_CELL_STYLE, label_fill=LABEL_FILL)
    para(doc)
    para(doc, "Programmet er dannet med uddprog ud fra {{ skabelon.navn }} (version {{ skabelon.version }}) "
              "og målbeskrivelsen {{ mb.navn }}, udarbejdet af {{ mb.udarbejdet_af }} og godkendt af "
              "{{ mb.godkendt_af }}.", "Lille tekst")
    colophon_rule_source(doc)
    tag(doc, "{%p if mb.illustrativ_note %}")
    para(doc, "{{ mb.illustrativ_note }}", "Lille tekst")
    tag(doc, "{%p endif %}")
    page_break(doc)

    # --- table of contents
    para(doc, "Indholdsfortegnelse", "TOC Heading")
    field(doc.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u',
          "Indholdsfortegnelsen dannes, når dokumentet åbnes (eller: højreklik og vælg Opdater felt).")
    page_break(doc)

    # --- sections in the national template's order
    tag(doc, "{%p for s in sektioner %}")
    # An annex (bilag) begins on a page of its own; both are Heading 1, so both are in the table of contents.
    tag(doc, "{%p if s.bilag %}")
    set_ppr(para(doc, "{{ s.overskrift }}", "Heading 1")._p, "pageBreakBefore")
    tag(doc, "{%p else %}")
    para(doc, "{{ s.overskrift }}", "Heading 1")
    tag(doc, "{%p endif %}")
    doc.add_paragraph("{{p s.tekst|md }}")
    tag(doc, "{%p for b in s.blokke %}")

    tag(doc, "{%p if b == 'forløb' %}")
    # Driftsregion and universitetshospital are statistics fields (uddprog stats), not what a reader of the
    # programme looks for here; the presentation of each place names its region.
    table(doc, [
        ("Nr.", 0.9, "{{ a.nr }}"),
        ("Ansættelsessted", 6.0, "{{ a.sted }}"),
        ("Afdeling", 4.6, "{{ a.afdeling }}"),
        ("Måneder", 1.8, "{{ a.maaneder }}"),
        ("Periode", 3.7, "{{ a.periode }}"),
    ], "a in ansaettelser", total=["", "I alt", "", "{{ forloeb_i_alt.maaneder }}", "{{ forloeb_i_alt.periode }}"])
    para(doc)

    tag(doc, "{%p elif b == 'uddannelsessteder' %}")
    tag(doc, "{%p for a in ansaettelser %}")
    para(doc, "{{ a.overskrift }}", "Heading 2")
    para(doc, "{{ a.fakta }}", "Lille tekst")
    doc.add_paragraph("{{p a.beskrivelse|md }}")
    tag(doc, "{%p endfor %}")

    tag(doc, "{%p elif b == 'kompetenceplan' %}")
    tag(doc, "{%p for g in kompetenceplan %}")
    para(doc, "{{ g.overskrift }}", "Heading 2")
    tag(doc, "{%p if g.rader %}")
    # Five columns wide enough for their longest words, so nothing is hyphenated: the heading above names
    # the ansættelse (no "Hvor"), and the målbeskrivelse's roles and checklist are in the kompetenceskema.
    # Nr. holds ids like "AM10" (almen medicin 2013) and Hvornår "måned 10–18" on one line in 8.5 pt
    # (cell margins 2 × 0.14 cm); the widths add up to the text width, PAGE_WIDTH_CM.
    plan = table(doc, [
        ("Nr.", 1.2, "{{ r.nummer }}"),
        (variant.kompetence, 5.6, "{{ r.titel }}"),
        ("Hvornår", 2.2, "{{ r.hvornaar }}"),
        ("Læringsmetoder", 3.8, "{{ r.laeringsmetoder }}"),
        ("Vurderingsmetoder", 4.2, "{{ r.vurderingsmetoder }}"),
    ], "r in g.rader")
    # The plan's remark goes under the competency's title, as in the HTML; an empty one leaves no paragraph.
    plan.rows[2].cells[1].add_paragraph("{{p r.bemaerkning|md('Bemaerkning') }}")
    # The entry's planned number of assessments ("3 vurderinger") is a line under its methods, when set.
    vurdering = plan.rows[2].cells[4]
    vurdering.add_paragraph("{%p if r.antal %}")
    vurdering.add_paragraph("{{ r.antal }}", CELL_STYLE)
    vurdering.add_paragraph("{%p endif %}")
    # The competency's assessment cards go under its methods; none leaves no paragraph.
    vurdering.add_paragraph("{{p r.kort|md('Tabeltekst') }}")
    tag(doc, "{%p else %}")
    para(doc, f"Der er ikke planlagt {variant.flertal} i denne ansættelse.")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if ikke_planlagt %}")
    para(doc, "Ikke planlagt i forløbet: {{ ikke_planlagt|join('; ') }}", "Lille tekst")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p elif b == 'rolledækning' %}")
    para(doc, "Dækning af de syv lægeroller", "Heading 2")
    keep_with_next(para(doc, f"Antal {variant.flertal} pr. ansættelse, der træner hver lægerolle."))
    role_cols = [(f"{{{{ rolledaekning.roller[{i}] }}}}", 1.5, f"{{{{ r.celler[{i}] }}}}") for i in range(7)]
    t = table(doc, [("Ansættelse", 6.5, "{{ r.ansaettelse }}")] + role_cols, "r in rolledaekning.rader",
              total=["Hele forløbet"] + [f"{{{{ rolledaekning.total[{i}] }}}}" for i in range(7)])
    # Seven role names side by side only fit when the head cells are turned upright.
    head = t.rows[0]
    head._tr.get_or_add_trPr().append(parse_xml(f'<w:trHeight {nsdecls("w")} w:val="{int(Cm(3.0).twips)}" w:hRule="atLeast"/>'))
    for cell in head.cells[1:]:
        cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:textDirection {nsdecls("w")} w:val="btLr"/>'))
    para(doc, "{{ rolledaekning.forklaring }}", "Lille tekst")
    tag(doc, "{%p if rolledaekning.udaekkede %}")
    para(doc, "Roller uden planlagt træning: {{ rolledaekning.udaekkede|join(', ') }}.", bold=True)
    tag(doc, "{%p endif %}")

    tag(doc, "{%p elif b == 'kurser' %}")
    tag(doc, "{%p if kurser %}")
    table(doc, [
        ("Kursus", 4.3, "{{ k.titel }}"),
        ("Type", 3.0, "{{ k.type }}"),
        ("Varighed", 1.7, "{{ k.varighed }}"),
        ("Planlagt", 1.8, "{{ k.tidspunkt }}"),
        ("Under ansættelse", 3.2, "{{ k.ansaettelse }}"),
        ("Krav og bemærkning", 3.0, "{{ k.krav }}{% if k.krav and k.bemaerkning %}. {% endif %}{{ k.bemaerkning }}"),
    ], "k in kurser")
    para(doc)
    tag(doc, "{%p else %}")
    para(doc, "Der er ikke planlagt kurser i programmet.")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p elif b == 'fokuserede-ophold' %}")
    tag(doc, "{%p if fokuserede_ophold %}")
    table(doc, [
        ("Sted", 3.6, "{{ o.sted }}"),
        ("Under ansættelse", 3.0, "{{ o.ansaettelse }}"),
        ("Hvornår", 1.8, "{{ o.tidspunkt }}"),
        ("Varighed", 1.6, "{{ o.varighed }}"),
        ("Formål", 4.0, "{{p o.formaal|md('Tabeltekst') }}"),
        ("Kompetencer", 3.0, "{{ o.kompetencer }}"),
    ], "o in fokuserede_ophold")
    para(doc)
    tag(doc, "{%p else %}")
    para(doc, "Der er ikke planlagt fokuserede ophold i programmet.")
    tag(doc, "{%p endif %}")

    block_vejledersamtaler(doc)
    block_kompetenceskema(doc, variant)

    tag(doc, "{%p elif b == 'forskningstræning' %}")
    tag(doc, "{%p if forskning %}")
    table(doc, [("", 4.0, "{{ f.label }}"), ("", 13.0, "{{ f.vaerdi }}")], "f in forskning.rader", header=False)
    para(doc)
    doc.add_paragraph("{{p forskning.krav|md }}")
    doc.add_paragraph("{{p forskning.beskrivelse|md }}")
    tag(doc, "{%p else %}")
    para(doc, "Forskningstræning indgår ikke i denne uddannelsesfase.")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")

    # --- header and footer (not on the title page)
    section = doc.sections[0]
    hp = section.header.paragraphs[0]
    hp.text = "{{ sidehoved }}"
    hp.style = doc.styles["Lille tekst"]
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = section.footer.paragraphs[0]
    fp.style = doc.styles["Lille tekst"]
    fp.add_run("{{ sidefod }} · Side ")  # speciale · fase · region, each named once
    field(fp, "PAGE", "1")
    fp.add_run(" af ")
    field(fp, "NUMPAGES", "1")
    return doc


# ------------------------------------------------------------------ package clean-up

# python-docx leftovers; stylesWithEffects.xml is a Word 2010 copy of styles.xml that would disagree with ours.
_DROP = ("docProps/thumbnail.jpeg", "customXml/", "word/stylesWithEffects.xml")
_CORE = (
    XML_DECL
    + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>Uddannelsesprogram – Word-skabelon ({fase})</dc:title><dc:creator>uddprog</dc:creator>"
    "<dc:language>da-DK</dc:language><cp:revision>1</cp:revision>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:modified>'
    "</cp:coreProperties>"
)


def _without(xml: bytes, keep) -> bytes:
    root = etree.fromstring(xml)
    for child in list(root):
        if not keep(child):
            root.remove(child)
    return (XML_DECL + etree.tostring(root, encoding="unicode")).encode()


def package(doc, fase: str) -> bytes:
    """Save through python-docx, then drop leftovers of its default template and zip deterministically."""
    buf = io.BytesIO()
    doc.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zf:
        files = {n: zf.read(n) for n in zf.namelist()}
    files = {n: d for n, d in files.items() if not n.startswith(_DROP)}
    def dropped(target: str, base: str = "") -> bool:  # a relationship target, relative to its part's folder
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        return part.startswith(_DROP)

    files["_rels/.rels"] = _without(files["_rels/.rels"], lambda r: not dropped(r.get("Target")))
    files["word/_rels/document.xml.rels"] = _without(
        files["word/_rels/document.xml.rels"], lambda r: not dropped(r.get("Target"), "word"))
    files["[Content_Types].xml"] = _without(
        files["[Content_Types].xml"], lambda o: not dropped(o.get("PartName") or ""))
    files["docProps/core.xml"] = _CORE.format(fase=fase).encode()

    # Our list definitions (bullets and restartable numbering) in numbering.xml.
    numbering = etree.fromstring(files["word/numbering.xml"])
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    ids = [int(a.get(w + "abstractNumId")) for a in numbering.iterfind(w + "abstractNum")]
    frag = etree.fromstring(f'<w:x xmlns:w="{w[1:-1]}">{list_definitions(max(ids) + 1, max(ids) + 2)}</w:x>')
    first_num = numbering.find(w + "num")
    for el in list(frag):
        first_num.addprevious(el)
    num_ids = [int(n.get(w + "numId")) for n in numbering.iterfind(w + "num")]
    bullet = etree.SubElement(numbering, w + "num", {w + "numId": str(max(num_ids) + 1)})
    etree.SubElement(bullet, w + "abstractNumId", {w + "val": str(max(ids) + 1)})
    files["word/numbering.xml"] = (XML_DECL + etree.tostring(numbering, encoding="unicode")).encode()

    # Ask Word to refresh fields (the table of contents) when the document is opened.
    settings = etree.fromstring(files["word/settings.xml"])
    upd = etree.Element(w + "updateFields")
    upd.set(w + "val", "true")
    # The schema fixes the order of settings; updateFields comes before these (ECMA-376 CT_Settings).
    efter = {"hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema",
             "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
             "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
             "doNotEmbedSmartTags", "decimalSymbol", "listSeparator"}
    næste = next((el for el in settings if etree.QName(el).localname in efter), None)
    if næste is not None:
        næste.addprevious(upd)
    else:
        settings.append(upd)
    # No automatic hyphenation (Word's own default): text is ragged right, and every table column is wide
    # enough for its longest words. A region that wants it switches it on in its template; tables stay whole.
    files["word/settings.xml"] = (XML_DECL + etree.tostring(settings, encoding="unicode")).encode()

    order = ["[Content_Types].xml", "_rels/.rels"] + sorted(n for n in files if n not in
                                                           ("[Content_Types].xml", "_rels/.rels"))
    return zip_bytes((n, files[n]) for n in order)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fejl hvis de gemte skabeloner afviger")
    args = ap.parse_args(argv)
    status = 0
    for v in VARIANTS:
        data = package(build(v), v.fase)
        target = ROOT / "templates" / "national" / v.fase / "program.docx"
        if args.check:
            if not target.is_file() or target.read_bytes() != data:
                print(f"{target.relative_to(ROOT)} er ikke genereret af den nuværende kode", file=sys.stderr)
                status = 1
        else:
            write_atomic(target, data)
            print(f"skrev {target.relative_to(ROOT)} ({len(data):,} bytes)".replace(",", "."))
    return status


if __name__ == "__main__":
    raise SystemExit(main())
