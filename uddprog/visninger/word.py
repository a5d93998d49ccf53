"""A small Word (DOCX) builder for the views' documents: headings, paragraphs, Markdown and tables.

The programme documents come from the regions' Word templates (:mod:`uddprog.render`); the views' documents
(a department's page, the trainee's uddannelsesplan) have no template of their own, so they are written as
a minimal package like :mod:`uddprog.render.maalbeskrivelse_docx`: content types, relationships, styles
(Danish, Calibri, a bordered table style), the list definitions Markdown lists use, core properties from
the data (never the clock) and a deterministic zip. Markdown goes through :func:`uddprog.render.wordml.to_wordml`,
so it reads as in the programmes.
"""

from __future__ import annotations

from datetime import date
from typing import Sequence

from ..markdown import strip_forbidden, xml_escape
from ..render.docx import CoreProperties, core_xml, list_definitions
from ..render.wordml import WordRefs, to_wordml
from ..skriv import zip_bytes

_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_OOXML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

_CONTENT_TYPES = (
    _DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{_OOXML}.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{_OOXML}.styles+xml"/>'
    f'<Override PartName="/word/settings.xml" ContentType="{_OOXML}.settings+xml"/>'
    f'<Override PartName="/word/numbering.xml" ContentType="{_OOXML}.numbering+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '</Types>')
_RELS = (_DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>'
         '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
         'core-properties" Target="docProps/core.xml"/></Relationships>')
_SETTINGS = (_DECL + f'<w:settings {_NS}><w:defaultTabStop w:val="720"/>'
             '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting '
             'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
             '</w:settings>')


def _overskriftsstil(id_: str, navn: str, størrelse: int, niveau: int, farve: str = "1F3864") -> str:
    return (f'<w:style w:type="paragraph" w:styleId="{id_}"><w:name w:val="{navn}"/><w:basedOn w:val="Normal"/>'
            '<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>'
            f'<w:spacing w:before="{280 if niveau == 0 else 200}" w:after="80"/><w:outlineLvl w:val="{niveau}"/>'
            f'</w:pPr><w:rPr><w:b/><w:color w:val="{farve}"/><w:sz w:val="{størrelse}"/></w:rPr></w:style>')


_KANT = ''.join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
                for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
_STYLES = (
    _DECL + f'<w:styles {_NS}>'
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" '
    'w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="da-DK" w:eastAsia="da-DK"/></w:rPr>'
    '</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr>'
    '</w:pPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
    '<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="160"/></w:pPr><w:rPr><w:b/>'
    '<w:color w:val="1F3864"/><w:sz w:val="40"/></w:rPr></w:style>'
    + _overskriftsstil("Heading1", "heading 1", 30, 0) + _overskriftsstil("Heading2", "heading 2", 26, 1)
    + _overskriftsstil("Heading3", "heading 3", 23, 2) + _overskriftsstil("Heading4", "heading 4", 22, 3)
    + '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>'
    '<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:ind w:left="567"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Lille"><w:name w:val="Lille tekst"/><w:basedOn w:val="Normal"/>'
    '<w:rPr><w:color w:val="404040"/><w:sz w:val="18"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Tabeltekst"><w:name w:val="Tabeltekst"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="19"/>'
    '</w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Tabeloverskrift"><w:name w:val="Tabeloverskrift"/>'
    '<w:basedOn w:val="Tabeltekst"/><w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/>'
    '<w:u w:val="single"/></w:rPr></w:style>'
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr>'
    '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    '<w:style w:type="table" w:styleId="Uddprogtabel"><w:name w:val="Uddprogtabel"/><w:basedOn w:val="TableNormal"/>'
    f'<w:tblPr><w:tblBorders>{_KANT}</w:tblBorders></w:tblPr></w:style>'
    '</w:styles>')

_BULLET_ABSTRAKT, _NUMMER_ABSTRAKT, _BULLET_NUM = 0, 1, 1
_HOVEDFARVE = "DCE6F1"


def _tekst(t: str) -> str:
    return xml_escape(strip_forbidden(str(t)))


class Worddokument:
    """Paragraphs and tables in reading order; :meth:`docx` packs them."""

    def __init__(self, titel: str, emne: str = "", forfatter: str = "uddprog", dato: date | None = None,
                 liggende: bool = False):
        self.titel, self.emne, self.forfatter, self.dato, self.liggende = titel, emne, forfatter, dato, liggende
        self.dele: list[str] = []
        self.refs = WordRefs(first_num_id=_BULLET_NUM + 1, bullet_num_id=_BULLET_NUM)

    def afsnit(self, tekst: str = "", stil: str = "", fed: bool = False) -> None:
        ppr = f'<w:pPr><w:pStyle w:val="{stil}"/></w:pPr>' if stil else ""
        rpr = "<w:rPr><w:b/></w:rPr>" if fed else ""
        self.dele.append(f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{_tekst(tekst)}</w:t></w:r></w:p>'
                         if tekst else f"<w:p>{ppr}</w:p>")

    def felt(self, navn: str, værdi: str) -> None:
        """'Navn: værdi' with the name in bold."""
        self.dele.append(f'<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{_tekst(navn)}: </w:t></w:r>'
                         f'<w:r><w:t xml:space="preserve">{_tekst(værdi)}</w:t></w:r></w:p>')

    def overskrift(self, tekst: str, niveau: int = 1) -> None:
        self.afsnit(tekst, "Title" if niveau == 0 else f"Heading{niveau}")

    def markdown(self, tekst: str | None) -> None:
        if tekst and tekst.strip():
            self.dele.append(to_wordml(tekst, self.refs))

    def tabel(self, overskrifter: Sequence[str], rækker: Sequence[Sequence[str]],
              bredder: Sequence[int] | None = None) -> None:
        """A bordered table with a repeating, shaded header row; ``bredder`` in percent of the text width."""
        n = len(overskrifter)
        bredder = list(bredder) if bredder else [100 // n] * n
        grid = "".join(f'<w:gridCol w:w="{int(self._tekstbredde() * b / 100)}"/>' for b in bredder)

        def celle(tekst: str, b: int, hoved: bool) -> str:
            shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{_HOVEDFARVE}"/>' if hoved else ""
            stil = "Tabeloverskrift" if hoved else "Tabeltekst"
            linjer = str(tekst).split("\n")
            runs = '<w:r><w:br/></w:r>'.join(f'<w:r><w:t xml:space="preserve">{_tekst(linje)}</w:t></w:r>'
                                               for linje in linjer)
            return (f'<w:tc><w:tcPr><w:tcW w:w="{b * 50}" w:type="pct"/>{shd}</w:tcPr>'
                    f'<w:p><w:pPr><w:pStyle w:val="{stil}"/>{"<w:keepNext/>" if hoved else ""}</w:pPr>{runs}</w:p>'
                    '</w:tc>')

        hoved = ('<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>'
                 + "".join(celle(o, b, True) for o, b in zip(overskrifter, bredder)) + "</w:tr>")
        krop = "".join('<w:tr><w:trPr><w:cantSplit/></w:trPr>'
                       + "".join(celle(c, b, False) for c, b in zip(r, bredder)) + "</w:tr>" for r in rækker)
        self.dele.append('<w:tbl><w:tblPr><w:tblStyle w:val="Uddprogtabel"/><w:tblW w:w="5000" w:type="pct"/>'
                         '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
                         f'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{hoved}{krop}</w:tbl>'
                         '<w:p/>')

    def _tekstbredde(self) -> int:
        return (16838 if self.liggende else 11906) - 2 * 1134

    def _numbering(self) -> str:
        nums = f'<w:num w:numId="{_BULLET_NUM}"><w:abstractNumId w:val="{_BULLET_ABSTRAKT}"/></w:num>' + "".join(
            f'<w:num w:numId="{num}"><w:abstractNumId w:val="{_NUMMER_ABSTRAKT}"/><w:lvlOverride w:ilvl="{ilvl}">'
            f'<w:startOverride w:val="{start}"/></w:lvlOverride></w:num>' for num, ilvl, start in self.refs.numbered)
        return (_DECL + f'<w:numbering {_NS}>{list_definitions(_BULLET_ABSTRAKT, _NUMMER_ABSTRAKT)}{nums}'
                '</w:numbering>')

    def docx(self) -> bytes:
        bredde, højde = (16838, 11906) if self.liggende else (11906, 16838)
        orient = ' w:orient="landscape"' if self.liggende else ""
        sektion = (f'<w:sectPr><w:pgSz w:w="{bredde}" w:h="{højde}"{orient}/><w:pgMar w:top="1134" w:right="1134" '
                   'w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>')
        dokument = f'{_DECL}<w:document {_NS}><w:body>{"".join(self.dele)}{sektion}</w:body></w:document>'
        links = "".join(f'<Relationship Id="{rid}" Type="{_REL}/hyperlink" Target="{xml_escape(url)}" '
                        'TargetMode="External"/>' for rid, url in self.refs.links)
        dok_rels = (_DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    f'<Relationship Id="rId1" Type="{_REL}/styles" Target="styles.xml"/>'
                    f'<Relationship Id="rId2" Type="{_REL}/settings" Target="settings.xml"/>'
                    f'<Relationship Id="rId3" Type="{_REL}/numbering" Target="numbering.xml"/>{links}'
                    '</Relationships>')
        kerne = core_xml(CoreProperties(title=self.titel, subject=self.emne, author=self.forfatter,
                                        keywords="uddprog", language="da-DK", created=self.dato))
        return zip_bytes([("[Content_Types].xml", _CONTENT_TYPES.encode()), ("_rels/.rels", _RELS.encode()),
                          ("word/document.xml", dokument.encode("utf-8")),
                          ("word/_rels/document.xml.rels", dok_rels.encode("utf-8")),
                          ("word/styles.xml", _STYLES.encode("utf-8")), ("word/settings.xml", _SETTINGS.encode()),
                          ("word/numbering.xml", self._numbering().encode("utf-8")),
                          ("docProps/core.xml", kerne)])
