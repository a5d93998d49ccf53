"""Checks of one document on its own: duplicate ids, målbeskrivelse and template rules."""

from __future__ import annotations

from collections.abc import Iterator

from .. import regler
from ..datoer import måneder_tekst
from ..findings import Severity
from ..models import Fase
from ..rod import SKABELON_FIL
from .kontekst import DokumentKontekst
from .registry import Fund, check

E, W = Severity.ERROR, Severity.WARNING

#: Lists whose items carry an ``id`` that must be unique, per document kind.
_ID_LISTER = {
    "målbeskrivelse": ("kompetencer", "kurser"),
    "skabelon": ("sektioner",),
    "uddannelsesprogram": ("ansættelser",),
    "programdel": (),
    "rekrutteringsrunde": (),
    "aftale": (),
}

#: Usual length of each phase in months (domain brief); other lengths are worth a second look.
FASE_MÅNEDER = {Fase.KBU: (12, 12), Fase.INTRODUKTION: (12, 12), Fase.HOVEDUDDANNELSE: (48, 60)}


@check("S005", E, "Samme id bruges to gange i en liste", "skema")
def dublet_id(k: DokumentKontekst) -> Iterator[Fund]:
    for liste in _ID_LISTER[k.dok.type]:
        set_: dict[str, int] = {}
        for i, element in enumerate(getattr(k.dok.model, liste)):
            if element.id in set_:
                første = k.dok.sted(liste, set_[element.id], "id").linje
                yield (f"Id '{element.id}' i '{liste}' er brugt før (linje {første}). Hvert id skal være unikt.",
                       k.dok.sted(liste, i, "id"))
            else:
                set_[element.id] = i


@check("M001", W, "Fasens varighed afviger fra det sædvanlige", "målbeskrivelse", kilde=regler.KILDE_FASER)
def fasevarighed(k: DokumentKontekst) -> Iterator[Fund]:
    mb = k.dok.model
    lav, høj = FASE_MÅNEDER[mb.fase]
    if not lav <= mb.varighed_måneder <= høj:
        normal = f"{lav}" if lav == høj else f"{lav}–{høj}"
        yield (f"En {mb.fase} varer normalt {normal} måneder, men 'varighed_måneder' er {mb.varighed_måneder}. "
               "Ret varigheden, hvis den er en fejl.", k.dok.sted("varighed_måneder"))


@check("M002", E, "Kursets tidsvindue ligger uden for fasen eller er omvendt", "målbeskrivelse")
def kursusvindue(k: DokumentKontekst) -> Iterator[Fund]:
    mb = k.dok.model
    for i, kursus in enumerate(mb.kurser):
        for felt in ("tidligst_måned", "senest_måned", "tidligst_måneder_før_slut", "senest_måneder_før_slut"):
            værdi = getattr(kursus, felt)
            if værdi is not None and værdi > mb.varighed_måneder:
                yield (f"Kurset '{kursus.id}' har {felt} {værdi}, men fasen varer kun {mb.varighed_måneder} måneder.",
                       k.dok.sted("kurser", i, felt))
                break
        else:
            fra, til = regler.kursusvindue(kursus, mb.varighed_måneder)
            if fra > til:
                yield (f"Kurset '{kursus.id}' skal tages {regler.vinduesregel(kursus)}, hvilket giver "
                       f"{måneder_tekst(fra, til)}, et tomt vindue; ret grænserne.", k.dok.sted("kurser", i))


@check("M003", W, "'erstatter' henviser til en kompetence der ikke findes i forrige version", "målbeskrivelse")
def erstatter_findes(k: DokumentKontekst) -> Iterator[Fund]:
    mb = k.dok.model
    ældre = [d for d in k.katalog.versioner(mb.speciale, mb.fase) if d.model.gyldig_fra < mb.gyldig_fra]
    if not ældre:
        return
    forrige = ældre[-1].model
    kendte = {c.id for c in forrige.kompetencer}
    for i, komp in enumerate(mb.kompetencer):
        for j, gammel in enumerate(komp.erstatter):
            if gammel not in kendte:
                yield (f"Kompetence '{komp.id}' erstatter '{gammel}', men version {forrige.version} har ingen "
                       f"kompetence '{gammel}'.", k.dok.sted("kompetencer", i, "erstatter", j))


#: Specialty courses in hoveduddannelse add up to this many hours (Sundhedsstyrelsen).
SPECIALEKURSUS_TIMER = 210


@check("M004", W, "De specialespecifikke kurser summer ikke til 210 timer i hoveduddannelsen", "målbeskrivelse",
       kilde=regler.KILDE_SPECIALEKURSER)
def kursustimer(k: DokumentKontekst) -> Iterator[Fund]:
    mb = k.dok.model
    kurser = [c for c in mb.kurser if c.type == "specialespecifik"]
    if mb.fase != Fase.HOVEDUDDANNELSE or not kurser or any(c.timer is None for c in kurser):
        return
    if (i_alt := sum(c.timer for c in kurser)) != SPECIALEKURSUS_TIMER:
        første = mb.kurser.index(kurser[0])
        yield (f"De specialespecifikke kurser er på {i_alt} timer i alt; hoveduddannelsen har {SPECIALEKURSUS_TIMER} "
               "timers specialespecifikke kurser. Ret 'timer' på kurserne.", k.dok.sted("kurser", første))


@check("T001", E, "Skabelonens id svarer ikke til dens mappe", "skabelon")
def skabelon_mappe(k: DokumentKontekst) -> Iterator[Fund]:
    fil = k.dok.fil
    if fil.name == SKABELON_FIL and fil.parent.name != k.dok.model.id:
        yield (f"Skabelonen ligger i mappen '{fil.parent.name}' men har id '{k.dok.model.id}'. "
               "Programmer finder skabelonen på id'et, så de skal være ens.", k.dok.sted("id"))


@check("T002", E, "Et påkrævet ansvarsfelt står to gange i skabelonen", "skabelon")
def skabelon_ansvarsfelter(k: DokumentKontekst) -> Iterator[Fund]:
    set_: set[str] = set()
    for i, felt in enumerate(k.dok.model.ansvarsfelter):
        if felt in set_:
            yield (f"Ansvarsfeltet '{felt}' står to gange.", k.dok.sted("ansvarsfelter", i))
        set_.add(felt)


@check("M010", E, "Ansættelsesmønsterets måneder summer ikke til fasens varighed", "målbeskrivelse")
def mønster_summer(k: DokumentKontekst) -> Iterator[Fund]:
    mb = k.dok.model
    if mb.ansættelsesmønster and (i_alt := sum(d.måneder for d in mb.ansættelsesmønster)) != mb.varighed_måneder:
        dele = " + ".join(str(d.måneder) for d in mb.ansættelsesmønster)
        yield (f"Ansættelsesmønsteret varer {dele} = {i_alt} måneder, men fasen varer {mb.varighed_måneder}.",
               k.dok.sted("ansættelsesmønster"))


@check("M011", E, "Versionen er udfaset før den træder i kraft", "målbeskrivelse")
def udfaset_før_gyldig(k: DokumentKontekst) -> Iterator[Fund]:
    mb = k.dok.model
    if mb.udfaset is not None and mb.udfaset <= mb.gyldig_fra:
        yield (f"'udfaset' ({mb.udfaset.isoformat()}) ligger ikke efter 'gyldig_fra' ({mb.gyldig_fra.isoformat()}).",
               k.dok.sted("udfaset"))


@check("M012", E, "En KBU-målbeskrivelses ansættelsesmønster har ikke 6 måneder i almen praksis (eller psykiatri)",
       "målbeskrivelse", kilde=regler.KILDE_KBU_ALMEN_PRAKSIS)
def kbu_mønster(k: DokumentKontekst) -> Iterator[Fund]:
    mb = k.dok.model
    if mb.fase != Fase.KBU or not mb.ansættelsesmønster:
        return
    if regler.kbu_praksis_måneder([(d.type, d.måneder) for d in mb.ansættelsesmønster]) < regler.KBU_ALMEN_PRAKSIS_MÅNEDER:
        i_praksis = sum(d.måneder for d in mb.ansættelsesmønster if d.type == "almen-praksis")
        yield (f"Ansættelsesmønsteret har {i_praksis} måneder i almen praksis; alle KBU-forløb har "
               f"{regler.KBU_ALMEN_PRAKSIS_MÅNEDER} (i nogle forløb i psykiatri i stedet).", k.dok.sted("ansættelsesmønster"))


@check("M013", E, "Ansættelsesmønsteret henviser til en del, der ikke findes", "målbeskrivelse")
def mønster_henvisninger(k: DokumentKontekst) -> Iterator[Fund]:
    dele = k.dok.model.ansættelsesmønster
    ider = [d.id for d in dele if d.id]
    for i, d in enumerate(dele):
        for felt in ("samme_sted_som", "andet_sted_end"):
            mål = getattr(d, felt)
            if mål is not None and (mål not in ider or mål == d.id):
                yield (f"'{felt}: {mål}' henviser ikke til en anden del af mønsteret (dele med id: "
                       f"{', '.join(ider) or 'ingen'}).", k.dok.sted("ansættelsesmønster", i, felt))


@check("T010", W, "Skabelonen siger ikke, hvor dens regler kommer fra", "skabelon")
def skabelon_regelkilde(k: DokumentKontekst) -> Iterator[Fund]:
    s = k.dok.model
    if s.regelkilde is None and (s.revision_måneder or s.revisionsinterval_måneder or any(x.maks_ord for x in s.sektioner)):
        yield ("Skabelonen har omfangsgrænser og revisionsfrister, men ingen 'regelkilde'. Angiv hvor reglerne kommer "
               "fra, eller at de er illustrative, så ingen forveksler dem med Sundhedsstyrelsens.", k.dok.sted("id"))


#: Sundhedsstyrelsen's rule that every uddannelseslæge is offered career guidance, in every phase.
KARRIERE_SEKTION = "karrierevejledning"


@check("T011", W, "Skabelonen beder ingen steder om karrierevejledning", "skabelon",
       kilde=regler.KILDE_KARRIEREVEJLEDNING)
def skabelon_karriere(k: DokumentKontekst) -> Iterator[Fund]:
    # Real programmes describe it inside vejledning; a section of its own is one way, guidance text another.
    s = k.dok.model
    if s.sektion(KARRIERE_SEKTION) is None and not any("karrierevejledning" in x.vejledning.lower()
                                                       for x in s.sektioner):
        yield (f"Alle uddannelseslæger tilbydes karrierevejledning, også i {s.fase}; nævn den i vejledningen til "
               f"afsnittet om vejledning, eller tilføj et afsnit med id '{KARRIERE_SEKTION}'.", k.dok.sted("sektioner"))
