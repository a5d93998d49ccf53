"""Spreadsheets (.xlsx) for the offices that work in Excel: typed cells, Danish headers, the same bytes every time.

A workbook is a list of :class:`Ark` (sheets): columns with a Danish header and a kind (text, whole number,
decimal, percent, date, yes/no), and rows of plain Python values. Numbers and dates become real number and
date cells, not text, so a secretariat can sort, filter and sum them. openpyxl writes the workbook; it
stamps the time of saving into ``docProps/core.xml`` and into every zip entry, so the package is rewritten
with fixed properties (the date given, else 1 January 2000) and through :func:`uddprog.skriv.zip_bytes`
(fixed timestamps and order): the same sheets give byte-identical files.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal, Sequence

from .skriv import zip_bytes

Art = Literal["tekst", "heltal", "tal", "procent", "dato", "janej"]

#: Number formats per kind of column; dates the Danish way (dd-mm-åååå).
FORMATER: dict[str, str] = {"heltal": "0", "tal": "#,##0.0", "procent": "0.0%", "dato": "dd-mm-yyyy"}
STANDARDTID = datetime(2000, 1, 1)
SKABER = "uddprog"


@dataclass(frozen=True)
class Kolonne:
    overskrift: str
    art: Art = "tekst"
    bredde: int | None = None  # characters; default from the header and the values


@dataclass
class Ark:
    """One sheet: a name (at most 31 characters, no []:*?/\\), its columns and rows of values."""

    navn: str
    kolonner: Sequence[Kolonne]
    rækker: list[list] = field(default_factory=list)


_ULOVLIGT = re.compile(r"[\[\]:*?/\\]")


def _arknavn(navn: str, brugte: set[str]) -> str:
    ren = _ULOVLIGT.sub("-", navn).strip("'") or "Ark"
    ren = ren[:31]
    kandidat, n = ren, 2
    while kandidat.lower() in brugte:
        kandidat = f"{ren[:28]} {n}"
        n += 1
    brugte.add(kandidat.lower())
    return kandidat


def _værdi(v, art: str):
    if v is None or v == "":
        return None
    if art == "janej":
        return "ja" if v else "nej"
    if art == "dato":
        return datetime(v.year, v.month, v.day) if isinstance(v, date) else v
    if art in ("heltal", "tal", "procent"):
        return v if isinstance(v, (int, float)) else float(v)
    return str(v)


def xlsx_bytes(ark: Sequence[Ark], titel: str = "", tidspunkt: date | None = None) -> bytes:
    """The workbook as .xlsx bytes: a bold, frozen header row with a filter, typed cells, fitted widths."""
    from openpyxl import Workbook  # lazy: openpyxl only for the commands that write spreadsheets
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    brugte: set[str] = set()
    fed = Font(bold=True)
    for a in ark:
        ws = wb.create_sheet(_arknavn(a.navn, brugte))
        ws.append([k.overskrift for k in a.kolonner])
        for celle in ws[1]:
            celle.font = fed
            celle.alignment = Alignment(vertical="top", wrap_text=True)
        for række in a.rækker:
            ws.append([_værdi(v, k.art) for v, k in zip(række, a.kolonner)])
        for i, k in enumerate(a.kolonner, start=1):
            bogstav = get_column_letter(i)
            if k.art in FORMATER:
                for (celle,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                    celle.number_format = FORMATER[k.art]
            længste = max([len(k.overskrift)] + [len(str(_værdi(r[i - 1], k.art) or "")) for r in a.rækker
                                                  if len(r) >= i and k.art == "tekst"] + [10])
            ws.column_dimensions[bogstav].width = k.bredde or min(60, længste + 2)
        ws.freeze_panes = "A2"
        if a.rækker:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(a.kolonner))}{len(a.rækker) + 1}"
    if not wb.worksheets:
        wb.create_sheet("Tom")
    tid = datetime(tidspunkt.year, tidspunkt.month, tidspunkt.day) if tidspunkt else STANDARDTID
    wb.properties.creator = SKABER
    wb.properties.lastModifiedBy = SKABER
    wb.properties.title = titel or None
    wb.properties.language = "da-DK"
    wb.properties.created = tid
    wb.properties.modified = tid
    ud = io.BytesIO()
    wb.save(ud)
    return _fast(ud.getvalue(), tid)


_MODIFICERET = re.compile(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _fast(data: bytes, tid: datetime) -> bytes:
    """The package again with the saving time replaced by ``tid`` and fixed zip metadata."""
    stempel = tid.strftime("%Y-%m-%dT%H:%M:%SZ")
    dele = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        navne = zf.namelist()
        # [Content_Types].xml first, as Office writes it; the rest in openpyxl's order.
        for navn in sorted(navne, key=lambda n: (n != "[Content_Types].xml", navne.index(n))):
            indhold = zf.read(navn)
            if navn == "docProps/core.xml":
                indhold = _MODIFICERET.sub(lambda m: m.group(1) + stempel + m.group(2),
                                           indhold.decode("utf-8")).encode("utf-8")
            dele.append((navn, indhold))
    return zip_bytes(dele)
