"""The validation cache: each file's findings kept with the key they were made from, so an unchanged
repository validates without reading its documents again.

The key is the render cache's (``fingeraftryk.Kildenøgle``), one definition for both: a programme's file
bytes, the målbeskrivelse file its reference resolves to and every version of it, its national template,
uddprog itself with its libraries, and the dates where a date-dependent check changes its answer; any other
file's bytes and the whole catalogue. What is kept are the findings *before* the configuration: validate
applies the config's severities, ignores and inline suppressions afterwards, as it does to fresh findings,
so a changed ``uddprog.toml`` needs no new validation and its C-findings are always current. Besides its
findings an entry keeps what the run needs from a file beyond them: a programme's output name (P028) and its
forløb (the index recruitment rounds are checked against); a round's entry keeps a fingerprint of that index.

The cache lives outside the repository, so validating never changes it: in
``$XDG_CACHE_HOME/uddprog/validate/`` (``~/.cache`` without the variable), one file per repository, named by
a hash of the repository's real path. Runs replace the file atomically: concurrent runs each write a whole
cache, and the last one wins; a cache that cannot be read (corrupt, another version, written from another
working folder, whose paths and messages differ) counts as empty; one that cannot be written is not written.
Either way the findings are those of a run without it. `uddprog validate --no-cache` neither reads nor
writes it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..findings import Finding, Location, Severity
from ..fingeraftryk import Kildenøgle, sha, værktøj
from ..forloeb import Ansat, Forløb
from ..rod import er_repository
from ..skriv import write_atomic

_FORMAT = 1


def cachefil(rod: Path) -> Path | None:
    """Where the cache of the repository at ``rod`` is kept, or None when there is no cache folder to use
    (no home folder and no ``XDG_CACHE_HOME``)."""
    basis = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(basis):  # the XDG rule: a relative value is ignored
        hjem = os.path.expanduser("~")
        if not os.path.isabs(hjem):
            return None
        basis = os.path.join(hjem, ".cache")
    navn = sha(os.path.realpath(rod).encode("utf-8", "surrogateescape"))[:32]
    return Path(basis) / "uddprog" / "validate" / f"{navn}.json"


class Valideringscache:
    """One repository's validation cache for one run: look up entries, record new ones, save at the end."""

    def __init__(self, katalog, fil: Path) -> None:
        self.katalog = katalog
        self.nøgle = Kildenøgle(katalog)  # no config: the findings kept are from before it
        self.fil = Path(fil)
        self._hoved = {"format": _FORMAT, "værktøj": værktøj(), "cwd": os.getcwd(), "rod": str(katalog.rod)}
        self.poster: dict[str, dict[str, Any]] = self._læs()
        self._nye: dict[str, dict[str, Any]] = {}

    @classmethod
    def for_katalog(cls, katalog) -> Valideringscache | None:
        """The cache of the catalogue's repository, or None outside one (loose files have no root to keep it in)."""
        fil = cachefil(katalog.rod) if er_repository(katalog.rod) else None
        return cls(katalog, fil) if fil is not None else None

    def _læs(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.fil.read_bytes())
            if not isinstance(data, dict) or data.get("hoved") != self._hoved or not isinstance(data.get("poster"), dict):
                return {}
            return {k: v for k, v in data["poster"].items() if isinstance(v, dict)}
        except (OSError, ValueError, RecursionError):
            return {}  # none, or unreadable: everything is validated, and a whole new file is written

    # --- look-ups ------------------------------------------------------------------------------

    def slå_op(self, fil: Path, dato: str, indeks: str | None = None, med_forløb: bool = False) -> tuple | None:
        """What ``fil`` gave when its findings still hold on ``dato`` (ISO) against the forløb index with the
        fingerprint ``indeks`` (rounds; None for other files); never for a file that could not be read (its
        finding depends on why, which no hash tells): (findings, (output name, place) or None, its
        forløb or None, whether it may hold inline suppressions); else None. ``med_forløb``: the forløb is
        needed (only entries recorded with it will do)."""
        post = self.poster.get(str(fil))
        if post is None or post.get("indeks") != indeks or (med_forløb and not post.get("med_forløb")) \
                or not post.get("kilde") \
                or os.path.islink(fil):  # a link may now lead out of the repository: the loader decides
            return None
        try:
            if not self.nøgle.kilder_uændrede(fil, post) or not self.nøgle.fund_gælder(post, dato):
                return None
            navn = (post["navn"][0], sted_fra_json(post["navn"][1], fil)) if post.get("navn") else None
            træf = ([fund_fra_json(f, fil) for f in post["fund"]], navn, forløb_fra_json(post.get("forløb"), fil),
                    post.get("direktiver") is not False)
        except (TypeError, ValueError, KeyError, IndexError, AttributeError):
            return None  # an entry of the wrong shape: validate the file
        if self.nøgle.ny_mbtilstand(post):
            self._nye[str(fil)] = {**post, "mbtilstand": self.nøgle.mbtilstand()}
        return træf

    def katalogfund(self) -> list[Finding] | None:
        """The catalogue's own load errors as recorded for the catalogue as it is now, else None."""
        post = self.poster.get("")
        if post and post.get("katalog") == self.nøgle.katalogtilstand() and post.get("værktøj") == værktøj():
            try:
                return [fund_fra_json(f) for f in post["fund"]]
            except (TypeError, ValueError, KeyError, IndexError, AttributeError):
                return None
        return None

    # --- recording -------------------------------------------------------------------------------

    def husk(self, fil: Path | str, post: dict[str, Any]) -> None:
        self._nye[str(fil)] = post

    def husk_katalogfund(self, fund: list[Finding]) -> None:
        self._nye[""] = {"katalog": self.nøgle.katalogtilstand(), "værktøj": værktøj(),
                         "fund": [f.som_json() for f in fund]}

    def gem(self) -> None:
        """Write the cache (the entries read, updated by this run's), unless nothing changed; never fails."""
        if not self._nye:
            return
        poster = {**self.poster, **self._nye}
        # Entries of files that are gone would only grow the file.
        poster = {k: v for k, v in poster.items() if k == "" or os.path.exists(k)}
        data = json.dumps({"hoved": self._hoved, "poster": poster}, ensure_ascii=False, separators=(",", ":"),
                          sort_keys=True)
        try:
            write_atomic(self.fil, data)
        except OSError:
            pass  # no writable cache folder: the next run validates again, as without a cache
        self.poster, self._nye = poster, {}


# --- what an entry keeps besides findings ----------------------------------------------------------

def forløb_json(f: Forløb | None) -> list | None:
    if f is None:
        return None
    return [str(f.fil), f.titel, f.navn, f.region, f.speciale, f.fase,
            [[a.driftsregion, a.universitetshospital, a.type, a.måneder, a.speciale] for a in f.ansættelser],
            sted_json(f.sted), f.outputnavn, list(f.navne), f.udkast]


def forløb_fra_json(data: list | None, egen: Path | None = None) -> Forløb | None:
    if data is None:
        return None
    fil, titel, navn, region, speciale, fase, ansættelser, sted, outputnavn, navne, udkast = data
    return Forløb(_sti(fil, egen), titel, navn, region, speciale, fase, tuple(Ansat(*a) for a in ansættelser),
                  sted_fra_json(sted, egen), outputnavn, navne=tuple(navne), udkast=bool(udkast))


def sted_json(sted: Location) -> list:
    return [str(sted.fil), sted.linje, sted.kolonne]


def sted_fra_json(data: list, egen: Path | None = None) -> Location:
    return Location(_sti(data[0], egen), data[1], data[2])


def fund_fra_json(data: dict, egen: Path | None = None) -> Finding:
    """``Finding.fra_json``; a finding in the entry's own file (``egen``, nearly all) shares its path."""
    sted = Location(_sti(data["fil"], egen), data.get("linje") or 0, data.get("kolonne") or 0) \
        if data.get("fil") else None
    return Finding(data["check"], Severity(data["severity"]), data["besked"], sted)


def _sti(tekst: str, egen: Path | None) -> Path:
    return egen if egen is not None and tekst == str(egen) else Path(tekst)


def indekshash(indeks: dict) -> str:
    """A fingerprint of a forløb index (``forloeb.forløbsindeks``): a round's findings depend on nothing else
    of the programmes. Its representation is deterministic (dicts in insertion order, frozen dataclasses)."""
    return sha(repr(indeks).encode("utf-8", "surrogateescape"))
