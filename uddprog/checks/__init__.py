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

from .. import forloeb
from ..catalog import Katalog
from ..findings import Finding, Location, Severity, sorteret
from ..fingeraftryk import Kildenøgle, læs_bytes
from ..loading import Dokument, LoadError, indlæs, læs_tekst
from ..navne import outputnavn
from ..parallel import antal_jobs, i_bundter
from ..rod import AFTALE_MAPPE, MB_MAPPE, RUNDE_MAPPE, SKABELON_FIL, SKABELON_MAPPE, katalogdel, link_ud, yaml_filer

# Importing them registers the checks (and the configuration's ids) in the registry.
from . import (  # noqa: F401
    anvendelse as _anvendelse,
    dele as _dele,
    dokument as _dokument,
    program as _program,
    rekruttering as _rekruttering,
    uddannelse as _uddannelse,
)
from .cache import Valideringscache, forløb_json, indekshash, sted_json
from .kontekst import DokumentKontekst, ProgramKontekst
from .program import datogrænser
from .registry import REGISTER, Check, beskriv, checks_for
from .rekruttering import RundeKontekst

beskriv("L007", Severity.ERROR, "Mappen indeholder ingen YAML-filer", "indlæsning")
beskriv("P028", Severity.ERROR, "To programmer får samme outputnavn (samme region, speciale, fase og forløb)", "program")

_OMRÅDE = {"målbeskrivelse": "målbeskrivelse", "skabelon": "skabelon", "uddannelsesprogram": None,
           "programdel": "programdel", "rekrutteringsrunde": "rekrutteringsrunde", "aftale": "aftale"}

__all__ = ["REGISTER", "Check", "Valideringsresultat", "samme_outputnavn", "standardstier", "valider", "valider_dokument",
           "valider_fil", "valider_program", "valider_udsnit"]


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


def valider_udsnit(dok: Dokument, katalog: Katalog) -> list[Finding]:
    """The checks of the parts `uddprog stats` counts, on a programme read as ``forloeb.ProgramUdsnit``
    (or whole): its months against its målbeskrivelse, driftsregioner, placeholders and guesses."""
    kontekst = ProgramKontekst(dok, katalog, date.today())  # none of these checks depends on the date
    return [f for c in checks_for("program") if c.statistik for f in c.kør(kontekst)]


def valider_fil(fil: Path, katalog: Katalog, dato: date | None = None,
                forløbsindeks: dict | None = None) -> tuple[Dokument | None, list[Finding]]:
    """Load and check one file; the document is None when it could not be loaded."""
    dok, fund, _ = _valider_fil(fil, katalog, dato, forløbsindeks)
    return dok, fund


@dataclass
class Valideringsresultat:
    filer: list[Path] = field(default_factory=list)
    fund: list[Finding] = field(default_factory=list)
    #: Files known to hold no inline suppression (seen when they were validated, or from the cache), for
    #: ``checks.anvendelse.anvend``: it need not read them again.
    uden_direktiver: frozenset[Path] = frozenset()

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
    """Files named directly, plus every YAML file below a named folder.

    A folder that is a symbolic link out of its repository (named, or met below a named folder) is reported
    once (L001) and not walked: nothing outside a repository is read, and a link to /tmp or / would take
    long to walk only to refuse every file in it."""
    filer: list[Path] = []
    fund: list[Finding] = []
    for sti in stier:
        sti = Path(sti)
        if sti.is_dir():
            links: list[Path] = []
            ud = [sti] if link_ud(sti) else []
            fundne = [] if ud else yaml_filer(sti, links)
            for link in ud + [link for link in links if link_ud(link)]:
                fund.append(Finding("L001", Severity.ERROR, f"Mappen er et symbolsk link der peger uden for "
                                    f"repositoriet (til {link_ud(link)}); uddprog følger ikke sådanne links og "
                                    "læser intet derunder.", Location(link)))
            if ud:
                continue
            if not fundne:
                fund.append(Finding("L007", Severity.ERROR, "Mappen indeholder ingen YAML-filer (.yaml eller .yml).",
                                    Location(sti)))
            filer.extend(fundne)
        else:
            filer.append(sti)
    return list(dict.fromkeys(filer)), fund


_BUNDT = 32  # files per task sent to a worker process


def valider(stier: Iterable[Path] | None = None, katalog: Katalog | None = None, dato: date | None = None,
            jobs: int | None = None, forløbsindeks: dict | None = None,
            cache: Valideringscache | None = None) -> Valideringsresultat:
    """Validate files and folders (default: the whole repository); findings come sorted by place.

    ``jobs`` is the number of processes; None means every core for a batch of at least
    ``parallel.PARALLEL_FRA`` files (or the UDDPROG_JOBS environment variable), one process otherwise.
    Findings are the same either way: each file is checked on its own against the shared catalog.

    Recruitment rounds are checked against ``forløbsindeks`` when given; otherwise after the programmes,
    against the forløb the programmes' own validation read when the run holds the whole programme folder
    (then the folder is read once), else against the folder read once for all rounds.

    With ``cache`` (a :class:`~uddprog.checks.cache.Valideringscache`, which `uddprog validate` uses) a file
    whose key is unchanged is not read again: its recorded findings are used, and the cache is saved at the
    end. The findings are exactly those of a run without it.
    """
    stier = list(stier or [])
    katalog = katalog or Katalog.find(Path(stier[0]) if stier else None)
    filer, fund = udvid(stier or standardstier(katalog))
    dagen = (dato or date.today()).isoformat()
    navne: list[tuple[str, Location]] = []
    uden_direktiver: set[Path] = set()

    def kør(filer: list[Path], indeks: dict | None = None, forløb: list | None = None) -> list[Finding]:
        indeksnøgle = indekshash(indeks) if cache is not None and indeks is not None else None
        svar: dict[Path, tuple] = {}
        for fil in filer if cache is not None else ():
            træf = cache.slå_op(fil, dagen, indeksnøgle, forløb is not None)
            if træf is not None:
                svar[fil] = træf[:3]
                if not træf[3]:
                    uden_direktiver.add(fil)
        mangler = [f for f in filer if f not in svar]
        if mangler:
            katalog.indlæs_alt()  # once, before any worker starts: with fork they inherit it
            if cache is not None:
                cache.nøgle.katalogtilstand()  # likewise the fingerprints every entry records
            for del_ in i_bundter(_valider_bundt, mangler, antal_jobs(jobs, len(mangler), _BUNDT), _BUNDT,
                                  (katalog, dato, indeks, forløb is not None,
                                   cache.nøgle if cache is not None else None, indeksnøgle)):
                for fil, resultat, post in del_:
                    svar[fil] = resultat[:3]
                    if not resultat[3]:
                        uden_direktiver.add(fil)  # anvendelse need not read it again for inline suppressions
                    if post is not None:
                        cache.husk(fil, post)
        ud: list[Finding] = []
        for fil in filer:  # in file order, as one process would have them
            egne, navn, f = svar[fil]
            ud.extend(egne)
            if navn is not None:
                navne.append(navn)
            if forløb is not None:
                forløb.append(f)
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
    katalogfund = cache.katalogfund() if cache is not None else None
    if katalogfund is None:
        katalog.indlæs_alt()  # load them here too when workers did the checking
        katalogfund = list(dict.fromkeys(katalog.fund))
        if cache is not None:
            cache.husk_katalogfund(katalogfund)
    if cache is not None:
        cache.gem()
    # A finding in a shared part is found in every programme that includes it: reported once.
    return Valideringsresultat(filer=filer, fund=sorteret(list(dict.fromkeys(fund + _katalogfund(katalogfund, fund)))),
                               uden_direktiver=frozenset(uden_direktiver))


def samme_outputnavn(navne: list[tuple[str, Location]]) -> list[Finding]:
    """P028: programmes `uddprog render` would write to the same files, so it writes none of them.

    ``navne`` are (output name, the programme's ``forløb:`` place) in file order; every programme whose name
    another one has too gets the finding, naming the others: which of them is the real one is for the
    author to say (a stray copy must not win by sorting first). Two programmes with the same forløb name in
    one region, specialty and phase always share their output name, so this is also the one report of a
    forløb name a recruitment round cannot tell apart (`uddprog stats` makes the same finding).
    """
    grupper: dict[str, list[Location]] = {}
    for navn, sted in navne:
        grupper.setdefault(navn, []).append(sted)
    fund = []
    for navn, sted in navne:
        andre = [str(s.fil) for s in grupper[navn] if s is not sted]
        if andre:
            fund.append(Finding("P028", Severity.ERROR,
                                f"Programmet får samme outputnavn ({navn}) som {' og '.join(andre)}, så 'uddprog "
                                "render' danner ingen af dem. Giv forløbene forskellige navne under 'forløb'.", sted))
    return fund


def _katalogfund(katalogfund: list[Finding], fund: list[Finding]) -> list[Finding]:
    """Målbeskrivelser and templates that could not be loaded (``Katalog.fund``), unless already reported.

    Without these, a programme whose målbeskrivelse has a syntax error would only hear
    "P001 findes ikke", not why.
    """
    kendte = {(f.check, f.sted) for f in fund}
    return [f for f in katalogfund if (f.check, f.sted) not in kendte]


def _valider_bundt(katalog: Katalog, dato: date | None, indeks: dict | None, med_forløb: bool,
                   nøgle: Kildenøgle | None, indeksnøgle: str | None, filer: list[Path]) -> list[tuple]:
    """Each file with (its findings, its output name and place when it is a programme (P028), its forløb as
    statistics reads it when ``med_forløb``: the index recruitment rounds are then checked against, whether it
    may hold an inline suppression) and, with ``nøgle``, its cache entry: the key (``fingeraftryk.Kildenøgle``) with what it gave."""

    ud = []
    dagen = (dato or date.today()).isoformat()
    for fil in filer:
        if nøgle is not None:
            # Hashed before it is validated: a file changed meanwhile then never matches its entry. The same
            # bytes say whether it may hold an inline suppression.
            data = læs_bytes(fil)
            nøgle.husk_hash(fil, data)
            direktiver = data is None or b"uddprog:" in data
        else:
            data = None
        dok, egne, kontekst = _valider_fil(fil, katalog, dato, indeks, data)
        if nøgle is None:
            direktiver = dok is None or dok.tekst is None or "uddprog:" in dok.tekst
        navn = (outputnavn(dok.model), dok.sted("forløb")) \
            if dok is not None and dok.type == "uddannelsesprogram" else None
        f = _forløb(fil, dok) if med_forløb else None
        post = None
        # A round checked without an index read the programme folder itself: that is not in its key.
        if nøgle is not None and not (dok is not None and dok.type == "rekrutteringsrunde" and indeks is None):
            post = _post(nøgle, fil, kontekst, dagen, indeksnøgle)
            post.update(fund=[x.som_json() for x in egne], navn=[navn[0], sted_json(navn[1])] if navn else None,
                        forløb=forløb_json(f) if med_forløb else None, med_forløb=med_forløb,
                        direktiver=direktiver)
        ud.append((fil, (egne, navn, f, direktiver), post))
    return ud


def _valider_fil(fil: Path, katalog: Katalog, dato: date | None, indeks: dict | None, data: bytes | None = None):
    """``valider_fil`` with the programme's context (None for other documents), for the cache key; ``data``
    are the file's bytes when the caller read them (for the key).

    A file in the repository's målbeskrivelser/ or templates/national/ is read as what belongs there: a
    programme copied there is L008, not a second programme (with the real one's output name, P028)."""
    try:
        dok = indlæs(fil, katalogdel(fil, katalog.rod), tekst=læs_tekst(fil, data))
    except LoadError as e:
        return None, e.fund, None
    fund = valider_dokument(dok, katalog, indeks)
    kontekst = None
    if dok.type == "uddannelsesprogram":
        kontekst = ProgramKontekst(dok, katalog, dato or date.today())
        for c in checks_for("program"):
            fund.extend(c.kør(kontekst))
    return dok, fund, kontekst


def _post(nøgle: Kildenøgle, fil: Path, kontekst: ProgramKontekst | None, dagen: str,
          indeksnøgle: str | None) -> dict:
    """The cache key of one file's findings: a programme whose målbeskrivelse and template resolve keys on
    them (and every version of its målbeskrivelse), any other file on the whole catalogue."""
    if kontekst is not None and kontekst.mb is not None and kontekst.skabelon is not None:
        ref = kontekst.p.målbeskrivelse
        post = nøgle.programnøgle(fil, kontekst.mb.fil, (ref.speciale, str(ref.fase), ref.version),
                                  kontekst.p.skabelon, kontekst.program.filer[1:])
        post["versioner"] = nøgle.versionsnøgle(ref.speciale, str(ref.fase))
    else:
        post = nøgle.filnøgle(fil)
    post["datogrænser"] = [g.isoformat() for g in datogrænser(kontekst)] if kontekst is not None else []
    post["dato"] = dagen
    post["indeks"] = indeksnøgle
    return post


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
        løs = _Løser()
        under = os.path.join(løs(rundemappe), "")
        return [fil for fil in filer if løs(fil).startswith(under)]
    except (OSError, RuntimeError):
        return []


def _programmer_i_kørslen(filer: list[Path], katalog: Katalog) -> dict[Path, Path] | None:
    """When ``filer`` hold every programme of the repository's folder, each of those programmes as ``filer``
    names it, mapped to the path the folder's index names it by, in the folder's order; else None (the
    rounds are then checked against the folder read once). Reading the folder once, not once more for the
    round index, saves a third of validating a national corpus."""
    try:
        løs = _Løser()
        løst = {løs(fil): fil for fil in filer}
        programmer = [(løs(fil), fil) for fil in katalog.programfiler()]
    except (OSError, RuntimeError):
        return None
    if any(r not in løst for r, _ in programmer):
        return None
    return {løst[r]: navn for r, navn in programmer}


class _Løser:
    """``os.path.realpath`` of many files in few folders: each folder is resolved once, and only a file that
    is itself a link is resolved on its own (a realpath per file was a third of an unchanged run)."""

    def __init__(self) -> None:
        self._mapper: dict[str, str] = {}

    def __call__(self, fil: Path | str) -> str:
        mappe, navn = os.path.split(os.path.abspath(fil))
        if mappe not in self._mapper:
            self._mapper[mappe] = os.path.realpath(mappe)
        sti = os.path.join(self._mapper[mappe], navn)
        return os.path.realpath(sti) if os.path.islink(sti) else sti


def _forløbsindeks(forløb: dict[Path, object], indeksnavne: dict[Path, Path]) -> dict:
    """What ``forloeb.repository_indeks`` would read from the programme folder, from the forløb validation
    read (``forløb``: per file as validated, None for no programme): in the folder's order, with its paths."""
    ud = []
    for fil, navn in indeksnavne.items():
        if (f := forløb.get(fil)) is not None:
            ud.append(replace(f, fil=navn, sted=replace(f.sted, fil=navn)))
    return forloeb.forløbsindeks(ud)
