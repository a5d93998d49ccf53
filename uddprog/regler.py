"""The rules of Danish postgraduate training that several stages share, each with its source.

Checks enforce these rules, `uddprog ny` writes skeletons that satisfy them, `uddprog diff`
compares course windows with them and the documents print them, so each rule lives here once.
A rule whose source is secondary (a society's or a hospital's page retelling it) or that uddprog
invented says so in its ``kilde``. Pure functions of the models; no files, no clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .datoer import antal_måneder, dansk_dato, måneder_tekst
from .models import (
    Ansaettelsestype,
    Fase,
    Forskningstraening,
    Gyldighed,
    Kursus,
    Maalbeskrivelse,
    Moensterdel,
    visningsnavn,
)


@dataclass(frozen=True)
class Kilde:
    """Where a rule comes from; ``sekundær`` when a secondary source retells it, ``illustrativ`` when invented."""

    tekst: str
    sekundær: bool = False
    illustrativ: bool = False

    def __str__(self) -> str:
        if self.illustrativ:
            return f"{self.tekst} (illustrativ regel, ikke Sundhedsstyrelsens)"
        return f"{self.tekst} (sekundær kilde)" if self.sekundær else self.tekst


# --- rules the documents and templates carry ----------------------------------------------

KILDE_SKABELON = Kilde("Den nationale skabelons regler (se dens 'regelkilde'); der findes ingen national skabelon for "
                       "uddannelsesprogrammer, så de medfølgende skabeloners grænser og frister er opdigtet til uddprog",
                       illustrativ=True)
KILDE_MÅLBESKRIVELSE = Kilde("Sundhedsstyrelsens skabelon for målbeskrivelser (2011): obligatoriske "
                             "kompetencevurderingsmetoder pr. kompetence")
KILDE_PROGRAM = Kilde("laegeuddannelsen.dk, begreber og nøgleord: uddannelsesprogrammet konkretiserer målbeskrivelsen "
                      "for forløbet og siger, hvor og hvornår kompetencer, kurser og vurderinger ligger")
KILDE_MINDSTE_ANTAL = Kilde("Målbeskrivelsens mindste antal vurderinger, fx Dansk Psykiatrisk Selskab, målbeskrivelse "
                            "2016 (dpsnet.dk)")
KILDE_LÆGEROLLER = Kilde("Sundhedsstyrelsen, De syv lægeroller, version 2 (3. maj 2013)")
KILDE_FORSKNING = Kilde("dsohh.dk og videreuddannelsen-nord.dk: 20 dage, påbegyndt inden for de første 2 år og "
                        "afsluttet mindst 6 måneder før hoveduddannelsens slutning, teoridelen inden for 12 måneder")
KILDE_FASER = Kilde("Sundhedsstyrelsen: KBU 12 måneder, introduktionsuddannelse 12 måneder, hoveduddannelse 48–60 "
                    "måneder")
KILDE_SPECIALEKURSER = Kilde("Sundhedsstyrelsen: 210 timers specialespecifikke kurser i hoveduddannelsen")


# --- KBU and almen praksis --------------------------------------------------------------

KBU_ALMEN_PRAKSIS_MÅNEDER = 6
#: The first KBU round (2022-1) in which every forløb has six months in almen praksis.
KBU_ALMEN_PRAKSIS_FRA = date(2022, 2, 1)
KILDE_KBU_ALMEN_PRAKSIS = Kilde(
    "Videreuddannelsesregion Syd, årsberetninger, og Lægedækningsudvalget: andelen af KBU-forløb med 6 måneder i "
    "almen praksis steg fra 80 % til 90 % fra runde 2020-1 og er 100 % fra runde 2022-1")

#: The phase's usual ansættelser when the målbeskrivelse names no pattern of its own.
STANDARDMØNSTRE: dict[Fase, tuple[Moensterdel, ...]] = {
    Fase.KBU: (Moensterdel(type=Ansaettelsestype.SYGEHUSAFDELING, måneder=6, betegnelse="Sygehusansættelse"),
               Moensterdel(type=Ansaettelsestype.ALMEN_PRAKSIS, måneder=KBU_ALMEN_PRAKSIS_MÅNEDER,
                           betegnelse="Almen praksis")),
}


def ansættelsesmønster(mb: Maalbeskrivelse) -> list[Moensterdel]:
    """The ansættelser a new programme starts from: the målbeskrivelse's pattern, the phase's, or one of all months."""
    if mb.ansættelsesmønster:
        return list(mb.ansættelsesmønster)
    if mb.fase in STANDARDMØNSTRE and sum(d.måneder for d in STANDARDMØNSTRE[mb.fase]) == mb.varighed_måneder:
        return list(STANDARDMØNSTRE[mb.fase])
    return [Moensterdel(type=Ansaettelsestype.SYGEHUSAFDELING, måneder=mb.varighed_måneder)]


KILDE_TUTORLÆGE = Kilde("Dansk Selskab for Almen Medicin (dsam.dk), om specialet: tutorlægens praksisbeskrivelse er "
                        "en del af uddannelsesprogrammet")


# --- vejledersamtaler -------------------------------------------------------------------

KILDE_SAMTALER = Kilde("Dansk Selskab for Medicinsk Uddannelse (dsmu.dk), vejledning; samtalernes navne efter "
                       "vest.rm.dk", sekundær=True)
KILDE_UDDANNELSESPLAN_KBU = Kilde("Sundhedsstyrelsen, klinisk basisuddannelse: den individuelle uddannelsesplan "
                                  "udarbejdes inden for 14 dage fra første arbejdsdag")
KILDE_KARRIEREVEJLEDNING = Kilde("Regionshospitalet Randers, karrierevejledning, og Videreuddannelsesregion Nord: "
                                 "karrierevejledning indgår altid i vejledersamtalerne i KBU og introduktion",
                                 sekundær=True)
UDDANNELSESPLAN_KBU_DAGE = 14


def første_samtale_senest(fase: Fase) -> int:
    """The day of the ansættelse by which the first vejledersamtale is held: 14 days in KBU, else a month."""
    return 14 if fase == Fase.KBU else 30


def mindste_antal_samtaler(måneder: int) -> int:
    """At least three in an ansættelse of six months, one more from a year on; shorter ones at least two.

    'More for ansættelser of a year or longer' is the source's wording; one more per further six months is ours.
    """
    if måneder < 6:
        return 2
    return 3 + (måneder - 6) // 6 if måneder >= 12 else 3


def samtaleplan(måneder: int, fase: Fase) -> list[tuple[str, int]]:
    """A plan that meets the rules: (samtaletype, senest_dag) from introduktion through justering to slut."""
    dage = måneder * 30
    antal = mindste_antal_samtaler(måneder)
    plan = [("introduktionssamtale", første_samtale_senest(fase))]
    for i in range(1, antal - 1):
        plan.append(("justeringssamtale", dage * i // (antal - 1)))
    plan.append(("slutsamtale", dage - 14))
    return plan


# --- course windows ---------------------------------------------------------------------

KILDE_SOL = Kilde("Videreuddannelsesregion Nord, generelle kurser: SOL1 i første del, SOL2 når der højst er to år "
                  "tilbage, SOL3 i sidste tredjedel (3 dages internat og 1 dags eksternat)")


def kursusvindue(kursus: Kursus, varighed: int) -> tuple[int, int]:
    """The months (first, last) of a phase of ``varighed`` months in which the course may be taken.

    A window may be given from the start (``tidligst_måned``/``senest_måned``), from the end
    (``tidligst_måneder_før_slut``/``senest_måneder_før_slut``) or as the phase's last 1/n
    (``sidste_del``); when several are given the course must satisfy all of them. In a
    48-month phase 'at most two years left' opens in month 25 and 'the last third' in month 33.
    """
    fra, til = 1, varighed
    if kursus.tidligst_måned:
        fra = max(fra, kursus.tidligst_måned)
    if kursus.tidligst_måneder_før_slut:
        fra = max(fra, varighed - kursus.tidligst_måneder_før_slut + 1)
    if kursus.sidste_del:
        fra = max(fra, varighed * (kursus.sidste_del - 1) // kursus.sidste_del + 1)
    if kursus.senest_måned:
        til = min(til, kursus.senest_måned)
    if kursus.senest_måneder_før_slut is not None:
        til = min(til, varighed - kursus.senest_måneder_før_slut)
    return fra, til


VINDUESFELTER = ("tidligst_måned", "senest_måned", "tidligst_måneder_før_slut", "senest_måneder_før_slut", "sidste_del")


def vinduesfelter(kursus: Kursus) -> tuple:
    """The window as written, to tell a changed rule from months that moved with the phase's length."""
    return tuple(getattr(kursus, f) for f in VINDUESFELTER)


_BRØKER = {2: "sidste halvdel", 3: "sidste tredjedel", 4: "sidste fjerdedel"}


def vinduesregel(kursus: Kursus) -> str:
    """The window as the målbeskrivelse states it, in Danish: 'når der højst er 24 måneder tilbage'."""
    dele = []
    if kursus.tidligst_måned:
        dele.append(f"tidligst måned {kursus.tidligst_måned}")
    if kursus.tidligst_måneder_før_slut:
        dele.append(f"når der højst er {kursus.tidligst_måneder_før_slut} måneder tilbage")
    if kursus.sidste_del:
        dele.append(f"i {_BRØKER.get(kursus.sidste_del, f'sidste 1/{kursus.sidste_del}')} af fasen")
    if kursus.senest_måned:
        dele.append(f"senest måned {kursus.senest_måned}")
    if kursus.senest_måneder_før_slut is not None:
        dele.append(f"senest {kursus.senest_måneder_før_slut} måneder før fasens slut")
    return ", ".join(dele)


def fra_slutningen(kursus: Kursus) -> bool:
    """Whether the window moves with the phase's length (given from the end or as the last part)."""
    return bool(kursus.tidligst_måneder_før_slut or kursus.senest_måneder_før_slut is not None or kursus.sidste_del)


def kursuskrav(kursus: Kursus, varighed: int) -> str:
    """The window as the målbeskrivelse words it; one counted from the end also names its months
    ('når der højst er 24 måneder tilbage (måned 25–48)', with a no-break space for document cells)."""
    regel = vinduesregel(kursus)
    if fra_slutningen(kursus):
        regel += f" ({måneder_tekst(*kursusvindue(kursus, varighed), fast=True)})"
    return regel


def vis_kursusvindue(kursus: Kursus, varighed: int) -> str:
    """'måned 25–48 (når der højst er 24 måneder tilbage)'."""
    fra, til = kursusvindue(kursus, varighed)
    return måneder_tekst(fra, til) + (f" ({vinduesregel(kursus)})" if fra_slutningen(kursus) else "")


def forskningsplacering(krav: Forskningstraening) -> list[str]:
    """The målbeskrivelse's rules for when research training lies in the phase, in Danish, in reading order."""
    dele = []
    if krav.start_senest_måned:
        dele.append(f"påbegyndes senest i måned {krav.start_senest_måned}")
    if krav.slut_senest_måneder_før_slut is not None:
        dele.append(f"afsluttes mindst {antal_måneder(krav.slut_senest_måneder_før_slut)} før fasens afslutning")
    if krav.teori_inden_måneder:
        dele.append(f"teoridelen afsluttes inden for {antal_måneder(krav.teori_inden_måneder)}")
    return dele


# --- fokuserede ophold ------------------------------------------------------------------

FOKUSERET_OPHOLD_MAKS_DAGE = 31
KILDE_FOKUSERET_OPHOLD = Kilde("Sundhedsstyrelsen, Terminologi for den lægelige videreuddannelse (januar 2007): "
                               "et fokuseret ophold varer fra timer op til højst en måned")


# --- Videreuddannelsesregion Øst --------------------------------------------------------

#: Specialties not offered in Region Sjælland, so their forløb cannot start and end there.
IKKE_I_REGION_SJÆLLAND = frozenset({"neurokirurgi", "thoraxkirurgi"})
KILDE_ØST = Kilde("Aftale mellem Region Sjælland og Region Hovedstaden om hoveduddannelsesforløb i "
                  "Videreuddannelsesregion Øst: forløb bør begynde og slutte i Region Sjælland", sekundær=True)


KILDE_ØST_KBU = Kilde("laegeuddannelsen.dk: i Øst skal psykiatri og almen praksis altid indgå som 2. ansættelse i "
                      "KBU (reglens rækkevidde er uklar)", sekundær=True)


# --- current systems --------------------------------------------------------------------

#: Systems uddannelseslæge.dk replaces: what a programme should name instead.
ERSTATTEDE_SYSTEMER = {"logbog.net": "uddannelseslæge.dk", "evaluer.dk": "uddannelseslæge.dk"}
KILDE_SYSTEMER = Kilde("laegeuddannelsen.dk; uddannelsesudvalget for gynækologi og obstetrik, Nord, referat 7. "
                       "oktober 2022: uddannelseslæge.dk afløser logbog.net og evaluer.dk")


# --- which trainees a version applies to ------------------------------------------------

KILDE_GYLDIGHED = Kilde("DSAM: almen medicin 2013 gælder forløb opslået fra 1. januar 2014; godvejledning.dk: KBU "
                        "2017 gælder KBU påbegyndt efter 1. august 2017; logbogsreglen: lægen følger versionen ved "
                        "ansættelsen")


def gældende_version(versioner: Sequence[Maalbeskrivelse], dato: date) -> Maalbeskrivelse | None:
    """The version that applies to a forløb whose date (opslået, påbegyndt or ansat, per ``gælder_for``) is ``dato``.

    The newest version in force on that date; None when the date is before every version.
    ``versioner`` are one specialty's versions of one phase in any order.
    """
    i_kraft = [v for v in versioner if v.gyldig_fra <= dato]
    return max(i_kraft, key=lambda v: (v.gyldig_fra, v.version)) if i_kraft else None


def overgangsregel(gammel: Maalbeskrivelse, ny: Maalbeskrivelse) -> str:
    """Who stays on the old version, in one Danish sentence (status, diff and migrate print it)."""
    hvem = {
        Gyldighed.OPSLAAET: "Forløb opslået før",
        Gyldighed.PAABEGYNDT: "Forløb påbegyndt før",
        Gyldighed.ANSAT: "Læger ansat før",
    }[ny.gælder_for]
    tekst = f"{hvem} {dansk_dato(ny.gyldig_fra)} fortsætter på version {gammel.version}"
    if gammel.udfaset:
        tekst += f", som udfases {dansk_dato(gammel.udfaset)}"
    tekst += f"; {visningsnavn(ny.gælder_for)} fra den dato følger version {ny.version}."
    return tekst


def udfaset(mb: Maalbeskrivelse, dato: date) -> bool:
    return mb.udfaset is not None and mb.udfaset <= dato
