"""The sheets of the office exports: `status`, `stats`, the department list and the contact list as .xlsx.

Each function turns one view's values into :class:`uddprog.regneark.Ark` (Danish headers, typed columns);
:func:`uddprog.regneark.xlsx_bytes` writes the workbook. The statistics come as the versioned JSON
dictionary of ``uddprog stats`` (``Statistik.as_dict()``, docs/stats-json.md), so this module needs
nothing of the stats engine but its documented format.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..diff.status import Statuslinje
from ..models import Ansvarsrolle, Fase, Uddannelsesprogram, visningsnavn
from ..models.vocab import Driftsregion
from ..regneark import Ark, Kolonne
from .afdelinger import Afdeling, dansk

DRIFTSREGIONER = [d.value for d in Driftsregion]


def status_ark(linjer: Iterable[Statuslinje], vis_sti=str) -> Ark:
    kolonner = [Kolonne("Fil"), Kolonne("Titel"), Kolonne("Målbeskrivelse"), Kolonne("Version"),
                Kolonne("Nyeste version"), Kolonne("Nyere version findes", "janej"), Kolonne("Revisionsfrist", "dato"),
                Kolonne("Frist overskredet", "janej"), Kolonne("Godkendt", "dato"), Kolonne("Næste revision", "dato"),
                Kolonne("Næste revision beregnet", "janej"), Kolonne("Næste revision overskredet", "janej"),
                Kolonne("Udfaset version", "janej"), Kolonne("Revideret fra version"), Kolonne("Revisionsstatus"),
                Kolonne("Fejl")]
    rækker = []
    for l in linjer:
        if l.fund:
            rækker.append([vis_sti(l.fil), None, None, None, None, None, None, None, None, None, None, None, None,
                           None, None, "Kan ikke læses: " + l.fund[0].besked])
            continue
        rækker.append([vis_sti(l.fil), l.titel, l.målbeskrivelse, l.version, l.nyeste_version, l.nyere_findes,
                       l.revisionsfrist, l.frist_overskredet if l.revisionsfrist else None, l.godkendt_dato,
                       l.næste_revision, l.næste_revision_beregnet if l.næste_revision else None,
                       l.næste_revision_overskredet if l.næste_revision else None, l.udfaset, l.revision_fra,
                       {"afventer-godkendelse": "afventer godkendelse", "godkendt": "godkendt"}.get(l.revision_status or "",
                                                                                                    None), None])
    return Ark("Status", kolonner, rækker)


def afdelings_ark(afdelinger: list[Afdeling]) -> list[Ark]:
    """The department list (one row each) and the forløb per department (one row per forløb and department)."""
    oversigt = Ark("Afdelinger", [
        Kolonne("Hospital eller praksis"), Kolonne("Afdeling"), Kolonne("Type"), Kolonne("Driftsregion"),
        Kolonne("Videreuddannelsesregion"), Kolonne("Specialer"), Kolonne("Forløb", "heltal"),
        Kolonne("Måneder i alt", "heltal"), Kolonne("Planlagte kompetencer", "heltal"),
        Kolonne("Kurser og fokuserede ophold", "heltal"), Kolonne("Programmer med nyere målbeskrivelse", "heltal"),
        Kolonne("Kladder", "heltal"), Kolonne("Uddannelsesansvarlig overlæge"), Kolonne("E-mail"), Kolonne("Telefon")])
    forløb = Ark("Forløb pr. afdeling", [
        Kolonne("Hospital eller praksis"), Kolonne("Afdeling"), Kolonne("Program"), Kolonne("Speciale"), Kolonne("Fase"),
        Kolonne("Forløb"), Kolonne("Videreuddannelsesregion"), Kolonne("Måneder", "heltal"),
        Kolonne("Fra måned", "heltal"), Kolonne("Til måned", "heltal"), Kolonne("Godkendt", "dato"),
        Kolonne("Målbeskrivelse, version"), Kolonne("Nyeste version"), Kolonne("Kladde", "janej")])
    for a in afdelinger:
        uao = [k for k in a.kontakter if k.rolle == "UAO"]
        oversigt.rækker.append([
            a.sted, a.navn, a.type, ", ".join(a.driftsregioner), ", ".join(a.regioner), ", ".join(a.specialer),
            a.antal_forløb, a.måneder, len(a.kompetencer), len(a.placeringer),
            sum(1 for f in a.forløb if f.nyere_findes), sum(1 for f in a.forløb if f.kladde),
            "; ".join(k.navn for k in uao), "; ".join(k.email for k in uao if k.email),
            "; ".join(k.telefon for k in uao if k.telefon)])
        for f in a.forløb:
            forløb.rækker.append([a.sted, a.navn, f.titel, f.speciale, visningsnavn_fase(f.fase), f.forløb, f.region,
                                  f.måneder, f.fra_måned, f.til_måned, f.godkendt, f.version, f.nyeste_version,
                                  f.kladde])
    return [oversigt, forløb]


def visningsnavn_fase(fase: str) -> str:
    return visningsnavn(Fase(fase)) if fase in {f.value for f in Fase} else fase


def kontakt_ark(programmer: Iterable[tuple[Uddannelsesprogram, Path]], vis_sti=str) -> Ark:
    """UAOs and PKLs named in the programmes, each person and role once, with the programmes that name them."""
    roller = {Ansvarsrolle.UAO: "Uddannelsesansvarlig overlæge (UAO)", Ansvarsrolle.PKL: "Postgraduat klinisk lektor (PKL)"}
    set_: dict[tuple, list] = {}
    for p, fil in programmer:
        for f in p.ansvar.udarbejdet_af:
            if f.rolle not in roller:
                continue
            nøgle = (f.rolle.value, f.navn)
            række = set_.get(nøgle)
            if række is None:
                række = set_[nøgle] = [roller[f.rolle], f.navn, f.titel or "", getattr(f, "telefon", None) or "",
                                       getattr(f, "email", None) or "", str(p.videreuddannelsesregion), [], 0]
            række[6].append(vis_sti(fil))
            række[7] += 1
    rækker = [[*r[:6], "; ".join(r[6]), r[7]] for r in
              sorted(set_.values(), key=lambda r: (r[0], dansk(r[5]), dansk(r[1])))]
    return Ark("Kontakter", [Kolonne("Rolle"), Kolonne("Navn"), Kolonne("Titel"), Kolonne("Telefon"), Kolonne("E-mail"),
                             Kolonne("Videreuddannelsesregion"), Kolonne("Programmer", bredde=60),
                             Kolonne("Antal programmer", "heltal")], rækker)


def _celle_række(c: dict, navn: str | None = None) -> list:
    d = c["driftsregion"]
    u = c["universitetshospital"]["måneder"]
    return ([navn or c["videreuddannelsesregion"], c["speciale"], visningsnavn_fase(c["fase"]) if c["fase"] else None,
             c["forløb"], c["måneder"], c["årsværk"]]
            + [d["måneder"].get(r, 0) for r in DRIFTSREGIONER] + [d["årsværk"].get(r, 0) for r in DRIFTSREGIONER]
            + [d["andel_pct"].get(r, 0) / 100 for r in DRIFTSREGIONER]
            + [u.get("universitetshospital", 0), u.get("øvrige", 0),
               c["universitetshospital"]["andel_pct"].get("universitetshospital", 0) / 100])


def stats_ark(data: dict) -> list[Ark]:
    """The `uddprog stats` figures (its JSON dictionary) as sheets: cells, regions, rounds and targets."""
    kolonner = ([Kolonne("Videreuddannelsesregion"), Kolonne("Speciale"), Kolonne("Fase"), Kolonne("Forløb", "heltal"),
                 Kolonne("Måneder", "heltal"), Kolonne("Årsværk", "tal")]
                + [Kolonne(f"Måneder, Region {r}", "heltal") for r in DRIFTSREGIONER]
                + [Kolonne(f"Årsværk, Region {r}", "tal") for r in DRIFTSREGIONER]
                + [Kolonne(f"Andel, Region {r}", "procent") for r in DRIFTSREGIONER]
                + [Kolonne("Måneder på universitetshospital", "heltal"), Kolonne("Måneder på øvrige", "heltal"),
                   Kolonne("Andel på universitetshospital", "procent")])
    celler = Ark("Forløb pr. speciale", kolonner, [_celle_række(c) for c in data["celler"]])
    regioner = Ark("Regioner", kolonner, [_celle_række(c) for c in data["regioner"]]
                   + [_celle_række(data["national"], "Hele landet")])
    runder = Ark("Rekrutteringsrunder", [
        Kolonne("Runde"), Kolonne("Videreuddannelsesregion"), Kolonne("Speciale"), Kolonne("Fase"),
        Kolonne("Dimensioneret", "tal"), Kolonne("Opslået", "heltal"), Kolonne("Besat", "heltal"),
        Kolonne("Genopslået", "heltal"), Kolonne("Ubesat", "heltal"), Kolonne("Flexforløb", "heltal"), Kolonne("Fil")],
        [[r["runde"], r["videreuddannelsesregion"], r["speciale"], visningsnavn_fase(r["fase"]), r["dimensioneret"],
          r["besættelse"]["opslået"], r["besættelse"]["besat"], r["besættelse"]["genopslået"],
          r["besættelse"]["ubesat"], r["besættelse"]["flexforløb"], r["fil"]] for r in data["runder"]])
    status = {"opfyldt": "opfyldt", "ikke-opfyldt": "ikke opfyldt", "udeladt": "udeladt", "intet-at-måle": "intet at måle"}
    aftaler = Ark("Aftaler", [Kolonne("Aftale"), Kolonne("Gruppe"), Kolonne("Status"), Kolonne("Forløb", "heltal"),
                              Kolonne("Afvigelser", bredde=60), Kolonne("Kilde", bredde=60)],
                  [[a["navn"], m["gruppe"], status.get(m["status"], m["status"]), m["forløb"],
                    "; ".join(m["afvigelser"]), a["kilde"]] for a in data["aftaler"] for m in a["målinger"]])
    return [regioner, celler, runder, aftaler]
