"""Generate tests/importer/kontrol/: foreign-layout Word programmes held back from the import work.

tools/make_foreign_corpus.py makes the six documents the importer was improved against (issue 22,
part 1). The documents here were written before that work started and were not looked at while the
importer was changed; ``benchmarks/import_recall.py`` reports them apart, so the figures show whether
the fixes generalise. Each has habits the six do not have:

- ``nord-neurologi-2011-html.docx``: a region's web page (HTML) opened and saved as .docx by
  LibreOffice: the title is ``<h1>``, the sections ``<h2>`` (one level down), front-page fields as
  "**Label:** værdi" paragraphs with authors separated by semicolons, the 2011 målbeskrivelse (the
  catalogue also has 2015), periods "1/3 2025 – 28/2 2026" with a months column "12 mdr.",
  competencies numbered "M1"…, places "Holstebro + Aarhus" and "Hele forløbet", group rows with
  ``colspan`` and a place column with ``rowspan`` (gridSpan and vMerge in Word).
- ``oest-psykiatri-forfattertabel.docx``: python-docx with Word's heading styles; the authors in a
  table "Navn | Funktion | Arbejdssted"; the competency number inside the title cell ("Kompetence 3:
  …"); places "Roskilde", "Neurologien", "Alle tre ansættelser"; periods "01-02-2025 | 31-01-2027".
- ``syd-anaestesiologi-introduktion-skabelon.docx``: a regional Word template filled in: headings in
  the template's own styles ("Afsnitsoverskrift", only an outline level says what they are), the
  front-page values in content controls (``w:sdt``), one ansættelse, a competency table without a
  place column, "Tidspunkt" cells "3.–6. måned".

All content is illustrative: written for uddprog, the hospitals are real, the people, dates and texts
are invented.

    python tools/make_control_corpus.py            # writes the corpus (needs LibreOffice for the HTML one)
    python tools/make_control_corpus.py --check    # fails if a committed file differs

Deterministic as make_foreign_corpus.py: python-docx parts are re-zipped with fixed timestamps; the
LibreOffice document records the SHA-256 of its HTML in its truth file and is converted again only
when the HTML changed.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from datetime import date
from pathlib import Path
from typing import Callable

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))

from make_foreign_corpus import ILLUSTRATIV, Sandhed, Værktøjsfejl, Word, fast_zip, kroppens_ord, libreoffice  # noqa: E402

from uddprog.skriv import write_atomic  # noqa: E402

KONTROL = ROOT / "tests" / "importer" / "kontrol"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# ------------------------------------------------------------------ 1: a web page saved by LibreOffice

def _html_tabel(rækker: list, hoved: bool = True) -> str:
    """Rows of cells; a cell may be (text, {"colspan": n} or {"rowspan": n}); None = covered by a rowspan."""
    ud = ['<table border="1" cellpadding="4">']
    for i, r in enumerate(rækker):
        celler = []
        for c in r:
            if c is None:
                continue
            tekst, attr = (c, {}) if isinstance(c, str) else c
            tag = "th" if hoved and i == 0 else "td"
            a = "".join(f' {k}="{v}"' for k, v in attr.items())
            celler.append(f"<{tag}{a}>{tekst}</{tag}>")
        ud.append("<tr>" + "".join(celler) + "</tr>")
    return "\n".join(ud + ["</table>"])


def nord_neurologi_2011() -> tuple[bytes, Sandhed]:
    """Returns the HTML (as bytes); main() converts it with LibreOffice."""
    s = Sandhed("neurologi/hoveduddannelse@2011", "Nord", "HTML-side gemt som .docx af LibreOffice", [
        "titlen i <h1>, afsnittene i <h2> (et niveau under), afdelingerne i <h3>",
        "forsidefelter som \"Label: værdi\"-afsnit med fed label",
        "forfattere adskilt af semikolon, rollen i parentes",
        "\"Godkendt: 12. april 2023 af …\"",
        "målbeskrivelsen fra 2011 nævnt på forsiden (kataloget har også 2015)",
        "perioder \"1/3 2025 – 28/2 2026\" og en kolonne \"12 mdr.\"",
        "kompetencer nummereret \"M1\", titler forkortet",
        "steder \"Holstebro\", \"Aarhus\", \"Holstebro + Aarhus\" og \"Hele forløbet\"",
        "grupperækker med colspan og stedkolonne med rowspan",
        "kursustabel \"Kursus | Hvornår\" med \"SOL 1\" og uddannelsesår",
    ])
    titel = "Hoveduddannelsen i neurologi – Holstebro og Aarhus, forløb 11"
    forfattere = [("Anne Fiktivlund", "uao", "UAO, Regionshospitalet Holstebro"),
                  ("Bo Eksempelgaard", "uao", "UAO, Aarhus Universitetshospital"),
                  ("Carl Prøvesen", "pkl", "PKL")]
    s.forside = {"titel": titel, "forfattere": [{"navn": n, "rolle": r} for n, r, _ in forfattere],
                 "godkendt_dato": date(2023, 4, 12),
                 "godkendt_af": "Det Regionale Råd for Lægers Videreuddannelse, Nord",
                 "ansvarlig": {"navn": "Carl Prøvesen", "rolle": "pkl"}}
    holstebro = s.ansættelse("Regionshospitalet Holstebro", "Neurologisk Afdeling", 12, "1/3 2025 – 28/2 2026")
    aarhus = s.ansættelse("Aarhus Universitetshospital", "Neurologi", 36, "1/3 2026 – 28/2 2029")
    steder = {"Holstebro": [holstebro], "Aarhus": [aarhus], "Holstebro + Aarhus": [holstebro, aarhus],
              "Hele forløbet": [holstebro, aarhus]}
    grupper = [
        ("Akut neurologi", [
            ("M1", "Anamnese og neurologisk undersøgelse", "Holstebro", "Klinisk arbejde", "Struktureret observation"),
            ("M2", "Apopleksi og trombolyse", "Holstebro", "Klinisk arbejde, kursus", "Mini-CEX"),
            ("M3", "TIA og sekundær profylakse", "Holstebro", "Klinisk arbejde", "CbD"),
            ("M4", "Hjerneblødninger", "Aarhus", "Klinisk arbejde", "CbD"),
            ("M6", "Status epilepticus", "Aarhus", "Simulation", "Struktureret observation"),
            ("M13", "Bevidstløshed og koma", "Aarhus", "Klinisk arbejde", "Struktureret observation"),
            ("M17", "Lumbalpunktur", "Holstebro", "Færdighedstræning", "Struktureret observation")]),
        ("Kroniske sygdomme", [
            ("M5", "Epilepsi", "Holstebro + Aarhus", "Klinisk arbejde", "CbD"),
            ("M7", "Multipel sklerose", "Aarhus", "Klinisk arbejde", "CbD"),
            ("M8", "Parkinson og bevægeforstyrrelser", "Aarhus", "Klinisk arbejde", "Mini-CEX"),
            ("M9", "Demens", "Holstebro", "Klinisk arbejde", "CbD"),
            ("M10", "Neuromuskulære sygdomme", "Aarhus", "Klinisk arbejde, kursus", "CbD"),
            ("M11", "Hovedpine", "Holstebro + Aarhus", "Klinisk arbejde", "Mini-CEX"),
            ("M16", "Hjernetumorer", "Aarhus", "Konferencer", "CbD"),
            ("M20", "Rehabilitering", "Holstebro", "Klinisk arbejde", "Vejledersamtale")]),
        ("Generelle kompetencer", [
            ("M22", "Kommunikation", "Hele forløbet", "Klinisk arbejde", "Mini-CEX"),
            ("M23", "Tværfagligt samarbejde", "Hele forløbet", "Klinisk arbejde", "360 graders feedback"),
            ("M24", "Ledelse i vagten", "Aarhus", "Klinisk arbejde", "360 graders feedback"),
            ("M27", "Undervisning", "Aarhus", "Undervise andre", "Vejledersamtale")]),
    ]
    rækker: list = [["Mål", "Kompetence", "Afdeling", "Læring", "Vurdering"]]
    for gruppe, rk in grupper:
        rækker.append([(gruppe, {"colspan": 5})])
        i = 0
        while i < len(rk):
            slut = i
            while slut + 1 < len(rk) and rk[slut + 1][2] == rk[i][2]:
                slut += 1
            for j in range(i, slut + 1):
                nr, t, hvor, lær, vur = rk[j]
                s.kompetence(nr[1:], steder[hvor], f"{nr} · {t} · {hvor}")
                sted = None if j > i else ((hvor, {"rowspan": slut - i + 1}) if slut > i else hvor)
                rækker.append([nr, t, sted, lær, vur])
            i = slut + 1
    kurser = [("hu-cerebrovaskulaer", "Cerebrovaskulære sygdomme", "efteråret 2025"),
              ("sol1", "SOL 1", "1. år"),
              ("hu-epilepsi", "Epilepsi og EEG", "foråret 2026"),
              ("hu-neuromuskulaer", "Neuromuskulære sygdomme og EMG", "2. år"),
              ("hu-neuroradiologi", "Neuroradiologi", "2. år"),
              ("hu-neuroimmunologi", "Neuroimmunologi og infektioner i nervesystemet", "3. år"),
              ("hu-bevaegeforstyrrelser", "Bevægeforstyrrelser og demens", "3. år"),
              ("sol2", "SOL 2", "3. år"),
              ("hu-hovedpine", "Hovedpine, smerter og svimmelhed", "4. år"),
              ("sol3", "SOL 3", "4. år")]
    for kid, t, når in kurser:
        s.kursus(kid, f"{t} · {når}")
    forfatterlinje = "; ".join(f"{n} ({t})" for n, _, t in forfattere)
    html = f"""<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>{titel}</title>
<meta name="description" content="{ILLUSTRATIV}"></head><body>
<h1>{titel}</h1>
<p><strong>Målbeskrivelse:</strong> Neurologi, målbeskrivelse af 2011</p>
<p><strong>Forfattere:</strong> {forfatterlinje}</p>
<p><strong>Godkendt:</strong> 12. april 2023 af Det Regionale Råd for Lægers Videreuddannelse, Nord</p>
<p><strong>Kontaktperson:</strong> Carl Prøvesen, postgraduat klinisk lektor</p>
<h2>Indledning</h2>
<p>Siden beskriver hoveduddannelsen i neurologi i forløb 11 i Videreuddannelsesregion Nord. Du er et år på
Regionshospitalet Holstebro og tre år på Aarhus Universitetshospital.</p>
<p>Programmet følger målbeskrivelsen for neurologi fra 2011, som gælder for læger ansat i forløbet. Spørgsmål
til programmet stilles til kontaktpersonen.</p>
<h2>Forløbets opbygning</h2>
<p>Datoerne gælder for den læge, der starter 1. marts 2025.</p>
{_html_tabel([["Periode", "Afdeling", "Varighed"],
              ["1/3 2025 – 28/2 2026", "Neurologisk Afdeling, Regionshospitalet Holstebro", "12 mdr."],
              ["1/3 2026 – 28/2 2029", "Neurologi, Aarhus Universitetshospital", "36 mdr."]])}
<h2>Præsentation af afdelingerne</h2>
<h3>Regionshospitalet Holstebro</h3>
<p>Afdelingen har et akut apopleksiafsnit og et ambulatorium for hele Vestjylland. Du deltager i
forvagten og har en fast supervisor de første tre måneder.</p>
<h3>Aarhus Universitetshospital</h3>
<p>Neurologi i Aarhus har de højt specialiserede funktioner: trombektomi, epilepsikirurgi, bevægeforstyrrelser
og neuromuskulære sygdomme. Du roterer mellem sektionerne hvert halve år.</p>
<h2>Kompetencer</h2>
<p>Tabellen viser, hvor du især arbejder med hvert mål. Målene uden for tabellen arbejder du med løbende.</p>
{_html_tabel(rækker)}
<h2>Kurser</h2>
<p>Kurserne holdes af Dansk Neurologisk Selskab og Sundhedsstyrelsen. Tidspunkterne er vejledende.</p>
{_html_tabel([["Kursus", "Hvornår"]] + [[t, når] for _, t, når in kurser])}
<h2>Forskningstræning</h2>
<p>Forskningstræningen på 20 dage ligger i Aarhus. Du aftaler emnet med afdelingens forskningsansvarlige
overlæge i løbet af det første år i Aarhus.</p>
<h2>Vejledning</h2>
<p>Du har en hovedvejleder i hver ansættelse og holder introduktions-, justerings- og slutsamtaler som
beskrevet i målbeskrivelsen.</p>
<h2>Evaluering</h2>
<p>Evaluering sker på evaluer.dk ved afslutningen af hver ansættelse.</p>
</body></html>
"""
    return html.encode("utf-8"), s


# ------------------------------------------------------------------ 2: authors in a table

def oest_psykiatri() -> tuple[bytes, Sandhed]:
    s = Sandhed("psykiatri/hoveduddannelse@2016", "Øst", "python-docx med Words overskriftstypografier", [
        "forfatterne i en tabel \"Navn | Funktion | Arbejdssted\"",
        "\"Godkendt den 14. januar 2025 af …\"",
        "\"Programansvarlig: …\"",
        "målbeskrivelsen nævnt i et afsnit \"Speciale: Psykiatri (målbeskrivelse 2016)\"",
        "periodetabel \"Afdeling | Fra | Til\" med datoer \"01-02-2025\"",
        "kompetencens nummer i titelcellen (\"Kompetence 3: …\"), ingen nummerkolonne",
        "steder \"Roskilde\", \"Neurologien\", \"Roskilde og Slagelse\", \"Alle tre ansættelser\"",
        "kursustabel \"Kurser | Planlagt\"",
    ])
    titel = "Uddannelsesprogram – hoveduddannelse i psykiatri, Psykiatrien Region Sjælland, forløb 9"
    w = Word(titel, "Hanne Modelsen")
    w.afsnit(titel, stil="Title")
    w.afsnit("Speciale: Psykiatri (målbeskrivelse 2016)")
    w.afsnit("Videreuddannelsesregion Øst")
    w.afsnit("Programmet er udarbejdet af:")
    forfattere = [("Hanne Modelsen", "uao", "Uddannelsesansvarlig overlæge", "Psykiatrien Roskilde"),
                  ("Jens Illustrativgaard", "uao", "Uddannelsesansvarlig overlæge", "Psykiatrien Slagelse"),
                  ("Lise Fiktivholt", "pkl", "Postgraduat klinisk lektor", "Københavns Universitet")]
    w.tabel([["Navn", "Funktion", "Arbejdssted"]] + [[n, f, a] for n, _, f, a in forfattere])
    w.afsnit("Godkendt den 14. januar 2025 af Det Regionale Råd for Lægers Videreuddannelse Øst.")
    w.afsnit("Programansvarlig: Hanne Modelsen")
    s.forside = {"titel": titel, "forfattere": [{"navn": n, "rolle": r} for n, r, _, _ in forfattere],
                 "godkendt_dato": date(2025, 1, 14),
                 "godkendt_af": "Det Regionale Råd for Lægers Videreuddannelse Øst",
                 "ansvarlig": {"navn": "Hanne Modelsen", "rolle": "uao"}}
    w.afsnit("Indledning", stil="Heading 1")
    w.afsnit("Hoveduddannelsen i psykiatri i forløb 9 foregår i Psykiatrien Region Sjælland med et halvt år i "
             "neurologi. Programmet viser rækkefølgen, hvad du lærer hvor, og hvordan du bliver vurderet.")
    w.afsnit("Uddannelsesforløbet", stil="Heading 1")
    roskilde = s.ansættelse("Psykiatrisk Afdeling Roskilde", "", 24, "01-02-2025 · 31-01-2027")
    neuro = s.ansættelse("Sjællands Universitetshospital, Roskilde", "Neurologisk Afdeling", 6,
                         "01-02-2027 · 31-07-2027")
    slagelse = s.ansættelse("Psykiatrisk Afdeling Slagelse", "", 18, "01-08-2027 · 31-01-2029")
    w.tabel([["Afdeling", "Fra", "Til"],
             ["Psykiatrisk Afdeling Roskilde", "01-02-2025", "31-01-2027"],
             ["Neurologisk Afdeling, Sjællands Universitetshospital, Roskilde", "01-02-2027", "31-07-2027"],
             ["Psykiatrisk Afdeling Slagelse", "01-08-2027", "31-01-2029"]])
    w.afsnit("Afdelingerne", stil="Heading 1")
    w.afsnit("Psykiatrisk Afdeling Roskilde", stil="Heading 2")
    w.afsnit("Afdelingen har en stor akutmodtagelse, fem sengeafsnit og distriktspsykiatri. Du indgår i "
             "forvagten fra første måned og får ansvar for egne ambulante forløb i andet år.")
    w.afsnit("Neurologisk Afdeling, Roskilde", stil="Heading 2")
    w.afsnit("Du arbejder i det neurologiske sengeafsnit og møder de organiske differentialdiagnoser, "
             "især delir, demens og epilepsi.")
    w.afsnit("Psykiatrisk Afdeling Slagelse", stil="Heading 2")
    w.afsnit("I Slagelse er vægten på retspsykiatri, psykoterapi og ledelse af det tværfaglige team.")
    w.afsnit("Kompetencer og vurdering", stil="Heading 1")
    steder = {"Roskilde": [roskilde], "Neurologien": [neuro], "Slagelse": [slagelse],
              "Roskilde og Slagelse": [roskilde, slagelse], "Alle tre ansættelser": [roskilde, neuro, slagelse]}
    rækker = [
        ("1", "Den psykiatriske undersøgelse", "Roskilde", "Klinisk arbejde", "Struktureret observation"),
        ("2", "Selvmordsrisiko", "Roskilde og Slagelse", "Klinisk arbejde", "Mini-CEX"),
        ("3", "Skizofreni og andre psykoser", "Roskilde", "Klinisk arbejde", "Casebaseret diskussion"),
        ("4", "Depression og bipolar lidelse", "Roskilde", "Klinisk arbejde", "Casebaseret diskussion"),
        ("5", "Angst og OCD", "Slagelse", "Klinisk arbejde, kursus", "Casebaseret diskussion"),
        ("6", "Personlighedsforstyrrelser", "Slagelse", "Supervision", "Casebaseret diskussion"),
        ("7", "Misbrug", "Roskilde", "Klinisk arbejde", "Casebaseret diskussion"),
        ("8", "Delir og gerontopsykiatri", "Neurologien", "Klinisk arbejde", "Mini-CEX"),
        ("9", "Psykofarmakologi", "Roskilde og Slagelse", "Kursus", "Casebaseret diskussion"),
        ("10", "Psykoterapi", "Slagelse", "Kursus, supervision", "Struktureret vejledersamtale"),
        ("11", "Tvang", "Roskilde", "Klinisk arbejde", "Audit af journaler"),
        ("12", "Retspsykiatri og erklæringer", "Slagelse", "Klinisk arbejde", "Audit af journaler"),
        ("13", "Samarbejde med pårørende og kommune", "Alle tre ansættelser", "Klinisk arbejde",
         "360 graders feedback"),
        ("14", "Ledelse af teamet", "Slagelse", "Klinisk arbejde", "360 graders feedback"),
        ("15", "Forskning og kvalitet", "Slagelse", "Relevante opgaver", "Struktureret vejledersamtale"),
    ]
    for kid, t, hvor, *_ in rækker:
        s.kompetence(kid, steder[hvor], f"Kompetence {kid}: {t} · {hvor}")
    w.tabel([["Kompetence", "Sted", "Metoder", "Vurdering"]]
            + [[f"Kompetence {kid}: {t}", hvor, lær, vur] for kid, t, hvor, lær, vur in rækker])
    w.afsnit("Kurser", stil="Heading 1")
    kurser = [("psyk-psykopatologi", "Psykopatologi og diagnostik", "1. halvår 2025"),
              ("sol1", "SOL 1", "inden udgangen af første år"),
              ("psyk-farmakologi", "Psykofarmakologi", "2026"),
              ("psyk-psykoterapi", "Psykoterapi, teori og supervision", "2026–2028"),
              ("psyk-retspsykiatri", "Retspsykiatri og psykiatrisk jura", "2027"),
              ("sol2", "SOL 2", "2027"),
              ("sol3", "SOL 3", "2028")]
    for kid, t, når in kurser:
        s.kursus(kid, f"{t} · {når}")
    w.tabel([["Kurser", "Planlagt"]] + [[t, når] for _, t, når in kurser])
    w.afsnit("Forskningstræning", stil="Heading 1")
    w.afsnit("Forskningstræningen placeres i måned 13–36 efter aftale med forskningsvejlederen, og teorien "
             "gennemføres i det første år af forløbet.")
    w.afsnit("Vejledning og evaluering", stil="Heading 1")
    w.afsnit("Du har en hovedvejleder i hver ansættelse. Samtalerne og uddannelsesplanen følger "
             "målbeskrivelsen; evalueringen sker på evaluer.dk.")
    return w.bytes(), s


# ------------------------------------------------------------------ 3: a filled-in regional template

def _indhold(w: Word, alias: str) -> None:
    """Wrap the runs of the last paragraph in a plain-text content control, as a template's field."""
    p = w.d.paragraphs[-1]._p
    sdt = etree.SubElement(p, W + "sdt")
    pr = etree.SubElement(sdt, W + "sdtPr")
    etree.SubElement(pr, W + "alias").set(W + "val", alias)
    etree.SubElement(pr, W + "tag").set(W + "val", alias.lower().replace(" ", "-"))
    indhold = etree.SubElement(sdt, W + "sdtContent")
    for r in p.findall(W + "r"):
        indhold.append(r)


def _outline_stil(w: Word, navn: str, niveau: int, pt: float) -> None:
    w.stil(navn, pt)
    st = w.d.styles[navn].element
    ppr = st.get_or_add_pPr()
    lvl = etree.SubElement(ppr, W + "outlineLvl")
    lvl.set(W + "val", str(niveau))


def syd_anaestesiologi_intro() -> tuple[bytes, Sandhed]:
    s = Sandhed("anaestesiologi/introduktion@2013", "Syd", "udfyldt regional Word-skabelon", [
        "overskrifter i skabelonens egne typografier (\"Afsnitsoverskrift\", \"Underafsnit\") med dispositionsniveau",
        "forsidens værdier i indholdskontrolelementer (w:sdt)",
        "forsidetabel \"Udarbejdet af: | Godkendt af: | Dato for godkendelse: | Ansvarlig:\"",
        "én ansættelse: \"1. september 2025 – 31. august 2026\"",
        "kompetencetabel uden stedkolonne, \"Tidspunkt\" som \"3.–6. måned\"",
        "kursustabel \"Kursus | Hvornår\"",
    ])
    titel = "Introduktionsuddannelse i anæstesiologi, Sygehus Sønderjylland, Aabenraa"
    w = Word(titel, "Maja Eksempelhøj")
    _outline_stil(w, "Forside titel", 0, 22)
    _outline_stil(w, "Afsnitsoverskrift", 0, 15)
    _outline_stil(w, "Underafsnit", 1, 12)
    w.afsnit(titel, stil="Forside titel")
    w.afsnit("Videreuddannelsesregion Syd – målbeskrivelse for introduktionsuddannelsen i anæstesiologi (2013)")
    forfattere = [("Maja Eksempelhøj", "uao", "uddannelsesansvarlig overlæge"),
                  ("Niels Prøvebæk", "vejleder", "hovedvejleder")]
    t = w.tabel([["Udarbejdet af:", "\n".join(f"{n}, {f}" for n, _, f in forfattere)],
                 ["Godkendt af:", "Uddannelsesudvalget for anæstesiologi, Region Syddanmark"],
                 ["Dato for godkendelse:", "19. maj 2025"],
                 ["Ansvarlig:", "Maja Eksempelhøj"]], hoved=False)
    for række, alias in zip(t.rows, ("Forfattere", "Godkendt af", "Dato", "Ansvarlig")):
        p = række.cells[1].paragraphs[0]._p
        sdt = etree.SubElement(p, W + "sdt")
        pr = etree.SubElement(sdt, W + "sdtPr")
        etree.SubElement(pr, W + "alias").set(W + "val", alias)
        indhold = etree.SubElement(sdt, W + "sdtContent")
        for r in p.findall(W + "r"):
            indhold.append(r)
    s.forside = {"titel": titel, "forfattere": [{"navn": n, "rolle": r} for n, r, _ in forfattere],
                 "godkendt_dato": date(2025, 5, 19),
                 "godkendt_af": "Uddannelsesudvalget for anæstesiologi, Region Syddanmark",
                 "ansvarlig": {"navn": "Maja Eksempelhøj", "rolle": "uao"}}
    w.afsnit("Formål med introduktionsuddannelsen", stil="Afsnitsoverskrift")
    w.afsnit("Introduktionsuddannelsen giver dig det første indblik i anæstesiologien og grundlaget for at søge "
             "hoveduddannelse. Du lærer den basale anæstesi, luftvejshåndtering og den akutte patient at kende.")
    _indhold(w, "Indledning")
    w.afsnit("Ansættelse", stil="Afsnitsoverskrift")
    aabenraa = s.ansættelse("Sygehus Sønderjylland, Aabenraa", "Anæstesiologisk Afdeling", 12,
                            "1. september 2025 – 31. august 2026")
    w.tabel([["Ansættelsessted", "Periode"],
             ["Anæstesiologisk Afdeling, Sygehus Sønderjylland, Aabenraa", "1. september 2025 – 31. august 2026"]])
    w.afsnit("Præsentation af afdelingen", stil="Afsnitsoverskrift")
    w.afsnit("Anæstesiologisk Afdeling i Aabenraa dækker operationsafsnittet, opvågningen og intensivafsnittet. "
             "Du har en fast supervisor de første otte uger og går derefter i forvagt.")
    w.afsnit("Kompetencer", stil="Afsnitsoverskrift")
    w.afsnit("Alle kompetencer erhverves og vurderes i Aabenraa. Tidspunktet er det seneste tidspunkt for "
             "godkendelse.")
    rækker = [("1", "Præoperativ vurdering, ASA 1-3", "Mini-CEX", "3.–6. måned"),
              ("2", "Generel anæstesi, ASA 1-2", "Struktureret observation", "1.–6. måned"),
              ("3", "Luftvejshåndtering", "Struktureret observation, kompetencekort", "1.–3. måned"),
              ("4", "Spinalanæstesi", "Struktureret observation", "4.–9. måned"),
              ("5", "Postoperativ smertebehandling", "CbD", "3.–6. måned"),
              ("6", "Væske og transfusion", "CbD", "6.–9. måned"),
              ("7", "Hjertestop og den kritisk syge", "Struktureret observation", "6.–12. måned"),
              ("8", "Information og samtykke", "Mini-CEX", "3.–6. måned"),
              ("9", "Samarbejde på operationsstuen", "ANTS", "6.–12. måned"),
              ("10", "Patientsikkerhed", "Struktureret vejledersamtale", "9.–12. måned"),
              ("11", "Præoperativ optimering", "CbD", "9.–12. måned"),
              ("12", "Karrierevalg og egen læring", "Struktureret vejledersamtale", "12. måned")]
    for kid, kt, *_ in rækker:
        s.kompetence(kid, [aabenraa], f"{kid} · {kt}")
    w.tabel([["Nr.", "Kompetence", "Vurderingsmetode", "Tidspunkt"]] + [list(r) for r in rækker])
    w.afsnit("Kurser", stil="Afsnitsoverskrift")
    s.kursus("klinisk-vejledning", "Kursus i klinisk vejledning · efteråret 2025")
    w.tabel([["Kursus", "Hvornår"], ["Kursus i klinisk vejledning", "efteråret 2025"]])
    w.afsnit("Vejledning", stil="Afsnitsoverskrift")
    w.afsnit("Du holder introduktionssamtale i den første måned, justeringssamtale efter seks måneder og "
             "slutsamtale inden ansættelsen slutter.")
    w.afsnit("Evaluering", stil="Afsnitsoverskrift")
    w.afsnit("Du evaluerer ansættelsen på evaluer.dk.")
    return w.bytes(), s


# ------------------------------------------------------------------ the corpus

class Kontroldokument:
    def __init__(self, navn: str, lav: Callable[[], tuple[bytes, Sandhed]], html: bool = False) -> None:
        self.navn, self.lav, self.html = navn, lav, html

    @property
    def sandhedsfil(self) -> str:
        return Path(self.navn).stem + ".sandhed.yaml"


DOKUMENTER = [
    Kontroldokument("nord-neurologi-2011-html.docx", nord_neurologi_2011, html=True),
    Kontroldokument("oest-psykiatri-forfattertabel.docx", oest_psykiatri),
    Kontroldokument("syd-anaestesiologi-introduktion-skabelon.docx", syd_anaestesiologi_intro),
]
KONVERTERING = 'soffice --headless --convert-to "docx:MS Word 2007 XML"'


def byg(dok: Kontroldokument, docx_data: bytes | None = None) -> tuple[bytes, str]:
    """(the source bytes: .docx, or the HTML of an HTML document; the truth file's text). The truth's word
    count needs the .docx: for an HTML document pass the converted bytes (or the committed file is read)."""
    data, s = dok.lav()
    if dok.html:
        kilde = {"html_sha256": hashlib.sha256(data).hexdigest(), "konvertering": KONVERTERING}
        if docx_data is None:
            docx_data = (KONTROL / dok.navn).read_bytes()
        return data, s.yaml(dok.navn, sum(kroppens_ord(docx_data).values()), kilde)
    return data, s.yaml(dok.navn, sum(kroppens_ord(data).values()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fejl hvis de gemte filer afviger")
    ap.add_argument("--html-igen", action="store_true", help="konvertér HTML-dokumentet igen, selv om det er uændret")
    args = ap.parse_args(argv)
    status = 0
    KONTROL.mkdir(parents=True, exist_ok=True)
    for dok in DOKUMENTER:
        sti, sandhed = KONTROL / dok.navn, KONTROL / dok.sandhedsfil
        if dok.html:
            html, _ = dok.lav()
            uændret = sti.exists() and sandhed.exists() and hashlib.sha256(html).hexdigest() in sandhed.read_text(
                encoding="utf-8")
            if args.check:
                if not uændret:
                    print(f"{dok.navn} afviger fra {Path(__file__).name}; kør scriptet igen.", file=sys.stderr)
                    status = 1
                continue
            if not uændret or args.html_igen:
                try:
                    docx_data = fast_zip(libreoffice(html, "html", "docx:MS Word 2007 XML"))
                except Værktøjsfejl as e:
                    print(f"{dok.navn}: {e}", file=sys.stderr)
                    return 2
                write_atomic(sti, docx_data)
                print(f"skrev {sti.relative_to(ROOT)}")
            _, tekst = byg(dok, sti.read_bytes())
        else:
            data, tekst = byg(dok)
            if args.check:
                if not sti.exists() or sti.read_bytes() != data:
                    print(f"{dok.navn} afviger fra {Path(__file__).name}; kør scriptet igen.", file=sys.stderr)
                    status = 1
            else:
                write_atomic(sti, data)
                print(f"skrev {sti.relative_to(ROOT)}")
        if args.check:
            if not sandhed.exists() or sandhed.read_text(encoding="utf-8") != tekst:
                print(f"{dok.sandhedsfil} afviger fra {Path(__file__).name}; kør scriptet igen.", file=sys.stderr)
                status = 1
        else:
            write_atomic(sandhed, tekst.encode("utf-8"))
            print(f"skrev {sandhed.relative_to(ROOT)}")
    return status


if __name__ == "__main__":
    sys.exit(main())
