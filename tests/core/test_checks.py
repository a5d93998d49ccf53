"""Every registered check has a case that triggers it; the valid repository triggers none."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from tests.syntetisk import DATO, SyntetiskRepo, kopi, mb_data, samtaler
from uddprog.checks import REGISTER


def _ny_version(r: SyntetiskRepo, gyldig_fra: str = "2024-09-01", **ændringer) -> None:
    ny = kopi(r.mb) | {"version": "2024", "gyldig_fra": gyldig_fra, **ændringer}
    r.ekstra["målbeskrivelser/neurologi/hoveduddannelse-2024.yaml"] = ny


def _p012(r):
    for k in r.mb["kompetencer"]:
        k["roller"] = [x for x in k["roller"] if x != "sundhedsfremmer"] or ["medicinsk-ekspert"]


def _m003(r):
    ny = kopi(r.mb) | {"version": "2024", "gyldig_fra": "2024-09-01"}
    ny["kompetencer"][0]["erstatter"] = ["77"]
    r.ekstra["målbeskrivelser/neurologi/hoveduddannelse-2024.yaml"] = ny


def _t001(r):
    r.ekstra["templates/national/forkert-mappe/skabelon.yaml"] = kopi(r.skabelon) | {"id": "andet-id"}


def _kbu(r):
    """Turn the repository's programme into a KBU of two six-month hospital ansættelser."""
    r.mb.update(fase="kbu", varighed_måneder=12, kurser=[])
    r.mb.pop("forskningstræning")
    r.program["målbeskrivelse"]["fase"] = "kbu"
    r.program.pop("forskningstræning")
    r.program["kurser"] = []
    r.program["fokuserede_ophold"] = []
    for a in r.program["ansættelser"]:
        a.update(måneder=6, vejledersamtaler=samtaler(6, "kbu"))
    for post in r.program["kompetenceplan"]:
        post.update(fra_måned=1, til_måned=6, ansættelse="goedstrup")


def _m012(r):
    r.mb.update(fase="kbu", varighed_måneder=12,
                ansættelsesmønster=[{"type": "sygehusafdeling", "måneder": 6}, {"type": "kommunal", "måneder": 6}])


def _p046(r):
    for s in r.program["ansættelser"][0]["vejledersamtaler"]:
        s["karrierevejledning"] = False


def _p050(r):
    r.program["videreuddannelsesregion"] = "Øst"
    for a in r.program["ansættelser"]:
        a["driftsregion"] = "Hovedstaden"


def _p053(r):
    _kbu(r)
    r.program["videreuddannelsesregion"] = "Øst"
    for a in r.program["ansættelser"]:
        a["driftsregion"] = "Sjælland"
    r.program["ansættelser"][0]["type"] = "almen-praksis"


def _t011(r):
    r.skabelon["sektioner"] = [s for s in r.skabelon["sektioner"] if s["id"] != "karrierevejledning"]


def _p054(r):
    r.mb["ansættelsesmønster"] = [{"id": "a", "type": "sygehusafdeling", "måneder": 24},
                                  {"type": "sygehusafdeling", "måneder": 24, "samme_sted_som": "a"}]


def _p062(r):
    r.program["ansvar"]["godkendelser"] = [{"dato": "2025-05-12", "af": "UGUP"}]
    r.program["ansvar"]["godkendt_af"] = "DRRLV"


# check id → (what to break, where the finding must point: (file suffix, line) or None)
MUTATIONER = {
    "S001": lambda r: r.program.pop("forløb"),
    "S002": lambda r: r.program["ansættelser"][0].update(afdelingg="x"),
    "S003": lambda r: r.program["ansættelser"][0].update(måneder="mange"),
    "S004": lambda r: r.program["kompetenceplan"][0].update(vurderingsmetoder=["mini-cexx"]),
    "S005": lambda r: r.program["ansættelser"][1].update(id="goedstrup"),
    "M001": lambda r: r.mb.update(varighed_måneder=40),
    "M002": lambda r: r.mb["kurser"][1].update(tidligst_måned=50),
    "M003": _m003,
    "M004": lambda r: r.mb["kurser"].extend([
        {"id": "HU1", "titel": "Vaskulær neurologi", "type": "specialespecifik", "timer": 35},
        {"id": "HU2", "titel": "Epilepsi", "type": "specialespecifik", "timer": 28}]),
    "T001": _t001,
    "T002": lambda r: r.skabelon["ansvarsfelter"].append("godkendt_af"),
    "P001": lambda r: r.program["målbeskrivelse"].update(version="1999"),
    "P002": lambda r: r.program.update(skabelon="hovedudannelse"),
    "P003": lambda r: r.program.update(skabelon="introduktion"),
    "P004": lambda r: r.program["ansættelser"][1].update(måneder=12),
    "P005": lambda r: r.program["ansættelser"][0].update(driftsregion="Sjælland"),
    "P006": lambda r: r.program["kompetenceplan"].pop(3),
    "P007": lambda r: r.program["kompetenceplan"][3].update(kompetence="33"),
    "P008": lambda r: r.program["kompetenceplan"][1].update(vurderingsmetoder=[]),
    "P009": lambda r: r.program["kompetenceplan"][2]["vurderingsmetoder"].append("osats"),
    "P010": lambda r: r.program["kompetenceplan"][2].update(ansættelse="gødstrup"),
    "P011": lambda r: r.program["kompetenceplan"][0].update(til_måned=30),
    "P012": _p012,
    "P013": lambda r: r.program["sektioner"].pop("vejledning"),
    "P014": lambda r: r.program["sektioner"].update({"nyttige-links": "en to tre fire fem seks"}),
    "P015": lambda r: r.program["sektioner"].update(indledningen="x"),
    "P016": lambda r: r.program["ansvar"].pop("godkendt_dato"),
    "P017": lambda r: r.program["kurser"].append({"kursus": "SOL9", "måned": 40}),
    "P018": lambda r: r.program["kurser"].pop(1),
    "P019": lambda r: r.program["kurser"][0].update(måned=20),
    "P020": lambda r: r.program["forskningstræning"].update(til_måned=45),
    "P021": lambda r: _ny_version(r, "2026-09-01"),
    "P022": lambda r: _ny_version(r, "2024-09-01"),
    "P023": lambda r: r.program["ansvar"].update(næste_revision="2026-01-01"),
    "P024": lambda r: r.mb["kompetencer"][1].update(min_vurderinger=2),
    "P025": lambda r: r.program["fokuserede_ophold"][0].update(fra_måned=20),
    "P026": lambda r: r.program["ansættelser"][1].update(afdeling="UDFYLD"),
    "P029": lambda r: r.ekstra.update({"examples/nord/program.yaml": yaml.safe_dump(
        r.program, allow_unicode=True, sort_keys=False).replace(
        "driftsregion: Midtjylland\n", "driftsregion: Midtjylland  # gæt: Midtjylland eller Nordjylland\n", 1)}),
    "P060": lambda r: r.program["ansvar"].update(revision={"fra_version": "2011", "til_version": "2015",
                                                           "dato": "2026-11-23"}),
    "P061": lambda r: r.program["ansvar"].update(revision={"fra_version": "2011", "til_version": "2015",
                                                           "dato": "2026-11-23", "status": "godkendt"}),
    "P040": _kbu,
    "P041": lambda r: r.mb.update(ansættelsesmønster=[{"type": "sygehusafdeling", "måneder": 24},
                                                      {"type": "almen-praksis", "måneder": 24}]),
    "P042": lambda r: r.program["ansættelser"][0]["vejledersamtaler"].pop(),
    "P043": lambda r: r.program["ansættelser"][0]["vejledersamtaler"][0].update(senest_dag=45),
    "P044": _kbu,
    "P045": lambda r: r.program["ansættelser"][1]["vejledersamtaler"][-1].update(senest_dag=800),
    "P046": _p046,
    "P047": lambda r: r.program["fokuserede_ophold"][0].update(dage=45),
    "P048": lambda r: r.program["fokuserede_ophold"][0].pop("dage"),
    "P049": lambda r: r.mb.update(udfaset="2020-01-01"),
    "P050": _p050,
    "P051": lambda r: r.program["sektioner"].update(indledning="Evaluér på [evaluer.dk](https://www.evaluer.dk)."),
    "P052": lambda r: r.program["ansættelser"][1].update(type="almen-praksis"),
    "P053": _p053,
    "M010": lambda r: r.mb.update(ansættelsesmønster=[{"type": "sygehusafdeling", "måneder": 24}]),
    "M011": lambda r: r.mb.update(udfaset="2010-01-01"),
    "M012": _m012,
    "T010": lambda r: r.skabelon.pop("regelkilde"),
    "T011": _t011,
    "P027": lambda r: r.program["kurser"].append({"kursus": "SOL1", "måned": 8}),
    "P028": lambda r: r.ekstra.update({"examples/nord/program-kopi.yaml": kopi(r.program)}),
    "P030": lambda r: r.program["sektioner"].update(indledning="Se <b>dette</b>."),
    "P031": lambda r: r.program["ansættelser"][0].update(beskrivelse="![Kort](https://x.dk/kort.png)"),
    "P032": lambda r: r.program["sektioner"].update(indledning="[Intranet](intranet/side.html)."),
    "P033": lambda r: r.program["sektioner"].update(indledning="Tekst.[^1]\n\n[^1]: Noten."),
    "P034": lambda r: r.program["sektioner"].update(indledning="Du får:\n• vejledning\n• kurser"),
    "P054": _p054,
    "P055": lambda r: r.program["ansættelser"][1].update(type="almen-praksis", beskrivelse="En praksis."),
    "P056": lambda r: r.program.update(forløb=["Forløb 1", "Forløb 1"]),
    "P062": _p062,
    "P080": lambda r: r.program.update(status="udkast"),
    "M013": lambda r: r.mb.update(ansættelsesmønster=[{"type": "sygehusafdeling", "måneder": 48,
                                                       "andet_sted_end": "fase-9"}]),
}

# Shared parts: each covered in test_programdele.py (a part of its own, and a programme with one).
PROGRAMDELE = {"D001", "D002", "D003", "P070", "P071", "P072"}

INDLÆSNING = {"L001", "L002", "L003", "L004", "L005", "L006", "L007", "L008",  # covered in test_loading.py
              "L009"}  # covered in test_programdele.py
KONFIGURATION = {f"C00{i}" for i in range(1, 8)}  # covered in tests/ci/test_config.py


def _r_ids() -> set[str]:
    from tests.stats.test_rekruttering import R_IDS  # recruitment rounds and targets: covered there

    return R_IDS


def test_the_valid_repository_has_no_findings(syntetisk_repo):
    resultat = syntetisk_repo.valider()
    assert resultat.fund == []
    assert len(resultat.filer) == 4


def test_every_registered_check_has_a_case():
    assert set(REGISTER) == set(MUTATIONER) | INDLÆSNING | KONFIGURATION | PROGRAMDELE | _r_ids()


@pytest.mark.parametrize("check_id", sorted(MUTATIONER))
def test_check_triggers_on_its_case_only(syntetisk_repo, check_id):
    MUTATIONER[check_id](syntetisk_repo)
    resultat = syntetisk_repo.valider()
    ids = {f.check for f in resultat.fund}
    assert check_id in ids, [str(f) for f in resultat.fund]
    fund = next(f for f in resultat.fund if f.check == check_id)
    assert fund.severity == REGISTER[check_id].severity
    assert fund.sted is not None and fund.sted.linje >= 1 and fund.sted.kolonne >= 1
    assert fund.besked.endswith((".", "?")), "messages are full Danish sentences"


def test_p021_names_the_revision_deadline(syntetisk_repo):
    _ny_version(syntetisk_repo, "2026-09-01")
    fund = [f for f in syntetisk_repo.valider().fund if f.check == "P021"]
    assert "1. marts 2027" in fund[0].besked  # 1 Sep 2026 + the template's 6 months
    assert not [f for f in syntetisk_repo.valider(date(2026, 10, 1)).fund if f.check == "P022"]
    assert [f for f in syntetisk_repo.valider(date(2027, 3, 2)).fund if f.check == "P022"]


def test_missing_obligatory_method_names_the_method(syntetisk_repo):
    syntetisk_repo.program["kompetenceplan"][1].update(vurderingsmetoder=[])
    (fund,) = [f for f in syntetisk_repo.valider().fund if f.check == "P008"]
    assert "Mini-CEX (mini-cex)" in fund.besked and "Kompetence 1" in fund.besked


def test_not_allowed_method_names_the_allowed_ones_as_the_reader_knows_them(syntetisk_repo):
    from uddprog.models import visningsnavn

    syntetisk_repo.program["kompetenceplan"][2]["vurderingsmetoder"].append("osats")
    (fund,) = [f for f in syntetisk_repo.valider().fund if f.check == "P009"]
    tilladte = syntetisk_repo.mb["kompetencer"][[k["id"] for k in syntetisk_repo.mb["kompetencer"]].index(
        str(syntetisk_repo.program["kompetenceplan"][2]["kompetence"]))]["vurderingsmetoder"]
    assert f"{visningsnavn('osats')} (osats)" in fund.besked
    assert all(f"{visningsnavn(m)} ({m})" in fund.besked for m in tilladte)


def test_did_you_mean_for_a_typo_in_a_reference(syntetisk_repo):
    syntetisk_repo.program["kompetenceplan"][2].update(ansættelse="goedstrop")
    (fund,) = [f for f in syntetisk_repo.valider().fund if f.check == "P010"]
    assert "Mente du 'goedstrup'?" in fund.besked


def test_p024_counts_planned_assessments(syntetisk_repo):
    syntetisk_repo.mb["kompetencer"][0]["min_vurderinger"] = 3  # planned: one observation + one Mini-CEX
    assert "P024" in {f.check for f in syntetisk_repo.valider().fund}
    syntetisk_repo.program["kompetenceplan"][1]["antal_vurderinger"] = 2
    assert "P024" not in {f.check for f in syntetisk_repo.valider().fund}


def test_m004_quiet_when_the_courses_add_up(syntetisk_repo):
    syntetisk_repo.mb["kurser"].extend([{"id": f"HU{i}", "titel": f"Kursus {i}", "type": "specialespecifik", "timer": 35}
                              for i in range(6)])
    assert "M004" not in {f.check for f in syntetisk_repo.valider().fund}


@pytest.mark.parametrize("ændring, ord_", [
    ({"ansættelse": "aarhus"}, "som ikke findes"),
    ({"fra_måned": 31}, "ligger efter"),
    ({"kompetencer": ["1", "99"]}, "'99' findes ikke"),
])
def test_p025_each_way_a_focused_stay_can_be_wrong(syntetisk_repo, ændring, ord_):
    syntetisk_repo.program["fokuserede_ophold"][0].update(ændring)
    (fund,) = [f for f in syntetisk_repo.valider().fund if f.check == "P025"]
    assert ord_ in fund.besked


@pytest.mark.parametrize("krav, plan, ord_", [
    (12, {"teori_til_måned": 40}, "uden for forskningstræningens"),
    (12, {}, "angiv 'teori_til_måned'"),
    (12, {"teori_til_måned": 30}, "inden for 12 måneder fra start"),
    (None, {"teori_til_måned": 30}, None),
    (12, {"teori_til_måned": 24}, None),
])
def test_p020_theory_part_of_research_training(syntetisk_repo, krav, plan, ord_):
    syntetisk_repo.mb["forskningstræning"]["teori_inden_måneder"] = krav
    syntetisk_repo.program["forskningstræning"].update(plan)
    fund = [f for f in syntetisk_repo.valider().fund if f.check == "P020"]
    assert [ord_ in f.besked for f in fund] == ([True] if ord_ else [])


def test_p013_empty_section_is_missing_too(syntetisk_repo):
    syntetisk_repo.program["sektioner"]["vejledning"] = "   "
    assert "P013" in {f.check for f in syntetisk_repo.valider().fund}


def test_p016_requires_the_template_author_roles(syntetisk_repo):
    syntetisk_repo.program["ansvar"]["udarbejdet_af"] = [{"navn": "A", "rolle": "uao"}]
    (fund,) = [f for f in syntetisk_repo.valider().fund if f.check == "P016"]
    assert "rollen Postgraduat klinisk lektor (PKL) blandt dem" in fund.besked and "'rolle: pkl'" in fund.besked


def test_the_fixture_målbeskrivelse_covers_all_seven_roles():
    # P012's passing case (the clean repository) only means something if every role is covered.
    roller = {r for k in mb_data()["kompetencer"] for r in k["roller"]}
    assert len(roller) == 7


def test_a_broken_målbeskrivelse_is_reported_when_only_the_programme_is_validated(syntetisk_repo):
    from uddprog.catalog import Katalog
    from uddprog.checks import valider

    syntetisk_repo.skriv()
    mb = syntetisk_repo.rod / "målbeskrivelser/neurologi/hoveduddannelse-2015.yaml"
    mb.write_text(mb.read_text(encoding="utf-8").replace("fase: hoveduddannelse", "fase: [hoveduddannelse", 1),
                  encoding="utf-8")
    resultat = valider([syntetisk_repo.rod / "examples"], Katalog(syntetisk_repo.rod), date(2026, 11, 23))
    ids = [(f.check, f.sted.fil.name) for f in resultat.fund]
    assert ("P001", "program.yaml") in ids and ("L002", "hoveduddannelse-2015.yaml") in ids
    p001 = next(f.besked for f in resultat.fund if f.check == "P001")
    assert "kan ikke indlæses: " in p001 and "fejl L002" in p001 and "findes ikke" not in p001


def test_a_broken_template_shows_its_load_error_also_in_render(syntetisk_repo):
    from uddprog.catalog import Katalog
    from uddprog.checks import valider_fil

    syntetisk_repo.skabelon["revision_måneder"] = "seks"
    rod = syntetisk_repo.skriv()
    dok, fund = valider_fil(rod / "examples/nord/program.yaml", Katalog(rod), date(2026, 11, 23))  # render's path
    (p002,) = [f for f in fund if f.check == "P002"]
    assert p002.besked.startswith("Den nationale skabelon 'hoveduddannelse' kan ikke indlæses: ")
    assert "skabelon.yaml" in p002.besked and "revision_måneder" in p002.besked and "S003" in p002.besked


def test_catalog_phases_match_the_model():
    from uddprog.catalog import FASER
    from uddprog.models import Fase

    assert FASER == tuple(f.value for f in Fase)


def test_deadlines_past_the_calendar_end_are_date_max():
    from uddprog.datoer import læg_måneder_til, revisionsfrist

    assert læg_måneder_til(date(9999, 12, 31), 6) == date.max
    assert revisionsfrist(date(9999, 9, 1), 6) == date.max
    assert læg_måneder_til(date(2015, 8, 31), 6) == date(2016, 2, 29)


def test_a_new_version_dated_in_year_9999_is_reported_not_a_crash(syntetisk_repo):
    _ny_version(syntetisk_repo, "9999-09-01")
    (fund,) = [f for f in syntetisk_repo.valider().fund if f.check == "P021"]
    assert "31. december 9999" in fund.besked


def test_p027_names_the_first_planning_by_its_number(syntetisk_repo):
    syntetisk_repo.program["kurser"].append({"kursus": "SOL1", "måned": 8})
    (fund,) = [f for f in syntetisk_repo.valider().fund if f.check == "P027"]
    assert "måned 6 (kursus nr. 1 under 'kurser')" in fund.besked and fund.sted.linje > 1


def test_p028_output_names_collide_in_validate_also_in_parallel(syntetisk_repo):
    from uddprog.catalog import Katalog
    from uddprog.checks import valider

    anden = kopi(syntetisk_repo.program) | {"forløb": "Holstebro - Aarhus, Forløb 1"}  # other text, same slug
    odense = kopi(syntetisk_repo.program) | {"forløb": "Odense, forløb 2"}  # other name
    syntetisk_repo.ekstra["examples/syd/x.yaml"] = odense
    syntetisk_repo.ekstra["examples/nord/anden.yaml"] = anden
    syntetisk_repo.skriv()
    for jobs in (1, 2):
        resultat = valider([syntetisk_repo.rod / "examples"], Katalog(syntetisk_repo.rod), date(2026, 11, 23), jobs=jobs)
        # both, each naming the other: which one is the real programme is not the file order's to say
        anden_fund, fund = [f for f in resultat.fund if f.check == "P028"]
        assert fund.sted.fil.name == "program.yaml" and "nord/neurologi-hoveduddannelse-holstebro-aarhus" in fund.besked
        assert "anden.yaml" in fund.besked and anden_fund.sted.fil.name == "anden.yaml" and "program.yaml" in anden_fund.besked


def test_a_broken_målbeskrivelse_in_a_folder_not_named_after_the_specialty(syntetisk_repo):
    from uddprog.catalog import Katalog
    from uddprog.checks import valider_fil

    # a specialty uddprog does not ship, so no built-in målbeskrivelse stands in for the broken one
    syntetisk_repo.mb.update(speciale="Testologi", varighed_måneder="mange")
    syntetisk_repo.program["målbeskrivelse"]["speciale"] = "Testologi"
    rod = syntetisk_repo.skriv()
    (rod / "målbeskrivelser/testo").mkdir()
    (rod / "målbeskrivelser/neurologi/hoveduddannelse-2015.yaml").rename(rod / "målbeskrivelser/testo/hoveduddannelse-2015.yaml")
    _, fund = valider_fil(rod / "examples/nord/program.yaml", Katalog(rod), date(2026, 11, 23))
    (p001,) = [f for f in fund if f.check == "P001"]
    assert "kan ikke indlæses" in p001.besked and "testo/hoveduddannelse-2015.yaml" in p001.besked


def test_unsupported_markdown_points_at_the_line_and_column_in_a_literal_block(syntetisk_repo):
    """A table is supported (no finding); raw HTML on a later line of a `|` block is found exactly there."""
    from uddprog.catalog import Katalog
    from uddprog.checks import standardstier, valider

    syntetisk_repo.program["sektioner"]["indledning"] = "PLADS"
    fil = syntetisk_repo.skriv() / "examples/nord/program.yaml"
    blok = ("|\n    | Uge | Aktivitet |\n    |---|---|\n    | 1 | Introduktion |\n\n"
            "    Se også <span>skemaet</span> og ![kort](kort.png).\n")
    fil.write_text(fil.read_text(encoding="utf-8").replace("PLADS", blok), encoding="utf-8")
    katalog = Katalog(syntetisk_repo.rod)
    fund = [f for f in valider(standardstier(katalog), katalog, DATO).fund]
    assert [f.check for f in fund] == ["P030", "P030", "P031"], [str(f) for f in fund]
    linjer = fil.read_text(encoding="utf-8").splitlines()
    linje = next(i for i, t in enumerate(linjer, 1) if "<span>" in t)
    assert [(f.sted.linje, f.sted.kolonne) for f in fund] == [
        (linje, linjer[linje - 1].index(u) + 1) for u in ("<span>", "</span>", "![kort]")]
    assert "«<span>»" in fund[0].besked and "'sektioner.indledning'" in fund[0].besked


@pytest.mark.parametrize("skrevet", ['"UDF\\x59LD"', '"Skriv\\u0020her: UDF\\u0059LD"', "UDFYLD"])
def test_a_placeholder_is_found_however_the_yaml_writes_it(syntetisk_repo, skrevet):
    """P026 and P051 look in the YAML source first (no walk over the texts when neither word is there); an
    escape writes a text the source does not show, so a source with one is not trusted for that."""
    tekst = yaml.safe_dump(syntetisk_repo.program, allow_unicode=True, sort_keys=False)
    tekst = tekst.replace("afdeling: Neurologi\n", f"afdeling: {skrevet}\n", 1)
    assert skrevet in tekst
    syntetisk_repo.program = tekst  # written as it stands
    fund = [f for f in syntetisk_repo.valider().fund if f.check == "P026"]
    assert len(fund) == 1 and "afdeling" in fund[0].besked


@pytest.mark.parametrize("skrevet, check", [
    ('"Se \\x3cb>dette\\x3c/b>"', "P030"),        # an escape writes '<b>': the source does not show it
    ('"Se ![kort](kort.png)"', "P031"),
    ("Se [mappen](file:///c/x)", "P032"),
    ('"Se\n\n  \u2022 en ting\n\n  \u2022 en anden"', "P034"),  # bullets after line breaks, in quotes
    ("Brug LOGBOG.NET", "P051"),                      # any case
    ('"Brug logbog\\x2enet"', "P051"),
])
def test_a_text_check_finds_what_the_yaml_writes_however_it_writes_it(syntetisk_repo, skrevet, check):
    """P030–P034 and P051 look in the YAML source first; every way of writing the text still finds it."""
    syntetisk_repo.program["sektioner"]["indledning"] = "MARKØR"
    tekst = yaml.safe_dump(syntetisk_repo.program, allow_unicode=True, sort_keys=False)
    tekst = tekst.replace("indledning: MARKØR\n", f"indledning: {skrevet}\n", 1)
    assert skrevet in tekst
    syntetisk_repo.program = tekst  # written as it stands
    assert {f.check for f in syntetisk_repo.valider().fund} == {check}


def test_no_unsupported_markdown_means_no_walk_and_no_parse(syntetisk_repo, monkeypatch):
    from uddprog.checks import program

    kald = []
    ægte = program._markdowntekster
    monkeypatch.setattr(program, "_markdowntekster", lambda m, sti=(): kald.append(1) or ægte(m, sti))
    assert not syntetisk_repo.valider().fund and kald == []
    syntetisk_repo.program["sektioner"]["indledning"] += "\nSe <b>her</b>."
    assert {f.check for f in syntetisk_repo.valider().fund} == {"P030"} and kald


def test_no_placeholder_and_no_old_system_means_no_walk_over_the_texts(syntetisk_repo, monkeypatch):
    from uddprog.checks import kontekst

    kald = []
    ægte = kontekst.alle_tekster
    monkeypatch.setattr(kontekst, "alle_tekster", lambda m: kald.append(1) or ægte(m))
    assert not syntetisk_repo.valider().fund and kald == []
    syntetisk_repo.program["sektioner"]["indledning"] += "\nSe logbog.net."
    assert {f.check for f in syntetisk_repo.valider().fund} == {"P051"} and kald
