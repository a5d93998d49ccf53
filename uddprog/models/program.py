"""Uddannelsesprogram: the regional concretisation of a målbeskrivelse for one forløb."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from .base import PLADSHOLDER, Dokumentdel, Id, Markdown, Måned, Pladsholder, Tekst
from .vocab import (
    Ansaettelsestype,
    Ansvarsrolle,
    Driftsregion,
    Fase,
    Laeringsstrategi,
    Samtaletype,
    Videreuddannelsesregion,
    Vurderingsmetode,
)


class MaalbeskrivelseReference(Dokumentdel):
    speciale: Tekst
    fase: Fase
    version: Id


class Forfatter(Dokumentdel):
    navn: Tekst
    rolle: Ansvarsrolle
    titel: Tekst | None = None


class Revision(Dokumentdel):
    """A revision to a new målbeskrivelse version (written by `uddprog migrate`) and whether it is approved."""

    fra_version: Id = Field(description="Målbeskrivelsens version før revisionen.")
    til_version: Id = Field(description="Målbeskrivelsens version efter revisionen.")
    dato: date = Field(description="Dato for revisionen.")
    status: Literal["afventer-godkendelse", "godkendt"] = Field(
        default="afventer-godkendelse",
        description="Sæt 'godkendt' (og godkendt_dato) når udvalget har godkendt det reviderede program.")


class Ansvar(Dokumentdel):
    udarbejdet_af: list[Forfatter] = Field(default_factory=list)
    godkendt_af: Tekst | None = None
    godkendt_dato: date | None = None
    næste_revision: date | None = None
    kontakt: Tekst | None = None
    revision: Revision | None = Field(default=None, description="Seneste revision til en ny målbeskrivelse.")


class Vejledersamtale(Dokumentdel):
    """A planned vejledersamtale; days count from the ansættelse's first working day (day 1)."""

    type: Samtaletype
    senest_dag: int = Field(ge=1, le=3700, description="Samtalen holdes senest denne dag i ansættelsen (dag 1 er første arbejdsdag).")
    karrierevejledning: bool = Field(default=True, description="Karrierevejledning er en del af samtalen.")
    bemærkning: Tekst | None = None


class Ansaettelse(Dokumentdel):
    id: Id
    type: Ansaettelsestype = Field(
        default=Ansaettelsestype.SYGEHUSAFDELING,
        description="Slags uddannelsessted; i almen praksis er tutorlægen vejleder, og beskrivelse er praksisbeskrivelsen.",
    )
    sted: Tekst = Field(description="Hospital eller praksis.")
    afdeling: Tekst
    driftsregion: Driftsregion | Pladsholder
    universitetshospital: bool | Pladsholder
    måneder: int = Field(ge=1, le=120)
    beskrivelse: Markdown = Field(description="Præsentation af uddannelsesstedet; i almen praksis praksisbeskrivelsen.")
    vejledersamtaler: list[Vejledersamtale] = Field(
        default_factory=list, description="Planlagte vejledersamtaler i ansættelsen, i rækkefølge.")
    uddannelsesplan_senest_dag: int | None = Field(
        default=None, ge=1, le=3700, description="Den individuelle uddannelsesplan foreligger senest denne dag.")

    # Messages name an ansættelse by its place, or by its id while the place is still a placeholder, so a
    # draft never reads "Ansættelsen på UDFYLD".
    @property
    def hvilken(self) -> str:
        """What follows "ansættelsen": 'på Odense Universitetshospital', or "'ansaettelse-1'" without a place."""
        return f"'{self.id}'" if PLADSHOLDER in self.sted else f"på {self.sted}"

    @property
    def hvor(self) -> str:
        """Where something in it happens: 'på Odense Universitetshospital', or "i ansættelsen 'ansaettelse-1'"."""
        return f"i ansættelsen '{self.id}'" if PLADSHOLDER in self.sted else f"på {self.sted}"


class Planlaegning(Dokumentdel):
    kompetence: Id = Field(description="Kompetencens id i målbeskrivelsen.")
    ansættelse: Id
    fra_måned: Måned = Field(description="Første måned, talt fra forløbets start.")
    til_måned: Måned = Field(description="Sidste måned, talt fra forløbets start.")
    læringsmetoder: list[Laeringsstrategi] = Field(min_length=1)
    vurderingsmetoder: list[Vurderingsmetode] = Field(default_factory=list)
    antal_vurderinger: int | None = Field(
        default=None, ge=1, le=100, description="Planlagt antal vurderinger i perioden (standard 1, når der er vurderingsmetoder)."
    )
    bemærkning: Markdown | None = None


class PlanlagtKursus(Dokumentdel):
    kursus: Id = Field(description="Kursets id i målbeskrivelsen.")
    måned: Måned = Field(description="Planlagt måned, talt fra forløbets start.")
    bemærkning: Tekst | None = None


class FokuseretOphold(Dokumentdel):
    """A short stay at another department to train competencies the ansættelse cannot offer."""

    sted: Tekst = Field(description="Afdeling og hospital, fx 'Klinisk Neurofysiologi, Aarhus Universitetshospital'.")
    ansættelse: Id = Field(description="Den ansættelse opholdet ligger under.")
    fra_måned: Måned = Field(description="Første måned, talt fra forløbets start.")
    til_måned: Måned = Field(description="Sidste måned, talt fra forløbets start.")
    dage: int | None = Field(default=None, ge=1, le=366, description="Opholdets længde i kalenderdage (højst en måned).")
    varighed: Tekst | None = Field(default=None, description="Fritekst, fx '2 uger, tirsdag og torsdag'.")
    formål: Markdown
    kompetencer: list[Id] = Field(default_factory=list, description="Kompetencer (id'er i målbeskrivelsen) opholdet træner.")


class PlanlagtForskningstraening(Dokumentdel):
    fra_måned: Måned
    til_måned: Måned
    teori_til_måned: Måned | None = Field(default=None, description="Måneden hvor teoridelen er afsluttet.")
    beskrivelse: Markdown | None = None


class Uddannelsesprogram(Dokumentdel):
    titel: Tekst
    skabelon: Id = Field(description="Id på den nationale skabelon programmet følger.")
    målbeskrivelse: MaalbeskrivelseReference
    videreuddannelsesregion: Videreuddannelsesregion
    forløb: Tekst = Field(description="Forløbets navn, fx 'Holstebro–Aarhus, forløb 1'.")
    illustrativ: bool = Field(default=False, description="Sand når indholdet er opdigtet til eksempelbrug.")
    ansvar: Ansvar
    ansættelser: list[Ansaettelse] = Field(min_length=1)
    kompetenceplan: list[Planlaegning] = Field(min_length=1)
    kurser: list[PlanlagtKursus] = Field(default_factory=list)
    fokuserede_ophold: list[FokuseretOphold] = Field(default_factory=list)
    forskningstræning: PlanlagtForskningstraening | None = None
    sektioner: dict[Id, Markdown] = Field(default_factory=dict, description="Skabelonens tekstsektioner, efter sektions-id.")

    def ansættelse(self, ansættelse_id: str) -> Ansaettelse | None:
        return next((a for a in self.ansættelser if a.id == ansættelse_id), None)

    def perioder(self) -> dict[str, tuple[int, int]]:
        """Each ansættelse's first and last month in the forløb (they follow each other in order)."""
        start, out = 1, {}
        for a in self.ansættelser:
            out.setdefault(a.id, (start, start + a.måneder - 1))
            start += a.måneder
        return out

    @property
    def varighed_måneder(self) -> int:
        return sum(a.måneder for a in self.ansættelser)
