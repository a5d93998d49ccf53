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
