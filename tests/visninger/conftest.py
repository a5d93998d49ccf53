"""Shared helpers for the views' tests: the shipped catalogue and examples, and the CLI in-process."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from uddprog.catalog import Katalog
from uddprog.cli import cli
from uddprog.fejl import UddprogFejl
from uddprog.loading import indlæs

ROD = Path(__file__).resolve().parents[2]
EKSEMPLER = ROD / "examples"
NEUROLOGI_NORD = EKSEMPLER / "nord" / "neurologi-hoveduddannelse-holstebro-aarhus-forloeb-1.yaml"


@pytest.fixture(scope="session")
def katalog() -> Katalog:
    return Katalog(ROD)


@pytest.fixture(scope="session")
def neurologi(katalog):
    dok = indlæs(NEUROLOGI_NORD)
    return dok.model, katalog.målbeskrivelse(dok.model.målbeskrivelse).model


@dataclass
class Kørsel:
    exit_code: int
    stdout: str
    output: str  # stdout and stderr


def kør(*args) -> Kørsel:
    """The command in-process, with the exit code and message `uddprog.cli.main` gives an UddprogFejl."""
    r = CliRunner().invoke(cli, [str(a) for a in args])
    if isinstance(r.exception, UddprogFejl):
        return Kørsel(r.exception.exitkode, r.stdout, r.output + f"Fejl: {r.exception}\n")
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    return Kørsel(r.exit_code, r.stdout, r.output)


@pytest.fixture(scope="session")
def soffice() -> str:
    import shutil

    from tests.browser import need

    sti = shutil.which("soffice") or shutil.which("libreoffice")
    need("LibreOffice (soffice)", sti)
    return sti
