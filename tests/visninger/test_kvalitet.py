"""The quality overview on a copy of the examples with known defects, figures computed from the YAML."""

from __future__ import annotations

import json
from datetime import date

import openpyxl
import pytest
import yaml

from .conftest import kopier_checkout, kør

DATO = "2026-12-06"


@pytest.fixture()
def repo(tmp_path):
    """The shipped examples with three defects: one programme unapproved, one without a required section,
    one approved five years ago."""
    kopier_checkout(tmp_path)
    (tmp_path / "uddprog.toml").write_text('programmer = "examples"\n', encoding="utf-8")
    ex = tmp_path / "examples"

    def ret(sti, f):
        data = yaml.safe_load(sti.read_text(encoding="utf-8"))
        f(data)
        sti.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    ret(ex / "oest" / "anaestesiologi-hoveduddannelse-forloeb-4.yaml",
        lambda d: d["ansvar"].pop("godkendt_dato"))
    ret(ex / "syd" / "anaestesiologi-introduktion-kolding.yaml", lambda d: d["sektioner"].pop("evaluering"))
    ret(ex / "nord" / "kbu-aalborg-forloeb-3.yaml", lambda d: d["ansvar"].update(
        godkendt_dato=date(2021, 11, 1), næste_revision=date(2030, 1, 1)))
    return tmp_path


def _alder(godkendt: date, dato: date) -> int:
    m = (dato.year - godkendt.year) * 12 + dato.month - godkendt.month
    return m - (1 if dato.day < godkendt.day else 0)


def test_kvalitet_json(repo):
    r = kør("stats", "--kvalitet", "--format", "json", "--dato", DATO, "--rod", repo)
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["format"] == "uddprog-kvalitet"
    rå = {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (repo / "examples").rglob("*.yaml")}
    programmer = {p["fil"].rsplit("/", 1)[1]: p for p in data["programmer"]}
    assert set(programmer) == set(rå)
    dag = date.fromisoformat(DATO)
    for navn, p in rå.items():
        g = p["ansvar"].get("godkendt_dato")
        assert programmer[navn]["alder_måneder"] == (_alder(g, dag) if g else None), navn
    assert programmer["anaestesiologi-hoveduddannelse-forloeb-4.yaml"]["aldersgruppe"] == "ikke godkendt"
    assert programmer["kbu-aalborg-forloeb-3.yaml"]["aldersgruppe"] == "over 4 år"
    assert programmer["anaestesiologi-introduktion-kolding.yaml"]["manglende_sektioner"] == ["Evaluering af uddannelsen"]
    # totals by age group add up to the programmes
    assert sum(sum(v.values()) for v in data["aldersgrupper"].values()) == len(rå)
    # departments: every ansættelse place of a programme that is not current and approved
    ikke = [p for p in data["programmer"] if not p["gældende_godkendt"]]
    forventet = {(a["afdeling"], a["sted"]) for p in ikke for a in rå[p["fil"].rsplit("/", 1)[1]]["ansættelser"]}
    assert {(a["afdeling"], a["sted"]) for a in data["afdelinger_uden_gældende_program"]} == forventet
    assert any(a["sted"] == "Rigshospitalet" for a in data["afdelinger_uden_gældende_program"])


def test_kvalitet_tekst_html_og_xlsx(repo, tmp_path):
    r = kør("stats", "--kvalitet", "--dato", DATO, "--rod", repo)
    assert r.exit_code == 0 and "ikke godkendt" in r.stdout and "Evaluering af uddannelsen" in r.stdout
    html = tmp_path / "k.html"
    assert kør("stats", "--kvalitet", "--format", "html", "--out", html, "--dato", DATO, "--rod", repo).exit_code == 0
    side = html.read_text(encoding="utf-8")
    assert side.count("<svg") == 1 and '<html lang="da">' in side and "<script" not in side
    før = side
    kør("stats", "--kvalitet", "--format", "html", "--out", html, "--dato", DATO, "--rod", repo)
    assert html.read_text(encoding="utf-8") == før
    xlsx = tmp_path / "k.xlsx"
    assert kør("stats", "--kvalitet", "--format", "xlsx", "--out", xlsx, "--dato", DATO, "--rod", repo).exit_code == 0
    ws = openpyxl.load_workbook(xlsx)["Kvalitet"]
    hoved = [c.value for c in ws[1]]
    rækker = [dict(zip(hoved, r)) for r in ws.iter_rows(min_row=2, values_only=True)]
    data = json.loads(kør("stats", "--kvalitet", "--format", "json", "--dato", DATO, "--rod", repo).stdout)
    assert [r["Gældende og godkendt"] == "ja" for r in rækker] == [p["gældende_godkendt"] for p in data["programmer"]]
    # the programmes without an approval date (the shipped new KBU forløb and the one made unapproved) and
    # Odense's on an old målbeskrivelse
    uden_godkendelse = [f for f in (repo / "examples").rglob("*.yaml")
                        if not (yaml.safe_load(f.read_text(encoding="utf-8"))["ansvar"] or {}).get("godkendt_dato")]
    assert len(uden_godkendelse) == 2
    assert sum(r["Gældende og godkendt"] == "nej" for r in rækker) == len(uden_godkendelse) + 1
    assert all(isinstance(r["Godkendt for (måneder)"], (int, type(None))) for r in rækker)


def test_kvalitet_udvaelgelse(repo):
    r = kør("stats", "--kvalitet", "--format", "json", "--region", "Syd", "--dato", DATO, "--rod", repo)
    data = json.loads(r.stdout)
    assert {p["videreuddannelsesregion"] for p in data["programmer"]} == {"Syd"}
    r = kør("stats", "--kvalitet", "--format", "csv", "--rod", repo)
    assert r.exit_code == 2
