"""The repository's configuration: ``uddprog.toml`` (or ``.uddprog.yaml``), found upwards from a folder.

```toml
programmer = "programmer"          # the programme folder (default examples/)
fail_on = "warning"                # lowest severity that fails `uddprog validate` (error, warning, info)
region = "Nord"                    # `uddprog ny` without --region

[diff]
fail_on = "warning"                # `uddprog diff`: error, warning, info or none

[render]
out = "build"
format = "docx,html,pdf"

[checks]                           # per-check severity: error, warning, info or none (off)
P014 = "error"
P023 = "none"

[[ignorer]]                        # a finding of `check` in files matching `sti` (a glob from the config's folder)
check = "P021"
sti = "programmer/syd/*.yaml"
begrundelse = "Revideres til målbeskrivelse 2015 på UGUP-mødet i marts"
indtil = 2027-03-01                # optional: after this date the ignore no longer applies (C006)
```

A finding can also be silenced on its own line by a YAML comment ``# uddprog: ignorer P014 – begrundelse``
(inside a text, such as a ``|`` block, the same words are text and count for nothing).

Problems in the config are findings C001–C007 with the config's file:line:column, like any other: the
TOML is parsed with ``tomllib`` and positions are located in its text; the YAML goes through uddprog's
own loader. :func:`anvend` applies severities and ignores after validation in one pass and reports
ignores that silenced nothing (C005), so dead ignores do not pile up.
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .rod import KONFIGFILER, rod_over
from .findings import Finding, Location, Severity, sorteret

E, W = Severity.ERROR, Severity.WARNING
#: The configuration's own check ids. The checks package registers them; this module does not import the
#: registry, so that reading a config (every command does) does not load every check.
KONTROLLER: dict[str, tuple[Severity, str]] = {
    "C001": (E, "Konfigurationsfilen kan ikke læses (syntaksfejl)"),
    "C002": (E, "Ukendt nøgle i konfigurationen"),
    "C003": (E, "Ugyldig værdi i konfigurationen"),
    "C004": (W, "Konfigurationen nævner en kontrol der ikke findes"),
    "C005": (W, "En undtagelse (ignorer) undertrykker ingenting"),
    "C006": (W, "En undtagelse (ignorer) er udløbet og gælder ikke længere"),
    "C007": (E, "En undtagelse mangler begrundelse"),
}

#: The programme folder of a repository with a config that names none (what `uddprog init` makes).
STANDARD_PROGRAMMER = "programmer"

ALVOR = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "none": None}
_NØGLER = {"programmer": str, "fail_on": str, "region": str, "render": dict, "diff": dict, "checks": dict,
           "ignorer": list}
_RENDER = {"out": str, "format": str}
_FORMATER = ("docx", "html", "pdf")  # uddprog.render.FORMATER, without importing the renderer
_DIFF = {"fail_on": ("error", "warning", "info", "none")}
_IGNORER = {"check", "sti", "begrundelse", "indtil"}

from .loading import MAKS_BYTES  # noqa: E402  (the loader's own limit per file)

#: ``# uddprog: ignorer P014, P021 – begrundelse`` (dash, colon or nothing before the reason).
INLINE = re.compile(r"#\s*uddprog:\s*ignorer\s+(?P<ids>[A-Z]\d{3}(?:\s*,\s*[A-Z]\d{3})*)\s*(?:[–—:-]\s*)?(?P<grund>.*)$")


@dataclass
class Undtagelse:
    check: str
    sti: str
    begrundelse: str
    udløber: date | None
    sted: Location


@dataclass
class Konfig:
    """A read configuration; ``fil`` is None when there is none (every default applies)."""

    fil: Path | None = None
    rod: Path | None = None
    programmer: str | None = None
    fail_on: str | None = None
    region: str | None = None
    render: dict[str, str] = field(default_factory=dict)
    diff: dict[str, str] = field(default_factory=dict)
    alvor: dict[str, Severity | None] = field(default_factory=dict)
    alvor_sted: dict[str, Location] = field(default_factory=dict)  # where [checks] sets each one
    undtagelser: list[Undtagelse] = field(default_factory=list)
    fund: list[Finding] = field(default_factory=list)  # C001–C004 found while reading

    @property
    def fejl(self) -> list[Finding]:
        return [f for f in self.fund if f.severity == Severity.ERROR]


# ------------------------------------------------------------------ finding and reading

def find_konfigfil(start: Path | None = None) -> Path | None:
    """The config of the repository at or above ``start`` (default the working folder), or None.

    Only the repository root's own config counts: the search stops at the first root (``rod.rod_over``:
    a config, målbeskrivelser/, templates/national/ or .git), never goes above the home folder and never
    looks at a shared folder such as /tmp, so a stray config there changes nothing below it.
    """
    start = Path(start or Path.cwd()).resolve()
    if start.is_file():
        start = start.parent
    rod = rod_over(start)
    if rod is None:
        return None
    for navn in KONFIGFILER:
        if (Path(rod) / navn).is_file():
            return _kort(Path(rod) / navn)
    return None  # a repository without a config: do not pick up one from a folder above it


def _kort(sti: Path) -> Path:
    try:
        return sti.relative_to(Path.cwd().resolve())
    except ValueError:
        return sti


def læs_programmappe(rod: Path) -> str | None:
    """Only the programme folder, for the catalog (errors are reported when the config is read in full)."""
    for navn in KONFIGFILER:
        if (Path(rod) / navn).is_file():
            k = læs(Path(rod) / navn)
            return k.programmer or STANDARD_PROGRAMMER
    return None


def find(start: Path | None = None) -> Konfig:
    fil = find_konfigfil(start)
    return læs(fil) if fil else Konfig()


def læs(fil: Path) -> Konfig:
    fil = Path(fil)
    konfig = Konfig(fil=fil, rod=fil.parent)
    try:
        data, sted = (_læs_yaml if fil.suffix in (".yaml", ".yml") else _læs_toml)(fil)
    except _Fejl as e:
        konfig.fund.append(e.fund)
        return konfig
    _fortolk(data, sted, konfig)
    return konfig


class _Fejl(Exception):
    def __init__(self, fund: Finding):
        self.fund = fund


def _læs_toml(fil: Path):
    import tomllib

    try:
        tekst = fil.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise _Fejl(Finding("C001", E, f"Konfigurationsfilen kan ikke læses: {e}", Location(fil))) from None
    try:
        data = tomllib.loads(tekst)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(e))
        linje, kolonne = (int(m[1]), int(m[2])) if m else (0, 0)
        grund = re.sub(r"\s*\(at line.*\)$", "", str(e)) or "ugyldig TOML"
        raise _Fejl(Finding("C001", E, f"TOML-syntaksfejl: {grund}. Se https://toml.io for formatet.",
                            Location(fil, linje, kolonne))) from None
    find_sted = _TomlSteder(fil, tekst)
    return data, find_sted


class _TomlSteder:
    """Line and column of a key in TOML text: tomllib keeps no positions, so find them in the text."""

    def __init__(self, fil: Path, tekst: str):
        self.fil = fil
        self.linjer = tekst.splitlines()

    def __call__(self, *sti: str | int) -> Location:
        tabel: tuple = ()
        tællere: dict[str, int] = {}
        mål_tabel, nøgle = tuple(sti[:-1]), sti[-1] if sti else None
        for nr, linje in enumerate(self.linjer, 1):
            ren = linje.strip()
            if m := re.match(r"^\[\[\s*([^\]]+?)\s*\]\]", ren):
                tællere[m[1]] = tællere.get(m[1], -1) + 1
                tabel = (m[1], tællere[m[1]])
                if tabel == tuple(sti):
                    return Location(self.fil, nr, linje.index("[") + 1)
                continue
            if m := re.match(r"^\[\s*([^\]]+?)\s*\]", ren):
                tabel = (m[1],)
                if tabel == tuple(sti):
                    return Location(self.fil, nr, linje.index("[") + 1)
                continue
            if tabel == mål_tabel and isinstance(nøgle, str):
                if m := re.match(r'^\s*"?' + re.escape(nøgle) + r'"?\s*=', linje):
                    return Location(self.fil, nr, m.start() + len(linje) - len(linje.lstrip()) + 1)
        if len(sti) > 1:
            return self(*sti[:-1])
        return Location(self.fil, 1, 1)


def _læs_yaml(fil: Path):
    from .loading import LoadError, læs_yaml

    try:
        data, positions = læs_yaml(fil)
    except LoadError as e:
        f = e.fund[0]
        raise _Fejl(Finding("C001", E, f.besked, f.sted)) from None

    def sted(*sti):
        for n in range(len(sti), 0, -1):
            linje, kolonne = positions.find(sti[:n], n == len(sti) and isinstance(sti[-1], str))
            if linje:
                return Location(fil, linje, kolonne)
        return Location(fil, 1, 1)

    return data, sted


def _fortolk(data: Any, sted, k: Konfig) -> None:
    def fejl(id_: str, besked: str, *sti) -> None:
        k.fund.append(Finding(id_, KONTROLLER[id_][0], besked, sted(*sti)))

    if not isinstance(data, dict):
        fejl("C003", "Konfigurationen skal være en tabel med nøgler som programmer og fail_on.")
        return
    for nøgle, værdi in data.items():
        if nøgle not in _NØGLER:
            fejl("C002", f"Ukendt nøgle '{nøgle}'.{_mente_du(nøgle, _NØGLER)} Kendte: {', '.join(_NØGLER)}.", nøgle)
        elif not isinstance(værdi, _NØGLER[nøgle]):
            fejl("C003", f"'{nøgle}' skal være {_typenavn(_NØGLER[nøgle])}.", nøgle)
        elif nøgle == "fail_on":
            if værdi not in ("error", "warning", "info"):
                fejl("C003", f"fail_on skal være error, warning eller info, ikke '{værdi}'.", nøgle)
            else:
                k.fail_on = værdi
        elif nøgle in ("programmer", "region"):
            setattr(k, nøgle, værdi)
        elif nøgle == "render":
            for n, v in værdi.items():
                if n not in _RENDER:
                    fejl("C002", f"Ukendt nøgle '{n}' i [render]. Kendte: {', '.join(_RENDER)}.", "render", n)
                elif not isinstance(v, str):
                    fejl("C003", f"render.{n} skal være en tekst.", "render", n)
                elif n == "format" and (ukendte := [f for f in v.split(",") if f.strip().lower() not in _FORMATER]):
                    fejl("C003", f"render.format: ukendt format {', '.join(ukendte)}; vælg blandt "
                                 f"{', '.join(_FORMATER)}, kommasepareret.", "render", n)
                else:
                    k.render[n] = v
        elif nøgle == "diff":
            for n, v in værdi.items():
                if n not in _DIFF:
                    fejl("C002", f"Ukendt nøgle '{n}' i [diff]. Kendte: {', '.join(_DIFF)}.", "diff", n)
                elif v not in _DIFF[n]:
                    fejl("C003", f"diff.{n} skal være {', '.join(_DIFF[n][:-1])} eller {_DIFF[n][-1]}.", "diff", n)
                else:
                    k.diff[n] = v
        elif nøgle == "checks":
            from .checks.registry import REGISTER  # only a config that names checks needs every check loaded

            for cid, v in værdi.items():
                if cid not in REGISTER:
                    fejl("C004", _findes_ikke(cid), "checks", cid)
                elif cid.startswith(("L", "C")):
                    fejl("C003", f"Alvoren af {cid} kan ikke ændres: filer der ikke kan læses, og fejl i "
                                 "konfigurationen stopper altid kørslen.", "checks", cid)
                elif not isinstance(v, str) or v not in ALVOR:
                    fejl("C003", f"Alvoren af {cid} skal være error, warning, info eller none, ikke '{v}'.", "checks", cid)
                else:
                    k.alvor[cid] = ALVOR[v]
                    k.alvor_sted[cid] = sted("checks", cid)
        elif nøgle == "ignorer":
            from .checks.registry import REGISTER

            for i, u in enumerate(værdi):
                _undtagelse(u, i, sted, fejl, k, REGISTER)


def _undtagelse(u: Any, i: int, sted, fejl, k: Konfig, register) -> None:
    if not isinstance(u, dict):
        fejl("C003", "Hver [[ignorer]] skal være en tabel med check, sti og begrundelse.", "ignorer", i)
        return
    ukendte = [n for n in u if n not in _IGNORER]
    for n in ukendte:
        fejl("C002", f"Ukendt nøgle '{n}' i [[ignorer]]. Kendte: {', '.join(sorted(_IGNORER))}.", "ignorer", i, n)
    check, sti, grund, udløber = u.get("check"), u.get("sti", "**"), u.get("begrundelse"), u.get("indtil")
    if not isinstance(check, str) or not check:
        fejl("C003", "[[ignorer]] mangler 'check' (fx check = \"P021\").", "ignorer", i)
        return
    if check not in register:
        fejl("C004", _findes_ikke(check), "ignorer", i, "check")
        return
    if not isinstance(sti, str):
        fejl("C003", "'sti' skal være et mønster som \"programmer/syd/*.yaml\".", "ignorer", i, "sti")
        return
    if not isinstance(grund, str) or not grund.strip():
        fejl("C007", f"Undtagelsen for {check} mangler 'begrundelse': skriv hvorfor fundet er i orden.", "ignorer", i)
        return
    if isinstance(udløber, str):
        try:
            udløber = date.fromisoformat(udløber)
        except ValueError:
            pass
    if udløber is not None and not isinstance(udløber, date):
        fejl("C003", "'indtil' skal være en dato (ÅÅÅÅ-MM-DD).", "ignorer", i, "indtil")
        return
    k.undtagelser.append(Undtagelse(check, sti, grund.strip(), udløber, sted("ignorer", i, "check")))


def _findes_ikke(cid: str) -> str:
    from .checks.registry import UDGÅET

    if cid in UDGÅET:
        return (f"Kontrollen {cid} findes ikke længere: {UDGÅET[cid]} melder nu det samme; skriv {UDGÅET[cid]} "
                "i stedet, eller slet linjen.")
    return f"Kontrollen {cid} findes ikke; se 'uddprog checks'."


def _typenavn(t: type) -> str:
    return {str: "en tekst", dict: "en tabel", list: "en liste af tabeller ([[ignorer]])"}[t]


def _mente_du(ord_: str, kendte) -> str:
    import difflib

    bud = difflib.get_close_matches(ord_, list(kendte), n=1)
    return f" Mente du '{bud[0]}'?" if bud else ""


# ------------------------------------------------------------------ applying

def anvend(fund: list[Finding], filer: list[Path], konfig: Konfig, dato: date | None = None,
           alle: bool = False, kontroller: frozenset[str] | None = None) -> list[Finding]:
    """Findings after the config's severities, its ignores and inline suppressions, plus C-findings.

    ``filer`` are the files that were checked; ``alle`` says the whole repository was (no paths given),
    so an ignore that matches nothing anywhere is unused too; ``kontroller`` are the check ids the run
    could report (default all), so an ignore of a check that did not run is not called unused.
    """
    pas = Anvendelse(konfig, dato)
    return sorteret([e for f in fund if (e := pas.endelig(f)) is not None] + pas.afslut(filer, alle, kontroller))


class Anvendelse:
    """The config applied to one run's findings, one at a time (``anvend`` in steps).

    A command that decides by the severities in force while it runs (``uddprog stats`` leaves out what has
    an error) calls :meth:`endelig` once per finding and :meth:`afslut` at the end, for the config's own
    findings; the result is exactly ``anvend``'s.
    """

    def __init__(self, konfig: Konfig, dato: date | None = None) -> None:
        self.konfig = konfig
        dato = dato or date.today()
        self._egne: list[Finding] = list(konfig.fund)
        self._gyldige: list[Undtagelse] = []
        for u in konfig.undtagelser:
            if u.udløber is not None and u.udløber < dato:
                from .datoer import dansk_dato

                self._egne.append(Finding("C006", W, f"Undtagelsen for {u.check} ({u.sti}) udløb "
                                                     f"{dansk_dato(u.udløber)} og gælder ikke længere: ret fundet, "
                                                     "eller sæt en ny dato i 'indtil' og en ny begrundelse.", u.sted))
            else:
                self._gyldige.append(u)
        self._brugt: dict[int, int] = {}  # per ignore (by index), this run only
        self._inline = _Inline()

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
        return f if alvor == f.severity else Finding(f.check, alvor, f.besked, f.sted)

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
    """A glob from the config's folder; ``**`` matches any number of folders, a folder matches all below it."""
    mønster = mønster.strip().rstrip("/")
    if fnmatch.fnmatchcase(rel, mønster) or rel.startswith(mønster + "/"):
        return True
    return "**/" in mønster and fnmatch.fnmatchcase(rel, mønster.replace("**/", ""))


class _Inline:
    """``# uddprog: ignorer ID – begrundelse`` on a finding's own line; remembers which were used.

    Only a real YAML comment counts: the same words inside a text (a ``|`` block, a quoted or a plain
    scalar) are text the document shows, so they silence nothing and are not reported as unused either.
    """

    def __init__(self) -> None:
        self._direktiver: dict[Path, dict[int, re.Match]] = {}
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
        from .checks.registry import REGISTER as regel_findes

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
                        ud.append(Finding("C004", W, _findes_ikke(cid),
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
    from .loading.yamlfil import BasisLoader

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
