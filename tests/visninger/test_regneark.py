"""Office exports: status and stats as .xlsx, read back by openpyxl with real dates and numbers."""

from __future__ import annotations

import json
import zipfile
from datetime import date, datetime

import openpyxl
import yaml

from uddprog.regneark import Ark, Kolonne, xlsx_bytes

from .conftest import EKSEMPLER, ROD, kør


def test_samme_bytes_og_faste_tidsstempler():
    ark = [Ark("Ark: med/ulovlige?tegn", [Kolonne("Dato", "dato"), Kolonne("Tal", "heltal")], [[date(2026, 1, 2), 3]])]
    a, b = xlsx_bytes(ark), xlsx_bytes(ark)
    assert a == b
    import io

    with zipfile.ZipFile(io.BytesIO(a)) as zf:
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"2000-01-01T00:00:00Z" in zf.read("docProps/core.xml")
    wb = openpyxl.load_workbook(io.BytesIO(a))
    assert wb.sheetnames == ["Ark- med-ulovlige-tegn"]
    assert wb.active["A2"].value == datetime(2026, 1, 2) and wb.active["A2"].is_date


def test_status_xlsx(tmp_path):
    ud = tmp_path / "status.xlsx"
    r = kør("status", EKSEMPLER, "--rod", ROD, "--dato", "2026-12-01", "--format", "xlsx", "--out", ud)
    assert r.exit_code == 0, r.output
    ws = openpyxl.load_workbook(ud)["Status"]
    hoved = [c.value for c in ws[1]]
    rækker = [dict(zip(hoved, r)) for r in ws.iter_rows(min_row=2, values_only=True)]
    rå = {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in EKSEMPLER.rglob("*.yaml")}
    assert len(rækker) == len(rå)
    for række in rækker:
        p = rå[række["Fil"].rsplit("/", 1)[1]]
        assert række["Version"] == str(p["målbeskrivelse"]["version"])
        godkendt = p["ansvar"].get("godkendt_dato")
        assert række["Godkendt"] == (datetime(godkendt.year, godkendt.month, godkendt.day) if godkendt else None)
    assert {r["Nyere version findes"] for r in rækker} <= {"ja", "nej"}
    json_ud = json.loads(kør("status", EKSEMPLER, "--rod", ROD, "--dato", "2026-12-01", "--format", "json").stdout)
    assert sum(r["Nyere version findes"] == "ja" for r in rækker) == sum(p["nyere_findes"] for p in json_ud["programmer"])


def test_status_xlsx_kraever_out():
    r = kør("status", EKSEMPLER, "--rod", ROD, "--format", "xlsx")
    assert r.exit_code == 2 and "--out" in r.output


def test_stats_xlsx(tmp_path):
    ud = tmp_path / "stats.xlsx"
    r = kør("stats", "--rod", ROD, "--format", "xlsx", "--out", ud)
    assert r.exit_code == 0, r.output
    data = json.loads(kør("stats", "--rod", ROD, "--format", "json").stdout)
    wb = openpyxl.load_workbook(ud)
    assert wb.sheetnames == ["Regioner", "Forløb pr. speciale", "Rekrutteringsrunder", "Aftaler"]
    regioner = wb["Regioner"]
    hoved = [c.value for c in regioner[1]]
    landet = next(dict(zip(hoved, r)) for r in regioner.iter_rows(min_row=2, values_only=True) if r[0] == "Hele landet")
    # months counted from the YAML, independently of uddprog's statistics: each forløb a programme is for,
    # drafts (status: udkast) not counted
    programmer = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in EKSEMPLER.rglob("*.yaml")]
    måneder = sum(a["måneder"] * (len(p["forløb"]) if isinstance(p["forløb"], list) else 1)
                  for p in programmer if p.get("status") != "udkast" for a in p["ansættelser"])
    assert landet["Måneder"] == måneder == data["national"]["måneder"]
    assert landet["Årsværk"] == data["national"]["årsværk"] and landet["Forløb"] == data["national"]["forløb"]
    assert regioner.cell(row=2, column=hoved.index("Årsværk") + 1).number_format == "#,##0.0"
    assert abs(landet["Andel, Region Syddanmark"] - data["national"]["driftsregion"]["andel_pct"]["Syddanmark"] / 100) < 1e-9
    assert regioner.cell(row=2, column=hoved.index("Andel, Region Syddanmark") + 1).number_format == "0.0%"
    assert wb["Rekrutteringsrunder"].max_row - 1 == len(data["runder"])


# ------------------------------------------------------------------ a real spreadsheet program

_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"  # UTF-8, cells as shown, all sheets


def _calc(soffice: str, filer: list, ud) -> dict[str, list[list[str]]]:
    """Every sheet of every file as LibreOffice Calc shows it ('<file>-<sheet>' → rows of cells)."""
    import csv
    import os

    from uddprog import soffice as lo

    profil = ud / "profil"
    cmd = [soffice, f"-env:UserInstallation={profil.as_uri()}", "--headless", "--convert-to", _CSV,
           "--outdir", str(ud / "csv"), *map(str, filer)]
    lo.kør(cmd, dict(os.environ), timeout=180)
    return {f.stem: list(csv.reader(f.open(encoding="utf-8", newline="")))
            for f in sorted((ud / "csv").glob("*.csv"))}


def _som_vist(celle, vist: str) -> bool:
    """Whether Calc shows the value openpyxl reads: text as is, dates in the file's Danish format, numbers
    within the rounding of their display (percentages as percent)."""
    værdi = celle.value
    if værdi is None:
        return vist == ""
    if isinstance(værdi, datetime):
        return vist == værdi.strftime("%d-%m-%Y") and celle.number_format == "dd-mm-yyyy"
    if isinstance(værdi, (int, float)) and not isinstance(værdi, bool):
        tal, skala = (vist[:-1], 100) if vist.endswith("%") else (vist, 1)
        decimaler = len(tal.split(".")[1]) if "." in tal else 0
        return abs(float(tal) / skala - værdi) <= 0.5 * 10 ** -decimaler / skala + 1e-12
    return vist == str(værdi)


def test_libreoffice_calc_opens_every_spreadsheet_and_shows_what_openpyxl_reads(tmp_path):
    """The four spreadsheets the commands write, opened by a real spreadsheet program: every sheet, every cell."""
    import shutil

    from tests.browser import need

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    need("LibreOffice (soffice)", soffice)
    filer = {"status": ("status", EKSEMPLER, "--rod", ROD, "--dato", "2026-12-01"),
             "stats": ("stats", "--rod", ROD), "kvalitet": ("stats", "--kvalitet", "--rod", ROD, "--dato", "2026-12-01"),
             "afdelinger": ("afdeling", "--rod", ROD, "--dato", "2026-12-06")}
    for navn, args in filer.items():
        r = kør(*args, "--format", "xlsx", "--out", tmp_path / f"{navn}.xlsx")
        assert r.exit_code == 0, r.output
    vist = _calc(soffice, [tmp_path / f"{n}.xlsx" for n in filer], tmp_path)
    need("LibreOffice Calc (libreoffice-calc)", vist)  # Writer alone converts no spreadsheet
    celler = 0
    for navn in filer:
        wb = openpyxl.load_workbook(tmp_path / f"{navn}.xlsx")
        assert sorted(k for k in vist if k.startswith(f"{navn}-")) == sorted(f"{navn}-{ark}" for ark in wb.sheetnames)
        for ws in wb.worksheets:
            rækker = vist[f"{navn}-{ws.title}"]
            assert len(rækker) == ws.max_row, (navn, ws.title)
            for række, vist_række in zip(ws.iter_rows(), rækker):
                vist_række += [""] * (len(række) - len(vist_række))
                for celle, v in zip(række, vist_række):
                    assert _som_vist(celle, v), (navn, ws.title, celle.coordinate, celle.value, v)
                    celler += 1
    assert celler > 500
