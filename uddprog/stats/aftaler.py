"""Targets (aftaler/*.yaml) evaluated over the aggregate: one general mechanism, no rule in code.

A target selects cells (region, phase, specialties), groups them per specialty or as a whole, sums
the distribution its measure names and compares the exact shares with its requirements. Status per
group: ``opfyldt``, ``ikke-opfyldt``, ``udeladt`` (an exception leaves the specialty out) or
``intet-at-måle`` (nothing counted).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from ..models.vocab import VISNINGSNAVNE
from ..navne import slug
from .afrunding import dansk_tal, procenter
from .aggregat import Celletal

OPFYLDT, IKKE_OPFYLDT, UDELADT, INTET = "opfyldt", "ikke-opfyldt", "udeladt", "intet-at-måle"
STATUSTEKST = {OPFYLDT: "opfyldt", IKKE_OPFYLDT: "ikke opfyldt", UDELADT: "udeladt", INTET: "intet at måle"}

_NAVN = {"universitetshospital": "universitetshospital", "øvrige": "øvrige steder", "på-tværs": "på tværs",
         "besat": "besat", "ubesat": "ubesat", "flexforløb": "flexforløb"}


def gruppenavn(gruppe: str) -> str:
    """A measured group as shown: the specialty, or 'Alle udvalgte forløb' for ``pr: samlet``."""
    return "Alle udvalgte forløb" if gruppe == "samlet" else gruppe


def nøglenavn(nøgle: str) -> str:
    """A measure's key as Danish text: 'Sjælland' → 'Region Sjælland'."""

    for v, navn in VISNINGSNAVNE.items():
        if v.value == nøgle and type(v).__name__ in ("Driftsregion", "Ansaettelsestype"):
            return navn
    return _NAVN.get(nøgle, nøgle)


@dataclass(frozen=True)
class Måling:
    gruppe: str  # the specialty, or 'samlet'
    status: str
    forløb: int
    værdier: dict  # the measured distribution (exact)
    andele: dict[str, Decimal]  # shown shares, adding to 100
    krav: dict  # andele/tolerance/mindst/over/højst as written
    afvigelser: tuple[str, ...]  # what is not met, in Danish
    begrundelse: str | None = None

    def as_dict(self) -> dict:
        return {"gruppe": self.gruppe, "status": self.status, "forløb": self.forløb,
                "værdier": {k: float(v) if isinstance(v, Fraction) else v for k, v in self.værdier.items()},
                "andel_pct": {k: float(v) for k, v in self.andele.items()}, "krav": self.krav,
                "afvigelser": list(self.afvigelser), "begrundelse": self.begrundelse}


@dataclass(frozen=True)
class Aftaleresultat:
    id: str
    navn: str
    kilde: str
    illustrativ: bool
    fil: Path
    måling: str
    pr: str
    målinger: tuple[Måling, ...]

    def antal(self, status: str) -> int:
        return sum(1 for m in self.målinger if m.status == status)

    def as_dict(self, vis_sti=str) -> dict:
        return {"id": self.id, "navn": self.navn, "kilde": self.kilde, "illustrativ": self.illustrativ,
                "fil": vis_sti(self.fil), "måling": self.måling, "pr": self.pr,
                "opsummering": {s: self.antal(s) for s in (OPFYLDT, IKKE_OPFYLDT, UDELADT, INTET)},
                "målinger": [m.as_dict() for m in self.målinger]}


def _kravdict(krav) -> dict:
    ud = {}
    for felt in ("andele", "mindst", "over", "højst"):
        if getattr(krav, felt):
            ud[felt] = dict(getattr(krav, felt))
    if krav.andele:
        ud["tolerance"] = krav.tolerance
    return ud


def _pct(x: float | Fraction) -> str:
    return dansk_tal(Fraction(x).limit_denominator(1000), 1 if Fraction(x).denominator != 1 else 0) + " %"


def _sammenlign(værdier: dict, krav) -> tuple[str, ...]:
    """What the exact shares fail of ``krav`` (empty: met)."""
    i_alt = sum(Fraction(v) for v in værdier.values())
    andel = {k: Fraction(v) * 100 / i_alt for k, v in værdier.items()}
    vis = procenter(værdier)
    fejl = []
    if krav.andele:
        tol = Fraction(str(krav.tolerance))
        for k in dict.fromkeys([*krav.andele, *(k for k, v in værdier.items() if v)]):
            mål = Fraction(str(krav.andele.get(k, 0)))
            if abs(andel.get(k, Fraction(0)) - mål) > tol:
                fejl.append(f"{nøglenavn(k)} {dansk_tal(vis.get(k, Decimal(0)), 1)} % mod aftalt {_pct(mål)}"
                            + (f" ± {dansk_tal(tol.limit_denominator(1000), 1 if tol.denominator != 1 else 0)} procentpoint" if tol else ""))
    for felt, ok, ord_ in (("mindst", lambda a, m: a >= m, "mindst"), ("over", lambda a, m: a > m, "over"),
                           ("højst", lambda a, m: a <= m, "højst")):
        for k, grænse in (getattr(krav, felt) or {}).items():
            mål = Fraction(str(grænse))
            if not ok(andel.get(k, Fraction(0)), mål):
                fejl.append(f"{nøglenavn(k)} {dansk_tal(vis.get(k, Decimal(0)), 1)} %, skal være {ord_} {_pct(mål)}")
    return tuple(fejl)


def vurder(aftale_dok, celler: list[Celletal]) -> Aftaleresultat:
    a = aftale_dok.model
    g = a.gælder
    specialer = {slug(s) for s in g.specialer}
    valgte = [c for c in celler
              if (g.videreuddannelsesregion is None or c.region == str(g.videreuddannelsesregion))
              and (g.fase is None or c.fase == str(g.fase))
              and (not specialer or slug(c.speciale) in specialer)]
    undtagelse = {slug(s): u for u in a.undtagelser for s in u.specialer}
    grupper: dict[str, list[Celletal]] = {}
    for c in valgte:
        grupper.setdefault(c.speciale if a.pr == "speciale" else "samlet", []).append(c)
    målinger = []
    for gruppe in sorted(grupper, key=slug):
        samlet = Celletal(None, None, None)
        for c in grupper[gruppe]:
            samlet.læg_til(c)
        værdier = samlet.fordeling(a.måling)
        u = undtagelse.get(slug(gruppe)) if a.pr == "speciale" else None
        krav = a.krav
        if u is not None and not u.udelades:
            # an exception without its own tolerance keeps the target's
            krav = u if "tolerance" in u.model_fields_set else u.model_copy(update={"tolerance": a.krav.tolerance})
        kravd = _kravdict(krav) if u is None or not u.udelades else {}
        if u is not None and u.udelades:
            status, fejl = UDELADT, ()
        elif not sum(værdier.values()):
            status, fejl = INTET, ()
        else:
            fejl = _sammenlign(værdier, krav)
            status = IKKE_OPFYLDT if fejl else OPFYLDT
        målinger.append(Måling(gruppe, status, samlet.forløb, værdier, procenter(værdier), kravd, fejl,
                               u.begrundelse if u is not None else None))
    return Aftaleresultat(a.id, a.navn, a.kilde, a.illustrativ, aftale_dok.fil, a.måling, a.pr, tuple(målinger))


def kravtekst(krav: dict) -> str:
    """'Region Sjælland 40 % / Region Hovedstaden 60 % ± 5 procentpoint': a requirement as Danish text."""
    dele = []
    if "andele" in krav:
        dele.append(" / ".join(f"{nøglenavn(k)} {dansk_tal(Fraction(str(v)).limit_denominator(1000), 0 if float(v).is_integer() else 1)} %"
                               for k, v in krav["andele"].items())
                    + (f" ± {dansk_tal(Fraction(str(krav['tolerance'])).limit_denominator(1000), 0 if float(krav['tolerance']).is_integer() else 1)} procentpoint"
                       if krav.get("tolerance") else ""))
    for felt in ("mindst", "over", "højst"):
        for k, v in krav.get(felt, {}).items():
            dele.append(f"{nøglenavn(k)} {felt} {dansk_tal(Fraction(str(v)).limit_denominator(1000), 0 if float(v).is_integer() else 1)} %")
    return "; ".join(dele)
