"""The forløb of a repository: each programme's head and ansættelser, with the rounds and targets about them.

`uddprog stats` counts them and `uddprog validate` checks recruitment rounds against them (a round names
forløb by the programmes' ``forløb:``). Reading is the expensive part over a national corpus, so a programme
is read only as far as its head and ansættelser (:func:`uddprog.loading.indlæs_udsnit`); rounds and targets
are small and are loaded whole. Large batches are spread over all cores (``uddprog.parallel``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import Field

from .findings import Finding, Location
from .loading import Dokument, LoadError, indlæs, indlæs_udsnit, læs_tekst
from .models import Aftale, Ansaettelse, MaalbeskrivelseReference, Rekrutteringsrunde
from .models.base import Dokumentdel, Tekst
from .models.program import forløbsbetegnelse
from .models.vocab import Videreuddannelsesregion
from .navne import outputnavn, slug
from .parallel import antal_jobs, i_bundter
from .rod import yaml_filer


class ProgramUdsnit(Dokumentdel):
    """The parts of a programme statistics counts; the same field types as ``Uddannelsesprogram``."""

    titel: Tekst
    målbeskrivelse: MaalbeskrivelseReference
    videreuddannelsesregion: Videreuddannelsesregion
    forløb: Tekst | Annotated[list[Tekst], Field(min_length=1)]
    ansættelser: list[Ansaettelse] = Field(min_length=1)

    @property
    def varighed_måneder(self) -> int:
        return sum(a.måneder for a in self.ansættelser)


@dataclass(frozen=True)
class Ansat:
    """One ansættelse as statistics sees it."""

    driftsregion: str
    universitetshospital: bool
    type: str
    måneder: int
    speciale: str = ""  # the specialty the months are spent in (a side ansættelse's own, else the forløb's)


@dataclass(frozen=True)
class Forløb:
    """One programme's forløb: where its months are spent. A programme for several forløb with the same
    ansættelser is one ``Forløb`` with several ``navne``; it counts as that many forløb."""

    fil: Path
    titel: str
    navn: str  # the names as a reader reads them ('Holstebro–Aarhus, forløb 1 og 5')
    region: str
    speciale: str
    fase: str
    ansættelser: tuple[Ansat, ...]
    sted: Location  # the 'forløb:' line, for messages
    outputnavn: str = ""  # 'region/name' as render writes it (P028)
    fund: tuple[Finding, ...] = ()  # the checks of the counted parts, when the reader was given them
    navne: tuple[str, ...] = ()  # every forløb name (one, or several)
    udkast: bool = False  # 'status: udkast': not counted unless asked for

    @property
    def antal(self) -> int:
        """How many forløb this is (a programme may be for several)."""
        return len(self.navne) or 1

    @property
    def start(self) -> str:
        return self.ansættelser[0].driftsregion

    @property
    def slut(self) -> str:
        return self.ansættelser[-1].driftsregion

    @property
    def måneder(self) -> int:
        return sum(a.måneder for a in self.ansættelser)


def forløb_fra(dok: Dokument, kontrol: Kontrol | None = None, udkast: bool | None = None) -> Forløb:
    """The forløb of a loaded programme (whole, or the parts ``ProgramUdsnit`` reads; then ``udkast`` says
    whether the file is a draft, which the excerpt does not read). ``kontrol`` checks the counted parts."""
    p = dok.model
    if udkast is None:
        udkast = getattr(p, "status", None) == "udkast"
    navne = (p.forløb,) if isinstance(p.forløb, str) else tuple(p.forløb)
    eget = p.målbeskrivelse.speciale
    return Forløb(
        fil=dok.fil, titel=p.titel, navn=forløbsbetegnelse(list(navne)), region=str(p.videreuddannelsesregion),
        speciale=eget, fase=str(p.målbeskrivelse.fase),
        ansættelser=tuple(Ansat(str(a.driftsregion), a.universitetshospital, str(a.type), a.måneder,
                                a.speciale or eget) for a in p.ansættelser),
        sted=dok.sted("forløb"), outputnavn=outputnavn(p), navne=navne, udkast=udkast,
        fund=tuple(kontrol(dok)) if kontrol else ())


_PROGRAMMÆRKE = re.compile(r"^(?:ansættelser|kompetenceplan)[ \t]*:", re.M)
#: A draft, told from its text: the excerpt statistics reads stops before keys it does not need.
_UDKAST = re.compile(r"^status[ \t]*:[ \t]*(?:udkast|'udkast'|\"udkast\")[ \t]*(?:#.*)?$", re.M)
#: Målbeskrivelser and templates count for nothing here; a repository root given as PATH holds them.
_ANDET = re.compile(r"^(?:kompetencer|revision_måneder)[ \t]*:", re.M)


#: Checks of a programme's counted parts, run where it is read (in a worker for a large batch); module-level
#: or a ``functools.partial`` of one, so it can be sent to a worker. `uddprog stats` gives
#: ``checks.valider_udsnit`` with the catalogue.
Kontrol = Callable[[Dokument], list[Finding]]


def er_udkast(fil: Path) -> bool:
    """Whether a YAML file is a draft programme (``status: udkast`` at the top level), from its text alone:
    `uddprog site` leaves drafts out before reading them."""
    try:
        return bool(_UDKAST.search(læs_tekst(fil)))
    except LoadError:
        return False


def læs_fil(fil: Path, kontrol: Kontrol | None = None) -> tuple[str, object]:
    """One file for statistics: ('program', Forløb), ('rekrutteringsrunde'|'aftale', Dokument),
    ('fund', [Finding]) when it cannot be read, or (kind, None) for other document kinds."""
    try:
        tekst = læs_tekst(fil)
        if _PROGRAMMÆRKE.search(tekst):
            return "program", forløb_fra(indlæs_udsnit(fil, ProgramUdsnit, tekst=tekst), kontrol,
                                         udkast=bool(_UDKAST.search(tekst)))
        if _ANDET.search(tekst):
            return "andet", None
        dok = indlæs(fil, tekst=tekst)
    except LoadError as e:
        return "fund", e.fund
    if dok.type == "uddannelsesprogram":  # a programme written in an unusual style
        return "program", forløb_fra(dok, kontrol)
    if dok.type in ("rekrutteringsrunde", "aftale"):
        return dok.type, dok
    return dok.type, None


@dataclass
class Indlæst:
    forløb: list[Forløb] = field(default_factory=list)
    runder: list[Dokument[Rekrutteringsrunde]] = field(default_factory=list)
    aftaler: list[Dokument[Aftale]] = field(default_factory=list)
    fund: list[Finding] = field(default_factory=list)
    filer: int = 0


_BUNDT = 64


def _læs_bundt(kontrol: Kontrol | None, filer: list[Path]) -> list[tuple[str, object]]:
    return [læs_fil(f, kontrol) for f in filer]


def læs_alle(filer: list[Path], jobs: int | None = None, kontrol: Kontrol | None = None) -> Indlæst:
    """Every file, in the given order; spread over processes from ``parallel.PARALLEL_FRA`` files on. With
    ``kontrol``, each programme's counted parts are checked where it is read (``Forløb.fund``)."""
    jobs = antal_jobs(jobs, len(filer), _BUNDT)
    resultater = [r for del_ in i_bundter(_læs_bundt, filer, jobs, _BUNDT, (kontrol,)) for r in del_]
    ud = Indlæst(filer=len(filer))
    for art, værdi in resultater:
        if art == "program":
            ud.forløb.append(værdi)
        elif art == "rekrutteringsrunde":
            ud.runder.append(værdi)
        elif art == "aftale":
            ud.aftaler.append(værdi)
        elif art == "fund":
            ud.fund.extend(værdi)
    return ud


# --- the index rounds refer through ------------------------------------------

Celle = tuple[str, str, str]  # (videreuddannelsesregion, speciale slug, fase)


def celle(region: str, speciale: str, fase: str) -> Celle:
    return (str(region), slug(speciale), str(fase))


def forløbsindeks(forløb: list[Forløb]) -> dict[Celle, dict[str, list[Forløb]]]:
    """Forløb by (region, specialty, phase) and name. A name held by two programmes is P028 on the later one
    (the same output name); a round's posts then go to the first, as render renders only the first."""
    indeks: dict[Celle, dict[str, list[Forløb]]] = {}
    for f in forløb:
        for navn in f.navne or (f.navn,):  # a programme for several forløb is found by each of its names
            indeks.setdefault(celle(f.region, f.speciale, f.fase), {}).setdefault(navn.strip(), []).append(f)
    return indeks


def repository_indeks(mappe: Path) -> dict[Celle, dict[str, list[Forløb]]]:
    """The forløb of a repository's programme folder, for validating rounds without their programmes
    (`uddprog validate` builds it once per run and passes it to every round)."""
    mappe = Path(mappe)
    filer = yaml_filer(mappe) if mappe.is_dir() else []
    return forløbsindeks([v for art, v in map(læs_fil, filer) if art == "program"])
