"""The shipped målbeskrivelser, templates and programmes: valid, realistic in shape, one deliberately stale."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from uddprog.catalog import Katalog
from uddprog.checks import standardstier, valider
from uddprog.loading import indlæs
from uddprog.models import Fase, Rolle

ROD = Path(__file__).resolve().parents[2]
DATO = date(2026, 11, 23)


@pytest.fixture(scope="module")
def katalog() -> Katalog:
    return Katalog(ROD)


@pytest.fixture(scope="module")
def programmer(katalog):
    return [indlæs(f) for f in katalog.programfiler()]


def test_shipped_content_has_no_errors(katalog):
    resultat = valider(standardstier(katalog), katalog, DATO)
    fejl = [str(f) for f in resultat.fund if f.severity == "error"]
    assert fejl == []
    assert len(resultat.filer) >= 3 + 4 + 6


def test_programmes_cover_every_region_and_phase(programmer):
    assert len(programmer) >= 6
    assert {p.model.videreuddannelsesregion for p in programmer} == {"Nord", "Syd", "Øst"}
    assert {p.model.målbeskrivelse.fase for p in programmer} == set(Fase)


def test_one_specialty_has_two_versions_and_one_programme_is_stale(katalog, programmer):
    to_versioner = [d for d in katalog.målbeskrivelser if katalog.nyere_versioner(d.model)]
    assert to_versioner, "a specialty with an older and a newer målbeskrivelse"
    forældede = [p for p in programmer if katalog.nyere_versioner(katalog.målbeskrivelse(p.model.målbeskrivelse).model)]
    assert len(forældede) == 1
    resultat = valider([forældede[0].fil], katalog, DATO)
    assert {"P021", "P022"} <= {f.check for f in resultat.fund}


def test_målbeskrivelser_are_realistic(katalog):
    faser = {d.model.fase for d in katalog.målbeskrivelser}
    assert faser == set(Fase)
    assert len({d.model.speciale for d in katalog.målbeskrivelser if d.model.fase != Fase.KBU}) >= 2
    for d in katalog.målbeskrivelser:
        mb = d.model
        assert mb.kilde and mb.illustrativ, f"{d.fil}: name the source and mark invented content"
        if mb.fase == Fase.HOVEDUDDANNELSE:
            assert 15 <= len(mb.kompetencer) <= 40, d.fil
            assert mb.forskningstræning is not None
        assert {r for k in mb.kompetencer for r in k.roller} == set(Rolle), f"{d.fil}: all seven lægeroller"
