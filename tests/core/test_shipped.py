"""The shipped målbeskrivelser, templates and programmes: valid, realistic in shape, one deliberately stale."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from uddprog import regler
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


def test_new_specialties_have_their_own_structure_in_several_regions(katalog, programmer):
    regioner: dict[str, set] = {}
    for p in programmer:
        regioner.setdefault(p.model.målbeskrivelse.speciale, set()).add(p.model.videreuddannelsesregion)
    for speciale in ("Almen medicin", "Psykiatri", "Ortopædisk kirurgi"):
        assert len(regioner.get(speciale, ())) >= 2, speciale
    mb = {d.model.speciale: d.model for d in katalog.målbeskrivelser if d.model.fase == Fase.HOVEDUDDANNELSE}
    almen = mb["Almen medicin"]
    assert almen.gælder_for == "opslaaet" and {d.type for d in almen.ansættelsesmønster} >= {"almen-praksis",
                                                                                              "sygehusafdeling"}
    assert sum(1 for k in mb["Psykiatri"].kompetencer if k.min_vurderinger) >= 5
    kirurgi = mb["Ortopædisk kirurgi"]
    assert any("osats" in k.vurderingsmetoder and k.kompetencekort for k in kirurgi.kompetencer)
    for p in programmer:
        if p.model.målbeskrivelse.speciale == "Almen medicin":
            assert any(f.rolle == "tutorlaege" for f in p.model.ansvar.udarbejdet_af)
        if p.model.målbeskrivelse.speciale == "Ortopædisk kirurgi":
            assert p.model.fokuserede_ophold and all(o.dage for o in p.model.fokuserede_ophold)


def test_every_shipped_ansættelse_plans_its_vejledersamtaler(programmer):
    for p in programmer:
        for a in p.model.ansættelser:
            assert a.vejledersamtaler, f"{p.fil}: {a.id}"
        if p.model.målbeskrivelse.fase == Fase.KBU:
            # six months in almen praksis, or in psychiatry where it has taken its place (issue 21)
            assert regler.kbu_praksis_måneder([(a.type, a.måneder) for a in p.model.ansættelser]) == 6, p.fil
