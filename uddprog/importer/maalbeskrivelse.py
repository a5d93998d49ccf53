"""Which målbeskrivelse a Word programme is written against, read from the document itself.

Every programme names its målbeskrivelse near the top ("Målbeskrivelse for neurologi, 2015",
"Hoveduddannelse i anæstesiologi", "Bygger på målbeskrivelsen for speciallægeuddannelsen i
almen medicin, 2013"), so a region's archive can be imported without sorting it by specialty
first. The specialty is found by its name's words (inflections allowed), the phase by its words
("hoveduddannelse", "introduktionsstilling", "klinisk basisuddannelse"), the version by a year
written in a line about the målbeskrivelse (or anywhere near the top). The choice and the line it
rests on are reported; when the document fits several equally (two versions, no year) nothing is
chosen and the user is asked to name one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import Maalbeskrivelse
from .lighed import ens, ord_
from .model import Afsnit, Dokument, Tabel
from .titler import nummer, versaler

#: Words that name a phase (slugs); "speciallægeuddannelse" points to the hoveduddannelse, weakly.
_FASEORD = {"hoveduddannelse": ("hoveduddannelse", "hoveduddannelsen", "hoveduddannelseslaege"),
            "introduktion": ("introduktion", "introduktionsuddannelse", "introduktionsuddannelsen",
                             "introduktionsstilling", "introduktionsstillingen", "introduktionslaege"),
            "kbu": ("kbu", "basisuddannelse", "basisuddannelsen")}
_SVAGT_FASEORD = {"hoveduddannelse": ("speciallaegeuddannelse", "speciallaegeuddannelsen")}
_ÅR = re.compile(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)")
_MB = re.compile(r"målbeskrivelse", re.I)
FORSIDE_BLOKKE = 60


@dataclass
class Valg:
    """The målbeskrivelse found (or None), those that fit equally well when none could be chosen, and the
    document's line the choice rests on."""

    valgt: Maalbeskrivelse | None
    kandidater: list[Maalbeskrivelse] = field(default_factory=list)
    linje: str = ""


def _tekster(dok: Dokument) -> list[tuple[str, int]]:
    """(text, weight) of the document's top: lines before the first heading weigh 3, the rest 1."""
    ud: list[tuple[str, int]] = []
    if dok.titel:
        ud.append((dok.titel, 1))
    før = True
    for b in dok.blokke[:FORSIDE_BLOKKE]:
        if isinstance(b, Afsnit):
            tekst = " ".join(b.tekst.split())
            if b.overskrift is not None and b.overskrift >= 1 or (nummer(tekst) and (b.helt_fed or versaler(tekst))):
                før = False
            if tekst:
                ud.append((tekst, 3 if før or b.overskrift == 0 else 1))
        elif isinstance(b, Tabel):
            for række in b.gitter(udfyld=False):
                ud += [(" ".join(c.split()), 3 if før else 1) for c in række if c.strip()]
    return ud


def _har(ord_tekst: list[str], ord_navn: list[str]) -> bool:
    # No spelling tolerance: specialties one letter apart are two specialties ("neurologi" – "nefrologi").
    return bool(ord_navn) and all(any(ens(n, w, stavefejl=False) for w in ord_tekst) for n in ord_navn)


def find_målbeskrivelse(dok: Dokument, målbeskrivelser: list[Maalbeskrivelse]) -> Valg:
    tekster = [(t, v, ord_(t)) for t, v in _tekster(dok)]
    # The specialty: the one(s) named with the most weight.
    point: dict[int, int] = {}
    linjer: dict[int, str] = {}
    for i, mb in enumerate(målbeskrivelser):
        navn = ord_(mb.speciale)
        for t, v, w in tekster:
            if _har(w, navn):
                point[i] = point.get(i, 0) + v + (2 if _MB.search(t) else 0)
                if i not in linjer or (_MB.search(t) and not _MB.search(linjer[i])):
                    linjer[i] = t
    if not point:
        return Valg(None)
    bedst = max(point.values())
    kandidater = [i for i, p in point.items() if p == bedst]
    # The phase: the one named with the most weight, as the specialty; a weak word only when no strong one is
    # there. An introduktion programme says it leads to the hoveduddannelse: a mention in passing weighs less
    # than the title and the line about the målbeskrivelse.
    for faseord in (_FASEORD, _SVAGT_FASEORD):
        fasepoint: dict[str, int] = {}
        for t, v, w in tekster:
            for fase, faseordene in faseord.items():
                if any(o in w for o in faseordene):
                    fasepoint[fase] = fasepoint.get(fase, 0) + v + (2 if _MB.search(t) else 0)
        med_fase = [i for i in kandidater if str(målbeskrivelser[i].fase) in fasepoint]
        if med_fase:
            flest = max(fasepoint[str(målbeskrivelser[i].fase)] for i in med_fase)
            kandidater = [i for i in med_fase if fasepoint[str(målbeskrivelser[i].fase)] == flest]
            break
    # The version: a year in a line about the målbeskrivelse, else anywhere near the top.
    if len({målbeskrivelser[i].version for i in kandidater}) > 1:
        for kun_mb in (True, False):
            år = {m for t, _, _ in tekster if not kun_mb or _MB.search(t) for m in _ÅR.findall(t)}
            med_år = [i for i in kandidater if målbeskrivelser[i].version in år]
            if med_år:
                kandidater = med_år
                break
    if len(kandidater) == 1:
        return Valg(målbeskrivelser[kandidater[0]], linje=linjer[kandidater[0]])
    return Valg(None, [målbeskrivelser[i] for i in kandidater])
