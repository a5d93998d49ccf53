"""The shipped neurologi 2011 → 2015 pair and the stale Syd programme written against 2011."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from tests.conftest import kør
from uddprog.catalog import Katalog
from uddprog.diff import Diffrapport, påvirkning, sammenlign
from uddprog.diff.inputs import find_par, indlæs_programmer

ROD = Path(__file__).resolve().parents[2]
SYD = ROD / "examples" / "syd" / "neurologi-hoveduddannelse-odense-forloeb-2.yaml"
DATO = date(2026, 11, 23)


def _rapport() -> Diffrapport:
    katalog = Katalog(ROD)
    g, n = find_par("neurologi/hoveduddannelse@2011", "neurologi/hoveduddannelse@2015", katalog)
    sæt = sammenlign(g, n)
    skabeloner = {i: d.model for i, d in katalog.skabeloner.items()}
    return Diffrapport(sæt, tuple(påvirkning(sæt, indlæs_programmer(ROD / "examples"), skabeloner, DATO)), DATO)


def _planlinjer(kompetence: str) -> list[int]:
    """Lines of the Syd programme's kompetenceplan entries for one competency, found in the raw text."""
    mønster = re.compile(rf'^\s*- \{{kompetence: "?{kompetence}"?[,}}]')
    return [i for i, l in enumerate(SYD.read_text(encoding="utf-8").splitlines(), 1) if mønster.match(l)]


def test_structural_changes_of_the_shipped_pair():
    struktur = {(æ.id, æ.gamle, æ.nye) for æ in _rapport().sæt.ændringer if æ.id in ("D001", "D002", "D003", "D004", "D005")}
    assert struktur == {
        ("D001", ("25",), ()),
        ("D003", ("26",), ("25",)), ("D003", ("27",), ("26",)), ("D003", ("28",), ("27",)),
        ("D004", ("10",), ("10", "28")),
        ("D002", (), ("29",)), ("D002", (), ("30",)),
    }
    metoder = {(æ.id, æ.gamle) for æ in _rapport().sæt.ændringer if æ.id in ("D007", "D008")}
    assert ("D007", ("8",)) in metoder and ("D008", ("8",)) in metoder


def test_the_stale_syd_programme_is_flagged_at_the_right_lines():
    r = _rapport()
    (p,) = [p for p in r.påvirkede if p.fil == SYD]
    assert [q.fil.name for q in r.påvirkede] == [SYD.name]  # the only programme on 2011
    træf = {(t.ændring.id, t.sted.linje) for t in p.træf}
    assert ("D001", _planlinjer("25")[0]) in træf
    assert {("D003", _planlinjer(k)[0]) for k in ("26", "27", "28")} <= træf
    assert ("D004", _planlinjer("10")[0]) in træf
    # Competency 8 is planned twice; only the entry that lists its own methods lacks the new one.
    assert [l for i, l in træf if i == "D007" and l in _planlinjer("8")] == [_planlinjer("8")[0]]
    fjernet = next(t for t in p.træf if t.ændring.id == "D001")
    assert fjernet.handling == "Kompetence 25 er fjernet: slet planlægningen på Sygehus Lillebælt, Vejle Sygehus i måned 13–30."
    assert p.revisionsfrist == date(2016, 3, 1) and p.frist_overskredet


def test_programmes_on_2015_or_other_specialties_are_unaffected():
    r = _rapport()
    status = {p.fil.name: p.status for p in r.programmer}
    assert status["neurologi-hoveduddannelse-holstebro-aarhus-forloeb-1.yaml"] == "allerede-ny"
    assert status["kbu-aalborg-forloeb-3.yaml"] == "anden-målbeskrivelse"


def test_cli_on_shipped_content_fails_on_error(monkeypatch):
    monkeypatch.chdir(ROD)
    r = kør("diff", "Neurologi/hoveduddannelse@2011", "neurologi/hoveduddannelse@2015", "--dato", "2026-11-23")
    assert r.exit_code == 1, r.output
    assert "examples/syd/neurologi-hoveduddannelse-odense-forloeb-2.yaml" in r.output


def test_reference_folds_danish_letters():
    from uddprog.diff.inputs import find_målbeskrivelse

    dok = find_målbeskrivelse("anaestesiologi/hoveduddannelse@2013", Katalog(ROD))
    assert dok.model.speciale == "Anæstesiologi"
