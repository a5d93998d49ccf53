"""Målbeskrivelse: the national curriculum of one specialty in one phase."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .base import Dokumentdel, Id, Markdown, Måned, Tekst
from .vocab import Ansaettelsestype, Fase, Gyldighed, Kursustype, Laeringsstrategi, Rolle, Vurderingsmetode


class Kompetencekort(Dokumentdel):
    """A named assessment card a competency uses (e.g. dski.dk kort 1–10, Øst's KV-kort for KBU)."""

    id: Tekst = Field(description="Kortets nummer eller navn, fx 'KV-kort 3'.")
    titel: Tekst
    link: Annotated[str, StringConstraints(pattern=r"^https://[^\s()<>]+$")] | None = Field(
        default=None, description="Hvor kortet findes (https-adresse).")


class Kompetence(Dokumentdel):
    id: Id = Field(description="Stabilt kompetencenummer, fx '12' eller 'N12'.")
    titel: Tekst
    konkretisering: Markdown = Field(description="Konkretisering af kompetencen (Markdown).")
    roller: list[Rolle] = Field(min_length=1, description="De lægeroller kompetencen dækker.")
    læringsstrategier: list[Laeringsstrategi] = Field(min_length=1, description="Anbefalede læringsstrategier.")
    vurderingsmetoder: list[Vurderingsmetode] = Field(min_length=1, description="Obligatoriske kompetencevurderingsmetoder.")
    min_vurderinger: int | None = Field(default=None, ge=1, description="Mindste antal vurderinger, hvis målbeskrivelsen kræver det.")
    erstatter: list[Id] = Field(default_factory=list, description="Id'er i forrige version som denne kompetence erstatter.")
    kompetencekort: list[Kompetencekort] = Field(
        default_factory=list, description="Kompetencekort (vurderingsskemaer) kompetencen vurderes med.")


class Kursus(Dokumentdel):
    id: Id
    titel: Tekst
    type: Kursustype
    varighed: Tekst | None = Field(default=None, description="Fx '2 dage' eller '3 dage à 7 timer'.")
    timer: int | None = Field(default=None, ge=1, le=1000, description="Kursets omfang i timer, når det kendes.")
    tidligst_måned: Måned | None = Field(default=None, description="Tidligste måned i fasen kurset må tages.")
    senest_måned: Måned | None = Field(default=None, description="Seneste måned i fasen kurset skal være taget.")
    tidligst_måneder_før_slut: int | None = Field(
        default=None, ge=1, le=120,
        description="Kurset må tages, når der højst er så mange måneder tilbage af fasen (SOL2: 24).")
    senest_måneder_før_slut: int | None = Field(
        default=None, ge=0, le=120, description="Kurset skal være taget, når der er så mange måneder tilbage.")
    sidste_del: int | None = Field(
        default=None, ge=2, le=10, description="Kurset tages i fasens sidste 1/n; 3 betyder sidste tredjedel (SOL3).")
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


class Moensterdel(Dokumentdel):
    """One ansættelse of the phase's usual pattern, e.g. almen medicin's practice and hospital parts."""

    id: Id | None = Field(default=None, description="Delens id, når en anden del henviser til den (fx 'fase-1').")
    type: Ansaettelsestype
    speciale: Tekst | None = Field(
        default=None, description="Specialet ansættelsen hører til, når det ikke er målbeskrivelsens eget "
                                  "(sideuddannelse), fx 'Neurokirurgi'.")
    måneder: int = Field(ge=1, le=120)
    betegnelse: Tekst | None = Field(default=None, description="Fx 'Fase 1 i almen praksis'.")
    samme_sted_som: Id | None = Field(
        default=None, description="Ansættelsen ligger samme sted som delen med dette id (almen medicins fase 2 i "
                                  "fase 1-praksis).")
    andet_sted_end: Id | None = Field(
        default=None, description="Ansættelsen ligger et andet sted end delen med dette id (fase 3 i en anden "
                                  "praksis).")


class Maalbeskrivelse(Dokumentdel):
    speciale: Tekst
    fase: Fase
    version: Id = Field(description="Versionsbetegnelse, fx '2015'.")
    versionsdato: date | None = None
    gyldig_fra: date = Field(description="Dato hvor versionen træder i kraft.")
    gælder_for: Gyldighed = Field(
        default=Gyldighed.ANSAT,
        description="Hvad gyldig_fra sammenlignes med: forløb opslået, forløb påbegyndt eller læger ansat fra den dato.")
    udfaset: date | None = Field(default=None, description="Fra denne dato er ingen læger længere på versionen.")
    udarbejdet_af: Tekst
    godkendt_af: Tekst
    kilde: Tekst = Field(description="Hvor målbeskrivelsen (eller de fakta eksemplet bygger på) kan findes.")
    illustrativ: bool = Field(default=False, description="Sand når indholdet er opdigtet til eksempelbrug.")
    varighed_måneder: int = Field(ge=1, le=120)
    beskrivelse: Markdown | None = Field(default=None, description="Kort beskrivelse af specialet.")
    kompetencer: list[Kompetence] = Field(min_length=1)
    kurser: list[Kursus] = Field(default_factory=list)
    forskningstræning: Forskningstraening | None = None
    ansættelsesmønster: list[Moensterdel] = Field(
        default_factory=list, description="Fasens sædvanlige ansættelser i rækkefølge; 'uddprog ny' bruger dem.")
    ansættelsesmønster_rækkefølge: Literal["fast", "fri"] = Field(
        default="fast", description="'fast': ansættelserne følger mønsteret i rækkefølge; 'fri': kun månederne pr. "
                                    "slags ansættelse og speciale ligger fast (fx neurologi med sideuddannelse).")

    def kompetence(self, kompetence_id: str) -> Kompetence | None:
        return next((k for k in self.kompetencer if k.id == kompetence_id), None)

    @property
    def nøgle(self) -> tuple[str, Fase, str]:
        return (self.speciale, self.fase, self.version)
