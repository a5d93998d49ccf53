"""The målbeskrivelse as CASE 1.1 JSON and Moodle CSV, checked against the YAML read independently."""

from __future__ import annotations

import csv
import io
import json
import uuid
from pathlib import Path

import jsonschema
import pytest
import yaml

from uddprog.visninger.udveksling import MOODLE_KOLONNER, case_pakke, moodle_csv, naboer

from .conftest import ROD, kør

SKEMA = json.loads((Path(__file__).parent / "data" / "case_v1p1_cfpackage-jsonschema1.json").read_text("utf-8"))
# The seven lægeroller and their CanMEDS codes, written out here rather than taken from uddprog.
CANMEDS = {"medicinsk-ekspert": "ME", "kommunikator": "CM", "samarbejder": "CL",
           "leder-administrator-organisator": "LD", "sundhedsfremmer": "HA", "akademiker": "SC",
           "professionel": "PR"}


def _yaml(sti: str) -> dict:
    return yaml.safe_load((ROD / "målbeskrivelser" / sti).read_text(encoding="utf-8"))


def _validator():
    return jsonschema.Draft201909Validator(SKEMA, format_checker=jsonschema.Draft201909Validator.FORMAT_CHECKER)


def test_skemaet_er_det_offentliggjorte():
    assert SKEMA["$id"] == "https://purl.imsglobal.org/spec/case/v1p1/schema/json/case_v1p1_cfpackage-jsonschema1.json"
    jsonschema.Draft201909Validator.check_schema(SKEMA)


def test_hver_medfoelgende_maalbeskrivelse_er_gyldig_case(katalog):
    set_ = 0
    for mb in katalog.målbeskrivelser:
        versioner = [d.model for d in katalog.versioner(mb.model.speciale, mb.model.fase)]
        for base in (None, "https://case.region.example"):
            pakke = case_pakke(mb.model, *naboer(versioner, mb.model), base_url=base)
            fejl = [f"{list(e.path)}: {e.message}" for e in _validator().iter_errors(pakke)]
            assert not fejl, fejl[:5]
        set_ += 1
    assert set_ >= 9


def test_skemaet_afviser_en_forkert_pakke(neurologi):
    """The check can fail: a package without its required document title, or with a bad association type."""
    _, mb = neurologi
    pakke = case_pakke(mb)
    del pakke["CFDocument"]["title"]
    pakke["CFAssociations"][0]["associationType"] = "erstatter"
    assert len(list(_validator().iter_errors(pakke))) == 2


def test_indhold_og_faste_identifikatorer(neurologi):
    _, mb = neurologi
    rå = _yaml("neurologi/hoveduddannelse-2015.yaml")
    pakke = case_pakke(mb)
    emner = pakke["CFItems"]
    assert [e["humanCodingScheme"] for e in emner] == [str(k["id"]) for k in rå["kompetencer"]]
    assert [e["abbreviatedStatement"] for e in emner] == [k["titel"] for k in rå["kompetencer"]]
    for e, k in zip(emner, rå["kompetencer"]):
        assert e["conceptKeywords"] == [CANMEDS[r] for r in k["roller"]]
        navn = f"urn:uddprog:maalbeskrivelse:neurologi:hoveduddannelse:2015:kompetence:{k['id']}"
        assert e["identifier"] == str(uuid.uuid5(uuid.NAMESPACE_URL, navn)) and e["uri"] == navn
    dok = pakke["CFDocument"]
    assert dok["identifier"] == str(uuid.uuid5(uuid.NAMESPACE_URL, "urn:uddprog:maalbeskrivelse:neurologi:hoveduddannelse:2015"))
    træ = [a for a in pakke["CFAssociations"] if a["associationType"] == "isChildOf"]
    assert [a["sequenceNumber"] for a in træ] == list(range(1, len(rå["kompetencer"]) + 1))
    assert {a["destinationNodeURI"]["identifier"] for a in træ} == {dok["identifier"]}
    koder = {c["hierarchyCode"] for c in pakke["CFDefinitions"]["CFConcepts"]}
    assert koder == {"ME", "CM", "CL", "LD", "HA", "SC", "PR"}
    assert case_pakke(mb) == pakke  # the same every time


def test_versionshistorik_fra_erstatter(katalog):
    gammel, ny = (d.model for d in katalog.versioner("Neurologi", "hoveduddannelse"))
    rå_gammel, rå_ny = _yaml("neurologi/hoveduddannelse-2011.yaml"), _yaml("neurologi/hoveduddannelse-2015.yaml")
    gamle = {str(k["id"]) for k in rå_gammel["kompetencer"]}
    forventet = set()
    for k in rå_ny["kompetencer"]:
        erst = [str(e) for e in k.get("erstatter", [])]
        if erst:
            forventet |= {(e, str(k["id"])) for e in erst if e in gamle}
        elif str(k["id"]) in gamle:
            forventet.add((str(k["id"]), str(k["id"])))
    assert any(len(k.get("erstatter", [])) for k in rå_ny["kompetencer"])  # the example has real replacements

    def kode(uri: str) -> str:
        return uri.rsplit(":", 1)[1]

    for pakke in (case_pakke(ny, forgænger=gammel), case_pakke(gammel, efterfølger=ny)):
        erstattet = {(kode(a["originNodeURI"]["uri"]), kode(a["destinationNodeURI"]["uri"]))
                     for a in pakke["CFAssociations"] if a["associationType"] == "replacedBy"
                     and a["originNodeURI"]["uri"].count(":kompetence:")}
        assert erstattet == forventet
        dokumenter = [a for a in pakke["CFAssociations"] if a["associationType"] == "replacedBy"
                      and ":kompetence:" not in a["originNodeURI"]["uri"]]
        assert [(a["originNodeURI"]["uri"][-4:], a["destinationNodeURI"]["uri"][-4:]) for a in dokumenter] == \
            [("2011", "2015")]


def test_moodle_csv(neurologi):
    _, mb = neurologi
    rå = _yaml("neurologi/hoveduddannelse-2015.yaml")
    rækker = list(csv.reader(io.StringIO(moodle_csv(mb))))
    assert tuple(rækker[0]) == MOODLE_KOLONNER
    hoved = dict(zip(MOODLE_KOLONNER, rækker[1]))
    assert hoved["Is framework"] == "1" and hoved["ID number"] == "neurologi-hoveduddannelse-2015"
    assert hoved["Scale values"] == "Ikke godkendt,Godkendt" and json.loads(hoved["Scale configuration"])[0]
    kompetencer = [dict(zip(MOODLE_KOLONNER, r)) for r in rækker[2:]]
    assert len(kompetencer) == len(rå["kompetencer"])
    assert len({k["ID number"] for k in kompetencer}) == len(kompetencer)
    for k, r in zip(kompetencer, rå["kompetencer"]):
        assert k["Short name"] == f"{r['id']} {r['titel']}"[:100]
        assert k["Parent ID number"] == "" and k["Description format"] == "1"
        for rolle in r["roller"]:
            assert f"({CANMEDS[rolle]})" in k["Description"]


def test_cli_eksport(tmp_path):
    r = kør("eksport", "neurologi/hoveduddannelse@2015", "--rod", ROD)
    assert r.exit_code == 0, r.output
    pakke = json.loads(r.stdout)
    assert not list(_validator().iter_errors(pakke))
    ud = tmp_path / "mb.csv"
    r = kør("eksport", "neurologi/hoveduddannelse@2011", "--format", "moodle", "--out", ud, "--rod", ROD)
    assert r.exit_code == 0 and ud.read_text(encoding="utf-8").startswith("Parent ID number,")
    r2 = kør("eksport", "neurologi/hoveduddannelse@2011", "--format", "moodle", "--rod", ROD)
    assert r2.stdout == ud.read_text(encoding="utf-8")


@pytest.mark.parametrize("args, tekst", [
    (["neurologi/hoveduddannelse@1999"], "Ingen målbeskrivelse 'neurologi/hoveduddannelse@1999'"),
    (["findes-ikke.yaml"], "findes ikke"),
    (["neurologi/hoveduddannelse@2015", "--base-url", "ftp://x"], "https://"),
])
def test_cli_eksport_forkert_input(args, tekst):
    r = kør("eksport", *args, "--rod", ROD)
    assert r.exit_code == 2 and tekst in r.output, r.output
