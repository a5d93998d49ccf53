"""Hostile Word documents for `uddprog import` (issue 20, item 6), generated deterministically.

An independent fuzzer found three kinds of failure in the importer; each is a family of documents here:

- ``kort-række``: data tables (kompetencer, kurser, ophold, forskning, forløb, forside, samtaler) with rows
  that have fewer cells than the header (a deleted cell) or a ``gridSpan`` of 0 or a negative one;
- ``forskning-uden-periode``: a research table with a theory row but no readable period;
- ``kontroltegn``: C0/C1 controls that XML allows (U+0080–U+009F, U+007F), the YAML line breaks U+0085,
  U+2028 and U+2029, and U+FEFF, placed in every kind of text that reaches the draft: title, headings
  (``# Overskrift i Word:`` comments), front-page values, table cells that become values or ``# gæt:``
  comments, Word comments, footnotes, section text. One family member also tries an injection: a
  U+2028 followed by a YAML key.

A case is handled well when the import gives a draft that is YAML (read by PyYAML's pure and C
loaders alike) and loads as a programme or fails with findings, or a Danish error with exit code 2;
never a traceback. ``tests/importer/test_fjendtlige.py`` runs the corpus in-process and
``tests/hostile/test_import_hostile.py`` through the real command.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from xml.sax.saxutils import escape

from uddprog.skriv import zip_bytes

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f'xmlns:w="{W_NS}"'
_CT = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
       'wordprocessingml.document.main+xml"/>'
       '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.'
       'wordprocessingml.comments+xml"/>'
       '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.'
       'wordprocessingml.footnotes+xml"/></Types>')
_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="word/document.xml"/></Relationships>')
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_DOKRELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="c" Type="{_REL}comments" Target="comments.xml"/>'
            f'<Relationship Id="f" Type="{_REL}footnotes" Target="footnotes.xml"/></Relationships>')

#: The målbeskrivelse and region every case is imported against (its competencies, courses and research).
MB = "neurologi/hoveduddannelse@2015"
REGION = "Nord"

#: Characters XML 1.0 allows that YAML may not hold raw (or reads as a line break).
KONTROLTEGN = {"c1-80": "\x80", "c1-85-nel": "\x85", "c1-96": "\x96", "c1-9b-csi": "\x9b", "c1-9f": "\x9f",
               "del-7f": "\x7f", "ls-2028": "\u2028", "ps-2029": "\u2029", "bom-feff": "\ufeff"}


@dataclass(frozen=True)
class Importcase:
    familie: str
    navn: str
    data: bytes
    filnavn: str = "dokument.docx"


# ------------------------------------------------------------------ WordprocessingML

def _x(tekst: str) -> str:
    return escape(tekst, {'"': "&quot;"})


def p(tekst: str, fed: bool = False, kommentar: str | None = None, fodnote: bool = False) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if fed else ""
    ekstra = ""
    if kommentar is not None:
        ekstra += '<w:r><w:commentReference w:id="1"/></w:r>'
    if fodnote:
        ekstra += '<w:r><w:footnoteReference w:id="1"/></w:r>'
    return f'<w:p><w:r>{rpr}<w:t xml:space="preserve">{_x(tekst)}</w:t></w:r>{ekstra}</w:p>'


def celle(tekst: str, span: str | None = None, vmerge: str | None = None) -> str:
    tcpr = ""
    if span is not None or vmerge is not None:
        tcpr = ("<w:tcPr>" + (f'<w:gridSpan w:val="{span}"/>' if span is not None else "")
                + (f'<w:vMerge w:val="{vmerge}"/>' if vmerge else "") + "</w:tcPr>")
    return f"<w:tc>{tcpr}{p(tekst)}</w:tc>"


def tabel(*rækker: list[str] | str) -> str:
    """Rows of cell texts (a row given as a str is already-made cell XML)."""
    ud = []
    for r in rækker:
        ud.append("<w:tr>" + (r if isinstance(r, str) else "".join(celle(c) for c in r)) + "</w:tr>")
    return "<w:tbl>" + "".join(ud) + "</w:tbl>"


def docx(krop: str, kommentar: str = "kommentar", fodnote: str = "fodnote") -> bytes:
    dok = f"<w:document {W}><w:body>{krop}</w:body></w:document>"
    kom = (f'<w:comments {W}><w:comment w:id="1" w:author="{_x(kommentar[:40])}">{p(kommentar)}</w:comment>'
           "</w:comments>")
    fod = f'<w:footnotes {W}><w:footnote w:id="1">{p(fodnote)}</w:footnote></w:footnotes>'
    return zip_bytes([("[Content_Types].xml", _CT.encode()), ("_rels/.rels", _RELS.encode()),
                      ("word/_rels/document.xml.rels", _DOKRELS.encode()),
                      ("word/document.xml", dok.encode()), ("word/comments.xml", kom.encode()),
                      ("word/footnotes.xml", fod.encode())])


# ------------------------------------------------------------------ the families

FORLØB = tabel(["Ansættelsessted", "Afdeling", "Måneder"], ["Regionshospitalet Viborg", "Neurologisk Afdeling", "12"],
               ["Aalborg Universitetshospital", "Neurologisk Afdeling", "36"])
_KOMP_HOVED = ["Nr.", "Kompetence", "Hvor", "Læringsmetoder", "Vurderingsmetoder"]
_KUR_HOVED = ["Kursus", "Tidspunkt", "Bemærkning"]
_OPH_HOVED = ["Sted", "Ansættelse", "Hvornår", "Varighed", "Formål", "Kompetencer"]
#: uddprog's own front-page mark: the document is then read as uddprog's output (samtaler tables are data).
UDDPROG_MÆRKE = "Programmet er dannet med uddprog ud fra målbeskrivelsen."


def _skelet(*dele: str, mærke: bool = False) -> str:
    return ((p(UDDPROG_MÆRKE) if mærke else "") + p("Uddannelsesprogram for neurologi – forløb 1", fed=True)
            + p("1. Uddannelsesforløbet", fed=True) + FORLØB + "".join(dele))


def _korte_rækker() -> Iterator[Importcase]:
    """Each data table with a row shorter than its header, a gridSpan of 0 and a negative gridSpan."""
    kort_celler = {
        "kompetencer": (_KOMP_HOVED, ["1", "Neurologisk anamnese", "Viborg", "Klinisk arbejde", "Mini-CEX"]),
        "kurser": (_KUR_HOVED, ["Neuroradiologi", "måned 14", "obligatorisk"]),
        "ophold": (_OPH_HOVED, ["Rigshospitalet", "2", "måned 20", "5 dage", "Epilepsikirurgi", "5"]),
        "forløb": (["Ansættelsessted", "Afdeling", "Periode"], ["Holstebro", "Neurologi", "måned 1–12"]),
        "forskning": (["Planlagt", "måned 13–40"], ["Teoridel", "måned 20"]),
        "forside": (["Udarbejdet af", "Signe Prøvelund, UAO"], ["Godkendt dato", "1. marts 2024"]),
    }
    for art, (hoved, række) in kort_celler.items():
        overskrift = p(f"{art.capitalize()}", fed=True)
        for n in range(len(række)):       # the row cut after n cells (n = 0: an empty row)
            rækker = [hoved, række[:n]]
            yield Importcase("kort-række", f"{art}-{n}-celler", docx(_skelet(overskrift, tabel(*rækker))))
        for span in ("0", "-1", "x"):
            rad = "".join(celle(c, span=span if i == 0 else None) for i, c in enumerate(række[:2]))
            yield Importcase("kort-række", f"{art}-gridspan-{span}",
                             docx(_skelet(overskrift, tabel(hoved, rad, række))))
        rad = celle(række[0], span="2") + celle(række[1], vmerge="continue")
        yield Importcase("kort-række", f"{art}-flettet-uden-over", docx(_skelet(overskrift, tabel(rad, hoved, række))))
    # uddprog's own vejledersamtaler table (read as data only in uddprog's output)
    samtaler = ["Samtale", "Hvornår", "Karrierevejledning", "Bemærkning"]
    for n in range(4):
        krop = _skelet(p("Vejledersamtaler i ansættelse 1: Regionshospitalet Viborg"),
                       tabel(samtaler, ["Introduktionssamtale", "senest dag 14", "nej", "med hovedvejleder"][:n]),
                       mærke=True)
        yield Importcase("kort-række", f"samtaler-{n}-celler", docx(krop))


def _forskning_uden_periode() -> Iterator[Importcase]:
    for navn, rækker in {
        "teori-uden-plan": [["Planlagt", "efter aftale"], ["Teoridel", "måned 20"]],
        "kun-teori": [["Teoridel", "måned 20"], ["Omfang", "20 dage"]],
        "kun-omfang": [["Omfang", "20 dage"], ["Planlagt", ""]],
        "uddprog-teori-uden-plan": [["Planlagt", "når vejlederen siger til"], ["Teoridel", "måned 16–20"]],
    }.items():
        yield Importcase("forskning-uden-periode", navn,
                         docx(_skelet(p("Forskningstræning", fed=True), tabel(*rækker),
                                      mærke=navn.startswith("uddprog"))))


def _kontroltegn() -> Iterator[Importcase]:
    for tnavn, t in KONTROLTEGN.items():
        tekst = f"før{t}efter"
        steder = {
            "titel": _skelet().replace("forløb 1", f"forløb 1 {tekst}"),
            "overskrift": _skelet(p(f"9. Vagtplan {tekst}", fed=True), p("Brødtekst.")),
            "afsnitstekst": _skelet(p(f"Tekst i afsnittet {tekst}.")),
            "forside": p(f"Udarbejdet af: Signe {tekst}, UAO") + p(f"Godkendt af: Rådet {tekst}") + _skelet(),
            "kompetencecelle": _skelet(p("Kompetencer", fed=True),
                                       tabel(_KOMP_HOVED, ["1", "Neurologisk anamnese", "Viborg", "Klinisk arbejde",
                                                           f"Mini-CEX, {tekst}"],
                                             ["99", f"Ukendt kompetence {tekst}", "Aalborg", "", ""])),
            "kursuscelle": _skelet(tabel(_KUR_HOVED, ["Neuroradiologi", "måned 14", tekst],
                                         [f"Ukendt kursus {tekst}", "måned 3", ""])),
            "forløbscelle": _skelet(tabel(["Ansættelsessted", "Afdeling", "Måneder"],
                                          [f"Sted {tekst}", f"Afdeling {tekst}", "12"])),
            "kommentar": _skelet(p("Tekst med kommentar", kommentar=tekst)),
            "fodnote": _skelet(p("Tekst med fodnote", fodnote=True)),
        }
        for sted, krop in steder.items():
            yield Importcase("kontroltegn", f"{tnavn}-{sted}",
                             docx(krop, kommentar=tekst if sted == "kommentar" else "kommentar",
                                  fodnote=tekst if sted == "fodnote" else "fodnote"))
        yield Importcase("kontroltegn", f"{tnavn}-filnavn", docx(_skelet()), filnavn=f"før{t}efter.docx")
    # An injection: a line separator that would end the comment and start a key of its own.
    for t in ("\u2028", "\u2029", "\x85"):
        for sted, krop in {
            "overskrift": _skelet(p(f"9. Vagtplan{t}illustrativ: true", fed=True), p("Tekst.")),
            "kompetencecelle": _skelet(tabel(_KOMP_HOVED, ["1", "Neurologisk anamnese", "Viborg", "",
                                                           f"Mini-CEX{t}illustrativ: true"])),
            "forside": p(f"Udarbejdet af: Signe{t}illustrativ: true, UAO") + _skelet(),
        }.items():
            yield Importcase("injektion", f"{ord(t):04x}-{sted}", docx(krop))


FAMILIER = {"kort-række": _korte_rækker, "forskning-uden-periode": _forskning_uden_periode,
            "kontroltegn": _kontroltegn}


def alle() -> list[Importcase]:
    return [c for familie in FAMILIER.values() for c in familie()]


# ------------------------------------------------------------------ judging an outcome

def ord_i_udkast(tekst: str) -> set[str]:
    """The words of a draft, with YAML's \\uXXXX escapes (in values and, shown visibly, in comments) read back."""
    import re

    tekst = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), tekst)
    return set(re.findall(r"\w+", tekst.casefold()))


def problemer_med_udkast(case: Importcase, tekst: str) -> list[str]:
    """What is wrong with a draft the import wrote for ``case``; [] when it is YAML that loads as a programme
    or fails with findings, keeps the words around a control character, and holds no injected key."""
    from pathlib import Path

    import yaml

    from uddprog.loading import LoadError, indlæs

    ud = []
    data = []
    for loader in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        try:
            data.append(yaml.load(tekst, Loader=loader))
        except yaml.YAMLError as e:
            return [f"udkastet er ikke YAML ({loader.__name__}): {' '.join(str(e).split())[:200]}"]
    if data[0] != data[1]:
        ud.append("PyYAML's rene og C-baserede læser læser udkastet forskelligt")
    if not isinstance(data[0], dict):
        return ud + ["udkastet er ikke et YAML-kort"]
    if case.familie == "injektion" and "illustrativ" in data[0]:
        ud.append("teksten i dokumentet blev til en nøgle i udkastet (illustrativ)")
    try:
        indlæs(Path("udkast.yaml"), "uddannelsesprogram", tekst=tekst)
    except LoadError as e:
        if not e.fund:
            ud.append("udkastet kunne ikke indlæses, og der er ingen fund")
    except Exception as e:  # noqa: BLE001 - anything else is the failure this corpus looks for
        ud.append(f"indlæsningen af udkastet gav {type(e).__name__}: {e}")
    if case.familie == "kontroltegn" and not {"før", "efter"} <= ord_i_udkast(tekst):
        ud.append("ordene omkring kontroltegnet mangler i udkastet")
    return ud
