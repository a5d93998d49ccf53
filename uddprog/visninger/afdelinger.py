"""What all the programmes promise at one department or practice: the view of the inspector, the UAO and the trainee.

A department is an ansættelse's ``afdeling`` at its ``sted`` (hospital or practice), compared by slug, so
"Neurologi, Aarhus Universitetshospital" written the same way in twenty programmes is one department. For
each it gathers, from every programme with an ansættelse there:

- the forløb that pass through (programme, phase, forløb, months, the months of the forløb they cover, the
  approval date and the målbeskrivelse version, and whether a newer version exists);
- each competency planned there with its learning and assessment methods and the målbeskrivelse's
  kompetencekort, grouped by målbeskrivelse and competency so a competency twenty forløb plan there is one row;
- the courses and fokuserede ophold placed in the ansættelse's months, and the vejledersamtaler promised;
- the department's presentation and the programme's texts on introduction, supervision and teaching
  (each distinct text once, with the programmes that carry it);
- the UAO's contact where the programme names it.

Pure: documents and the catalogue in, plain values out; the site, the Word document and the spreadsheet
render them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..catalog import Katalog
from ..datoer import måneder_tekst
from ..markdown import som_tekst
from ..models import Ansvarsrolle, Uddannelsesprogram, visningsnavn
from ..models.program import UDKAST
from ..navne import slug

#: Programme sections that speak about the department's daily training: shown on its page when present.
AFDELINGSSEKTIONER = ("introduktion-til-afdelingen", "introduktion", "ansvarsfordeling", "arbejdstilrettelaeggelse",
                      "supervision", "undervisning", "vejledning")


@dataclass(frozen=True)
class Kontakt:
    navn: str
    rolle: str  # "UAO", "PKL", "Tutorlæge" …
    titel: str = ""
    telefon: str = ""
    email: str = ""
    program: str = ""  # the programme's title the contact comes from


@dataclass
class Forløbspost:
    titel: str
    fil: Path
    side: str | None  # the programme's page on the site, if any
    speciale: str
    fase: str
    forløb: str
    region: str
    ansættelse: str
    type: str
    måneder: int
    fra_måned: int
    til_måned: int
    godkendt: date | None
    godkendt_af: str
    version: str
    nyeste_version: str | None
    kladde: bool = False
    samtaler: list[str] = field(default_factory=list)

    @property
    def periode(self) -> str:
        return måneder_tekst(self.fra_måned, self.til_måned)

    @property
    def nyere_findes(self) -> bool:
        return self.nyeste_version is not None and self.nyeste_version != self.version


@dataclass
class Kompetencerække:
    """One competency of one målbeskrivelse planned at the department, with the forløb that plan it."""

    målbeskrivelse: str  # "Neurologi, hoveduddannelse, version 2015"
    id: str
    titel: str
    vurderingsmetoder: list[str]
    læringsmetoder: list[str]
    kompetencekort: list[str]
    forløb: list[tuple[str, str]] = field(default_factory=list)  # (forløb, period)


@dataclass
class Placering:
    """A course or a fokuseret ophold placed in the department's months of a forløb."""

    art: str  # "kursus" / "ophold"
    titel: str
    forløb: str
    periode: str
    bemærkning: str = ""


@dataclass
class Tekst:
    overskrift: str
    tekst: str
    programmer: list[str] = field(default_factory=list)


@dataclass
class Afdeling:
    navn: str  # the ansættelse's afdeling
    sted: str
    slug: str
    type: str
    driftsregioner: list[str] = field(default_factory=list)
    forløb: list[Forløbspost] = field(default_factory=list)
    kompetencer: list[Kompetencerække] = field(default_factory=list)
    placeringer: list[Placering] = field(default_factory=list)
    tekster: list[Tekst] = field(default_factory=list)
    kontakter: list[Kontakt] = field(default_factory=list)

    @property
    def titel(self) -> str:
        return f"{self.navn}, {self.sted}"

    @property
    def regioner(self) -> list[str]:
        return sorted({f.region for f in self.forløb})

    @property
    def specialer(self) -> list[str]:
        return sorted({f.speciale for f in self.forløb})

    @property
    def antal_forløb(self) -> int:
        """Distinct forløb (a forløb with two ansættelser at the department counts once)."""
        return len({(f.titel, f.forløb) for f in self.forløb})

    @property
    def måneder(self) -> int:
        return sum(f.måneder for f in self.forløb)

    @property
    def søgetekst(self) -> str:
        return " ".join(dict.fromkeys(f"{self.navn} {self.sted} {' '.join(self.specialer)} {' '.join(self.regioner)}"
                                      .lower().split()))


def afdelingsnøgle(afdeling: str, sted: str) -> str:
    return slug(f"{afdeling} {sted}")


def _kontakter(p: Uddannelsesprogram, a) -> list[Kontakt]:
    """The UAO (or tutorlæge) of an ansættelse: its own contact when the programme gives one, else an author
    with that role whose title names the place."""
    ud = []
    egen = getattr(a, "uao", None)  # a contact on the ansættelse itself, where the model has one
    if egen is not None:
        ud.append(Kontakt(getattr(egen, "navn", ""), "UAO", getattr(egen, "titel", "") or "",
                          getattr(egen, "telefon", "") or "", getattr(egen, "email", "") or "", p.titel))
    sted = slug(a.sted)
    for f in p.ansvar.udarbejdet_af:
        if f.rolle in (Ansvarsrolle.UAO, Ansvarsrolle.TUTORLAEGE) and f.titel and sted and sted in slug(f.titel):
            if not any(k.navn == f.navn for k in ud):
                ud.append(Kontakt(f.navn, "UAO" if f.rolle == Ansvarsrolle.UAO else "Tutorlæge", f.titel,
                                  getattr(f, "telefon", "") or "", getattr(f, "email", "") or "", p.titel))
    return ud


def _samtaler(a) -> list[str]:
    ud = [f"{visningsnavn(s.type)} senest dag {s.senest_dag}" for s in a.vejledersamtaler]
    if a.uddannelsesplan_senest_dag:
        ud.insert(0, f"Uddannelsesplan senest dag {a.uddannelsesplan_senest_dag}")
    return ud


def afdelinger(programmer: Iterable[tuple[Uddannelsesprogram, Path, str | None]], katalog: Katalog) -> list[Afdeling]:
    """Every department with at least one ansættelse in ``programmer`` ((model, file, site page) triples),
    sorted Danish-alphabetically by hospital, then department."""
    ud: dict[str, Afdeling] = {}
    navne: dict[str, Counter] = {}
    kompetencer: dict[str, dict[tuple, Kompetencerække]] = {}
    tekster: dict[str, dict[tuple, Tekst]] = {}
    mb_cache: dict[tuple, object] = {}
    nyeste: dict[tuple, str | None] = {}
    for p, fil, side in programmer:
        ref = p.målbeskrivelse
        nøgle_mb = (ref.speciale, str(ref.fase), ref.version)
        if nøgle_mb not in mb_cache:
            d = katalog.målbeskrivelse(ref)
            mb_cache[nøgle_mb] = (d.model, {k.id: k for k in d.model.kompetencer},
                                  {c.id: c for c in d.model.kurser}) if d else (None, {}, {})
            versioner = katalog.versioner(ref.speciale, ref.fase)
            nyeste[nøgle_mb] = versioner[-1].model.version if versioner else None
        _, mb_kompetencer, mb_kurser = mb_cache[nøgle_mb]
        mb_navn = f"{ref.speciale}, {visningsnavn(ref.fase).lower()}, version {ref.version}"
        skabelon = katalog.skabelon(p.skabelon)
        sektionstitler = {s.id: s.titel for s in skabelon.model.sektioner} if skabelon else {}
        perioder = p.perioder()
        kladde = getattr(p, "status", None) == UDKAST
        for a in p.ansættelser:
            n = afdelingsnøgle(a.afdeling, a.sted)
            if not n:
                continue
            afd = ud.get(n)
            if afd is None:
                afd = ud[n] = Afdeling(a.afdeling, a.sted, n, visningsnavn(a.type))
                navne[n] = Counter()
                kompetencer[n], tekster[n] = {}, {}
            navne[n][(a.afdeling, a.sted)] += 1
            drift = str(a.driftsregion)
            if drift != "UDFYLD" and drift not in afd.driftsregioner:
                afd.driftsregioner.append(drift)
            fra, til = perioder[a.id]
            afd.forløb.append(Forløbspost(
                p.titel, Path(fil), side, ref.speciale, str(ref.fase), p.forløbsbetegnelse, str(p.videreuddannelsesregion), a.id,
                visningsnavn(a.type), a.måneder, fra, til, p.ansvar.godkendt_dato, p.ansvar.godkendt_af or "",
                ref.version, nyeste[nøgle_mb], kladde, _samtaler(a)))
            for pl in p.kompetenceplan:
                if pl.ansættelse != a.id:
                    continue
                k = mb_kompetencer.get(pl.kompetence)
                rk = (mb_navn, pl.kompetence)
                række = kompetencer[n].get(rk)
                if række is None:
                    metoder = pl.vurderingsmetoder or (k.vurderingsmetoder if k else [])
                    række = kompetencer[n][rk] = Kompetencerække(
                        mb_navn, pl.kompetence, k.titel if k else pl.kompetence, [visningsnavn(m) for m in metoder],
                        [visningsnavn(m) for m in pl.læringsmetoder],
                        [f"{c.id}: {c.titel}" for c in (k.kompetencekort if k else [])])
                else:
                    for m in pl.vurderingsmetoder:
                        if visningsnavn(m) not in række.vurderingsmetoder:
                            række.vurderingsmetoder.append(visningsnavn(m))
                række.forløb.append((p.forløbsbetegnelse, måneder_tekst(pl.fra_måned, pl.til_måned)))
            for pk in p.kurser:
                if fra <= pk.måned <= til:
                    kursus = mb_kurser.get(pk.kursus)
                    afd.placeringer.append(Placering("kursus", kursus.titel if kursus else pk.kursus, p.forløbsbetegnelse,
                                                     måneder_tekst(pk.måned, pk.måned), pk.bemærkning or ""))
            for o in p.fokuserede_ophold:
                if o.ansættelse == a.id:
                    afd.placeringer.append(Placering("ophold", o.sted, p.forløbsbetegnelse, måneder_tekst(o.fra_måned, o.til_måned),
                                                     som_tekst(o.formål)))
            tekstdele = [("Præsentation af afdelingen", a.beskrivelse)] + [
                (sektionstitler.get(s, s.replace("-", " ").capitalize()), p.sektioner[s])
                for s in AFDELINGSSEKTIONER if p.sektioner.get(s)]
            for overskrift, tekst in tekstdele:
                t = tekster[n].setdefault((overskrift, tekst.strip()), Tekst(overskrift, tekst.strip()))
                if p.titel not in t.programmer:
                    t.programmer.append(p.titel)
            for kontakt in _kontakter(p, a):
                if not any(k.navn == kontakt.navn and k.rolle == kontakt.rolle for k in afd.kontakter):
                    afd.kontakter.append(kontakt)
    for n, afd in ud.items():
        afd.navn, afd.sted = navne[n].most_common(1)[0][0]
        afd.forløb.sort(key=lambda f: (dansk(f.speciale), f.fase, dansk(f.forløb), f.fra_måned))
        afd.kompetencer = sorted(kompetencer[n].values(), key=lambda r: (dansk(r.målbeskrivelse), _id_orden(r.id)))
        afd.placeringer.sort(key=lambda pl: (pl.art, dansk(pl.titel), dansk(pl.forløb)))
        afd.tekster = list(tekster[n].values())
        afd.driftsregioner.sort()
    return sorted(ud.values(), key=lambda a: (dansk(a.sted), dansk(a.navn)))


_DANSK = str.maketrans({"æ": "z\x01", "ø": "z\x02", "å": "z\x03"})


def dansk(tekst: str) -> str:
    """Danish alphabetical order: æ, ø and å after z."""
    return tekst.lower().translate(_DANSK)


def _id_orden(kid: str) -> tuple:
    return tuple((0, int(d), "") if d.isdigit() else (1, 0, d) for d in kid.replace(".", " ").split())
