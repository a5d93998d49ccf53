"""One registry of every check, each with a stable id, a severity and a Danish title.

Checks are plain generator functions registered with :func:`check`. They yield
``(besked, sted)`` pairs; the registry turns them into findings with the
check's id and severity, so a rule's id and severity live in one place.
Findings made by the loader (L…, S…) are registered too, so `uddprog checks`
lists every id a user can meet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..findings import Finding, Location, Severity
from ..regler import Kilde

#: What a check looks at: a file being read, one document alone, a programme with its references, a
#: recruitment round or target, the whole set `uddprog stats` counts, or the configuration.
OMRÅDER = ("indlæsning", "skema", "målbeskrivelse", "skabelon", "program", "programdel", "rekrutteringsrunde", "aftale",
           "statistik", "konfiguration")

Fund = tuple[str, Location]


@dataclass(frozen=True)
class Check:
    id: str
    severity: Severity
    titel: str
    område: str
    funktion: Callable[[Any], Iterable[Fund]] | None = None
    kræver: tuple[str, ...] = ()  # attributes of the subject that must be present (e.g. the programme's "mb")
    kilde: Kilde | None = None  # where the rule comes from; illustrative rules say so
    # For a check that compares with the date it is run on: the dates where its answer can change (see
    # ``check``); None for a check whose answer does not depend on the date.
    datogrænser: Callable[[Any], Iterable[Any]] | None = None
    # A programme check that reads only the parts `uddprog stats` counts (``forloeb.ProgramUdsnit``: the
    # målbeskrivelse reference, region, forløb and ansættelser): stats runs it on each programme it reads
    # and leaves a programme with an error in force out of the figures.
    statistik: bool = False

    @property
    def illustrativ(self) -> bool:
        return self.kilde is not None and self.kilde.illustrativ

    def kør(self, emne: Any) -> Iterator[Finding]:
        assert self.funktion is not None
        if any(getattr(emne, navn) is None for navn in self.kræver):
            return  # another check reports the missing reference; this rule cannot be judged without it
        for besked, sted in self.funktion(emne):
            yield Finding(self.id, self.severity, besked, sted)


REGISTER: dict[str, Check] = {}

#: Ids that no longer exist, with the one that reports the same problem now (a config naming one is told).
UDGÅET: dict[str, str] = {"R008": "P028"}


def _registrer(c: Check) -> Check:
    if c.id in REGISTER:
        raise ValueError(f"check id {c.id} is registered twice")
    if c.område not in OMRÅDER:
        raise ValueError(f"unknown område {c.område!r} for {c.id}")
    REGISTER[c.id] = c
    return c


def check(id: str, severity: Severity, titel: str, område: str, kræver: tuple[str, ...] = (),
          kilde: Kilde | None = None, datogrænser: Callable[[Any], Iterable[Any]] | None = None,
          statistik: bool = False):
    """Register a generator function as a check; it runs only when every attribute in ``kræver`` is set.

    ``kilde`` names where a domain rule comes from (`uddprog checks` shows it); rules that only
    keep the data consistent (references, types) have none.

    A check whose answer depends on the date it is run on (``k.dato``) gives ``datogrænser``: a function of
    the same subject returning dates ``g`` such that the check says the same on any two dates ``d1``, ``d2``
    with ``(g < d1) == (g < d2)``; for ``x < k.dato`` that is ``x``, for ``x <= k.dato`` the day before ``x``.
    `uddprog render` keeps a programme's findings until the date crosses one of them.

    ``statistik`` marks a programme check that reads only what `uddprog stats` counts (see ``Check``).
    """

    def dekorator(funktion: Callable[[Any], Iterable[Fund]]):
        _registrer(Check(id, severity, titel, område, funktion, kræver, kilde, datogrænser, statistik))
        return funktion

    return dekorator


def beskriv(id: str, severity: Severity, titel: str, område: str) -> None:
    """Register an id whose findings are made elsewhere (by the loader)."""
    _registrer(Check(id, severity, titel, område))


def checks_for(område: str) -> list[Check]:
    return [c for c in REGISTER.values() if c.område == område and c.funktion is not None]


E, W = Severity.ERROR, Severity.WARNING

beskriv("L001", E, "Filen kan ikke læses (findes ikke, er en mappe, er binær eller ikke UTF-8)", "indlæsning")
beskriv("L002", E, "YAML-syntaksfejl", "indlæsning")
beskriv("L003", E, "Forbudt YAML-mærke (fx !!python/object) eller fletning", "indlæsning")
beskriv("L004", E, "Samme nøgle står to gange", "indlæsning")
beskriv("L005", E, "Filen er for stor eller folder sig ud til for mange værdier", "indlæsning")
beskriv("L006", E, "Ukendt dokumenttype", "indlæsning")
beskriv("L008", E, "Filen er en anden slags dokument end forventet (fx et program hvor en målbeskrivelse skal stå)",
        "indlæsning")
beskriv("L009", E, "En programdel programmet bygger på, findes ikke, ligger uden for repositoriet eller er ikke en "
                   "programdel", "indlæsning")
beskriv("S001", E, "Påkrævet felt mangler", "skema")
beskriv("S002", E, "Ukendt felt (stavefejl?)", "skema")
beskriv("S003", E, "Forkert type eller ugyldig værdi", "skema")
beskriv("S004", E, "Værdi uden for det kontrollerede ordforråd (roller, metoder, regioner, faser)", "skema")
