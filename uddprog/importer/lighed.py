"""How alike two names are, word by word: competency and course titles, places and ansættelser.

Documents shorten, lengthen and inflect names ("Demens" for "Demenssygdomme", "Akut apopleksi,
herunder trombolyse" for "Akut apopleksi og trombolyse", "Neurologi" for "Neurologisk Afdeling N",
"Aalborg" for "Aalborg Universitetshospital"). Both names become their content words (small words
such as "og", "i", "herunder" left out); two words are alike when they are equal, when one begins
the other (a Danish compound or an inflection: "demens" – "demenssygdomme", "neurologi" –
"neurologisk"), when they share a stem and differ only in a short ending ("neurologien" –
"neurologisk"), or when they are spelled almost alike. The score weighs how much of the shorter
name is covered with how much of both is: 1.0 is the same words.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..navne import slug

T = TypeVar("T")

SMÅORD = frozenset({"og", "i", "på", "af", "for", "til", "med", "den", "det", "de", "en", "et", "ved", "under",
                    "herunder", "samt", "inkl", "inklusive", "fx", "eller", "om", "hos", "fra", "som", "andre", "anden",
                    "andet", "mv", "osv", "the", "and", "of"})
MINDSTE_FORSTAVELSE = 4
#: Two words with a common stem this long and endings this short are one word inflected two ways.
MINDSTE_STAMME = 6
MAKS_ENDELSE = 3


def ord_(tekst: str) -> list[str]:
    """Content words, without æøå spelling differences and case: 'Akut apopleksi, herunder trombolyse' ->
    ['akut', 'apopleksi', 'trombolyse']."""
    return [w for w in slug(tekst.replace("\u00ad", "")).split("-") if w and w not in SMÅORD]


def ens(a: str, b: str, stavefejl: bool = True) -> bool:
    """Whether two words are the same word for this purpose (see the module docstring). Without ``stavefejl``
    words spelled almost alike are not (names where one letter makes another thing: "neurologi" – "nefrologi")."""
    if a == b:
        return True
    kort, lang = sorted((a, b), key=len)
    if len(kort) >= MINDSTE_FORSTAVELSE and lang.startswith(kort):
        return True
    if a.isdigit() or b.isdigit():
        return False
    # One stem, two endings: "neurologien" – "neurologisk", "medicinen" – "medicinsk".
    stamme = len(os.path.commonprefix((a, b)))
    if stamme >= MINDSTE_STAMME and len(a) - stamme <= MAKS_ENDELSE and len(b) - stamme <= MAKS_ENDELSE:
        return True
    return stavefejl and len(kort) >= 5 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.86


def par(a: Sequence[str], b: Sequence[str]) -> int:
    """How many words of ``a`` have a word of ``b`` of their own (each word used once)."""
    brugt: set[int] = set()
    n = 0
    for x in a:
        for j, y in enumerate(b):
            if j not in brugt and ens(x, y):
                brugt.add(j)
                n += 1
                break
    return n


def lighed(a: str | Sequence[str], b: str | Sequence[str]) -> float:
    """0..1: the mean of the overlap (matched words / the shorter name's words) and Dice's coefficient."""
    wa = ord_(a) if isinstance(a, str) else list(a)
    wb = ord_(b) if isinstance(b, str) else list(b)
    if not wa or not wb:
        return 0.0
    n = par(wa, wb) if len(wa) <= len(wb) else par(wb, wa)
    return (n / min(len(wa), len(wb)) + 2 * n / (len(wa) + len(wb))) / 2


@dataclass(frozen=True)
class Træf(Generic[T]):
    værdi: T
    navn: str
    score: float


def bedste(tekst: str, kandidater: Iterable[tuple[str, T]], tærskel: float, margin: float = 0.05) -> Træf[T] | None:
    """The candidate (name, value) most like ``tekst``, when it reaches ``tærskel`` and is clearly better than
    the next one with another value; None when nothing is alike enough or two are equally alike."""
    ord_tekst = ord_(tekst)
    scorer: dict[int, Træf[T]] = {}
    rækkefølge: list[Træf[T]] = []
    for navn, værdi in kandidater:
        s = lighed(ord_tekst, ord_(navn))
        t = Træf(værdi, navn, s)
        nøgle = id(værdi) if not isinstance(værdi, (str, int)) else hash(værdi)
        if nøgle not in scorer or s > scorer[nøgle].score:
            scorer[nøgle] = t
    rækkefølge = sorted(scorer.values(), key=lambda t: -t.score)
    if not rækkefølge or rækkefølge[0].score < tærskel:
        return None
    if len(rækkefølge) > 1 and rækkefølge[1].score > rækkefølge[0].score - margin:
        return None
    return rækkefølge[0]


#: A cell that names every ansættelse: "Begge steder", "Alle afdelinger", "Samtlige ansættelser", "Hele
#: forløbet", "I hele uddannelsesforløbet".
_ALLE = re.compile(r"^(?:(?:i|gennem)\s+)?(?:(?:begge|alle|samtlige)\b|hele\s+(?:uddannelses)?forløbet\b)", re.I)
#: How a cell lists several places: "Esbjerg og Middelfart", "Holbæk, Køge", "A + B", "A/B".
_DELER = re.compile(r"\s*(?:,|;|/|\+|&|\bog\b|\bsamt\b)\s*", re.I)


@dataclass(frozen=True)
class Stedtræf:
    indeks: list[int]      # the places named, in the cell's order
    flertydig: bool        # a part fits several places equally well (the same place twice in the forløb)


def steder(tekst: str, navne: Sequence[str]) -> Stedtræf | None:
    """Which of the places (each given as all its words: sted and afdeling) a cell names, as indices:
    every place for "begge"/"alle"; else each part of the cell ("Esbjerg og Middelfart") is the place
    whose words include all the part's words (when several do, the one named with all its words, else all
    of them, said to be ambiguous). None when a part names no place."""
    tekst = " ".join(tekst.split())
    if not tekst or not navne:
        return None
    if _ALLE.match(tekst):
        return Stedtræf(list(range(len(navne))), False)
    hel = _ét_sted(tekst, navne)
    if hel:
        return Stedtræf(hel, len(hel) > 1)
    ud: list[int] = []
    flertydig = False
    for del_ in _DELER.split(tekst):
        if not ord_(del_):
            continue
        i = _ét_sted(del_, navne)
        if not i:
            return None
        flertydig = flertydig or len(i) > 1
        ud += [j for j in i if j not in ud]
    return Stedtræf(ud, flertydig) if ud else None


def _ét_sted(tekst: str, navne: Sequence[str]) -> list[int]:
    """The places whose words include all of the text's: the one named with all its own words when there is
    exactly one such, else every one (more than one: ambiguous)."""
    w = ord_(tekst)
    if not w:
        return []
    træf = []
    for i, navn in enumerate(navne):
        wn = ord_(navn)
        if wn and par(w, wn) == len(w):
            træf.append((len(w) / len(wn), i))
    if len(træf) <= 1:
        return [i for _, i in træf]
    hele = [i for s, i in træf if s == 1.0]   # one place named with all its words beats places named in part
    return hele if len(hele) == 1 else [i for _, i in træf]
