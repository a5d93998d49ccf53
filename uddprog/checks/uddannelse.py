"""Checks of the training rules a programme lives by: almen praksis, vejledersamtaler, fokuserede
ophold, phased-out versions, Øst's start and end in Region Sjælland, and the systems it names.

The rules and their sources are in :mod:`uddprog.regler`; each check carries its ``kilde``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

from .. import regler
from ..datoer import antal_måneder, dansk_dato, måneder_tekst
from ..findings import Severity
from ..models import (
    PLADSHOLDER,
    Ansaettelsestype,
    Ansvarsrolle,
    Driftsregion,
    Fase,
    Samtaletype,
    Videreuddannelsesregion,
    visningsnavn,
)
from ..navne import slug
from .kontekst import ProgramKontekst
from .registry import Fund, check

E, W = Severity.ERROR, Severity.WARNING


# --- forløb ----------------------------------------------------------------------------

def _kbu_fra(k: ProgramKontekst) -> list:
    # The rule applies from the date on (not k.dato < FRA): the answer changes after the day before.
    return [regler.KBU_ALMEN_PRAKSIS_FRA - timedelta(days=1)] if k.p.målbeskrivelse.fase == Fase.KBU else []


@check("P040", E, "En KBU har ikke 6 måneder i almen praksis (eller psykiatri i stedet)", "program",
       kilde=regler.KILDE_KBU_ALMEN_PRAKSIS, datogrænser=_kbu_fra)
def kbu_almen_praksis(k: ProgramKontekst) -> Iterator[Fund]:
    # The psychiatry alternative is regler.KILDE_KBU_PSYKIATRI: one rule, two sources.
    if k.p.målbeskrivelse.fase != Fase.KBU or k.dato < regler.KBU_ALMEN_PRAKSIS_FRA:
        return
    if regler.kbu_praksis_måneder([(a.type, a.måneder) for a in k.p.ansættelser]) < regler.KBU_ALMEN_PRAKSIS_MÅNEDER:
        i_praksis = sum(a.måneder for a in k.p.ansættelser if a.type == Ansaettelsestype.ALMEN_PRAKSIS)
        yield (f"Fra runde 2022-1 har alle KBU-forløb seks måneder i almen praksis (i nogle forløb psykiatri i "
               f"stedet), men forløbet har {antal_måneder(i_praksis)} med 'type: almen-praksis'. Angiv typen på "
               "praksis- eller psykiatriansættelsen ('almen-praksis' eller 'psykiatrisk-afdeling'), eller planlæg en.",
               k.sted("ansættelser"))


@check("P041", W, "Ansættelserne følger ikke målbeskrivelsens ansættelsesmønster", "program", kræver=("mb",),
       kilde=regler.KILDE_MØNSTER)
def mønster(k: ProgramKontekst) -> Iterator[Fund]:
    mb = k.mb.model
    if not mb.ansættelsesmønster or regler.følger_mønster(mb, k.p.ansættelser):
        return
    vis = regler.mønstertekst(mb.ansættelsesmønster, mb.speciale)
    har = regler.mønstertekst(k.p.ansættelser, mb.speciale)
    hvordan = ("i den rækkefølge" if mb.ansættelsesmønster_rækkefølge == "fast"
               else "(i alt pr. slags ansættelse og speciale, i vilkårlig rækkefølge)")
    yield (f"Målbeskrivelsen beskriver forløbet som {vis} måneder {hvordan}, men programmet har {har} måneder. "
           "Ret ansættelsernes type, speciale og måneder, eller begrund afvigelsen i programmets tekst.",
           k.sted("ansættelser"))


@check("P054", W, "En ansættelse ligger ikke på det sted, målbeskrivelsens mønster siger (fx fase 2 i fase 1-praksis)",
       "program", kræver=("mb",), kilde=regler.KILDE_ALMEN_MEDICIN_FASER)
def samme_sted(k: ProgramKontekst) -> Iterator[Fund]:
    mb = k.mb.model
    dele = mb.ansættelsesmønster
    if mb.ansættelsesmønster_rækkefølge != "fast" or not regler.følger_mønster(mb, k.p.ansættelser):
        return  # P041 reports a programme that does not follow the pattern; then parts cannot be paired
    efter_id = {d.id: i for i, d in enumerate(dele) if d.id}
    for i, d in enumerate(dele):
        a = k.p.ansættelser[i]
        navn = d.betegnelse or f"ansættelse {i + 1}"
        if d.samme_sted_som in efter_id:
            j = efter_id[d.samme_sted_som]
            anden = k.p.ansættelser[j]
            if _udfyldt(a, anden) and _sted(a) != _sted(anden):
                yield (f"{navn} ligger ifølge målbeskrivelsen samme sted som {dele[j].betegnelse or f'ansættelse {j + 1}'}"
                       f" ({anden.sted}), men programmet har {a.sted}.", k.sted("ansættelser", i, "sted"))
        if d.andet_sted_end in efter_id:
            j = efter_id[d.andet_sted_end]
            anden = k.p.ansættelser[j]
            if _udfyldt(a, anden) and _sted(a) == _sted(anden):
                yield (f"{navn} ligger ifølge målbeskrivelsen et andet sted end "
                       f"{dele[j].betegnelse or f'ansættelse {j + 1}'}, men begge er {a.sted}.",
                       k.sted("ansættelser", i, "sted"))


def _sted(a) -> str:
    return " ".join(a.sted.casefold().split())


def _udfyldt(*ansættelser) -> bool:
    """No placeholder where the place is named (P026 reports one; comparing places means nothing then)."""
    return all(PLADSHOLDER not in a.sted for a in ansættelser)


@check("P055", W, "Tutorlægens praksisbeskrivelse mangler et af de emner, den skal beskrive", "program",
       kilde=regler.KILDE_PRAKSISBESKRIVELSE)
def praksisbeskrivelse(k: ProgramKontekst) -> Iterator[Fund]:
    if k.p.målbeskrivelse.fase == Fase.KBU:
        return  # KBU's practice has a vejleder, not a tutorlæge's praksisbeskrivelse
    for i, a in enumerate(k.p.ansættelser):
        if a.type == Ansaettelsestype.ALMEN_PRAKSIS and PLADSHOLDER not in a.beskrivelse \
                and (mangler := regler.manglende_emner(a.beskrivelse)):
            yield (f"Praksisbeskrivelsen for {a.sted} nævner ikke {_og(mangler)}; tutorlægens praksisbeskrivelse "
                   "beskriver arbejdstilrettelæggelse, uddannelsessamtaler, introduktion, supervision, undervisning "
                   "og konferencer.", k.sted("ansættelser", i, "beskrivelse"))


def _og(navne: list[str]) -> str:
    return navne[0] if len(navne) == 1 else ", ".join(navne[:-1]) + " og " + navne[-1]


@check("P050", W, "Et hoveduddannelsesforløb i Øst begynder eller slutter ikke i Region Sjælland", "program",
       kilde=regler.KILDE_ØST)
def øst_sjælland(k: ProgramKontekst) -> Iterator[Fund]:
    ref = k.p.målbeskrivelse
    if (ref.fase != Fase.HOVEDUDDANNELSE or k.p.videreuddannelsesregion != Videreuddannelsesregion.OEST
            or slug(ref.speciale) in regler.IKKE_I_REGION_SJÆLLAND):
        return
    sidste = len(k.p.ansættelser) - 1
    for i, hvad in ((0, "begynder"), (sidste, "slutter")):
        a = k.p.ansættelser[i]
        if a.driftsregion != Driftsregion.SJAELLAND:
            yield (f"Forløbet {hvad} på {a.sted} i {visningsnavn(a.driftsregion)}; hoveduddannelsesforløb i "
                   "Videreuddannelsesregion Øst bør begynde og slutte i Region Sjælland, hvor specialet findes der.",
                   k.sted("ansættelser", i, "driftsregion"))
        if sidste == 0:
            break


# --- vejledersamtaler --------------------------------------------------------------------

@check("P042", W, "En ansættelse har for få vejledersamtaler eller mangler introduktions- eller slutsamtalen",
       "program", kilde=regler.KILDE_SAMTALER)
def samtaler(k: ProgramKontekst) -> Iterator[Fund]:
    for i, a in enumerate(k.p.ansættelser):
        mindst = regler.mindste_antal_samtaler(a.måneder)
        typer = [s.type for s in a.vejledersamtaler]
        if len(typer) < mindst:
            yield (f"Ansættelsen {a.hvilken} ({antal_måneder(a.måneder)}) har {len(typer)} planlagte vejledersamtaler; "
                   f"den skal have mindst {mindst}. Tilføj dem under 'vejledersamtaler' med type og senest_dag.",
                   k.sted("ansættelser", i, "vejledersamtaler") if a.vejledersamtaler else k.sted("ansættelser", i))
            continue
        for t in (Samtaletype.INTRODUKTION, Samtaletype.SLUT):
            if t not in typer:
                yield (f"Ansættelsen {a.hvilken} har ingen {visningsnavn(t).lower()}.",
                       k.sted("ansættelser", i, "vejledersamtaler"))


@check("P043", W, "Den første vejledersamtale ligger for sent i ansættelsen", "program",
       kilde=regler.KILDE_SAMTALER)
def første_samtale(k: ProgramKontekst) -> Iterator[Fund]:
    frist = regler.første_samtale_senest(k.p.målbeskrivelse.fase)
    for i, a in enumerate(k.p.ansættelser):
        if not a.vejledersamtaler:
            continue
        j, første = min(enumerate(a.vejledersamtaler), key=lambda js: js[1].senest_dag)
        if første.senest_dag > frist:
            fase = "i KBU" if k.p.målbeskrivelse.fase == Fase.KBU else "i introduktions- og hoveduddannelse"
            yield (f"Den første vejledersamtale {a.hvor} ligger senest dag {første.senest_dag}; {fase} holdes den "
                   f"inden for {frist} dage.", k.sted("ansættelser", i, "vejledersamtaler", j, "senest_dag"))


@check("P044", W, "Den individuelle uddannelsesplan i KBU foreligger ikke inden for 14 dage", "program",
       kilde=regler.KILDE_UDDANNELSESPLAN_KBU)
def uddannelsesplan_kbu(k: ProgramKontekst) -> Iterator[Fund]:
    if k.p.målbeskrivelse.fase != Fase.KBU:
        return
    frist = regler.UDDANNELSESPLAN_KBU_DAGE
    for i, a in enumerate(k.p.ansættelser):
        if a.uddannelsesplan_senest_dag is None:
            yield (f"Angiv 'uddannelsesplan_senest_dag' for ansættelsen {a.hvilken}: i KBU udarbejdes den "
                   f"individuelle uddannelsesplan inden for {frist} dage fra første arbejdsdag.", k.sted("ansættelser", i))
        elif a.uddannelsesplan_senest_dag > frist:
            yield (f"Uddannelsesplanen {a.hvor} foreligger først dag {a.uddannelsesplan_senest_dag}; i KBU skal den "
                   f"foreligge inden for {frist} dage fra første arbejdsdag.",
                   k.sted("ansættelser", i, "uddannelsesplan_senest_dag"))


@check("P045", E, "En vejledersamtale ligger efter ansættelsens afslutning eller i forkert rækkefølge", "program")
def samtale_i_ansættelse(k: ProgramKontekst) -> Iterator[Fund]:
    for i, a in enumerate(k.p.ansættelser):
        sidste_dag = a.måneder * 31
        forrige = 0
        for j, s in enumerate(a.vejledersamtaler):
            if s.senest_dag > sidste_dag:
                yield (f"{visningsnavn(s.type)} {a.hvor} ligger dag {s.senest_dag}, efter ansættelsens "
                       f"{antal_måneder(a.måneder)}.", k.sted("ansættelser", i, "vejledersamtaler", j, "senest_dag"))
            elif s.senest_dag < forrige:
                yield (f"{visningsnavn(s.type)} {a.hvor} (dag {s.senest_dag}) står efter en senere samtale "
                       f"(dag {forrige}); skriv samtalerne i rækkefølge.",
                       k.sted("ansættelser", i, "vejledersamtaler", j, "senest_dag"))
            forrige = max(forrige, s.senest_dag)


@check("P046", W, "Karrierevejledning indgår ikke i vejledersamtalerne", "program",
       kilde=regler.KILDE_KARRIEREVEJLEDNING)
def karrierevejledning(k: ProgramKontekst) -> Iterator[Fund]:
    altid = k.p.målbeskrivelse.fase in (Fase.KBU, Fase.INTRODUKTION)
    for i, a in enumerate(k.p.ansættelser):
        uden = [j for j, s in enumerate(a.vejledersamtaler) if not s.karrierevejledning]
        if altid:
            for j in uden:
                yield (f"I {visningsnavn(k.p.målbeskrivelse.fase).lower()} er karrierevejledning en del af alle "
                       f"vejledersamtaler; {visningsnavn(a.vejledersamtaler[j].type).lower()} {a.hvor} har "
                       "'karrierevejledning: false'.", k.sted("ansættelser", i, "vejledersamtaler", j,
                                                               "karrierevejledning"))
        elif a.vejledersamtaler and len(uden) == len(a.vejledersamtaler):
            yield (f"Ingen af vejledersamtalerne {a.hvor} har karrierevejledning; i hoveduddannelsen tilbydes den "
                   "løbende og handler om karrieren efter uddannelsen.", k.sted("ansættelser", i, "vejledersamtaler"))


# --- fokuserede ophold ---------------------------------------------------------------------

@check("P047", E, "Et fokuseret ophold varer mere end en måned", "program", kilde=regler.KILDE_FOKUSERET_OPHOLD)
def ophold_længde(k: ProgramKontekst) -> Iterator[Fund]:
    maks = regler.FOKUSERET_OPHOLD_MAKS_DAGE
    for i, o in enumerate(k.p.fokuserede_ophold):
        if o.dage is not None and o.dage > maks:
            yield (f"Det fokuserede ophold på {o.sted} varer {o.dage} dage; et fokuseret ophold varer højst en "
                   f"måned ({maks} dage). Et længere ophold er en ansættelse.", k.sted("fokuserede_ophold", i, "dage"))
        elif o.til_måned - o.fra_måned >= 2:
            yield (f"Det fokuserede ophold på {o.sted} strækker sig over {måneder_tekst(o.fra_måned, o.til_måned)}; et "
                   "fokuseret ophold varer højst en måned.", k.sted("fokuserede_ophold", i, "til_måned"))


@check("P048", W, "Et fokuseret ophold har ingen længde i dage", "program", kilde=regler.KILDE_FOKUSERET_OPHOLD)
def ophold_dage(k: ProgramKontekst) -> Iterator[Fund]:
    for i, o in enumerate(k.p.fokuserede_ophold):
        if o.dage is None:
            yield (f"Angiv længden af det fokuserede ophold på {o.sted} i 'dage' (kalenderdage, højst "
                   f"{regler.FOKUSERET_OPHOLD_MAKS_DAGE}), så reglen om højst en måned kan kontrolleres.",
                   k.sted("fokuserede_ophold", i))


# --- versions and systems ------------------------------------------------------------------

def _udfases(k: ProgramKontekst) -> list:
    udfaset = k.mb.model.udfaset  # phased out on the day itself (regler.udfaset: udfaset <= dato)
    return [udfaset - timedelta(days=1)] if udfaset else []


@check("P049", W, "Programmet bygger på en udfaset version af målbeskrivelsen", "program", kræver=("mb",),
       kilde=regler.KILDE_GYLDIGHED, datogrænser=_udfases)
def udfaset_version(k: ProgramKontekst) -> Iterator[Fund]:
    mb = k.mb.model
    if regler.udfaset(mb, k.dato):
        nyere = k.katalog.nyere_versioner(mb)
        hjælp = f" Revidér programmet til version {nyere[-1].model.version}." if nyere else ""
        yield (f"{mb.speciale} version {mb.version} er udfaset fra {dansk_dato(mb.udfaset)}; ingen læger er længere "
               f"på den version.{hjælp}", k.sted("målbeskrivelse", "version"))


_SYSTEM = re.compile(r"(?i)\b(" + "|".join(map(re.escape, regler.ERSTATTEDE_SYSTEMER)) + r")\b")


@check("P051", W, "Programmet nævner logbog.net eller evaluer.dk, som uddannelseslæge.dk afløser", "program",
       kilde=regler.KILDE_SYSTEMER)
def gamle_systemer(k: ProgramKontekst) -> Iterator[Fund]:
    if not k.kan_nævne_ord(*regler.ERSTATTEDE_SYSTEMER):
        return
    for sti, tekst in k.tekster:
        første: dict[str, re.Match] = {}
        for m in _SYSTEM.finditer(tekst):
            første.setdefault(m.group(1).lower(), m)
        for navn, m in første.items():
            sted = k.tekststed(sti, tekst[:m.start()].count("\n"), m.group(1)) if k.program.dele else k.sted(*sti)
            yield (f"Teksten nævner {navn}, som er afløst af {regler.ERSTATTEDE_SYSTEMER[navn]}; henvis til "
                   f"{regler.ERSTATTEDE_SYSTEMER[navn]} i stedet.", sted)


@check("P052", W, "Et forløb med almen praksis har ingen tutorlæge blandt forfatterne", "program",
       kilde=regler.KILDE_TUTORLÆGE)
def tutorlæge(k: ProgramKontekst) -> Iterator[Fund]:
    if k.p.målbeskrivelse.fase == Fase.KBU:
        return  # KBU's six months in almen praksis have a vejleder, not a tutorlæge writing the programme
    praksis = [a for a in k.p.ansættelser if a.type == Ansaettelsestype.ALMEN_PRAKSIS]
    if praksis and Ansvarsrolle.TUTORLAEGE not in {f.rolle for f in k.p.ansvar.udarbejdet_af}:
        yield (f"Forløbet har {len(praksis)} ansættelse{'r' if len(praksis) > 1 else ''} i almen praksis, men ingen "
               "tutorlæge er med til at udarbejde programmet; tutorlægens praksisbeskrivelse er en del af det. "
               "Tilføj tutorlægen under 'ansvar.udarbejdet_af' med 'rolle: tutorlaege'.",
               k.sted("ansvar", "udarbejdet_af"))



@check("P053", W, "En KBU i Syd eller Øst har ikke sygehuset først og almen praksis eller psykiatri som anden "
                  "ansættelse", "program", kilde=regler.KILDE_KBU_RÆKKEFØLGE)
def kbu_rækkefølge(k: ProgramKontekst) -> Iterator[Fund]:
    region = k.p.videreuddannelsesregion
    if k.p.målbeskrivelse.fase != Fase.KBU or region not in regler.KBU_RÆKKEFØLGE or len(k.p.ansættelser) != 2:
        return
    første, anden = k.p.ansættelser
    kilde = regler.KBU_RÆKKEFØLGE[region].tekst.split(":")[0]
    if anden.type not in regler.KBU_PRAKSIS_ELLER_PSYKIATRI:
        hvad = (f"den første er {visningsnavn(første.type).lower()} ({første.sted})"
                if første.type in regler.KBU_PRAKSIS_ELLER_PSYKIATRI
                else f"den anden er {visningsnavn(anden.type).lower()} ({anden.sted})")
        yield (f"I {visningsnavn(region)} kommer sygehusansættelsen først i KBU og almen praksis eller psykiatri som "
               f"den anden ({kilde}), men {hvad}. Byt om på ansættelserne, eller angiv den rigtige type.",
               k.sted("ansættelser", 1, "type") if "type" in anden.model_fields_set else k.sted("ansættelser", 1))
