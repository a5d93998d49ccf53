"""`uddprog stats`: the regional knowledge base — compute once into a :class:`Statistik`, render many.

Library use::
    from uddprog.stats import beregn
    statistik, fund = beregn([Path("examples"), Path("rekruttering")])
    print(statistik.national.forløb)

Stages: :mod:`.forloeb` reads (fast, parallel), :mod:`.aggregat` counts, :mod:`.regler` evaluates the
targets, :mod:`.afrunding` rounds; :mod:`.tekst`, :mod:`.tabel` (CSV), :mod:`.rapport` (JSON) and
:mod:`.html` (with :mod:`.svg`) only render.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..catalog import Katalog
from ..checks import REGISTER, samme_outputnavn, udvid, valider_udsnit
from ..checks.anvendelse import Anvendelse
from ..checks.kontekst import DokumentKontekst
from ..checks.registry import checks_for
from ..checks.rekruttering import RundeKontekst
from ..config import find
from ..fejl import UddprogFejl
from ..findings import Finding, Severity, sorteret
from ..forloeb import celle, forløbsindeks, læs_alle
from ..models.vocab import DRIFTSREGIONER, visningsnavn
from ..navne import mente_du, slug
from ..rod import AFTALE_MAPPE, RUNDE_MAPPE
from .aftaler import Aftaleresultat, vurder
from .aggregat import DRIFTSREGIONSORDEN, FASER, REGIONER, Celletal, Rundetal, celler, rundetal

JSON_FORMAT = "uddprog-stats"
JSON_VERSION = 1

__all__ = ["Statistik", "StatsFejl", "Udvælgelse", "beregn", "JSON_FORMAT", "JSON_VERSION"]


class StatsFejl(UddprogFejl):
    """Bad input or usage (exit code 2); the message is Danish and meant for the user."""


@dataclass(frozen=True)
class Udvælgelse:
    region: str | None = None
    specialer: tuple[str, ...] = ()
    faser: tuple[str, ...] = ()

    def tekst(self) -> str:
        dele = ([f"region {self.region}"] if self.region else []) + \
               ([("speciale " if len(self.specialer) == 1 else "specialer ") + ", ".join(self.specialer)]
                if self.specialer else []) + \
               ([("fase " if len(self.faser) == 1 else "faser ") + ", ".join(self.faser)] if self.faser else [])
        return ", ".join(dele) or "alle forløb"

    def as_dict(self) -> dict:
        return {"videreuddannelsesregion": self.region, "specialer": list(self.specialer), "faser": list(self.faser)}


@dataclass(frozen=True)
class Statistik:
    udvælgelse: Udvælgelse
    celler: tuple[Celletal, ...]
    regioner: tuple[Celletal, ...]
    national: Celletal
    runder: tuple[Rundetal, ...]
    aftaler: tuple[Aftaleresultat, ...]
    filer: dict = field(default_factory=dict)  # counts: læst, programmer, runder, aftaler, ikke_talt
    ikke_talt: tuple[Path, ...] = ()  # the files left out of the figures (errors in force, rounds that cannot be placed)
    grunde: dict = field(default_factory=dict)  # file left out -> the errors in force that left it out (may be none)

    @property
    def rundebetegnelser(self) -> list[str]:
        return sorted({r.betegnelse for r in self.runder}, key=lambda b: tuple(map(int, b.split("-"))))

    def runder_samlet(self) -> list[tuple[str, dict]]:
        """Outcome per round label (e.g. '2026-1'), summed over the selection, oldest first."""
        ud = []
        for b in self.rundebetegnelser:
            tal: dict[str, int] = {}
            for r in self.runder:
                if r.betegnelse == b:
                    for k, v in r.besættelse.items():
                        tal[k] = tal.get(k, 0) + v
            ud.append((b, tal))
        return ud

    def dimensioneret(self) -> dict[str, float | None]:
        """Per round label: the forløb in the dimensioning plan, summed over the rounds that state it."""
        ud: dict[str, float | None] = {}
        for b in self.rundebetegnelser:
            tal = [r.dimensioneret for r in self.runder if r.betegnelse == b and r.dimensioneret is not None]
            ud[b] = round(sum(tal), 1) if tal else None
        return ud

    def ikke_besat_pr_driftsregion(self) -> list[tuple[str, dict]]:
        """Per round label: forløb not filled, spread over driftsregioner by their months (exact)."""
        from fractions import Fraction

        ud = []
        for b in self.rundebetegnelser:
            tal = {d: Fraction(0) for d in DRIFTSREGIONSORDEN}
            for r in self.runder:
                if r.betegnelse == b:
                    for d, v in r.ikke_besat_driftsregion.items():
                        tal[d] += v
            ud.append((b, tal))
        return ud

    def as_dict(self, vis_sti=str) -> dict:
        return {
            "format": JSON_FORMAT, "formatversion": JSON_VERSION,
            "udvælgelse": self.udvælgelse.as_dict(),
            "filer": dict(self.filer),
            "national": self.national.as_dict(),
            "regioner": [c.as_dict() for c in self.regioner],
            "celler": [c.as_dict() for c in self.celler],
            "runder": [r.as_dict(vis_sti) for r in self.runder],
            "runder_samlet": [{"runde": b, "dimensioneret": self.dimensioneret()[b], "besættelse": t}
                              for b, t in self.runder_samlet()],
            "aftaler": [a.as_dict(vis_sti) for a in self.aftaler],
            "ikke_talt": [{"fil": vis_sti(f), "fund": [_fund_json(x, vis_sti) for x in self.grunde.get(f, ())]}
                          for f in self.ikke_talt],
        }


def _fund_json(f: Finding, vis_sti) -> dict:
    return f.som_json() | {"fil": vis_sti(f.sted.fil) if f.sted else None}


def _region(tekst: str | None) -> str | None:
    if tekst is None:
        return None
    for r in REGIONER:
        if slug(r) == slug(tekst) or slug(tekst) in (slug(f"region {r}"), slug(f"videreuddannelsesregion {r}")):
            return r

    for vur, drift in DRIFTSREGIONER.items():
        for d in drift:
            if slug(tekst) in (slug(d), slug(f"region {d}")):
                raise StatsFejl(f"{visningsnavn(d)} er en driftsregion i {visningsnavn(vur)}; brug --region {vur}. "
                                "Tallene pr. driftsregion står i rapporten.")
    raise StatsFejl(f"Ukendt videreuddannelsesregion '{tekst}'." + mente_du(tekst, list(REGIONER))
                    + f" Regioner: {', '.join(REGIONER)}.")


def _hver_én_gang(filer: list[Path]) -> list[Path]:
    """In order, each file once, also when named two ways (``a/../b.yaml`` and ``b.yaml``)."""
    set_: set[str] = set()
    ud = []
    for f in filer:
        try:
            nøgle = str(f.resolve())
        except (OSError, RuntimeError):
            nøgle = str(f)
        if nøgle not in set_:
            set_.add(nøgle)
            ud.append(f)
    return ud


def standardstier(katalog: Katalog) -> list[Path]:
    """The repository's programme folder (examples/ or 'programmer' in uddprog.toml) and rekruttering/."""
    return [p for p in (katalog.programmappe, katalog.rod / RUNDE_MAPPE) if p.is_dir()]


#: The check ids `uddprog stats` reports besides reading errors: rounds, targets, its own cross-file ids and
#: P028. An ignore of any other check is `validate`'s to call unused, not stats'.
def kontroller() -> frozenset[str]:
    return frozenset(i for i, c in REGISTER.items() if c.område in ("rekrutteringsrunde", "aftale", "statistik")) | {"P028"}


def _kan_tælles(dok, indeks: dict) -> bool:
    """Whether every forløb a round names is among the programmes counted (R001 and R007 say when not):
    its unfilled posts are spread by those programmes' months, so a round that names others cannot be
    counted, whatever the configuration says of those checks."""

    r = dok.model
    forløb = indeks.get(celle(r.videreuddannelsesregion, r.speciale, r.fase))
    return bool(forløb) and all(f.forløb.strip() in forløb for f in r.forløb)


def beregn(stier: list[Path] | None = None, katalog: Katalog | None = None, region: str | None = None,
           specialer: tuple[str, ...] = (), faser: tuple[str, ...] = (), aftalemappe: Path | None = None,
           jobs: int | None = None, konfig=None, med_udkast: bool = False) -> tuple[Statistik, list[Finding]]:
    """The statistics of the programmes, rounds and targets below ``stier`` (default: the repository's).

    The findings pass through the configuration (``konfig``; default the one `uddprog stats` would find)
    as in `uddprog validate`: severities in force, ignores, inline suppressions, and the config's own
    findings. What has an error in force is left out of the figures: a file that cannot be read, a
    programme with another's output name (P028, the later one), a round or target with an error, and a
    round whose forløb are not all among the programmes counted. Drafts (``status: udkast``) are not counted
    unless ``med_udkast``. Raises :class:`StatsFejl` when there is nothing to count.
    """

    stier = [Path(s) for s in stier or []]
    katalog = katalog or Katalog.find(stier[0] if stier else None)
    if konfig is None:
        konfig = find(stier[0] if stier else katalog.rod)
    pas = Anvendelse(konfig)

    def i_kraft(fund: list[Finding]) -> list[Finding]:
        return [e for f in fund if (e := pas.endelig(f)) is not None]

    def fejl_i(fund: list[Finding]) -> bool:
        return any(f.severity == Severity.ERROR for f in fund)

    filer, fund = udvid(stier or standardstier(katalog))
    aftalemappe = aftalemappe if aftalemappe is not None else katalog.rod / AFTALE_MAPPE
    if aftalemappe.is_dir():
        filer += udvid([aftalemappe])[0]
    filer = _hver_én_gang(filer)
    # Each programme's counted parts are checked as they are read: a placeholder (P026), a guess left by an
    # import (P029) or months that do not add up (P004) would be counted as real.
    katalog.indlæs_alt()  # once, before any worker starts: with fork they inherit it (P004 needs the målbeskrivelse)
    indlæst = læs_alle(filer, jobs, kontrol=partial(valider_udsnit, katalog=katalog))
    grunde: dict[Path, list[Finding]] = {}

    def udelad(fil: Path, fund: list[Finding]) -> None:
        grunde.setdefault(fil, []).extend(fund)

    # A file that could not be read is not counted, whatever severity its finding has in force.
    for f in fund + indlæst.fund:
        if f.sted:
            udelad(f.sted.fil, [f])
    fund = i_kraft(fund + indlæst.fund)
    for f in indlæst.forløb:
        if f.udkast and not med_udkast:
            continue  # a draft is not counted, so its errors (placeholders, guesses) are not in the way
        egne = [x for x in i_kraft(list(f.fund)) if x.severity == Severity.ERROR]  # warnings are validate's to show
        fund += egne
        if egne:
            udelad(f.fil, egne)
    if not indlæst.forløb:
        raise StatsFejl("Der er ingen uddannelsesprogrammer at tælle i "
                        + (", ".join(str(s) for s in stier) if stier else str(katalog.programmappe)) + "."
                        + (" Nogle filer kunne ikke læses:\n" + "\n".join(f"  {f}" for f in sorteret(fund)[:10])
                           if fund else ""))

    # Two programmes with one output name: the later one is P028 and, with an error in force, not counted.
    dobbelte = i_kraft(samme_outputnavn([(f.outputnavn, f.sted) for f in indlæst.forløb]))
    fund += dobbelte
    for f in dobbelte:
        if f.severity == Severity.ERROR:
            udelad(f.sted.fil, [f])
    alle_forløb = [f for f in indlæst.forløb if f.fil not in grunde and (med_udkast or not f.udkast)]
    udkast = [f for f in indlæst.forløb if f.udkast and not med_udkast and f.fil not in grunde]
    if not alle_forløb and not udkast:
        fejl = sorteret([f for f in fund if f.severity == Severity.ERROR])
        raise StatsFejl(("Det ene uddannelsesprogram kan ikke tælles: det har" if len(indlæst.forløb) == 1 else
                         f"Ingen af de {len(indlæst.forløb)} uddannelsesprogrammer kan tælles: alle har")
                        + " fejl i det, der tælles:\n"
                        + "\n".join(f"  {f}" for f in fejl[:10]) + (f"\n  … ({len(fejl)} i alt)" if len(fejl) > 10 else ""))

    region = _region(region)
    alle_specialer = sorted({f.speciale for f in alle_forløb})
    valgte_specialer = []
    for s in specialer:
        navn = next((k for k in alle_specialer if slug(k) == slug(s)), None)
        if navn is None:
            raise StatsFejl(f"Ingen forløb i specialet '{s}'." + (mente_du(s, alle_specialer) or
                            f" Specialer med forløb: {', '.join(alle_specialer)}."))
        valgte_specialer.append(navn)
    for fase in faser:
        if fase not in FASER:
            raise StatsFejl(f"Ukendt fase '{fase}'. Faser: {', '.join(FASER)}.")
    udvælgelse = Udvælgelse(region, tuple(valgte_specialer), tuple(faser))

    def valgt(reg: str, speciale: str, fase: str) -> bool:
        return ((region is None or reg == region) and (not valgte_specialer or slug(speciale) in map(slug, valgte_specialer))
                and (not faser or fase in faser))

    forløb = [f for f in alle_forløb if valgt(f.region, f.speciale, f.fase)]
    udkast = [f for f in udkast if valgt(f.region, f.speciale, f.fase)]  # drafts of the selection, left out
    if not forløb:
        raise StatsFejl(f"Ingen forløb passer til udvælgelsen ({udvælgelse.tekst()}). Der er "
                        f"{len(alle_forløb)} forløb i alt; prøv uden --region, --speciale eller --fase.")

    # rounds: checked against every programme counted (a round may be filtered out below, but not misread)
    indeks = forløbsindeks(alle_forløb)
    runder: list[Rundetal] = []
    set_: dict[tuple, Path] = {}
    for dok in indlæst.runder:
        egne = [f for c in checks_for("rekrutteringsrunde") for f in c.kør(RundeKontekst(dok, katalog, indeks))]
        r = dok.model
        nøgle = (r.år, r.runde, slug(r.speciale), str(r.fase), str(r.videreuddannelsesregion))
        if nøgle in set_:
            egne.append(Finding("R010", Severity.ERROR, f"Runden {r.betegnelse} for {r.speciale} ({r.fase}) i "
                                f"{visningsnavn(r.videreuddannelsesregion)} står også i {set_[nøgle]}; den tælles kun én gang.",
                                dok.sted("runde")))
        egne = i_kraft(egne)
        fund += egne
        if fejl_i(egne) or not _kan_tælles(dok, indeks):
            udelad(dok.fil, [f for f in egne if f.severity == Severity.ERROR])
            continue
        set_[nøgle] = dok.fil
        if valgt(str(r.videreuddannelsesregion), r.speciale, str(r.fase)):
            runder.append(rundetal(dok, indeks))
    runder.sort(key=lambda r: (r.år, r.runde, REGIONER.index(r.region), slug(r.speciale), FASER.index(r.fase)))

    cellerne, regioner, national = celler(forløb, runder)
    aftaler: list[Aftaleresultat] = []
    ider: dict[str, Path] = {}
    for dok in indlæst.aftaler:
        egne = [f for c in checks_for("aftale") for f in c.kør(DokumentKontekst(dok, katalog))]
        if dok.model.id in ider:
            egne.append(Finding("R015", Severity.ERROR, f"Aftalen '{dok.model.id}' står også i {ider[dok.model.id]}; "
                                "den vurderes kun én gang.", dok.sted("id")))
        egne = i_kraft(egne)
        fund += egne
        if fejl_i(egne):
            udelad(dok.fil, [f for f in egne if f.severity == Severity.ERROR])
            continue
        ider[dok.model.id] = dok.fil
        aftaler.append(vurder(dok, cellerne))
    filer_tal = {"læst": indlæst.filer, "programmer": len(forløb), "runder": len(runder), "aftaler": len(aftaler),
                 "ikke_talt": len(grunde), "udkast": len(udkast)}
    fund += pas.afslut(filer, alle=not stier, kontroller=kontroller())
    return Statistik(udvælgelse, tuple(cellerne), tuple(regioner), national, tuple(runder), tuple(aftaler),
                     filer_tal, tuple(sorted(grunde)), {f: tuple(sorteret(v)) for f, v in grunde.items()}), \
        sorteret(fund)
