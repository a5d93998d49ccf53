"""A department's page as a Word document, for the selvevalueringsrapport before an inspector's visit.

The same content as the department's page on the site (:mod:`.afdelinger`): the forløb that pass through, the
competencies planned there with their assessment methods and kompetencekort, courses and fokuserede ophold,
the vejledersamtaler promised, the texts on introduction, supervision and teaching, the approval date and
målbeskrivelse version of each programme, and the UAO's contact. Landscape, so the tables stay readable.
"""

from __future__ import annotations

from datetime import date

from ..datoer import dansk_dato
from .afdelinger import Afdeling
from .regneark import visningsnavn_fase
from .word import Worddokument


def _dato(d: date | None) -> str:
    return dansk_dato(d) if d else "ikke godkendt"


def afdeling_docx(a: Afdeling, dato: date) -> bytes:
    d = Worddokument(f"{a.titel} – uddannelsesprogrammernes indhold", emne="Bilag til selvevalueringsrapport",
                     dato=dato, liggende=True)
    d.overskrift(a.titel, 0)
    d.afsnit(f"Hvad de godkendte uddannelsesprogrammer lover uddannelseslægerne på afdelingen. Udtrukket af "
             f"uddprog den {dansk_dato(dato)} fra {len({f.titel for f in a.forløb})} "
             f"{'program' if len({f.titel for f in a.forløb}) == 1 else 'programmer'} som bilag til "
             "afdelingens selvevalueringsrapport.", "Lille")
    d.felt("Type", a.type)
    if a.driftsregioner:
        d.felt("Driftsregion", ", ".join(f"Region {r}" for r in a.driftsregioner))
    d.felt("Specialer", ", ".join(a.specialer))
    for k in a.kontakter:
        d.felt(k.rolle, ", ".join(x for x in (k.navn, k.titel, k.telefon, k.email) if x))

    d.overskrift("Forløb gennem afdelingen", 1)
    d.tabel(["Program", "Fase", "Forløb", "Måneder", "Periode i forløbet", "Godkendt", "Målbeskrivelse"],
            [[f.titel + (" (kladde)" if f.kladde else ""), visningsnavn_fase(f.fase), f.forløb, str(f.måneder),
              f.periode, _dato(f.godkendt), f"version {f.version}"
              + (f" (nyeste: {f.nyeste_version})" if f.nyere_findes else "")] for f in a.forløb],
            [27, 14, 15, 8, 11, 11, 14])

    d.overskrift("Kompetencer planlagt på afdelingen", 1)
    if a.kompetencer:
        d.tabel(["Målbeskrivelse", "Kompetence", "Vurderingsmetoder", "Kompetencekort", "Forløb og periode"],
                [[r.målbeskrivelse, f"{r.id} {r.titel}", ", ".join(r.vurderingsmetoder) or "–",
                  "\n".join(r.kompetencekort) or "–", "\n".join(f"{f}: {p}" for f, p in r.forløb)]
                 for r in a.kompetencer], [18, 26, 18, 16, 22])
    else:
        d.afsnit("Programmerne planlægger ingen kompetencer på afdelingen.")

    d.overskrift("Kurser og fokuserede ophold", 1)
    if a.placeringer:
        d.tabel(["Art", "Kursus eller ophold", "Forløb", "Periode", "Bemærkning"],
                [["Kursus" if p.art == "kursus" else "Fokuseret ophold", p.titel, p.forløb, p.periode, p.bemærkning]
                 for p in a.placeringer], [12, 28, 18, 12, 30])
    else:
        d.afsnit("Programmerne placerer ingen kurser eller fokuserede ophold i afdelingens måneder.")

    d.overskrift("Vejledersamtaler", 1)
    d.tabel(["Program", "Forløb", "Samtaler (dag 1 er første arbejdsdag)"],
            [[f.titel, f.forløb, "\n".join(f.samtaler) or "ingen planlagt"] for f in a.forløb], [40, 20, 40])

    d.overskrift("Introduktion, vejledning og undervisning", 1)
    for t in a.tekster:
        d.overskrift(t.overskrift, 2)
        d.afsnit("Fra " + "; ".join(t.programmer) + ".", "Lille")
        d.markdown(t.tekst)
    return d.docx()
