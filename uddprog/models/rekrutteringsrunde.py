"""Rekrutteringsrunde: how the forløb posted in one recruitment round were filled (anbefaling 20)."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from .base import Dokumentdel, Markdown, Tekst
from .vocab import Fase, Videreuddannelsesregion


class Besaettelse(Dokumentdel):
    """The counts of one forløb (or of the whole round): how many posts, and how they ended."""

    opslået: int = Field(ge=0, le=1000, description="Antal gange forløbet er slået op i runden (normalt 1).")
    besat: int = Field(default=0, ge=0, le=1000, description="Antal besat (i første opslag eller ved genopslag).")
    genopslået: int = Field(default=0, ge=0, le=1000, description="Antal slået op igen, fordi de ikke blev besat første gang.")
    ubesat: int = Field(default=0, ge=0, le=1000, description="Antal der stod ubesat ved rundens afslutning.")
    flexforløb: int = Field(default=0, ge=0, le=1000, description="Antal ubesatte der blev konverteret til et andet speciale.")


class RundeForloeb(Besaettelse):
    forløb: Tekst = Field(description="Forløbets navn, som det står i programmets 'forløb:'.")
    flex_speciale: Tekst | None = Field(default=None, description="Specialet et flexforløb blev konverteret til.")
    bemærkning: Tekst | None = None


class Rekrutteringsrunde(Dokumentdel):
    år: int = Field(ge=2000, le=2100)
    runde: int = Field(ge=1, le=4, description="Rundens nummer i året (fx 1 = forår, 2 = efterår).")
    speciale: Tekst = Field(description="Specialet, som det står i målbeskrivelsen.")
    fase: Fase = Fase.HOVEDUDDANNELSE
    videreuddannelsesregion: Videreuddannelsesregion
    opslået_dato: date | None = Field(default=None, description="Dato for opslaget.")
    dimensioneret: float | None = Field(default=None, ge=0, le=10_000,
                                        description="Antal forløb i dimensioneringsplanen for runden (kan være en brøk).")
    illustrativ: bool = Field(default=False, description="Sand når tallene er opdigtet til eksempelbrug.")
    kilde: Tekst = Field(description="Hvor tallene kommer fra.")
    bemærkning: Markdown | None = None
    forløb: list[RundeForloeb] = Field(min_length=1, description="Hvert opslået forløb med sit udfald.")
    i_alt: Besaettelse | None = Field(default=None, description="Rundens totaler; skal svare til summen af forløbene.")

    @property
    def betegnelse(self) -> str:
        """'2026-1': year and round, the order rounds are shown in."""
        return f"{self.år}-{self.runde}"
