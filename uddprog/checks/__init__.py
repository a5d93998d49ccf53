"""Validation: every rule in one registry, run on single documents and on programmes with their references.

Library use::
    from uddprog.checks import valider
    resultat = valider([Path("examples")])
    for fund in resultat.fund: print(fund)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from .. import forloeb
from ..catalog import Katalog
from ..findings import Finding, Location, Severity, sorteret
from ..loading import Dokument, LoadError, indlæs
from ..navne import outputnavn
from ..parallel import antal_jobs, i_bundter
from ..rod import AFTALE_MAPPE, MB_MAPPE, RUNDE_MAPPE, SKABELON_FIL, SKABELON_MAPPE, yaml_filer

# Importing them registers the checks (and the configuration's ids) in the registry.
from . import (  # noqa: F401
    anvendelse as _anvendelse,
    dele as _dele,
    dokument as _dokument,
    program as _program,
    rekruttering as _rekruttering,
    uddannelse as _uddannelse,
)
from .kontekst import DokumentKontekst, ProgramKontekst
from .registry import REGISTER, Check, beskriv, checks_for
from .rekruttering import RundeKontekst

beskriv("L007", Severity.ERROR, "Mappen indeholder ingen YAML-filer", "indlæsning")
beskriv("P028", Severity.ERROR, "To programmer får samme outputnavn (samme region, speciale, fase og forløb)", "program")

_OMRÅDE = {"målbeskrivelse": "målbeskrivelse", "skabelon": "skabelon", "uddannelsesprogram": None,
           "programdel": "programdel", "rekrutteringsrunde": "rekrutteringsrunde", "aftale": "aftale"}

__all__ = ["REGISTER", "Check", "Valideringsresultat", "samme_outputnavn", "standardstier", "valider", "valider_dokument",
           "valider_fil", "valider_program"]


def valider_dokument(dok: Dokument, katalog: Katalog, forløbsindeks: dict | None = None) -> list[Finding]:
    """Checks of one loaded document on its own (duplicate ids, målbeskrivelse and template rules).

    A recruitment round is checked against ``forløbsindeks`` (``forloeb.forløbsindeks`` of the programmes it
    may name); without one, the repository's programme folder is read for it."""
    if dok.type == "rekrutteringsrunde":
        if forløbsindeks is None:
            forløbsindeks = forloeb.repository_indeks(katalog.programmappe)
        kontekst = RundeKontekst(dok, katalog, forløbsindeks)
    else:
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


def valider_fil(fil: Path, katalog: Katalog, dato: date | None = None,
                forløbsindeks: dict | None = None) -> tuple[Dokument | None, list[Finding]]:
    """Load and check one file; the document is None when it could not be loaded."""
    try:
        dok = indlæs(fil)
    except LoadError as e:
        return None, e.fund
    fund = valider_dokument(dok, katalog, forløbsindeks)
    if dok.type == "uddannelsesprogram":
        fund.extend(valider_program(dok, katalog, dato))
    return dok, fund


@dataclass
class Valideringsresultat:
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


_BUNDT = 32  # files per task sent to a worker process


def valider(stier: Iterable[Path] | None = None, katalog: Katalog | None = None, dato: date | None = None,
            jobs: int | None = None, forløbsindeks: dict | None = None) -> Valideringsresultat:
    """Validate files and folders (default: the whole repository); findings come sorted by place.

    ``jobs`` is the number of processes; None means every core for a batch of at least
    ``parallel.PARALLEL_FRA`` files (or the UDDPROG_JOBS environment variable), one process otherwise.
    Findings are the same either way: each file is checked on its own against the shared catalog.

    Recruitment rounds are checked against ``forløbsindeks`` when given; otherwise after the programmes,
    against the forløb the programmes' own validation read when the run holds the whole programme folder
    (then the folder is read once), else against the folder read once for all rounds.
    """
    stier = list(stier or [])
    katalog = katalog or Katalog.find(Path(stier[0]) if stier else None)
    filer, fund = udvid(stier or standardstier(katalog))
    jobs = antal_jobs(jobs, len(filer), _BUNDT)
    navne: list[tuple[str, Location]] = []

    def kør(filer: list[Path], indeks: dict | None = None, forløb: list | None = None) -> list[Finding]:
        katalog.indlæs_alt()  # once, before any worker starts: with fork they inherit it
        ud: list[Finding] = []
        for del_, delnavne, delforløb in i_bundter(_valider_bundt, filer, antal_jobs(jobs, len(filer), _BUNDT),
                                                   _BUNDT, (katalog, dato, indeks, forløb is not None)):
            ud.extend(del_)
            navne.extend(delnavne)
            if forløb is not None:
                forløb.extend(delforløb)
        return ud

    runder = _runder(filer, katalog)
    if not runder:
        fund.extend(kør(filer))
    else:
        rundesæt = set(runder)
        først = [f for f in filer if f not in rundesæt]
        indeksnavne = None if forløbsindeks is not None else _programmer_i_kørslen(først, katalog)
        forløb: list = []
        fund.extend(kør(først, forløbsindeks, forløb if indeksnavne is not None else None))
        if forløbsindeks is None:
            forløbsindeks = (_forløbsindeks(dict(zip(først, forløb)), indeksnavne) if indeksnavne is not None
                             else forloeb.repository_indeks(katalog.programmappe))
        fund.extend(kør(runder, forløbsindeks))
    fund.extend(samme_outputnavn(navne))
    # A finding in a shared part is found in every programme that includes it: reported once.
    return Valideringsresultat(filer=filer, fund=sorteret(list(dict.fromkeys(fund + _katalogfund(katalog, fund)))))


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
    katalog.indlæs_alt()  # load them here too when workers did the checking
    kendte = {(f.check, f.sted) for f in fund}
    return [f for f in dict.fromkeys(katalog.fund) if (f.check, f.sted) not in kendte]


def _valider_bundt(katalog: Katalog, dato: date | None, indeks: dict | None, med_forløb: bool,
                   filer: list[Path]) -> tuple[list[Finding], list[tuple[str, Location]], list]:
    """Every file's findings; each programme's output name for P028, and with ``med_forløb`` each file's
    forløb as statistics reads it (the index recruitment rounds are then checked against)."""

    fund: list[Finding] = []
    navne: list[tuple[str, Location]] = []
    forløb: list = []
    for fil in filer:
        dok, egne = valider_fil(fil, katalog, dato, indeks)
        fund.extend(egne)
        if dok is not None and dok.type == "uddannelsesprogram":
            navne.append((outputnavn(dok.model), dok.sted("forløb")))
        if med_forløb:
            forløb.append(_forløb(fil, dok))
    return fund, navne, forløb


def _forløb(fil: Path, dok: Dokument | None):
    """A file's forløb as `uddprog stats` reads it, from the document validation loaded where it could."""
    if dok is not None:
        return forloeb.forløb_fra(dok) if dok.type == "uddannelsesprogram" else None
    art, v = forloeb.læs_fil(fil)  # not a valid programme: statistics may still count its forløb
    return v if art == "program" else None


def _runder(filer: list[Path], katalog: Katalog) -> list[Path]:
    """The recruitment rounds among ``filer`` (those below the repository's rekruttering/)."""
    rundemappe = katalog.rod / RUNDE_MAPPE
    if not rundemappe.is_dir():
        return []
    try:
        rundemappe = rundemappe.resolve()
        return [fil for fil in filer if fil.resolve().is_relative_to(rundemappe)]
    except (OSError, RuntimeError):
        return []


def _programmer_i_kørslen(filer: list[Path], katalog: Katalog) -> dict[Path, Path] | None:
    """When ``filer`` hold every programme of the repository's folder, each of those programmes as ``filer``
    names it, mapped to the path the folder's index names it by, in the folder's order; else None (the
    rounds are then checked against the folder read once). Reading the folder once, not once more for the
    round index, saves a third of validating a national corpus."""
    try:
        løst = {fil.resolve(): fil for fil in filer}
        programmer = [(fil.resolve(), fil) for fil in katalog.programfiler()]
    except (OSError, RuntimeError):
        return None
    if any(r not in løst for r, _ in programmer):
        return None
    return {løst[r]: navn for r, navn in programmer}


def _forløbsindeks(forløb: dict[Path, object], indeksnavne: dict[Path, Path]) -> dict:
    """What ``forloeb.repository_indeks`` would read from the programme folder, from the forløb validation
    read (``forløb``: per file as validated, None for no programme): in the folder's order, with its paths."""
    ud = []
    for fil, navn in indeksnavne.items():
        if (f := forløb.get(fil)) is not None:
            ud.append(replace(f, fil=navn, sted=replace(f.sted, fil=navn)))
    return forloeb.forløbsindeks(ud)
