"""The department view: figures computed independently from the programmes' YAML."""

from __future__ import annotations

import io
import re
import subprocess
from collections import defaultdict

import docx
import pytest
import yaml

from uddprog.loading import indlæs
from uddprog.navne import slug
from uddprog.visninger.afdeling_docx import afdeling_docx
from uddprog.visninger.afdelinger import afdelinger

from .conftest import EKSEMPLER, ROD, kør

FILER = sorted(EKSEMPLER.rglob("*.yaml"))


def _uafhængigt() -> dict:
    """Per department (afdeling + sted, normalised): forløb, months and planned competency rows, from the YAML."""
    ud: dict = defaultdict(lambda: {"ansættelser": 0, "måneder": 0, "kompetencer": set(), "programmer": set()})
    for fil in FILER:
        p = yaml.safe_load(fil.read_text(encoding="utf-8"))
        mb = p["målbeskrivelse"]
        for a in p["ansættelser"]:
            n = re.sub(r"[^a-z0-9]+", "", f"{a['afdeling']}{a['sted']}".lower().translate(
                str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})))
            d = ud[n]
            d["ansættelser"] += 1
            d["måneder"] += a["måneder"]
            d["programmer"].add(p["titel"])
            d["kompetencer"] |= {(mb["speciale"], mb["version"], str(k["kompetence"])) for k in p["kompetenceplan"]
                                 if k["ansættelse"] == a["id"]}
    return ud


@pytest.fixture(scope="module")
def alle(katalog):
    return afdelinger([(indlæs(f).model, f, None) for f in FILER], katalog)


def test_tal_pr_afdeling(alle):
    forventet = _uafhængigt()
    assert len(alle) == len(forventet)
    for a in alle:
        f = forventet[a.slug.replace("-", "")]
        assert len(a.forløb) == f["ansættelser"], a.titel
        assert a.antal_forløb == len(f["programmer"]), a.titel
        assert a.måneder == f["måneder"], a.titel
        assert len(a.kompetencer) == len(f["kompetencer"]), a.titel
        assert {x.titel for x in a.forløb} == f["programmer"]


def test_en_afdeling_i_detaljer(alle):
    a = next(x for x in alle if x.slug == slug("Neurologi Aarhus Universitetshospital"))
    # neurologi's own months 31–48 after its side ansættelser, and psykiatri's 6 months of neurologi there
    f, psyk = sorted(a.forløb, key=lambda x: "psykiatri" in x.titel)
    assert (f.fra_måned, f.til_måned, f.måneder) == (31, 48, 18) and "forløb 1 og 5" in f.titel
    assert f.godkendt.isoformat() == "2026-05-12" and f.version == "2015" and not f.nyere_findes
    assert (psyk.fra_måned, psyk.til_måned, psyk.måneder) == (25, 30, 6)
    assert [k.navn for k in a.kontakter] == ["Mette Modelby", "Sofie Modelbjerg"]
    # the two fokuserede ophold under the ansættelse, and the courses planned in months 31–48
    assert sum(1 for p in a.placeringer if p.art == "ophold") == 2
    række = next(r for r in a.kompetencer if r.id == "2")
    assert ("Holstebro–Aarhus, forløb 1 og 5", "måned 31–36") in række.forløb
    assert a.tekster[0].overskrift == "Præsentation af afdelingen"


def test_nyere_version_vises(alle):
    """Odense's neurologi forløb on the 2011 målbeskrivelse is marked as having a newer version."""
    a = next(x for x in alle if x.slug == slug("Neurologisk Afdeling N Odense Universitetshospital"))
    versioner = {(f.version, f.nyere_findes) for f in a.forløb}
    rå = [yaml.safe_load(f.read_text(encoding="utf-8")) for f in FILER]
    odense = [p["målbeskrivelse"]["version"] for p in rå
              if any(x["sted"] == "Odense Universitetshospital" and x["afdeling"] == "Neurologisk Afdeling N"
                     for x in p["ansættelser"])]
    assert versioner == {(v, v != "2015") for v in odense}


def test_word_dokument(alle, tmp_path):
    a = next(x for x in alle if x.slug == slug("Neurologi Aarhus Universitetshospital"))
    data = afdeling_docx(a, __import__("datetime").date(2026, 12, 6))
    assert data == afdeling_docx(a, __import__("datetime").date(2026, 12, 6))
    d = docx.Document(io.BytesIO(data))
    overskrifter = [p.text for p in d.paragraphs if p.style.name.lower().startswith("heading")]
    assert overskrifter[:5] == ["Forløb gennem afdelingen", "Kompetencer planlagt på afdelingen",
                                "Kurser og fokuserede ophold", "Vejledersamtaler",
                                "Introduktion, vejledning og undervisning"]
    kompetencer = d.tables[1]
    assert len(kompetencer.rows) - 1 == len(a.kompetencer)
    assert "UAO: Mette Modelby" in "\n".join(p.text for p in d.paragraphs)


def test_cli_afdeling_tekst_og_xlsx(tmp_path):
    import openpyxl

    r = kør("afdeling", "--rod", ROD)
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == len(_uafhængigt())
    ud = tmp_path / "afdelinger.xlsx"
    r = kør("afdeling", "--rod", ROD, "--format", "xlsx", "--out", ud, "--dato", "2026-12-06")
    assert r.exit_code == 0, r.output
    wb = openpyxl.load_workbook(ud)
    assert wb.sheetnames == ["Afdelinger", "Forløb pr. afdeling", "Kontakter"]
    ark = wb["Afdelinger"]
    hoved = [c.value for c in ark[1]]
    assert hoved[:3] == ["Hospital eller praksis", "Afdeling", "Type"]
    forventet = _uafhængigt()
    måneder = hoved.index("Måneder i alt")
    set_ = {}
    for række in ark.iter_rows(min_row=2, values_only=True):
        n = slug(f"{række[1]} {række[0]}").replace("-", "")
        set_[n] = række[måneder]
        assert isinstance(række[måneder], int)
    assert set_ == {n: f["måneder"] for n, f in forventet.items()}
    forløb = wb["Forløb pr. afdeling"]
    godkendt = [c.value for c in forløb[1]].index("Godkendt")
    assert forløb.cell(row=2, column=godkendt + 1).is_date
    kontakter = wb["Kontakter"]
    roller = {r[0] for r in kontakter.iter_rows(min_row=2, values_only=True)}
    assert roller == {"Uddannelsesansvarlig overlæge (UAO)", "Postgraduat klinisk lektor (PKL)"}
    antal_uao_pkl = {(f["rolle"], f["navn"]) for fil in FILER
                     for f in yaml.safe_load(fil.read_text(encoding="utf-8"))["ansvar"]["udarbejdet_af"]
                     if f["rolle"] in ("uao", "pkl")}
    assert kontakter.max_row - 1 == len(antal_uao_pkl)
    data = ud.read_bytes()
    kør("afdeling", "--rod", ROD, "--format", "xlsx", "--out", ud, "--dato", "2026-12-06")
    assert ud.read_bytes() == data


def test_cli_afdeling_word_og_pdf(tmp_path, soffice):
    r = kør("afdeling", "neurologi", "aarhus", "--rod", ROD, "--format", "docx", "--out", tmp_path / "a.docx")
    assert r.exit_code == 0 and (tmp_path / "a.docx").is_file()
    r = kør("afdeling", "neurologi", "--rod", ROD, "--format", "pdf", "--out", tmp_path / "pdf")
    assert r.exit_code == 0, r.output
    pdf = sorted((tmp_path / "pdf").glob("*.pdf"))
    assert len(pdf) == sum(1 for line in kør("afdeling", "neurologi", "--rod", ROD).stdout.splitlines())
    tekst = subprocess.run(["pdftotext", str(pdf[0]), "-"], capture_output=True, text=True).stdout
    assert "Forløb gennem afdelingen" in tekst


@pytest.mark.parametrize("args, tekst", [
    (["findes-ikke-afdeling"], "Ingen afdeling passer"),
    (["--format", "xlsx"], "--out"),
])
def test_cli_afdeling_forkert_input(args, tekst):
    r = kør("afdeling", *args, "--rod", ROD)
    assert r.exit_code == 2 and tekst in r.output, r.output
