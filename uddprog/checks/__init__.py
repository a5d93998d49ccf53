"""Validation: every rule in one registry, run on single documents and on programmes with their references.

Library use::

    from uddprog.checks import valider
    resultat = valider([Path("examples")])
    for fund in resultat.fund: print(fund)
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ..catalog import Katalog
from ..rod import AFTALE_MAPPE, MB_MAPPE, RUNDE_MAPPE, SKABELON_FIL, SKABELON_MAPPE, yaml_filer
from ..findings import Finding, Location, Severity, sorteret
from ..loading import Dokument, LoadError, indlæs
from . import dokument as _dokument, program as _program, rekruttering as _rekruttering, uddannelse as _uddannelse  # noqa: F401,E501  (registers the checks)
from .kontekst import DokumentKontekst, ProgramKontekst
from .registry import REGISTER, Check, beskriv, checks_for
from .. import config as _config

for _id, (_alvor, _titel) in _config.KONTROLLER.items():
    beskriv(_id, _alvor, _titel, "konfiguration")

beskriv("L007", Severity.ERROR, "Mappen indeholder ingen YAML-filer", "indlæsning")
beskriv("P028", Severity.ERROR, "To programmer får samme outputnavn (samme region, speciale, fase og forløb)", "program")

_OMRÅDE = {"målbeskrivelse": "målbeskrivelse", "skabelon": "skabelon", "uddannelsesprogram": None,
           "rekrutteringsrunde": "rekrutteringsrunde", "aftale": "aftale"}

__all__ = ["REGISTER", "Check", "Resultat", "samme_outputnavn", "standardstier", "valider", "valider_dokument",
           "valider_fil", "valider_program"]


def valider_dokument(dok: Dokument, katalog: Katalog) -> list[Finding]:
    """Checks of one loaded document on its own (duplicate ids, målbeskrivelse and template rules)."""
    kontekst = DokumentKontekst(dok, katalog)
    områder = ["skema"] + ([_OMRÅDE[dok.type]] if _OMRÅDE[dok.type] else [])
    return [f for område in områder for c in checks_for(område) for f in c.kør(kontekst)]


def valider_program(dok: Dokument, katalog: Katalog, dato: date | None = None) -> list[Finding]:
    """Checks of a programme against its målbeskrivelse and national template."""
    kontekst = ProgramKontekst(dok, katalog, dato or date.today())
    fund: list[Finding] = []
    for c in checks_for("program"):
        fund.extend(c.kør(kontekst))
    return fund


def valider_fil(fil: Path, katalog: Katalog, dato: date | None = None) -> tuple[Dokument | None, list[Finding]]:
    """Load and check one file; the document is None when it could not be loaded."""
    try:
        dok = indlæs(fil)
    except LoadError as e:
        return None, e.fund
    fund = valider_dokument(dok, katalog)
    if dok.type == "uddannelsesprogram":
        fund.extend(valider_program(dok, katalog, dato))
    return dok, fund


@dataclass
class Resultat:
    filer: list[Path] = field(default_factory=list)
    fund: list[Finding] = field(default_factory=list)

    def antal(self, severity: Severity) -> int:
        return sum(1 for f in self.fund if f.severity == severity)

    @property
    def ulæselig(self) -> bool:
        """True when some input could not be read at all (exit code 2)."""
        return any(f.check.startswith("L") for f in self.fund)

    def værste(self) -> Severity | None:
        return max((f.severity for f in self.fund), key=lambda s: s.rang, default=None)


def standardstier(katalog: Katalog) -> list[Path]:
    """What `uddprog validate` checks with no arguments: the repository's own documents."""
    rod = katalog.rod
    stier = [rod / MB_MAPPE, *sorted((rod / SKABELON_MAPPE).glob(f"*/{SKABELON_FIL}")), katalog.programmappe,
             rod / RUNDE_MAPPE, rod / AFTALE_MAPPE]
    return [s for s in stier if s.exists()]


def udvid(stier: Iterable[Path]) -> tuple[list[Path], list[Finding]]:
    """Files named directly, plus every YAML file below a named folder."""
    filer: list[Path] = []
    fund: list[Finding] = []
    for sti in stier:
        sti = Path(sti)
        if sti.is_dir():
            fundne = yaml_filer(sti)
            if not fundne:
                fund.append(Finding("L007", Severity.ERROR, "Mappen indeholder ingen YAML-filer (.yaml eller .yml).",
                                    Location(sti)))
            filer.extend(fundne)
        else:
            filer.append(sti)
    return list(dict.fromkeys(filer)), fund


#: From this many files on, `valider` spreads the work over all cores unless told otherwise.
PARALLEL_FRA = 200
_BUNDT = 32  # files per task sent to a worker process


def valider(stier: Iterable[Path] | None = None, katalog: Katalog | None = None, dato: date | None = None,
            jobs: int | None = None) -> Resultat:
    """Validate files and folders (default: the whole repository); findings come sorted by place.

    ``jobs`` is the number of processes; None means every core for a batch of at least PARALLEL_FRA
    files (or the UDDPROG_JOBS environment variable), one process otherwise. Findings are the same
    either way: each file is checked on its own against the shared catalog.
    """
    stier = list(stier or [])
    katalog = katalog or Katalog.find(Path(stier[0]) if stier else None)
    filer, fund = udvid(stier or standardstier(katalog))
    jobs = _antal_jobs(jobs, len(filer))
    navne: list[tuple[str, Location]] = []

    def kør(filer: list[Path], forløb: list | None = None) -> list[Finding]:
        if _antal_jobs(jobs, len(filer)) > 1:
            return _valider_parallelt(filer, katalog, dato, jobs, navne, forløb)
        return _valider_filer(filer, katalog, dato, navne, forløb)

    opdelt = _runder_sidst(filer, katalog)
    if opdelt is None:
        fund.extend(kør(filer))
    else:
        først, runder, indeksnavne = opdelt
        forløb: list = []
        fund.extend(kør(først, forløb))
        katalog.__dict__["forløbsindeks"] = _forløbsindeks(dict(zip(først, forløb)), indeksnavne)
        fund.extend(kør(runder))
    fund.extend(samme_outputnavn(navne))
    return Resultat(filer=filer, fund=sorteret(fund + _katalogfund(katalog, fund)))


def samme_outputnavn(navne: list[tuple[str, Location]]) -> list[Finding]:
    """P028: programmes `uddprog render` would write to the same files (only one of them could be rendered).

    ``navne`` are (output name, the programme's ``forløb:`` place) in file order; the first programme with a
    name keeps it, every later one gets the finding. Two programmes with the same forløb name in one region,
    specialty and phase always share their output name, so this is also the one report of a forløb name a
    recruitment round cannot tell apart (`uddprog stats` makes the same finding).
    """
    første: dict[str, Location] = {}
    fund = []
    for navn, sted in navne:
        if navn in første:
            fund.append(Finding("P028", Severity.ERROR,
                                f"Programmet får samme outputnavn ({navn}) som {første[navn].fil}, så 'uddprog render' "
                                "kan kun danne det ene. Giv forløbene forskellige navne under 'forløb'.", sted))
        else:
            første[navn] = sted
    return fund


def _katalogfund(katalog: Katalog, fund: list[Finding]) -> list[Finding]:
    """Målbeskrivelser and templates that could not be loaded, unless already reported.

    Without these, a programme whose målbeskrivelse has a syntax error would only hear
    "P001 findes ikke", not why.
    """
    katalog.målbeskrivelser, katalog.skabeloner  # load them here too when workers did the checking
    kendte = {(f.check, f.sted) for f in fund}
    return [f for f in dict.fromkeys(katalog.fund) if (f.check, f.sted) not in kendte]


def _antal_jobs(jobs: int | None, antal_filer: int) -> int:
    if jobs is None:
        miljø = os.environ.get("UDDPROG_JOBS", "")
        if miljø.isdigit() and int(miljø) > 0:
            jobs = int(miljø)
        else:
            jobs = (os.cpu_count() or 1) if antal_filer >= PARALLEL_FRA else 1
    return max(1, min(jobs, -(-antal_filer // _BUNDT)))


_ARBEJDER: tuple[Katalog, date | None] | None = None


def _start_arbejder(katalog: Katalog, dato: date | None) -> None:
    global _ARBEJDER
    _ARBEJDER = (katalog, dato)


def _valider_filer(filer: list[Path], katalog: Katalog, dato: date | None,
                   navne: list[tuple[str, Location]] | None = None, forløb: list | None = None) -> list[Finding]:
    """Every file's findings; ``navne`` collects each programme's output name for P028, ``forløb`` each
    programme's forløb as statistics reads it (the index recruitment rounds are checked against)."""
    from ..navne import outputnavn

    fund: list[Finding] = []
    for fil in filer:
        dok, egne = valider_fil(fil, katalog, dato)
        fund.extend(egne)
        if navne is not None and dok is not None and dok.type == "uddannelsesprogram":
            navne.append((outputnavn(dok.model), dok.sted("forløb")))
        if forløb is not None:
            forløb.append(_forløb(fil, dok))
    return fund


def _forløb(fil: Path, dok: Dokument | None):
    """A file's forløb as `uddprog stats` reads it, from the document validation loaded where it could."""
    from ..stats.forloeb import forløb_fra, læs_fil

    if dok is not None:
        return forløb_fra(dok) if dok.type == "uddannelsesprogram" else None
    art, v = læs_fil(fil)  # not a valid programme: statistics may still count its forløb
    return v if art == "program" else None


def _valider_bundt(filer: list[Path]) -> tuple[list[Finding], list[tuple[str, Location]], list]:
    assert _ARBEJDER is not None
    navne: list[tuple[str, Location]] = []
    forløb: list = []
    return _valider_filer(filer, *_ARBEJDER, navne, forløb), navne, forløb


def _valider_parallelt(filer: list[Path], katalog: Katalog, dato: date | None, jobs: int,
                       navne: list[tuple[str, Location]], forløb: list | None = None) -> list[Finding]:
    from concurrent.futures import ProcessPoolExecutor
    import multiprocessing

    # Load the shared målbeskrivelser and templates once, before the workers start: with fork they
    # inherit them, with spawn they arrive pickled with the catalog.
    katalog.målbeskrivelser, katalog.skabeloner, katalog._versionsindeks  # noqa: B018
    if (katalog.rod / RUNDE_MAPPE).is_dir() and forløb is None:
        katalog.forløbsindeks  # noqa: B018  (rounds refer to the programmes: index them once, before the fork)
    metode = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    bundter = [filer[i:i + _BUNDT] for i in range(0, len(filer), _BUNDT)]
    fund: list[Finding] = []
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(metode),
                             initializer=_start_arbejder, initargs=(katalog, dato)) as pool:
        for del_, delnavne, delforløb in pool.map(_valider_bundt, bundter):
            fund.extend(del_)
            navne.extend(delnavne)
            if forløb is not None:
                forløb.extend(delforløb)
    return fund


def _runder_sidst(filer: list[Path], katalog: Katalog) -> tuple[list[Path], list[Path], dict[Path, Path]] | None:
    """When the files hold recruitment rounds and every programme they refer to, split them so the rounds
    are checked after the programmes, against the forløb the programmes' own validation read: the
    programme folder is then read once, not once more for the round index (a third of validating a
    national corpus). ``None`` when that does not apply; the catalog then builds its index itself.
    The dict maps each of the folder's programmes, as ``filer`` names it, to the path the index names it by,
    in the folder's order."""
    if "forløbsindeks" in katalog.__dict__:
        return None
    rundemappe = katalog.rod / RUNDE_MAPPE
    if not rundemappe.is_dir():
        return None
    try:
        rundemappe = rundemappe.resolve()
        løst = {fil: fil.resolve() for fil in filer}
        programmer = [(fil.resolve(), fil) for fil in katalog.programfiler()]
    except (OSError, RuntimeError):
        return None
    som_i_filer = {r: fil for fil, r in løst.items()}
    runder = [fil for fil in filer if løst[fil].is_relative_to(rundemappe)]
    if not runder or any(r not in som_i_filer for r, _ in programmer):
        return None
    rundesæt = set(runder)
    return [fil for fil in filer if fil not in rundesæt], runder, {som_i_filer[r]: navn for r, navn in programmer}


def _forløbsindeks(forløb: dict[Path, object], indeksnavne: dict[Path, Path]) -> dict:
    """What ``Katalog.forløbsindeks`` would read from the programme folder, from the forløb validation read
    (``forløb``: per file as validated, None for no programme): in the folder's order, with its paths."""
    from ..stats.forloeb import forløbsindeks

    ud = []
    for fil, navn in indeksnavne.items():
        if (f := forløb.get(fil)) is not None:
            ud.append(replace(f, fil=navn, sted=replace(f.sted, fil=navn)))
    return forløbsindeks(ud)
