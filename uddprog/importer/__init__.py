"""`uddprog import`: Word programmes -> programme YAML drafts, with nothing lost.

Stages, each its own module and each returning ``Trinresultat(værdi, beskeder)``:
    pakke.py     bytes -> parsed OOXML parts (bounded zip, no DTD/entities, nothing outside the file)
    laeser.py    parts -> neutral model (model.py): headings, paragraphs, lists, tables, text boxes
    opdeling.py  model -> sections matched to the national template (titler.py, varianter.py)
    data.py      sections -> ansættelser, kompetenceplan, courses, research, responsibility; Markdown
    udkast.py    -> YAML text with UDFYLD placeholders and 'gæt:' comments

``doc.py`` converts an old binary .doc through LibreOffice first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..models import Maalbeskrivelse, NationalSkabelon, Videreuddannelsesregion
from ..yamlredigering import kommentar
from .data import udtræk
from .doc import doc_til_docx
from .laeser import læs_dokument
from .opdeling import opdel
from .pakke import art, læs_fil, læs_pakke
from .resultat import Besked, ImportFejl, antal
from .udkast import skriv

__all__ = ["Import", "ImportFejl", "importer", "importer_bytes"]


@dataclass
class Import:
    """One imported document: the YAML draft and the report lines."""

    kilde: str
    yaml: str
    beskeder: list[Besked] = field(default_factory=list)
    rapport: list[str] = field(default_factory=list)


def importer_bytes(data: bytes, navn: str, mb: Maalbeskrivelse, skabelon: NationalSkabelon,
                   region: Videreuddannelsesregion) -> Import:
    """Import a .docx held in memory (``navn`` is what messages call it). Raises ImportFejl."""
    pakke = læs_pakke(data, navn)
    r_dok = læs_dokument(pakke)
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
    tekst = skriv(u, Path(navn).name, mb, skabelon, region)
    beskeder = r_dok.beskeder + r_op.beskeder + r_data.beskeder
    rapport = _rapport(u, op, skabelon, beskeder)
    linjer = tekst.splitlines()
    udfyld = sum(1 for l in linjer if "UDFYLD" in l and not l.lstrip().startswith("#"))
    gæt = sum(1 for l in linjer if "gæt:" in l) - 1  # the header comment names the word once
    rapport.insert(3, f"at gøre: {antal(udfyld, 'felt', 'felter')} med UDFYLD, {antal(gæt, 'gæt', 'gæt')} at tjekke")
    return Import(navn, tekst, beskeder, rapport)


def importer(sti: Path, mb: Maalbeskrivelse, skabelon: NationalSkabelon,
             region: Videreuddannelsesregion) -> Import:
    """Import one .docx (or, through LibreOffice, .doc) file. Raises ImportFejl.

    The content decides, not the name: an old binary Word file is converted whatever it is called."""
    data = læs_fil(sti)
    if art(data) == "ole-doc":
        data = doc_til_docx(sti)
    return importer_bytes(data, str(sti), mb, skabelon, region)


def _kort(tekst: str, n: int = 60) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= n else tekst[: n - 1] + "…"


def _rapport(u, op, skabelon: NationalSkabelon, beskeder) -> list[str]:
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
        f"tekst lagt til side under 'ikke-placeret': {antal(len(u.ikke_placeret), 'stykke', 'stykker')}",
    ]
    if op.uddprog:
        linjer.append(f"dokumentet er dannet af uddprog: {antal(op.dannede, 'dannet linje', 'dannede linjer')} "
                      f"er sprunget over")
    linjer += [f"{'advarsel' if b.niveau == 'advarsel' else 'note'}: {b.tekst}" for b in beskeder]
    return [kommentar(l) for l in linjer]   # document text goes to a terminal: one line, no control characters
