"""Fixtures for the render tests: real clients, snapshot formats, shipped programmes."""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").rglob("*.yaml")) if (ROOT / "examples").is_dir() else []


def need_tool(*names: str) -> str:
    """Path of the first tool found. Skip without it locally; in CI (env CI set) fail instead,
    so real-client tests can never silently stop running there."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    msg = f"{' / '.join(names)} er ikke installeret"
    if os.environ.get("CI"):
        pytest.fail(f"{msg}, men CI er sat: real-client-testene må ikke springes over i CI")
    pytest.skip(msg)


@pytest.fixture(scope="session")
def soffice() -> str:
    return need_tool("soffice", "libreoffice")


@pytest.fixture(scope="session")
def chromium() -> str:
    return need_tool("chromium", "chromium-browser", "google-chrome")


# ------------------------------------------------------------------ snapshots

DOCX_PARTS = ("word/document.xml", "word/header", "word/footer", "word/numbering.xml",
              "word/_rels/document.xml.rels", "docProps/core.xml")
_PARSER = etree.XMLParser(remove_blank_text=True)


def docx_as_xml(data: bytes) -> str:
    """The parts of a DOCX that rendering changes, as one pretty-printed XML document.

    Diffs of this show a template or renderer change line by line.
    """
    root = etree.Element("docx")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in sorted(zf.namelist()):
            if name.startswith(DOCX_PARTS):
                part = etree.SubElement(root, "part", name=name)
                part.append(etree.fromstring(zf.read(name), _PARSER))
    return etree.tostring(root, pretty_print=True, encoding="unicode")


class DocxXmlExtension(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "docx.xml"

    def serialize(self, data, **kwargs) -> str:
        return docx_as_xml(data) if isinstance(data, bytes) else str(data)


class HtmlExtension(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "html"


@pytest.fixture
def docx_snapshot(snapshot):
    return snapshot.use_extension(DocxXmlExtension)


@pytest.fixture
def html_snapshot(snapshot):
    return snapshot.use_extension(HtmlExtension)


# ------------------------------------------------------------------ rendering helpers


@pytest.fixture(scope="session")
def renderer():
    from uddprog.render import Renderer

    return Renderer(ROOT)


@pytest.fixture(scope="session")
def fixture_parts():
    """(målbeskrivelse, national template) for programmes built in code (tests/render/fixtures.py)."""
    from . import fixtures

    return fixtures.maalbeskrivelse(), fixtures.skabelon()
