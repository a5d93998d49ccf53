"""Every R check fires on its own case, with a Danish sentence at file:line:column."""

from __future__ import annotations

import pytest

from uddprog.checks import REGISTER
from uddprog.findings import Severity

from .conftest import AFTALE, RUNDE, runde_data


def _runde(r):
    return r.ekstra[RUNDE]


def _linje(r):
    return _runde(r)["forløb"][0]


def _ny_fil(r, navn, data):
    r.ekstra[navn] = data


#: One change per check id that makes exactly that check fire (validated through `uddprog validate`'s path).
MUTATIONER = {
    "R001": lambda r: _linje(r).update(forløb="Holstebro–Aarhus, forløb 9"),
    "R002": lambda r: _linje(r).update(ubesat=0) or _runde(r).pop("i_alt"),
    "R003": lambda r: _linje(r).update(genopslået=2) or _runde(r)["i_alt"].update(genopslået=2),
    "R004": lambda r: _runde(r)["i_alt"].update(besat=1),
    "R005": lambda r: _runde(r)["forløb"].append(dict(_linje(r))) or _runde(r).pop("i_alt"),
    "R006": lambda r: _linje(r).update(ubesat=0, flexforløb=1) or _runde(r).pop("i_alt"),
    "R007": lambda r: _runde(r).update(speciale="Neurolgi"),
    "R009": lambda r: r.ekstra.update({"rekruttering/syd/2026-1-neurologi.yaml": r.ekstra.pop(RUNDE)}),
    "R011": lambda r: r.ekstra[AFTALE]["krav"].update(andele={"universitetshospital": 60, "øvrige": 30}),
    "R012": lambda r: r.ekstra[AFTALE]["krav"].update(mindst={"universitetshospitaler": 50}),
    "R013": lambda r: r.ekstra[AFTALE].update(krav={"tolerance": 2}),
    "R014": lambda r: r.ekstra[AFTALE]["undtagelser"].append(
        {"specialer": ["kirurgi"], "udelades": True, "begrundelse": "To gange."}),
}
#: Cross-file checks that only `uddprog stats` makes (tested in test_stats_cli.py).
KUN_STATS = {"R010", "R015"}
R_IDS = set(MUTATIONER) | KUN_STATS


def test_every_r_id_is_covered_and_in_range():
    registrerede = {i for i in REGISTER if i.startswith("R")}
    assert registrerede == R_IDS
    assert "R008" not in registrerede  # P028 reports it (test_a_forløb_name_in_two_programmes_is_reported_once)
    assert all(1 <= int(i[1:]) <= 19 for i in registrerede)


def test_the_repository_with_a_round_and_a_target_is_clean(statistikrepo):
    resultat = statistikrepo.valider()
    assert resultat.fund == []
    assert {f.name for f in resultat.filer} >= {"2026-1-neurologi.yaml", "test.yaml"}


@pytest.mark.parametrize("check_id", sorted(MUTATIONER))
def test_r_check_triggers_on_its_case(statistikrepo, check_id):
    MUTATIONER[check_id](statistikrepo)
    resultat = statistikrepo.valider()
    ids = {f.check for f in resultat.fund}
    assert check_id in ids, [str(f) for f in resultat.fund]
    ventede = {"R003": {"R002", "R004"}, "R005": {"R002", "R004"}}.get(check_id, set())
    assert ids - {check_id} <= ventede, \
        [str(f) for f in resultat.fund]
    fund = next(f for f in resultat.fund if f.check == check_id)
    assert fund.severity == REGISTER[check_id].severity
    assert fund.sted.linje >= 1 and fund.sted.kolonne >= 1
    assert fund.besked.endswith((".", "?"))


def test_unknown_forløb_points_at_the_name_and_suggests_the_real_one(statistikrepo):
    MUTATIONER["R001"](statistikrepo)
    (fund,) = [f for f in statistikrepo.valider().fund if f.check == "R001"]
    tekst = (statistikrepo.rod / RUNDE).read_text(encoding="utf-8").splitlines()
    assert "Holstebro–Aarhus, forløb 9" in tekst[fund.sted.linje - 1]
    assert "Mente du 'Holstebro–Aarhus, forløb 1'?" in fund.besked
    assert "Videreuddannelsesregion Nord" in fund.besked


def test_a_round_with_a_typo_in_a_field_is_a_schema_error_with_position(statistikrepo):
    _linje(statistikrepo)["besatt"] = 1
    (fund,) = statistikrepo.valider().fund
    assert fund.check == "S002" and "Mente du 'besat'?" in fund.besked and fund.sted.linje > 1


def test_round_and_target_files_are_recognised_by_their_keys(statistikrepo):
    from uddprog.loading import indlæs

    statistikrepo.skriv()
    assert indlæs(statistikrepo.rod / RUNDE).type == "rekrutteringsrunde"
    assert indlæs(statistikrepo.rod / AFTALE).type == "aftale"


def test_counts_that_add_up_are_quiet(statistikrepo):
    _runde(statistikrepo)["forløb"] = [{"forløb": "Holstebro–Aarhus, forløb 1", "opslået": 2, "besat": 1,
                                        "genopslået": 1, "flexforløb": 1, "flex_speciale": "Intern medicin: geriatri"}]
    _runde(statistikrepo)["i_alt"] = {"opslået": 2, "besat": 1, "genopslået": 1, "ubesat": 0, "flexforløb": 1}
    assert statistikrepo.valider().fund == []
    assert runde_data()["forløb"][0]["ubesat"] == 1  # the fixture itself was not changed
    assert Severity.ERROR == REGISTER["R001"].severity


def test_validating_many_rounds_reads_the_programmes_once(statistikrepo, monkeypatch):
    """The forløb index is built once per run, not once per round and check (a 3,000-programme corpus with
    468 rounds took 100 s of CPU before)."""
    from uddprog import forloeb

    for nr in range(2, 6):
        statistikrepo.ekstra[f"rekruttering/nord/{2020 + nr}-1-neurologi.yaml"] = dict(runde_data(), år=2020 + nr)
    kald: list = []
    ægte = forloeb.repository_indeks
    monkeypatch.setattr(forloeb, "repository_indeks", lambda mappe: kald.append(mappe) or ægte(mappe))
    from uddprog.catalog import Katalog
    from uddprog.checks import valider

    statistikrepo.skriv()
    assert valider([statistikrepo.rod / "rekruttering"], Katalog(statistikrepo.rod)).fund == []
    assert len(kald) == 1  # five rounds, eight checks each: one index
    # With the programmes validated too, the rounds are checked after them against the forløb their own
    # validation read: the programme folder is not read a second time.
    kald.clear()
    assert statistikrepo.valider().fund == []
    assert kald == []


@pytest.mark.parametrize("ændring", [
    lambda r: None,
    lambda r: _linje(r).update(forløb="Holstebro–Aarhus, forløb 9"),  # R001 with a suggestion
    lambda r: r.program.update(ukendt_nøgle=1),  # the named programme has a schema error: stats still counts it
    lambda r: r.ekstra.update({"examples/nord/kopi.yaml": dict(r.program, forløb="Holstebro–Aarhus, forløb 9")}),
])
def test_rounds_checked_after_the_programmes_find_what_the_catalogue_index_finds(statistikrepo, ændring):
    from tests.syntetisk import DATO
    from uddprog.catalog import Katalog
    from uddprog.checks import standardstier, valider

    ændring(statistikrepo)
    fra_validering = statistikrepo.valider().fund
    from uddprog.forloeb import repository_indeks

    katalog = Katalog(statistikrepo.rod)
    indeks = repository_indeks(katalog.programmappe)  # built by reading the folder
    assert [str(f) for f in valider(standardstier(katalog), katalog, DATO, forløbsindeks=indeks).fund] \
        == [str(f) for f in fra_validering]


def test_a_forløb_name_in_two_programmes_is_reported_once_at_the_programme(statistikrepo):
    """Two programmes with one forløb name (region, specialty, phase) always share their output name: that
    used to be P028 at the copy and R008 at every round naming the forløb, the same problem twice. It is
    P028 alone now, at both programmes (which one is the real one is for the author to say)."""
    statistikrepo.ekstra["examples/nord/kopi.yaml"] = dict(statistikrepo.program, titel="Kopi")
    statistikrepo.ekstra["rekruttering/nord/2025-2-neurologi.yaml"] = dict(runde_data(), år=2025, runde=2)
    fund = statistikrepo.valider().fund
    assert [f.check for f in fund] == ["P028", "P028"], [str(f) for f in fund]  # at each, naming the other
    assert fund[0].sted.fil.name == "kopi.yaml" and "program.yaml" in fund[0].besked
    assert fund[1].sted.fil.name == "program.yaml" and "kopi.yaml" in fund[1].besked
