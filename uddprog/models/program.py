"""Uddannelsesprogram: the regional concretisation of a målbeskrivelse for one forløb."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

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


Telefon = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^\+?[0-9][0-9 ]{6,18}[0-9]$")]
"""A phone number as people write it: digits and spaces, optionally with a leading '+' ('+45 78 45 00 00')."""

Email = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]


class Forfatter(Dokumentdel):
    navn: Tekst
    rolle: Ansvarsrolle
    titel: Tekst | None = None
    telefon: Telefon | None = Field(default=None, description="Telefonnummer, fx til den uddannelsesansvarlige "
                                                              "overlæge på forsiden ('+45 78 45 00 00').")
    email: Email | None = Field(default=None, description="E-mailadresse.")


class Revision(Dokumentdel):
    """A revision to a new målbeskrivelse version (written by `uddprog migrate`) and whether it is approved."""

    fra_version: Id = Field(description="Målbeskrivelsens version før revisionen.")
    til_version: Id = Field(description="Målbeskrivelsens version efter revisionen.")
    dato: date = Field(description="Dato for revisionen.")
    status: Literal["afventer-godkendelse", "godkendt"] = Field(
        default="afventer-godkendelse",
        description="Sæt 'godkendt' (og godkendt_dato) når udvalget har godkendt det reviderede program.")


class Godkendelse(Dokumentdel):
    """One approval of the programme (or, where a region approves per delforløb, of one of its ansættelser),
    as `uddprog godkend` records it in ``ansvar.godkendelser``."""

    dato: date = Field(description="Dato for godkendelsen.")
    af: Tekst = Field(description="Det organ der godkendte, fx 'UGUP, Videreuddannelsesregion Nord'.")
    indstillet_af: Tekst | None = Field(default=None, description="Hvem der indstillede programmet til godkendelse, "
                                                                   "fx den postgraduate kliniske lektor.")
    anledning: Tekst | None = Field(default=None, description="Hvorfor programmet blev godkendt, fx 'Gengodkendelse' "
                                                               "eller 'Revision til målbeskrivelse 2024'.")
    delforløb: Id | None = Field(default=None, description="Ansættelsen (delforløbet) godkendelsen gælder, når "
                                                           "regionen godkender pr. delforløb.")
    rettet: date | None = Field(default=None, description="Dato for en rettelse af godkendelsen (fx af organet).")


class Ansvar(Dokumentdel):
    udarbejdet_af: list[Forfatter] = Field(default_factory=list)
    godkendt_af: Tekst | None = Field(default=None, description="Det organ der godkendte programmet senest.")
    godkendt_dato: date | None = Field(default=None, description="Dato for den gældende godkendelse.")
    næste_revision: date | None = None
    kontakt: Tekst | None = None
    revision: Revision | None = Field(default=None, description="Seneste revision til en ny målbeskrivelse.")
    godkendelser: list[Godkendelse] = Field(
        default_factory=list, description="Godkendelseshistorikken, ældste først ('uddprog godkend' fører den).")


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
    speciale: Tekst | None = Field(
        default=None, description="Specialet ansættelsen hører til, når det ikke er forløbets eget (sideuddannelse), "
                                  "fx 'Psykiatri' i et forløb i neurologi.")
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


class ProgramdelHenvisning(Dokumentdel):
    """A shared part a programme includes, with the sections where its own text replaces the shared one."""

    fil: Tekst = Field(description="Programdelens sti: './' eller '../' først er i forhold til programmet, "
                                   "ellers i forhold til repositoriets rod.")
    erstatter: list[Id] = Field(default_factory=list, description="Afsnit hvor programmets egen tekst erstatter "
                                                                  "programdelens (ellers kommer den efter).")


#: What ``status`` may say; a programme without one is in force once approved.
UDKAST = "udkast"


class Uddannelsesprogram(Dokumentdel):
    titel: Tekst
    skabelon: Id = Field(description="Id på den nationale skabelon programmet følger.")
    målbeskrivelse: MaalbeskrivelseReference
    videreuddannelsesregion: Videreuddannelsesregion
    forløb: Tekst | Annotated[list[Tekst], Field(min_length=1)] = Field(
        description="Forløbets navn, fx 'Holstebro–Aarhus, forløb 1', eller en liste af navne, når programmet "
                    "gælder flere forløb med samme ansættelser.")
    status: Literal["udkast"] | None = Field(
        default=None, description="'udkast' for et program der endnu ikke er færdigt (fx importeret eller skrevet "
                                  "med 'uddprog ny'): det valideres, men tælles ikke i stats og udgives ikke på sitet.")
    illustrativ: bool = Field(default=False, description="Sand når programmets eget indhold er opdigtet til "
                                                         "eksempelbrug (ikke når kun målbeskrivelsen er det).")
    programdele: list[Tekst | ProgramdelHenvisning] = Field(
        default_factory=list, description="Fælles programdele programmet bygger på; deres afsnit kommer før "
                                          "programmets egne.")
    ansvar: Ansvar
    ansættelser: list[Ansaettelse] = Field(min_length=1)
    kompetenceplan: list[Planlaegning] = Field(min_length=1)
    kurser: list[PlanlagtKursus] = Field(default_factory=list)
    fokuserede_ophold: list[FokuseretOphold] = Field(default_factory=list)
    forskningstræning: PlanlagtForskningstraening | None = None
    sektioner: dict[Id, Markdown] = Field(default_factory=dict, description="Skabelonens tekstsektioner, efter sektions-id.")

    def ansættelse(self, ansættelse_id: str) -> Ansaettelse | None:
        return next((a for a in self.ansættelser if a.id == ansættelse_id), None)

    @property
    def forløbsnavne(self) -> list[str]:
        """Every forløb the programme is for (one name or several)."""
        return [self.forløb] if isinstance(self.forløb, str) else list(self.forløb)

    @property
    def forløbsbetegnelse(self) -> str:
        """The forløb as a reader names them: 'Holstebro–Aarhus, forløb 1 og 5' (shared words said once)."""
        return forløbsbetegnelse(self.forløbsnavne)

    @property
    def udkast(self) -> bool:
        return self.status == UDKAST

    @property
    def henvisninger(self) -> list[ProgramdelHenvisning]:
        """``programdele`` with a bare path read as a reference without replaced sections."""
        return [ProgramdelHenvisning(fil=h) if isinstance(h, str) else h for h in self.programdele]

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


def forløbsbetegnelse(navne: list[str]) -> str:
    """Names joined for reading: the words they begin with in common said once ('Aarhus, forløb 1 og 5');
    names with nothing in common are joined as they are ('Aalborg, forløb 2 og Hjørring, forløb 4')."""
    if len(navne) == 1:
        return navne[0]
    ord_ = [n.split() for n in navne]
    fælles = 0
    while all(len(o) > fælles + 1 for o in ord_) and len({tuple(o[:fælles + 1]) for o in ord_}) == 1:
        fælles += 1
    hoved = " ".join(ord_[0][:fælles])
    haler = [" ".join(o[fælles:]) for o in ord_]
    liste = ", ".join(haler[:-1]) + " og " + haler[-1]
    return f"{hoved} {liste}" if hoved else liste
