"""The configuration applied to findings: severities, ignores and inline suppressions, in one pass.

``uddprog.config`` reads the file; this module checks what it names against the registry (C003, C004)
and applies it after validation. Ignores that silenced nothing (C005) and expired ones (C006) are
reported, so dead ignores do not pile up. Paths of ``[[ignorer]] sti`` match like ``.gitignore``
patterns from the config's folder: ``*`` stays inside one folder, ``**`` crosses folders.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from ..config import KONTROLLER as LÆSEKONTROLLER, Konfig, Undtagelse
from ..datoer import dansk_dato
from ..findings import Finding, Location, Severity, sorteret
from ..forloeb import er_udkast
from ..loading.yamlfil import MAKS_BYTES, BasisLoader
from .registry import REGISTER, UDGÅET, beskriv

E, W = Severity.ERROR, Severity.WARNING
KONTROLLER: dict[str, tuple[Severity, str]] = {
    **LÆSEKONTROLLER,
    "C004": (W, "Konfigurationen nævner en kontrol der ikke findes"),
    "C005": (W, "En undtagelse (ignorer) undertrykker ingenting"),
    "C006": (W, "En undtagelse (ignorer) er udløbet og gælder ikke længere"),
}
for _id, (_alvor, _titel) in sorted(KONTROLLER.items()):
    beskriv(_id, _alvor, _titel, "konfiguration")

#: ``# uddprog: ignorer P014, P021 – begrundelse`` (dash, colon or nothing before the reason).
INLINE = re.compile(r"#\s*uddprog:\s*ignorer\s+(?P<ids>[A-Z]\d{3}(?:\s*,\s*[A-Z]\d{3})*)\s*(?:[–—:-]\s*)?(?P<grund>.*)$")


def tjek(konfig: Konfig) -> Konfig:
    """The config with what it names checked against the registry: an unknown or retired id is C004 and its
    entry is dropped; a severity for a reading (L) or config (C) id is C003. Idempotent."""
    if konfig.tjekket:
        return konfig
    fund = list(konfig.fund)
    alvor, alvor_sted = {}, {}
    for cid, v in konfig.alvor.items():
        sted = konfig.alvor_sted[cid]
        if cid not in REGISTER:
            fund.append(Finding("C004", W, findes_ikke(cid), sted))
        elif cid.startswith(("L", "C")):
            fund.append(Finding("C003", E, f"Alvoren af {cid} kan ikke ændres: filer der ikke kan læses, og fejl i "
                                           "konfigurationen stopper altid kørslen.", sted))
        else:
            alvor[cid], alvor_sted[cid] = v, sted
    undtagelser = []
    for u in konfig.undtagelser:
        if u.check not in REGISTER:
            fund.append(Finding("C004", W, findes_ikke(u.check), u.sted))
        else:
            undtagelser.append(u)
    return replace(konfig, alvor=alvor, alvor_sted=alvor_sted, undtagelser=undtagelser, fund=sorteret(fund),
                   tjekket=True)


def findes_ikke(cid: str) -> str:
    if cid in UDGÅET:
        return (f"Kontrollen {cid} findes ikke længere: {UDGÅET[cid]} melder nu det samme; skriv {UDGÅET[cid]} "
                "i stedet, eller slet linjen.")
    return f"Kontrollen {cid} findes ikke; se 'uddprog checks'."


def anvend(fund: list[Finding], filer: list[Path], konfig: Konfig, dato: date | None = None,
           alle: bool = False, kontroller: frozenset[str] | None = None,
           uden_direktiver: frozenset[Path] = frozenset()) -> list[Finding]:
    """Findings after the config's severities, its ignores and inline suppressions, plus C-findings.

    ``filer`` are the files that were checked; ``alle`` says the whole repository was (no paths given),
    so an ignore that matches nothing anywhere is unused too; ``kontroller`` are the check ids the run
    could report (default all), so an ignore of a check that did not run is not called unused.
    ``uden_direktiver`` are files known to hold no inline suppression (validation's cache knows it from their
    bytes); they are not read again for them.
    """
    pas = Anvendelse(konfig, dato, uden_direktiver)
    return sorteret([e for f in fund if (e := pas.endelig(f)) is not None] + pas.afslut(filer, alle, kontroller))


class Anvendelse:
    """The config applied to one run's findings, one at a time (``anvend`` in steps).

    A command that decides by the severities in force while it runs (``uddprog stats`` leaves out what has
    an error) calls :meth:`endelig` once per finding and :meth:`afslut` at the end, for the config's own
    findings; the result is exactly ``anvend``'s.
    """

    def __init__(self, konfig: Konfig, dato: date | None = None, uden_direktiver: frozenset[Path] = frozenset()) -> None:
        self.konfig = konfig = tjek(konfig)
        dato = dato or date.today()
        self._egne: list[Finding] = list(konfig.fund)
        self._gyldige: list[Undtagelse] = []
        for u in konfig.undtagelser:
            if u.udløber is not None and u.udløber < dato:
                self._egne.append(Finding("C006", W, f"Undtagelsen for {u.check} ({u.sti}) udløb "
                                                     f"{dansk_dato(u.udløber)} og gælder ikke længere: ret fundet, "
                                                     "eller sæt en ny dato i 'indtil' og en ny begrundelse.", u.sted))
            else:
                self._gyldige.append(u)
        self._brugt: dict[int, int] = {}  # per ignore (by index), this run only
        self._inline = _Inline(uden_direktiver)
        self._udkast_alvor = Severity(konfig.udkast_alvor) if konfig.udkast_alvor else None
        self._udkast: dict[Path, bool] = {}

    def endelig(self, f: Finding) -> Finding | None:
        """The finding with the severity in force, or None when the config turns it off or ignores it."""
        alvor = self.konfig.alvor.get(f.check, f.severity)
        if alvor is None:
            return None
        if f.sted is not None and not f.check.startswith(("L", "C")):
            rel = _relativ(f.sted.fil, self.konfig.rod)
            ramt = next((i for i, u in enumerate(self._gyldige) if u.check == f.check and _passer(rel, u.sti)), None)
            if ramt is not None:
                self._brugt[ramt] = self._brugt.get(ramt, 0) + 1
                return None
            if self._inline.undertrykker(f):
                return None
            if self._udkast_alvor is not None and alvor.rang > self._udkast_alvor.rang and self._er_udkast(f.sted.fil):
                alvor = self._udkast_alvor  # [udkast] alvor: a draft's findings are reported, but need not fail CI
        return f if alvor == f.severity else Finding(f.check, alvor, f.besked, f.sted)

    def _er_udkast(self, fil: Path) -> bool:
        if fil not in self._udkast:
            self._udkast[fil] = er_udkast(Path(fil))
        return self._udkast[fil]

    def afslut(self, filer: list[Path], alle: bool = False, kontroller: frozenset[str] | None = None) -> list[Finding]:
        """The config's own findings for the run: reading errors, expired ignores (C006), ignores in the file
        or inline that silenced nothing (C005), inline ones without a reason (C007) or of unknown ids (C004)."""
        ud = list(self._egne)
        relative = [_relativ(f, self.konfig.rod) for f in filer]
        for i, u in enumerate(self._gyldige):
            if self._brugt.get(i) or (kontroller is not None and u.check not in kontroller):
                continue
            if alle or any(_passer(r, u.sti) for r in relative):
                ud.append(Finding("C005", W, f"Undtagelsen for {u.check} ({u.sti}) undertrykker ingenting længere; "
                                             "slet den.", u.sted))
        ud.extend(self._inline.ubrugte(filer, kontroller))
        return ud


def datogrænser(konfig: Konfig, fil: Path) -> list[date]:
    """The dates where the ignores that can silence a finding in ``fil`` expire (``indtil``; expired once the
    date is past it): the config turns the file's findings into the same ones on two dates on the same side of
    each (`uddprog render` keeps a programme's findings until the date crosses one)."""
    konfig = tjek(konfig)
    rel = _relativ(fil, konfig.rod)
    return sorted({u.udløber for u in konfig.undtagelser if u.udløber is not None and _passer(rel, u.sti)})


def _relativ(fil: Path, rod: Path | None) -> str:
    absolut = os.path.abspath(fil)
    if rod is not None:
        rel = os.path.relpath(absolut, os.path.abspath(rod))
        if not rel.startswith(".."):
            return Path(rel).as_posix()
    return Path(absolut).as_posix()


def _passer(rel: str, mønster: str) -> bool:
    """A pattern from the config's folder, matched as .gitignore matches (``pathspec``): ``*`` and ``?`` stay
    inside one folder, ``**`` matches any number of folders, and a folder matches everything below it."""
    return _mønster(mønster).match_file(rel)


@lru_cache(maxsize=256)
def _mønster(mønster: str):
    import pathspec

    # Anchored at the config's folder like a path written from it ("programmer/syd/*.yaml"), not anywhere
    # below it as a bare .gitignore name would be.
    mønster = mønster.strip()
    return pathspec.PathSpec.from_lines("gitignore", ["/" + mønster.lstrip("/")])


class _Inline:
    """``# uddprog: ignorer ID – begrundelse`` on a finding's own line; remembers which were used.

    Only a real YAML comment counts: the same words inside a text (a ``|`` block, a quoted or a plain
    scalar) are text the document shows, so they silence nothing and are not reported as unused either.
    """

    def __init__(self, uden_direktiver: frozenset[Path] = frozenset()) -> None:
        self._direktiver: dict[Path, dict[int, re.Match]] = dict.fromkeys(uden_direktiver, {})
        self.brugte: set[tuple[Path, int, str]] = set()

    def _læs(self, fil: Path) -> dict[int, re.Match]:
        """The file's ignore comments by line number (1-based)."""
        if fil not in self._direktiver:
            try:
                # Only regular files of sane size: a named pipe would block, a device never end (the
                # loader has refused those already, with L001/L005).
                st = os.stat(fil)
                if not stat.S_ISREG(st.st_mode) or st.st_size > MAKS_BYTES:
                    raise OSError
                tekst = Path(fil).read_text(encoding="utf-8-sig")
                self._direktiver[fil] = _kommentardirektiver(tekst) if "uddprog:" in tekst else {}
            except (OSError, UnicodeDecodeError):
                self._direktiver[fil] = {}
        return self._direktiver[fil]

    def undertrykker(self, f: Finding) -> bool:
        m = self._læs(f.sted.fil).get(f.sted.linje)
        if m and f.check in re.split(r"\s*,\s*", m["ids"]) and m["grund"].strip():
            self.brugte.add((Path(f.sted.fil), f.sted.linje, f.check))
            return True
        return False

    def ubrugte(self, filer: list[Path], kontroller: frozenset[str] | None = None) -> list[Finding]:
        regel_findes = REGISTER

        ud = []
        for fil in filer:
            for nr, m in sorted(self._læs(Path(fil)).items()):
                kolonne = m.start() + 1
                if not m["grund"].strip():
                    ud.append(Finding("C007", E, "Undertrykkelsen mangler en begrundelse: skriv "
                                                 "'# uddprog: ignorer ID – hvorfor fundet er i orden'.",
                                      Location(Path(fil), nr, kolonne)))
                    continue
                for cid in re.split(r"\s*,\s*", m["ids"]):
                    if cid not in regel_findes:
                        ud.append(Finding("C004", W, findes_ikke(cid),
                                          Location(Path(fil), nr, kolonne)))
                    elif (Path(fil), nr, cid) not in self.brugte and (kontroller is None or cid in kontroller):
                        ud.append(Finding("C005", W, f"'# uddprog: ignorer {cid}' undertrykker ingenting på "
                                                     "denne linje; slet den.", Location(Path(fil), nr, kolonne)))
        return ud


def _kommentardirektiver(tekst: str) -> dict[int, re.Match]:
    """Every ``# uddprog: ignorer …`` that is a YAML comment, by line; the match is against the line.

    YAML has no comment tokens, so the scanner's scalars say where text is: a ``#`` inside a scalar's
    span is text. A block scalar (``|``, ``>``) starts on the line after its indicator, where a comment
    may still stand. A file the scanner cannot read to the end keeps the comments before the error.
    """

    # Every '#' that starts the words, not only the first: text before a real comment may quote them.
    kandidater = {nr: [m for i, c in enumerate(linje) if c == "#" and (m := INLINE.match(linje, i))]
                  for nr, linje in enumerate(tekst.splitlines(), 1) if "uddprog:" in linje}
    if not any(kandidater.values()):
        return {}
    tekstspænd: list[tuple[tuple[int, int], tuple[int, int]]] = []  # ((line, column), (line, column)), 0-based
    slut: tuple[int, int] | None = None
    try:
        for token in yaml.scan(tekst, Loader=BasisLoader):
            if isinstance(token, yaml.ScalarToken):
                start = (token.start_mark.line, token.start_mark.column)
                if token.style in ("|", ">"):
                    start = (token.start_mark.line + 1, 0)
                tekstspænd.append((start, (token.end_mark.line, token.end_mark.column)))
    except yaml.YAMLError as e:
        mærke = getattr(e, "problem_mark", None)
        slut = (mærke.line, mærke.column) if mærke is not None else (0, 0)

    def er_tekst(sted: tuple[int, int]) -> bool:
        return (slut is not None and sted >= slut) or any(a <= sted < b for a, b in tekstspænd)

    ud = {}
    for nr, fundne in kandidater.items():
        if (m := next((m for m in fundne if not er_tekst((nr - 1, m.start()))), None)) is not None:
            ud[nr] = m
    return ud
