"""The document's headings -> sections of the national template.

Headings are found, in this order of trust: Word heading styles (built-in ids such as
``Heading1``, localised names such as "Overskrift 1") and outline levels; and, in a
document without any, short bold paragraphs that are numbered ("3. Præsentation af
uddannelsesstederne") or whose text is a known section title. The top level is the
highest heading level whose titles match the template; deeper headings stay inside
their section (as Markdown headings, or as an ansættelse's presentation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import NationalSkabelon
from .model import Afsnit, Blok, Dokument
from .resultat import Trinresultat, antal
from .titler import Titelmatcher, normaliser, nummer, versaler
from .varianter import DANNEDE_AFSNIT, IGNOREREDE_OVERSKRIFTER, STEMPEL

_STEMPEL = re.compile(STEMPEL)
_DANNET = re.compile("|".join(f"(?:{p})" for p in DANNEDE_AFSNIT))
_UDDPROG_MÆRKE = re.compile(r"^Programmet er dannet med uddprog ud fra ")
_IGNOREREDE = {normaliser(t) for t in IGNOREREDE_OVERSKRIFTER}
MAKS_OVERSKRIFT_ORD = 14


@dataclass
class Del:
    titel: str
    niveau: int
    blokke: list[Blok] = field(default_factory=list)
    sektion: str | None = None
    størrelse: float = 0.0     # the heading's font size in points


@dataclass
class Opdeling:
    titel: str = ""
    undertitler: list[str] = field(default_factory=list)
    forside: list[Blok] = field(default_factory=list)
    dele: list[Del] = field(default_factory=list)
    uddprog: bool = False       # the document is uddprog's own Word output
    dannede: int = 0            # generated paragraphs recognised and skipped
    toc: int = 0                # table-of-contents paragraphs skipped
    niveau: int = 1             # the heading level of the template's sections
    dokumenttitel: str = ""     # docProps/core.xml's title: invisible and often a template's, the last resort
    illustrativ: bool = False   # uddprog's stamp of an illustrative programme (not of its målbeskrivelse) was read


def _er_toc(a: Afsnit) -> bool:
    n = (a.stilnavn or a.stil).lower().replace(" ", "")
    return n.startswith("toc") or n.startswith("indholdsfortegnelse") or n.startswith("tableofcontents")


def opdel(dok: Dokument, skabelon: NationalSkabelon) -> Trinresultat[Opdeling]:
    res: Trinresultat[Opdeling] = Trinresultat(Opdeling())
    o = res.værdi
    matcher = Titelmatcher(skabelon)
    o.uddprog = any(isinstance(b, Afsnit) and _UDDPROG_MÆRKE.match(b.tekst) for b in dok.blokke)

    blokke: list[Blok] = []
    for b in dok.blokke:
        if isinstance(b, Afsnit):
            if _er_toc(b) or (b.overskrift and normaliser(b.tekst) in _IGNOREREDE):
                o.toc += 1
                continue
            tekst = " ".join(b.tekst.split())
            if not tekst and b.kilde == "brødtekst":
                continue
            # uddprog's own lines are skipped. Its stamp "Illustrativt eksempel: …" is printed only for a
            # programme marked illustrative (an illustrative målbeskrivelse is said in the colophon), so it
            # gives the draft back its mark.
            if o.uddprog and tekst.startswith("Illustrativt eksempel"):
                o.illustrativ = bool(_STEMPEL.fullmatch(tekst))
                o.dannede += 1
                continue
            if o.uddprog and b.overskrift is None and _DANNET.fullmatch(tekst):
                o.dannede += 1
                continue
        blokke.append(b)

    stylede = [b for b in blokke if isinstance(b, Afsnit) and b.overskrift and b.tekst.strip()]
    # Fallback when no heading style is used, or none of the styled headings is a section of the template
    # (a document that styles only its title, and writes its sections as bold numbered lines).
    if not any(matcher.match(b.tekst) for b in stylede):
        n = 0
        fundne: set[str] = set()   # the numbers of the headings found so far: "3" makes "3.2 …" a subheading
        for b in blokke:
            if not isinstance(b, Afsnit) or len(b.tekst.split()) > MAKS_OVERSKRIFT_ORD or b.overskrift is not None:
                continue
            tekst = " ".join(b.tekst.split())
            nr = nummer(tekst)
            kendt = matcher.match(tekst)
            fremhævet = b.helt_fed or versaler(tekst) or b.størrelse >= b.brødstørrelse + 1.5
            dybde = (nr.count(".") + 1 if nr[0].isdigit() else 1) if nr else 1
            underafsnit = (nr is not None and dybde >= 2 and nr.rsplit(".", 1)[0] in fundne
                           and len(tekst.split()) <= 8 and not tekst.endswith((".", ":", ",", ";")))
            if (nr and (fremhævet or kendt)) or underafsnit or (kendt and fremhævet):
                b.overskrift = dybde
                if nr:
                    fundne.add(nr)
                n += 1
        if n:
            res.info(("Dokumentet har ingen overskriftstypografier" if not stylede else
                      "Ingen af dokumentets overskriftstypografier er skabelonens afsnit") + "; " + antal(
                n, "fed, nummereret eller kendt linje er brugt", "fede, nummererede eller kendte linjer er "
                "brugt") + " som overskrift" + ("" if n == 1 else "er") + ".")
        elif not stylede:
            res.advarsel("Dokumentet har ingen overskrifter, som uddprog kan genkende; al teksten står under "
                         "'ikke-placeret'.")

    overskrifter = [b for b in blokke if isinstance(b, Afsnit) and b.overskrift and b.tekst.strip()]
    matchende = [b.overskrift for b in overskrifter if matcher.match(b.tekst)]
    o.niveau = min(matchende) if matchende else min((b.overskrift for b in overskrifter), default=1)

    aktuel: Del | None = None
    for b in blokke:
        if isinstance(b, Afsnit) and b.overskrift == 0 and aktuel is None:
            if not o.titel:
                o.titel = " ".join(b.tekst.split())
            else:
                o.undertitler.append(" ".join(b.tekst.split()))   # a second Title paragraph is not lost
            continue
        if isinstance(b, Afsnit) and aktuel is None and b.stil.lower() in ("subtitle", "undertitel"):
            o.undertitler.append(" ".join(b.tekst.split()))
            continue
        if isinstance(b, Afsnit) and b.overskrift and b.overskrift <= o.niveau and b.tekst.strip():
            titel = " ".join(b.tekst.split())
            if (aktuel is None and not o.titel and b.overskrift < o.niveau and not matcher.match(titel)
                    and not o.forside):
                o.titel = titel  # a heading above the sections, before anything else: the document's title
                continue
            aktuel = Del(titel, b.overskrift, sektion=matcher.match(titel), størrelse=b.størrelse)
            o.dele.append(aktuel)
            continue
        (aktuel.blokke if aktuel else o.forside).append(b)
    # An unmatched first part before anything else is the document's title written as a heading when it is
    # empty, or set larger than every section heading (a title style with an outline level): what stands
    # under it is the front page.
    if not o.titel and not o.forside and o.dele and o.dele[0].sektion is None:
        første, kendte = o.dele[0], [d.størrelse for d in o.dele if d.sektion]
        if not første.blokke or (kendte and første.størrelse > max(kendte)):
            o.dele.pop(0)
            o.titel, o.forside = første.titel, første.blokke
    o.dokumenttitel = dok.titel
    if o.toc:
        res.info(f"Indholdsfortegnelsen ({antal(o.toc, 'linje', 'linjer')}) er sprunget over; uddprog danner den selv.")
    return res
