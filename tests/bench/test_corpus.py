"""The corpus generator writes valid, realistic national corpora, deterministically."""

from __future__ import annotations

import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from uddprog.catalog import Katalog
from uddprog.checks import valider
from uddprog.findings import Severity
from uddprog.loading import indlæs
from uddprog.models import DRIFTSREGIONER

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCH))

import corpus  # noqa: E402


@pytest.fixture(scope="module")
def korpus(tmp_path_factory):
    return corpus.generer(tmp_path_factory.mktemp("korpus") / "k", 20, seed=7)


def test_twenty_programmes_validate_without_errors(korpus):
    resultat = valider([korpus.rod], Katalog(korpus.rod), dato=corpus.DATO, jobs=1)
    fejl = [f for f in resultat.fund if f.severity == Severity.ERROR]
    assert fejl == []
    # the only warnings are the intended ones: programmes on an older målbeskrivelse version
    assert {f.check for f in resultat.fund} <= {"P021", "P022"}
    assert len(korpus.programmer) == 20


def test_all_39_specialties_and_three_phases(korpus):
    katalog = Katalog(korpus.rod)
    specialer = {d.model.speciale for d in katalog.målbeskrivelser}
    assert {s.navn for s in corpus.SPECIALER} <= specialer
    assert len(corpus.SPECIALER) == 39
    faser = Counter(str(d.model.fase) for d in katalog.målbeskrivelser)
    assert faser["kbu"] == 1 and faser["introduktion"] >= 39 and faser["hoveduddannelse"] >= 39
    for d in katalog.målbeskrivelser:
        if d.model.fase == "hoveduddannelse":
            assert 15 <= len(d.model.kompetencer) <= 90, d.fil
    # several specialties have two versions, so diff has work
    assert len(korpus.versionspar) >= 5
    gammel, ny, _ = korpus.største_par
    assert indlæs(ny).model.gyldig_fra > indlæs(gammel).model.gyldig_fra


def test_programmes_are_consistent_with_their_region(korpus):
    regioner = Counter()
    for fil in korpus.programmer:
        p = indlæs(fil).model
        regioner[str(p.videreuddannelsesregion)] += 1
        assert 1 <= len(p.ansættelser) <= 6  # almen medicin 2024: six parts in its pattern
        assert {a.driftsregion for a in p.ansættelser} <= DRIFTSREGIONER[p.videreuddannelsesregion]
    assert set(regioner) == {"Nord", "Syd", "Øst"}


def test_same_seed_same_corpus(tmp_path):
    a = corpus.generer(tmp_path / "a", 6, seed=3)
    b = corpus.generer(tmp_path / "b", 6, seed=3)
    filer_a = sorted(p.relative_to(a.rod) for p in a.rod.rglob("*.yaml"))
    assert filer_a == sorted(p.relative_to(b.rod) for p in b.rod.rglob("*.yaml"))
    for rel in filer_a:
        assert (a.rod / rel).read_bytes() == (b.rod / rel).read_bytes(), rel


def test_refuses_a_non_empty_folder(tmp_path):
    (tmp_path / "x").write_text("", encoding="utf-8")
    with pytest.raises(SystemExit):
        corpus.generer(tmp_path, 1)


def test_parallel_validation_finds_the_same(korpus, monkeypatch):
    katalog = Katalog(korpus.rod)
    serielt = valider([korpus.rod], katalog, dato=date(2026, 11, 23), jobs=1)
    parallelt = valider([korpus.rod], Katalog(korpus.rod), dato=date(2026, 11, 23), jobs=2)
    assert parallelt.fund == serielt.fund and parallelt.filer == serielt.filer


def test_diff_reads_only_the_heads_of_other_programmes_with_the_same_result(korpus):
    from uddprog.diff import påvirkning, sammenlign
    from uddprog.diff.impact import mb_nøgle
    from uddprog.diff.inputs import Programhoved, indlæs_programmer, programmer_for

    gammel, ny, _ = korpus.største_par
    g, n = indlæs(gammel), indlæs(ny)
    sæt = sammenlign(g, n)
    nøgle = mb_nøgle(g.model.speciale, g.model.fase, g.model.version)
    strøm = list(programmer_for(korpus.rod / "examples", nøgle))
    assert any(isinstance(p, Programhoved) for p in strøm)
    fuld = påvirkning(sæt, indlæs_programmer(korpus.rod / "examples"), dato=corpus.DATO)
    hurtig = påvirkning(sæt, strøm, dato=corpus.DATO)
    assert hurtig == fuld
