"""Matching a document's heading to a template section by its title."""

from __future__ import annotations

import difflib
import re

from ..models import NationalSkabelon
from ..navne import slug
from .varianter import TITELVARIANTER

_NUMMER = re.compile(r"^\s*(?:(?:\d+[.)]?)+(?:\d+)?|[A-Za-z][.)]|[IVXLC]+\.)\s+")
_AFSNIT_ORD = re.compile(r"^(?:afsnit|kapitel|del|bilag)\s+\d+[.:]?\s*", re.I)


def normaliser(titel: str) -> str:
    """'3. Præsentation af Uddannelsesstederne:' -> 'praesentation-af-uddannelsesstederne'."""
    t = " ".join(titel.replace("\u00ad", "").split())
    t = _NUMMER.sub("", t)
    t = _AFSNIT_ORD.sub("", t)
    t = t.replace("&", " og ").replace("+", " og ")
    return slug(t)


def nummer(titel: str) -> str | None:
    m = re.match(r"^\s*(\d+(?:\.\d+)*)\.?\s+\S", titel)
    return m.group(1) if m else None


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
        n = normaliser(titel)
        if not n:
            return None
        if n in self.nøgler:
            return self.nøgler[n]
        bud = difflib.get_close_matches(n, list(self.nøgler), n=1, cutoff=0.88)
        return self.nøgler[bud[0]] if bud else None
