"""Aftale: a target for the regional figures (an agreement or a criterion), checked by `uddprog stats`.

A target is data, not code: it selects forløb (region, phase, specialties), names one measure of
the aggregate and says what the shares of that measure must be. A new agreement is a new file.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Dokumentdel, Id, Markdown, Tekst
from .vocab import Ansaettelsestype, Driftsregion, Fase, Videreuddannelsesregion

#: What a target measures; each gives a distribution (key → amount) per group of forløb.
Maaling = Literal["driftsregion", "universitetshospital", "ansættelsestype", "start-og-slut", "start-og-slut-delte",
                  "besættelse"]

Andele = dict[Tekst, float]


class Udvaelgelse(Dokumentdel):
    videreuddannelsesregion: Videreuddannelsesregion | None = None
    fase: Fase | None = None
    specialer: list[Tekst] = Field(default_factory=list, description="Kun disse specialer (tom: alle).")


class Krav(Dokumentdel):
    """Shares in percent the measure must meet; ``andele`` is a split with a tolerance."""

    andele: Andele | None = Field(default=None, description="Den aftalte fordeling i procent; skal summe til 100.")
    tolerance: float = Field(default=0, ge=0, le=100, description="Tilladt afvigelse i procentpoint for hver andel.")
    mindst: Andele | None = Field(default=None, description="Andele der skal være mindst så mange procent.")
    over: Andele | None = Field(default=None, description="Andele der skal være over så mange procent.")
    højst: Andele | None = Field(default=None, description="Andele der højst må være så mange procent.")

    def har_krav(self) -> bool:
        return any((self.andele, self.mindst, self.over, self.højst))


class Undtagelse(Krav):
    """Specialties with their own split, or left out of the target; without a tolerance of its own an
    exception keeps the target's."""

    specialer: list[Tekst] = Field(min_length=1)
    udelades: bool = Field(default=False, description="Sand når specialerne ikke måles (fx ikke udbudt i regionen).")
    begrundelse: Tekst


class Aftale(Dokumentdel):
    id: Id
    navn: Tekst
    kilde: Tekst = Field(description="Hvor aftalen eller kriteriet er beskrevet.")
    illustrativ: bool = Field(default=False, description="Sand når (dele af) målet er fastsat til eksempelbrug.")
    beskrivelse: Markdown | None = None
    gælder: Udvaelgelse = Field(default_factory=Udvaelgelse)
    pr: Literal["speciale", "samlet"] = Field(default="speciale", description="Måles for hvert speciale eller samlet.")
    måling: Maaling
    krav: Krav
    undtagelser: list[Undtagelse] = Field(default_factory=list)


def målingsnøgler(måling: str) -> tuple[str, ...]:
    """The keys a measure's distribution has, in display order (targets may name only these)."""
    regioner = tuple(d.value for d in Driftsregion)
    return {
        "driftsregion": regioner,
        "universitetshospital": ("universitetshospital", "øvrige"),
        "ansættelsestype": tuple(t.value for t in Ansaettelsestype),
        "start-og-slut": regioner + ("på-tværs",),
        "start-og-slut-delte": regioner + ("på-tværs",),  # only forløb with ansættelser in several driftsregioner
        "besættelse": ("besat", "ubesat", "flexforløb"),
    }[måling]
