"""Shared helpers for the views' tests: the shipped catalogue and examples; the CLI runner is tests.conftest.kør."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import kopier_checkout, kør  # noqa: F401  (the one runner; re-exported for the tests here)
from uddprog.catalog import Katalog
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


@pytest.fixture(scope="session")
def soffice() -> str:
    import shutil

    from tests.browser import need

    sti = shutil.which("soffice") or shutil.which("libreoffice")
    need("LibreOffice (soffice)", sti)
    return sti
