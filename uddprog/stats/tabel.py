"""The statistics as one long CSV table for spreadsheets and dashboards (one figure per row).

Columns: tabel, videreuddannelsesregion, speciale, fase, runde, nøgle, værdi, andel_pct. ``alle`` in
a grouping column marks a total. Numbers use a decimal point (machine-readable); the file is UTF-8.
"""

from __future__ import annotations

import csv
import io

from .afrunding import procenter, største_rest
from .aggregat import DRIFTSREGIONSORDEN, UDFALD, Celletal

KOLONNER = ("tabel", "videreuddannelsesregion", "speciale", "fase", "runde", "nøgle", "værdi", "andel_pct")
ALLE = "alle"


def _celle(c: Celletal) -> list[tuple]:
    hoved = (c.region or ALLE, c.speciale or ALLE, c.fase or ALLE, "")
    ud = [("forløb", *hoved, "", c.forløb, ""), ("måneder", *hoved, "", c.måneder, "")]
    for tabel, måling in (("måneder-driftsregion", "driftsregion"), ("måneder-universitetshospital", "universitetshospital"),
                          ("måneder-ansættelsestype", "ansættelsestype")):
        fordeling = c.fordeling(måling)
        andele = procenter(fordeling)
        ud += [(tabel, *hoved, k, v, andele.get(k, "")) for k, v in fordeling.items()]
    for tabel, tæller in (("forløb-start", c.start), ("forløb-slut", c.slut)):
        ud += [(tabel, *hoved, d, tæller.get(d, 0), "") for d in DRIFTSREGIONSORDEN]
    ud += [("forløb-start-og-slut", *hoved, k, v, "") for k, v in c.fordeling("start-og-slut").items()]
    if c.besættelse:
        ud += [("besættelse", *hoved, k, c.besættelse.get(k, 0), "") for k in UDFALD]
        fordelt = største_rest({d: c.ikke_besat_driftsregion.get(d, 0) for d in DRIFTSREGIONSORDEN})
        ud += [("ikke-besat-driftsregion", *hoved, d, v, "") for d, v in fordelt.items()]
    return ud


def som_csv(s) -> str:
    rækker: list[tuple] = []
    for c in (*s.celler, *s.regioner, s.national):
        rækker += _celle(c)
    for r in s.runder:
        rækker += [("runde", r.region, r.speciale, r.fase, r.betegnelse, k, r.besættelse[k], "") for k in UDFALD]
    for a in s.aftaler:
        for m in a.målinger:
            rækker.append((f"aftale:{a.id}", "", m.gruppe, "", "", "status", m.status, ""))
            rækker += [(f"aftale:{a.id}", "", m.gruppe, "", "", k, v, m.andele.get(k, "")) for k, v in m.værdier.items()]
    ud = io.StringIO()
    w = csv.writer(ud, lineterminator="\n")
    w.writerow(KOLONNER)
    w.writerows([[float(x) if not isinstance(x, (int, str)) else x for x in r] for r in rækker])
    return ud.getvalue()
