"""Periods as Word programmes write them -> months of the forløb.

A programme counts months from the forløb's start ("måned 13–24"); documents write calendar dates
("01.09.2024 – 31.08.2025", "1. februar 2025 | 31. januar 2026", "august 2024 – januar 2025",
"1/3 2025"), training years ("2.–3. år") or seasons ("foråret 2025", "1. halvår 2026"). Dates are
unambiguous: two dates give a number of months (exact when they are whole months), and a date
with the forløb's start date gives a month of the forløb. What is approximate (a season, a year,
dates that are not whole months) is returned as such, so the draft can say it guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..datoer import MÅNEDSNAVNE, dansk_dato

_MÅNED_FORKORTET = {n[:3]: i + 1 for i, n in enumerate(MÅNEDSNAVNE)} | {"sept": 9}
_MÅNEDSORD = "|".join(sorted({*MÅNEDSNAVNE, *_MÅNED_FORKORTET}, key=len, reverse=True))
#: Years a programme can mean (and far from the calendar's ends, so adding a day or a month never fails).
_ÅR4 = r"(?:19|20|21)\d\d"
_ÅR = rf"({_ÅR4}(?!\d)|'?\d{{2}}(?!\d))"
_STREG = r"\s*(?:[-–—‐‑]|til|to)\s*"

#: One date in the forms Danish documents use; groups: iso (y, m, d), numeric (d, m, y), written (d, name, y),
#: month and year (name, y), numeric month and year (m/y as "09.2024" or "9/2024").
_DATO = re.compile(
    rf"(?P<iy>{_ÅR4})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})"
    rf"|(?<![\d.])(?P<nd>\d{{1,2}})\s*[./-]\s*(?P<nm>\d{{1,2}})\s*(?:[./-]\s*|\s+){_ÅR.replace('(', '(?P<ny>', 1)}"
    rf"|(?<![\d.])(?P<sd>\d{{1,2}})\.?\s*(?P<sm>{_MÅNEDSORD})\.?\s+(?P<sy>{_ÅR4})(?!\d)"
    rf"|(?<![\w.])(?P<mm>{_MÅNEDSORD})\.?\s+(?P<my>{_ÅR4})(?!\d)",
    re.I)
#: "2.–3. år", "1. år", "år 2", "første år", "2. uddannelsesår".
_ORDENSTAL = {"første": 1, "andet": 2, "anden": 2, "tredje": 3, "fjerde": 4, "femte": 5, "sjette": 6}
_TRÆNINGSÅR = re.compile(
    rf"(?<![\d.])(?P<a>\d)\.?(?:{_STREG}(?P<b>\d)\.?)?\s*(?:uddannelses)?år\b(?!\s*\d{{4}})"
    rf"|\b(?:uddannelses)?år\s+(?P<c>\d)\b(?!\.\d)"
    rf"|\b(?P<o>{'|'.join(_ORDENSTAL)})\s+(?:uddannelses)?år\b", re.I)
_SÆSON = {"forår": (3, 5), "sommer": (6, 8), "efterår": (9, 11), "vinter": (12, 14)}
_SÆSONORD = re.compile(rf"\b(?P<s>forår|sommer|efterår|vinter)\w*\s+(?P<y>{_ÅR4})(?!\d)", re.I)
_HALVÅR = re.compile(rf"\b(?P<n>[12])\.\s*halvår\s+(?P<y>{_ÅR4})(?!\d)", re.I)
_KVARTAL = re.compile(rf"\b(?P<n>[1-4])\.\s*kvartal\s+(?P<y>{_ÅR4})(?!\d)", re.I)
_PRIMO = re.compile(rf"\b(?P<p>primo|medio|ultimo|start(?:en)? af|slut(?:ningen)? af|midt i)\s+(?P<y>{_ÅR4})(?!\d)",
                    re.I)
_KUN_ÅR = re.compile(rf"(?<![\d./-])(?P<y>{_ÅR4})(?![\d./-])")


@dataclass(frozen=True)
class Dato:
    dato: date
    dag: bool          # the day was written (else the month's first day stands for the month)
    start: int         # position in the text
    slut: int


def datoer(tekst: str) -> list[Dato]:
    """Every date written in ``tekst``, in order."""
    ud = []
    for m in _DATO.finditer(tekst):
        g = m.groupdict()
        try:
            if g["iy"]:
                d, dag = date(int(g["iy"]), int(g["im"]), int(g["id"])), True
            elif g["nd"]:
                år = g["ny"].lstrip("'")
                d, dag = date(int(år) + (2000 if len(år) == 2 else 0), int(g["nm"]), int(g["nd"])), True
            elif g["sd"]:
                d, dag = date(int(g["sy"]), _måned(g["sm"]), int(g["sd"])), True
            else:
                d, dag = date(int(g["my"]), _måned(g["mm"]), 1), False
        except ValueError:
            continue
        ud.append(Dato(d, dag, m.start(), m.end()))
    return ud


def _måned(navn: str) -> int:
    n = navn.lower().rstrip(".")
    return MÅNEDSNAVNE.index(n) + 1 if n in MÅNEDSNAVNE else _MÅNED_FORKORTET[n[:4] if n[:4] == "sept" else n[:3]]


def _månedens_sidste(d: date) -> date:
    næste = date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return næste - timedelta(days=1)


@dataclass(frozen=True)
class Kalenderperiode:
    fra: date
    til: date          # inclusive
    præcis: bool       # written as days or whole months, not a season or a year

    def tekst(self) -> str:
        return f"{dansk_dato(self.fra)} – {dansk_dato(self.til)}"


def kalenderperiode(tekst: str) -> Kalenderperiode | None:
    """The calendar period written in ``tekst``: two dates ("01.09.2024 – 31.08.2025", a month by name
    standing for the whole month), one month ("marts 2025"), a season, half-year, quarter or a year."""
    ds = datoer(tekst)
    if len(ds) >= 2:
        a, b = ds[0], ds[1]
        til = b.dato if b.dag else _månedens_sidste(b.dato)
        return Kalenderperiode(a.dato, til, True) if a.dato <= til else None
    if len(ds) == 1:
        d = ds[0]
        return Kalenderperiode(d.dato, d.dato if d.dag else _månedens_sidste(d.dato), True)
    for regex, måneder in ((_SÆSONORD, None), (_HALVÅR, None), (_KVARTAL, None), (_PRIMO, None)):
        if m := regex.search(tekst):
            år = int(m.group("y"))
            if regex is _SÆSONORD:
                a, b = _SÆSON[m.group("s").lower()]
            elif regex is _HALVÅR:
                a, b = (1, 6) if m.group("n") == "1" else (7, 12)
            elif regex is _KVARTAL:
                a = 3 * int(m.group("n")) - 2
                b = a + 2
            else:
                p = m.group("p").lower()
                a, b = (1, 3) if p.startswith(("primo", "start")) else (10, 12) if p.startswith(("ultimo", "slut")) \
                    else (5, 8)
            fra = date(år, a, 1)
            til = _månedens_sidste(date(år + (b - 1) // 12, (b - 1) % 12 + 1, 1))
            return Kalenderperiode(fra, til, False)
    år = [int(m.group("y")) for m in _KUN_ÅR.finditer(tekst)]
    if år:
        return Kalenderperiode(date(min(år), 1, 1), date(max(år), 12, 31), False)
    return None


def måneder_mellem(fra: date, til: date) -> tuple[int, bool]:
    """Months from ``fra`` to ``til`` (inclusive) and whether they are whole months; otherwise rounded."""
    slut = til + timedelta(days=1)
    hele = (slut.year - fra.year) * 12 + slut.month - fra.month
    if slut.day == fra.day:
        return hele, True
    rest = (slut - _læg_til(fra, hele)).days
    return max(1, hele + round(rest / 30.44)), False


def _læg_til(d: date, måneder: int) -> date:
    indeks = d.month - 1 + måneder
    år, måned = d.year + indeks // 12, indeks % 12 + 1
    return date(år, måned, min(d.day, _månedens_sidste(date(år, måned, 1)).day))


def måned_i_forløbet(d: date, start: date) -> int:
    """The forløb's month a date falls in (the month that starts at ``start`` is month 1)."""
    n = (d.year - start.year) * 12 + d.month - start.month + 1
    return n - 1 if d.day < start.day else n


def træningsår(tekst: str) -> tuple[int, int] | None:
    """'1. år' -> (1, 12), '2.–3. år' -> (13, 36), 'første år' -> (1, 12): months of the forløb."""
    m = _TRÆNINGSÅR.search(tekst)
    if not m:
        return None
    if m.group("o"):
        a = b = _ORDENSTAL[m.group("o").lower()]
    elif m.group("c"):
        a = b = int(m.group("c"))
    else:
        a = int(m.group("a"))
        b = int(m.group("b")) if m.group("b") else a
    return ((a - 1) * 12 + 1, b * 12) if 1 <= a <= b <= 10 else None
