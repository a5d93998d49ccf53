"""Which competencies of the new version descend from which of the old one.

Lineage comes from ``erstatter`` in the new version. A new competency without
``erstatter`` that keeps an old id is taken to continue that competency (the
common case: nothing changed number). Explicit links win: ``12 erstatter [11]``
means old 12 is *not* new 12's ancestor. The links form a bipartite graph whose
connected groups are classified as kept, renumbered, split or merged.

Where lineage is missing (an old competency left without successor and a new
one without ancestor) a similarity of title and text proposes a pairing; that is
only ever a suggestion, never treated as lineage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..models import Kompetence, Maalbeskrivelse

#: Below this similarity two competencies are not proposed as the same one.
FORSLAG_GRÆNSE = 0.55


@dataclass(frozen=True)
class Gruppe:
    """Old competencies and the new competencies that replace them (either side may be empty)."""

    gamle: tuple[str, ...]
    nye: tuple[str, ...]

    @property
    def art(self) -> str:
        g, n = len(self.gamle), len(self.nye)
        if g == 0:
            return "tilføjet"
        if n == 0:
            return "fjernet"
        if g == 1 and n == 1:
            return "bevaret" if self.gamle == self.nye else "omnummereret"
        if g == 1:
            return "delt"
        if n == 1:
            return "sammenlagt"
        return "omstruktureret"


@dataclass(frozen=True)
class Forslag:
    gammel: str
    ny: str
    lighed: float  # 0..1


@dataclass(frozen=True)
class Slægt:
    grupper: tuple[Gruppe, ...]
    links: frozenset[tuple[str, str]]  # (old id, new id)
    forslag: tuple[Forslag, ...]
    ukendte_erstatter: tuple[tuple[str, str], ...]  # (new id, old id that does not exist)


def kanter(gammel: Maalbeskrivelse, ny: Maalbeskrivelse) -> tuple[set[tuple[str, str]], list[tuple[str, str]]]:
    """Links old id → new id, and the ``erstatter`` entries naming ids the old version lacks."""
    gamle = {k.id for k in gammel.kompetencer}
    links: set[tuple[str, str]] = set()
    ukendte: list[tuple[str, str]] = []
    for k in ny.kompetencer:
        if not k.erstatter:
            if k.id in gamle:
                links.add((k.id, k.id))
            continue
        for g in k.erstatter:
            (links.add((g, k.id)) if g in gamle else ukendte.append((k.id, g)))
    return links, ukendte


def slægt(gammel: Maalbeskrivelse, ny: Maalbeskrivelse) -> Slægt:
    links, ukendte = kanter(gammel, ny)
    # Union-find over nodes ("g", id) / ("n", id); small graphs, so a plain dict does.
    forælder: dict[tuple[str, str], tuple[str, str]] = {}

    def rod(x):
        while forælder.setdefault(x, x) != x:
            x = forælder[x]
        return x

    for k in gammel.kompetencer:
        rod(("g", k.id))
    for k in ny.kompetencer:
        rod(("n", k.id))
    for g, n in links:
        forælder[rod(("g", g))] = rod(("n", n))

    orden = {("g", k.id): i for i, k in enumerate(gammel.kompetencer)}
    orden.update({("n", k.id): len(orden) + i for i, k in enumerate(ny.kompetencer)})
    samlet: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for node in sorted(orden, key=orden.get):
        samlet.setdefault(rod(node), []).append(node)
    grupper = [Gruppe(tuple(i for s, i in noder if s == "g"), tuple(i for s, i in noder if s == "n"))
               for noder in samlet.values()]
    grupper.sort(key=lambda gr: min(orden[("g", i)] for i in gr.gamle) if gr.gamle
                 else len(orden) + min(orden[("n", i)] for i in gr.nye))
    fjernede = [gammel.kompetence(g.gamle[0]) for g in grupper if g.art == "fjernet"]
    tilføjede = [ny.kompetence(g.nye[0]) for g in grupper if g.art == "tilføjet"]
    return Slægt(tuple(grupper), frozenset(links), tuple(foreslå(fjernede, tilføjede)), tuple(ukendte))


_ORD = re.compile(r"\w+", re.UNICODE)


def _ord(k: Kompetence) -> list[str]:
    return _ORD.findall(f"{k.titel} {k.titel} {k.konkretisering}".casefold())  # the title counts double


def lighed(a: Kompetence, b: Kompetence) -> float:
    """Word-sequence similarity of title and konkretisering, 0..1."""
    return SequenceMatcher(None, _ord(a), _ord(b), autojunk=False).ratio()


def foreslå(fjernede: list[Kompetence], tilføjede: list[Kompetence]) -> list[Forslag]:
    """Best one-to-one pairs of removed and added competencies above the threshold, best first."""
    par = sorted(
        ((lighed(g, n), i, j) for i, g in enumerate(fjernede) for j, n in enumerate(tilføjede)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    brugt_g: set[int] = set()
    brugt_n: set[int] = set()
    ud = []
    for score, i, j in par:
        if score < FORSLAG_GRÆNSE:
            break
        if i in brugt_g or j in brugt_n:
            continue
        brugt_g.add(i)
        brugt_n.add(j)
        ud.append(Forslag(fjernede[i].id, tilføjede[j].id, round(score, 2)))
    return ud
