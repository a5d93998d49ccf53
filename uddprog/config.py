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

[udkast]
alvor = "warning"                  # the highest severity a finding in a draft (status: udkast) gets (default error)

[regioner.Nord]                    # per videreuddannelsesregion (Nord, Syd, "Øst")
godkendes_af = "UGUP, Videreuddannelsesregion Nord"   # `uddprog godkend` without --af
indstilles_af = "den postgraduate kliniske lektor"    # recorded with each approval
revisionsfrist = 9                 # months after a new målbeskrivelse (default: the template's, 12)
delforloeb = ["kbu"]               # phases whose programmes are approved per delforløb (ansættelse)

[[ignorer]]                        # a finding of `check` in files matching `sti` (a glob from the config's folder)
check = "P021"
sti = "programmer/syd/*.yaml"
begrundelse = "Revideres til målbeskrivelse 2015 på UGUP-mødet i marts"
indtil = 2027-03-01                # optional: after this date the ignore no longer applies (C006)
```

A finding can also be silenced on its own line by a YAML comment ``# uddprog: ignorer P014 – begrundelse``
(inside a text, such as a ``|`` block, the same words are text and count for nothing).

Problems in reading the config are findings C001–C003 and C007 with the config's file:line:column, like any
other: the TOML is parsed with ``tomllib`` and positions are located in its text; the YAML goes through
uddprog's own YAML reader. This module reads and interprets the file; it knows no check ids. Whether the
ids it names exist, and applying severities, ignores and inline suppressions to findings, is the checks'
business (``uddprog.checks.anvendelse``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .fejl import UddprogFejl
from .findings import Finding, Location, Severity
from .navne import slug
from .rod import KONFIGFILER, rod_over

E = Severity.ERROR
#: The ids of what reading the file can find wrong (the checks package registers them with the rest).
KONTROLLER: dict[str, tuple[Severity, str]] = {
    "C001": (E, "Konfigurationsfilen kan ikke læses (syntaksfejl)"),
    "C002": (E, "Ukendt nøgle i konfigurationen"),
    "C003": (E, "Ugyldig værdi i konfigurationen"),
    "C007": (E, "En undtagelse mangler begrundelse"),
}

#: The programme folder of a repository with a config that names none (what `uddprog init` makes).
STANDARD_PROGRAMMER = "programmer"

ALVOR = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "none": None}
_NØGLER = {"programmer": str, "fail_on": str, "region": str, "render": dict, "diff": dict, "checks": dict,
           "ignorer": list, "udkast": dict, "regioner": dict}
_RENDER = {"out": str, "format": str}
#: What `[render] format` may name; the same as ``uddprog.render.FORMATER`` (a test keeps them equal), written
#: here so that reading a config does not import the renderer.
RENDERFORMATER = ("docx", "html", "pdf", "redigerbar")
_DIFF = {"fail_on": ("error", "warning", "info", "none")}
_IGNORER = {"check", "sti", "begrundelse", "indtil"}
_UDKAST = {"alvor": ("error", "warning", "info")}
#: The videreuddannelsesregioner a [regioner.X] table may name (written here: reading a config imports no models).
REGIONSNAVNE = ("Nord", "Syd", "Øst")
_REGION = {"godkendes_af": str, "indstilles_af": str, "revisionsfrist": int, "delforloeb": list}
_FASER = ("kbu", "introduktion", "hoveduddannelse")


@dataclass(frozen=True)
class Regionsopsaetning:
    """What a videreuddannelsesregion does its own way: who approves programmes (and on whose
    recommendation), the revision deadline after a new målbeskrivelse, and the phases approved per
    delforløb (Syd approves KBU programmes per department or practice)."""

    godkendes_af: str | None = None
    indstilles_af: str | None = None
    revisionsfrist: int | None = None  # months; None: the national template's
    delforløb: tuple[str, ...] = ()
    sted: Location | None = None



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
    alvor: dict[str, Severity | None] = field(default_factory=dict)  # [checks], as written (ids unchecked)
    alvor_sted: dict[str, Location] = field(default_factory=dict)  # where [checks] sets each one
    undtagelser: list[Undtagelse] = field(default_factory=list)
    udkast_alvor: str | None = None  # [udkast] alvor: the highest severity of a finding in a draft
    regioner: dict[str, Regionsopsaetning] = field(default_factory=dict)  # [regioner.X], by REGIONSNAVNE
    fund: list[Finding] = field(default_factory=list)  # C001–C003, C007 found while reading
    tjekket: bool = False  # checks.anvendelse.tjek has checked the ids against the registry

    @property
    def fejl(self) -> list[Finding]:
        return [f for f in self.fund if f.severity == Severity.ERROR]

    def regionsopsætning(self, navn: str) -> Regionsopsaetning:
        """The settings of one videreuddannelsesregion ('Nord', 'Syd', 'Øst'); every default when none."""
        return self.regioner.get(str(navn), Regionsopsaetning())


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


class _Fejl(UddprogFejl):
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
                tabel = tuple(d.strip().strip('"') for d in m[1].split("."))  # [regioner."Øst"]
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
    from .loading.yamlfil import LoadError, læs_yaml  # lazy: pydantic, yaml only when this runs

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
                elif n == "format" and (ukendte := [f for f in v.split(",") if f.strip().lower() not in RENDERFORMATER]):
                    fejl("C003", f"render.format: ukendt format {', '.join(ukendte)}; vælg blandt "
                                 f"{', '.join(RENDERFORMATER)}, kommasepareret.", "render", n)
                else:
                    k.render[n] = v
        elif nøgle == "diff":
            k.diff.update(_valg(nøgle, værdi, _DIFF, fejl))
        elif nøgle == "checks":
            for cid, v in værdi.items():
                if not isinstance(v, str) or v not in ALVOR:
                    fejl("C003", f"Alvoren af {cid} skal være error, warning, info eller none, ikke '{v}'.", "checks", cid)
                else:
                    k.alvor[cid] = ALVOR[v]
                    k.alvor_sted[cid] = sted("checks", cid)
        elif nøgle == "ignorer":
            for i, u in enumerate(værdi):
                _undtagelse(u, i, sted, fejl, k)
        elif nøgle == "udkast":
            k.udkast_alvor = _valg(nøgle, værdi, _UDKAST, fejl).get("alvor", k.udkast_alvor)
        elif nøgle == "regioner":
            for navn, tabel in værdi.items():
                _region(navn, tabel, sted, fejl, k)


def _valg(sektion: str, værdi: dict, tilladte: dict[str, tuple[str, ...]], fejl) -> dict[str, str]:
    """A table whose keys each take one of a few words ([diff], [udkast]): the valid ones; the rest are C002/C003."""
    ud = {}
    for n, v in værdi.items():
        if n not in tilladte:
            fejl("C002", f"Ukendt nøgle '{n}' i [{sektion}]. Kendte: {', '.join(tilladte)}.", sektion, n)
        elif v not in tilladte[n]:
            fejl("C003", f"{sektion}.{n} skal være {', '.join(tilladte[n][:-1])} eller {tilladte[n][-1]}, ikke '{v}'.",
                 sektion, n)
        else:
            ud[n] = v
    return ud


def _undtagelse(u: Any, i: int, sted, fejl, k: Konfig) -> None:
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


def _region(navn: str, tabel: Any, sted, fejl, k: Konfig) -> None:
    region = next((r for r in REGIONSNAVNE if slug(r) == slug(navn)), None)
    if region is None:
        fejl("C002", f"Ukendt videreuddannelsesregion '{navn}' under [regioner]. Kendte: Nord, Syd og \"Øst\".",
             "regioner", navn)
        return
    if not isinstance(tabel, dict):
        fejl("C003", f"regioner.{navn} skal være en tabel ([regioner.{navn}]).", "regioner", navn)
        return
    felter: dict[str, Any] = {}
    for n, v in tabel.items():
        if n not in _REGION:
            fejl("C002", f"Ukendt nøgle '{n}' i [regioner.{navn}].{_mente_du(n, _REGION)} Kendte: "
                         f"{', '.join(_REGION)}.", "regioner", navn, n)
        elif _REGION[n] is int and (isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= 60):
            fejl("C003", f"regioner.{navn}.{n} skal være et helt antal måneder fra 0 til 60.", "regioner", navn, n)
        elif _REGION[n] is str and (not isinstance(v, str) or not v.strip()):
            fejl("C003", f"regioner.{navn}.{n} skal være en tekst.", "regioner", navn, n)
        elif _REGION[n] is list and (not isinstance(v, list) or any(f not in _FASER for f in v)):
            fejl("C003", f"regioner.{navn}.{n} skal være en liste af faser ({', '.join(_FASER)}).", "regioner", navn, n)
        else:
            felter[n] = v.strip() if isinstance(v, str) else v
    k.regioner[region] = Regionsopsaetning(
        godkendes_af=felter.get("godkendes_af"), indstilles_af=felter.get("indstilles_af"),
        revisionsfrist=felter.get("revisionsfrist"), delforløb=tuple(felter.get("delforloeb", ())),
        sted=sted("regioner", navn))


def _typenavn(t: type) -> str:
    return {str: "en tekst", dict: "en tabel", list: "en liste af tabeller ([[ignorer]])"}[t]


def _mente_du(ord_: str, kendte) -> str:
    import difflib

    bud = difflib.get_close_matches(ord_, list(kendte), n=1)
    return f" Mente du '{bud[0]}'?" if bud else ""
