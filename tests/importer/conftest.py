"""Fixtures for the import tests: the catalog, the committed Word corpus and its imports."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from uddprog.catalog import Katalog
from uddprog.importer import importer
from uddprog.models import Videreuddannelsesregion as V

ROOT = Path(__file__).resolve().parents[2]
KORPUS = Path(__file__).parent / "korpus"

#: corpus file -> (målbeskrivelse, template, region)
KORPUSFILER = {
    "nord-overskriftstypografier.docx": ("neurologi/hoveduddannelse@2015", "hoveduddannelse", V.NORD),
    "syd-danske-typografier.docx": ("anaestesiologi/introduktion@2013", "introduktion", V.SYD),
    "oest-uden-typografier.docx": ("klinisk-basisuddannelse/kbu@2017", "kbu", V.OEST),
    "nord-word-felter.docx": ("neurologi/introduktion@2015", "introduktion", V.NORD),
}


@pytest.fixture(scope="session")
def katalog() -> Katalog:
    return Katalog(ROOT)


def _importer(katalog: Katalog, navn: str):
    ref, sk, region = KORPUSFILER[navn]
    return importer(KORPUS / navn, katalog.slå_op(ref).model, katalog.skabelon(sk).model, region)


@pytest.fixture(scope="session")
def korpus(katalog):
    """name -> (Import, the draft as data)"""
    ud = {}
    for navn in KORPUSFILER:
        imp = _importer(katalog, navn)
        ud[navn] = (imp, yaml.safe_load(imp.yaml))
    return ud
