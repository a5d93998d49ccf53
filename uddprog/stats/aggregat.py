"""The aggregate: figures per videreuddannelsesregion, specialty and phase, computed once (pure).

Every renderer (text, CSV, JSON, HTML) reads a :class:`Statistik`; none of them computes a figure.
Months are exact integers; forløb not filled in a round are spread over driftsregioner by the months
the forløb spends in each (exact fractions).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from ..forloeb import Forløb, celle
from ..models.aftale import målingsnøgler
from ..models.vocab import Ansaettelsestype, Driftsregion, Fase, Videreuddannelsesregion
from ..navne import slug
from .afrunding import procenter, største_rest

REGIONER = tuple(r.value for r in Videreuddannelsesregion)
DRIFTSREGIONSORDEN = tuple(d.value for d in Driftsregion)
FASER = tuple(f.value for f in Fase)
TYPER = tuple(t.value for t in Ansaettelsestype)
UDFALD = ("opslået", "besat", "genopslået", "ubesat", "flexforløb")


def _ordnet(tæller: dict, orden: tuple[str, ...]) -> dict:
    """Every key of the vocabulary in its order (zeros included), so tables and charts line up."""
    return {k: tæller.get(k, 0) for k in orden}


@dataclass
class Celletal:
    """The figures of one group of forløb: a (region, specialty, phase) cell, a region or the country."""

    region: str | None
    speciale: str | None
    fase: str | None
    forløb: int = 0
    driftsregion: Counter = field(default_factory=Counter)  # months
    universitetshospital: Counter = field(default_factory=Counter)  # months: universitetshospital / øvrige
    ansættelsestype: Counter = field(default_factory=Counter)  # months
    start: Counter = field(default_factory=Counter)  # forløb beginning in each driftsregion
    slut: Counter = field(default_factory=Counter)
    start_og_slut: Counter = field(default_factory=Counter)  # driftsregion when start == end, else 'på-tværs'
    start_og_slut_delte: Counter = field(default_factory=Counter)  # the same, for forløb in several driftsregioner
    besættelse: Counter = field(default_factory=Counter)  # over all rounds counted
    ikke_besat_driftsregion: dict = field(default_factory=dict)  # Fraction per driftsregion
    speciale_måneder: Counter = field(default_factory=Counter)  # months by the specialty they are spent in
    sideuddannelse: Counter = field(default_factory=Counter)  # of those, months outside the forløb's specialty

    def tilføj(self, f: Forløb) -> None:
        n = f.antal  # a programme for several forløb: each of them, with the same ansættelser
        self.forløb += n
        for a in f.ansættelser:
            self.driftsregion[a.driftsregion] += a.måneder * n
            self.universitetshospital["universitetshospital" if a.universitetshospital else "øvrige"] += a.måneder * n
            self.ansættelsestype[a.type] += a.måneder * n
            self.speciale_måneder[a.speciale or f.speciale] += a.måneder * n
            if a.speciale and slug(a.speciale) != slug(f.speciale):
                self.sideuddannelse[a.speciale] += a.måneder * n
        self.start[f.start] += n
        self.slut[f.slut] += n
        nøgle = f.start if f.start == f.slut else "på-tværs"
        self.start_og_slut[nøgle] += n
        if len({a.driftsregion for a in f.ansættelser}) > 1:
            self.start_og_slut_delte[nøgle] += n

    def tilføj_besættelse(self, tal: dict, ikke_besat: dict) -> None:
        self.besættelse.update(tal)
        for k, v in ikke_besat.items():
            self.ikke_besat_driftsregion[k] = self.ikke_besat_driftsregion.get(k, Fraction(0)) + v

    def læg_til(self, anden: Celletal) -> None:
        self.forløb += anden.forløb
        for navn in ("driftsregion", "universitetshospital", "ansættelsestype", "start", "slut", "start_og_slut",
                     "start_og_slut_delte", "besættelse", "speciale_måneder", "sideuddannelse"):
            getattr(self, navn).update(getattr(anden, navn))
        self.tilføj_besættelse({}, anden.ikke_besat_driftsregion)

    @property
    def måneder(self) -> int:
        return sum(self.driftsregion.values())

    def fordeling(self, måling: str) -> dict[str, int | Fraction]:
        """The distribution a target measures, keyed in the measure's order."""
        kilde = {"driftsregion": self.driftsregion, "universitetshospital": self.universitetshospital,
                 "ansættelsestype": self.ansættelsestype, "start-og-slut": self.start_og_slut,
                 "start-og-slut-delte": self.start_og_slut_delte, "besættelse": self.besættelse}[måling]
        return _ordnet(kilde, målingsnøgler(måling))

    def as_dict(self) -> dict:
        måneder = _ordnet(self.driftsregion, DRIFTSREGIONSORDEN)
        uh = _ordnet(self.universitetshospital, ("universitetshospital", "øvrige"))
        typer = _ordnet(self.ansættelsestype, TYPER)
        ikke_besat = _ordnet(self.ikke_besat_driftsregion, DRIFTSREGIONSORDEN)
        return {
            "videreuddannelsesregion": self.region, "speciale": self.speciale, "fase": self.fase,
            "forløb": self.forløb,
            "måneder": self.måneder,
            "årsværk": float(største_rest({"i alt": Fraction(self.måneder, 12)})["i alt"]),
            "driftsregion": {"måneder": måneder, "årsværk": _tal(største_rest({k: Fraction(v, 12) for k, v in måneder.items()})),
                             "andel_pct": _tal(procenter(måneder))},
            "universitetshospital": {"måneder": uh, "andel_pct": _tal(procenter(uh))},
            "ansættelsestype": {"måneder": typer, "andel_pct": _tal(procenter(typer))},
            "forløb_start": _ordnet(self.start, DRIFTSREGIONSORDEN),
            "forløb_slut": _ordnet(self.slut, DRIFTSREGIONSORDEN),
            "forløb_start_og_slut": _ordnet(self.start_og_slut, DRIFTSREGIONSORDEN + ("på-tværs",)),
            "delte_forløb_start_og_slut": _ordnet(self.start_og_slut_delte, DRIFTSREGIONSORDEN + ("på-tværs",)),
            "besættelse": _ordnet(self.besættelse, UDFALD),
            "ikke_besat_driftsregion": _tal(største_rest(ikke_besat)),
            # months by the specialty they are spent in: side ansættelser count where they happen
            "speciale_måneder": _største_først(self.speciale_måneder),
            "sideuddannelse_måneder": _største_først(self.sideuddannelse),
        }


def _største_først(tæller: Counter) -> dict[str, int]:
    return dict(sorted(tæller.items(), key=lambda kv: (-kv[1], slug(kv[0]))))


def _tal(d: dict) -> dict:
    return {k: float(v) for k, v in d.items()}


@dataclass(frozen=True)
class Rundetal:
    """One recruitment round as counted: its outcome and where the forløb not filled would have been."""

    fil: Path
    år: int
    runde: int
    region: str
    speciale: str
    fase: str
    dimensioneret: float | None
    besættelse: dict[str, int]
    ikke_besat_driftsregion: dict[str, Fraction]

    @property
    def betegnelse(self) -> str:
        return f"{self.år}-{self.runde}"

    @property
    def ikke_besat(self) -> int:
        return self.besættelse["ubesat"] + self.besættelse["flexforløb"]

    def as_dict(self, vis_sti=str) -> dict:
        return {"fil": vis_sti(self.fil), "runde": self.betegnelse, "år": self.år, "nummer": self.runde,
                "videreuddannelsesregion": self.region, "speciale": self.speciale, "fase": self.fase,
                "dimensioneret": self.dimensioneret, "besættelse": dict(self.besættelse),
                "ikke_besat": self.ikke_besat,
                "ikke_besat_driftsregion": _tal(største_rest(_ordnet(self.ikke_besat_driftsregion, DRIFTSREGIONSORDEN)))}


def rundetal(dok, indeks: dict) -> Rundetal:
    """A checked round (every forløb found) as figures; unfilled forløb spread by their months."""

    r = dok.model
    forløb = indeks[celle(r.videreuddannelsesregion, r.speciale, r.fase)]
    tal = {k: sum(getattr(f, k) for f in r.forløb) for k in UDFALD}
    spredt: dict[str, Fraction] = {}
    for f in r.forløb:
        ikke = f.ubesat + f.flexforløb
        if not ikke:
            continue
        program = forløb[f.forløb.strip()][0]
        for a in program.ansættelser:
            spredt[a.driftsregion] = spredt.get(a.driftsregion, Fraction(0)) + Fraction(ikke * a.måneder, program.måneder)
    speciale = forløb[r.forløb[0].forløb.strip()][0].speciale  # as the programmes spell it
    return Rundetal(dok.fil, r.år, r.runde, str(r.videreuddannelsesregion), speciale, str(r.fase), r.dimensioneret,
                    tal, spredt)


def _regionsorden(r: str | None) -> int:
    return REGIONER.index(r) if r in REGIONER else len(REGIONER)


def celler(forløb: list[Forløb], runder: list[Rundetal]) -> tuple[list[Celletal], list[Celletal], Celletal]:
    """(cells by region, specialty and phase; one per region; the country) — in a stable order."""

    efter_celle: dict[tuple, Celletal] = {}
    for f in forløb:
        nøgle = (f.region, slug(f.speciale), f.fase)
        c = efter_celle.get(nøgle)
        if c is None:
            c = efter_celle[nøgle] = Celletal(f.region, f.speciale, f.fase)
        c.tilføj(f)
    for r in runder:
        efter_celle[(r.region, slug(r.speciale), r.fase)].tilføj_besættelse(r.besættelse, r.ikke_besat_driftsregion)
    orden = sorted(efter_celle, key=lambda n: (_regionsorden(n[0]), n[1], FASER.index(n[2])))
    cellerne = [efter_celle[n] for n in orden]
    regioner: dict[str, Celletal] = {}
    national = Celletal(None, None, None)
    for c in cellerne:
        regioner.setdefault(c.region, Celletal(c.region, None, None)).læg_til(c)
        national.læg_til(c)
    return cellerne, [regioner[r] for r in sorted(regioner, key=_regionsorden)], national
