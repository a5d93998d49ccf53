"""Fixtures for the round trip through Word: the editable document of a programme copied into a
temporary folder, and the update import of a document edited there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from uddprog.catalog import Katalog
from uddprog.importer.opdatering import opdater
from uddprog.loading import indlæs
from uddprog.render import Renderer

ROOT = Path(__file__).resolve().parents[2]
PROGRAMMER = sorted((ROOT / "examples").rglob("*.yaml"))
NEUROLOGI = ROOT / "examples" / "nord" / "neurologi-hoveduddannelse-holstebro-aarhus-forloeb-1.yaml"


@pytest.fixture(scope="session")
def soffice() -> str:
    from tests.render.conftest import need_tool

    return need_tool("soffice", "libreoffice")


@pytest.fixture(scope="session")
def renderer() -> Renderer:
    return Renderer(ROOT)


@pytest.fixture(scope="session")
def katalog(renderer) -> Katalog:
    return renderer.katalog


class Kopi:
    """A shipped programme copied into a folder of its own, with its editable document."""

    def __init__(self, kilde: Path, mappe: Path, renderer: Renderer) -> None:
        self.fil = mappe / kilde.name
        shutil.copyfile(kilde, self.fil)
        # Shared parts are named from the repository root, which is the copy's folder here.
        shutil.copytree(ROOT / "programdele", mappe / "programdele", dirs_exist_ok=True)
        self.bytes = self.fil.read_bytes()
        self.renderer = renderer
        self.docx = renderer.redigerbar(indlæs(self.fil))

    def opdater(self, docx: bytes, **kw):
        return opdater(docx, "retur.docx", self.fil, self.renderer.katalog, **kw)


@pytest.fixture
def kopi(tmp_path, renderer):
    def lav(kilde: Path = NEUROLOGI) -> Kopi:
        return Kopi(kilde, tmp_path, renderer)
    return lav


def afsnitsfelter(docx: bytes) -> dict[str, str]:
    """The sections that are fields in an editable document, as its record lists them: id → the control's title."""
    from uddprog.importer.pakke import læs_pakke
    from uddprog.render.felter import læs_kildedel

    kildedel = next(læs_kildedel(r) for r in læs_pakke(docx, "x").kundedata)
    return {f.sti[1]: f.etiket for f in kildedel.felter if f.sti[0] == "sektioner"}


def midterste_afsnit(k: Kopi) -> str:
    """A section with text of the programme's own (a field), from the middle of its YAML: not its first or last."""
    felter = afsnitsfelter(k.docx)
    egne = [s for s, tekst in indlæs(k.fil).model.sektioner.items() if s in felter and tekst]
    assert len(egne) >= 3, egne
    return egne[len(egne) // 2]
