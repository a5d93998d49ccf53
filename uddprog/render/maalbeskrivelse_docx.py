"""A målbeskrivelse as a plain Word document of its competencies, courses and forskningstræning.

Its purpose is the redline of two versions (`uddprog diff OLD NEW --format docx` for målbeskrivelser):
one paragraph per fact, so :mod:`.redline` aligns them the way a reader compares two versions.
Minimal package (content types, relationships, document, styles, settings, fonts; no theme, which Word and
LibreOffice do without); deterministic like every render.
"""

from __future__ import annotations

import re

from .. import regler
from ..markdown import strip_forbidden, xml_escape
from ..models import Maalbeskrivelse, visningsnavn
from ..skriv import zip_bytes

_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/fontTable.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/></Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>')
_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" '
    'Target="settings.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" '
    'Target="fontTable.xml"/></Relationships>')
_SETTINGS = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings {_NS}>'
             '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
             '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
             'w:val="15"/></w:compat></w:settings>')
_FONTS = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts {_NS}>'
          '<w:font w:name="Calibri"><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>')


def _stil(id: str, navn: str, størrelse: int, fed: bool) -> str:
    return (f'<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{navn}"/><w:basedOn w:val="Normal"/>'
            f'<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/>'
            f'<w:outlineLvl w:val="{1 if id == "Heading2" else 0}"/></w:pPr>'
            f'<w:rPr>{"<w:b/>" if fed else ""}<w:sz w:val="{størrelse}"/></w:rPr></w:style>')


_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {_NS}>'
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/>'
    '<w:sz w:val="22"/><w:lang w:val="da-DK"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    + _stil("Title", "Title", 40, True) + _stil("Heading1", "heading 1", 32, True)
    + _stil("Heading2", "heading 2", 26, True) + '</w:styles>')


def _p(tekst: str, stil: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{stil}"/></w:pPr>' if stil else ""
    return (f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{xml_escape(strip_forbidden(tekst))}</w:t></w:r></w:p>'
            if tekst else f"<w:p>{ppr}</w:p>")


_PUNKT = re.compile(r"\s*(?:[-*+]|\d+[.)])\s+")


def _afsnit(markdown: str) -> list[str]:
    """Markdown as the paragraphs a reader sees: wrapped lines joined, each list item on its own."""
    ud: list[str] = []
    linjer: list[str] = []
    for linje in [*markdown.splitlines(), ""]:
        if not linje.strip() or _PUNKT.match(linje):
            if linjer:
                ud.append(" ".join(linjer))
            linjer = [linje.strip()] if linje.strip() else []
        else:
            linjer.append(linje.strip())
    return ud


def _navne(værdier) -> str:
    return ", ".join(visningsnavn(v) for v in værdier) or "ingen"


def mb_docx(mb: Maalbeskrivelse) -> bytes:
    """The målbeskrivelse's competencies, courses and research training as DOCX bytes."""
    dele = [_p(f"Målbeskrivelse for {mb.speciale}, {visningsnavn(mb.fase).lower()}, version {mb.version}", "Title"),
            _p(f"Gyldig fra {mb.gyldig_fra.isoformat()}. Varighed {mb.varighed_måneder} måneder."),
            _p("Kompetencer", "Heading1")]
    for k in mb.kompetencer:
        dele.append(_p(f"{k.id} {k.titel}", "Heading2"))
        dele += [_p(afsnit) for afsnit in _afsnit(k.konkretisering)]
        dele.append(_p(f"Lægeroller: {_navne(k.roller)}."))
        dele.append(_p(f"Læringsstrategier (anbefalet): {_navne(k.læringsstrategier)}."))
        dele.append(_p(f"Kompetencevurderingsmetoder (obligatorisk): {_navne(k.vurderingsmetoder)}."))
        if k.min_vurderinger:
            dele.append(_p(f"Mindst {k.min_vurderinger} vurderinger."))
        if k.erstatter:
            dele.append(_p(f"Erstatter kompetence {', '.join(k.erstatter)} i forrige version."))
    if mb.kurser:
        dele.append(_p("Kurser", "Heading1"))
        for c in mb.kurser:
            vindue = regler.vinduesregel(c)
            dele.append(_p(f"{c.id} {c.titel} ({visningsnavn(c.type).lower()}"
                           + (f", {c.varighed}" if c.varighed else "") + (f"; {vindue}" if vindue else "") + ")."))
    if mb.forskningstræning:
        f = mb.forskningstræning
        dele.append(_p("Forskningstræning", "Heading1"))
        dele.append(_p("; ".join([f"{f.dage} dage", *regler.forskningsplacering(f)]) + "."))
    krop = ("".join(dele) + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" '
            'w:gutter="0"/></w:sectPr>')
    dokument = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {_NS}><w:body>{krop}</w:body></w:document>'
    return zip_bytes([("[Content_Types].xml", _CONTENT_TYPES.encode()), ("_rels/.rels", _RELS.encode()),
                      ("word/document.xml", dokument.encode("utf-8")),
                      ("word/_rels/document.xml.rels", _DOC_RELS.encode()), ("word/styles.xml", _STYLES.encode()),
                      ("word/settings.xml", _SETTINGS.encode()), ("word/fontTable.xml", _FONTS.encode())])
