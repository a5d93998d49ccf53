"""Matching a document's heading to a template section by its title."""

from __future__ import annotations

import difflib
import re

from ..models import NationalSkabelon
from ..navne import slug
from .varianter import TITELVARIANTER

_NUMMER = re.compile(r"^\s*(?:(?:\d+[.)]?)+(?:\d+)?|[A-Za-z][.)]|[IVXLC]+\.)\s+")
#: Where a title's head ends and its complement begins ("formaal-med-…", "kurser-i-…").
_FORHOLDSORD = re.compile(r"-(?:med|for|af|i|paa|til|ved|under|hos|om|efter)-")
_AFSNIT_ORD = re.compile(r"^(?:afsnit|kapitel|del|bilag)\s+\d+[.:]?\s*", re.I)


def normaliser(titel: str) -> str:
    """'3. Præsentation af Uddannelsesstederne:' -> 'praesentation-af-uddannelsesstederne'."""
    t = " ".join(titel.replace("\u00ad", "").split())
    t = _NUMMER.sub("", t)
    t = _AFSNIT_ORD.sub("", t)
    t = t.replace("&", " og ").replace("+", " og ")
    return slug(t)


def nummer(titel: str) -> str | None:
    """A heading's number: '3.2 Aalborg' -> '3.2', '2. FORLØBET' -> '2', 'IX. Kontakt' -> 'IX'."""
    m = re.match(r"^\s*(\d+(?:\.\d+)*)\.?\s+\S", titel) or re.match(r"^\s*([IVXLC]+)\.\s+\S", titel)
    return m.group(1) if m else None


def versaler(tekst: str) -> bool:
    """Written in capitals ("2. FORLØBETS OPBYGNING"), as a heading typed by hand often is."""
    bogstaver = [c for c in tekst if c.isalpha()]
    return len(bogstaver) >= 4 and sum(c.isupper() for c in bogstaver) >= 0.8 * len(bogstaver)


#: A title of a section another template has goes to the section holding the same generated block here
#: (KBU puts the presentation of the places inside "Præsentation af uddannelsesforløbet").
_BLOK_FOR = {"uddannelsesstederne": "uddannelsessteder", "uddannelsesforloebet": "forløb",
             "kompetenceudvikling": "kompetenceplan", "kurser": "kurser", "forskningstraening": "forskningstræning"}


class Titelmatcher:
    def __init__(self, skabelon: NationalSkabelon) -> None:
        self.titler = {s.id: s.titel for s in skabelon.sektioner}
        self.nøgler: dict[str, str] = {}
        for s in skabelon.sektioner:
            self.nøgler.setdefault(normaliser(s.titel), s.id)
        for sid, varianter in TITELVARIANTER.items():
            mål = sid if sid in self.titler else next(
                (s.id for s in skabelon.sektioner if _BLOK_FOR.get(sid) in s.blokke), None)
            if mål:
                for v in [*varianter, *([sid.replace("-", " ")] if mål != sid else [])]:
                    self.nøgler.setdefault(normaliser(v), mål)

    def match(self, titel: str) -> str | None:
        """The section a document's heading names (the first, when it joins several), or None."""
        sektioner = self.sektioner(titel)
        return sektioner[0] if sektioner else None

    def sektioner(self, titel: str) -> list[str]:
        """Every section a heading names, in its order: one, or several for a heading that joins them
        ("Vejledning og evaluering"); none when a part is unknown. "Kompetencer og kompetencevurdering" is
        one section's two names: one."""
        n = normaliser(titel)
        if not n:
            return []
        hel = self._med_hoved(n)
        if hel is not None:
            return [hel]
        dele = [d for d in re.split(r"-og-|-samt-", n) if d]
        if len(dele) > 1:
            fundne = [self._med_hoved(d) for d in dele]
            if None not in fundne:
                return list(dict.fromkeys(fundne))
        return []

    def _med_hoved(self, n: str) -> str | None:
        """A title, or its head before a preposition: "Formål med uddannelsesprogrammet" is "Formål"."""
        hel = self._én(n)
        if hel is not None:
            return hel
        m = _FORHOLDSORD.search(n)
        return self._én(n[:m.start()]) if m else None

    def _én(self, n: str) -> str | None:
        if n in self.nøgler:
            return self.nøgler[n]
        bud = difflib.get_close_matches(n, list(self.nøgler), n=1, cutoff=0.88)
        return self.nøgler[bud[0]] if bud else None
