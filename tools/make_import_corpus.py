"""Generate tests/importer/korpus/*.docx, Word programmes written the way regions write them.

The import tests read these files. They are built here from WordprocessingML written by
hand (no Word, no python-docx defaults), so every feature the importer must handle is
present on purpose and the bytes are reproducible:

- ``nord-overskriftstypografier.docx``: built-in heading styles (``Heading1``/"heading 1"),
  section titles in regional wording, a forløb table with a merged total row, a
  competency table with a vertically merged ansættelse column and method names in
  several spellings, bullet lists with nesting, a numbered list, a link, a section
  the template does not have, header and footer with a page field.
- ``syd-danske-typografier.docx``: Danish Word's style ids and names ("Overskrift 1"),
  sub-headings by outline level only, tracked insertions and deletions, two comments,
  a text box (with Word's VML fallback copy), a picture, "(mindst 3)" assessment counts.
- ``nord-word-felter.docx``: Word's machinery around the text: a cover page in a content control,
  a table of contents field, a HYPERLINK field, PAGE in fldSimple, bookmarks, proofing marks, a
  smart tag, soft and non-breaking hyphens, a table inside a table cell.
- ``oest-uden-typografier.docx``: no heading styles at all: numbered bold paragraphs
  ("2.1 Akutmodtagelsen, Holbæk Sygehus"), front-page data as "Label: værdi"
  paragraphs, competencies by title only, a title only in docProps.

All content is illustrative (written for uddprog; people and practices are fictional).

    python tools/make_import_corpus.py            # writes the corpus
    python tools/make_import_corpus.py --check    # fails if a committed file differs
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from uddprog.skriv import write_atomic, zip_bytes  # noqa: E402

KORPUS = ROOT / "tests" / "importer" / "korpus"

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"')
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def t(tekst: str) -> str:
    return f'<w:t xml:space="preserve">{escape(tekst)}</w:t>'


def run(tekst: str, fmt: str = "") -> str:
    """A run; ``fmt`` holds 'b' (bold) and/or 'i' (italic)."""
    rpr = ("<w:b/>" if "b" in fmt else "") + ("<w:i/>" if "i" in fmt else "")
    return f"<w:r>{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}{t(tekst)}</w:r>"


@dataclass
class Dok:
    stile: str                      # styles.xml content (w:style elements)
    krop: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    kommentarer: list[tuple[str, str]] = field(default_factory=list)  # (author, text)
    sidehoved: str = ""
    sidefod: str = ""
    titel: str = ""

    def p(self, *indhold: str | tuple, stil: str = "", num: tuple[int, int] | None = None) -> None:
        """A paragraph of runs: a str is a plain run, a tuple (text, fmt) a formatted one, and a
        tuple ('xml', raw) raw markup (links, tracked changes, comments, text boxes)."""
        ppr = (f'<w:pStyle w:val="{stil}"/>' if stil else "") + (
            f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>' if num else "")
        dele = []
        for x in indhold:
            if isinstance(x, str):
                dele.append(run(x))
            elif x[0] == "xml":
                dele.append(x[1])
            else:
                dele.append(run(x[0], x[1]))
        self.krop.append(f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{''.join(dele)}</w:p>")

    def link(self, tekst: str, url: str) -> tuple:
        self.links.append(url)
        return ("xml", f'<w:hyperlink r:id="rIdL{len(self.links)}">'
                       f'<w:r><w:rPr><w:u w:val="single"/></w:rPr>{t(tekst)}</w:r></w:hyperlink>')

    def kommentar(self, forfatter: str, tekst: str) -> tuple[tuple, tuple]:
        cid = len(self.kommentarer)
        self.kommentarer.append((forfatter, tekst))
        return (("xml", f'<w:commentRangeStart w:id="{cid}"/>'),
                ("xml", f'<w:commentRangeEnd w:id="{cid}"/><w:r><w:commentReference w:id="{cid}"/></w:r>'))

    def tabel(self, rækker: list[list], hoved: bool = True) -> None:
        """Cells: str, or dict(tekst=..., span=n, vmerge='restart'|'continue', afsnit=[...])."""
        xml = ['<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>']
        for ri, række in enumerate(rækker):
            xml.append("<w:tr>")
            for c in række:
                c = {"tekst": c} if isinstance(c, str) else c
                tcpr = (f'<w:gridSpan w:val="{c["span"]}"/>' if c.get("span") else "") + (
                    f'<w:vMerge w:val="{c["vmerge"]}"/>' if c.get("vmerge") == "restart" else
                    "<w:vMerge/>" if c.get("vmerge") == "continue" else "")
                afsnit = c.get("afsnit") or [c.get("tekst", "")]
                fmt = "b" if hoved and ri == 0 else ""
                ps = "".join(f"<w:p>{run(a, fmt) if a else ''}</w:p>" for a in afsnit)
                xml.append(f"<w:tc>{f'<w:tcPr>{tcpr}</w:tcPr>' if tcpr else ''}{ps}</w:tc>")
            xml.append("</w:tr>")
        xml.append("</w:tbl>")
        self.krop.append("".join(xml))

    def pakke(self) -> bytes:
        body = "".join(self.krop)
        sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/>'
                '<w:footerReference w:type="default" r:id="rIdF"/></w:sectPr>')
        dokument = f"{DECL}<w:document {NS}><w:body>{body}{sect}</w:body></w:document>"
        rels = [f'<Relationship Id="rIdS" Type="{REL}/styles" Target="styles.xml"/>',
                f'<Relationship Id="rIdN" Type="{REL}/numbering" Target="numbering.xml"/>',
                f'<Relationship Id="rIdH" Type="{REL}/header" Target="header1.xml"/>',
                f'<Relationship Id="rIdF" Type="{REL}/footer" Target="footer1.xml"/>']
        rels += [f'<Relationship Id="rIdL{i}" Type="{REL}/hyperlink" Target="{escape(u)}" TargetMode="External"/>'
                 for i, u in enumerate(self.links, start=1)]
        overrides = ["/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                     "/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
                     "/word/numbering.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
                     "/word/header1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
                     "/word/footer1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
                     "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"]
        dele = {
            "word/header1.xml": f"{DECL}<w:hdr {NS}>{self.sidehoved}</w:hdr>",
            "word/footer1.xml": f"{DECL}<w:ftr {NS}>{self.sidefod}</w:ftr>",
            "word/styles.xml": f"{DECL}<w:styles {NS}>{self.stile}</w:styles>",
            "word/numbering.xml": f"{DECL}<w:numbering {NS}>{NUMMERERING}</w:numbering>",
        }
        if self.kommentarer:
            rels.append(f'<Relationship Id="rIdC" Type="{REL}/comments" Target="comments.xml"/>')
            overrides += ["/word/comments.xml",
                          "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"]
            kom = "".join(f'<w:comment w:id="{i}" w:author="{escape(a)}" w:date="2024-05-02T10:00:00Z">'
                          f"<w:p>{run(x)}</w:p></w:comment>" for i, (a, x) in enumerate(self.kommentarer))
            dele["word/comments.xml"] = f"{DECL}<w:comments {NS}>{kom}</w:comments>"
        ct = (f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/>'
              + "".join(f'<Override PartName="{overrides[i]}" ContentType="{overrides[i + 1]}"/>'
                        for i in range(0, len(overrides), 2)) + "</Types>")
        core = (f'{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
                'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                f"<dc:title>{escape(self.titel)}</dc:title><dc:creator>uddprog (illustrativ)</dc:creator>"
                "</cp:coreProperties>")
        root_rels = (f'{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                     f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
                     '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
                     'metadata/core-properties" Target="docProps/core.xml"/></Relationships>')
        doc_rels = (f'{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    + "".join(rels) + "</Relationships>")
        filer = [("[Content_Types].xml", ct), ("_rels/.rels", root_rels), ("word/document.xml", dokument),
                 ("word/_rels/document.xml.rels", doc_rels), ("docProps/core.xml", core), *sorted(dele.items())]
        return zip_bytes([(n, x.encode("utf-8")) for n, x in filer])


NUMMERERING = (
    '<w:abstractNum w:abstractNumId="1">'
    + "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>'
              for i in range(3))
    + '</w:abstractNum><w:abstractNum w:abstractNumId="2">'
    + "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%{i + 1}."/>'
              '</w:lvl>' for i in range(3))
    + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
)
PUNKT, NUMMER, NUMMER2 = 1, 2, 3


def stil(sid: str, navn: str, ppr: str = "", rpr: str = "", basis: str = "Normal") -> str:
    ud = f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{navn}"/>'
    if basis:
        ud += f'<w:basedOn w:val="{basis}"/>'
    if ppr:
        ud += f"<w:pPr>{ppr}</w:pPr>"
    if rpr:
        ud += f"<w:rPr>{rpr}</w:rPr>"
    return ud + "</w:style>"


NORMAL = stil("Normal", "Normal", basis="")


def sidefelt(tekst: str) -> str:
    """A footer paragraph with a PAGE field: the instruction must not become text, the result must."""
    return (f"<w:p>{run(tekst)}<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
            '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{run("1")}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')


# ------------------------------------------------------------------ the three documents

def nord() -> bytes:
    d = Dok(NORMAL + stil("Title", "Title", rpr='<w:sz w:val="40"/>')
            + stil("Heading1", "heading 1", '<w:outlineLvl w:val="0"/>', "<w:b/>")
            + stil("Heading2", "heading 2", '<w:outlineLvl w:val="1"/>', "<w:b/>")
            + stil("ListParagraph", "List Paragraph"))
    d.titel = "Uddannelsesprogram, neurologi, Aalborg–Viborg"
    d.sidehoved = f"<w:p>{run('Neurologi · Hoveduddannelse · Aalborg–Viborg, forløb 2')}</w:p>"
    d.sidefod = sidefelt("Videreuddannelsesregion Nord · side ")
    d.p("Uddannelsesprogram for hoveduddannelse i neurologi – Aalborg–Viborg, forløb 2", stil="Title")
    d.p("Udarbejdet af: Birthe Eksempelsen, postgraduat klinisk lektor; Henrik Prøvegaard, "
        "uddannelsesansvarlig overlæge, Neurologisk Afdeling, Aalborg Universitetshospital")
    d.p("Godkendt af: Udvalg for godkendelse af uddannelsesprogrammer (UGUP), Videreuddannelsesregion Nord")
    d.p("Godkendt den: 3. marts 2025")
    d.p("1. Indledning", stil="Heading1")
    d.p("Programmet beskriver ", ("hele hoveduddannelsen", "b"), " i neurologi for forløb 2, som begynder i ",
        ("Viborg", "i"), " og slutter i Aalborg. Det bygger på målbeskrivelsen fra 2015, som du finder hos ",
        d.link("Dansk Neurologisk Selskab", "https://neuro.dk"), ".")
    d.p("Programmet er grundlaget for din individuelle uddannelsesplan, som du udarbejder sammen med din "
        "hovedvejleder ved introduktionssamtalen.")
    d.p("2. Præsentation af forløbet", stil="Heading1")
    d.p("Forløbet består af to ansættelser:")
    d.tabel([["Ansættelsessted", "Afdeling", "Region", "Måneder"],
             ["Regionshospitalet Viborg", "Neurologisk Afdeling", "Region Midtjylland", "24"],
             ["Aalborg Universitetshospital", "Neurologisk Afdeling", "Region Nordjylland", "24"],
             [{"tekst": "I alt", "span": 3}, "48"]])
    d.p("3. Præsentation af afdelingerne", stil="Heading1")
    d.p("Begge afdelinger har fast undervisning for uddannelseslæger og et tæt samarbejde om vagtlaget.")
    d.p("Neurologisk Afdeling, Regionshospitalet Viborg", stil="Heading2")
    d.p("Afdelingen modtager akutte neurologiske patienter fra hele den vestlige del af regionen og har et "
        "apopleksiafsnit med trombolyse døgnet rundt.")
    d.p("I afdelingen får du:")
    d.p("egne ambulante patienter fra første måned", stil="ListParagraph", num=(PUNKT, 0))
    d.p("bagvagtsfunktion efter tre måneder, med:", stil="ListParagraph", num=(PUNKT, 0))
    d.p("en speciallæge i baggrunden", stil="ListParagraph", num=(PUNKT, 1))
    d.p("daglig gennemgang af vagtens patienter", stil="ListParagraph", num=(PUNKT, 1))
    d.p("ugentlig undervisning, som du selv bidrager til", stil="ListParagraph", num=(PUNKT, 0))
    d.p("Neurologisk Afdeling, Aalborg Universitetshospital", stil="Heading2")
    d.p("Universitetsafdelingen varetager de ", ("højt specialiserede", "b"),
        " funktioner i Nordjylland, herunder trombektomi, epilepsikirurgisk udredning og neuromuskulære sygdomme.")
    d.p("4. Kompetencer", stil="Heading1")
    d.p("Tabellen viser, hvor og hvornår du erhverver og får vurderet kompetencerne.")
    d.tabel([
        ["Nr.", "Kompetence", "Ansættelse", "Periode", "Læringsstrategi", "Kompetencevurdering"],
        ["1", "Neurologisk anamnese og objektiv neurologisk undersøgelse",
         {"tekst": "Regionshospitalet Viborg", "vmerge": "restart"}, "mdr. 1–6", "Klinisk arbejde, supervision",
         "Direkte observation"],
        ["2", {"afsnit": ["Akut apopleksi og trombolyse", "Trombolysevagten fra måned 4."]},
         {"vmerge": "continue"}, "måned 1–12", "Klinisk arbejde; kurser", "Mini CEX"],
        ["", "Status epilepticus", {"vmerge": "continue"}, "måned 3–12", "Simulation", "Struktureret observation"],
        ["12", "Infektioner i centralnervesystemet", {"vmerge": "continue"}, "måned 6–24",
         "Klinisk arbejde og konferencer", "CbD, logbogsnotat"],
        ["7", "Multipel sklerose og andre demyeliniserende sygdomme",
         {"tekst": "Aalborg Universitetshospital", "vmerge": "restart"}, "måned 25–36", "Klinisk arbejde",
         "Case-baseret diskussion"],
        ["18", "Vurdering af EEG-, EMG- og neurografisvar", {"vmerge": "continue"}, "måned 25–40",
         "Fokuseret ophold, selvstudium", "Struktureret observation"],
        ["99", "En kompetence, som ikke findes i målbeskrivelsen", {"vmerge": "continue"}, "måned 41–48",
         "Klinisk arbejde", "Mini-CEX"],
    ])
    d.p("5. Kurser", stil="Heading1")
    d.p("Du tilmelder dig kurserne i denne rækkefølge:")
    d.p("SOL1 i første år", stil="ListParagraph", num=(NUMMER, 0))
    d.p("de specialespecifikke kurser, når de udbydes", stil="ListParagraph", num=(NUMMER, 0))
    d.p("SOL2 og SOL3 i sidste halvdel af forløbet", stil="ListParagraph", num=(NUMMER, 0))
    d.p("6. Forskningstræning", stil="Heading1")
    d.p("Forskningstræningen ligger i Aalborg, hvor afdelingens forskningsenhed stiller en vejleder til rådighed.")
    d.p("7. Vejledning", stil="Heading1")
    d.p("Du har en hovedvejleder i hver ansættelse og holder introduktions-, justerings- og slutsamtaler.")
    d.p("8. Evaluering", stil="Heading1")
    d.p("Du evaluerer hver ansættelse på evaluer.dk.")
    d.p("Bilag: Vagtplanens opbygning", stil="Heading1")
    d.p("Vagtplanen lægges for tre måneder ad gangen og sendes ud fire uger før.")
    return d.pakke()


def syd() -> bytes:
    d = Dok(NORMAL + stil("Titel", "Titel", rpr='<w:sz w:val="40"/>')
            + stil("Overskrift1", "Overskrift 1", '<w:outlineLvl w:val="0"/>', "<w:b/>")
            + stil("Afsnitsoverskrift", "Afsnitsoverskrift", '<w:outlineLvl w:val="1"/>', "<w:i/>")
            + stil("Listeafsnit", "Listeafsnit"))
    d.sidehoved = f"<w:p>{run('Anæstesiologi, introduktionsuddannelse, Kolding')}</w:p>"
    d.sidefod = f"<w:p>{run('Videreuddannelsesregion Syd · version 3')}</w:p>"
    d.p("Uddannelsesprogram for introduktionsuddannelse i anæstesiologi – Kolding", stil="Titel")
    d.p("Indledning", stil="Overskrift1")
    d.p("Introduktionsuddannelsen i anæstesiologi varer ",
        ("xml", '<w:del w:id="1" w:author="PKL"><w:r><w:delText>seks</w:delText></w:r></w:del>'),
        ("xml", f'<w:ins w:id="2" w:author="PKL"><w:r>{t("tolv")}</w:r></w:ins>'),
        " måneder og giver dig et grundlag for at vælge speciale.")
    a, b = d.kommentar("Sekretariatet", "Husk at opdatere navnet på den uddannelsesansvarlige overlæge.")
    d.p("Programmet er skrevet af afdelingens ", a, "uddannelsesansvarlige overlæge", b, " og PKL.")
    d.p("Præsentation af uddannelsesforløbet", stil="Overskrift1")
    d.tabel([["Sted", "Afdeling", "Periode", "Universitetshospital"],
             ["Sygehus Lillebælt, Kolding Sygehus", "Anæstesiologisk Afdeling", "måned 1–12", "Nej"]])
    d.p("Anæstesiologisk Afdeling, Sygehus Lillebælt, Kolding Sygehus", stil="Afsnitsoverskrift")
    boks = (f"<w:p>{run('Kontakt: uddannelsesansvarlig overlæge, tlf. 7636 0000 (fiktivt).')}</w:p>"
            f"<w:p>{run('Sekretær for uddannelseslæger: lokal 2210.')}</w:p>")
    tekstboks = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
                 '<a:graphicData><wps:wsp><wps:txbx>'
                 f"<w:txbxContent>{boks}</w:txbxContent>"
                 "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
                 f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{boks}</w:txbxContent></v:textbox>"
                 "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>")
    d.p("Afdelingen bedøver til ortopædkirurgi, abdominalkirurgi, gynækologi og obstetrik og har en "
        "intensiv afdeling med otte senge.", ("xml", tekstboks))
    d.p("Du går i forvagt efter en introduktion på fire uger.")
    d.p(("xml", '<w:r><w:drawing><wp:inline><a:graphic><a:graphicData '
                'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"/></a:graphic></wp:inline>'
                "</w:drawing></w:r>"), "Afdelingens logo.")
    d.p("Kompetenceudvikling og kompetencevurdering", stil="Overskrift1")
    d.tabel([
        ["Mål nr.", "Kompetence", "Læringsstrategi (anbefalet)", "Kompetencevurderingsmetode (obligatorisk)",
         "Tidspunkt"],
        ["1", "Præoperativ vurdering af den elektive patient, ASA 1-3", "Klinisk arbejde under supervision",
         "Mini-CEX", "Måned 1–3"],
        ["2", "Generel anæstesi til ukompliceret elektiv kirurgi, ASA 1-2", "Klinisk arbejde, simulationstræning",
         "Struktureret observation (mindst 3)", "Måned 1–6"],
        ["3", "Basal luftvejshåndtering", "Simulation", "Struktureret observation, kompetencekort", "Måned 1–4"],
        ["9", "Samarbejde og kommunikation i operationsteamet", "Klinisk arbejde", "ANTS", "Måned 4–12"],
    ])
    d.p("Kurser", stil="Overskrift1")
    d.p("Kursus i klinisk vejledning tages i løbet af de første tolv måneder.")
    d.p("Vejledning og uddannelsesplan", stil="Overskrift1")
    c, e = d.kommentar("PKL", "Skal samtalerne stå med datoer?")
    d.p("Du har introduktions-, justerings- og slutsamtale med din ", c, "hovedvejleder", e, ".")
    d.p("Karrierevejledning", stil="Overskrift1")
    d.p("Karrierevejledning indgår i alle vejledersamtaler.")
    d.p("Evaluering af uddannelsen", stil="Overskrift1")
    d.p("Du evaluerer ansættelsen på evaluer.dk.")
    return d.pakke()


def oest() -> bytes:
    d = Dok(NORMAL)
    d.titel = "Uddannelsesprogram for klinisk basisuddannelse – Holbæk, forløb 7"
    d.sidehoved = f"<w:p>{run('KBU Holbæk, forløb 7')}</w:p>"
    d.sidefod = f"<w:p>{run('Videreuddannelsesregion Øst')}</w:p>"
    d.p(("Uddannelsesprogram for klinisk basisuddannelse", "b"))
    d.p("Forløb: Holbæk, forløb 7")
    d.p("Udarbejdet af: Lise Modelsen, PKL")
    d.p("Godkendt af: Det Regionale Råd for Lægers Videreuddannelse, Øst")
    d.p("Dato for godkendelse: 14.06.2024")
    d.p(("1. Indledning", "b"))
    d.p("Dette program beskriver din kliniske basisuddannelse i Holbæk og i almen praksis.")
    d.p(("2. Præsentation af uddannelsesforløbet", "b"))
    d.tabel([["Afdeling", "Sted", "Måneder"],
             ["Akutmodtagelsen", "Holbæk Sygehus", "6"],
             ["Almen praksis", "Lægerne i Tølløse", "6"]])
    d.p(("2.1 Akutmodtagelsen, Holbæk Sygehus", "b"))
    d.p("Akutmodtagelsen modtager ", ("alle akutte patienter", "b"), " i Holbæk-området.")
    d.p(("2.2 Almen praksis, Lægerne i Tølløse", "b"))
    d.p("Praksis har fire læger og en tutorlæge, som er din vejleder.")
    d.p(("3. Læringsmål og kompetencevurdering", "b"))
    d.tabel([
        ["Læringsmål", "Ansættelse", "Læringsmetoder", "Vurdering"],
        ["Systematisk vurdering og initial behandling af den akut syge patient",
         {"tekst": "Akutmodtagelsen, Holbæk Sygehus", "vmerge": "restart"},
         "Klinisk arbejde, simulation, kursus", "2 x struktureret observation"],
        ["Målrettet anamnese og objektiv undersøgelse", {"vmerge": "continue"}, "Klinisk arbejde", "Mini-CEX"],
        ["Konsultationen i almen praksis", {"tekst": "Almen praksis, Lægerne i Tølløse", "vmerge": "restart"},
         "Klinisk arbejde, supervision", "3 × Mini-CEX"],
        ["Kommunikation med patienter og pårørende", {"vmerge": "continue"}, "Klinisk arbejde",
         "Struktureret observation"],
    ])
    d.p(("4. Generelle kurser", "b"))
    d.p("Du deltager i kurserne i akut behandling, kommunikation og læring.")
    d.p(("5. Vejledning og uddannelsesplan", "b"))
    d.p("Din vejleder holder introduktions-, justerings- og slutsamtale med dig i begge ansættelser.")
    d.p(("6. Karrierevejledning", "b"))
    d.p("Vi taler om dit valg af speciale ved hver samtale.")
    d.p(("7. Evaluering af uddannelsen", "b"))
    d.p("Du evaluerer begge ansættelser på evaluer.dk.")
    return d.pakke()


def felter() -> bytes:
    """Word's own machinery around the text: content controls, fields, bookmarks, proofing marks."""
    d = Dok(NORMAL + stil("Heading1", "heading 1", '<w:outlineLvl w:val="0"/>', "<w:b/>")
            + stil("TOC1", "toc 1") + stil("TOCHeading", "TOC Heading", '<w:outlineLvl w:val="0"/>', basis="Heading1"))
    d.titel = "Introduktionsuddannelse i neurologi, Gødstrup"
    d.sidefod = ('<w:p><w:r><w:t xml:space="preserve">Side </w:t></w:r><w:fldSimple w:instr=" PAGE ">'
                 f"{run('2')}</w:fldSimple></w:p>")
    # A cover page in a block-level content control.
    d.krop.append('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Cover Pages"/></w:docPartObj></w:sdtPr>'
                  f"<w:sdtContent><w:p>{run('Uddannelsesprogram for introduktionsuddannelse i neurologi', 'b')}</w:p>"
                  f"<w:p>{run('Godkendt den: 2. februar 2026')}</w:p></w:sdtContent></w:sdt>")
    d.p("Indholdsfortegnelse", stil="TOCHeading")
    d.p(("xml", '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" '
                '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'), "Indledning\t1", stil="TOC1")
    d.p("Kompetenceudvikling\t2", ("xml", '<w:r><w:fldChar w:fldCharType="end"/></w:r>'), stil="TOC1")
    d.p("Indledning", stil="Heading1")
    d.p(("xml", '<w:bookmarkStart w:id="0" w:name="_Toc1"/>'), "Introduktionsstillingen giver et ",
        ("xml", '<w:proofErr w:type="spellStart"/>'), "første", ("xml", '<w:proofErr w:type="spellEnd"/>'),
        " indblik i neurologien; læs mere hos ",
        ("xml", '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK '
                '"https://neuro.dk" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                f'{run("selskabet")}<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
        " og i ", ("xml", f'<w:smartTag w:uri="urn:x" w:element="place">{run("Gødstrup")}</w:smartTag>'),
        ("xml", '<w:bookmarkEnd w:id="0"/>'), ".")
    d.p("Stillingen er et fuldtids", ("xml", "<w:r><w:softHyphen/></w:r>"), "job med vagter i dag", 
        ("xml", "<w:r><w:noBreakHyphen/></w:r>"), "tid.")
    d.p("Præsentation af uddannelsesforløbet", stil="Heading1")
    d.tabel([["Ansættelsessted", "Afdeling", "Periode"], ["Regionshospitalet Gødstrup", "Neurologi", "måned 1–12"]])
    d.p("Kompetenceudvikling og kompetencevurdering", stil="Heading1")
    d.tabel([["Kompetence", "Læringsmetode", "Vurderingsmetode", "Hvornår"],
             ["2. Modtagelse af patienter med mistænkt akut apopleksi", "Klinisk arbejde", "Mini-CEX", "måned 1–4"],
             ["6 Lumbalpunktur", "Simulationstræning", "Struktureret observation", "måned 2–6"]])
    d.p("Vejledning og uddannelsesplan", stil="Heading1")
    d.krop.append("<w:tbl><w:tr><w:tc><w:p>" + run("Samtale") + "</w:p></w:tc><w:tc><w:p>" + run("Hvornår")
                  + "</w:p></w:tc></w:tr><w:tr><w:tc><w:p>" + run("Introduktion") + "</w:p></w:tc><w:tc>"
                  "<w:tbl><w:tr><w:tc><w:p>" + run("inden for") + "</w:p></w:tc><w:tc><w:p>" + run("14 dage")
                  + "</w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>")
    d.p("Karrierevejledning", stil="Heading1")
    d.p("Din vejleder taler med dig om valg af speciale.")
    d.p("Evaluering af uddannelsen", stil="Heading1")
    d.p("Du evaluerer på evaluer.dk.")
    return d.pakke()


KORPUSFILER = {
    "nord-overskriftstypografier.docx": nord,
    "syd-danske-typografier.docx": syd,
    "oest-uden-typografier.docx": oest,
    "nord-word-felter.docx": felter,
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fejl hvis de gemte filer afviger")
    args = ap.parse_args(argv)
    status = 0
    for navn, lav in KORPUSFILER.items():
        data, sti = lav(), KORPUS / navn
        if args.check:
            if not sti.exists() or sti.read_bytes() != data:
                print(f"{sti} afviger fra {Path(__file__).name}; kør scriptet igen.", file=sys.stderr)
                status = 1
        else:
            KORPUS.mkdir(parents=True, exist_ok=True)
            write_atomic(sti, data)
            print(f"skrev {sti.relative_to(ROOT)}")
    return status


if __name__ == "__main__":
    sys.exit(main())
