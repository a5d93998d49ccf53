"""The shared training rules (uddprog.regler) and the passing side of the checks built on them."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.conftest import kør
from tests.syntetisk import SyntetiskRepo, mb_data, samtaler
from uddprog import regler
from uddprog.checks import REGISTER
from uddprog.diff import sammenlign
from uddprog.models import Kursus, Maalbeskrivelse

from .test_checks import _kbu


def _ids(r: SyntetiskRepo, dato: date | None = None) -> set[str]:
    return {f.check for f in (r.valider(dato) if dato else r.valider()).fund}


def _kursus(**vindue) -> Kursus:
    return Kursus(id="K", titel="Kursus", type="generel", **vindue)


@pytest.mark.parametrize(("vindue", "varighed", "forventet"), [
    ({"tidligst_måneder_før_slut": 24}, 48, (25, 48)),  # SOL2: at most two years left
    ({"tidligst_måneder_før_slut": 24}, 60, (37, 60)),
    ({"sidste_del": 3}, 48, (33, 48)),                   # SOL3: the last third
    ({"sidste_del": 3}, 60, (41, 60)),
    ({"senest_måned": 12}, 48, (1, 12)),                 # SOL1: the first part
    ({"senest_måneder_før_slut": 6, "tidligst_måned": 13}, 48, (13, 42)),
    ({}, 48, (1, 48)),
])
def test_course_window_from_start_or_end(vindue, varighed, forventet):
    assert regler.kursusvindue(_kursus(**vindue), varighed) == forventet


def test_window_rule_in_danish():
    assert regler.vis_kursusvindue(_kursus(tidligst_måneder_før_slut=24), 48) == \
        "måned 25–48 (når der højst er 24 måneder tilbage)"
    assert regler.vis_kursusvindue(_kursus(sidste_del=3), 48) == "måned 33–48 (i sidste tredjedel af fasen)"
    assert regler.vis_kursusvindue(_kursus(senest_måned=12), 48) == "måned 1–12"


def test_p019_uses_the_window_counted_from_the_end(syntetisk_repo):
    syntetisk_repo.mb["kurser"][1] = {"id": "SOL2", "titel": "SOL2", "type": "generel",
                                      "tidligst_måneder_før_slut": 24}
    syntetisk_repo.program["kurser"][1]["måned"] = 25
    assert "P019" not in _ids(syntetisk_repo)
    syntetisk_repo.program["kurser"][1]["måned"] = 24
    (fund,) = [f for f in syntetisk_repo.valider().fund if f.check == "P019"]
    assert "tidligst tages i måned 25 (når der højst er 24 måneder tilbage)" in fund.besked


def test_m002_finds_an_empty_window(syntetisk_repo):
    syntetisk_repo.mb["kurser"][0].update(senest_måned=12, sidste_del=3)
    assert "M002" in _ids(syntetisk_repo)


def test_p040_passes_with_six_months_in_almen_praksis_and_before_2022(syntetisk_repo):
    _kbu(syntetisk_repo)
    assert "P040" in _ids(syntetisk_repo)
    # before round 2022-1 the rule was a share, not every forløb
    assert "P040" not in _ids(syntetisk_repo, date(2021, 12, 31))
    syntetisk_repo.program["ansættelser"][1]["type"] = "almen-praksis"
    assert "P040" not in _ids(syntetisk_repo)


def test_p041_passes_when_the_pattern_is_followed(syntetisk_repo):
    syntetisk_repo.mb["ansættelsesmønster"] = [{"type": "sygehusafdeling", "måneder": 24},
                                               {"type": "almen-praksis", "måneder": 24}]
    syntetisk_repo.program["ansættelser"][1]["type"] = "almen-praksis"
    assert not {"P041", "M010"} & _ids(syntetisk_repo)


@pytest.mark.parametrize(("kbu", "dag", "for_sent"), [(True, 14, False), (True, 15, True), (False, 30, False),
                                                      (False, 31, True)])
def test_p043_first_samtale_within_14_days_in_kbu_and_a_month_otherwise(syntetisk_repo, kbu, dag, for_sent):
    if kbu:
        _kbu(syntetisk_repo)
    syntetisk_repo.program["ansættelser"][0]["vejledersamtaler"][0]["senest_dag"] = dag
    assert ("P043" in _ids(syntetisk_repo)) is for_sent


def test_p044_passes_with_the_plan_within_14_days(syntetisk_repo):
    _kbu(syntetisk_repo)
    for a in syntetisk_repo.program["ansættelser"]:
        a["uddannelsesplan_senest_dag"] = 14
    assert "P044" not in _ids(syntetisk_repo)
    syntetisk_repo.program["ansættelser"][0]["uddannelsesplan_senest_dag"] = 15
    assert "P044" in _ids(syntetisk_repo)


def test_p042_needs_more_samtaler_in_long_ansættelser():
    assert [regler.mindste_antal_samtaler(m) for m in (3, 6, 11, 12, 24)] == [2, 3, 3, 4, 6]
    plan = regler.samtaleplan(12, "introduktion")
    assert [t for t, _ in plan] == ["introduktionssamtale", "justeringssamtale", "justeringssamtale", "slutsamtale"]
    assert [d for _, d in plan] == sorted(d for _, d in plan)


def test_p046_kbu_needs_career_guidance_in_every_samtale(syntetisk_repo):
    _kbu(syntetisk_repo)
    syntetisk_repo.program["ansættelser"][0]["vejledersamtaler"][1]["karrierevejledning"] = False
    assert "P046" in _ids(syntetisk_repo)
    syntetisk_repo.program["ansættelser"][0]["vejledersamtaler"] = samtaler(6, "kbu")
    assert "P046" not in _ids(syntetisk_repo)


def test_hoveduddannelse_needs_career_guidance_in_one_samtale(syntetisk_repo):
    for s in syntetisk_repo.program["ansættelser"][0]["vejledersamtaler"][1:]:
        s["karrierevejledning"] = False
    assert "P046" not in _ids(syntetisk_repo)


@pytest.mark.parametrize(("dage", "fra", "til", "for_langt"), [(31, 30, 31, False), (32, 30, 30, True),
                                                              (None, 30, 32, True)])
def test_p047_a_focused_stay_lasts_at_most_a_month(syntetisk_repo, dage, fra, til, for_langt):
    syntetisk_repo.program["fokuserede_ophold"][0].update(dage=dage, fra_måned=fra, til_måned=til)
    if dage is None:
        syntetisk_repo.program["fokuserede_ophold"][0].pop("dage")
    assert ("P047" in _ids(syntetisk_repo)) is for_langt


def test_p050_passes_when_the_forløb_starts_and_ends_in_sjælland_or_the_specialty_is_not_there(syntetisk_repo):
    syntetisk_repo.program["videreuddannelsesregion"] = "Øst"
    syntetisk_repo.program["ansættelser"][0]["driftsregion"] = "Sjælland"
    syntetisk_repo.program["ansættelser"][1]["driftsregion"] = "Hovedstaden"
    fund = [f for f in syntetisk_repo.valider().fund if f.check == "P050"]
    assert len(fund) == 1 and "slutter" in fund[0].besked
    syntetisk_repo.program["ansættelser"][1]["driftsregion"] = "Sjælland"
    assert "P050" not in _ids(syntetisk_repo)
    syntetisk_repo.program["ansættelser"][0]["driftsregion"] = "Hovedstaden"
    syntetisk_repo.mb["speciale"] = syntetisk_repo.program["målbeskrivelse"]["speciale"] = "Neurokirurgi"
    assert "P050" not in _ids(syntetisk_repo)


def test_p049_only_after_the_phase_out_date(syntetisk_repo):
    syntetisk_repo.mb["udfaset"] = "2027-01-01"
    assert "P049" not in _ids(syntetisk_repo)
    assert "P049" in _ids(syntetisk_repo, date(2027, 1, 1))


def test_p051_names_the_system_once_and_passes_on_uddannelseslæge(syntetisk_repo):
    syntetisk_repo.program["sektioner"]["indledning"] = "Se [uddannelseslæge.dk](https://xn--uddannelseslge-cjb.dk)."
    assert "P051" not in _ids(syntetisk_repo)
    syntetisk_repo.program["sektioner"]["indledning"] = "Logbog: [logbog.net](https://www.logbog.net)."
    (fund,) = [f for f in syntetisk_repo.valider().fund if f.check == "P051"]
    assert "logbog.net" in fund.besked and "uddannelseslæge.dk" in fund.besked


def _version(version: str, gyldig_fra: str, **ekstra) -> Maalbeskrivelse:
    return Maalbeskrivelse.model_validate(mb_data() | {"version": version, "gyldig_fra": gyldig_fra, **ekstra})


def test_which_version_applies_and_who_stays():
    gammel = _version("2004", "2004-01-01", udfaset="2018-12-31")
    ny = _version("2013", "2014-01-01", gælder_for="opslaaet")
    assert regler.gældende_version([ny, gammel], date(2013, 12, 31)) is gammel
    assert regler.gældende_version([ny, gammel], date(2014, 1, 1)) is ny
    assert regler.gældende_version([ny, gammel], date(2000, 1, 1)) is None
    assert regler.overgangsregel(gammel, ny) == (
        "Forløb opslået før 1. januar 2014 fortsætter på version 2004, som udfases 31. december 2018; "
        "forløb opslået fra den dato følger version 2013.")


def test_catalog_finds_the_version_for_a_date(syntetisk_repo):
    from uddprog.catalog import Katalog

    syntetisk_repo.ekstra["målbeskrivelser/neurologi/hoveduddannelse-2024.yaml"] = mb_data() | {
        "version": "2024", "gyldig_fra": "2024-09-01"}
    syntetisk_repo.skriv()
    katalog = Katalog(syntetisk_repo.rod)
    assert katalog.gældende_version("neurologi", "hoveduddannelse", date(2024, 8, 31)).model.version == "2015"
    assert katalog.gældende_version("Neurologi", "hoveduddannelse", date(2024, 9, 1)).model.version == "2024"


def test_rules_carry_their_source_and_checks_show_it():
    assert REGISTER["P043"].kilde.sekundær and "dsmu.dk" in REGISTER["P043"].kilde.tekst
    assert REGISTER["P040"].kilde and not REGISTER["P040"].kilde.sekundær
    tekst = kør("checks").output
    assert "kilde: Dansk Selskab for Medicinsk Uddannelse" in tekst and "(sekundær kilde)" in tekst
    data = {c["id"]: c for c in json.loads(kør("checks", "--format", "json").output)}
    assert data["P043"]["sekundær_kilde"] is True and data["P001"]["kilde"] is None
    assert data["P014"]["illustrativ"] is True


def test_diff_sees_a_window_moved_to_count_from_the_end():
    gammel = Maalbeskrivelse.model_validate(mb_data())
    kurser = [k.model_copy(update={"tidligst_måned": None, "tidligst_måneder_før_slut": 24}) if k.id == "SOL2" else k
              for k in gammel.kurser]
    (æ,) = [æ for æ in sammenlign(gammel, gammel.model_copy(update={"kurser": kurser})).ændringer
            if æ.id in ("D023", "D024")]
    assert æ.id == "D023" and æ.før == [24, 48] and æ.efter == [25, 48]
    assert "måned 25–48 (når der højst er 24 måneder tilbage)" in æ.besked


def test_p052_passes_with_a_tutorlæge_and_in_kbu(syntetisk_repo):
    syntetisk_repo.program["ansættelser"][1]["type"] = "almen-praksis"
    syntetisk_repo.program["ansvar"]["udarbejdet_af"].append({"navn": "Tutor Testesen", "rolle": "tutorlaege"})
    assert "P052" not in _ids(syntetisk_repo)
    syntetisk_repo.program["ansvar"]["udarbejdet_af"].pop()
    assert "P052" in _ids(syntetisk_repo)
    _kbu(syntetisk_repo)
    assert "P052" not in _ids(syntetisk_repo)


def test_status_says_who_stays_and_marks_a_phased_out_version(syntetisk_repo):
    from uddprog.catalog import Katalog
    from uddprog.diff.status import overgange, status
    from uddprog.loading import indlæs

    syntetisk_repo.mb["udfaset"] = "2026-01-01"
    syntetisk_repo.ekstra["målbeskrivelser/neurologi/hoveduddannelse-2024.yaml"] = mb_data() | {
        "version": "2024", "gyldig_fra": "2024-09-01", "gælder_for": "paabegyndt"}
    syntetisk_repo.skriv()
    rod = syntetisk_repo.rod
    (linje,) = status([indlæs(rod / "examples/nord/program.yaml")], Katalog(rod), date(2026, 11, 23))
    assert linje.udfaset and linje.nyere_version == "2024"
    assert overgange([linje]) == ["Neurologi/hoveduddannelse@2015: Forløb påbegyndt før 1. september 2024 fortsætter "
                                  "på version 2015, som udfases 1. januar 2026; forløb påbegyndt fra den dato følger "
                                  "version 2024."]


def test_p053_passes_when_almen_praksis_is_the_second_ansættelse_in_øst(syntetisk_repo):
    _kbu(syntetisk_repo)
    syntetisk_repo.program["videreuddannelsesregion"] = "Øst"
    for a in syntetisk_repo.program["ansættelser"]:
        a["driftsregion"] = "Sjælland"
    syntetisk_repo.program["ansættelser"][1]["type"] = "almen-praksis"
    assert "P053" not in _ids(syntetisk_repo)
    syntetisk_repo.program["ansættelser"][1]["type"] = "psykiatrisk-afdeling"
    assert "P053" not in _ids(syntetisk_repo)
    syntetisk_repo.program["videreuddannelsesregion"] = "Nord"
    syntetisk_repo.program["ansættelser"][1]["type"] = "sygehusafdeling"
    for a in syntetisk_repo.program["ansættelser"]:
        a["driftsregion"] = "Nordjylland"
    assert "P053" not in _ids(syntetisk_repo)  # the rule is Øst's


def test_diff_reports_what_a_version_applies_to():
    gammel = Maalbeskrivelse.model_validate(mb_data())
    ny = gammel.model_copy(update={"version": "2024", "gælder_for": "opslaaet"})
    (æ,) = [æ for æ in sammenlign(gammel, ny).ændringer if æ.id == "D040"]
    assert "gælder_for: ansat → opslaaet" in æ.besked
