"""Which changes hit which programme, where, and what to do about it.

The change set is computed once (:func:`.changes.sammenlign`); each programme
is then indexed once (its kompetenceplan by competency id, its courses by id)
and every change looks up only the entries it concerns, so thousands of
programmes are cheap. Each change id has one function here that yields its
hits (``Træf``); a change that does not touch a programme yields nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import regler
from ..datoer import måneder_tekst, revisionsfrist
from ..findings import Finding, Location, Severity
from ..loading import Dokument
from ..models import Ansaettelse, NationalSkabelon, Planlaegning, Uddannelsesprogram, Vurderingsmetode, visningsnavn
from ..navne import slug
from .changes import Ændring, Ændringssæt, vis_vindue

#: Why a programme is or is not affected.
PÅVIRKET, ALLEREDE_NY, ANDEN_MB, ULÆSELIG = "påvirket", "allerede-ny", "anden-målbeskrivelse", "ulæselig"


@dataclass(frozen=True)
class Træf:
    """One place in a programme that a change hits, and what to do there."""

    ændring: Ændring
    sted: Location
    handling: str
    ansættelse: str | None = None  # ansættelse id
    ansættelsessted: str | None = None  # "Gødstrup, Neurologisk afdeling"
    måneder: tuple[int, int] | None = None
    sektion: str | None = None

    @property
    def severity(self) -> Severity:
        return self.ændring.severity


@dataclass(frozen=True)
class Programpåvirkning:
    fil: Path
    status: str
    titel: str | None = None
    målbeskrivelse: str | None = None  # "Neurologi/hoveduddannelse@2011"
    skabelon: str | None = None
    træf: tuple[Træf, ...] = ()
    revisionsfrist: date | None = None
    frist_overskredet: bool | None = None
    fund: tuple[Finding, ...] = ()  # why the file could not be read

    def højeste(self) -> Severity | None:
        return max((t.severity for t in self.træf), key=lambda s: s.rang, default=None)


def mb_nøgle(speciale: str, fase: str, version: str) -> tuple[str, str, str]:
    """Comparable key of a målbeskrivelse reference: specialty compared case- and accent-insensitively."""
    return (slug(speciale), str(fase), str(version))


def reference(speciale: str, fase: str, version: str) -> str:
    return f"{speciale}/{fase}@{version}"


# --- one programme -------------------------------------------------------------

def planlægningssted(p: Uddannelsesprogram, e: Planlaegning) -> str:
    """Where and when a plan entry is, for messages: "på Odense Universitetshospital i måned 25–36" (a place
    takes "på" in Danish, not "i"). `diff` and `migrate` both say it this way."""
    a = p.ansættelse(e.ansættelse)
    return f"på {a.sted if a else e.ansættelse} i {måneder_tekst(e.fra_måned, e.til_måned)}"


@dataclass
class _Program:
    """A programme indexed for look-ups: plan entries by competency, courses by id."""

    dok: Dokument[Uddannelsesprogram]
    skabelon: NationalSkabelon | None
    plan: dict[str, list[tuple[int, Planlaegning]]] = field(default_factory=dict)
    kurser: dict[str, list[int]] = field(default_factory=dict)
    ansættelser: dict[str, Ansaettelse] = field(default_factory=dict)
    ophold: dict[str, list[int]] = field(default_factory=dict)  # competency id → fokuserede ophold naming it

    def __post_init__(self) -> None:
        p = self.dok.model
        self.ansættelser = {a.id: a for a in p.ansættelser}
        for i, e in enumerate(p.kompetenceplan):
            self.plan.setdefault(e.kompetence, []).append((i, e))
        for i, k in enumerate(p.kurser):
            self.kurser.setdefault(k.kursus, []).append(i)
        for i, o in enumerate(p.fokuserede_ophold):
            for kid in o.kompetencer:
                self.ophold.setdefault(kid, []).append(i)

    @property
    def p(self) -> Uddannelsesprogram:
        return self.dok.model

    def hvor(self, e: Planlaegning) -> str:
        return planlægningssted(self.p, e)

    def træf(self, æ: Ændring, i: int, e: Planlaegning, handling: str) -> Træf:
        a = self.ansættelser.get(e.ansættelse)
        return Træf(æ, self.dok.sted("kompetenceplan", i, "kompetence"), handling, e.ansættelse,
                    f"{a.sted}, {a.afdeling}" if a else None, (e.fra_måned, e.til_måned))

    def ophold_træf(self, æ: Ændring, handling: Callable[[str, str], str]) -> Iterator[Træf]:
        """Hits in fokuserede ophold that name one of the change's old competencies."""
        for g in æ.gamle:
            for i in self.ophold.get(g, ()):
                o = self.p.fokuserede_ophold[i]
                sted = self.dok.sted("fokuserede_ophold", i, "kompetencer", o.kompetencer.index(g))
                yield Træf(æ, sted, handling(g, o.sted), o.ansættelse, o.sted, (o.fra_måned, o.til_måned))

    def sektion(self, blok: str) -> str | None:
        """The id of the programme section that shows a generated block, if the programme has it."""
        if self.skabelon:
            for s in self.skabelon.sektioner:
                if blok in s.blokke and s.id in self.p.sektioner:
                    return s.id
        return None

    def felt_træf(self, æ: Ændring, handling: str, *sti: str | int, blok: str | None = None) -> Træf:
        sektion = self.sektion(blok) if blok else None
        if len(sti) and sti[0] not in self.p.model_fields_set and sektion:
            sti = ("sektioner", sektion)  # the field is absent: point at the section instead
        return Træf(æ, self.dok.sted(*sti, nøgle=True), handling, sektion=sektion)


Rammer = Callable[[Ændring, _Program, Ændringssæt], Iterator[Træf]]
RAMMER: dict[str, Rammer] = {}


def rammer(*ids: str):
    def registrer(f: Rammer) -> Rammer:
        for id in ids:
            RAMMER[id] = f
        return f
    return registrer


def _poster(æ: Ændring, pr: _Program) -> Iterator[tuple[int, Planlaegning]]:
    for g in æ.gamle:
        yield from pr.plan.get(g, ())


def _metoder(værdier) -> str:
    return ", ".join(visningsnavn(Vurderingsmetode(v)) for v in værdier)


@rammer("D001")
def _fjernet(æ, pr, s):
    for i, e in _poster(æ, pr):
        yield pr.træf(æ, i, e, f"Kompetence {e.kompetence} er fjernet: slet planlægningen {pr.hvor(e)}.")
    yield from pr.ophold_træf(æ, lambda g, sted: f"Kompetence {g} er fjernet: fjern den fra det fokuserede ophold på {sted}.")


@rammer("D002")
def _tilføjet(æ, pr, s):
    k = s.ny.model.kompetence(æ.nye[0])
    yield pr.felt_træf(æ, f"Kompetence {k.id} »{k.titel}« er ny: planlæg den i en af ansættelserne.", "kompetenceplan",
                       blok="kompetenceplan")


@rammer("D003")
def _omnummereret(æ, pr, s):
    for i, e in _poster(æ, pr):
        yield pr.træf(æ, i, e, f"Kompetence {æ.gamle[0]} har nu nummer {æ.nye[0]}: ret 'kompetence: {æ.gamle[0]}' "
                               f"til '{æ.nye[0]}' ({pr.hvor(e)}).")
    yield from pr.ophold_træf(æ, lambda g, sted: f"Kompetence {g} har nu nummer {æ.nye[0]}: ret nummeret i det "
                                                 f"fokuserede ophold på {sted}.")


@rammer("D004")
def _delt(æ, pr, s):
    nye = " og ".join(æ.nye)
    for i, e in _poster(æ, pr):
        yield pr.træf(æ, i, e, f"Kompetence {e.kompetence} er delt i {nye}: erstat planlægningen {pr.hvor(e)} "
                               "med de nye kompetencer.")
    yield from pr.ophold_træf(æ, lambda g, sted: f"Kompetence {g} er delt i {nye}: ret det fokuserede ophold på {sted} "
                                                 "til de nye kompetencer.")


@rammer("D005")
def _sammenlagt(æ, pr, s):
    for i, e in _poster(æ, pr):
        andre = [g for g in æ.gamle if g != e.kompetence]
        yield pr.træf(æ, i, e, f"Kompetence {e.kompetence} er lagt sammen med {' og '.join(andre)} i {æ.nye[0]}: "
                               f"planlæg {æ.nye[0]} i stedet ({pr.hvor(e)}).")
    yield from pr.ophold_træf(æ, lambda g, sted: f"Kompetence {g} er lagt sammen i {æ.nye[0]}: ret det fokuserede "
                                                 f"ophold på {sted}.")


@rammer("D006")
def _forslag(æ, pr, s):
    for i, e in _poster(æ, pr):
        yield pr.træf(æ, i, e, f"Forslag: kompetence {e.kompetence} kan være blevet til {æ.nye[0]}. Afklar det med "
                               f"uddannelsesudvalget, før planlægningen {pr.hvor(e)} rettes.")


@rammer("D007")
def _metode_tilføjet(æ, pr, s):
    poster = list(_poster(æ, pr))
    # Entries with no methods follow the målbeskrivelse; only explicit lists can lack the new method.
    eksplicitte = [(i, e) for i, e in poster if e.vurderingsmetoder]
    for metode in æ.tilføjet:
        if eksplicitte and not any(metode in e.vurderingsmetoder for _, e in poster):
            for i, e in eksplicitte:
                yield pr.træf(æ, i, e, f"Kompetence {e.kompetence} skal nu vurderes med {_metoder([metode])}: "
                                       f"tilføj metoden i planlægningen ({pr.hvor(e)}).")


@rammer("D008")
def _metode_fjernet(æ, pr, s):
    for i, e in _poster(æ, pr):
        brugt = [m for m in æ.fjernet if m in e.vurderingsmetoder]
        if brugt:
            yield pr.træf(æ, i, e, f"{_metoder(brugt)} hører ikke længere til kompetence {e.kompetence} i "
                                   f"målbeskrivelsen: fjern metoden fra planlægningen eller erstat den ({pr.hvor(e)}).")


#: Changes that hit every plan entry of their competency with one sentence ({k}: competency,
#: {hvor}: ansættelse and months, {efter}: the new value).
_PR_POST = {
    "D009": "De anbefalede læringsstrategier for kompetence {k} er ændret: gennemgå læringsmetoderne {hvor}.",
    "D010": "Lægerollerne for kompetence {k} er ændret: tjek at programmets tekst om rolledækning stadig passer "
            "({hvor}).",
    "D011": "Kompetence {k} hedder nu »{efter}«: ret titlen hvor programmets tekst nævner den.",
    "D012": "Konkretiseringen af kompetence {k} er ændret: gennemgå planlægningen {hvor}.",
    "D013": "Kompetence {k} kræver nu mindst {efter} vurderinger: sørg for at planlægningen giver plads til dem "
            "({hvor}).",
}


def _hver_post(tekst: str) -> Rammer:
    def rammer_posterne(æ, pr, s):
        for i, e in _poster(æ, pr):
            yield pr.træf(æ, i, e, tekst.format(k=e.kompetence, hvor=pr.hvor(e), efter=æ.efter))
    return rammer_posterne


for _id, _tekst in _PR_POST.items():
    rammer(_id)(_hver_post(_tekst))


@rammer("D014")
def _færre_vurderinger(æ, pr, s):
    for i, e in _poster(æ, pr):
        krav = f"mindst {æ.efter} vurderinger" if æ.efter else "intet mindste antal vurderinger"
        yield pr.træf(æ, i, e, f"Kompetence {e.kompetence} kræver nu {krav}: planlægningen kan lempes ({pr.hvor(e)}).")


@rammer("D020")
def _varighed(æ, pr, s):
    if pr.p.varighed_måneder != æ.efter:
        yield pr.felt_træf(æ, f"Forløbet varer {pr.p.varighed_måneder} måneder, men version {s.ny.model.version} "
                              f"kræver {æ.efter}: tilpas ansættelserne.", "ansættelser", blok="forløb")


@rammer("D021")
def _kursus_nyt(æ, pr, s):
    k = next(k for k in s.ny.model.kurser if k.id == æ.nye[0])
    yield pr.felt_træf(æ, f"Kurset {k.id} »{k.titel}« er nyt: planlæg det.", "kurser", blok="kurser")


def _kursustræf(æ, pr, i, handling):
    return Træf(æ, pr.dok.sted("kurser", i, "kursus"), handling, måneder=(pr.p.kurser[i].måned,) * 2)


@rammer("D022")
def _kursus_fjernet(æ, pr, s):
    for i in pr.kurser.get(æ.gamle[0], ()):
        yield _kursustræf(æ, pr, i, f"Kurset {æ.gamle[0]} er fjernet: slet det fra kursusplanen "
                                    f"(måned {pr.p.kurser[i].måned}).")


@rammer("D023")
def _kursus_strammet(æ, pr, s):
    fra, til = æ.efter
    for i in pr.kurser.get(æ.gamle[0], ()):
        m = pr.p.kurser[i].måned
        if m < fra or m > til:
            yield _kursustræf(æ, pr, i, f"Kurset {æ.gamle[0]} skal nu tages i {vis_vindue((fra, til))}, men er "
                                        f"planlagt i måned {m}: flyt det.")


@rammer("D025")
def _kursus_ændret(æ, pr, s):
    for i in pr.kurser.get(æ.gamle[0], ()):
        yield _kursustræf(æ, pr, i, f"Kurset {æ.gamle[0]} er ændret ({æ.felt.replace(',', ', ')}): ret omtalen i "
                                    "programmet, hvis den nævner det.")


@rammer("D030")
def _forskning_ny(æ, pr, s):
    if pr.p.forskningstræning is None:
        yield pr.felt_træf(æ, "Forskningstræning er nu et krav: planlæg den.", "forskningstræning",
                           blok="forskningstræning")


@rammer("D031")
def _forskning_væk(æ, pr, s):
    if pr.p.forskningstræning is not None:
        yield pr.felt_træf(æ, "Forskningstræning er ikke længere et krav: overvej at fjerne planlægningen.",
                           "forskningstræning")


@rammer("D032")
def _forskning_ændret(æ, pr, s):
    plan, krav = pr.p.forskningstræning, s.ny.model.forskningstræning
    if plan is None:
        return
    brud = []
    if krav.start_senest_måned and plan.fra_måned > krav.start_senest_måned:
        brud.append(f"skal begynde senest i måned {krav.start_senest_måned}")
    if krav.slut_senest_måneder_før_slut is not None:
        senest = s.ny.model.varighed_måneder - krav.slut_senest_måneder_før_slut
        if plan.til_måned > senest:
            brud.append(f"skal være afsluttet senest i måned {senest}")
    hvad = f"den {' og '.join(brud)}, men er planlagt i {måneder_tekst(plan.fra_måned, plan.til_måned)}: flyt den" if brud \
        else "gennemgå planlægningen"
    yield pr.felt_træf(æ, f"Kravene til forskningstræningen er ændret; {hvad}.", "forskningstræning",
                       blok="forskningstræning")


@rammer("D026")
def _mønster(æ, pr, s):
    n = s.ny.model
    if n.ansættelsesmønster and not regler.følger_mønster(n, pr.p.ansættelser):
        mønster = regler.mønstertekst(n.ansættelsesmønster, n.speciale)
        yield pr.felt_træf(æ, f"Ansættelserne skal følge det nye mønster ({mønster} måneder): tilpas deres type, "
                              "speciale og måneder.", "ansættelser", blok="forløb")


@rammer("D040")
def _version(æ, pr, s):
    if s.gammel.model.version != s.ny.model.version:
        yield Træf(æ, pr.dok.sted("målbeskrivelse", "version"),
                   f"Ret målbeskrivelsens version fra {s.gammel.model.version} til {s.ny.model.version}.")


# D015, D024 and D041 change nothing a programme has to do.


# --- many programmes -----------------------------------------------------------

def påvirkning(sæt: Ændringssæt, programmer: Iterable[Dokument[Uddannelsesprogram] | tuple[Path, list[Finding]]],
               skabeloner: dict[str, NationalSkabelon] | None = None, dato: date | None = None) -> list[Programpåvirkning]:
    """The impact of a change set on each programme; failed loads are given as ``(file, findings)``."""
    dato = dato or date.today()
    skabeloner = skabeloner or {}
    g, n = sæt.gammel.model, sæt.ny.model
    gammel_nøgle, ny_nøgle = mb_nøgle(g.speciale, g.fase, g.version), mb_nøgle(n.speciale, n.fase, n.version)
    ud = []
    for dok in programmer:
        if isinstance(dok, tuple):
            ud.append(Programpåvirkning(Path(dok[0]), ULÆSELIG, fund=tuple(dok[1])))
            continue
        p = dok.model
        ref = p.målbeskrivelse
        nøgle = mb_nøgle(ref.speciale, ref.fase, ref.version)
        fælles = dict(titel=p.titel, målbeskrivelse=reference(ref.speciale, ref.fase, ref.version), skabelon=p.skabelon)
        if nøgle != gammel_nøgle:
            ud.append(Programpåvirkning(dok.fil, ALLEREDE_NY if nøgle == ny_nøgle else ANDEN_MB, **fælles))
            continue
        skabelon = skabeloner.get(p.skabelon)
        ud.append(_vurdér(sæt, _Program(dok, skabelon), dato, fælles))
    return ud


def _vurdér(sæt: Ændringssæt, pr: _Program, dato: date, fælles: dict) -> Programpåvirkning:
    træf: list[Træf] = []
    for æ in sæt.ændringer:
        f = RAMMER.get(æ.id)
        # A competency or course change only concerns programmes that plan that competency or course.
        if f and (not æ.gamle or any(g in pr.plan or g in pr.kurser for g in æ.gamle)):
            træf.extend(f(æ, pr, sæt))
    træf.sort(key=lambda t: (t.sted.linje, t.sted.kolonne, t.ændring.id))
    # No change, nothing to revise (OLD and NEW are copies of one text): no deadline either.
    frist = revisionsfrist(sæt.ny.model.gyldig_fra, pr.skabelon.revision_måneder) \
        if pr.skabelon and sæt.ændringer else None
    return Programpåvirkning(pr.dok.fil, PÅVIRKET, træf=tuple(træf), revisionsfrist=frist,
                             frist_overskredet=(frist < dato) if frist else None, **fælles)
