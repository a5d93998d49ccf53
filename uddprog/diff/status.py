"""`uddprog status`: one line per programme — its målbeskrivelse version, newer versions and deadlines.

The overview a videreuddannelsessekretariat keeps in a spreadsheet today.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .. import regler
from ..catalog import Katalog
from ..datoer import læg_måneder_til, revisionsfrist
from ..findings import Finding
from ..loading import Dokument
from ..models import Uddannelsesprogram
from .impact import reference


@dataclass(frozen=True)
class Statuslinje:
    fil: Path
    titel: str | None = None
    målbeskrivelse: str | None = None
    version: str | None = None
    kendt_version: bool = False  # the referenced version exists in the catalog
    nyeste_version: str | None = None
    nyere_version: str | None = None  # the first version after the programme's, if any
    revisionsfrist: date | None = None
    frist_overskredet: bool | None = None
    godkendt_dato: date | None = None
    næste_revision: date | None = None
    næste_revision_beregnet: bool = False  # computed from the template's interval, not written in the programme
    næste_revision_overskredet: bool | None = None
    udfaset: bool = False  # the programme's version is phased out on the status date
    overgangsregel: str | None = None  # who stays on the programme's version when the newer one applies
    fund: tuple[Finding, ...] = ()
    revision_fra: str | None = None  # ansvar.revision: the version revised from
    revision_status: str | None = None  # "afventer-godkendelse" or "godkendt"
    revision_dato: date | None = None
    udkast: bool = False  # 'status: udkast'

    @property
    def nyere_findes(self) -> bool:
        return self.nyere_version is not None


def status(programmer: Iterable[Dokument[Uddannelsesprogram] | tuple[Path, list[Finding]]], katalog: Katalog,
           dato: date | None = None) -> list[Statuslinje]:
    dato = dato or date.today()
    return [_linje(p, katalog, dato) for p in programmer]


def _linje(dok, katalog: Katalog, dato: date) -> Statuslinje:
    if isinstance(dok, tuple):
        return Statuslinje(Path(dok[0]), fund=tuple(dok[1]))
    p = dok.model
    ref = p.målbeskrivelse
    # The catalog's look-ups, so status agrees with validate's P001 and P021.
    alle = [d.model for d in katalog.versioner(ref.speciale, ref.fase)]
    egen = katalog.målbeskrivelse(ref)
    nyere = [d.model for d in katalog.nyere_versioner(egen.model)] if egen else []
    skabelon = katalog.skabelon(p.skabelon)
    måneder = katalog.revision_måneder(p.videreuddannelsesregion, p.skabelon)
    frist = revisionsfrist(nyere[0].gyldig_fra, måneder) if nyere and måneder is not None else None
    næste, beregnet = p.ansvar.næste_revision, False
    interval = skabelon.model.revisionsinterval_måneder if skabelon else None
    if næste is None and p.ansvar.godkendt_dato and interval:
        næste, beregnet = læg_måneder_til(p.ansvar.godkendt_dato, interval), True
    return Statuslinje(
        fil=dok.fil, titel=p.titel, målbeskrivelse=reference(ref.speciale, ref.fase, ref.version), version=ref.version,
        kendt_version=egen is not None, nyeste_version=alle[-1].version if alle else None,
        nyere_version=nyere[0].version if nyere else None, revisionsfrist=frist,
        frist_overskredet=(frist < dato) if frist else None, godkendt_dato=p.ansvar.godkendt_dato,
        næste_revision=næste, næste_revision_beregnet=beregnet,
        næste_revision_overskredet=(næste < dato) if næste else None,
        revision_fra=p.ansvar.revision.fra_version if p.ansvar.revision else None,
        revision_status=p.ansvar.revision.status if p.ansvar.revision else None,
        revision_dato=p.ansvar.revision.dato if p.ansvar.revision else None,
        udfaset=bool(egen and regler.udfaset(egen.model, dato)),
        overgangsregel=regler.overgangsregel(egen.model, nyere[0]) if egen and nyere else None,
        udkast=p.udkast,
    )


# --- output ---------------------------------------------------------------------

def _dato(d: date | None) -> str:
    return d.isoformat() if d else "–"


def _frist(d: date | None, overskredet: bool | None) -> str:
    return "–" if d is None else d.isoformat() + (" OVERSKREDET" if overskredet else "")


def _revision(l: Statuslinje) -> str:
    if l.revision_status is None:
        return "–"
    hvad = "AFVENTER GODKENDELSE" if l.revision_status == "afventer-godkendelse" else "godkendt"
    return f"fra {l.revision_fra} {_dato(l.revision_dato)} {hvad}"


def status_rækker(linjer: list[Statuslinje], vis_sti) -> list[list[str]]:
    """Header plus one row per programme, as plain strings (the CLI aligns and colours them)."""
    rækker = [["Program", "Målbeskrivelse", "Nyere version", "Revisionsfrist", "Godkendt", "Næste revision", "Revision"]]
    for l in linjer:
        if l.fund:
            rækker.append([vis_sti(l.fil), "kunne ikke læses: " + l.fund[0].besked, "", "", "", "", ""])
            continue
        mb = l.målbeskrivelse + ("" if l.kendt_version else " (ukendt version)") + (" (udfaset)" if l.udfaset else "")
        næste = _frist(l.næste_revision, l.næste_revision_overskredet) + (" (beregnet)" if l.næste_revision_beregnet else "")
        rækker.append([vis_sti(l.fil) + (" (udkast)" if l.udkast else ""), mb, l.nyere_version or "nej", _frist(l.revisionsfrist, l.frist_overskredet),
                       _dato(l.godkendt_dato), næste, _revision(l)])
    return rækker


def overgange(linjer: list[Statuslinje]) -> list[str]:
    """Each transition rule once ('neurologi/hoveduddannelse@2011: Læger ansat før …'), for under the table."""
    return list(dict.fromkeys(f"{l.målbeskrivelse}: {l.overgangsregel}" for l in linjer if l.overgangsregel))


def status_json(linjer: list[Statuslinje], dato: date, vis_sti) -> dict:
    return {
        "format": "uddprog-status",
        "formatversion": 1,
        "dato": dato.isoformat(),
        "programmer": [{
            "fil": vis_sti(l.fil),
            "titel": l.titel,
            "målbeskrivelse": l.målbeskrivelse,
            "version": l.version,
            "kendt_version": l.kendt_version,
            "nyeste_version": l.nyeste_version,
            "nyere_version": l.nyere_version,
            "nyere_findes": l.nyere_findes,
            "revisionsfrist": l.revisionsfrist.isoformat() if l.revisionsfrist else None,
            "frist_overskredet": l.frist_overskredet,
            "godkendt_dato": l.godkendt_dato.isoformat() if l.godkendt_dato else None,
            "næste_revision": l.næste_revision.isoformat() if l.næste_revision else None,
            "næste_revision_beregnet": l.næste_revision_beregnet,
            "næste_revision_overskredet": l.næste_revision_overskredet,
            "udfaset": l.udfaset,
            "udkast": l.udkast,
            "overgangsregel": l.overgangsregel,
            "fund": [f.som_json() for f in l.fund],
            "revision": None if l.revision_status is None else {
                "fra_version": l.revision_fra, "dato": _dato(l.revision_dato), "status": l.revision_status},
        } for l in linjer],
    }
