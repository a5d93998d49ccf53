"""The trainee's calendar: the events of :mod:`.tidsplan` as an iCalendar file (RFC 5545), through ``icalendar``.

All events are all-day (``DTSTART;VALUE=DATE`` with an exclusive ``DTEND``), so they show on the right days
in every time zone. Deterministic: each ``UID`` is the UUID5 of the programme, the event's key and the name
given (not of its dates, so a calendar imported again after a change of start date or leave updates its
events instead of doubling them), ``DTSTAMP`` is the start date at midnight UTC, and events come in date
order. The trainee's name is written only when given on the command line.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta, timezone
from typing import Sequence

from ..models import Uddannelsesprogram
from .tidsplan import Begivenhed

PRODID = "-//uddprog//Uddannelsesplan//DA"
KATEGORIER = {"ansættelse": "Ansættelse", "samtale": "Vejledersamtale", "uddannelsesplan": "Uddannelsesplan",
              "kursus": "Kursus", "ophold": "Fokuseret ophold", "forskning": "Forskningstræning",
              "frist": "Frist", "orlov": "Orlov"}


def uid(program: Uddannelsesprogram, nøgle: str, navn: str | None = None) -> str:
    grundlag = "\x1f".join([program.titel, program.forløbsbetegnelse, nøgle, navn or ""])
    return f"{uuid.uuid5(uuid.NAMESPACE_URL, 'urn:uddprog:plan:' + grundlag)}@uddprog"


def ics(program: Uddannelsesprogram, begivenheder: Sequence[Begivenhed], start: date,
        navn: str | None = None) -> bytes:
    """The calendar as bytes (CRLF lines, folded at 75 octets, as RFC 5545 wants; icalendar does both)."""
    from icalendar import Calendar, Event  # lazy: icalendar only for `uddprog plan`

    kal = Calendar()
    kal.add("prodid", PRODID)
    kal.add("version", "2.0")
    kal.add("calscale", "GREGORIAN")
    kal.add("x-wr-calname", f"{program.forløbsbetegnelse}" + (f" – {navn}" if navn else ""))
    kal.add("x-wr-caldesc", program.titel)
    stempel = datetime(start.year, start.month, start.day, tzinfo=timezone.utc)
    for b in begivenheder:
        e = Event()
        e.add("uid", uid(program, b.nøgle, navn))
        e.add("dtstamp", stempel)
        e.add("summary", b.titel)
        e.add("dtstart", b.start)
        e.add("dtend", b.slut + timedelta(days=1))
        e.add("transp", "TRANSPARENT")
        e.add("categories", [KATEGORIER[b.art]])
        if b.beskrivelse:
            e.add("description", b.beskrivelse)
        if b.sted:
            e.add("location", b.sted)
        kal.add_component(e)
    return kal.to_ical()
