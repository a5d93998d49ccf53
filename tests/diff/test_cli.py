"""`uddprog diff` and `uddprog status` through the command line: formats, exit codes, bad input."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import kør

from .conftest import GAMMEL, NY, REPO

DATO = ["--dato", "2016-01-01"]


def test_references_resolve_case_and_accent_insensitively(testologi_repo):
    r = kør("diff", "TESTOLOGI/hoveduddannelse@2011", "testologi/hoveduddannelse@2015", "--format", "json", *DATO)
    assert r.exit_code == 1, r.output
    data = json.loads(r.output)
    assert data["gammel"]["version"] == "2011" and data["opsummering"]["programmer"]["påvirket"] == 1
    assert data["opsummering"]["exitkode"] == 1


def test_fail_on_none_exits_0(testologi_repo):
    assert kør("diff", GAMMEL, NY, "--fail-on", "none", *DATO).exit_code == 0


def test_identical_files_give_empty_report_and_exit_0(tmp_path):
    kopi = tmp_path / "kopi.yaml"
    shutil.copy(GAMMEL, kopi)
    r = kør("diff", GAMMEL, kopi, "--programmes", REPO / "examples", "--format", "json", *DATO)
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["ændringer"] == [] and data["opsummering"]["højeste"] is None
    tekst = kør("diff", GAMMEL, kopi, "--programmes", REPO / "examples", *DATO)
    assert tekst.exit_code == 0 and "Ingen ændringer." in tekst.output


def test_no_programme_on_old_exits_0(tmp_path):
    (tmp_path / "tom").mkdir()
    r = kør("diff", GAMMEL, NY, "--programmes", tmp_path / "tom", *DATO)
    assert r.exit_code == 0 and "Ingen programmer fundet" in r.output


def test_out_is_written_atomically_and_stdout_stays_empty(tmp_path):
    ud = tmp_path / "rapport.html"
    r = kør("diff", GAMMEL, NY, "--programmes", REPO / "examples", "--format", "html", "--out", ud, *DATO)
    assert r.exit_code == 1
    assert ud.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.html"]  # no temp file left behind


def _forkert(tmp_path):
    anden = tmp_path / "anden.yaml"
    anden.write_text(GAMMEL.read_text(encoding="utf-8").replace("speciale: Testologi", "speciale: Prøvologi"),
                     encoding="utf-8")
    fase = tmp_path / "fase.yaml"
    fase.write_text(NY.read_text(encoding="utf-8").replace("fase: hoveduddannelse", "fase: introduktion"),
                    encoding="utf-8")
    ulæselig = tmp_path / "ulæselig.yaml"
    ulæselig.write_text("speciale: [uafsluttet\n", encoding="utf-8")
    return {
        "missing file": ([tmp_path / "findes-ikke.yaml", NY], "findes ikke"),
        "different specialties": ([anden, NY], "forskellige specialer"),
        "different phases": ([GAMMEL, fase], "forskellige faser"),
        "same file twice": ([GAMMEL, GAMMEL], "samme fil"),
        "unreadable yaml": ([ulæselig, NY], "YAML-syntaksfejl"),
        "reversed order": ([NY, GAMMEL], "Byt om"),
        "not a målbeskrivelse": ([REPO / "examples" / "testologi-goedstrup-odense.yaml", NY], "ikke en målbeskrivelse"),
        "unknown reference": (["testologi/hoveduddannelse@1999", NY], "Versioner af Testologi"),
        "unknown phase": (["testologi/hovedfase@2011", NY], "Ukendt fase"),
        "bad date": ([GAMMEL, NY, "--dato", "2016-13-01"], "ÅÅÅÅ-MM-DD"),
        "missing programmes dir": ([GAMMEL, NY, "--programmes", tmp_path / "nej"], "findes ikke"),
    }


FORKERT = ["missing file", "different specialties", "different phases", "same file twice", "unreadable yaml",
           "reversed order", "not a målbeskrivelse", "unknown reference", "unknown phase", "bad date",
           "missing programmes dir"]


def test_bad_input_cases_are_all_listed(tmp_path):
    assert sorted(_forkert(tmp_path)) == sorted(FORKERT)


@pytest.mark.parametrize("navn", FORKERT)
def test_bad_input_exits_2_with_a_danish_message(navn, tmp_path, testologi_repo):
    args, tekst = _forkert(tmp_path)[navn]
    r = kør("diff", *args)
    assert r.exit_code == 2, r.output
    assert tekst in r.output and r.output.startswith("Fejl: ")
    assert "Traceback" not in r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)


def test_status_text_and_json(testologi_repo):
    r = kør("status", "--dato", "2016-06-01")
    assert r.exit_code == 0, r.output
    linje = next(l for l in r.output.splitlines() if "goedstrup" in l)
    assert "Testologi/hoveduddannelse@2011" in linje and "2016-03-01 OVERSKREDET" in linje and "2015" in linje
    data = json.loads(kør("status", "--format", "json", "--dato", "2016-01-01").output)
    p = {x["fil"]: x for x in data["programmer"]}["examples/testologi-goedstrup-odense.yaml"]
    assert p["nyere_version"] == "2015" and p["frist_overskredet"] is False and p["næste_revision"] == "2017-03-01"


def test_status_missing_dir_exits_2(tmp_path):
    r = kør("status", tmp_path / "nej", "--rod", REPO)
    assert r.exit_code == 2 and "findes ikke" in r.output


def test_status_computes_next_revision_from_the_template_when_missing():
    from dataclasses import replace
    from datetime import date

    from uddprog.catalog import Katalog
    from uddprog.diff import status
    from uddprog.loading import indlæs

    dok = indlæs(REPO / "examples" / "testologi-goedstrup-odense.yaml")
    uden = replace(dok, model=dok.model.model_copy(
        update={"ansvar": dok.model.ansvar.model_copy(update={"næste_revision": None})}))
    (linje,) = status([uden], Katalog(REPO), date(2017, 3, 2))
    assert linje.næste_revision == date(2017, 3, 1) and linje.næste_revision_beregnet  # 2014-03-01 + 36 months
    assert linje.næste_revision_overskredet is True


def test_unreadable_programme_fails_the_run_and_is_listed(tmp_path):
    mappe = tmp_path / "programmer"
    shutil.copytree(REPO / "examples", mappe)
    (mappe / "oedelagt.yaml").write_text("titel: [ikke lukket\n", encoding="utf-8")
    for fail_on in ("error", "none"):
        r = kør("diff", GAMMEL, NY, "--programmes", mappe, "--format", "json", "--fail-on", fail_on, *DATO)
        assert r.exit_code == 2, r.output
        data = json.loads(r.output)
        assert data["opsummering"]["programmer"]["ulæselig"] == 1 and data["opsummering"]["exitkode"] == 2
        assert [p["fund"][0]["check"] for p in data["programmer"] if p["status"] == "ulæselig"] == ["L002"]
    tekst = kør("diff", GAMMEL, NY, "--programmes", mappe, *DATO)
    assert tekst.exit_code == 2 and "oedelagt.yaml" in tekst.output and "kunne ikke læses" in tekst.output


def test_identical_copy_gives_no_revision_deadline(tmp_path):
    kopi = tmp_path / "kopi.yaml"
    shutil.copy(GAMMEL, kopi)
    data = json.loads(kør("diff", GAMMEL, kopi, "--programmes", REPO / "examples", "--format", "json", *DATO).output)
    på_gammel = [p for p in data["programmer"] if p["status"] == "påvirket"]
    assert på_gammel and all(p["revisionsfrist"] is None and not p["træf"] for p in på_gammel)
    tekst = kør("diff", GAMMEL, kopi, "--programmes", REPO / "examples", *DATO).output
    assert "Revisionsfrist" not in tekst and "revideres senest" not in tekst
