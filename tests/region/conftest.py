"""A region's repository outside this checkout: uddprog.toml, programmer/, the shipped catalogue underneath."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

PROJEKT = Path(__file__).resolve().parents[2]
GAMMELT = PROJEKT / "examples/syd/neurologi-hoveduddannelse-odense-forloeb-2.yaml"  # P021, P022, P023 in 2026
DATO = "2026-11-23"


@pytest.fixture
def region(tmp_path, monkeypatch) -> Path:
    """An initialised region repository with one programme (the old Odense one), as the working folder."""
    from uddprog.init import skriv

    rod = tmp_path / "region-syd"
    skriv(rod, "Syd")
    (rod / "programmer/syd").mkdir(parents=True)
    shutil.copy(GAMMELT, rod / "programmer/syd/odense.yaml")
    monkeypatch.chdir(rod)
    return rod


def kør(*args: str) -> "Result":
    from uddprog.cli import cli

    return CliRunner().invoke(cli, list(args), catch_exceptions=False)
