"""Generate tests/importer/fremmed/: Word programmes written the way other people write them, with truth.

uddprog's own import corpus (tools/make_import_corpus.py) is WordprocessingML written by hand to
exercise the reader. This corpus is different: each document is made with the tool and the habits
a region's author really uses, and each comes with a truth file (``<name>.sandhed.yaml``) saying
what a correct import gives. ``benchmarks/import_recall.py`` measures the importer against it
(issue 22, part 1).

- ``nord-neurologi-versaler.docx``: python-docx without heading styles; headings are numbered
  capitals in plain weight ("2. FORLØBETS OPBYGNING", "3.2 Aalborg Universitetshospital"), a big
  "UDDANNELSESPROGRAM" line above the title, three authors on lines of one cell, "Godkendt i Det
  Regionale Råd for Lægers Videreuddannelse | 14.03.2024", "Ansvarlig for programmet: …", calendar
  periods "01.09.2024 – 31.08.2025", competency titles worded differently from the målbeskrivelse
  ("Demens", "Akut apopleksi, herunder trombolyse") with a "Hvor" column ("Viborg", "Begge steder"),
  and a "Kursus | Tidspunkt" table with the målbeskrivelse's course titles.
- ``syd-psykiatri-pandoc.docx``: Markdown converted by pandoc (its Title/Author paragraphs, Heading
  styles, pipe tables as real Word tables), "Godkendt: 9. december 2024 af …", a period table "Fra |
  Til | Afdeling" with Danish dates, competencies numbered "Mål 3", "Hvor" as "Esbjerg og
  Middelfart" or "Alle afdelinger".
- ``oest-ortopaedi-libreoffice.doc``: a Word-like document saved by LibreOffice as binary .doc:
  built-in heading styles, authors as a bullet list, approval in a version table, periods as
  "2.–3. år", competencies "K1"–"K15" in a table with vertically merged "Hvor" cells and group
  rows spanning the table.
- ``syd-almen-medicin-danske-typografier.docx``: Danish style names ("Titel", "Overskrift 1",
  "Overskrift 2"), authors separated by line breaks in one cell, periods by month names ("august
  2024 – januar 2025"), five ansættelser with two at the same hospital, one competency table per
  ansættelse under a heading naming it, numbers written "3.".
- ``nord-kbu-romertal.docx``: python-docx with bold Roman-numbered headings ("IX. Kontakt"), two
  authors in one sentence, "Godkendt af UGUP den 5. november 2024", periods "01.02.2025–31.07.2025",
  learning goals with the målbeskrivelse's ids and "Hvor" cells merged downwards.
- ``oest-anaestesiologi-flettede-celler.docx``: Word-like with a two-row header (gridSpan and
  vMerge), group rows, a "Programansvarlig" field, the real title in the subtitle under
  "Uddannelsesprogram", a period table without a header ("1. februar 2025 | 31. januar 2026 |
  afdeling"), titles with extra words ("…, herunder crash-induktion").
- ``nord-ortopaedi-forfattertabel.docx``: Heading styles; the authors in a front-page table "Navn |
  Funktion | Arbejdssted" with the roles written out ("Uddannelsesansvarlig overlæge", "Hovedvejleder");
  section titles the template does not have word for word ("Formål med uddannelsesprogrammet",
  "Afdelingerne" with one sub-heading per department, "Vejledning og evaluering"); places written
  with other endings ("Ortopædkirurgien i Hjørring") and "Hele forløbet"/"Alle ansættelser" in "Hvor".
- ``oest-kbu-titeltypografi.docx``: the title in a style of its own ("Forsidetitel") with an outline
  level, as a heading has; the authors in a table "Forfatter | Stilling | Afdeling" under a heading
  "Forfattere"; sections "Ansættelse", "Dine to arbejdspladser" (a sub-heading per place) and
  "Uddannelsesplan og evaluering"; "Medicinen" for Medicinsk Afdeling and "Hele forløbet" in the
  competency table's "Ansættelse" column.

All content is illustrative: written for uddprog, the hospitals are real, the practices, people,
dates and texts are invented (said in each document's properties and footer).

    python tools/make_foreign_corpus.py            # writes the corpus (needs pandoc and LibreOffice)
    python tools/make_foreign_corpus.py --check    # fails if a committed file differs (needs pandoc)

Deterministic: python-docx's parts are re-zipped with fixed timestamps and fixed core properties;
pandoc runs with SOURCE_DATE_EPOCH (both give the same bytes for the same version). The .doc is
LibreOffice's bytes, which depend on its version (7.4 gives the same bytes twice): ``--check`` does not
convert again but checks the truth file, which records the SHA-256 of the .docx the .doc was converted
from (regenerated here byte for byte), and that the .doc is a Word 97 file; writing converts again only
when that .docx changed (or with ``--doc-igen``). The tests open the .doc in LibreOffice and find the
truth's rows and word count in it.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Callable

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Mm, Pt
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from uddprog import soffice as lo  # noqa: E402
from uddprog.skriv import write_atomic, zip_bytes  # noqa: E402

FREMMED = ROOT / "tests" / "importer" / "fremmed"

ILLUSTRATIV = ("Illustrativt eksempel skrevet til uddprog: hospitalerne er virkelige, men praksisser, "
               "personer, datoer og al tekst er opdigtede.")
#: Core-property dates of every python-docx document, and pandoc's SOURCE_DATE_EPOCH.
FAST_TID = datetime(2024, 11, 4, 9, 30, tzinfo=timezone.utc)
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# ------------------------------------------------------------------ words of the body

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_UDE = {W + "del", W + "moveFrom", "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}


def ord_i(tekst: str) -> Counter:
    """Words as the import tests count them: runs of word characters, case-folded."""
    return Counter(re.findall(r"\w+", tekst.casefold()))


def kroppens_ord(docx_data: bytes) -> Counter:
    """Words of word/document.xml's body, read with lxml independently of the importer: every w:t,
    paragraph by paragraph, except tracked deletions, VML fallback copies and a table of contents."""
    with zipfile.ZipFile(io.BytesIO(docx_data)) as zf:
        rod = etree.fromstring(zf.read("word/document.xml"))
    afsnit = []
    for p in rod.iter(W + "p"):
        if any(a.tag in _UDE for a in p.iterancestors()):
            continue
        stil = p.find(f"{W}pPr/{W}pStyle")
        if stil is not None and stil.get(W + "val", "").lower().startswith("toc"):
            continue
        dele = []
        for el in p.iter(W + "t", W + "tab", W + "br", W + "cr"):
            if any(a.tag in _UDE for a in el.iterancestors()) or next(el.iterancestors(W + "p")) is not p:
                continue
            dele.append(el.text or "" if el.tag == W + "t" else " ")
        afsnit.append("".join(dele))
    return ord_i("\n".join(afsnit))


# ------------------------------------------------------------------ truth

@dataclass
class Sandhed:
    """What a correct import of one document gives; filled while the document is written."""

    målbeskrivelse: str                      # speciale/fase@version
    region: str
    lavet_med: str
    kendetegn: list[str]
    forside: dict = field(default_factory=dict)
    ansættelser: list[dict] = field(default_factory=list)
    kompetencer: list[dict] = field(default_factory=list)
    kurser: list[dict] = field(default_factory=list)

    def ansættelse(self, sted: str, afdeling: str, måneder: int, periode: str) -> int:
        self.ansættelser.append({"nr": len(self.ansættelser) + 1, "sted": sted, "afdeling": afdeling,
                                 "måneder": måneder, "periode": periode})
        return len(self.ansættelser)

    def kompetence(self, kid: str, ansættelser: list[int], række: str) -> None:
        self.kompetencer.append({"kompetence": kid, "ansættelser": ansættelser, "række": række})

    def kursus(self, kid: str, række: str) -> None:
        self.kurser.append({"kursus": kid, "række": række})

    def yaml(self, navn: str, ord_: int, kilde: dict | None = None) -> str:
        """The truth file: written by hand (flow rows, fixed order) so it reads like a table."""
        def q(v):
            if isinstance(v, (bool, int)) or v is None:
                return json.dumps(v)
            if isinstance(v, date):
                return v.isoformat()
            if isinstance(v, list):
                return "[" + ", ".join(q(x) for x in v) + "]"
            if isinstance(v, dict):
                return "{" + ", ".join(f"{k}: {q(x)}" for k, x in v.items()) + "}"
            return json.dumps(v, ensure_ascii=False)

        f = self.forside
        ud = [f"# Sandhed for {navn}: hvad en import, der læser dokumentet rigtigt, giver.",
              "# Dannet af tools/make_foreign_corpus.py sammen med dokumentet; ret ikke i hånden.",
              "# Illustrativt: personer, praksisser, datoer og tekst er opdigtede.",
              f"dokument: {q(navn)}",
              "illustrativ: true",
              f"målbeskrivelse: {q(self.målbeskrivelse)}",
              f"region: {q(self.region)}",
              f"lavet_med: {q(self.lavet_med)}",
              "kendetegn:", *[f"  - {q(k)}" for k in self.kendetegn],
              "forside:",
              f"  titel: {q(f['titel'])}",
              "  forfattere:", *[f"    - {q(a)}" for a in f["forfattere"]],
              f"  godkendt_dato: {q(f['godkendt_dato'])}",
              f"  godkendt_af: {q(f['godkendt_af'])}",
              f"  ansvarlig: {q(f['ansvarlig'])}",
              "# nr tæller ansættelserne fra 1 i forløbets rækkefølge; periode er dokumentets egen skrivemåde (' · ' skiller celler)",
              "ansættelser:", *[f"  - {q(a)}" for a in self.ansættelser],
              "# én post pr. række i dokumentets kompetencetabeller; en række for flere steder hører til hvert af dem;",
              "# række er rækkens celler om kompetence og sted (' · ' skiller celler)",
              "kompetencer:", *[f"  - {q(k)}" for k in self.kompetencer],
              "# én post pr. række i dokumentets kursustabel",
              "kurser:", *[f"  - {q(k)}" for k in self.kurser],
              "# ord i dokumentets brødtekst (forside, afsnit og tabeller; ikke sidehoved og sidefod), som de",
              "# tælles i tests/importer/test_tekstbevarelse.py: alle skal ende et sted i udkastet",
              f"ord_i_kroppen: {ord_}"]
        if kilde:
            ud += ["kilde:", *[f"  {k}: {q(v)}" for k, v in kilde.items()]]
        return "\n".join(ud) + "\n"


# ------------------------------------------------------------------ python-docx, as its users write

OVER = object()    # a table cell merged with the one above (vMerge)


@dataclass
class Hel:
    """A table row that is one cell spanning the whole width (gridSpan), e.g. a group heading."""
    tekst: str


class Word:
    """A python-docx document with the few things these authors use, and fixed metadata."""

    def __init__(self, titel: str, forfatter: str) -> None:
        self.d = docx.Document()
        sektion = self.d.sections[0]
        sektion.page_width, sektion.page_height = Mm(210), Mm(297)
        sektion.footer.paragraphs[0].text = ILLUSTRATIV
        cp = self.d.core_properties
        cp.title, cp.author, cp.last_modified_by = titel, forfatter, forfatter
        cp.comments, cp.keywords, cp.subject = ILLUSTRATIV, "uddannelsesprogram; illustrativ", ""
        cp.created = cp.modified = cp.last_printed = FAST_TID.replace(tzinfo=None)
        cp.revision = 3

    def afsnit(self, *dele: str | tuple[str, str], stil: str | None = None, pt: float | None = None,
               fed: bool = False) -> None:
        """A paragraph of runs: a str is a plain run (bold when ``fed``), ("tekst", "b"/"i"/"bi") a formatted one."""
        p = self.d.add_paragraph(style=stil)
        for d in dele:
            tekst, fmt = (d, "b" if fed else "") if isinstance(d, str) else d
            r = p.add_run(tekst)
            r.bold = True if "b" in fmt else None
            r.italic = True if "i" in fmt else None
            if pt:
                r.font.size = Pt(pt)

    def punkt(self, tekst: str) -> None:
        self.d.add_paragraph(tekst, style="List Bullet")

    def tabel(self, rækker: list[list], hoved: bool = True, stil: str | None = "Table Grid"):
        """Cells: str (a "\\n" is a line break), list[str] (paragraphs), OVER (merged with the cell
        above); a row may be a Hel (one cell over all columns). The first row is bold when ``hoved``."""
        bredde = max(len(r) for r in rækker if not isinstance(r, Hel))
        t = self.d.add_table(rows=len(rækker), cols=bredde)
        if stil:
            t.style = self.d.styles[stil]
        for ri, række in enumerate(rækker):
            if isinstance(række, Hel):
                celle = t.cell(ri, 0).merge(t.cell(ri, bredde - 1))
                self._celle(celle, række.tekst, fed=True)
                continue
            for ci, v in enumerate(række):
                if v is not OVER:
                    self._celle(t.cell(ri, ci), v, fed=hoved and ri == 0)
        for ci in range(bredde):   # vertical merges, after all text is in place
            ri = 0
            while ri < len(rækker):
                slut = ri
                while slut + 1 < len(rækker) and not isinstance(rækker[slut + 1], Hel) \
                        and rækker[slut + 1][ci] is OVER:
                    slut += 1
                if slut > ri:
                    t.cell(ri, ci).merge(t.cell(slut, ci))
                ri = slut + 1
        return t

    @staticmethod
    def _celle(celle, v: str | list[str], fed: bool) -> None:
        afsnit = v if isinstance(v, list) else [v]
        for i, a in enumerate(afsnit):
            p = celle.paragraphs[0] if i == 0 else celle.add_paragraph()
            for j, linje in enumerate(a.split("\n")):
                r = p.add_run(linje)
                r.bold = True if fed else None
                if j < len(a.split("\n")) - 1:
                    r.add_break()

    def stil(self, navn: str, pt: float, fed: bool = True, basis: str = "Normal") -> None:
        """A paragraph style the way a regional template defines one: only its (Danish) name says what it is."""
        s = self.d.styles.add_style(navn, WD_STYLE_TYPE.PARAGRAPH)
        s.base_style = self.d.styles[basis]
        s.font.size, s.font.bold = Pt(pt), fed
        s.paragraph_format.space_before, s.paragraph_format.keep_with_next = Pt(12), True

    def bytes(self) -> bytes:
        buf = io.BytesIO()
        self.d.save(buf)
        return fast_zip(buf.getvalue())


def fast_zip(data: bytes) -> bytes:
    """The same package with fixed timestamps (python-docx stamps the time of saving), through uddprog's
    one deterministic zip writer."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zip_bytes([(i.filename, zf.read(i)) for i in zf.infolist()])


# ------------------------------------------------------------------ the documents
# Each returns (the document's bytes, its truth). The truth is filled from the same rows the
# document is written from, so the two cannot drift apart.

SOL = {n: f"SOL{n} – Sundhedsvæsenets organisation og ledelse, del {n}" for n in (1, 2, 3)}


def nord_neurologi() -> tuple[bytes, Sandhed]:
    s = Sandhed("neurologi/hoveduddannelse@2015", "Nord", "python-docx, ingen overskriftstypografier", [
        "overskrifter er nummererede versaler uden fed skrift (\"2. FORLØBETS OPBYGNING\")",
        "underoverskrifter med nummer er afdelingernes navne (\"3.2 Aalborg Universitetshospital\")",
        "stor linje \"UDDANNELSESPROGRAM\" over den egentlige titel",
        "tre forfattere på hver sin linje i én tabelcelle",
        "\"Godkendt i Det Regionale Råd for Lægers Videreuddannelse | 14.03.2024\"",
        "\"Ansvarlig for programmet: …\"",
        "målbeskrivelsen nævnt på forsiden (\"Målbeskrivelse for neurologi, 2015\")",
        "perioder som datoer (\"01.09.2024 – 31.08.2025\")",
        "kompetencer uden nummer, med andre titler end målbeskrivelsen (\"Demens\", \"Akut apopleksi, herunder trombolyse\")",
        "kolonnen \"Hvor\" med ét ord af stedet (\"Aalborg\") eller \"Begge steder\"",
        "kursustabel \"Kursus | Tidspunkt\" med målbeskrivelsens kursustitler",
    ])
    w = Word("Hoveduddannelse i neurologi, forløb 4", "Marie Fiktivgaard")
    titel = "Hoveduddannelse i neurologi – Viborg og Aalborg, forløb 4"
    w.afsnit("UDDANNELSESPROGRAM", pt=24, fed=True)
    w.afsnit(titel, pt=18)
    w.afsnit("Målbeskrivelse for neurologi, 2015")
    w.afsnit("Videreuddannelsesregion Nord")
    forfattere = [("Signe Prøvelund", "uao", "uddannelsesansvarlig overlæge, Regionshospitalet Viborg"),
                  ("Torben Eksempelsen", "uao", "uddannelsesansvarlig overlæge, Aalborg Universitetshospital"),
                  ("Marie Fiktivgaard", "pkl", "postgraduat klinisk lektor i neurologi")]
    w.tabel([["Udarbejdet af", [f"{n}, {t}" for n, _, t in forfattere]],
             ["Godkendt i Det Regionale Råd for Lægers Videreuddannelse", "14.03.2024"],
             ["Revideres senest", "marts 2027"]], hoved=False)
    w.afsnit("Ansvarlig for programmet: Henrik Modelsen, uddannelseskoordinerende overlæge, "
             "Aalborg Universitetshospital")
    s.forside = {"titel": titel, "forfattere": [{"navn": n, "rolle": r} for n, r, _ in forfattere],
                 "godkendt_dato": date(2024, 3, 14),
                 "godkendt_af": "Det Regionale Råd for Lægers Videreuddannelse",
                 "ansvarlig": {"navn": "Henrik Modelsen", "rolle": "uko"}}

    def overskrift(tekst: str) -> None:   # this author types headings in capitals and numbers them by hand
        w.afsnit(tekst)

    overskrift("1. INDLEDNING")
    w.afsnit("Dette uddannelsesprogram beskriver hoveduddannelsen i neurologi, forløb 4, i "
             "Videreuddannelsesregion Nord. Forløbet varer fire år: det første år på Regionshospitalet "
             "Viborg og de sidste tre år på Aalborg Universitetshospital.")
    w.afsnit("Programmet bygger på målbeskrivelsen for neurologi fra 2015 og viser, hvor og hvordan du "
             "erhverver kompetencerne, hvilke kurser du skal følge, og hvordan vejledningen er organiseret. "
             "Sammen med din hovedvejleder laver du en individuel uddannelsesplan ud fra programmet.")
    overskrift("2. FORLØBETS OPBYGNING")
    w.afsnit("Forløbet har to ansættelser. Datoerne gælder for den læge, der begynder 1. september 2024; "
             "for senere forløb flyttes de tilsvarende.")
    viborg = s.ansættelse("Regionshospitalet Viborg", "Neurologisk Afdeling", 12, "01.09.2024 – 31.08.2025")
    aalborg = s.ansættelse("Aalborg Universitetshospital", "Neurologisk Afdeling", 36, "01.09.2025 – 31.08.2028")
    w.tabel([["Ansættelsessted", "Afdeling", "Periode"]]
            + [[a["sted"], a["afdeling"], a["periode"]] for a in s.ansættelser])
    w.afsnit("I Viborg er vægten på den brede akutte neurologi og på at blive sikker i bagvagten. I Aalborg "
             "møder du de højt specialiserede funktioner, og her gennemfører du også din forskningstræning.")
    overskrift("3. PRÆSENTATION AF AFDELINGERNE")
    w.afsnit("3.1 Regionshospitalet Viborg")
    w.afsnit("Neurologisk Afdeling i Viborg dækker den midterste del af Midtjylland med et apopleksiafsnit, "
             "et sengeafsnit og et ambulatorium. Afdelingen modtager omkring 2.500 akutte patienter om året, "
             "og trombolysebehandlingen foregår i tæt samarbejde med akutmodtagelsen.")
    w.afsnit("Du går følgevagter de første uger og indgår derefter i bagvagtslaget. Der er morgenkonference "
             "hver dag, røntgenkonference tre gange om ugen og fælles undervisning onsdag eftermiddag, hvor "
             "de yngre læger skiftes til at fremlægge.")
    w.afsnit("3.2 Aalborg Universitetshospital")
    w.afsnit("Neurologisk Afdeling i Aalborg er regionens universitetsafdeling med trombektomi, "
             "epilepsiovervågning, en neuromuskulær klinik og et sklerosecenter.")
    w.afsnit("Som hoveduddannelseslæge skifter du mellem afdelingens sektioner med seks måneders mellemrum og "
             "deltager i bagvagten for hele Nordjylland. Afdelingens forskningsenhed stiller en vejleder til "
             "rådighed for din forskningstræning.")
    overskrift("4. KOMPETENCER OG KOMPETENCEVURDERING")
    w.afsnit("Tabellen viser, hvor du primært arbejder med hver kompetence, og hvordan den vurderes. En "
             "speciallæge godkender kompetencen i logbogen, når vurderingen er gennemført.")
    steder = {"Viborg": [viborg], "Aalborg": [aalborg], "Begge steder": [viborg, aalborg]}
    rækker = [
        ("1", "Neurologisk anamnese og undersøgelse", "Viborg", "Klinisk arbejde", "Struktureret observation"),
        ("2", "Akut apopleksi, herunder trombolyse", "Viborg", "Klinisk arbejde, kursus", "Mini-CEX"),
        ("3", "TIA og sekundær profylakse", "Viborg", "Klinisk arbejde", "CbD"),
        ("4", "Intracerebral blødning og subaraknoidalblødning", "Aalborg", "Klinisk arbejde, konferencer", "CbD"),
        ("5", "Epilepsi", "Begge steder", "Klinisk arbejde", "CbD"),
        ("6", "Status epilepticus", "Aalborg", "Simulation", "Struktureret observation"),
        ("7", "Multipel sklerose", "Aalborg", "Klinisk arbejde, kursus", "CbD"),
        ("8", "Parkinsons sygdom og bevægeforstyrrelser", "Aalborg", "Klinisk arbejde", "Struktureret observation"),
        ("9", "Demens", "Viborg", "Klinisk arbejde", "CbD"),
        ("10", "Neuromuskulære sygdomme", "Aalborg", "Klinisk arbejde, kursus", "CbD"),
        ("11", "Hovedpine", "Begge steder", "Klinisk arbejde, selvstudium", "Mini-CEX"),
        ("12", "CNS-infektioner", "Aalborg", "Klinisk arbejde", "CbD"),
        ("13", "Bevidsthedsforstyrrelser og koma", "Aalborg", "Klinisk arbejde", "Struktureret observation"),
        ("14", "Svimmelhed", "Viborg", "Klinisk arbejde", "Mini-CEX"),
        ("15", "Akut rygmarvskompression", "Aalborg", "Klinisk arbejde", "CbD"),
        ("17", "Lumbalpunktur", "Viborg", "Færdighedstræning", "Struktureret observation"),
        ("18", "EEG, EMG og neurografi", "Aalborg", "Fokuseret ophold", "CbD"),
        ("19", "Neuroradiologi", "Aalborg", "Konferencer", "CbD"),
        ("20", "Neurorehabilitering", "Viborg", "Klinisk arbejde", "Vejledersamtale"),
        ("22", "Kommunikation med patienter og pårørende", "Begge steder", "Klinisk arbejde", "Mini-CEX"),
        ("24", "Ledelse af vagtteamet", "Aalborg", "Klinisk arbejde", "360 graders feedback"),
        ("26", "Undervisning af studerende og kolleger", "Begge steder", "Undervise andre", "Vejledersamtale"),
        ("27", "Evidensbaseret medicin", "Aalborg", "Selvstudium", "Vejledersamtale"),
        ("28", "Perifere nervesygdomme", "Aalborg", "Klinisk arbejde", "CbD"),
        ("30", "Etik og professionalisme", "Begge steder", "Supervision", "360 graders feedback"),
    ]
    for kid, t, hvor, *_ in rækker:
        s.kompetence(kid, steder[hvor], f"{t} · {hvor}")
    w.tabel([["Kompetence", "Hvor", "Læringsmetode", "Vurdering"]] + [list(r[1:]) for r in rækker])
    w.afsnit("Kompetencer, som ikke står i tabellen, erhverves løbende i begge ansættelser og vurderes efter "
             "aftale med hovedvejlederen.")
    overskrift("5. KURSER")
    w.afsnit("Du deltager i de generelle kurser i ledelse og i de specialespecifikke kurser, som Dansk "
             "Neurologisk Selskab arrangerer. Tidspunkterne er vejledende.")
    kurser = [("hu-cerebrovaskulaer", "Cerebrovaskulære sygdomme og akut apopleksibehandling", "november 2024"),
              ("sol1", SOL[1], "foråret 2025"),
              ("hu-epilepsi", "Epilepsi og EEG", "marts 2025"),
              ("hu-hovedpine", "Hovedpine, svimmelhed og søvnsygdomme", "oktober 2025"),
              ("hu-neuroradiologi", "Neuroradiologi", "januar 2026"),
              ("hu-neuroimmunologi", "Neuroimmunologi og infektioner i nervesystemet", "april 2026"),
              ("hu-neuromuskulaer", "Neuromuskulære sygdomme og EMG", "september 2026"),
              ("sol2", SOL[2], "efteråret 2026"),
              ("hu-bevaegeforstyrrelser", "Bevægeforstyrrelser og demens", "februar 2027"),
              ("sol3", SOL[3], "efteråret 2027")]
    for kid, t, når in kurser:
        s.kursus(kid, f"{t} · {når}")
    w.tabel([["Kursus", "Tidspunkt"]] + [[t, når] for _, t, når in kurser])
    overskrift("6. FORSKNINGSTRÆNING")
    w.afsnit("Forskningstræningen består af et teorikursus på 10 dage og et projekt på 10 dage. Den begynder "
             "i andet uddannelsesår og afsluttes senest et halvt år før forløbet slutter. Du skriver en kort "
             "projektbeskrivelse sammen med din forskningsvejleder og fremlægger resultatet på en "
             "fredagskonference i Aalborg.")
    overskrift("7. VEJLEDNING OG UDDANNELSESPLAN")
    w.afsnit("Du har en hovedvejleder i hver ansættelse. Introduktionssamtalen holdes inden for den første "
             "måned, derefter justeringssamtaler mindst hver tredje måned og en slutsamtale, inden "
             "ansættelsen slutter. Uddannelsesplanen opdateres efter hver samtale og lægges i logbogen.")
    w.afsnit("Karrierevejledning indgår i samtalerne, og du kan desuden bede om en særskilt samtale med den "
             "uddannelsesansvarlige overlæge.")
    overskrift("8. EVALUERING")
    w.afsnit("Du evaluerer hver ansættelse på evaluer.dk, når den slutter. Afdelingernes uddannelsesudvalg "
             "gennemgår evalueringerne to gange om året og retter programmet til, når der er behov for det.")
    return w.bytes(), s


def _pandoc(markdown: str) -> bytes:
    """Markdown -> .docx with pandoc's defaults, as a user runs it (`pandoc program.md -o program.docx`)."""
    pandoc = shutil.which("pandoc")
    if not pandoc:
        raise Værktøjsfejl("pandoc er ikke installeret; det skal bruges til syd-psykiatri-pandoc.docx")
    with tempfile.TemporaryDirectory() as tmp:
        ud = Path(tmp) / "program.docx"
        env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(FAST_TID.timestamp()))}
        subprocess.run([pandoc, "-f", "markdown", "-t", "docx", "-o", str(ud)], input=markdown.encode("utf-8"),
                       env=env, check=True, capture_output=True, timeout=120)
        return ud.read_bytes()


class Værktøjsfejl(RuntimeError):
    """pandoc or LibreOffice is missing or failed."""


def _md_tabel(rækker: list[list[str]]) -> str:
    linjer = ["| " + " | ".join(rækker[0]) + " |", "|" + "|".join("---" for _ in rækker[0]) + "|"]
    return "\n".join(linjer + ["| " + " | ".join(r) + " |" for r in rækker[1:]]) + "\n"


def syd_psykiatri() -> tuple[bytes, Sandhed]:
    s = Sandhed("psykiatri/hoveduddannelse@2016", "Syd", "pandoc (Markdown → docx)", [
        "pandoc's Title-, Subtitle- og Author-afsnit på forsiden, én forfatter pr. Author-afsnit",
        "\"Godkendt: 9. december 2024 af …\" og \"Ansvarlig for programmet: …\" før første overskrift",
        "målbeskrivelsen nævnt på forsiden",
        "pipe-tabeller, som pandoc gør til rigtige Word-tabeller",
        "periodetabel \"Fra | Til | Afdeling\" med danske datoer (\"1. februar 2025\")",
        "kompetencer nummereret \"Mål 3\" og titler med andre ord end målbeskrivelsen",
        "\"Hvor\" med to steder (\"Esbjerg og Middelfart\"), \"Neurologi\" eller \"Alle afdelinger\"",
        "kursustabel \"Kursus | Tidspunkt\" med målbeskrivelsens kursustitler",
        "overskrifter med Heading-typografier, afsnitstitler i egne ord (\"Forløbets opbygning\")",
    ])
    titel = "Uddannelsesprogram for hoveduddannelsen i psykiatri, Esbjerg–Middelfart, forløb 2"
    forfattere = [("Lene Modelhøj", "uao", "uddannelsesansvarlig overlæge, Psykiatrisk Afdeling Esbjerg"),
                  ("Rasmus Opdigtsen", "uao", "uddannelsesansvarlig overlæge, Psykiatrisk Afdeling Middelfart"),
                  ("Nina Eksempeldal", "pkl", "postgraduat klinisk lektor i psykiatri")]
    s.forside = {"titel": titel, "forfattere": [{"navn": n, "rolle": r} for n, r, _ in forfattere],
                 "godkendt_dato": date(2024, 12, 9),
                 "godkendt_af": "Det Regionale Råd for Lægers Videreuddannelse, Syd",
                 "ansvarlig": {"navn": "Jakob Illustrativsen", "rolle": "uko"}}
    esbjerg = s.ansættelse("Psykiatrisk Afdeling Esbjerg", "", 12, "1. februar 2025 · 31. januar 2026")
    neuro = s.ansættelse("Odense Universitetshospital", "Neurologisk Afdeling N", 6, "1. februar 2026 · 31. juli 2026")
    middelfart = s.ansættelse("Psykiatrisk Afdeling Middelfart", "", 30, "1. august 2026 · 31. januar 2029")
    steder = {"Esbjerg": [esbjerg], "Neurologi": [neuro], "Middelfart": [middelfart],
              "Esbjerg og Middelfart": [esbjerg, middelfart], "Alle afdelinger": [esbjerg, neuro, middelfart]}
    rækker = [
        ("1", "Psykiatrisk undersøgelse og psykopatologi", "Esbjerg", "Klinisk arbejde, supervision", "Struktureret observation"),
        ("2", "Selvmordsrisikovurdering", "Esbjerg og Middelfart", "Klinisk arbejde", "Mini-CEX"),
        ("3", "Psykoser, herunder skizofreni", "Esbjerg", "Klinisk arbejde, konferencer", "Casebaseret diskussion"),
        ("4", "Depression og bipolar lidelse", "Esbjerg", "Klinisk arbejde", "Casebaseret diskussion"),
        ("5", "Angst, OCD og belastningsreaktioner", "Middelfart", "Klinisk arbejde, kursus", "Casebaseret diskussion"),
        ("6", "Personlighedsforstyrrelser", "Middelfart", "Klinisk arbejde, supervision", "Casebaseret diskussion"),
        ("7", "Misbrug og dobbeltdiagnoser", "Esbjerg", "Klinisk arbejde", "Casebaseret diskussion"),
        ("8", "Delir og demens hos ældre", "Neurologi", "Klinisk arbejde", "Mini-CEX"),
        ("9", "Psykofarmakologi", "Esbjerg og Middelfart", "Kursus, selvstudium", "Casebaseret diskussion"),
        ("10", "Psykoterapi, herunder kognitiv adfærdsterapi", "Middelfart", "Kursus, supervision", "Struktureret vejledersamtale"),
        ("11", "Tvang og psykiatriloven", "Esbjerg", "Klinisk arbejde", "Audit af journaler"),
        ("12", "Retspsykiatri og erklæringer", "Middelfart", "Klinisk arbejde, kursus", "Audit af journaler"),
        ("13", "Samarbejde med patient, pårørende og kommune", "Alle afdelinger", "Klinisk arbejde", "360 graders feedback"),
        ("14", "Ledelse af teamet og vagten", "Middelfart", "Klinisk arbejde", "360 graders feedback"),
        ("15", "Forskning og kvalitet", "Middelfart", "Relevante opgaver", "Struktureret vejledersamtale"),
    ]
    for kid, t, hvor, *_ in rækker:
        s.kompetence(kid, steder[hvor], f"Mål {kid} · {t} · {hvor}")
    kurser = [("psyk-psykopatologi", "Psykopatologi og diagnostik", "foråret 2025"),
              ("sol1", SOL[1], "efteråret 2025"),
              ("psyk-farmakologi", "Psykofarmakologi", "efteråret 2025"),
              ("psyk-psykoterapi", "Psykoterapi, teori og supervision", "fra efteråret 2026 og et år frem"),
              ("psyk-retspsykiatri", "Retspsykiatri og psykiatrisk jura", "foråret 2027"),
              ("sol2", SOL[2], "efteråret 2027"),
              ("sol3", SOL[3], "foråret 2028")]
    for kid, t, når in kurser:
        s.kursus(kid, f"{t} · {når}")
    forfatterlinjer = "\n".join(f"  - \"{n}, {t}\"" for n, _, t in forfattere)
    md = f"""---
title: "{titel}"
subtitle: "Videreuddannelsesregion Syd"
author:
{forfatterlinjer}
description: "{ILLUSTRATIV}"
keywords: [uddannelsesprogram, psykiatri, illustrativ]
---

Programmet bygger på *målbeskrivelsen for speciallægeuddannelsen i psykiatri* fra 2016.

Godkendt: 9. december 2024 af Det Regionale Råd for Lægers Videreuddannelse, Syd

Ansvarlig for programmet: Jakob Illustrativsen, uddannelseskoordinerende overlæge, Psykiatrien i Region Syddanmark

# Indledning

Velkommen til hoveduddannelsen i psykiatri. Programmet beskriver, hvordan de fire år er skruet sammen,
hvad du skal lære hvor, og hvem der hjælper dig undervejs. Det er skrevet til dig som uddannelseslæge,
men dine vejledere og afdelingernes ledelse bruger det også, når de planlægger.

Forløbet begynder i Esbjerg, fortsætter med et halvt år i neurologi i Odense og slutter med to og et halvt
år i Middelfart. Du får dermed både den akutte, den ambulante og den specialiserede psykiatri at se.

# Forløbets opbygning

Forløbet har tre ansættelser. Datoerne gælder for den læge, der begynder 1. februar 2025.

{_md_tabel([["Fra", "Til", "Afdeling"],
            ["1. februar 2025", "31. januar 2026", "Psykiatrisk Afdeling Esbjerg"],
            ["1. februar 2026", "31. juli 2026", "Neurologisk Afdeling N, Odense Universitetshospital"],
            ["1. august 2026", "31. januar 2029", "Psykiatrisk Afdeling Middelfart"]])}
Ansættelsen i neurologi er en del af hoveduddannelsen og giver dig erfaring med de neurologiske
differentialdiagnoser, som psykiatrien ofte møder.

# Præsentation af afdelingerne

## Psykiatrisk Afdeling Esbjerg

Afdelingen dækker det sydvestlige Jylland med akutmodtagelse, tre sengeafsnit og et stort ambulatorium.
Du tager del i **forvagten** fra første måned og i bagvagten efter et halvt år, altid med en speciallæge
i baggrunden.

- daglig morgenkonference med gennemgang af nattens indlæggelser
- ugentlig undervisning torsdag eftermiddag
- supervision i gruppe hver anden uge

## Neurologisk Afdeling N, Odense Universitetshospital

Afdelingen modtager akutte neurologiske patienter fra hele Fyn. Du arbejder i sengeafsnittet og
ambulatoriet og deltager i dagvagten sammen med afdelingens introduktionslæger.

## Psykiatrisk Afdeling Middelfart

Afdelingen har sengeafsnit, distriktspsykiatri og en regional funktion for angst og OCD. Her får du
egne psykoterapeutiske forløb under supervision og ansvar for at lede det tværfaglige team.

# Kompetencer og vurdering

Tabellen viser, hvor du primært arbejder med hvert af målbeskrivelsens mål, og hvordan målet vurderes.
Antallet af vurderinger aftaler du med din hovedvejleder ud fra målbeskrivelsens krav.

{_md_tabel([["Mål", "Kompetence", "Hvor", "Læring", "Vurdering"]]
           + [[f"Mål {kid}", t, hvor, lær, vur] for kid, t, hvor, lær, vur in rækker])}
# Kurser

De specialespecifikke kurser arrangeres af Dansk Psykiatrisk Selskab, de generelle kurser af
Sundhedsstyrelsen og regionen. Du tilmelder dig selv i god tid.

{_md_tabel([["Kursus", "Tidspunkt"]] + [[t, når] for _, t, når in kurser])}
# Forskningstræning

Forskningstræningen består af et teorikursus og et projekt på i alt 20 dage. Du begynder inden for de første
to år og afslutter senest et halvt år før forløbet slutter. Projektet kan være en litteraturgennemgang, en
mindre registerundersøgelse eller et kvalitetsprojekt i afdelingen.

# Vejledning

Du har en hovedvejleder i hver ansættelse. Introduktionssamtalen holdes inden for den første måned, og
derefter mødes I mindst hver tredje måned til justeringssamtale. Slutsamtalen holdes, inden ansættelsen
slutter. Efter hver samtale opdaterer du uddannelsesplanen og lægger den i logbogen.

Karrierevejledning er en fast del af samtalerne.

# Evaluering

Du evaluerer hver ansættelse på evaluer.dk. Afdelingernes uddannelsesråd gennemgår evalueringerne og
melder tilbage på de fælles uddannelsesdage.

# Nyttige links

- [Dansk Psykiatrisk Selskab](https://www.dpsnet.dk)
- [Videreuddannelsesregion Syd](https://www.videreuddannelsen-syd.dk)
"""
    return _pandoc(md), s


def libreoffice(data: bytes, fra: str, til: str) -> bytes:
    """A document converted by LibreOffice headless, as a "Gem som" would do it (private profile, its own
    process group through uddprog.soffice): ``fra``/``til`` are suffixes, ``til`` may name a filter
    ("doc:MS Word 97")."""
    cmd = lo.find()
    if not cmd:
        raise Værktøjsfejl("LibreOffice (soffice) er ikke installeret")
    with tempfile.TemporaryDirectory() as tmp:
        mappe = Path(tmp)
        kilde = mappe / f"program.{fra}"
        kilde.write_bytes(data)
        try:
            r = lo.kør([cmd, f"-env:UserInstallation={(mappe / 'profil').as_uri()}", "--headless", "--norestore",
                        "--convert-to", til, "--outdir", str(mappe / "ud"), str(kilde)],
                       {**os.environ, "HOME": tmp}, timeout=180)
        except subprocess.TimeoutExpired:
            raise Værktøjsfejl("LibreOffice svarede ikke inden for 180 sekunder") from None
        ud = mappe / "ud" / f"program.{til.split(':')[0]}"
        if not ud.exists():
            raise Værktøjsfejl(f"LibreOffice konverterede ikke filen: {r.stderr.decode(errors='replace').strip()}")
        return ud.read_bytes()


def oest_ortopaedi() -> tuple[bytes, Sandhed]:
    """The source .docx; main() converts it to .doc with LibreOffice."""
    s = Sandhed("ortopaedisk-kirurgi/hoveduddannelse@2019", "Øst",
                "Word-lignende .docx gemt som .doc (Word 97) af LibreOffice", [
        "binær .doc gemt af LibreOffice",
        "indbyggede overskriftstypografier (Heading 1, Heading 2) og Title",
        "forfattere som punktliste under \"Programmet er udarbejdet af:\"",
        "godkendelse i en versionstabel \"Version | Dato | Godkendt af | Ændring\"",
        "\"Programansvarlig: …\"",
        "perioder som uddannelsesår (\"1. år\", \"2.–3. år\")",
        "kompetencer nummereret \"K1\"–\"K15\" med målbeskrivelsens titler",
        "\"Hvor\"-celler flettet lodret (vMerge) og grupperækker over hele tabellen (gridSpan)",
        "\"Hvor\" med ét ord af stedet (\"Køge\") eller \"Alle afdelinger\"",
        "kursustabel \"Kursus | Tidspunkt\" med målbeskrivelsens kursustitler",
    ])
    titel = "Uddannelsesprogram for hoveduddannelse i ortopædisk kirurgi, forløb Holbæk–Hvidovre–Køge"
    w = Word(titel, "Ole Modelgaard")
    w.afsnit(titel, stil="Title")
    w.afsnit("Videreuddannelsesregion Øst · Målbeskrivelse for ortopædisk kirurgi 2019")
    forfattere = [("Dorte Prøvesen", "uao", "uddannelsesansvarlig overlæge, Holbæk Sygehus"),
                  ("Klaus Eksempelholm", "uao", "uddannelsesansvarlig overlæge, Hvidovre Hospital"),
                  ("Birgitte Fiktivsen", "uao", "uddannelsesansvarlig overlæge, Sjællands Universitetshospital, Køge"),
                  ("Ole Modelgaard", "pkl", "postgraduat klinisk lektor i ortopædisk kirurgi")]
    w.afsnit("Programmet er udarbejdet af:")
    for n, _, t in forfattere:
        w.punkt(f"{n}, {t}")
    w.afsnit("Programansvarlig: Dorte Prøvesen")
    w.tabel([["Version", "Dato", "Godkendt af", "Ændring"],
             ["1.0", "20.08.2024", "Det Regionale Råd for Lægers Videreuddannelse Øst", "Nyt program"]])
    s.forside = {"titel": titel, "forfattere": [{"navn": n, "rolle": r} for n, r, _ in forfattere],
                 "godkendt_dato": date(2024, 8, 20),
                 "godkendt_af": "Det Regionale Råd for Lægers Videreuddannelse Øst",
                 "ansvarlig": {"navn": "Dorte Prøvesen", "rolle": "uao"}}

    w.afsnit("Indledning", stil="Heading 1")
    w.afsnit("Dette er programmet for hoveduddannelsen i ortopædisk kirurgi i forløbet Holbæk–Hvidovre–Køge. "
             "Forløbet varer fire år og begynder og slutter i Region Sjælland, som aftalen mellem regionerne "
             "i Øst foreskriver.")
    w.afsnit("Programmet beskriver, hvor du lærer hvad, hvordan du bliver vurderet, og hvilke kurser du "
             "skal følge. Det er grundlaget for den individuelle uddannelsesplan, som du og din hovedvejleder "
             "laver ved introduktionssamtalen i hver ansættelse.")
    w.afsnit("Forløbets opbygning", stil="Heading 1")
    holbæk = s.ansættelse("Holbæk Sygehus", "Ortopædkirurgisk Afdeling", 12, "1. år")
    hvidovre = s.ansættelse("Hvidovre Hospital", "Ortopædkirurgisk Afdeling", 24, "2.–3. år")
    køge = s.ansættelse("Sjællands Universitetshospital, Køge", "Ortopædkirurgisk Afdeling", 12, "4. år")
    w.tabel([["Uddannelsesår", "Ansættelsessted"]]
            + [[a["periode"], f"{a['afdeling']}, {a['sted']}"] for a in s.ansættelser])
    w.afsnit("Præsentation af afdelingerne", stil="Heading 1")
    w.afsnit("Holbæk Sygehus", stil="Heading 2")
    w.afsnit("Ortopædkirurgisk Afdeling i Holbæk behandler skader og sygdomme i bevægeapparatet for hele "
             "Nordvestsjælland. Afdelingen har et travlt skadesspor, et ortogeriatrisk samarbejde med "
             "medicinerne og et stort antal hoftenære frakturer.")
    w.afsnit("Det første år lærer du at modtage den tilskadekomne patient, at operere de almindelige "
             "frakturer under supervision og at gå bagvagt med en speciallæge i baggrunden.")
    w.afsnit("Hvidovre Hospital", stil="Heading 2")
    w.afsnit("Ortopædkirurgisk Afdeling på Hvidovre Hospital er en af landets største med sektioner for "
             "traumatologi, børneortopædi, ryg og infektioner. Du roterer mellem sektionerne og har egne "
             "ambulatorier fra andet halvår.")
    w.afsnit("Sjællands Universitetshospital, Køge", stil="Heading 2")
    w.afsnit("I Køge er vægten på elektiv kirurgi: alloplastik, artroskopi og planlægning af operationsprogrammet. "
             "Det sidste år får du ansvar for at lede vagten og for at supervisere de yngre kolleger.")
    w.afsnit("Kompetencer", stil="Heading 1")
    w.afsnit("Kompetencerne er grupperet efter emne. Kolonnen \"Hvor\" viser, hvor kompetencen primært "
             "erhverves og vurderes.")
    steder = {"Holbæk": [holbæk], "Hvidovre": [hvidovre], "Køge": [køge],
              "Alle afdelinger": [holbæk, hvidovre, køge]}
    grupper = [
        ("Traumatologi", [
            ("K2", "Modtagelse af den tilskadekomne patient i traumeteamet", "Holbæk", "Struktureret observation, NOTSS"),
            ("K3", "Osteosyntese af hoftenær fraktur", "Holbæk", "OSATS"),
            ("K5", "Distal radiusfraktur", "Holbæk", "OSATS"),
            ("K11", "Den ældre patient med fraktur og ortogeriatri", "Holbæk", "360 graders feedback"),
            ("K4", "Operativ behandling af ankelfraktur", "Hvidovre", "OSATS")]),
        ("Elektiv ortopædi", [
            ("K1", "Den ortopædkirurgiske undersøgelse og billeddiagnostik", "Alle afdelinger", "Mini-CEX"),
            ("K6", "Primær total hoftealloplastik", "Køge", "OSATS"),
            ("K7", "Diagnostisk og terapeutisk knæartroskopi", "Køge", "OSATS"),
            ("K8", "Infektioner i knogler og led", "Hvidovre", "CbD"),
            ("K9", "Børneortopædi og det haltende barn", "Hvidovre", "CbD"),
            ("K10", "Rygsygdomme og cauda equina-syndrom", "Hvidovre", "CbD")]),
        ("Fælles kompetencer", [
            ("K12", "Information, samtykke og komplikationer", "Alle afdelinger", "Mini-CEX"),
            ("K13", "Planlægning af operationsprogram og ledelse af vagten", "Køge", "360 graders feedback"),
            ("K14", "Kvalitet, registre og evidens", "Køge", "Struktureret vejledersamtale"),
            ("K15", "Undervisning og supervision af yngre kolleger", "Alle afdelinger", "Struktureret vejledersamtale")]),
    ]
    rækker: list = [["Nr.", "Kompetence", "Hvor", "Vurdering"]]
    for gruppe, rk in grupper:
        rækker.append(Hel(gruppe))
        for i, (nr, t, hvor, vur) in enumerate(rk):
            s.kompetence(nr[1:], steder[hvor], f"{nr} · {t} · {hvor}")
            samme = i > 0 and rk[i - 1][2] == hvor
            rækker.append([nr, t, OVER if samme else hvor, vur])
    w.tabel(rækker)
    w.afsnit("Kurser og fokuserede ophold", stil="Heading 1")
    kurser = [("sol1", SOL[1], "1. år"),
              ("ok-traume", "Traumatologi og frakturbehandling", "1. år"),
              ("ok-boern-ryg", "Børneortopædi og rygkirurgi", "2. år"),
              ("ok-infektion", "Knogle- og ledinfektioner", "2. år"),
              ("ok-alloplastik", "Alloplastikkirurgi", "3. år"),
              ("sol2", SOL[2], "3. år"),
              ("ok-artroskopi", "Artroskopi og idrætstraumatologi", "4. år"),
              ("sol3", SOL[3], "4. år")]
    for kid, t, når in kurser:
        s.kursus(kid, f"{t} · {når}")
    w.tabel([["Kursus", "Tidspunkt"]] + [[t, når] for _, t, når in kurser])
    w.afsnit("Et fokuseret ophold på en uge i håndkirurgi på Herlev Hospital kan aftales i tredje år.")
    w.afsnit("Forskningstræning", stil="Heading 1")
    w.afsnit("Forskningstræningen omfatter et teorikursus og et projekt, i alt 20 dage. Projektet "
             "tilrettelægges sammen med forskningsenheden på Hvidovre Hospital og fremlægges på afdelingens "
             "fredagsmøde.")
    w.afsnit("Vejledning og uddannelsesplan", stil="Heading 1")
    w.afsnit("I hver ansættelse har du en hovedvejleder, som holder introduktions-, justerings- og "
             "slutsamtale med dig. Uddannelsesplanen revideres efter hver samtale. Karrierevejledning "
             "indgår i alle samtaler.")
    w.afsnit("Evaluering", stil="Heading 1")
    w.afsnit("Du evaluerer ansættelsen på evaluer.dk ved afslutningen. Resultaterne drøftes i afdelingens "
             "uddannelsesudvalg og i det specialespecifikke uddannelsesudvalg i Øst.")
    return w.bytes(), s


def syd_almen_medicin() -> tuple[bytes, Sandhed]:
    s = Sandhed("almen-medicin/hoveduddannelse@2013", "Syd", "Word-lignende skabelon med danske typografinavne", [
        "typografierne hedder \"Titel\", \"Overskrift 1\" og \"Overskrift 2\" (ingen dispositionsniveau)",
        "tre forfattere adskilt af linjeskift i én tabelcelle",
        "\"Godkendt: 2. juni 2024 af Videreuddannelsesudvalget for almen medicin\"",
        "\"Ansvarlig for programmet: …\"",
        "målbeskrivelsen nævnt på forsiden",
        "perioder med månedsnavne (\"august 2024 – januar 2025\")",
        "seks ansættelser, heraf to på samme sygehus og tre i almen praksis (fase 2 i fase 1-praksis)",
        "præsentationer under \"Overskrift 2\" med stedets navn",
        "én kompetencetabel pr. ansættelse under en overskrift, der nævner den; numre skrevet \"3.\"",
        "kursustabel \"Kursus | Tidspunkt\" med målbeskrivelsens lange kursustitler",
    ])
    titel = "Uddannelsesprogram for hoveduddannelsen i almen medicin – Ribe og Esbjerg, forløb 6"
    w = Word(titel, "Sara Fiktivhøj")
    w.stil("Titel", 24)
    w.stil("Overskrift 1", 16)
    w.stil("Overskrift 2", 13)
    w.afsnit(titel, stil="Titel")
    w.afsnit("Bygger på målbeskrivelsen for speciallægeuddannelsen i almen medicin, 2013")
    w.afsnit("Videreuddannelsesregion Syd")
    forfattere = [("Peter Illustrativsen", "tutorlaege", "tutorlæge, Lægerne i Ribe"),
                  ("Sara Fiktivhøj", "uao", "uddannelsesansvarlig overlæge, Sydvestjysk Sygehus"),
                  ("Jonas Prøvemark", "tutorlaege", "tutorlæge, Lægehuset Havnegade, Esbjerg")]
    w.tabel([["Forfattere", "\n".join(f"{n}, {t}" for n, _, t in forfattere)],
             ["Forløb", "Hoveduddannelse i almen medicin, Ribe og Esbjerg, forløb 6"]], hoved=False)
    w.afsnit("Godkendt: 2. juni 2024 af Videreuddannelsesudvalget for almen medicin")
    w.afsnit("Ansvarlig for programmet: Ellen Modelby, uddannelseskoordinator i almen medicin")
    s.forside = {"titel": titel, "forfattere": [{"navn": n, "rolle": r} for n, r, _ in forfattere],
                 "godkendt_dato": date(2024, 6, 2),
                 "godkendt_af": "Videreuddannelsesudvalget for almen medicin",
                 "ansvarlig": {"navn": "Ellen Modelby", "rolle": "uko"}}

    w.afsnit("Indledning", stil="Overskrift 1")
    w.afsnit("Velkommen til hoveduddannelsen i almen medicin. Forløbet veksler mellem almen praksis og "
             "sygehus: du begynder i praksis, er derefter på sygehuset i to og et halvt år, vender tilbage til "
             "fase 1-praksis i et halvt år og slutter med et "
             "år i en anden praksis.")
    w.afsnit("Programmet viser, hvad du skal lære hvor. Det suppleres af tutorlægernes praksisbeskrivelser, "
             "som står under uddannelsesstederne, og af din egen uddannelsesplan.")
    w.afsnit("Forløbets opbygning", stil="Overskrift 1")
    ansættelser = [
        ("Fase 1", "Lægerne i Ribe", "Almen praksis", 6, "august 2024 – januar 2025", "Lægerne i Ribe (almen praksis)"),
        ("Sygehusdel", "Sydvestjysk Sygehus, Esbjerg", "Medicinsk Afdeling", 12, "februar 2025 – januar 2026",
         "Medicinsk Afdeling, Sydvestjysk Sygehus, Esbjerg"),
        ("Sygehusdel", "Psykiatrisk Afdeling Esbjerg", "", 6, "februar 2026 – juli 2026", "Psykiatrisk Afdeling Esbjerg"),
        ("Sygehusdel", "Sydvestjysk Sygehus, Esbjerg", "Børneafdelingen og Gynækologisk-obstetrisk Afdeling", 12,
         "august 2026 – juli 2027", "Børneafdelingen og Gynækologisk-obstetrisk Afdeling, Sydvestjysk Sygehus, Esbjerg"),
        ("Fase 2", "Lægerne i Ribe", "Almen praksis", 6, "august 2027 – januar 2028", "Lægerne i Ribe (fase 2)"),
        ("Fase 3", "Lægehuset Havnegade, Esbjerg", "Almen praksis", 12, "februar 2028 – januar 2029",
         "Lægehuset Havnegade, Esbjerg (almen praksis)"),
    ]
    nr = [s.ansættelse(sted, afd, mdr, per) for _, sted, afd, mdr, per, _ in ansættelser]
    w.tabel([["Fase", "Uddannelsessted", "Periode"]] + [[f, celle, per] for f, _, _, _, per, celle in ansættelser])
    w.afsnit("I fase 2 vender du tilbage til Lægerne i Ribe, hvor du har været omkring én dag om måneden under "
             "sygehusdelen.")
    w.afsnit("Uddannelsesstederne og praksis", stil="Overskrift 1")
    præsentationer = [
        ("Lægerne i Ribe", "Lægerne i Ribe er en kompagniskabspraksis med tre læger, to sygeplejersker og en "
         "bioanalytiker. Praksis har omkring 4.800 patienter fra byen og oplandet. Din tutorlæge er Peter "
         "Illustrativsen, og I har fast tutortime hver fredag formiddag."),
        ("Medicinsk Afdeling, Sydvestjysk Sygehus", "Afdelingen modtager medicinske patienter fra akutmodtagelsen "
         "og har sengeafsnit for kardiologi, lungesygdomme og geriatri. Du går i forvagt og har faste dage i "
         "det geriatriske ambulatorium."),
        ("Psykiatrisk Afdeling Esbjerg", "Du er tilknyttet et distriktspsykiatrisk team og ser patienter med "
         "angst, depression og begyndende psykose, som du senere vil møde i din egen praksis."),
        ("Børneafdelingen og Gynækologisk-obstetrisk Afdeling, Sydvestjysk Sygehus",
         "Ansættelsen deles ligeligt mellem børneafdelingen og den gynækologisk-obstetriske afdeling. Du "
         "deltager i børneambulatoriet, i svangreambulatoriet og i dagvagten på begge afdelinger."),
        ("Lægehuset Havnegade, Esbjerg", "Lægehuset Havnegade er en bypraksis med fem læger og mange yngre "
         "familier blandt patienterne. Din tutorlæge er Jonas Prøvemark. Du får egen konsultationsrække fra "
         "første uge og deltager i praksismøderne og i kvalitetsarbejdet."),
    ]
    for sted, tekst in præsentationer:
        w.afsnit(sted, stil="Overskrift 2")
        w.afsnit(tekst)
    w.afsnit("Kompetencer og kompetencevurdering", stil="Overskrift 1")
    w.afsnit("For hver ansættelse er der en tabel over de kompetencer, du arbejder med dér. Nummeret er "
             "målets nummer i målbeskrivelsen.")
    tabeller = [
        (0, "Fase 1: Lægerne i Ribe", [
            ("1", "Konsultationen i almen praksis", "Klinisk arbejde, supervision", "Mini-CEX"),
            ("2", "Den akut syge patient i praksis og i vagten", "Klinisk arbejde", "Struktureret observation"),
            ("10", "Forebyggelse og sundhedsfremme", "Klinisk arbejde", "Mini-CEX"),
            ("11", "Socialmedicin og attester", "Klinisk arbejde, selvstudium", "Audit af journaler")]),
        (1, "Medicinsk Afdeling, Sydvestjysk Sygehus", [
            ("2", "Den akutte patient", "Klinisk arbejde, simulation", "Struktureret observation"),
            ("3", "Kronisk sygdom og multisygdom", "Klinisk arbejde", "Audit af journaler"),
            ("4", "Rationel farmakoterapi", "Klinisk arbejde", "CbD"),
            ("8", "Den ældre og skrøbelige patient", "Klinisk arbejde", "CbD")]),
        (2, "Psykiatrisk Afdeling Esbjerg", [
            ("7", "Psykiske lidelser og selvmordsrisiko", "Klinisk arbejde, supervision", "CbD")]),
        (3, "Børneafdelingen og Gynækologisk-obstetrisk Afdeling, Sydvestjysk Sygehus", [
            ("5", "Børn og unge", "Klinisk arbejde", "Struktureret observation"),
            ("6", "Graviditet, fødsel og svangreomsorg", "Klinisk arbejde", "Struktureret observation")]),
        (5, "Fase 3: Lægehuset Havnegade, Esbjerg", [
            ("1", "Konsultationen i almen praksis", "Klinisk arbejde", "Mini-CEX"),
            ("3", "Kronisk sygdom og multisygdom i praksis", "Klinisk arbejde", "Audit af journaler"),
            ("9", "Palliation og den døende patient", "Klinisk arbejde, supervision", "Refleksiv rapport"),
            ("12", "Praksisdrift, ledelse og personale", "Relevante opgaver", "Struktureret vejledersamtale"),
            ("13", "Kvalitetsudvikling i egen praksis", "Relevante opgaver", "Audit af journaler"),
            ("14", "Samarbejde med praksispersonale og sektorovergange", "Klinisk arbejde", "360 graders feedback"),
            ("15", "Professionel udvikling og egen læring", "Portefølje", "Struktureret vejledersamtale")]),
    ]
    for i, overskrift, rækker in tabeller:
        w.afsnit(overskrift, stil="Overskrift 2")
        for kid, t, *_ in rækker:
            s.kompetence(kid, [nr[i]], f"{kid}. · {t}")
        w.tabel([["Nr.", "Kompetence", "Læringsstrategi", "Vurdering"]]
                + [[f"{kid}.", t, lær, vur] for kid, t, lær, vur in rækker])
    w.afsnit("Kurser", stil="Overskrift 1")
    kurser = [("am-kursus-1", "Specialespecifikt kursus i almen medicin, del 1 – konsultationen og det "
               "almenmedicinske fag", "efteråret 2024"),
              ("sol1", SOL[1], "foråret 2025"),
              ("am-kursus-2", "Specialespecifikt kursus i almen medicin, del 2 – kronisk sygdom, børn og "
               "psykiatri i praksis", "2026"),
              ("sol2", SOL[2], "efteråret 2026"),
              ("sol3", SOL[3], "2027"),
              ("am-kursus-3", "Specialespecifikt kursus i almen medicin, del 3 – praksis som virksomhed og "
               "kvalitet", "foråret 2028")]
    for kid, t, når in kurser:
        s.kursus(kid, f"{t} · {når}")
    w.tabel([["Kursus", "Tidspunkt"]] + [[t, når] for _, t, når in kurser])
    w.afsnit("Forskningstræning", stil="Overskrift 1")
    w.afsnit("Forskningstræningen i almen medicin er et projekt om en problemstilling fra praksis, fx en "
             "audit af egne patienter. Den begynder under sygehusdelen og afsluttes i fase 3.")
    w.afsnit("Vejledning og uddannelsesplan", stil="Overskrift 1")
    w.afsnit("I praksis er tutorlægen din vejleder; på sygehuset har du en hovedvejleder i hver afdeling. "
             "Hver ansættelse begynder med en introduktionssamtale og slutter med en slutsamtale, og "
             "imellem holdes justeringssamtaler. På sygehuset bruges kvalifikationskort til at vurdere dig.")
    w.afsnit("Evaluering", stil="Overskrift 1")
    w.afsnit("Du evaluerer hver ansættelse og hver praksis på evaluer.dk. Uddannelseskoordinatorerne følger "
             "op på evalueringerne sammen med tutorlægerne.")
    return w.bytes(), s


def nord_kbu() -> tuple[bytes, Sandhed]:
    s = Sandhed("klinisk-basisuddannelse/kbu@2017", "Nord", "python-docx, ingen overskriftstypografier", [
        "overskrifter i fed skrift med romertal (\"IV. Læringsmål og kompetencevurdering\", \"IX. Kontakt\")",
        "\"Uddannelsesprogram\" i stor skrift over den egentlige titel",
        "to forfattere i én sætning (\"Udarbejdet af … og …\")",
        "\"Godkendt af UGUP den 5. november 2024.\"",
        "\"Ansvarlig for programmet: …\" (også forfatter)",
        "målbeskrivelsen nævnt på forsiden",
        "perioder som datoer uden mellemrum (\"01.02.2025–31.07.2025\")",
        "læringsmål med målbeskrivelsens numre og forkortede titler",
        "\"Hvor\"-celler flettet lodret, \"Hjørring\", \"Praksis\" eller \"Begge steder\"",
        "kursustabel \"Kursus | Tidspunkt\" med målbeskrivelsens kursustitler",
        "et afsnit, skabelonen ikke har (\"IX. Kontakt\")",
    ])
    titel = "Klinisk basisuddannelse, Hjørring og Sæby – forløb 17"
    w = Word(titel, "Camilla Eksempelby")
    w.afsnit("Uddannelsesprogram", pt=22, fed=True)
    w.afsnit(titel, pt=16, fed=True)
    w.afsnit("Målbeskrivelse for den kliniske basisuddannelse, 2017")
    w.afsnit("Udarbejdet af Camilla Eksempelby (uddannelsesansvarlig overlæge, Medicinsk Afdeling, Hjørring) "
             "og Anders Prøvegaard (tutorlæge, Lægerne i Sæby).")
    w.afsnit("Godkendt af UGUP den 5. november 2024.")
    w.afsnit("Ansvarlig for programmet: Camilla Eksempelby")
    s.forside = {"titel": titel, "forfattere": [{"navn": "Camilla Eksempelby", "rolle": "uao"},
                                                {"navn": "Anders Prøvegaard", "rolle": "tutorlaege"}],
                 "godkendt_dato": date(2024, 11, 5), "godkendt_af": "UGUP",
                 "ansvarlig": {"navn": "Camilla Eksempelby", "rolle": "uao"}}

    def overskrift(tekst: str) -> None:
        w.afsnit(tekst, fed=True)

    overskrift("I. Indledning")
    w.afsnit("Den kliniske basisuddannelse varer et år og består af seks måneder på Medicinsk Afdeling i "
             "Hjørring og seks måneder i almen praksis i Sæby. Programmet beskriver, hvad du skal lære, og "
             "hvordan du bliver vurderet undervejs.")
    overskrift("II. Forløbet")
    hjørring = s.ansættelse("Regionshospital Nordjylland, Hjørring", "Medicinsk Afdeling", 6, "01.02.2025–31.07.2025")
    sæby = s.ansættelse("Lægerne i Sæby", "Almen praksis", 6, "01.08.2025–31.01.2026")
    w.tabel([["Periode", "Uddannelsessted"],
             ["01.02.2025–31.07.2025", "Medicinsk Afdeling, Regionshospital Nordjylland, Hjørring"],
             ["01.08.2025–31.01.2026", "Lægerne i Sæby, almen praksis"]])
    overskrift("III. Præsentation af uddannelsesstederne")
    w.afsnit("Medicinsk Afdeling, Hjørring", fed=True)
    w.afsnit("Afdelingen modtager akutte medicinske patienter fra Vendsyssel og har sengeafsnit for "
             "kardiologi, lungesygdomme, endokrinologi og geriatri. Du går i forvagt efter to ugers "
             "introduktion med følgevagter, brandskole og undervisning i den elektroniske patientjournal.")
    w.afsnit("Lægerne i Sæby", fed=True)
    w.afsnit("Lægerne i Sæby er en praksis med fire læger og et bredt patientgrundlag fra by og land. Din "
             "tutorlæge gennemgår dagens patienter med dig hver eftermiddag, og du har selv konsultationer "
             "fra første uge.")
    overskrift("IV. Læringsmål og kompetencevurdering")
    w.afsnit("Tabellen viser målbeskrivelsens læringsmål, hvor du primært arbejder med dem, og hvordan de "
             "vurderes. Begge ansættelser bidrager til de generelle mål.")
    steder = {"Hjørring": [hjørring], "Praksis": [sæby], "Begge steder": [hjørring, sæby]}
    rækker = [
        ("1", "Den akut syge patient – systematisk vurdering og initial behandling", "Hjørring",
         "Klinisk arbejde, simulation", "Struktureret observation"),
        ("3", "Diagnostisk plan og parakliniske undersøgelser", "Hjørring", "Klinisk arbejde", "CbD"),
        ("4", "Sikker ordination og medicingennemgang", "Hjørring", "Klinisk arbejde", "CbD"),
        ("6", "Den ældre multisyge patient", "Hjørring", "Klinisk arbejde", "CbD"),
        ("9", "Overlevering og konferering", "Hjørring", "Klinisk arbejde", "Struktureret observation"),
        ("11", "Prioritering af eget arbejde, også på vagt", "Hjørring", "Klinisk arbejde", "360 graders feedback"),
        ("13", "Patientsikkerhed", "Hjørring", "Relevante opgaver", "Struktureret vejledersamtale"),
        ("15", "Undervisning", "Hjørring", "Undervise andre", "Struktureret vejledersamtale"),
        ("7", "Konsultationen i almen praksis", "Praksis", "Klinisk arbejde, supervision", "Mini-CEX"),
        ("8", "Kommunikation med patienter og pårørende", "Praksis", "Klinisk arbejde", "Struktureret observation"),
        ("10", "Tværsektorielt samarbejde", "Praksis", "Klinisk arbejde", "Struktureret vejledersamtale"),
        ("12", "Sundhedsfremme og forebyggelse", "Praksis", "Klinisk arbejde", "CbD"),
        ("14", "Evidensbaseret beslutningstagning", "Praksis", "Selvstudium", "CbD"),
        ("2", "Anamnese og objektiv undersøgelse", "Begge steder", "Klinisk arbejde", "Mini-CEX"),
        ("5", "Journalføring, epikriser og henvisninger", "Begge steder", "Klinisk arbejde", "Audit af journaler"),
        ("16", "Professionel adfærd og egen læring", "Begge steder", "Portefølje", "Struktureret vejledersamtale"),
    ]
    tabel: list = [["Nr.", "Læringsmål", "Hvor", "Læringsmetode", "Vurdering"]]
    for i, (kid, t, hvor, lær, vur) in enumerate(rækker):
        s.kompetence(kid, steder[hvor], f"{kid} · {t} · {hvor}")
        tabel.append([kid, t, OVER if i and rækker[i - 1][2] == hvor else hvor, lær, vur])
    w.tabel(tabel)
    overskrift("V. Kurser")
    kurser = [("kbu-akut", "Kursus i akut behandling og transport", "marts 2025"),
              ("kbu-kommunikation", "Kursus i kommunikation", "september 2025"),
              ("kbu-laering", "Kursus i læring og pædagogik", "november 2025")]
    for kid, t, når in kurser:
        s.kursus(kid, f"{t} · {når}")
    w.tabel([["Kursus", "Tidspunkt"]] + [[t, når] for _, t, når in kurser])
    w.afsnit("Du får besked om kursusdatoerne fra sekretariatet og har fri med løn på kursusdagene.")
    overskrift("VI. Vejledning og uddannelsesplan")
    w.afsnit("Din hovedvejleder holder introduktionssamtale med dig inden for de første 14 dage, og inden "
             "da har I lagt din individuelle uddannelsesplan. Der følger en justeringssamtale midt i "
             "ansættelsen og en slutsamtale, inden du går videre. I praksis er tutorlægen din vejleder.")
    overskrift("VII. Karrierevejledning")
    w.afsnit("Vi taler om dine overvejelser om speciale ved hver samtale. Du kan også få en særskilt samtale "
             "med den uddannelsesansvarlige overlæge eller med en karrierevejleder i regionen.")
    overskrift("VIII. Evaluering")
    w.afsnit("Du evaluerer begge ansættelser på evaluer.dk. Afdelingen og praksis får resultaterne og "
             "bruger dem, når programmet revideres.")
    overskrift("IX. Kontakt")
    w.afsnit("Uddannelsessekretær for KBU, Medicinsk Afdeling, Regionshospital Nordjylland, telefonisk "
             "hverdage 9–12. Spørgsmål om praksisdelen går til Lægerne i Sæby.")
    return w.bytes(), s


def oest_anaestesiologi() -> tuple[bytes, Sandhed]:
    s = Sandhed("anaestesiologi/hoveduddannelse@2013", "Øst", "Word-lignende .docx (python-docx)", [
        "\"Uddannelsesprogram\" i typografien Title, den egentlige titel i Subtitle",
        "forsidetabel med \"Speciale\", \"Målbeskrivelse\", \"Forfattere\" (én pr. linje), \"Godkendt af\", \"Dato\" "
        "og \"Programansvarlig\"",
        "dato skrevet \"3/10-2024\"",
        "periodetabel uden overskriftsrække: \"1. februar 2025 | 31. januar 2026 | afdeling\"",
        "nummererede overskrifter med Heading-typografier (\"4 Kompetencer og kompetencevurdering\")",
        "afdelingernes præsentationer under \"3.1 Holbæk Sygehus\" osv.",
        "kompetencetabel med overskrift i to rækker (gridSpan og vMerge) og grupperækker",
        "titler med ekstra ord (\"…, herunder crash-induktion\")",
        "\"Hvor\"-celler flettet lodret, ét ord af stedet eller \"Alle afdelinger\"",
        "kursustabel \"Kursus | Tidspunkt\" med målbeskrivelsens kursustitler",
    ])
    titel = "Hoveduddannelse i anæstesiologi, Holbæk – Rigshospitalet – Køge, forløb 8"
    w = Word(titel, "Karl Eksempelsen")
    w.afsnit("Uddannelsesprogram", stil="Title")
    w.afsnit(titel, stil="Subtitle")
    forfattere = [("Ida Opdigtsen", "uao", "UAO, Holbæk Sygehus"),
                  ("Mads Fiktivholm", "uao", "UAO, Rigshospitalet"),
                  ("Eva Prøvelyst", "uao", "UAO, Sjællands Universitetshospital, Køge")]
    w.tabel([["Speciale", "Anæstesiologi"],
             ["Målbeskrivelse", "Målbeskrivelse for speciallægeuddannelsen i anæstesiologi, 2013"],
             ["Forfattere", [f"{n} ({t})" for n, _, t in forfattere]],
             ["Godkendt af", "DRRLV Øst"],
             ["Dato", "3/10-2024"],
             ["Programansvarlig", "Karl Eksempelsen, postgraduat klinisk lektor i anæstesiologi"]], hoved=False)
    s.forside = {"titel": titel, "forfattere": [{"navn": n, "rolle": r} for n, r, _ in forfattere],
                 "godkendt_dato": date(2024, 10, 3), "godkendt_af": "DRRLV Øst",
                 "ansvarlig": {"navn": "Karl Eksempelsen", "rolle": "pkl"}}

    w.afsnit("1 Indledning", stil="Heading 1")
    w.afsnit("Programmet gælder hoveduddannelsen i anæstesiologi i forløb 8, som går fra Holbæk over "
             "Rigshospitalet til Køge. Det bygger på Dansk Selskab for Anæstesiologi og Intensiv Medicins "
             "målbeskrivelse fra 2013.")
    w.afsnit("Du får et solidt fundament i den brede anæstesi og intensive terapi i Holbæk, møder de højt "
             "specialiserede funktioner på Rigshospitalet og afslutter med et år i Køge, hvor du får ansvar "
             "for vagten og for at lære fra dig.")
    w.afsnit("2 Forløbet", stil="Heading 1")
    w.afsnit("Forløbet består af tre ansættelser:")
    holbæk = s.ansættelse("Holbæk Sygehus", "Anæstesiologisk Afdeling", 12, "1. februar 2025 · 31. januar 2026")
    rh = s.ansættelse("Rigshospitalet", "Anæstesi- og Operationsklinikken", 24, "1. februar 2026 · 31. januar 2028")
    køge = s.ansættelse("Sjællands Universitetshospital, Køge", "Anæstesiologisk Afdeling", 12,
                        "1. februar 2028 · 31. januar 2029")
    w.tabel([a["periode"].split(" · ") + [f"{a['afdeling']}, {a['sted']}"] for a in s.ansættelser], hoved=False)
    w.afsnit("3 Præsentation af afdelingerne", stil="Heading 1")
    w.afsnit("3.1 Holbæk Sygehus", stil="Heading 2")
    w.afsnit("Anæstesiologisk Afdeling i Holbæk dækker operationsgangen, opvågningen, intensivafsnittet og "
             "hjertestopfunktionen. Du går i forvagt fra tredje måned og har fast supervisor i dagtiden.")
    w.afsnit("3.2 Rigshospitalet", stil="Heading 2")
    w.afsnit("På Rigshospitalet roterer du mellem thoraxanæstesi, børneanæstesi, neuroanæstesi og "
             "traumecentret. Ansættelsen giver dig erfaring med de højt specialiserede patientforløb og "
             "med at lede traumeteamet.")
    w.afsnit("3.3 Sjællands Universitetshospital, Køge", stil="Heading 2")
    w.afsnit("I Køge er der stor elektiv ortopædkirurgi med regional anæstesi og et intensivafsnit med "
             "transporter til højt specialiserede centre. Her er du bagvagt med en speciallæge på tilkald.")
    w.afsnit("4 Kompetencer og kompetencevurdering", stil="Heading 1")
    w.afsnit("Tabellen angiver, hvor kompetencen primært opnås og godkendes. Kompetencer, der står ved alle "
             "afdelinger, vurderes i hver ansættelse.")
    steder = {"Holbæk": [holbæk], "Rigshospitalet": [rh], "Køge": [køge], "Alle afdelinger": [holbæk, rh, køge]}
    grupper = [
        ("Anæstesi", [
            ("1", "Præoperativ vurdering og optimering af den komplekse patient, ASA 3-4", "Alle afdelinger", "CbD"),
            ("2", "Anæstesi til stor åben abdominalkirurgi, ASA 3-4", "Rigshospitalet", "Struktureret observation"),
            ("4", "Den forventet vanskelige luftvej, herunder vågen fiberoptisk intubation", "Rigshospitalet",
             "Struktureret observation"),
            ("9", "Anæstesi til børn fra 1 til 10 år", "Rigshospitalet", "Struktureret observation"),
            ("13", "Anæstesi til thoraxkirurgi og en-lunge-ventilation", "Rigshospitalet", "CbD"),
            ("3", "Anæstesi til akut abdominalkirurgi med aspirationsrisiko, herunder crash-induktion", "Holbæk",
             "Struktureret observation"),
            ("5", "Den uventet vanskelige luftvej", "Holbæk", "Struktureret observation"),
            ("6", "Anæstesi til kejsersnit, planlagt og akut", "Holbæk", "Struktureret observation"),
            ("7", "Epidural smertelindring under fødsel", "Holbæk", "Mini-CEX"),
            ("11", "Ultralydsvejledt perifer nerveblokade", "Køge", "Struktureret observation"),
            ("15", "Den ældre og skrøbelige patient", "Køge", "Mini-CEX"),
            ("16", "Akut postoperativ smertebehandling, herunder smerteteamet", "Køge", "CbD")]),
        ("Intensiv terapi", [
            ("19", "Sepsis og kredsløbssvigt", "Holbæk", "CbD"),
            ("18", "Akut respirationssvigt på intensiv", "Rigshospitalet", "Mini-CEX"),
            ("20", "Organunderstøttende behandling, sedation og ernæring", "Rigshospitalet", "CbD")]),
        ("Akut og præhospital", [
            ("22", "Genoplivning og ledelse af hjertestopteamet", "Alle afdelinger", "Struktureret observation"),
            ("23", "Ledelse af traumeteamet", "Rigshospitalet", "ANTS"),
            ("24", "Transport af kritisk syge patienter", "Køge", "Struktureret observation")]),
        ("Generelle kompetencer", [
            ("25", "Samtaler om behandlingsniveau", "Holbæk", "Struktureret observation"),
            ("26", "Non-technical skills på operationsstuen (ANTS)", "Køge", "ANTS"),
            ("29", "Undervisning og supervision af kolleger", "Køge", "Struktureret vejledersamtale"),
            ("27", "Vagtkompetence", "Alle afdelinger", "Mini-CEX, 360 graders feedback"),
            ("30", "Forskning, kvalitetsudvikling og professionel udvikling", "Rigshospitalet",
             "Struktureret vejledersamtale")]),
    ]
    rækker: list = [["Kompetence", OVER, "Hvor", "Vurdering"], ["Nr.", "Titel", OVER, OVER]]
    for gruppe, rk in grupper:
        rækker.append(Hel(gruppe))
        for i, (kid, t, hvor, vur) in enumerate(rk):
            s.kompetence(kid, steder[hvor], f"{kid} · {t} · {hvor}")
            rækker.append([kid, t, OVER if i and rk[i - 1][2] == hvor else hvor, vur])
    t = w.tabel(rækker)
    t.cell(0, 0).merge(t.cell(0, 1))   # "Kompetence" over "Nr." and "Titel"
    w.afsnit("5 Kurser", stil="Heading 1")
    kurser = [("sol1", SOL[1], "1. halvår 2025"),
              ("hu-luftvej", "Luftvejshåndtering – simulationskursus", "efteråret 2025"),
              ("hu-obstetrik", "Obstetrisk anæstesi", "januar 2026"),
              ("hu-intensiv-1", "Intensiv terapi I", "foråret 2026"),
              ("hu-paediatri", "Pædiatrisk anæstesi", "efteråret 2026"),
              ("hu-traume", "Traume, transport og præhospital anæstesi", "foråret 2027"),
              ("hu-intensiv-2", "Intensiv terapi II", "efteråret 2027"),
              ("sol2", SOL[2], "2027"),
              ("hu-regional", "Regional anæstesi og ultralyd", "foråret 2028"),
              ("hu-smerte", "Akut og kronisk smertebehandling", "efteråret 2028"),
              ("sol3", SOL[3], "2028")]
    for kid, kt, når in kurser:
        s.kursus(kid, f"{kt} · {når}")
    w.tabel([["Kursus", "Tidspunkt"]] + [[kt, når] for _, kt, når in kurser])
    w.afsnit("6 Forskningstræning", stil="Heading 1")
    w.afsnit("Forskningstræningen på 20 dage planlægges med forskningsenheden på Rigshospitalet. Teorien "
             "ligger i andet år, og projektet afsluttes i Køge senest et halvt år før forløbet slutter.")
    w.afsnit("7 Vejledning", stil="Heading 1")
    w.afsnit("Hver ansættelse har en hovedvejleder. Du holder introduktionssamtale inden for den første "
             "måned, justeringssamtaler efter behov og mindst hvert halve år, og en slutsamtale. Karriere og "
             "valg af subspeciale drøftes ved samtalerne i de sidste to år.")
    w.afsnit("8 Evaluering", stil="Heading 1")
    w.afsnit("Evalueringen sker på evaluer.dk efter hver ansættelse. Det specialespecifikke uddannelsesudvalg "
             "gennemgår evalueringerne årligt.")
    return w.bytes(), s


def _dispositionsniveau(w: Word, stil: str, niveau: int) -> None:
    """Give a paragraph style an outline level (w:outlineLvl), as a regional template's title style often has."""
    ppr = w.d.styles[stil].element.get_or_add_pPr()
    lvl = etree.SubElement(ppr, W + "outlineLvl")
    lvl.set(W + "val", str(niveau))


def nord_ortopaedi() -> tuple[bytes, Sandhed]:
    s = Sandhed("ortopaedisk-kirurgi/hoveduddannelse@2019", "Nord", "python-docx med Heading-typografier", [
        "forfattertabel på forsiden med overskriften \"Navn | Funktion | Arbejdssted\" og rollerne skrevet ud "
        "(\"Uddannelsesansvarlig overlæge\", \"Postgraduat klinisk lektor\", \"Hovedvejleder\")",
        "\"Godkendt af … den 20. februar 2025\" og \"Ansvarlig for programmet: …\"",
        "målbeskrivelsen nævnt på forsiden",
        "afsnitstitler, skabelonen ikke har ordret: \"Formål med uddannelsesprogrammet\", \"Afdelingerne\" (én "
        "underoverskrift pr. afdeling), \"Vejledning og evaluering\" (to afsnit i ét)",
        "underoverskrifter og \"Hvor\"-celler med andre endelser end afdelingens navn (\"Ortopædkirurgien i "
        "Hjørring\" for Ortopædkirurgisk Afdeling)",
        "\"Hele forløbet\" og \"Alle ansættelser\" i kolonnen \"Hvor\"",
        "perioder med danske datoer (\"1. marts 2025 – 28. februar 2027\")",
    ])
    titel = "Uddannelsesprogram for hoveduddannelsen i ortopædisk kirurgi – Hjørring og Farsø, forløb 3"
    w = Word(titel, "Claus Fiktivlund")
    w.afsnit(titel, stil="Title")
    w.afsnit("Videreuddannelsesregion Nord")
    w.afsnit("Målbeskrivelse for speciallægeuddannelsen i ortopædisk kirurgi, 2019")
    forfattere = [("Anders Opdigtholm", "uao", "Uddannelsesansvarlig overlæge",
                   "Ortopædkirurgisk Afdeling, Regionshospital Nordjylland, Hjørring"),
                  ("Birgitte Eksempelgaard", "uao", "Uddannelsesansvarlig overlæge",
                   "Ortopædkirurgisk Afdeling, Aalborg Universitetshospital, Farsø"),
                  ("Claus Fiktivlund", "pkl", "Postgraduat klinisk lektor", "Aalborg Universitetshospital"),
                  ("Dorthe Prøvesen", "vejleder", "Hovedvejleder", "Ortopædkirurgisk Afdeling, Hjørring")]
    w.tabel([["Navn", "Funktion", "Arbejdssted"]] + [[n, f, a] for n, _, f, a in forfattere])
    w.afsnit("Godkendt af Det Regionale Råd for Lægers Videreuddannelse den 20. februar 2025.")
    w.afsnit("Ansvarlig for programmet: Claus Fiktivlund, postgraduat klinisk lektor")
    s.forside = {"titel": titel, "forfattere": [{"navn": n, "rolle": r} for n, r, _, _ in forfattere],
                 "godkendt_dato": date(2025, 2, 20),
                 "godkendt_af": "Det Regionale Råd for Lægers Videreuddannelse",
                 "ansvarlig": {"navn": "Claus Fiktivlund", "rolle": "pkl"}}

    w.afsnit("Formål med uddannelsesprogrammet", stil="Heading 1")
    w.afsnit("Programmet beskriver de fire år af hoveduddannelsen i ortopædisk kirurgi, som du tager i "
             "Hjørring og Farsø. Det fortæller, hvad du skal lære i hver ansættelse, hvordan du bliver vurderet, "
             "og hvem der hjælper dig undervejs.")
    w.afsnit("Sammen med din hovedvejleder omsætter du programmet til en personlig uddannelsesplan, som I "
             "justerer efter hver samtale.")
    w.afsnit("Forløbets opbygning", stil="Heading 1")
    w.afsnit("Du begynder med to år i Hjørring, hvor traumatologien fylder mest, og slutter med to år i Farsø "
             "med planlagt kirurgi.")
    hjørring = s.ansættelse("Regionshospital Nordjylland, Hjørring", "Ortopædkirurgisk Afdeling", 24,
                            "1. marts 2025 · 28. februar 2027")
    farsø = s.ansættelse("Aalborg Universitetshospital, Farsø", "Ortopædkirurgisk Afdeling", 24,
                         "1. marts 2027 · 28. februar 2029")
    w.tabel([["Ansættelsessted", "Afdeling", "Fra", "Til"]]
            + [[a["sted"], a["afdeling"], *a["periode"].split(" · ")] for a in s.ansættelser])
    w.afsnit("Afdelingerne", stil="Heading 1")
    w.afsnit("Ortopædkirurgien i Hjørring", stil="Heading 2")
    w.afsnit("Afdelingen tager imod tilskadekomne fra hele Vendsyssel og har et stort ambulatorium for "
             "frakturer. Du indgår i forvagten fra første måned og i bagvagten efter det første halve år, altid "
             "med en speciallæge på tilkald.")
    w.afsnit("Morgenkonferencen gennemgår nattens patienter og dagens røntgenbilleder, og torsdag er der "
             "undervisning, hvor hoveduddannelseslægerne skiftes til at holde oplæg.")
    w.afsnit("Ortopædkirurgisk Afdeling, Farsø", stil="Heading 2")
    w.afsnit("Farsø er regionens center for planlagt alloplastik, artroskopi og rygkirurgi. Her har du "
             "egne operationsdage og dit eget ambulatorium, og du lærer at planlægge et operationsprogram.")
    w.afsnit("Kompetencer", stil="Heading 1")
    w.afsnit("Tabellen viser, hvor du primært arbejder med hver kompetence, og hvordan den vurderes. Står der "
             "\"Hele forløbet\", vurderes kompetencen i begge ansættelser.")
    steder = {"Hjørring": [hjørring], "Farsø": [farsø], "Ortopædkirurgien i Hjørring": [hjørring],
              "Afdelingen i Farsø": [farsø], "Hele forløbet": [hjørring, farsø],
              "Alle ansættelser": [hjørring, farsø]}
    rækker = [
        ("1", "Den ortopædkirurgiske undersøgelse og billeddiagnostik", "Hele forløbet", "Klinisk arbejde",
         "Mini-CEX"),
        ("2", "Modtagelse af den tilskadekomne patient i traumeteamet", "Ortopædkirurgien i Hjørring",
         "Simulation, klinisk arbejde", "Struktureret observation"),
        ("3", "Osteosyntese af hoftenær fraktur", "Hjørring", "Klinisk arbejde", "Struktureret observation"),
        ("4", "Operativ behandling af ankelfraktur", "Hjørring", "Klinisk arbejde", "Struktureret observation"),
        ("5", "Distal radiusfraktur", "Ortopædkirurgien i Hjørring", "Klinisk arbejde", "CbD"),
        ("6", "Primær total hoftealloplastik", "Farsø", "Klinisk arbejde, kursus", "Struktureret observation"),
        ("7", "Diagnostisk og terapeutisk knæartroskopi", "Afdelingen i Farsø", "Klinisk arbejde",
         "Struktureret observation"),
        ("8", "Infektioner i knogler og led", "Hele forløbet", "Klinisk arbejde, konferencer", "CbD"),
        ("9", "Børneortopædi og det haltende barn", "Hjørring", "Klinisk arbejde", "CbD"),
        ("10", "Rygsygdomme og cauda equina-syndrom", "Farsø", "Klinisk arbejde", "CbD"),
        ("11", "Den ældre patient med fraktur og ortogeriatri", "Hjørring", "Klinisk arbejde", "CbD"),
        ("12", "Information, samtykke og komplikationer", "Alle ansættelser", "Klinisk arbejde", "Mini-CEX"),
        ("13", "Planlægning af operationsprogram og ledelse af vagten", "Afdelingen i Farsø", "Klinisk arbejde",
         "360 graders feedback"),
        ("14", "Kvalitet, registre og evidens", "Farsø", "Relevante opgaver", "Struktureret vejledersamtale"),
        ("15", "Undervisning og supervision af yngre kolleger", "Hele forløbet", "Undervise andre",
         "Struktureret vejledersamtale"),
    ]
    for kid, t, hvor, *_ in rækker:
        s.kompetence(kid, steder[hvor], f"{kid} · {t} · {hvor}")
    w.tabel([["Nr.", "Kompetence", "Hvor", "Læringsmetode", "Vurdering"]] + [list(r) for r in rækker])
    w.afsnit("Kurser", stil="Heading 1")
    kurser = [("sol1", SOL[1], "efteråret 2025"),
              ("ok-traume", "Traumatologi og frakturbehandling", "foråret 2026"),
              ("ok-boern-ryg", "Børneortopædi og rygkirurgi", "efteråret 2026"),
              ("sol2", SOL[2], "2027"),
              ("ok-alloplastik", "Alloplastikkirurgi", "foråret 2027"),
              ("ok-artroskopi", "Artroskopi og idrætstraumatologi", "efteråret 2027"),
              ("ok-infektion", "Knogle- og ledinfektioner", "foråret 2028"),
              ("sol3", SOL[3], "2028")]
    for kid, t, når in kurser:
        s.kursus(kid, f"{t} · {når}")
    w.tabel([["Kursus", "Tidspunkt"]] + [[t, når] for _, t, når in kurser])
    w.afsnit("Forskningstræning", stil="Heading 1")
    w.afsnit("Forskningstræningen planlægges i Hjørring og afsluttes i Farsø. Du finder selv et emne sammen "
             "med en forskningsvejleder fra Aalborg Universitetshospital og fremlægger projektet på en "
             "fælles konference for begge afdelinger.")
    w.afsnit("Vejledning og evaluering", stil="Heading 1")
    w.afsnit("Du har en hovedvejleder i hver ansættelse og holder introduktionssamtale inden for den første "
             "måned, justeringssamtaler hvert halve år og en slutsamtale. Karrierevejledning er en fast del af "
             "samtalerne.")
    w.afsnit("Når en ansættelse slutter, evaluerer du den på evaluer.dk. Uddannelsesudvalget gennemgår "
             "evalueringerne hvert efterår og retter programmet til.")
    return w.bytes(), s


def oest_kbu() -> tuple[bytes, Sandhed]:
    s = Sandhed("klinisk-basisuddannelse/kbu@2017", "Øst", "python-docx med egen titeltypografi", [
        "titlen i typografien \"Forsidetitel\", som har dispositionsniveau 1 (som en overskrift)",
        "forfatterne i en tabel \"Forfatter | Stilling | Afdeling\" under overskriften \"Forfattere\"; rollerne "
        "skrevet ud (\"Uddannelsesansvarlig overlæge\", \"Tutorlæge\", \"Postgraduat klinisk lektor\", "
        "\"Hovedvejleder\")",
        "\"Programansvarlig: …\" og \"Godkendt den … af …\" på forsiden",
        "afsnitstitler, skabelonen ikke har ordret: \"Formål med den kliniske basisuddannelse\", "
        "\"Ansættelse\", \"Dine to arbejdspladser\" (én underoverskrift pr. sted), \"Uddannelsesplan og "
        "evaluering\" (to afsnit i ét)",
        "kolonnen \"Ansættelse\" med \"Medicinen\" (for Medicinsk Afdeling), \"Praksis\", \"Hele forløbet\" og "
        "\"Alle ansættelser\"",
        "periodetabel \"Ansættelsessted | Afdeling | Fra | Til\"",
    ])
    titel = "Den kliniske basisuddannelse på Nordsjællands Hospital og i almen praksis i Helsingør"
    w = Word(titel, "Helle Opdigtsen")
    w.stil("Forsidetitel", 20)
    _dispositionsniveau(w, "Forsidetitel", 0)
    w.afsnit(titel, stil="Forsidetitel")
    w.afsnit("Videreuddannelsesregion Øst")
    w.afsnit("Målbeskrivelse for den kliniske basisuddannelse, 2017")
    w.afsnit("Godkendt den 12. marts 2025 af Videreuddannelsesudvalget for KBU")
    w.afsnit("Programansvarlig: Helle Opdigtsen, uddannelsesansvarlig overlæge")
    forfattere = [("Helle Opdigtsen", "uao", "Uddannelsesansvarlig overlæge", "Medicinsk Afdeling, Nordsjællands Hospital"),
                  ("Jonas Eksempelberg", "tutorlaege", "Tutorlæge", "Lægehuset Kongevejen, Helsingør"),
                  ("Sofie Prøvelund", "pkl", "Postgraduat klinisk lektor", "Nordsjællands Hospital, Hillerød"),
                  ("Peter Modelby", "vejleder", "Hovedvejleder", "Medicinsk Afdeling")]
    s.forside = {"titel": titel, "forfattere": [{"navn": n, "rolle": r} for n, r, _, _ in forfattere],
                 "godkendt_dato": date(2025, 3, 12), "godkendt_af": "Videreuddannelsesudvalget for KBU",
                 "ansvarlig": {"navn": "Helle Opdigtsen", "rolle": "uao"}}
    w.afsnit("Forfattere", stil="Heading 1")
    w.tabel([["Forfatter", "Stilling", "Afdeling"]] + [[n, f, a] for n, _, f, a in forfattere])
    w.afsnit("Formål med den kliniske basisuddannelse", stil="Heading 1")
    w.afsnit("Basisuddannelsen er dit første år som læge. Du lærer at tage ansvar for den akut syge patient "
             "på hospitalet og for konsultationen i almen praksis, og du får et grundlag for at vælge speciale.")
    w.afsnit("Ansættelse", stil="Heading 1")
    w.afsnit("Du er ansat et halvt år på hospitalet og derefter et halvt år i praksis. Ansættelsen i praksis "
             "sker hos tutorlægen, som også er din vejleder.")
    medicin = s.ansættelse("Nordsjællands Hospital, Hillerød", "Medicinsk Afdeling", 6,
                           "1. august 2025 · 31. januar 2026")
    praksis = s.ansættelse("Lægehuset Kongevejen, Helsingør", "Almen praksis", 6,
                           "1. februar 2026 · 31. juli 2026")
    w.tabel([["Ansættelsessted", "Afdeling", "Fra", "Til"]]
            + [[a["sted"], a["afdeling"], *a["periode"].split(" · ")] for a in s.ansættelser])
    w.afsnit("Dine to arbejdspladser", stil="Heading 1")
    w.afsnit("Medicinsk Afdeling, Nordsjællands Hospital", stil="Heading 2")
    w.afsnit("Afdelingen har akutmodtagelse døgnet rundt og sengeafsnit for hjertesygdomme, lungesygdomme og "
             "ældre medicinske patienter. De første to uger går du følgevagter, og du har en fast daglig "
             "klinisk vejleder.")
    w.afsnit("Lægehuset Kongevejen", stil="Heading 2")
    w.afsnit("Lægehuset er en kompagniskabspraksis med tre læger, to sygeplejersker og mange ældre patienter. "
             "Du har egne konsultationer fra første uge og gennemgår dem med tutorlægen hver dag efter frokost.")
    w.afsnit("Læringsmål", stil="Heading 1")
    w.afsnit("Tabellen viser, hvor du arbejder med hvert læringsmål. Mål, der står ved hele forløbet, vurderes "
             "i begge ansættelser.")
    steder = {"Medicinen": [medicin], "Praksis": [praksis], "Hele forløbet": [medicin, praksis],
              "Alle ansættelser": [medicin, praksis]}
    rækker = [
        ("1", "Systematisk vurdering og initial behandling af den akut syge patient", "Medicinen", "Mini-CEX"),
        ("2", "Målrettet anamnese og objektiv undersøgelse", "Hele forløbet", "Mini-CEX"),
        ("3", "Diagnostisk plan og brug af parakliniske undersøgelser", "Medicinen", "CbD"),
        ("4", "Sikker ordination og medicingennemgang", "Medicinen", "CbD"),
        ("5", "Journalføring, epikriser og henvisninger", "Alle ansættelser", "Audit af journaler"),
        ("6", "Den ældre patient med flere samtidige sygdomme", "Medicinen", "CbD"),
        ("7", "Konsultationen i almen praksis", "Praksis", "Struktureret observation"),
        ("8", "Kommunikation med patienter og pårørende", "Hele forløbet", "Struktureret observation"),
        ("9", "Struktureret overlevering og konferering", "Medicinen", "Struktureret observation"),
        ("10", "Tværfagligt og tværsektorielt samarbejde om patientforløb", "Praksis",
         "Struktureret vejledersamtale"),
        ("11", "Prioritering og organisering af eget arbejde i dagtid og på vagt", "Medicinen",
         "360 graders feedback"),
        ("12", "Sundhedsfremme og forebyggelse i den kliniske hverdag", "Praksis", "CbD"),
        ("13", "Patientsikkerhed og læring af utilsigtede hændelser", "Medicinen", "Struktureret vejledersamtale"),
        ("14", "Evidensbaseret klinisk beslutningstagning", "Praksis", "CbD"),
        ("15", "Undervisning af kolleger og studerende", "Medicinen", "Struktureret vejledersamtale"),
        ("16", "Professionel adfærd og ansvar for egen læring", "Hele forløbet", "Struktureret vejledersamtale"),
    ]
    for kid, t, hvor, _ in rækker:
        s.kompetence(kid, steder[hvor], f"{t} · {hvor}")
    w.tabel([["Læringsmål", "Ansættelse", "Vurdering"]] + [[t, hvor, vur] for _, t, hvor, vur in rækker])
    w.afsnit("Generelle kurser", stil="Heading 1")
    kurser = [("kbu-akut", "Kursus i akut behandling og transport", "september 2025"),
              ("kbu-kommunikation", "Kursus i kommunikation", "november 2025"),
              ("kbu-laering", "Kursus i læring og pædagogik", "marts 2026")]
    for kid, t, når in kurser:
        s.kursus(kid, f"{t} · {når}")
    w.tabel([["Kursus", "Tidspunkt"]] + [[t, når] for _, t, når in kurser])
    w.afsnit("Uddannelsesplan og evaluering", stil="Heading 1")
    w.afsnit("Du lægger din uddannelsesplan sammen med hovedvejlederen ved introduktionssamtalen i hver "
             "ansættelse og justerer den midtvejs. Karrierevejledning indgår i alle samtaler.")
    w.afsnit("Begge ansættelser evalueres på evaluer.dk. Afdelingen og lægehuset drøfter resultaterne på et "
             "fælles møde en gang om året.")
    return w.bytes(), s


# ------------------------------------------------------------------ the corpus

@dataclass(frozen=True)
class Dokument:
    navn: str                                   # file name in tests/importer/fremmed/
    lav: Callable[[], tuple[bytes, Sandhed]]    # -> (.docx bytes, truth)
    doc: bool = False                           # saved as .doc by LibreOffice from the .docx

    @property
    def sandhedsfil(self) -> str:
        return Path(self.navn).stem + ".sandhed.yaml"


DOKUMENTER = [
    Dokument("nord-neurologi-versaler.docx", nord_neurologi),
    Dokument("syd-psykiatri-pandoc.docx", syd_psykiatri),
    Dokument("oest-ortopaedi-libreoffice.doc", oest_ortopaedi, doc=True),
    Dokument("syd-almen-medicin-danske-typografier.docx", syd_almen_medicin),
    Dokument("nord-kbu-romertal.docx", nord_kbu),
    Dokument("oest-anaestesiologi-flettede-celler.docx", oest_anaestesiologi),
    Dokument("nord-ortopaedi-forfattertabel.docx", nord_ortopaedi),
    Dokument("oest-kbu-titeltypografi.docx", oest_kbu),
]

KONVERTERING_TIL = "doc:MS Word 97"
KONVERTERING = f'soffice --headless --convert-to "{KONVERTERING_TIL}"'


def byg(dok: Dokument) -> tuple[bytes, str]:
    """(the .docx bytes the document is made from, the truth file's text)."""
    data, s = dok.lav()
    kilde = {"docx_sha256": hashlib.sha256(data).hexdigest(), "konvertering": KONVERTERING} if dok.doc else None
    return data, s.yaml(dok.navn, sum(kroppens_ord(data).values()), kilde)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fejl hvis de gemte filer afviger")
    ap.add_argument("--doc-igen", action="store_true",
                    help="konvertér .doc-filen med LibreOffice igen, selv om kilden er uændret")
    args = ap.parse_args(argv)
    status = 0
    for dok in DOKUMENTER:
        sti, sandhed = FREMMED / dok.navn, FREMMED / dok.sandhedsfil
        try:
            data, tekst = byg(dok)
        except Værktøjsfejl as e:
            print(f"{dok.navn}: {e}", file=sys.stderr)
            return 2
        if args.check:
            afviger = [p.name for p, indhold in ((sandhed, tekst.encode("utf-8")), (sti, None if dok.doc else data))
                       if not p.exists() or (indhold is not None and p.read_bytes() != indhold)]
            if dok.doc and sti.exists() and not sti.read_bytes().startswith(OLE):
                afviger.append(f"{sti.name} (ikke en Word 97-fil)")
            for navn in afviger:
                print(f"{FREMMED.relative_to(ROOT)}/{navn} afviger fra {Path(__file__).name}; kør scriptet igen.",
                      file=sys.stderr)
                status = 1
            continue
        FREMMED.mkdir(parents=True, exist_ok=True)
        if dok.doc:
            # LibreOffice's bytes depend on its version: convert again only when the source changed.
            kilde = f'docx_sha256: "{hashlib.sha256(data).hexdigest()}"'
            uændret = sti.exists() and sandhed.exists() and kilde in sandhed.read_text(encoding="utf-8")
            if uændret and not args.doc_igen:
                print(f"uændret {sti.relative_to(ROOT)} (kilden er den samme; --doc-igen konverterer igen)")
            else:
                try:
                    write_atomic(sti, libreoffice(data, "docx", KONVERTERING_TIL))
                except Værktøjsfejl as e:
                    print(f"{dok.navn}: {e}", file=sys.stderr)
                    return 2
                print(f"skrev {sti.relative_to(ROOT)}")
        else:
            write_atomic(sti, data)
            print(f"skrev {sti.relative_to(ROOT)}")
        write_atomic(sandhed, tekst.encode("utf-8"))
        print(f"skrev {sandhed.relative_to(ROOT)}")
    return status


if __name__ == "__main__":
    sys.exit(main())
