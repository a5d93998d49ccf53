"""`uddprog import`: Word programmes -> programme YAML drafts, with nothing lost.

Stages, each its own module and each returning ``Trinresultat(værdi, beskeder)``:
    pakke.py     bytes -> parsed OOXML parts (bounded zip, no DTD/entities, nothing outside the file)
    laeser.py    parts -> neutral model (model.py): headings, paragraphs, lists, tables, text boxes
    opdeling.py  model -> sections matched to the national template (titler.py, varianter.py)
    data.py      sections -> ansættelser, kompetenceplan, courses, research; forside.py the front page;
                 tabeller.py classifies tables, perioder.py reads periods, lighed.py compares names
    udkast.py    -> YAML text with UDFYLD placeholders and 'gæt:' comments

``doc.py`` converts an old binary .doc through LibreOffice first; ``maalbeskrivelse.py`` finds the
målbeskrivelse a document names, so ``--mb`` may be left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..models import Maalbeskrivelse, NationalSkabelon, Videreuddannelsesregion
from ..yamlredigering import kommentar
from .data import INDPAKNING, udtræk
from .doc import doc_til_docx
from .laeser import læs_dokument
from .maalbeskrivelse import Valg, find_målbeskrivelse
from .model import Dokument, Tabel
from .opdeling import opdel
from .pakke import art, læs_fil, læs_pakke
from .resultat import Besked, ImportFejl, Trinresultat, antal
from .udkast import skriv

__all__ = ["Import", "ImportFejl", "Valg", "find_målbeskrivelse", "importer", "importer_bytes", "importer_dokument",
           "læs", "åbn"]

_TABELNAVNE = {"forløb": "forløb", "kompetencer": "kompetencer", "kurser": "kurser", "ophold": "fokuserede ophold",
               "samtaler": "vejledersamtaler", "forskning": "forskningstræning", "forside": "forside"}


@dataclass
class Import:
    """One imported document: the YAML draft and the report lines."""

    kilde: str
    yaml: str
    beskeder: list[Besked] = field(default_factory=list)
    rapport: list[str] = field(default_factory=list)


def åbn(sti: Path) -> bytes:
    """A Word file's .docx bytes; an old binary .doc is converted through LibreOffice first (the content
    decides, not the name). Raises ImportFejl."""
    data = læs_fil(sti)
    if art(data) == "ole-doc":
        data = doc_til_docx(sti)
    return data


def læs(data: bytes, navn: str) -> Trinresultat[Dokument]:
    """A .docx held in memory -> the neutral document model (``navn`` is what messages call it)."""
    return læs_dokument(læs_pakke(data, navn))


def importer_dokument(r_dok: Trinresultat[Dokument], navn: str, mb: Maalbeskrivelse, skabelon: NationalSkabelon,
                      region: Videreuddannelsesregion, skema: str | None = None) -> Import:
    """A read document -> the draft and the report. ``skema`` is the draft's link to the programme schema
    (``rod.skemalink``)."""
    dok = r_dok.værdi
    r_op = opdel(dok, skabelon)
    op = r_op.værdi
    r_data = udtræk(op, mb, skabelon, region)
    u = r_data.værdi
    for k in dok.kommentarer:
        u.kommentarer.append(f"Word-kommentar fra {k.forfatter}" + (f" ved \"{_kort(k.ved)}\"" if k.ved else "")
                             + f": {k.tekst}")
    u.kommentarer += [f"Sidehoved i Word: {t}" for t in dok.sidehoveder]
    u.kommentarer += [f"Sidefod i Word: {t}" for t in dok.sidefødder]
    u.kommentarer += [f"Fodnote i Word: {t}" for t in dok.fodnoter]
    if dok.titel and dok.titel != u.titel:
        u.kommentarer.append(f"Titel i dokumentegenskaberne: {dok.titel}")
    tekst = skriv(u, Path(navn).name, mb, skabelon, region, skema)
    beskeder = r_dok.beskeder + r_op.beskeder + r_data.beskeder
    rapport = _rapport(u, op, skabelon, beskeder, ord_i_kroppen(dok))
    linjer = tekst.splitlines()
    udfyld = sum(1 for l in linjer if "UDFYLD" in l and not l.lstrip().startswith("#"))
    gæt = sum(1 for l in linjer if "gæt:" in l) - 1  # the header comment names the word once
    rapport.insert(3, f"at gøre: {antal(udfyld, 'felt', 'felter')} med UDFYLD, {antal(gæt, 'gæt', 'gæt')} at tjekke")
    return Import(navn, tekst, beskeder, rapport)


def importer_bytes(data: bytes, navn: str, mb: Maalbeskrivelse, skabelon: NationalSkabelon,
                   region: Videreuddannelsesregion, skema: str | None = None) -> Import:
    """Import a .docx held in memory (``navn`` is what messages call it). Raises ImportFejl."""
    return importer_dokument(læs(data, navn), navn, mb, skabelon, region, skema)


def importer(sti: Path, mb: Maalbeskrivelse, skabelon: NationalSkabelon,
             region: Videreuddannelsesregion, skema: str | None = None) -> Import:
    """Import one .docx (or, through LibreOffice, .doc) file. Raises ImportFejl."""
    return importer_bytes(åbn(sti), str(sti), mb, skabelon, region, skema)


def _kort(tekst: str, n: int = 60) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= n else tekst[: n - 1] + "…"


def _rapport(u, op, skabelon: NationalSkabelon, beskeder, kroppens_ord: int) -> list[str]:
    titler = {s.id: s.titel for s in skabelon.sektioner}
    fundne = [titler[s] for s in titler if s in u.overskrifter]
    mangler = [titler[s] for s in titler if s not in u.overskrifter]
    f = u.fundet
    linjer = [
        f"afsnit genkendt: {len(fundne)} af {len(titler)}" + (f" (mangler: {', '.join(mangler)})" if mangler else ""),
        f"data fundet: {antal(f['ansættelser'], 'ansættelse', 'ansættelser')}, "
        f"{antal(f['kompetencer'], 'planlagt kompetence', 'planlagte kompetencer')}, "
        f"{antal(f['kurser'], 'kursus', 'kurser')}, {antal(f['fokuserede ophold'], 'fokuseret ophold', 'fokuserede ophold')}, "
        f"forskningstræning: {'ja' if f['forskningstræning'] else 'nej'}, "
        f"{antal(f['forfattere'], 'forfatter', 'forfattere')}",
        _tilside(u, kroppens_ord),
    ]
    for art_, hoved, rækker, data in u.tabeller:
        linjer.append(f"tabel ({_TABELNAVNE.get(art_, art_)}) '{hoved}': {data} af {antal(rækker, 'række', 'rækker')} "
                      "blev data")
    if op.uddprog:
        linjer.append(f"dokumentet er dannet af uddprog: {antal(op.dannede, 'dannet linje', 'dannede linjer')} "
                      f"er sprunget over")
    linjer += [f"{'advarsel' if b.niveau == 'advarsel' else 'note'}: {b.tekst}" for b in beskeder]
    return [kommentar(l) for l in linjer]   # document text goes to a terminal: one line, no control characters


_ORD = re.compile(r"\w+")


def ord_i_kroppen(dok: Dokument) -> int:
    """Words of the document's body (paragraphs and table cells, each cell once)."""
    def blokke(bs):
        for b in bs:
            if isinstance(b, Tabel):
                for r in b.rækker:
                    for c in r:
                        yield from blokke(c.blokke)
            else:
                yield b
    return sum(len(_ORD.findall(b.tekst)) for b in blokke(dok.blokke))


def _tilside(u, kroppens_ord: int) -> str:
    """'tekst lagt til side under 'ikke-placeret': 12 % af ordene (3 stykker)'."""
    tilside = sum(len(_ORD.findall(INDPAKNING.sub("", t))) for t in u.ikke_placeret)
    andel = round(100 * tilside / kroppens_ord) if kroppens_ord else 0
    return (f"tekst lagt til side under 'ikke-placeret': {andel} % af ordene "
            f"({antal(tilside, 'ord', 'ord')} i {antal(len(u.ikke_placeret), 'stykke', 'stykker')})")
