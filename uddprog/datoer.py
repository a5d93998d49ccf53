"""Date arithmetic and Danish date formatting shared by checks, render and diff."""

from __future__ import annotations

import calendar
import math
import re
from datetime import date

MÅNEDSNAVNE = ("januar", "februar", "marts", "april", "maj", "juni", "juli",
               "august", "september", "oktober", "november", "december")


def dansk_dato(d: date) -> str:
    """'12. maj 2016' — how Danish documents write a date."""
    return f"{d.day}. {MÅNEDSNAVNE[d.month - 1]} {d.year}"


def læs_dansk_dato(tekst: str) -> date | None:
    """The first date written in ``tekst`` the way Danish documents write one ('2016-05-12', '12. maj 2016',
    '12.05.2016', 'maj 2016' as its first day), or None. The inverse of :func:`dansk_dato`."""
    t = " ".join(tekst.lower().split())
    try:
        if m := re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", t):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := re.search(r"(\d{1,2})\.\s*(" + "|".join(MÅNEDSNAVNE) + r")\s+(\d{4})", t):
            return date(int(m.group(3)), MÅNEDSNAVNE.index(m.group(2)) + 1, int(m.group(1)))
        if m := re.search(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})", t):
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if m := re.search(r"(" + "|".join(MÅNEDSNAVNE) + r")\s+(\d{4})", t):
            return date(int(m.group(2)), MÅNEDSNAVNE.index(m.group(1)) + 1, 1)
    except ValueError:
        return None
    return None


def læg_måneder_til(d: date, måneder: int) -> date:
    """``d`` plus whole months; the 31st becomes the last day of a shorter month.

    Past the calendar's end (year 9999, e.g. a typo in a date) the result is ``date.max``,
    so every deadline computed from user data is a date and never an exception.
    """
    indeks = d.month - 1 + måneder
    år, måned = d.year + indeks // 12, indeks % 12 + 1
    if år > date.max.year:
        return date.max
    return date(år, måned, min(d.day, calendar.monthrange(år, måned)[1]))


def revisionsfrist(ny_gyldig_fra: date, revision_måneder: int) -> date:
    """When a programme must be revised: the new målbeskrivelse's start plus the template's months."""
    return læg_måneder_til(ny_gyldig_fra, revision_måneder)


def antal_måneder(n: int) -> str:
    """'1 måned', '6 måneder'."""
    return f"{n} måned" if n == 1 else f"{n} måneder"


def måneder_tekst(fra: int, til: int, *, fast: bool = False) -> str:
    """'måned 1–12' (en dash), or 'måned 12' for a single month (never 'måned 12–12').

    Every month range a reader sees is written here: messages, reports and documents. ``fast``
    joins "måned" and its number with a no-break space, so they stay on one line in narrow
    table cells of the programme documents.
    """
    ord_ = "måned\u00a0" if fast else "måned "
    return f"{ord_}{fra}" if fra == til else f"{ord_}{fra}\u2013{til}"


#: The mean length of a month in days, for placing a day of an ansættelse in one of its months.
MÅNEDSDAGE = 365.25 / 12


def tidspunkt_i_ansættelse(dag: int, måneder: int) -> str:
    """When in an ansættelse of ``måneder`` months its day ``dag`` falls, worded as programmes state the rule.

    Real programmes say "inden for den første måned" and "i ansættelsens sidste måned", never "dag 526":
    the first weeks are written in days (where the rules are: 14 days in KBU, a month elsewhere), later
    days by the month of the ansættelse they fall in. :func:`læs_tidspunkt_i_ansættelse` reads it back.
    """
    if dag == 30:
        return "inden for den første måned"
    if dag == 1:
        return "på den første arbejdsdag"
    if dag <= 31:
        return f"inden for de første {dag} dage"
    måned = min(måneder, math.ceil(dag / MÅNEDSDAGE))
    if måned >= måneder:
        return "i ansættelsens sidste måned"
    return f"senest i ansættelsens {måned}. måned"


def læs_tidspunkt_i_ansættelse(tekst: str, måneder: int) -> int | None:
    """A day of the ansættelse that :func:`tidspunkt_i_ansættelse` words as ``tekst`` (its last whole day,
    two weeks before the end for the last month), or None when ``tekst`` is not such a wording."""
    t = " ".join(tekst.lower().split())
    if "inden for den første måned" in t:
        return 30
    if "første arbejdsdag" in t:
        return 1
    if m := re.search(r"inden for de første (\d{1,2}) dage", t):
        return int(m.group(1))
    if "ansættelsens sidste måned" in t:
        return max(1, int(måneder * MÅNEDSDAGE) - 14)
    if m := re.search(r"senest i ansættelsens (\d{1,3})\. måned", t):
        return int(int(m.group(1)) * MÅNEDSDAGE)
    return None
