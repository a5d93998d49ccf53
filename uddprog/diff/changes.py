"""The change registry and the comparison of two målbeskrivelse versions.

Every kind of change has a stable id (D…), a severity and a Danish title, in
one table, like oasdiff's checks. Severity says what a change means for the
programmes written against the old version: ``error`` their plan no longer
satisfies the new version, ``warning`` they should be reviewed, ``info``
editorial. :func:`sammenlign` computes the changes once; evaluating each
programme against them is the job of :mod:`.impact`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from .. import regler
from ..datoer import dansk_dato, måneder_tekst
from ..findings import Location, Severity
from ..loading import Dokument
from ..models import Kompetence, Kursus, Maalbeskrivelse, visningsnavn
from .lineage import Slægt, slægt
from .tekstdiff import Stykke, ordforskel, samme_ord

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

EMNER = ("kompetence", "forløb", "kursus", "forskningstræning", "metadata")


@dataclass(frozen=True)
class ÆndringsType:
    id: str
    severity: Severity
    emne: str
    titel: str

    @property
    def område(self) -> str:
        """What the change concerns, as the report formats call it (a check's ``område``)."""
        return self.emne


ÆNDRINGSTYPER: dict[str, ÆndringsType] = {}


def _type(id: str, severity: Severity, emne: str, titel: str) -> None:
    assert id not in ÆNDRINGSTYPER, id
    ÆNDRINGSTYPER[id] = ÆndringsType(id, severity, emne, titel)


_type("D001", E, "kompetence", "Kompetence fjernet")
_type("D002", E, "kompetence", "Kompetence tilføjet")
_type("D003", E, "kompetence", "Kompetence omnummereret")
_type("D004", E, "kompetence", "Kompetence delt")
_type("D005", E, "kompetence", "Kompetencer lagt sammen")
_type("D006", W, "kompetence", "Forslag: mulig omnummerering uden 'erstatter'")
_type("D007", E, "kompetence", "Obligatorisk vurderingsmetode tilføjet")
_type("D008", W, "kompetence", "Obligatorisk vurderingsmetode fjernet")
_type("D009", W, "kompetence", "Anbefalede læringsstrategier ændret")
_type("D010", W, "kompetence", "Lægeroller ændret")
_type("D011", I, "kompetence", "Titel ændret")
_type("D012", W, "kompetence", "Konkretisering ændret")
_type("D013", W, "kompetence", "Mindste antal vurderinger hævet")
_type("D014", I, "kompetence", "Mindste antal vurderinger sænket eller fjernet")
_type("D015", W, "kompetence", "'erstatter' henviser til en kompetence der ikke findes i den gamle version")
_type("D020", E, "forløb", "Varighed ændret")
_type("D026", E, "forløb", "Ansættelsesmønster ændret")
_type("D021", E, "kursus", "Kursus tilføjet")
_type("D022", E, "kursus", "Kursus fjernet")
_type("D023", E, "kursus", "Kursets tidsvindue strammet")
_type("D024", I, "kursus", "Kursets tidsvindue lempet")
_type("D025", I, "kursus", "Kursus ændret i øvrigt")
_type("D030", E, "forskningstræning", "Forskningstræning tilføjet")
_type("D031", W, "forskningstræning", "Forskningstræning fjernet")
_type("D032", W, "forskningstræning", "Krav til forskningstræning ændret")
_type("D040", I, "metadata", "Versionsoplysninger ændret")
_type("D041", I, "metadata", "Øvrige oplysninger ændret")


@dataclass(frozen=True)
class Ændring:
    """One classified change. ``gamle``/``nye`` are the competency or course ids it concerns."""

    id: str
    besked: str
    gamle: tuple[str, ...] = ()
    nye: tuple[str, ...] = ()
    felt: str | None = None
    før: Any = None
    efter: Any = None
    tilføjet: tuple[str, ...] = ()
    fjernet: tuple[str, ...] = ()
    ordforskel: tuple[Stykke, ...] = ()
    lighed: float | None = None
    sted_gammel: Location | None = None
    sted_ny: Location | None = None

    @property
    def type(self) -> ÆndringsType:
        return ÆNDRINGSTYPER[self.id]

    @property
    def severity(self) -> Severity:
        return self.type.severity


@dataclass(frozen=True)
class Version:
    """One side of a comparison: the model and, when it came from a file, the file."""

    model: Maalbeskrivelse
    dok: Dokument | None = None

    @property
    def fil(self) -> Path | None:
        return self.dok.fil if self.dok else None

    def sted(self, *sti: str | int) -> Location | None:
        return self.dok.sted(*sti) if self.dok else None


@dataclass(frozen=True)
class Ændringssæt:
    """All changes from ``gammel`` to ``ny``, computed once; indexed for cheap per-programme look-ups."""

    gammel: Version
    ny: Version
    slægt: Slægt
    ændringer: tuple[Ændring, ...]

    @cached_property
    def pr_kompetence(self) -> dict[str, list[Ændring]]:
        """Competency changes by the *old* id, which is what programmes on the old version refer to."""
        ud: dict[str, list[Ændring]] = {}
        for æ in self.ændringer:
            if æ.type.emne == "kompetence":
                for g in æ.gamle:
                    ud.setdefault(g, []).append(æ)
        return ud

    @cached_property
    def pr_kursus(self) -> dict[str, list[Ændring]]:
        ud: dict[str, list[Ændring]] = {}
        for æ in self.ændringer:
            if æ.type.emne == "kursus":
                for g in æ.gamle:
                    ud.setdefault(g, []).append(æ)
        return ud

    @cached_property
    def globale(self) -> list[Ændring]:
        """Changes that concern a programme as a whole (no old id to look up)."""
        return [æ for æ in self.ændringer if not æ.gamle]

    @property
    def tom(self) -> bool:
        return not self.ændringer

    def højeste(self) -> Severity | None:
        return max((æ.severity for æ in self.ændringer), key=lambda s: s.rang, default=None)


def sammenlign(gammel: Dokument | Maalbeskrivelse, ny: Dokument | Maalbeskrivelse) -> Ændringssæt:
    """Classify every change from the old to the new version of a målbeskrivelse."""
    g = gammel if isinstance(gammel, Maalbeskrivelse) else gammel.model
    n = ny if isinstance(ny, Maalbeskrivelse) else ny.model
    gv = Version(g, None if isinstance(gammel, Maalbeskrivelse) else gammel)
    nv = Version(n, None if isinstance(ny, Maalbeskrivelse) else ny)
    s = slægt(g, n)
    ændringer = [*_kompetencer(gv, nv, s), *_varighed(gv, nv), *_mønster(gv, nv), *_kurser(gv, nv),
                 *_forskningstræning(gv, nv), *_metadata(gv, nv)]
    return Ændringssæt(gv, nv, s, tuple(ændringer))


# --- competencies ----------------------------------------------------------

def procent(x: float) -> str:
    return f"{round(x * 100)} %"


def navn(k: Kompetence) -> str:
    return f"{k.id} »{k.titel}«"


def _opremsning(dele: list[str]) -> str:
    return dele[0] if len(dele) == 1 else ", ".join(dele[:-1]) + " og " + dele[-1]


def _indeks(mb: Maalbeskrivelse, liste: str) -> dict[str, int]:
    return {x.id: i for i, x in enumerate(getattr(mb, liste))}


def _kompetencer(gv: Version, nv: Version, s: Slægt) -> Iterator[Ændring]:
    g, n = gv.model, nv.model
    gi, ni = _indeks(g, "kompetencer"), _indeks(n, "kompetencer")

    def sg(i: str, *felt):
        return gv.sted("kompetencer", gi[i], *felt)

    def sn(i: str, *felt):
        return nv.sted("kompetencer", ni[i], *felt)

    forslag = {f.gammel: f for f in s.forslag}
    forslag_ny = {f.ny: f for f in s.forslag}
    for gr in s.grupper:
        art = gr.art
        if art == "fjernet":
            k = g.kompetence(gr.gamle[0])
            tekst = f"Kompetence {navn(k)} er fjernet."
            if k.id in forslag:
                f = forslag[k.id]
                tekst += f" Forslag: den kan være blevet til {navn(n.kompetence(f.ny))} ({procent(f.lighed)} ens)."
            yield Ændring("D001", tekst, gamle=(k.id,), sted_gammel=sg(k.id))
        elif art == "tilføjet":
            k = n.kompetence(gr.nye[0])
            tekst = f"Kompetence {navn(k)} er ny."
            if k.id in forslag_ny:
                f = forslag_ny[k.id]
                tekst += f" Forslag: den kan være kompetence {navn(g.kompetence(f.gammel))} ({procent(f.lighed)} ens)."
            yield Ændring("D002", tekst, nye=(k.id,), sted_ny=sn(k.id))
        elif art in ("bevaret", "omnummereret"):
            gk, nk = g.kompetence(gr.gamle[0]), n.kompetence(gr.nye[0])
            if art == "omnummereret":
                yield Ændring("D003", f"Kompetence {navn(gk)} har nu nummer {nk.id}.", gamle=(gk.id,), nye=(nk.id,),
                              før=gk.id, efter=nk.id, sted_gammel=sg(gk.id), sted_ny=sn(nk.id, "erstatter"))
            yield from _felter(gk, nk, sg, sn)
        else:
            yield from _delt_sammenlagt(gr.gamle, gr.nye, s, g, n, sg, sn)
    for f in s.forslag:
        gk, nk = g.kompetence(f.gammel), n.kompetence(f.ny)
        yield Ændring("D006", f"Forslag: kompetence {navn(gk)} kan være blevet til {navn(nk)} ({procent(f.lighed)} ens), "
                      f"men {nk.id} har ingen 'erstatter: [{gk.id}]'. Tilføj den, hvis det er samme kompetence.",
                      gamle=(gk.id,), nye=(nk.id,), lighed=f.lighed, sted_gammel=sg(gk.id), sted_ny=sn(nk.id))
    for ny_id, gammel_id in s.ukendte_erstatter:
        yield Ændring("D015", f"Kompetence {ny_id} erstatter '{gammel_id}', men version {g.version} har ingen "
                      f"kompetence '{gammel_id}'.", nye=(ny_id,), sted_ny=sn(ny_id, "erstatter"))


def _delt_sammenlagt(gamle, nye, s: Slægt, g, n, sg, sn) -> Iterator[Ændring]:
    links = sorted(((a, b) for a, b in s.links if a in gamle and b in nye),
                   key=lambda l: (gamle.index(l[0]), nye.index(l[1])))
    for a in gamle:
        efterfølgere = [b for x, b in links if x == a]
        if len(efterfølgere) > 1:
            dele = _opremsning([navn(n.kompetence(b)) for b in efterfølgere])
            yield Ændring("D004", f"Kompetence {navn(g.kompetence(a))} er delt i {dele}.", gamle=(a,),
                          nye=tuple(efterfølgere), sted_gammel=sg(a), sted_ny=sn(efterfølgere[0]))
    for b in nye:
        forgængere = [a for a, y in links if y == b]
        if len(forgængere) > 1:
            dele = _opremsning([navn(g.kompetence(a)) for a in forgængere])
            yield Ændring("D005", f"Kompetencerne {dele} er lagt sammen i {navn(n.kompetence(b))}.",
                          gamle=tuple(forgængere), nye=(b,), sted_gammel=sg(forgængere[0]), sted_ny=sn(b))


def _navne(værdier) -> list[str]:
    return [visningsnavn(v) for v in værdier]


def _felter(gk: Kompetence, nk: Kompetence, sg, sn) -> Iterator[Ændring]:
    """Field changes of one competency that continues (possibly under a new number)."""
    hvem = f"Kompetence {nk.id}" + (f" (tidligere {gk.id})" if gk.id != nk.id else "")
    fælles = dict(gamle=(gk.id,), nye=(nk.id,))

    def sted(felt):
        return dict(sted_gammel=sg(gk.id, felt), sted_ny=sn(nk.id, felt))

    if gk.titel != nk.titel:
        yield Ændring("D011", f"{hvem}: titlen er ændret fra »{gk.titel}« til »{nk.titel}«.", felt="titel",
                      før=gk.titel, efter=nk.titel, **fælles, **sted("titel"))
    if not samme_ord(gk.konkretisering, nk.konkretisering):
        yield Ændring("D012", f"{hvem}: konkretiseringen er ændret.", felt="konkretisering",
                      før=gk.konkretisering, efter=nk.konkretisering,
                      ordforskel=tuple(ordforskel(gk.konkretisering, nk.konkretisering)), **fælles, **sted("konkretisering"))
    til = [m for m in nk.vurderingsmetoder if m not in gk.vurderingsmetoder]
    fra = [m for m in gk.vurderingsmetoder if m not in nk.vurderingsmetoder]
    if til:
        yield Ændring("D007", f"{hvem}: ny obligatorisk vurderingsmetode: {_opremsning(_navne(til))}.",
                      felt="vurderingsmetoder", tilføjet=tuple(map(str, til)), **fælles, **sted("vurderingsmetoder"))
    if fra:
        yield Ændring("D008", f"{hvem}: vurderingsmetoden {_opremsning(_navne(fra))} er ikke længere obligatorisk.",
                      felt="vurderingsmetoder", fjernet=tuple(map(str, fra)), **fælles, **sted("vurderingsmetoder"))
    for id, felt, hvad in (("D009", "læringsstrategier", "anbefalede læringsstrategier"), ("D010", "roller", "lægeroller")):
        før, efter = getattr(gk, felt), getattr(nk, felt)
        plus = [v for v in efter if v not in før]
        minus = [v for v in før if v not in efter]
        if plus or minus:
            dele = ([f"tilføjet {_opremsning(_navne(plus))}"] if plus else []) + \
                   ([f"fjernet {_opremsning(_navne(minus))}"] if minus else [])
            yield Ændring(id, f"{hvem}: {hvad} ændret ({'; '.join(dele)}).", felt=felt,
                          tilføjet=tuple(map(str, plus)), fjernet=tuple(map(str, minus)), **fælles, **sted(felt))
    a, b = gk.min_vurderinger, nk.min_vurderinger
    if a != b:
        før_tekst = f"før {a}" if a else "før intet krav"
        if b is not None and (a is None or b > a):
            yield Ændring("D013", f"{hvem}: mindst {b} vurderinger ({før_tekst}).", felt="min_vurderinger",
                          før=a, efter=b, **fælles, **sted("min_vurderinger"))
        else:
            efter_tekst = f"nu mindst {b}" if b else "nu intet krav"
            yield Ændring("D014", f"{hvem}: mindste antal vurderinger sænket ({efter_tekst}, {før_tekst}).",
                          felt="min_vurderinger", før=a, efter=b, **fælles, **sted("min_vurderinger"))


# --- duration, courses, research training, metadata --------------------------

def _varighed(gv: Version, nv: Version) -> Iterator[Ændring]:
    a, b = gv.model.varighed_måneder, nv.model.varighed_måneder
    if a != b:
        yield Ændring("D020", f"Varigheden er ændret fra {a} til {b} måneder.", felt="varighed_måneder", før=a, efter=b,
                      sted_gammel=gv.sted("varighed_måneder"), sted_ny=nv.sted("varighed_måneder"))


def _mønster(gv: Version, nv: Version) -> Iterator[Ændring]:
    """The usual ansættelser of the phase (almen medicin's 2024 reform moves months to almen praksis)."""
    g, n = gv.model, nv.model
    a, b = regler.mønstertekst(g.ansættelsesmønster, g.speciale), regler.mønstertekst(n.ansættelsesmønster, n.speciale)
    if a != b or g.ansættelsesmønster_rækkefølge != n.ansættelsesmønster_rækkefølge:
        yield Ændring("D026", f"Ansættelsesmønsteret er ændret fra {a or 'intet'} til {b or 'intet'} måneder.",
                      felt="ansættelsesmønster", før=a, efter=b, sted_gammel=gv.sted("ansættelsesmønster"),
                      sted_ny=nv.sted("ansættelsesmønster"))


def vindue(k: Kursus, varighed: int) -> tuple[int, int]:
    """The course's months in a phase of ``varighed`` months, by the same rule the checks use."""
    return regler.kursusvindue(k, varighed)


def vis_vindue(v: tuple[int | None, int | None]) -> str:
    if not v[1]:
        return f"måned {v[0] or 1}–fasens slut"
    return måneder_tekst(v[0] or 1, v[1])


def strammet(før: tuple[int, int], efter: tuple[int, int]) -> bool:
    """True when some month allowed before is no longer allowed."""
    return efter[0] > før[0] or efter[1] < før[1]


def _kursusnavn(k: Kursus) -> str:
    return f"{k.id} »{k.titel}«"


#: How the report names a course's fields; every field of the model but its id is compared (D025), so a field
#: added to the model is never missed. The window's fields are D023/D024 when the months change.
_KURSUSFELTER = {"titel": "titel", "type": "type", "varighed": "varighed", "timer": "timer",
                 "beskrivelse": "beskrivelsen", "kilde": "kilden"}
_LANG_TEKST = ("beskrivelse",)  # shown as "ændret", not quoted before and after


def _kursusfelter(k: Kursus, nk: Kursus, vindue_meldt: bool) -> list[str]:
    """The course's changed fields, in the model's order; the window's only when D023/D024 has not said it."""
    return [f for f in type(k).model_fields if f != "id" and getattr(k, f) != getattr(nk, f)
            and not (vindue_meldt and f in regler.VINDUESFELTER)]


def _kursusændring(k: Kursus, nk: Kursus, felter: list[str]) -> str:
    """'timer: 28 → 21; titel: »A« → »B«; beskrivelsen ændret' — each changed field with its values."""
    dele, vindue = [], False
    for f in felter:
        if f in regler.VINDUESFELTER:
            vindue = True
        elif f in _LANG_TEKST:
            dele.append(f"{_KURSUSFELTER.get(f, f)} ændret")
        else:
            før, efter = getattr(k, f), getattr(nk, f)
            vis = (lambda v: "intet" if v is None else f"»{visningsnavn(v)}«") if f != "timer" else \
                (lambda v: "intet" if v is None else str(v))
            dele.append(f"{_KURSUSFELTER.get(f, f)}: {vis(før)} → {vis(efter)}")
    if vindue:
        dele.append(f"tidsvinduet skrevet om fra »{regler.vinduesregel(k) or 'hele fasen'}« til "
                    f"»{regler.vinduesregel(nk) or 'hele fasen'}« (samme måneder)")
    return "; ".join(dele)


def _kurser(gv: Version, nv: Version) -> Iterator[Ændring]:
    g, n = gv.model, nv.model
    gi, ni = _indeks(g, "kurser"), _indeks(n, "kurser")
    for k in g.kurser:
        if k.id not in ni:
            yield Ændring("D022", f"Kurset {_kursusnavn(k)} er fjernet.", gamle=(k.id,),
                          sted_gammel=gv.sted("kurser", gi[k.id]))
            continue
        nk = n.kurser[ni[k.id]]
        steder = dict(sted_gammel=gv.sted("kurser", gi[k.id]), sted_ny=nv.sted("kurser", ni[k.id]))
        fv, nyt = vindue(k, g.varighed_måneder), vindue(nk, n.varighed_måneder)
        # Same rule, other months only because the phase's length changed: D020 says that already.
        vindue_meldt = regler.vinduesfelter(k) != regler.vinduesfelter(nk) and fv != nyt
        if vindue_meldt:
            stram = strammet(fv, nyt)
            yield Ændring("D023" if stram else "D024",
                          f"Kurset {_kursusnavn(nk)}: tidsvinduet er {'strammet' if stram else 'lempet'} "
                          f"fra {regler.vis_kursusvindue(k, g.varighed_måneder)} til "
                          f"{regler.vis_kursusvindue(nk, n.varighed_måneder)}.",
                          gamle=(k.id,), nye=(k.id,), felt="tidsvindue", før=list(fv), efter=list(nyt), **steder)
        felter = _kursusfelter(k, nk, vindue_meldt)
        if felter:
            yield Ændring("D025", f"Kurset {_kursusnavn(nk)}: {_kursusændring(k, nk, felter)}.", gamle=(k.id,),
                          nye=(k.id,), felt=",".join(felter), før={f: _json(getattr(k, f)) for f in felter},
                          efter={f: _json(getattr(nk, f)) for f in felter}, **steder)
    for k in n.kurser:
        if k.id not in gi:
            yield Ændring("D021", f"Kurset {_kursusnavn(k)} er nyt.", nye=(k.id,), sted_ny=nv.sted("kurser", ni[k.id]))


def _json(v: Any) -> Any:
    return v if v is None or isinstance(v, (int, str, bool)) else str(v)


def _forskningstræning(gv: Version, nv: Version) -> Iterator[Ændring]:
    a, b = gv.model.forskningstræning, nv.model.forskningstræning
    if a == b:
        return
    steder = dict(sted_gammel=gv.sted("forskningstræning"), sted_ny=nv.sted("forskningstræning"))
    if a is None:
        yield Ændring("D030", f"Forskningstræning ({b.dage} dage) er nu et krav.", felt="forskningstræning", **steder)
    elif b is None:
        yield Ændring("D031", "Forskningstræningen er ikke længere et krav.", felt="forskningstræning", **steder)
    else:
        felter = [f for f in type(a).model_fields if getattr(a, f) != getattr(b, f)]
        dele = [f"{_FORSKNINGSFELTER.get(f, f)}: {_vis(getattr(a, f))} → {_vis(getattr(b, f))}"
                for f in felter if f != "beskrivelse"]
        if "beskrivelse" in felter:
            dele.append("beskrivelsen")
        yield Ændring("D032", f"Kravene til forskningstræning er ændret ({'; '.join(dele)}).", felt=",".join(felter),
                      før={f: getattr(a, f) for f in felter}, efter={f: getattr(b, f) for f in felter}, **steder)


#: How the report names the research-training rules (the YAML keys are for authors, not committees).
_FORSKNINGSFELTER = {
    "dage": "dage i alt",
    "teori_dage": "teoridage",
    "projekt_dage": "projektdage",
    "start_senest_måned": "start senest i måned",
    "slut_senest_måneder_før_slut": "afsluttet måneder før fasens slutning",
    "teori_inden_måneder": "teoridelen afsluttet inden for måneder",
}


def _vis(v: Any) -> str:
    return "intet" if v is None else dansk_dato(v) if hasattr(v, "isoformat") else str(v)


_VERSIONSFELTER = ("version", "versionsdato", "gyldig_fra", "gælder_for", "udfaset")
_ØVRIGE_FELTER = ("udarbejdet_af", "godkendt_af", "kilde", "beskrivelse", "illustrativ")


def _metadata(gv: Version, nv: Version) -> Iterator[Ændring]:
    g, n = gv.model, nv.model
    felter = [f for f in _VERSIONSFELTER if getattr(g, f) != getattr(n, f)]
    if felter:
        dele = [f"{f}: {_vis(getattr(g, f))} → {_vis(getattr(n, f))}" for f in felter]
        yield Ændring("D040", f"Versionsoplysninger ændret ({'; '.join(dele)}).", felt=",".join(felter),
                      før={f: _json(getattr(g, f)) for f in felter}, efter={f: _json(getattr(n, f)) for f in felter},
                      sted_gammel=gv.sted(felter[0]), sted_ny=nv.sted(felter[0]))
    felter = [f for f in _ØVRIGE_FELTER if getattr(g, f) != getattr(n, f)]
    if felter:
        yield Ændring("D041", f"Ændret: {_opremsning(felter)}.", felt=",".join(felter),
                      før={f: _json(getattr(g, f)) for f in felter}, efter={f: _json(getattr(n, f)) for f in felter},
                      sted_gammel=gv.sted(felter[0]), sted_ny=nv.sted(felter[0]))
