"""National template: scope, content and responsibility rules for programmes of one phase."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from .base import Dokumentdel, Id, Markdown, Tekst
from .vocab import Ansvarsrolle, Fase

Ansvarsfelt = Literal["udarbejdet_af", "godkendt_af", "godkendt_dato", "næste_revision", "kontakt"]

#: Content generated from the programme's data that a section shows after its text.
Blok = Literal[
    "forløb", "uddannelsessteder", "kompetenceplan", "rolledækning", "kurser", "fokuserede-ophold", "forskningstræning",
    "vejledersamtaler", "kompetenceskema",
]


class Sektion(Dokumentdel):
    id: Id
    titel: Tekst
    påkrævet: bool = True
    vejledning: Markdown = Field(description="Vejledning til forfatteren: hvad sektionen skal indeholde.")
    omfang: Tekst | None = Field(default=None, description="Omfangsgrænse i ord, fx 'Højst en halv side'.")
    maks_ord: int | None = Field(default=None, ge=1, description="Omfangsgrænsen som højeste antal ord.")
    blokke: list[Blok] = Field(default_factory=list, description="Tabeller genereret fra programmets data, vist efter teksten.")
    bilag: bool = Field(default=False, description="Sand når afsnittet er et bilag (efter programmets øvrige afsnit).")


class NationalSkabelon(Dokumentdel):
    id: Id
    navn: Tekst
    fase: Fase
    version: Id
    gyldig_fra: date
    udgivet_af: Tekst
    illustrativ: bool = False
    kilde: Tekst | None = None
    regelkilde: Tekst | None = Field(
        default=None,
        description="Hvor skabelonens regler (omfangsgrænser, revisionsfrister) kommer fra, eller at de er illustrative.")
    revision_måneder: int = Field(
        ge=0, le=60, description="Programmer skal revideres senest så mange måneder efter en ny målbeskrivelse træder i kraft."
    )
    revisionsinterval_måneder: int | None = Field(
        default=None, ge=1, le=120, description="Højeste antal måneder mellem godkendelse og næste revision."
    )
    ansvarsfelter: list[Ansvarsfelt] = Field(description="Ansvarsfelter et program skal udfylde.")
    påkrævede_forfatterroller: list[Ansvarsrolle] = Field(
        default_factory=list, description="Roller der skal være blandt programmets forfattere."
    )
    sektioner: list[Sektion] = Field(min_length=1)

    def sektion(self, sektion_id: str) -> Sektion | None:
        return next((s for s in self.sektioner if s.id == sektion_id), None)
