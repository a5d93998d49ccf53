"""`uddprog godkend`: record an approval as regions give them, with the same surgical edits as `migrate`.

One command for every approval of a programme: the first, the periodic re-approval P023 asks for, the
approval of a revision to a new målbeskrivelse (``ansvar.revision`` from `migrate`) and a correction of
the latest one (``ret``: a wrong approver or date). Each approval is a line in the history
``ansvar.godkendelser`` (the approval the programme had before the history began is kept as its first
line), and ``godkendt_dato``, ``godkendt_af`` and ``næste_revision`` follow the latest approval, so the
old approver never stays beside a new date. Who approves comes from ``--af`` or the region's
``godkendes_af`` in uddprog.toml (``[regioner.Nord]``), who recommends from its ``indstilles_af``. A region
that approves a phase per delforløb (Syd: KBU per department or practice, ``delforloeb = ["kbu"]``) names
the ansættelse; the programme counts as approved when every ansættelse is. An approved programme is no
draft: ``status: udkast`` goes. Nothing else in the file changes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..catalog import Katalog
from ..checks import valider_program
from ..datoer import dansk_dato, læg_måneder_til
from ..findings import Severity
from ..loading import LoadError, indlæs, læs_tekst
from ..models import visningsnavn
from ..navne import mente_du
from ..yamlredigering import RedigeringsFejl, YamlRedigering
from . import BOM, FEJL, MIGRERET, Migrering, Punkt
from .plan import Mærke

#: The reason written for an approval the programme had before its history began.
FØR_HISTORIKKEN = "Godkendelse før historikken"


def godkend(fil: Path, katalog: Katalog, dato: date | None, af: str | None = None, ret: bool = False,
            delforløb: str | None = None, i_dag: date | None = None) -> Migrering:
    """The approved (or corrected) programme in memory (write it with :func:`uddprog.migrate.skriv`).

    ``dato`` is the approval's date (None: ``i_dag``; with ``ret`` None keeps the recorded date);
    ``i_dag`` is today, the date of a correction."""
    fil = Path(fil)
    i_dag = i_dag or date.today()
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
    p = dok.model
    a = p.ansvar
    region = str(p.videreuddannelsesregion)
    opsætning = katalog.konfig.regionsopsætning(region)
    bom = tekst.startswith(BOM)
    tekst = tekst.removeprefix(BOM)
    try:
        red = YamlRedigering(tekst)
    except RedigeringsFejl as e:
        return Migrering.fejlet(fil, f"Godkendelsen kan ikke skrives automatisk: {e}")
    ændringer: list[tuple[tuple, str, object, str]] = []  # (mapping path, key, value, what it says)
    færdig = False  # the programme as a whole is approved by this approval

    if ret:
        if af is None and dato is None:
            return Migrering.fejlet(fil, "Angiv hvad der skal rettes: --af (hvem der godkendte) og/eller --dato.")
        if a.godkendt_dato is None and not a.godkendelser:
            return Migrering.fejlet(fil, "Programmet har ingen godkendelse at rette; godkend det uden --ret.")
        historik = _historik(a)
        sidste = dict(historik[-1])
        if af is not None:
            sidste["af"] = af
            ændringer.append((("ansvar",), "godkendt_af", af, f"Godkendende organ rettet til {af}."))
        if dato is not None:
            sidste["dato"] = dato.isoformat()
            ændringer.append((("ansvar",), "godkendt_dato", dato.isoformat(), f"Godkendelsesdato rettet til "
                                                                               f"{dansk_dato(dato)}."))
        sidste["rettet"] = i_dag.isoformat()
        historik[-1] = sidste
        beskrivelse = f"Godkendelsen rettet {dansk_dato(i_dag)}."
    else:
        dato = dato or i_dag
        af = af or opsætning.godkendes_af
        if not af:
            return Migrering.fejlet(fil, f"Angiv hvem der har godkendt programmet med --af, eller skriv organet for "
                                         f"{visningsnavn(p.videreuddannelsesregion)} i uddprog.toml under "
                                         f"[regioner.{_tomlnøgle(region)}] som godkendes_af = \"…\"; ellers ville den "
                                         "tidligere godkender stå ved den nye dato.")
        fejl = [f for f in valider_program(dok, katalog, dato) if f.severity == Severity.ERROR]
        if fejl:
            return Migrering.fejlet(fil, f"Programmet har {len(fejl)} fejl (fx beslutninger, der stadig står som "
                                         "UDFYLD); ret dem, før det godkendes.", fejl)
        r = a.revision
        afventer = r is not None and r.status == "afventer-godkendelse"
        if afventer and dato < r.dato:
            return Migrering.fejlet(fil, f"Godkendelsen ({dansk_dato(dato)}) kan ikke ligge før revisionen "
                                         f"({dansk_dato(r.dato)}).")
        seneste = max([g.dato for g in a.godkendelser] + ([a.godkendt_dato] if a.godkendt_dato else []), default=None)
        if seneste is not None and dato < seneste:
            return Migrering.fejlet(fil, f"Godkendelsen ({dansk_dato(dato)}) kan ikke ligge før den seneste "
                                         f"({dansk_dato(seneste)}); brug --ret for at rette den.")
        if seneste is not None and dato == seneste and delforløb is None:
            return Migrering.fejlet(fil, f"Programmet er allerede godkendt {dansk_dato(dato)}; brug --ret for at rette "
                                         "godkendelsen, eller angiv datoen for en ny med --dato.")
        ansættelser = [x.id for x in p.ansættelser]
        pr_delforløb = str(p.målbeskrivelse.fase) in opsætning.delforløb
        if delforløb is not None and delforløb not in ansættelser:
            return Migrering.fejlet(fil, f"Delforløbet '{delforløb}' er ikke en af programmets ansættelser "
                                         f"({', '.join(ansættelser)}).{mente_du(delforløb, ansættelser)}")
        if pr_delforløb and delforløb is None:
            return Migrering.fejlet(fil, f"I {visningsnavn(p.videreuddannelsesregion)} godkendes "
                                         f"{visningsnavn(p.målbeskrivelse.fase).lower()} pr. delforløb; angiv "
                                         f"ansættelsen med --delforløb ({', '.join(ansættelser)}).")
        anledning = (f"Revision til målbeskrivelse {r.til_version}" if afventer
                     else "Gengodkendelse" if seneste is not None else "Første godkendelse")
        historik = _historik(a) if seneste is not None else []
        post = {"dato": dato.isoformat(), "af": af}
        if opsætning.indstilles_af:
            post["indstillet_af"] = opsætning.indstilles_af
        post["anledning"] = anledning
        if delforløb is not None:
            post["delforløb"] = delforløb
        historik.append(post)
        grænse = max([g["dato"] for g in historik if "delforløb" not in g] + ([r.dato.isoformat()] if afventer else []),
                     default="")
        # A delforløb approval counts towards the whole when it is not older than the last complete approval
        # (or the revision awaiting approval): a revision asks every delforløb again.
        godkendte = {g.get("delforløb") for g in historik if g["dato"] >= grænse}
        færdig = delforløb is None or all(x in godkendte for x in ansættelser)
        if afventer and færdig:
            ændringer.append((("ansvar", "revision"), "status", "godkendt", f"Revisionen fra version {r.fra_version} "
                              f"til {r.til_version} er godkendt."))
        if færdig:
            ændringer += [
                (("ansvar",), "godkendt_dato", dato.isoformat(), f"Godkendt {dansk_dato(dato)}."),
                (("ansvar",), "godkendt_af", af, f"Godkendt af {af}."),
            ]
            skabelon = katalog.skabelon(p.skabelon)
            interval = skabelon.model.revisionsinterval_måneder if skabelon else None
            if interval:
                næste = læg_måneder_til(dato, interval)
                ændringer.append((("ansvar",), "næste_revision", næste.isoformat(),
                                  f"Næste revision senest {dansk_dato(næste)} (skabelonens {interval} måneder)."))
        beskrivelse = (f"{anledning} {dansk_dato(dato)} af {af}" + (f" (delforløb {delforløb})" if delforløb else "")
                       + ("." if færdig else "; de øvrige delforløb mangler endnu godkendelse."))

    # A value that stays the same is not written again (its quoting stays the author's).
    ændringer = [æ for æ in ændringer if _værdi(red.data, æ[0] + (æ[1],)) != æ[2]]
    try:
        # The history first: a new line of it and a new key of 'ansvar' may go in at the same place (the end of
        # the mapping), and the line must stay in the list, before the key.
        m = Mærke("godkendt", beskrivelse, ("ansvar", "godkendelser"))
        _skriv_historik(red, a, historik, m)
        mærker = [m]
        for sti in dict.fromkeys(æ[0] for æ in ændringer):  # per mapping, its keys in one edit
            dens = [æ for æ in ændringer if æ[0] == sti]
            m = Mærke("godkendt", " ".join(æ[3] for æ in dens), sti)
            red.sæt_nøgler(sti, {æ[1]: æ[2] for æ in dens}, mærke=m)
            mærker.append(m)
        if færdig and p.udkast:
            m = Mærke("godkendt", "Programmet er ikke længere et udkast ('status: udkast' er slettet).", ("status",))
            red.slet(("status",), mærke=m)
            mærker.append(m)
        resultat = red.anvend()
        indlæs(fil, tekst=resultat.tekst)
    except RedigeringsFejl as e:
        return Migrering.fejlet(fil, f"Godkendelsen kan ikke skrives automatisk: {e}")
    except LoadError as e:
        return Migrering.fejlet(fil, "Godkendelsen ville give et ugyldigt program og er ikke skrevet.", e.fund)
    steder = {m: i for m, i in resultat.steder}
    punkter = tuple(sorted((Punkt(m, resultat.linje(steder[m])) for m in mærker if m in steder),
                           key=lambda p: p.linje))
    r = a.revision
    return Migrering(fil, MIGRERET, "", r.fra_version if r else None, r.til_version if r else None,
                     rettelser=punkter, gammel_tekst=råt.decode("utf-8"), ny_tekst=(BOM if bom else "") + resultat.tekst,
                     råt_data=råt)


def _værdi(data, sti: tuple):
    for d in sti:
        if not isinstance(data, dict) or d not in data:
            return None
        data = data[d]
    return data


def _historik(a) -> list[dict]:
    """The approval history as data: the recorded one, or the approval the programme has (its first line)."""
    if a.godkendelser:
        return [_som_data(g) for g in a.godkendelser]
    if a.godkendt_dato is None:
        return []
    post = {"dato": a.godkendt_dato.isoformat()}
    if a.godkendt_af:
        post["af"] = a.godkendt_af
    else:
        post["af"] = "ikke angivet"
    post["anledning"] = FØR_HISTORIKKEN
    return [post]


def _som_data(g) -> dict:
    ud = {"dato": g.dato.isoformat(), "af": g.af}
    for felt in ("indstillet_af", "anledning", "delforløb"):
        if getattr(g, felt) is not None:
            ud[felt] = getattr(g, felt)
    if g.rettet is not None:
        ud["rettet"] = g.rettet.isoformat()
    return ud


def _skriv_historik(red: YamlRedigering, a, historik: list[dict], mærke: Mærke) -> None:
    """The history in the file: appended (or its last line replaced) when it is there, else written as a new
    key under ``ansvar`` with every line."""
    if a.godkendelser:
        n = len(a.godkendelser)
        if len(historik) == n:  # a correction: the last line anew
            sti = ("ansvar", "godkendelser", n - 1)
            if red.node(sti).flow_style:
                red.sæt(sti, historik[-1], mærke=mærke)
            else:
                for k, v in historik[-1].items():
                    red.sæt_nøgle(sti, k, v, mærke=mærke)
        else:
            red.tilføj(("ansvar", "godkendelser"), historik[n:], mærke=mærke)
    else:
        red.sæt_nøgle(("ansvar",), "godkendelser", historik, mærke=mærke, blok=True)


def _tomlnøgle(region: str) -> str:
    return region if region.isascii() else f'"{region}"'


__all__ = ["FEJL", "FØR_HISTORIKKEN", "godkend"]
