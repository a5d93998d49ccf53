"""`uddprog godkend` as regions approve: re-approval without migrate, a corrected approver, a history, the
approving body from uddprog.toml, approval per delforløb, and almen medicin's migration to the 2024 version."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from tests.syntetisk import udfyld_skelet
from uddprog.catalog import Katalog
from uddprog.checks import valider
from uddprog.migrate import INTET, MIGRERET, migrér, skriv
from uddprog.migrate.godkend import FØR_HISTORIKKEN, godkend

ROD = Path(__file__).resolve().parents[2]
DATO = date(2026, 11, 23)
KOLDING = "examples/syd/anaestesiologi-introduktion-kolding.yaml"


@pytest.fixture
def rod(tmp_path) -> Path:
    """A copy of the shipped repository's documents (its programmes are edited here, never the originals)."""
    for navn in ("målbeskrivelser", "templates", "programdele", "examples"):
        shutil.copytree(ROD / navn, tmp_path / navn)
    return tmp_path


def _cli(rod: Path, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "uddprog", *args], cwd=rod, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROD)})


def _data(fil: Path) -> dict:
    return yaml.safe_load(fil.read_text(encoding="utf-8"))


def test_a_periodic_re_approval_needs_no_migrate_and_keeps_the_history(rod):
    fil = rod / KOLDING
    før = _data(fil)["ansvar"]
    p = _cli(rod, "godkend", KOLDING, "--dato", "2029-03-01", "--af", "DRRLV, Videreuddannelsesregion Syd")
    assert p.returncode == 0, p.stderr
    a = _data(fil)["ansvar"]
    assert a["godkendt_dato"] == date(2029, 3, 1) and a["godkendt_af"] == "DRRLV, Videreuddannelsesregion Syd"
    assert a["næste_revision"] == date(2032, 3, 1)  # the template's interval from the new approval
    assert a["godkendelser"] == [
        {"dato": før["godkendt_dato"], "af": før["godkendt_af"], "anledning": FØR_HISTORIKKEN},
        {"dato": date(2029, 3, 1), "af": "DRRLV, Videreuddannelsesregion Syd", "anledning": "Gengodkendelse"},
    ]
    # every other byte of the file is the author's
    ny = fil.read_text(encoding="utf-8")
    assert ny.count("\n") == (ROD / KOLDING).read_text(encoding="utf-8").count("\n") + 3
    assert not [f for f in valider([fil], Katalog(rod), date(2029, 3, 2)).fund if f.check in ("P023", "P062")]


def test_without_af_the_old_approver_never_stays_beside_a_new_date(rod):
    fil = rod / KOLDING
    før = fil.read_bytes()
    p = _cli(rod, "godkend", KOLDING, "--dato", "2029-03-01")
    assert p.returncode == 2 and "--af" in p.stderr and "godkendes_af" in p.stderr and fil.read_bytes() == før
    (rod / "uddprog.toml").write_text('programmer = "examples"\n\n[regioner.Syd]\n'
                                      'godkendes_af = "DRRLV Syd"\nindstilles_af = "Uddannelsesudvalget"\n',
                                      encoding="utf-8")
    p = _cli(rod, "godkend", KOLDING, "--dato", "2029-03-01")
    assert p.returncode == 0, p.stderr
    a = _data(fil)["ansvar"]
    assert a["godkendt_af"] == "DRRLV Syd"
    assert a["godkendelser"][-1] == {"dato": date(2029, 3, 1), "af": "DRRLV Syd", "indstillet_af": "Uddannelsesudvalget",
                                     "anledning": "Gengodkendelse"}


def test_a_correction_rewrites_the_latest_approval_not_a_new_one(rod):
    fil = rod / KOLDING
    assert _cli(rod, "godkend", KOLDING, "--dato", "2029-03-01", "--af", "DRRLV Sud").returncode == 0
    p = _cli(rod, "godkend", KOLDING, "--ret", "--af", "DRRLV Syd")
    assert p.returncode == 0, p.stderr
    a = _data(fil)["ansvar"]
    assert a["godkendt_af"] == "DRRLV Syd" and a["godkendt_dato"] == date(2029, 3, 1)
    assert len(a["godkendelser"]) == 2 and a["godkendelser"][-1]["af"] == "DRRLV Syd"
    assert a["godkendelser"][-1]["rettet"] == date.today()
    assert _cli(rod, "godkend", KOLDING, "--ret").returncode == 2  # nothing to correct named


def test_an_approval_before_the_latest_or_twice_on_one_day_is_refused(rod):
    fil = rod / KOLDING
    før = fil.read_bytes()
    p = _cli(rod, "godkend", KOLDING, "--dato", "2020-01-01", "--af", "X")
    assert p.returncode == 2 and "kan ikke ligge før" in p.stderr and fil.read_bytes() == før
    gammel = _data(fil)["ansvar"]["godkendt_dato"].isoformat()
    p = _cli(rod, "godkend", KOLDING, "--dato", gammel, "--af", "X")
    assert p.returncode == 2 and "allerede godkendt" in p.stderr


def test_approval_per_delforløb_in_syd_kbu(rod):
    (rod / "uddprog.toml").write_text('programmer = "examples"\n\n[regioner.Syd]\ngodkendes_af = "DRRLV Syd"\n'
                                      'delforloeb = ["kbu"]\n', encoding="utf-8")
    fil = rod / "examples" / "syd" / "kbu-esbjerg-forloeb-14.yaml"
    navn = "examples/syd/kbu-esbjerg-forloeb-14.yaml"
    p = _cli(rod, "godkend", navn, "--dato", "2027-01-10")
    assert p.returncode == 2 and "--delforløb" in p.stderr and "esbjerg-akut" in p.stderr
    assert _cli(rod, "godkend", navn, "--dato", "2027-01-10", "--delforløb", "esbjerg-akut").returncode == 0
    a = _data(fil)["ansvar"]
    assert "godkendt_dato" not in a and a["godkendelser"][-1]["delforløb"] == "esbjerg-akut"
    assert _data(fil)["status"] == "udkast"  # one delforløb approved: the programme is not yet
    p = _cli(rod, "godkend", navn, "--dato", "2027-02-14", "--delforløb", "almen-praksis")
    assert p.returncode == 0, p.stderr
    data = _data(fil)
    assert data["ansvar"]["godkendt_dato"] == date(2027, 2, 14)  # every delforløb approved: the programme is
    assert "status" not in data  # an approved programme is no draft
    assert not [f for f in valider([fil], Katalog(rod), date(2027, 3, 1)).fund if f.severity == "error"]


def test_a_draft_with_placeholders_cannot_be_approved(rod):
    fil = rod / "examples" / "syd" / "kbu-esbjerg-forloeb-14.yaml"
    fil.write_text(fil.read_text(encoding="utf-8").replace("afdeling: Akutafdelingen", 'afdeling: "UDFYLD"'),
                   encoding="utf-8")
    m = godkend(fil, Katalog(rod), date(2027, 1, 10), "DRRLV Syd", delforløb="esbjerg-akut")
    assert m.status == "fejl" and "UDFYLD" in m.besked


def test_p060_and_p023_point_at_godkend(rod):
    fil = rod / "examples" / "syd" / "neurologi-hoveduddannelse-odense-forloeb-2.yaml"
    (f,) = [f for f in valider([fil], Katalog(rod), DATO).fund if f.check == "P023"]
    assert "uddprog godkend" in f.besked
    m = migrér(fil, Katalog(rod), dato=DATO)
    skriv(m)
    (f,) = [f for f in valider([fil], Katalog(rod), DATO).fund if f.check == "P060"]
    assert "uddprog godkend" in f.besked


def test_p062_the_history_must_match_the_approval(rod):
    fil = rod / KOLDING
    assert _cli(rod, "godkend", KOLDING, "--dato", "2029-03-01", "--af", "DRRLV Syd").returncode == 0
    tekst = fil.read_text(encoding="utf-8")
    fil.write_text(tekst.replace("godkendt_dato: 2029-03-01", "godkendt_dato: 2029-04-01"), encoding="utf-8")
    (f,) = [f for f in valider([fil], Katalog(rod), DATO).fund if f.check == "P062"]
    assert "seneste godkendelse" in f.besked


# --- almen medicin's 2024 version: every programme migrated to it ---------------------------------------

FIXTUR = Path(__file__).parent / "fixtures" / "almen-medicin-2013-esbjerg.yaml"


def test_an_almen_medicin_programme_on_2013_is_migrated_to_2024(rod):
    fil = rod / "examples" / "syd" / "gammel-almen-medicin.yaml"
    shutil.copy(FIXTUR, fil)
    katalog = Katalog(rod)
    fund = {f.check for f in valider([fil], katalog, DATO).fund}
    assert {"P021"} <= fund and "P041" not in fund  # on 2013 it follows 2013's pattern; 2024 is newer
    m = migrér(fil, katalog, dato=DATO)
    assert m.status == MIGRERET and (m.fra_version, m.til_version) == ("2013", "2024")
    # the pattern moved months to almen praksis: the author must restructure the ansættelser
    (beslutning,) = [p for p in m.beslutninger if p.mærke.id == "D026"]
    assert "almen praksis 18" in beslutning.mærke.tekst
    skriv(m)
    data = _data(fil)
    assert data["målbeskrivelse"]["version"] == "2024"
    assert data["ansvar"]["revision"]["status"] == "afventer-godkendelse"
    fund = {f.check for f in valider([fil], katalog, DATO).fund}
    assert {"P041", "P060"} <= fund and "P021" not in fund
    assert migrér(fil, katalog, dato=DATO).status == INTET  # on the newest version now


def test_the_shipped_almen_medicin_programmes_are_on_2024_and_approved():
    katalog = Katalog(ROD)
    for fil in sorted((ROD / "examples").rglob("almen-medicin-*.yaml")):
        data = _data(fil)
        assert data["målbeskrivelse"]["version"] == "2024"
        assert data["ansvar"]["revision"]["status"] == "godkendt"
        assert [g["anledning"] for g in data["ansvar"]["godkendelser"]][-1] == "Revision til målbeskrivelse 2024"
        assert sum(a["måneder"] for a in data["ansættelser"]) == 54
        assert not [f for f in valider([fil], katalog, DATO).fund if f.severity != "info"]


def test_diff_reports_the_pattern_change():
    p = subprocess.run([sys.executable, "-m", "uddprog", "diff", "almen-medicin/hoveduddannelse@2013",
                        "almen-medicin/hoveduddannelse@2024", "--format", "json"], cwd=ROD, capture_output=True,
                       text=True, env={**os.environ, "PYTHONPATH": str(ROD)})
    assert '"D026"' in p.stdout, p.stderr


def test_a_new_programme_from_ny_is_approved_as_it_was_written(rod):
    """The skeleton `uddprog ny` writes ends its ansvar with a comment and has no approval keys: godkend adds the
    history and the three keys at one place (before, the verification compared the keys' order and refused)."""
    fil = rod / "examples/nord/ny.yaml"
    r = _cli(rod, "ny", "neurologi/hoveduddannelse@2015", "--region", "Nord", "--out", str(fil))
    assert r.returncode == 0, r.stderr
    udfyld_skelet(fil)  # what the author writes into it
    assert "status: udkast" in fil.read_text(encoding="utf-8") and "godkendt_dato" not in _data(fil)["ansvar"]
    r = _cli(rod, "godkend", str(fil), "--dato", "2026-05-12", "--af", "UGUP")
    assert r.returncode == 0, r.stderr
    data = _data(fil)
    assert "status" not in data
    assert data["ansvar"]["godkendt_af"] == "UGUP" and str(data["ansvar"]["godkendt_dato"]) == "2026-05-12"
    assert [str(g["dato"]) for g in data["ansvar"]["godkendelser"]] == ["2026-05-12"]
