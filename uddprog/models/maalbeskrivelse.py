"""Målbeskrivelse: the national curriculum of one specialty in one phase."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from .base import Dokumentdel, Id, Markdown, Måned, Tekst
from .vocab import Fase, Kursustype, Laeringsstrategi, Rolle, Vurderingsmetode


class Kompetence(Dokumentdel):
    id: Id = Field(description="Stabilt kompetencenummer, fx '12' eller 'N12'.")
    titel: Tekst
    konkretisering: Markdown = Field(description="Konkretisering af kompetencen (Markdown).")
    roller: list[Rolle] = Field(min_length=1, description="De lægeroller kompetencen dækker.")
    læringsstrategier: list[Laeringsstrategi] = Field(min_length=1, description="Anbefalede læringsstrategier.")
    vurderingsmetoder: list[Vurderingsmetode] = Field(min_length=1, description="Obligatoriske kompetencevurderingsmetoder.")
    min_vurderinger: int | None = Field(default=None, ge=1, description="Mindste antal vurderinger, hvis målbeskrivelsen kræver det.")
    erstatter: list[Id] = Field(default_factory=list, description="Id'er i forrige version som denne kompetence erstatter.")


class Kursus(Dokumentdel):
    id: Id
    titel: Tekst
    type: Kursustype
    varighed: Tekst | None = Field(default=None, description="Fx '2 dage' eller '3 dage à 7 timer'.")
    timer: int | None = Field(default=None, ge=1, le=1000, description="Kursets omfang i timer, når det kendes.")
    tidligst_måned: Måned | None = Field(default=None, description="Tidligste måned i fasen kurset må tages.")
    senest_måned: Måned | None = Field(default=None, description="Seneste måned i fasen kurset skal være taget.")
    beskrivelse: Markdown | None = None
    kilde: Tekst | None = None


class Forskningstraening(Dokumentdel):
    dage: int = Field(ge=1)
    teori_dage: int | None = Field(default=None, ge=0)
    projekt_dage: int | None = Field(default=None, ge=0)
    start_senest_måned: Måned | None = Field(default=None, description="Forskningstræningen skal begynde senest i denne måned.")
    slut_senest_måneder_før_slut: int | None = Field(
        default=None, ge=0, description="Forskningstræningen skal være afsluttet mindst så mange måneder før fasens afslutning."
    )
    teori_inden_måneder: int | None = Field(
        default=None, ge=1, le=120, description="Teoridelen skal være afsluttet inden for så mange måneder fra start."
    )
    beskrivelse: Markdown | None = None


class Maalbeskrivelse(Dokumentdel):
    speciale: Tekst
    fase: Fase
    version: Id = Field(description="Versionsbetegnelse, fx '2015'.")
    versionsdato: date | None = None
    gyldig_fra: date = Field(description="Dato hvor versionen træder i kraft.")
    udarbejdet_af: Tekst
    godkendt_af: Tekst
    kilde: Tekst = Field(description="Hvor målbeskrivelsen (eller de fakta eksemplet bygger på) kan findes.")
    illustrativ: bool = Field(default=False, description="Sand når indholdet er opdigtet til eksempelbrug.")
    varighed_måneder: int = Field(ge=1, le=120)
    beskrivelse: Markdown | None = Field(default=None, description="Kort beskrivelse af specialet.")
    kompetencer: list[Kompetence] = Field(min_length=1)
    kurser: list[Kursus] = Field(default_factory=list)
    forskningstræning: Forskningstraening | None = None

    def kompetence(self, kompetence_id: str) -> Kompetence | None:
        return next((k for k in self.kompetencer if k.id == kompetence_id), None)

    @property
    def nøgle(self) -> tuple[str, Fase, str]:
        return (self.speciale, self.fase, self.version)
