"""Programmes in the shapes regions write them: several forløb, side ansættelser, almen medicin's phases,
KBU's order and psychiatry, drafts, and the revision deadline per region."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from tests.syntetisk import DATO, SyntetiskRepo as Repo, kopi, samtaler
from uddprog import regler
from uddprog.catalog import Katalog
from uddprog.checks import valider
from uddprog.loading import indlæs
from uddprog.models import Uddannelsesprogram
from uddprog.navne import outputnavn

ROD = Path(__file__).resolve().parents[2]
KATALOG = Katalog(ROD)


@pytest.fixture
def repo(syntetisk_repo) -> Repo:
    """tests/conftest's synthetic repository (these tests edit it as ``repo``)."""
    return syntetisk_repo


def _ids(r: Repo, dato: date = DATO) -> set[str]:
    return {f.check for f in r.valider(dato).fund}


# --- one programme, several forløb ----------------------------------------------------------------

def test_forløb_may_be_a_list_and_a_single_name_stays_valid(repo):
    repo.program["forløb"] = ["Holstebro–Aarhus, forløb 1", "Holstebro–Aarhus, forløb 5"]
    assert _ids(repo) == set()
    p = indlæs(repo.rod / "examples" / "nord" / "program.yaml").model
    assert p.forløbsnavne == ["Holstebro–Aarhus, forløb 1", "Holstebro–Aarhus, forløb 5"]
    assert p.forløbsbetegnelse == "Holstebro–Aarhus, forløb 1 og 5"
    assert outputnavn(p) == "nord/neurologi-hoveduddannelse-holstebro-aarhus-forloeb-1-5"


def test_the_same_forløb_twice_in_one_programme_is_p056(repo):
    repo.program["forløb"] = ["Forløb 1", "forløb  1"]
    fund = [f for f in repo.valider().fund if f.check == "P056"]
    assert len(fund) == 1 and fund[0].sted.linje > 1


def test_stats_counts_each_forløb_once_and_rounds_find_either_name(tmp_path, repo):
    from uddprog.stats import beregn

    repo.program["forløb"] = ["Holstebro–Aarhus, forløb 1", "Holstebro–Aarhus, forløb 5"]
    repo.ekstra["rekruttering/nord/2026-1-neurologi.yaml"] = {
        "år": 2026, "runde": 1, "speciale": "Neurologi", "videreuddannelsesregion": "Nord", "kilde": "test",
        "forløb": [{"forløb": "Holstebro–Aarhus, forløb 5", "opslået": 1, "ubesat": 1}]}
    repo.skriv()
    statistik, fund = beregn([repo.rod / "examples", repo.rod / "rekruttering"], Katalog(repo.rod))
    assert not [f for f in fund if f.severity == "error"], fund
    (celle,) = statistik.celler
    assert celle.forløb == 2 and celle.måneder == 2 * 48  # two forløb, each with its own 48 months
    assert statistik.runder and statistik.runder[0].besættelse["ubesat"] == 1


def test_the_shipped_programme_for_two_forløb():
    p = indlæs(ROD / "examples" / "nord" / "neurologi-hoveduddannelse-holstebro-aarhus-forloeb-1.yaml").model
    assert len(p.forløbsnavne) == 2 and "forløb 1 og 5" in p.forløbsbetegnelse


# --- ansættelser in another specialty -------------------------------------------------------------

def _side(r: Repo):
    r.mb["ansættelsesmønster_rækkefølge"] = "fri"
    r.mb["ansættelsesmønster"] = [
        {"type": "sygehusafdeling", "måneder": 42},
        {"type": "psykiatrisk-afdeling", "speciale": "Psykiatri", "måneder": 6},
    ]


def test_a_side_ansættelse_is_part_of_the_pattern(repo):
    _side(repo)
    assert "P041" in _ids(repo)  # the programme has no psychiatry yet
    a = repo.program["ansættelser"]
    a[0]["måneder"] = 18
    a.insert(1, {"id": "psyk", "type": "psykiatrisk-afdeling", "speciale": "Psykiatri", "sted": "Psykiatrien",
                 "afdeling": "Sengeafsnit", "driftsregion": "Midtjylland", "universitetshospital": False,
                 "måneder": 6, "beskrivelse": "Sideuddannelse.", "vejledersamtaler": samtaler(6)})
    for post in repo.program["kompetenceplan"]:  # months after the new ansættelse move on by six
        if post["ansættelse"] == "goedstrup" and post["til_måned"] > 18:
            post.update(fra_måned=min(post["fra_måned"], 18), til_måned=18)
    a[0]["vejledersamtaler"] = samtaler(18)
    assert "P041" not in _ids(repo), [str(f) for f in repo.valider().fund]


def test_in_a_free_order_the_months_per_specialty_count_not_the_order(repo):
    _side(repo)
    repo.mb["ansættelsesmønster"][0]["måneder"] = 36
    repo.mb["ansættelsesmønster"].append({"type": "sygehusafdeling", "speciale": "Neurokirurgi", "måneder": 6})
    a = repo.program["ansættelser"]
    # wrong specialty on the right kind of place is not the pattern
    a[1] |= {"speciale": "Neurokirurgi", "måneder": 6}
    a[0]["måneder"] = 36
    repo.program["ansættelser"] = [a[0], a[1]]
    assert "P041" in _ids(repo)


def test_stats_counts_side_months_where_they_happen():
    from uddprog.stats import beregn

    statistik, _ = beregn([ROD / "examples"], KATALOG)
    neuro = [c for c in statistik.celler if c.speciale == "Neurologi" and c.fase == "hoveduddannelse"]
    side = sum((c.sideuddannelse for c in neuro), start=__import__("collections").Counter())
    # Nord: forløb 1 and 5 (two forløb) and Syd: one forløb, each 3 + 3 + 6 months in side specialties
    assert side == {"Psykiatri": 9, "Neurokirurgi": 9, "Klinisk neurofysiologi": 18}
    assert statistik.national.as_dict()["sideuddannelse_måneder"]["Neurologi"] == 6 * 2  # psykiatri's forløb


def test_the_shipped_neurologi_and_psykiatri_follow_their_patterns():
    for ref in ("neurologi/hoveduddannelse@2015", "psykiatri/hoveduddannelse@2016"):
        mb = KATALOG.slå_op(ref).model
        assert mb.ansættelsesmønster_rækkefølge == "fri"
        assert {(d.speciale or mb.speciale) for d in mb.ansættelsesmønster} - {mb.speciale}
    neuro = KATALOG.slå_op("neurologi/hoveduddannelse@2015").model
    måneder = {d.speciale or "Neurologi": d.måneder for d in neuro.ansættelsesmønster}
    assert måneder == {"Neurologi": 36, "Neurokirurgi": 3, "Psykiatri": 3, "Klinisk neurofysiologi": 6}
    for fil in KATALOG.programfiler():
        dok = indlæs(fil)
        if dok.type != "uddannelsesprogram":
            continue
        mb = KATALOG.målbeskrivelse(dok.model.målbeskrivelse).model
        if mb.ansættelsesmønster:
            assert regler.følger_mønster(mb, dok.model.ansættelser), fil


# --- almen medicin ------------------------------------------------------------------------------------

def test_almen_medicin_is_54_months_with_fase_2_back_in_the_fase_1_practice():
    for version in ("2013", "2024"):
        mb = KATALOG.slå_op(f"almen-medicin/hoveduddannelse@{version}").model
        assert mb.varighed_måneder == 54
        dele = mb.ansættelsesmønster
        assert [d.id for d in dele if d.id] == ["fase-1", "fase-2", "fase-3"]
        assert dele[4].samme_sted_som == "fase-1" and dele[5].andet_sted_end == "fase-1"
    ny, gammel = (KATALOG.slå_op(f"almen-medicin/hoveduddannelse@{v}").model for v in ("2024", "2013"))
    praksis = lambda mb: sum(d.måneder for d in mb.ansættelsesmønster if d.type == "almen-praksis")  # noqa: E731
    psyk = lambda mb: sum(d.måneder for d in mb.ansættelsesmønster if d.type == "psykiatrisk-afdeling")  # noqa: E731
    assert praksis(ny) == praksis(gammel) + 6 and 3 <= psyk(ny) <= 4


def test_p054_fase_2_must_be_in_the_fase_1_practice():
    fil = ROD / "examples" / "syd" / "almen-medicin-hoveduddannelse-esbjerg-forloeb-3.yaml"
    data = yaml.safe_load(fil.read_text(encoding="utf-8"))
    assert not [f for f in valider([fil], KATALOG, DATO).fund if f.check == "P054"]
    data["ansættelser"][4]["sted"] = "En helt anden praksis"
    fund = _valider_data(data, "P054")
    assert len(fund) == 1 and "samme sted" in fund[0].besked
    data["ansættelser"][4]["sted"] = data["ansættelser"][0]["sted"]
    data["ansættelser"][5]["sted"] = data["ansættelser"][0]["sted"]
    assert "et andet sted" in _valider_data(data, "P054")[0].besked


def _valider_data(data: dict, check: str):
    from uddprog.checks import valider_program
    from uddprog.loading import Dokument, Positions

    dok = Dokument(Path("x.yaml"), Uddannelsesprogram.model_validate(data), Positions({(): (1, 1)}, {}),
                   "uddannelsesprogram")
    return [f for f in valider_program(dok, KATALOG, DATO) if f.check == check]


def test_p055_the_praksisbeskrivelse_names_its_topics():
    fil = ROD / "examples" / "nord" / "almen-medicin-hoveduddannelse-hjoerring-forloeb-7.yaml"
    data = yaml.safe_load(fil.read_text(encoding="utf-8"))
    assert not _valider_data(data, "P055")
    data["ansættelser"][0]["beskrivelse"] = "En praksis med tre læger og god supervision."
    (f,) = _valider_data(data, "P055")
    assert "arbejdstilrettelæggelse" in f.besked and "supervision, undervisning" in f.besked


# --- KBU ----------------------------------------------------------------------------------------------

def _kbu(r: Repo, anden: str):
    r.mb.update(fase="kbu", varighed_måneder=12, kurser=[])
    r.mb.pop("forskningstræning", None)
    r.program["målbeskrivelse"]["fase"] = "kbu"
    r.program.pop("forskningstræning", None)
    r.program["kurser"] = []
    r.program["fokuserede_ophold"] = []
    for a in r.program["ansættelser"]:
        a.update(måneder=6, vejledersamtaler=samtaler(6, "kbu"), uddannelsesplan_senest_dag=14)
    r.program["ansættelser"][1]["type"] = anden
    for post in r.program["kompetenceplan"]:
        post.update(fra_måned=1, til_måned=6, ansættelse="goedstrup")


def test_p040_accepts_psychiatry_in_place_of_almen_praksis(repo):
    _kbu(repo, "psykiatrisk-afdeling")
    assert "P040" not in _ids(repo)
    _kbu(repo, "sygehusafdeling")
    assert "P040" in _ids(repo)
    assert regler.KILDE_KBU_PSYKIATRI.tekst and "psykiatri" in regler.KILDE_KBU_PSYKIATRI.tekst.lower()


@pytest.mark.parametrize("region, driftsregion", [("Syd", "Syddanmark"), ("Øst", "Sjælland")])
def test_p053_in_syd_and_øst_the_hospital_comes_first(repo, region, driftsregion):
    _kbu(repo, "almen-praksis")
    repo.program["videreuddannelsesregion"] = region
    for a in repo.program["ansættelser"]:
        a["driftsregion"] = driftsregion
    assert "P053" not in _ids(repo)
    a = repo.program["ansættelser"]
    a[0]["type"], a[1]["type"] = "almen-praksis", "sygehusafdeling"
    fund = [f for f in repo.valider().fund if f.check == "P053"]
    assert len(fund) == 1 and "den første er almen praksis" in fund[0].besked


def test_p053_does_not_apply_in_nord(repo):
    _kbu(repo, "sygehusafdeling")
    repo.program["ansættelser"][0]["type"] = "almen-praksis"
    assert "P053" not in _ids(repo)


def test_the_shipped_kbu_programmes():
    kbu = [indlæs(f) for f in KATALOG.programfiler() if "kbu-" in f.name]
    typer = {d.fil.name: [str(a.type) for a in d.model.ansættelser] for d in kbu if d.type == "uddannelsesprogram"}
    # Syd and Øst: the hospital first; one forløb with psychiatry in place of almen praksis
    assert ["sygehusafdeling", "psykiatrisk-afdeling"] in typer.values()
    for d in kbu:
        if d.type == "uddannelsesprogram" and d.model.videreuddannelsesregion in ("Syd", "Øst"):
            assert typer[d.fil.name][0] == "sygehusafdeling", d.fil
    nord = next(d for d in kbu if d.model.videreuddannelsesregion == "Nord")
    assert typer[nord.fil.name][0] == "almen-praksis" and "undtagelse" in nord.model.sektioner["uddannelsesforloebet"]


# --- drafts -------------------------------------------------------------------------------------------

def test_a_draft_is_validated_and_listed_as_a_draft(repo):
    repo.program["status"] = "udkast"
    repo.program["ansættelser"][1]["afdeling"] = "UDFYLD"
    del repo.program["ansvar"]["godkendt_dato"]
    fund = repo.valider().fund
    ids = {f.check for f in fund}
    assert "P080" in ids and "P026" in ids  # listed as a draft; its placeholders are still reported
    assert "P016" not in ids  # a draft is not approved yet
    (f,) = [f for f in fund if f.check == "P080"]
    assert f.severity == "info"


def test_a_draft_status_is_udkast_or_nothing(repo):
    repo.program["status"] = "kladde"
    (f,) = [f for f in repo.valider().fund if f.check == "S004"]
    assert "udkast" in f.besked


def _cli(rod: Path, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "uddprog", *args], cwd=rod, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROD)})


def test_ci_can_pass_on_drafts_by_config(repo):
    repo.program["status"] = "udkast"
    repo.program["ansættelser"][1]["afdeling"] = "UDFYLD"
    repo.skriv()
    p = _cli(repo.rod, "validate", "--dato", DATO.isoformat())
    assert p.returncode == 1 and "fejl P026" in p.stdout
    (repo.rod / "uddprog.toml").write_text('programmer = "examples"\n\n[udkast]\nalvor = "warning"\n', encoding="utf-8")
    p = _cli(repo.rod, "validate", "--dato", DATO.isoformat())
    assert p.returncode == 0, p.stdout
    assert "advarsel P026" in p.stdout and "P080" in p.stdout  # still reported, and listed as a draft
    # the cap holds only for drafts
    repo.program.pop("status")
    repo.skriv()
    assert _cli(repo.rod, "validate", "--dato", DATO.isoformat()).returncode == 1


def test_drafts_stay_out_of_stats_unless_asked(repo):
    from uddprog.stats import beregn

    anden = kopi(repo.program) | {"forløb": "Et udkast", "status": "udkast"}
    anden["ansættelser"][0]["driftsregion"] = "Nordjylland"  # a guessed driftsregion must not count
    repo.ekstra["examples/nord/udkast.yaml"] = anden
    repo.skriv()
    statistik, _ = beregn([repo.rod / "examples"], Katalog(repo.rod))
    assert statistik.national.forløb == 1 and "Nordjylland" not in +statistik.national.driftsregion
    assert statistik.filer["udkast"] == 1
    med, _ = beregn([repo.rod / "examples"], Katalog(repo.rod), med_udkast=True)
    assert med.national.forløb == 2 and med.national.driftsregion["Nordjylland"] == 24


def test_status_shows_a_draft():
    p = _cli(ROD, "status", "examples/syd", "--dato", DATO.isoformat(), "--format", "json")
    import json

    linjer = {Path(l["fil"]).name: l for l in json.loads(p.stdout)["programmer"]}
    assert linjer["kbu-esbjerg-forloeb-14.yaml"]["udkast"] is True
    assert linjer["ortopaedisk-kirurgi-hoveduddannelse-kolding-odense-forloeb-2.yaml"]["udkast"] is False
    tekst = _cli(ROD, "status", "examples/syd", "--dato", DATO.isoformat()).stdout
    assert "kbu-esbjerg-forloeb-14.yaml (udkast)" in tekst


def test_ny_and_import_write_drafts():
    from uddprog.models import Videreuddannelsesregion
    from uddprog.skelet import skelet

    mb = KATALOG.slå_op("psykiatri/hoveduddannelse@2016").model
    data = yaml.safe_load(skelet(mb, KATALOG.skabelon("hoveduddannelse").model, Videreuddannelsesregion.SYD))
    assert data["status"] == "udkast" and "godkendt_af" not in data["ansvar"]
    assert {"speciale": "Neurologi"}.items() <= next(a for a in data["ansættelser"] if a.get("speciale")).items()


# --- the revision deadline per region ------------------------------------------------------------------

def test_the_revision_deadline_is_the_regions_else_the_templates(repo):
    ny = kopi(repo.mb) | {"version": "2024", "gyldig_fra": "2026-09-01"}
    repo.ekstra["målbeskrivelser/neurologi/hoveduddannelse-2024.yaml"] = ny
    repo.skabelon["revision_måneder"] = 12
    fund = [f for f in repo.valider().fund if f.check == "P021"]
    assert "1. september 2027" in fund[0].besked
    (repo.rod / "uddprog.toml").write_text('programmer = "examples"\n\n[regioner.Nord]\nrevisionsfrist = 9\n',
                                           encoding="utf-8")
    fund = [f for f in repo.valider().fund if f.check == "P021"]
    assert "1. juni 2027" in fund[0].besked
    assert "P022" in {f.check for f in repo.valider(date(2027, 6, 2)).fund}


def test_the_shipped_templates_revise_within_12_months():
    assert {d.model.revision_måneder for d in KATALOG.skabeloner.values()} == {regler.REVISION_MÅNEDER}


def test_template_sections_real_programmes_carry():
    for d in KATALOG.skabeloner.values():
        ids = {s.id for s in d.model.sektioner}
        assert {"introduktion-til-afdelingen", "ansvarsfordeling", "arbejdstilrettelaeggelse", "dokumentation",
                "kompetenceskema", "hvordan-finder-jeg-afdelingen"} <= ids, d.fil
        assert all(s.bilag for s in d.model.sektioner if s.id in ("kompetenceskema", "hvordan-finder-jeg-afdelingen"))
        assert "rolledækning" not in {b for s in d.model.sektioner for b in s.blokke}
    hoved = KATALOG.skabelon("hoveduddannelse").model
    assert hoved.sektion("karrierevejledning") is None
    assert "karrierevejledning" in hoved.sektion("vejledning").vejledning.lower()


# --- the site: drafts are not published unless asked; a shared part's change rebuilds its users ------

def _kopi(tmp_path: Path) -> Path:
    import shutil

    for navn in ("målbeskrivelser", "templates", "examples", "programdele"):
        shutil.copytree(ROD / navn, tmp_path / navn)
    return tmp_path


def test_the_site_leaves_drafts_out_unless_asked(tmp_path):
    from uddprog.site import build

    rod = _kopi(tmp_path / "r")
    res = build([rod / "examples" / "syd"], tmp_path / "site", rod=rod, dato=DATO, pdf=False, jobs=1)
    assert "kbu-esbjerg-forloeb-14.yaml" not in {p.kilde.name for p in res.programmer}
    assert not list((tmp_path / "site").rglob("*kbu-esbjerg*"))
    med = build([rod / "examples" / "syd"], tmp_path / "site2", rod=rod, dato=DATO, pdf=False, jobs=1, med_udkast=True)
    (udkast,) = [p for p in med.programmer if p.kilde.name == "kbu-esbjerg-forloeb-14.yaml"]
    assert udkast.status == "udkast" and udkast.status_tekst == "Udkast"
    assert "Udkast" in (tmp_path / "site2" / udkast.side).read_text(encoding="utf-8")


def test_the_site_rebuilds_exactly_the_programmes_of_a_changed_shared_part(tmp_path):
    from uddprog.site import Sitebygger

    rod = _kopi(tmp_path / "r")
    bygger = Sitebygger(tmp_path / "site", [rod / "examples" / "oest"], rod, DATO, pdf=False, jobs=1)
    bygger.byg()
    del_ = rod / "programdele" / "oest" / "kbu-oest.yaml"
    assert Path(del_).parent in [Path(p).parent for p in bygger.programdelfiler()]  # serve watches its folder
    del_.write_text(del_.read_text(encoding="utf-8").replace("KV-kort,", "KV-kort (kompetencevurderingskort),"),
                    encoding="utf-8")
    res = bygger.byg([del_])
    ændrede = {Path(f).name for f in res.ændrede if f.endswith(".html") and f.startswith("filer/")}
    assert ændrede == {"kbu-region-sjaelland-forloeb-12.html", "kbu-region-hovedstaden-forloeb-31.html"}, res.ændrede
