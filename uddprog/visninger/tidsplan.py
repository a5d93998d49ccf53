"""A programme laid on the calendar: from a start date (and leave) to the dated events a trainee plans by.

Month ``m`` of the forløb begins ``m - 1`` whole months after the start date; a vejledersamtale's
``senest_dag`` counts from the ansættelse's first day (day 1). Leave pauses the training clock: every
date on or after the first day of a leave moves by the leave's length, so an ansættelse with leave in it
ends that much later and everything after it follows (the usual rule for barsel and other leave; the
trainee's region decides the details). Course windows come from the målbeskrivelse
(:func:`uddprog.regler.kursusvindue`), research-training deadlines from its rules and the programme's plan.

Pure: no clock, no files; the same programme, start and leave give the same events in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, Sequence

from .. import regler
from ..datoer import dansk_dato, læg_måneder_til, måneder_tekst
from ..fejl import UddprogFejl
from ..markdown import som_tekst
from ..models import Maalbeskrivelse, Uddannelsesprogram, visningsnavn

Art = Literal["ansættelse", "samtale", "uddannelsesplan", "kursus", "ophold", "forskning", "frist", "orlov"]


class TidsplanFejl(UddprogFejl):
    """Bad start date or leave; the message is Danish."""


@dataclass(frozen=True)
class Orlov:
    fra: date
    til: date  # inclusive

    @property
    def dage(self) -> int:
        return (self.til - self.fra).days + 1


@dataclass(frozen=True)
class Begivenhed:
    """One event: all-day from ``start`` to ``slut`` (both inclusive); a deadline has start == slut."""

    nøgle: str  # stable within the programme: the calendar UID is made from it
    art: Art
    titel: str
    start: date
    slut: date
    beskrivelse: str = ""
    sted: str = ""
    ansættelse: str | None = None  # the ansættelse's id, where the event belongs to one


def læs_orlov(tekst: str) -> Orlov:
    """'2028-03-01:2028-08-31' (first and last day, inclusive)."""
    try:
        fra, til = (date.fromisoformat(d.strip()) for d in tekst.split(":"))
    except ValueError:
        raise TidsplanFejl(f"Orlov '{tekst}' skal skrives som FRA:TIL med datoer på formen ÅÅÅÅ-MM-DD, "
                           "fx 2028-03-01:2028-08-31.") from None
    if til < fra:
        raise TidsplanFejl(f"Orlov '{tekst}' slutter før den begynder.")
    return Orlov(fra, til)


class Kalender:
    """Months and days of a forløb on the calendar, with leave moving what comes after it."""

    def __init__(self, start: date, orlov: Sequence[Orlov] = ()):
        self.start = start
        self.orlov = sorted(orlov, key=lambda o: o.fra)
        for a, b in zip(self.orlov, self.orlov[1:]):
            if b.fra <= a.til:
                raise TidsplanFejl(f"To orlovsperioder overlapper ({a.fra.isoformat()}–{a.til.isoformat()} og "
                                   f"{b.fra.isoformat()}–{b.til.isoformat()}).")
        if self.orlov and self.orlov[0].fra < start:
            raise TidsplanFejl(f"Orloven fra {self.orlov[0].fra.isoformat()} begynder før forløbet "
                               f"({start.isoformat()}).")

    def flyt(self, d: date) -> date:
        """A date of the training clock on the calendar: later by every leave that begins on or before it."""
        for o in self.orlov:
            if o.fra <= d:
                d += timedelta(days=o.dage)
        return d

    def uden_orlov_måned(self, måned: int) -> date:
        return læg_måneder_til(self.start, måned - 1)

    def måned_start(self, måned: int) -> date:
        return self.flyt(self.uden_orlov_måned(måned))

    def måned_slut(self, måned: int) -> date:
        """The last day of month ``måned`` (the day before the next month begins), leave included."""
        return self.flyt(self.uden_orlov_måned(måned + 1) - timedelta(days=1))

    def dag(self, første_måned: int, dag: int) -> date:
        """Day ``dag`` (day 1 is the first) of the ansættelse that begins in month ``første_måned``."""
        return self.flyt(self.uden_orlov_måned(første_måned) + timedelta(days=dag - 1))


def _periode(k: Kalender, fra: int, til: int) -> str:
    return f"{måneder_tekst(fra, til)}: {dansk_dato(k.måned_start(fra))}–{dansk_dato(k.måned_slut(til))}"


def tidsplan(program: Uddannelsesprogram, mb: Maalbeskrivelse | None, start: date,
             orlov: Sequence[Orlov] = ()) -> list[Begivenhed]:
    """Every dated event of the programme for a trainee who starts on ``start``, in date order."""
    k = Kalender(start, orlov)
    perioder = program.perioder()
    ud: list[Begivenhed] = []
    for a in program.ansættelser:
        fra, til = perioder[a.id]
        sted = f"{a.afdeling}, {a.sted}"
        ud.append(Begivenhed(f"ansaettelse:{a.id}", "ansættelse", f"Ansættelse: {sted}", k.måned_start(fra),
                             k.måned_slut(til), f"{visningsnavn(a.type)}, {måneder_tekst(fra, til)} af forløbet "
                             f"({a.måneder} måneder).", sted, a.id))
        for i, s in enumerate(a.vejledersamtaler, start=1):
            d = k.dag(fra, s.senest_dag)
            tekst = f"{visningsnavn(s.type)} holdes senest {dansk_dato(d)} (dag {s.senest_dag} i ansættelsen)."
            if s.karrierevejledning:
                tekst += " Karrierevejledning indgår."
            if s.bemærkning:
                tekst += f" {s.bemærkning}"
            ud.append(Begivenhed(f"samtale:{a.id}:{i}", "samtale", f"Frist: {visningsnavn(s.type).lower()} – {a.sted}",
                                 d, d, tekst, sted, a.id))
        if a.uddannelsesplan_senest_dag:
            d = k.dag(fra, a.uddannelsesplan_senest_dag)
            ud.append(Begivenhed(f"uddannelsesplan:{a.id}", "uddannelsesplan",
                                 f"Frist: uddannelsesplan – {a.sted}", d, d,
                                 f"Den individuelle uddannelsesplan foreligger senest {dansk_dato(d)}.", sted, a.id))

    varighed = program.varighed_måneder
    kurser = {c.id: c for c in mb.kurser} if mb else {}
    planlagt: dict[str, int] = {}
    for pk in program.kurser:
        planlagt.setdefault(pk.kursus, pk.måned)
    for kid in list(kurser) + [pk.kursus for pk in program.kurser if pk.kursus not in kurser]:
        kursus = kurser.get(kid)
        titel = kursus.titel if kursus else kid
        if kursus is not None:
            fra, til = regler.kursusvindue(kursus, varighed)
            tekst = f"Kurset tages i {_periode(k, fra, til)}."
            regel = regler.vinduesregel(kursus)
            if regel:
                tekst += f" Regel: {regel}."
        elif kid in planlagt:
            fra = til = planlagt[kid]
            tekst = ""
        else:
            continue
        if kid in planlagt:
            m = planlagt[kid]
            tekst += f" Programmet placerer kurset i måned {m} ({dansk_dato(k.måned_start(m))})."
        if kursus is not None and kursus.varighed:
            tekst += f" Varighed: {kursus.varighed}."
        ud.append(Begivenhed(f"kursus:{kid}", "kursus", f"Kursusvindue: {titel}", k.måned_start(fra),
                             k.måned_slut(til), tekst.strip()))

    for i, o in enumerate(program.fokuserede_ophold, start=1):
        ud.append(Begivenhed(f"ophold:{i}", "ophold", f"Fokuseret ophold: {o.sted}", k.måned_start(o.fra_måned),
                             k.måned_slut(o.til_måned), (f"{o.dage} dage i perioden. " if o.dage else "")
                             + (o.varighed + ". " if o.varighed else "") + som_tekst(o.formål), o.sted,
                             o.ansættelse))

    f = program.forskningstræning
    krav = mb.forskningstræning if mb else None
    if f is not None:
        ud.append(Begivenhed("forskning:periode", "forskning", "Forskningstræning", k.måned_start(f.fra_måned),
                             k.måned_slut(f.til_måned), som_tekst(f.beskrivelse or "")))
        if f.teori_til_måned:
            d = k.måned_slut(f.teori_til_måned)
            ud.append(Begivenhed("forskning:teori", "frist", "Frist: forskningstræningens teoridel afsluttet", d, d,
                                 f"Programmet planlægger teoridelen afsluttet i måned {f.teori_til_måned}."))
    if krav is not None:
        if krav.start_senest_måned:
            d = k.måned_slut(krav.start_senest_måned)
            ud.append(Begivenhed("forskning:start", "frist", "Frist: forskningstræningen påbegyndt", d, d,
                                 f"Målbeskrivelsen: forskningstræningen påbegyndes senest i måned "
                                 f"{krav.start_senest_måned}."))
        if krav.slut_senest_måneder_før_slut is not None:
            m = varighed - krav.slut_senest_måneder_før_slut
            if m >= 1:
                d = k.måned_slut(m)
                ud.append(Begivenhed("forskning:slut", "frist", "Frist: forskningstræningen afsluttet", d, d,
                                     f"Målbeskrivelsen: forskningstræningen afsluttes mindst "
                                     f"{krav.slut_senest_måneder_før_slut} måneder før fasens afslutning."))
        if krav.teori_inden_måneder and f is not None and not f.teori_til_måned:
            m = f.fra_måned + krav.teori_inden_måneder - 1
            d = k.måned_slut(m)
            ud.append(Begivenhed("forskning:teori", "frist", "Frist: forskningstræningens teoridel afsluttet", d, d,
                                 f"Målbeskrivelsen: teoridelen afsluttes inden for {krav.teori_inden_måneder} "
                                 "måneder fra forskningstræningens start."))
    for i, o in enumerate(k.orlov, start=1):
        ud.append(Begivenhed(f"orlov:{i}", "orlov", "Orlov", o.fra, o.til,
                             f"Forløbet forlænges med {o.dage} dage."))
    return sorted(ud, key=lambda b: (b.start, b.slut, _ORDEN[b.art], b.nøgle))


_ORDEN = {"ansættelse": 0, "orlov": 1, "uddannelsesplan": 2, "samtale": 3, "kursus": 4, "ophold": 5,
          "forskning": 6, "frist": 7}


def slutdato(program: Uddannelsesprogram, start: date, orlov: Sequence[Orlov] = ()) -> date:
    """The forløb's last day on the calendar."""
    return Kalender(start, orlov).måned_slut(program.varighed_måneder)
