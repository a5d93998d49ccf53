"""The individual uddannelsesplan as a Word document prefilled from the programme and the trainee's dates.

The plan a trainee and the hovedvejleder fill in at the introduktionssamtale, revise after every
vejledersamtale and upload to uddannelseslæge.dk: per ansættelse the samtaler with their deadlines, the
competencies the programme plans there with their learning and assessment methods and dates, columns left
empty for what happened (held, approved), and room for the trainee's own goals and agreements; then the
courses with their windows, fokuserede ophold and the research training. Names come from the caller (the
command line) only; without them the fields are left to fill in by hand.
"""

from __future__ import annotations

from datetime import date
from typing import Sequence

from ..datoer import dansk_dato, måneder_tekst
from ..models import Maalbeskrivelse, Uddannelsesprogram, visningsnavn
from .tidsplan import Begivenhed, Kalender, Orlov
from .word import Worddokument

TOM = "…………………………"


def _navne(værdier) -> str:
    return ", ".join(visningsnavn(v) for v in værdier) or "–"


def uddannelsesplan_docx(program: Uddannelsesprogram, mb: Maalbeskrivelse | None, begivenheder: Sequence[Begivenhed],
                         start: date, orlov: Sequence[Orlov] = (), navn: str | None = None,
                         vejledere: dict[str, str] | None = None) -> bytes:
    """The plan as DOCX bytes; ``vejledere`` maps an ansættelse's id to its hovedvejleder's name."""
    k = Kalender(start, orlov)
    perioder = program.perioder()
    slut = k.måned_slut(program.varighed_måneder)
    ref = program.målbeskrivelse
    d = Worddokument(f"Individuel uddannelsesplan – {program.forløbsbetegnelse}", emne=program.titel, dato=start)
    d.overskrift("Individuel uddannelsesplan", 0)
    d.felt("Uddannelseslæge", navn or TOM)
    d.felt("Forløb", f"{program.forløbsbetegnelse} ({visningsnavn(program.videreuddannelsesregion)})")
    d.felt("Uddannelsesprogram", program.titel)
    d.felt("Målbeskrivelse", f"{ref.speciale}, {visningsnavn(ref.fase).lower()}, version {ref.version}")
    d.felt("Periode", f"{dansk_dato(start)} – {dansk_dato(slut)} ({program.varighed_måneder} måneder"
                      + (f" og {sum(o.dage for o in orlov)} dages orlov" if orlov else "") + ")")
    for o in k.orlov:
        d.felt("Orlov", f"{dansk_dato(o.fra)} – {dansk_dato(o.til)}")
    d.afsnit("Planen udfyldes sammen med hovedvejlederen ved introduktionssamtalen, revideres efter hver "
             "vejledersamtale og lægges på uddannelseslæge.dk. Datoerne er beregnet ud fra "
             "uddannelsesprogrammet og startdatoen; aftal ændringer med din hovedvejleder.", "Lille")

    samtaler = {b.nøgle: b for b in begivenheder if b.art in ("samtale", "uddannelsesplan")}
    for nr, a in enumerate(program.ansættelser, start=1):
        fra, til = perioder[a.id]
        d.overskrift(f"Ansættelse {nr}: {a.afdeling}, {a.sted}", 1)
        d.felt("Periode", f"{dansk_dato(k.måned_start(fra))} – {dansk_dato(k.måned_slut(til))} "
                          f"({måneder_tekst(fra, til)} af forløbet)")
        d.felt("Hovedvejleder", (vejledere or {}).get(a.id) or TOM)
        d.overskrift("Vejledersamtaler", 2)
        rækker = []
        if (b := samtaler.get(f"uddannelsesplan:{a.id}")) is not None:
            rækker.append(["Uddannelsesplan foreligger", dansk_dato(b.start), "", ""])
        for i, s in enumerate(a.vejledersamtaler, start=1):
            b = samtaler[f"samtale:{a.id}:{i}"]
            rækker.append([visningsnavn(s.type) + (" (med karrierevejledning)" if s.karrierevejledning else ""),
                           dansk_dato(b.start), "", ""])
        if rækker:
            d.tabel(["Samtale", "Senest", "Afholdt (dato)", "Aftaler"], rækker, [34, 18, 16, 32])
        else:
            d.afsnit("Programmet nævner ingen samtaler for ansættelsen; aftal dem med hovedvejlederen.")
        d.overskrift("Kompetencer i ansættelsen", 2)
        plan = [p for p in program.kompetenceplan if p.ansættelse == a.id]
        if plan:
            rækker = []
            for p in sorted(plan, key=lambda p: (p.fra_måned, p.til_måned)):
                kompetence = mb.kompetence(p.kompetence) if mb else None
                titel = f"{p.kompetence} {kompetence.titel}" if kompetence else p.kompetence
                metoder = p.vurderingsmetoder or (kompetence.vurderingsmetoder if kompetence else [])
                kort = "".join(f"\n{c.id}: {c.titel}" for c in (kompetence.kompetencekort if kompetence else []))
                rækker.append([titel, f"{dansk_dato(k.måned_start(p.fra_måned))} – "
                               f"{dansk_dato(k.måned_slut(p.til_måned))}", _navne(p.læringsmetoder),
                               _navne(metoder) + kort, ""])
            d.tabel(["Kompetence", "Periode", "Læringsmetoder", "Vurdering", "Godkendt (dato)"], rækker,
                    [30, 20, 18, 20, 12])
        else:
            d.afsnit("Programmet planlægger ingen kompetencer i ansættelsen.")
        d.overskrift("Mine mål og aftaler for ansættelsen", 2)
        for _ in range(3):
            d.afsnit(TOM * 3)

    kurser = [b for b in begivenheder if b.art == "kursus"]
    if kurser:
        d.overskrift("Kurser", 1)
        d.tabel(["Kursus", "Vindue", "Bemærkning", "Gennemført (dato)"],
                [[b.titel.removeprefix("Kursusvindue: "), f"{dansk_dato(b.start)} – {dansk_dato(b.slut)}",
                  b.beskrivelse, ""] for b in kurser], [30, 22, 34, 14])
    ophold = [b for b in begivenheder if b.art == "ophold"]
    if ophold:
        d.overskrift("Fokuserede ophold", 1)
        d.tabel(["Sted", "Periode", "Formål", "Gennemført (dato)"],
                [[b.sted, f"{dansk_dato(b.start)} – {dansk_dato(b.slut)}", b.beskrivelse, ""] for b in ophold],
                [28, 22, 36, 14])
    forskning = [b for b in begivenheder if b.art == "forskning" or b.nøgle.startswith("forskning:")]
    if forskning:
        d.overskrift("Forskningstræning", 1)
        d.tabel(["Hvad", "Dato", "Bemærkning"],
                [[b.titel.removeprefix("Frist: "), dansk_dato(b.start) if b.start == b.slut
                  else f"{dansk_dato(b.start)} – {dansk_dato(b.slut)}", b.beskrivelse] for b in forskning],
                [30, 28, 42])
    d.overskrift("Karriereplan", 1)
    d.afsnit("Medbringes til introduktionssamtalen i hver ansættelse.", "Lille")
    for _ in range(3):
        d.afsnit(TOM * 3)
    return d.docx()
