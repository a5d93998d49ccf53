"""What the checks look at: a document alone, or a programme with its resolved references."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

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

    def sted(self, *sti: str | int, nøgle: bool = False):
        return self.program.sted(*sti, nøgle=nøgle)
