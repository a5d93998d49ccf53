"""Fixtures for the diff tests: an invented two-version specialty (Testologi) in a small repository."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from uddprog.catalog import Katalog
from uddprog.diff import Diffrapport, påvirkning, sammenlign
from uddprog.diff.inputs import indlæs_programmer
from uddprog.loading import indlæs

REPO = Path(__file__).parent / "fixtures" / "repo"
MB = REPO / "målbeskrivelser" / "testologi"
GAMMEL, NY = MB / "hoveduddannelse-2011.yaml", MB / "hoveduddannelse-2015.yaml"
PROGRAM = REPO / "examples" / "testologi-goedstrup-odense.yaml"
DATO = date(2016, 1, 1)


def rapport(dato: date = DATO) -> Diffrapport:
    katalog = Katalog(REPO)
    sæt = sammenlign(indlæs(GAMMEL), indlæs(NY))
    skabeloner = {i: d.model for i, d in katalog.skabeloner.items()}
    programmer = påvirkning(sæt, indlæs_programmer(REPO / "examples"), skabeloner, dato)
    return Diffrapport(sæt, tuple(programmer), dato, REPO / "examples")


@pytest.fixture
def testologi_repo(monkeypatch) -> Path:
    """The committed Testologi repository (tests/diff/fixtures/repo) as the working folder, so paths in reports
    are short and stable. Read it, never change it."""
    monkeypatch.chdir(REPO)
    return REPO
