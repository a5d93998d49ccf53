"""What the checks look at: a document alone, or a programme with its resolved references."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path

from ..catalog import Katalog
from ..loading import Dokument
from ..models import Kompetence, Maalbeskrivelse, NationalSkabelon, Uddannelsesprogram
from ..models.base import alle_tekster


@dataclass(frozen=True)
class DokumentKontekst:
    dok: Dokument
    katalog: Katalog


@dataclass
class ProgramKontekst:
    program: Dokument[Uddannelsesprogram]
    katalog: Katalog
    dato: date
    mb: Dokument[Maalbeskrivelse] | None = field(init=False)
    skabelon: Dokument[NationalSkabelon] | None = field(init=False)

    def __post_init__(self) -> None:
        p = self.program.model
        self.mb = self.katalog.målbeskrivelse(p.målbeskrivelse)
        # The parts statistics reads (forloeb.ProgramUdsnit) name no template; only its checks run on them.
        self.skabelon = self.katalog.skabelon(p.skabelon) if hasattr(p, "skabelon") else None

    @property
    def p(self) -> Uddannelsesprogram:
        return self.program.model

    @cached_property
    def kompetencer(self) -> dict[str, Kompetence]:
        """The målbeskrivelse's competencies by id (empty when it was not found); first one wins like
        ``Maalbeskrivelse.kompetence``."""
        ud: dict[str, Kompetence] = {}
        for komp in self.mb.model.kompetencer if self.mb else ():
            ud.setdefault(komp.id, komp)
        return ud

    @cached_property
    def tekster(self) -> list[tuple[tuple, str]]:
        """Every text of the programme with its path (one walk, shared by the checks that read them all)."""
        return alle_tekster(self.p)

    @cached_property
    def al_tekst(self) -> str:
        """All texts joined by line breaks: one search tells whether any text holds a word at all."""
        return "\n".join(t for _, t in self.tekster)

    @cached_property
    def _kildetekst(self) -> str | None:
        """The YAML source of the programme and its shared parts, when it holds every text as written: no
        backslash (an escape such as "UDF\\x59LD" writes a text the source does not show). Else None."""
        kilder = [self.program.tekst, *(d.tekst for d in self.program.programdele)]
        if any(t is None or "\\" in t for t in kilder):
            return None
        return "\n".join(kilder)

    def kan_nævne(self, mønster: re.Pattern) -> bool:
        """Whether any text may hold a match of ``mønster``. Searched in the source files when they tell
        (comments may give a false yes, never a false no), so most programmes need no walk over their
        texts at all. That needs a pattern whose every match in a text also matches in the YAML that
        writes it: no match may depend on a space that a folded line break becomes (one token, or a
        line break followed by what starts the next line)."""
        kilde = self._kildetekst
        return bool(mønster.search(kilde if kilde is not None else self.al_tekst))

    @cached_property
    def _små_kildetekst(self) -> str:
        kilde = self._kildetekst
        return (kilde if kilde is not None else self.al_tekst).lower()

    def kan_nævne_ord(self, *ord: str) -> bool:
        """Whether any text may hold one of ``ord`` (lower case, no spaces) in any case, like ``kan_nævne``
        with an ignore-case pattern of these words, at a tenth of its cost: a text found in lower case
        holds every match an ignore-case search finds (Kelvin's K lower-cases to k)."""
        små = self._små_kildetekst
        return any(o in små for o in ord)

    def sted(self, *sti: str | int, nøgle: bool = False):
        return self.program.sted(*sti, nøgle=nøgle)

    def fra_programdel(self, sti: tuple) -> bool:
        """Whether the text at ``sti`` comes from a shared part alone (the programme has none of it)."""
        dele = self.program.dele.get(tuple(sti[:2]))
        return bool(dele) and all(d.fil != self.program.fil for d in dele)

    def kildelinjer(self, fil) -> list[str]:
        """The lines of a source file (the programme or a shared part), read once."""
        cache = self.__dict__.setdefault("_kildelinjer", {})
        if fil not in cache:
            try:
                cache[fil] = Path(fil).read_text(encoding="utf-8-sig").splitlines()
            except (OSError, UnicodeError):
                cache[fil] = []
        return cache[fil]

    def tekststed(self, sti: tuple, linje_i_tekst: int, uddrag: str):
        """The place of ``uddrag`` on line ``linje_i_tekst`` (0-based) of the text at ``sti``: in the file the
        line comes from (a shared part's or the programme's), exact for one-line values and literal blocks."""
        sted, linje = self.program.sted_i_tekst(sti, linje_i_tekst)
        return præcist(sted, linje, uddrag, self.kildelinjer(sted.fil))


def præcist(sted, linje_i_tekst: int, uddrag: str, kilde: list[str] | None):
    """The place of ``uddrag`` in the YAML file: exact for one-line values and literal blocks (``|``),
    else the start of the field. ``kilde`` is the file's lines."""
    if not kilde or not sted.linje or sted.linje > len(kilde):
        return sted
    start = kilde[sted.linje - 1][sted.kolonne - 1:]
    if linje_i_tekst == 0 and (i := start.find(uddrag)) >= 0:
        return replace(sted, kolonne=sted.kolonne + i)
    if start[:1] == "|":  # literal block: the text's lines follow, one for one
        nr = sted.linje + 1 + linje_i_tekst
        if nr <= len(kilde) and (i := kilde[nr - 1].find(uddrag)) >= 0:
            return replace(sted, linje=nr, kolonne=i + 1)
    return sted
