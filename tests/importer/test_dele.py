"""The stages one at a time, on small WordprocessingML built in code (as python-mammoth tests its readers)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from uddprog.datoer import læs_dansk_dato
from uddprog.importer import importer_bytes
from uddprog.importer.data import Metoder, periode, tabelart
from uddprog.importer.laeser import læs_dokument
from uddprog.importer.markdown import til_markdown
from uddprog.importer.model import Afsnit, Celle, Stykke, Tabel
from uddprog.importer.pakke import læs_pakke
from uddprog.importer.titler import Titelmatcher, normaliser
from uddprog.models import Laeringsstrategi, Vurderingsmetode

from .test_fjendtlige import W, docx

STYLES_REL = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
              'relationships"><Relationship Id="s" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
              'relationships/styles" Target="styles.xml"/></Relationships>')


def dokument(krop: str, stile: str = "") -> bytes:
    return docx(f"<w:document {W}><w:body>{krop}</w:body></w:document>",
                ("word/_rels/document.xml.rels", STYLES_REL.encode()),
                ("word/styles.xml", f"<w:styles {W}>{stile}</w:styles>".encode()))


def p(tekst: str, stil: str = "", ppr: str = "", rpr: str = "") -> str:
    pp = (f'<w:pStyle w:val="{stil}"/>' if stil else "") + ppr
    return (f"<w:p>{f'<w:pPr>{pp}</w:pPr>' if pp else ''}<w:r>{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}"
            f"<w:t xml:space=\"preserve\">{tekst}</w:t></w:r></w:p>")


def blokke(krop: str, stile: str = ""):
    return læs_dokument(læs_pakke(dokument(krop, stile), "t.docx")).værdi.blokke


@pytest.mark.parametrize("stil, forventet", [
    ('<w:style w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>', 2),
    ('<w:style w:styleId="Overskrift1"><w:name w:val="Overskrift 1"/></w:style>', 1),
    ('<w:style w:styleId="X7"><w:name w:val="Overskrift 3"/></w:style>', 3),           # by name only
    ('<w:style w:styleId="Kapitel"><w:name w:val="Kapitel"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>', 1),
    ('<w:style w:styleId="Under"><w:name w:val="Under"/><w:basedOn w:val="Kapitel"/></w:style>'
     '<w:style w:styleId="Kapitel"><w:name w:val="Kapitel"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>', 2),
    ('<w:style w:styleId="Titel"><w:name w:val="Titel"/></w:style>', 0),
    ('<w:style w:styleId="Forside"><w:name w:val="Forsidetitel"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>', 0),
    ('<w:style w:styleId="Sub"><w:name w:val="Undertitel"/></w:style>', None),
    ('<w:style w:styleId="Tt"><w:name w:val="Tabeltitel"/></w:style>', None),        # a caption, not the title
    ('<w:style w:styleId="Brød"><w:name w:val="Brødtekst"/></w:style>', None),
])
def test_overskriftsniveau(stil, forventet):
    sid = stil.split('w:styleId="')[1].split('"')[0]
    (a,) = blokke(p("Tekst", sid), stil)
    assert a.overskrift == forventet


def test_dispositionsniveau_direkte_i_afsnittet():
    (a,) = blokke(p("Tekst", ppr='<w:outlineLvl w:val="2"/>'))
    assert a.overskrift == 3


def test_fed_fra_typografi_er_ikke_fremhævning():
    stil = '<w:style w:styleId="Heading1"><w:name w:val="heading 1"/><w:rPr><w:b/></w:rPr></w:style>'
    (a,) = blokke(p("Indledning", "Heading1"), stil)
    assert a.stykker == [Stykke("Indledning")] and a.helt_fed
    (b,) = blokke(p("fed", rpr="<w:b/>") + "")
    assert b.stykker == [Stykke("fed", fed=True)]
    (c,) = blokke(p("ikke fed", rpr='<w:b w:val="0"/>'))
    assert c.stykker == [Stykke("ikke fed")]


def test_flettede_celler():
    t = Tabel([[Celle([Afsnit([Stykke("a")])], spænd=2), Celle([Afsnit([Stykke("b")])])],
               [Celle([Afsnit([Stykke("c")])]), Celle([Afsnit([Stykke("d")])]), Celle([], fortsat=True)]])
    assert t.gitter() == [["a", "", "b"], ["c", "d", "b"]]
    assert t.gitter(udfyld=False) == [["a", "", "b"], ["c", "d", ""]]


@pytest.mark.parametrize("titel", ["3. Præsentation af afdelingerne", "PRÆSENTATION AF UDDANNELSESSTEDERNE:",
                                   "3.2 Præsentation af uddannelsesstedet", "Afsnit 3: Uddannelsessteder",
                                   "Praesentation af uddannelsesstederne"])
def test_titelvarianter(titel):
    from uddprog.catalog import Katalog

    from .conftest import ROOT

    m = Titelmatcher(Katalog(ROOT).skabelon("hoveduddannelse").model)
    assert m.match(titel) == "uddannelsesstederne"
    assert m.match("Vagtplanens opbygning") is None


def test_normaliser():
    assert normaliser("  12.3 Kurser & fokuserede ophold ") == "kurser-og-fokuserede-ophold"


@pytest.mark.parametrize("tekst, vurdering, ukendt", [
    ("Mini CEX, CbD", ["mini-cex", "case-baseret-diskussion"], []),
    ("360° feedback og audit af journaler", ["360-graders-feedback", "audit-af-journaler"], []),
    ("Struktureret klinisk observation (mindst 2)", ["struktureret-observation"], []),
    ("3 × Mini-CEX; logbogsnotat", ["mini-cex"], ["logbogsnotat"]),
    ("Mini-CEX (mindst 2 i forløbet)\n3 vurderinger", ["mini-cex"], []),
    ("Case-baseret diskussion, 1 vurdering", ["case-baseret-diskussion"], []),
])
def test_vurderingsmetoder(tekst, vurdering, ukendt):
    assert Metoder(Vurderingsmetode).find(tekst) == (vurdering, ukendt)


@pytest.mark.parametrize("tekst, uddprog, antal", [
    # uddprog's own cell: the entry's number on its own line; "(mindst N i forløbet)" is the målbeskrivelse's
    ("Mini-CEX (mindst 2 i forløbet)\n3 vurderinger", True, 3),
    ("Mini-CEX (mindst 2 i forløbet)\n1 vurdering", True, 1),
    ("Mini-CEX (mindst 2 i forløbet)", True, None),
    ("Mini-CEX", True, None),
    # another region's wording
    ("Struktureret observation (mindst 3)", False, 3),
    ("3 × Mini-CEX", False, 3),
    ("Mini-CEX 2x", False, 2),
    ("Mini-CEX (2 vurderinger)", False, 2),
    ("3 vurderingsmetoder", False, None),
    ("360-graders feedback", False, None),
])
def test_antal_vurderinger(tekst, uddprog, antal):
    from uddprog.importer.data import _antal_vurderinger

    assert _antal_vurderinger(tekst, uddprog) == antal


def test_læringsmetode_med_og_i_navnet():
    assert Metoder(Laeringsstrategi).find("Konferencer og tværfaglige møder, Supervision og vejledning")[0] == [
        "konference", "supervision"]


@pytest.mark.parametrize("tekst, forventet", [
    ("måned 1–6", (1, 6)), ("mdr. 7-12", (7, 12)), ("Måned 19\u2013\u200948", (19, 48)), ("måned\u00a07", (7, 7)),
    ("13-12", None), ("ingen tal", None), ("1.-6. måned", (1, 6)), ("måned 3 til 8", (3, 8)),
    ("De første 6 måneder", (1, 6)), ("7.–12. mdr.", (7, 12)),
])
def test_periode(tekst, forventet):
    assert periode(tekst) == forventet


@pytest.mark.parametrize("tekst, forventet", [
    ("12. maj 2016", date(2016, 5, 12)), ("14.06.2024", date(2024, 6, 14)), ("2026-05-12", date(2026, 5, 12)),
    ("september 2025", date(2025, 9, 1)), ("30. februar 2025", None), ("snart", None),
])
def test_læs_dansk_dato(tekst, forventet):
    assert læs_dansk_dato(tekst) == forventet


def _tabel(*rækker):
    return Tabel([[Celle([Afsnit([Stykke(c)])]) for c in r] for r in rækker])


def test_tabelart():
    assert tabelart(_tabel(["Ansættelsessted", "Afdeling", "Måneder"], ["A", "B", "6"])) == "forløb"
    assert tabelart(_tabel(["Nr.", "Kompetence", "Vurderingsmetoder"], ["1", "x", "y"])) == "kompetencer"
    assert tabelart(_tabel(["Kursus", "Tidspunkt"], ["SOL1", "måned 3"])) == "kurser"
    # A table with a period column but no place column is text, not a forløb (regression).
    assert tabelart(_tabel(["Vagttype", "Periode"], ["Dagvagt", "8–16"])) == "tekst"


def test_markdown_escaping_og_lister():
    bl = [Afsnit([Stykke("1. juni er * en dato_")]),
          Afsnit([Stykke("punkt")], liste=(0, False)), Afsnit([Stykke("under")], liste=(1, True)),
          Afsnit([Stykke("under to")], liste=(1, True)), Afsnit([Stykke("punkt to")], liste=(0, False)),
          Afsnit([Stykke("fed ", fed=True), Stykke("link", fed=True, link="https://x.dk"), Stykke(" og "),
                  Stykke("fil", link="file:///c:/x.doc")])]
    assert til_markdown(bl) == ("1\\. juni er \\* en dato\\_\n\n- punkt\n  1. under\n  2. under to\n- punkt to\n\n"
                                "**fed [link](https://x.dk)** og fil (file:///c:/x.doc)")


def test_overskrifter_uden_forløbstabel_bliver_ansættelser(katalog):
    krop = (p("Præsentation af uddannelsesstederne", "Heading1") + p("Fælles tekst.")
            + p("Medicinsk Afdeling, Holbæk Sygehus", "Heading2") + p("Om afdelingen.")
            + p("Generelt om vagter", "Heading2") + p("Vagtlaget har tre lag."))
    stile = ('<w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
             '<w:style w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>')
    mb = katalog.slå_op("klinisk-basisuddannelse/kbu@2017").model
    import yaml

    imp = importer_bytes(dokument(krop, stile), "t.docx", mb, katalog.skabelon("kbu").model, "Øst")
    d = yaml.safe_load(imp.yaml)
    (a,) = d["ansættelser"]                               # "Generelt om vagter" names no place
    assert (a["afdeling"], a["sted"], a["beskrivelse"]) == ("Medicinsk Afdeling", "Holbæk Sygehus", "Om afdelingen.\n")
    # KBU has no section of its own for the places: they belong to "Præsentation af uddannelsesforløbet".
    assert d["sektioner"]["uddannelsesforloebet"] == "Fælles tekst.\n\n# Generelt om vagter\n\nVagtlaget har tre lag.\n"


def _tbl(*rækker) -> str:
    return "<w:tbl>" + "".join("<w:tr>" + "".join(f"<w:tc>{p(c)}</w:tc>" for c in r) + "</w:tr>" for r in rækker) \
        + "</w:tbl>"


def test_kolonneoverskrifter_med_tilføjelser_og_ansættelse_som_nummer(katalog):
    import yaml

    krop = (p("Præsentation af uddannelsesforløbet", "Heading1")
            + _tbl(["Uddannelsessted", "Afdeling", "Antal måneder"], ["Holbæk Sygehus", "Akutmodtagelsen", "6"],
                   ["Lægerne i Tølløse", "Almen praksis", "6"])
            + p("Læringsmål og kompetencevurdering", "Heading1")
            + _tbl(["Kompetence nr.", "Ansættelse", "Tidsrum", "Læringsstrategi (anbefalet)",
                    "Kompetencevurderingsmetode (obligatorisk)"],
                   ["Mål 7", "2", "Måned 8-12", "Klinisk arbejde", "Mini-CEX"],
                   ["2.", "Ansættelse 1", "mdr. 1-3", "Supervision", "Mini-CEX"]))
    stile = '<w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
    mb = katalog.slå_op("klinisk-basisuddannelse/kbu@2017").model
    d = yaml.safe_load(importer_bytes(dokument(krop, stile), "t.docx", mb, katalog.skabelon("kbu").model, "Øst").yaml)
    assert [a["måneder"] for a in d["ansættelser"]] == [6, 6]
    a1, a2 = (a["id"] for a in d["ansættelser"])
    assert [(k["kompetence"], k["ansættelse"], k["fra_måned"], k["til_måned"]) for k in d["kompetenceplan"]] == [
        ("7", a2, 8, 12), ("2", a1, 1, 3)]


def test_titlen_vinder_over_et_løbenummer(katalog):
    import yaml

    krop = (p("Læringsmål og kompetencevurdering", "Heading1")
            + _tbl(["Nr.", "Læringsmål", "Vurdering"], ["1", "Konsultationen i almen praksis", "Mini-CEX"],
                   ["2", "En titel, som ikke findes", "Mini-CEX"]))
    stile = '<w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
    mb = katalog.slå_op("klinisk-basisuddannelse/kbu@2017").model
    d = yaml.safe_load(importer_bytes(dokument(krop, stile), "t.docx", mb, katalog.skabelon("kbu").model, "Øst").yaml)
    assert [k["kompetence"] for k in d["kompetenceplan"]] == ["7", "2"]   # 7 by its title, 2 by its number


def test_overskrift_over_afsnittene_er_titlen(katalog):
    import yaml

    stile = ('<w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
             '<w:style w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>')
    krop = (p("Uddannelsesprogram for KBU i Nykøbing F.", "Heading1") + p("Indledning", "Heading2") + p("Tekst.")
            + p("Bilag", "Heading1") + p("Bilagstekst."))
    mb = katalog.slå_op("klinisk-basisuddannelse/kbu@2017").model
    d = yaml.safe_load(importer_bytes(dokument(krop, stile), "t.docx", mb, katalog.skabelon("kbu").model, "Øst").yaml)
    assert d["titel"] == "Uddannelsesprogram for KBU i Nykøbing F."
    assert d["sektioner"]["indledning"] == "Tekst.\n"
    assert d["sektioner"]["ikke-placeret"] == "## Bilag\n\nBilagstekst.\n"


def test_to_overskrifter_til_samme_afsnit_og_en_rolletabel_der_er_tekst(katalog):
    import yaml

    stile = '<w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
    krop = (p("Vejledning", "Heading1") + p("Om vejlederen.") + p("Vejledersamtaler", "Heading1")
            + p("Tre samtaler.")
            + _tbl(["Samtale", "Medicinsk ekspert", "Kommunikator", "Samarbejder"], ["Intro", "x", "x", ""]))
    mb = katalog.slå_op("klinisk-basisuddannelse/kbu@2017").model
    imp = importer_bytes(dokument(krop, stile), "t.docx", mb, katalog.skabelon("kbu").model, "Øst")
    d = yaml.safe_load(imp.yaml)
    assert d["sektioner"]["vejledning"] == (
        "Om vejlederen.\n\n# Vejledersamtaler\n\nTre samtaler.\n\n"
        "| Samtale | Medicinsk ekspert | Kommunikator | Samarbejder |\n|---|---|---|---|\n| Intro | x | x |  |\n")
    assert any("To overskrifter passer til afsnittet 'vejledning'" in r for r in imp.rapport)


def test_kun_titlen_har_typografi_afsnittene_er_fede_linjer(katalog):
    import yaml

    stile = '<w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
    krop = (p("Uddannelsesprogram for KBU, Holbæk", "Heading1") + p("1. Indledning", rpr="<w:b/>") + p("Tekst.")
            + p("2. Evaluering af uddannelsen", rpr="<w:b/>") + p("Evaluer.dk."))
    mb = katalog.slå_op("klinisk-basisuddannelse/kbu@2017").model
    imp = importer_bytes(dokument(krop, stile), "t.docx", mb, katalog.skabelon("kbu").model, "Øst")
    d = yaml.safe_load(imp.yaml)
    assert (d["sektioner"]["indledning"], d["sektioner"]["evaluering"]) == ("Tekst.\n", "Evaluer.dk.\n")
    assert d["titel"] == "Uddannelsesprogram for KBU, Holbæk"


def test_forskningstræningens_periode_fra_teksten(katalog):
    import yaml

    stile = '<w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
    mb = katalog.slå_op("neurologi/hoveduddannelse@2015").model
    sk = katalog.skabelon("hoveduddannelse").model
    en = p("Forskningstræning", "Heading1") + p("Forskningstræningen ligger i måned 20–40 i Aarhus.")
    imp = importer_bytes(dokument(en, stile), "t.docx", mb, sk, "Nord")
    d = yaml.safe_load(imp.yaml)
    # The guessed plan keeps the målbeskrivelse's theory deadline (P020): theory within its first months.
    assert d["forskningstræning"] == {"fra_måned": 20, "til_måned": 40,
                                      "teori_til_måned": 20 + mb.forskningstræning.teori_inden_måneder - 1}
    assert "teoridelens slutmåned er målbeskrivelsens frist" in re.sub(r"\s*\n\s*#\s*", " ", imp.yaml)
    assert d["sektioner"]["forskningstraening"] == "Forskningstræningen ligger i måned 20–40 i Aarhus.\n"  # kept
    to = en + p("Teorien i måned 20–26.")
    imp = importer_bytes(dokument(to, stile), "t.docx", mb, sk, "Nord")
    assert "gæt: ikke fundet i dokumentet" in imp.yaml                 # two periods: no guess from the text


def test_kurser_fra_teksten(katalog):
    import yaml

    stile = '<w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
    mb = katalog.slå_op("neurologi/hoveduddannelse@2015").model
    krop = (p("Kurser og fokuserede ophold", "Heading1") + p("SOL1 tager du i måned 8.")
            + p("Kurset Neuroradiologi ligger i måned 20.") + p("SOL2 og SOL3 i måned 30 og 40.")
            + p("Epilepsi og EEG i måned 10–12."))
    d = yaml.safe_load(importer_bytes(dokument(krop, stile), "t.docx", mb, katalog.skabelon("hoveduddannelse").model,
                                      "Nord").yaml)
    # One course and one month per line only: two courses in a line, or a range, are left to the author.
    assert [(k["kursus"], k["måned"]) for k in d["kurser"]] == [("sol1", 8), ("hu-neuroradiologi", 20)]
    assert "SOL2 og SOL3 i måned 30 og 40." in d["sektioner"]["kurser"]


def test_listetypografier_fra_python_docx(katalog):
    """Lists made by list styles (Word's "List Bullet 2", as python-docx writes them), level from the name."""
    import io

    import docx as python_docx
    import yaml

    d = python_docx.Document()
    d.add_heading("Indledning", 1)
    d.add_paragraph("Første punkt", style="List Bullet")
    d.add_paragraph("Underpunkt", style="List Bullet 2")
    d.add_paragraph("Et nummer", style="List Number")
    b = io.BytesIO()
    d.save(b)
    mb = katalog.slå_op("klinisk-basisuddannelse/kbu@2017").model
    y = yaml.safe_load(importer_bytes(b.getvalue(), "pd.docx", mb, katalog.skabelon("kbu").model, "Øst").yaml)
    assert y["sektioner"]["indledning"] == "- Første punkt\n  - Underpunkt\n1. Et nummer\n"
    from uddprog.markdown import to_html

    assert "<ul>" in to_html(y["sektioner"]["indledning"]) and "<ol>" in to_html(y["sektioner"]["indledning"])
