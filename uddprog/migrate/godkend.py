"""`uddprog godkend`: record the committee's approval of a revised programme, with the same surgical edits.

``ansvar.revision.status`` becomes ``godkendt``, ``ansvar.godkendt_dato`` the approval date, optionally
``ansvar.godkendt_af`` the committee, and ``ansvar.næste_revision`` the date the template's revision
interval gives (so P023 agrees). Nothing else in the file changes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..catalog import Katalog
from ..checks import valider_program
from ..datoer import dansk_dato, læg_måneder_til
from ..findings import Severity
from ..loading import LoadError, indlæs, læs_tekst
from ..yamlredigering import RedigeringsFejl, YamlRedigering
from . import BOM, FEJL, MIGRERET, Migrering, Punkt
from .plan import Mærke


def godkend(fil: Path, katalog: Katalog, dato: date, af: str | None = None) -> Migrering:
    """The approved programme in memory (write it with :func:`uddprog.migrate.skriv`)."""
    fil = Path(fil)
    try:
        læs_tekst(fil)
        råt = fil.read_bytes()
        tekst = råt.decode("utf-8")
        dok = indlæs(fil, tekst=tekst.removeprefix(BOM))
    except LoadError as e:
        return Migrering.fejlet(fil, "Programmet kan ikke læses; ret fejlene først.", e.fund)
    except (OSError, UnicodeDecodeError) as e:
        return Migrering.fejlet(fil, f"Filen kan ikke læses ({e}).")
    if dok.type != "uddannelsesprogram":
        return Migrering.fejlet(fil, f"Filen er en {dok.type}, ikke et uddannelsesprogram.")
    r = dok.model.ansvar.revision
    if r is None or r.status != "afventer-godkendelse":
        return Migrering.fejlet(fil, "Programmet har ingen revision, der afventer godkendelse (ansvar.revision); kør "
                          "'uddprog migrate' først, eller ret godkendelsen direkte i filen.")

    fejl = [f for f in valider_program(dok, katalog, dato) if f.severity == Severity.ERROR]
    if fejl:
        return Migrering.fejlet(fil, f"Programmet har {len(fejl)} fejl (fx beslutninger, der stadig står som UDFYLD); ret dem, "
                          "før revisionen godkendes.", fejl)
    if dato < r.dato:
        return Migrering.fejlet(fil, f"Godkendelsen ({dansk_dato(dato)}) kan ikke ligge før revisionen ({dansk_dato(r.dato)}).")
    bom = tekst.startswith(BOM)
    tekst = tekst.removeprefix(BOM)
    skabelon = katalog.skabelon(dok.model.skabelon)
    interval = skabelon.model.revisionsinterval_måneder if skabelon else None
    try:
        red = YamlRedigering(tekst)
        ændringer = [
            (("ansvar", "revision"), "status", "godkendt", f"Revisionen fra version {r.fra_version} til "
             f"{r.til_version} er godkendt."),
            (("ansvar",), "godkendt_dato", dato.isoformat(), f"Godkendt {dansk_dato(dato)}."),
        ]
        if af:
            ændringer.append((("ansvar",), "godkendt_af", af, f"Godkendt af {af}."))
        if interval:
            næste = læg_måneder_til(dato, interval)
            ændringer.append((("ansvar",), "næste_revision", næste.isoformat(),
                              f"Næste revision senest {dansk_dato(næste)} (skabelonens {interval} måneder)."))
        mærker = []
        for sti, nøgle, værdi, beskrivelse in ændringer:
            m = Mærke("godkendt", beskrivelse, sti + (nøgle,))
            red.sæt_nøgle(sti, nøgle, værdi, mærke=m)
            mærker.append(m)
        resultat = red.anvend()
        indlæs(fil, tekst=resultat.tekst)
    except RedigeringsFejl as e:
        return Migrering.fejlet(fil, f"Godkendelsen kan ikke skrives automatisk: {e}")
    except LoadError as e:
        return Migrering.fejlet(fil, "Godkendelsen ville give et ugyldigt program og er ikke skrevet.", e.fund)
    steder = {m: i for m, i in resultat.steder}
    punkter = tuple(sorted((Punkt(m, resultat.linje(steder[m])) for m in mærker), key=lambda p: p.linje))
    return Migrering(fil, MIGRERET, "", r.fra_version, r.til_version, rettelser=punkter,
                     gammel_tekst=råt.decode("utf-8"), ny_tekst=(BOM if bom else "") + resultat.tekst, råt_data=råt)


__all__ = ["FEJL", "godkend"]
