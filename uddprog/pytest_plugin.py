"""pytest plugin (entry point ``uddprog``): snapshot tests of a region's own templates.

A region that restyles ``program.docx`` or the HTML layout wants its CI to show what the change does to
every programme. With ``uddprog[snapshot]`` installed (pytest and syrupy), a test like the one
``uddprog init`` writes is enough::
    from uddprog.pytest_plugin import programmer

    @pytest.mark.parametrize("program", programmer(), ids=str)
    def test_word(program, uddprog_dan, docx_snapshot):
        assert uddprog_dan(program).docx == docx_snapshot

``docx_snapshot`` stores the DOCX as normalised, pretty-printed XML of the parts rendering changes
(document, headers, footers, numbering, relationships, core properties), ``html_snapshot`` the HTML page
as text, so a review shows a readable line diff instead of "binary file changed". Record or refresh with
``pytest --snapshot-update``. Loading this module costs nothing until a fixture is used.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from .catalog import Katalog
from .render import Renderer
from .rod import find_rod

DOCX_DELE = ("word/document.xml", "word/header", "word/footer", "word/numbering.xml",
             "word/_rels/document.xml.rels", "docProps/core.xml")


def docx_som_xml(data: bytes) -> str:
    """The parts of a DOCX that rendering changes, as one pretty-printed XML document."""
    from lxml import etree

    parser = etree.XMLParser(remove_blank_text=True)
    rod = etree.Element("docx")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for navn in sorted(zf.namelist()):
            if navn.startswith(DOCX_DELE):
                del_ = etree.SubElement(rod, "part", name=navn)
                del_.append(etree.fromstring(zf.read(navn), parser))
    return etree.tostring(rod, pretty_print=True, encoding="unicode")


def programmer(start: Path | None = None) -> list[Path]:
    """The programme files of the repository at or above ``start`` (default the working folder), relative
    to it when possible: use in ``@pytest.mark.parametrize`` so each programme is its own test."""

    katalog = Katalog.find(start)
    return katalog.programfiler()


def _udvidelser():
    try:
        from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode
    except ImportError:  # pragma: no cover - syrupy is in uddprog[snapshot]
        return None

    class DocxXmlExtension(SingleFileSnapshotExtension):
        _write_mode = WriteMode.TEXT
        file_extension = "docx.xml"

        def serialize(self, data, **kwargs) -> str:
            return docx_som_xml(data) if isinstance(data, bytes) else str(data)

    class HtmlExtension(SingleFileSnapshotExtension):
        _write_mode = WriteMode.TEXT
        file_extension = "html"

    return DocxXmlExtension, HtmlExtension


_UDVIDELSER = None


def udvidelser():
    """(DocxXmlExtension, HtmlExtension), built once; pytest.fail with the fix when syrupy is missing."""
    global _UDVIDELSER
    if _UDVIDELSER is None:
        _UDVIDELSER = _udvidelser()
        if _UDVIDELSER is None:
            pytest.fail("Snapshot-testene kræver syrupy: pip install 'uddprog[snapshot]'.", pytrace=False)
    return _UDVIDELSER


@pytest.fixture
def docx_snapshot(snapshot):
    """syrupy's ``snapshot`` storing a rendered DOCX (bytes) as readable XML in ``__snapshots__/``."""
    return snapshot.use_extension(udvidelser()[0])


@pytest.fixture
def html_snapshot(snapshot):
    """syrupy's ``snapshot`` storing a rendered HTML page as a text file in ``__snapshots__/``."""
    return snapshot.use_extension(udvidelser()[1])


@dataclass(frozen=True)
class Dannet:
    docx: bytes
    html: str


@pytest.fixture(scope="session")
def uddprog_dan(tmp_path_factory):
    """``dan(program) -> Dannet``: render one programme through the layouts in force for its repository
    (the region's own over the shipped ones). A programme with validation errors fails the test with them."""

    renderere: dict[Path, Renderer] = {}
    out = tmp_path_factory.mktemp("uddprog-dannet")

    def dan(program: Path | str) -> Dannet:
        rod = find_rod(Path(program))
        r = renderere.setdefault(Path(rod).resolve(), Renderer(rod))
        u = r.render_fil(Path(program), ("docx", "html"), out)
        if not u.ok:
            pytest.fail(f"{program}: {u.fejl}", pytrace=False)
        filer = {f.suffix: f for f in u.filer}
        return Dannet(filer[".docx"].read_bytes(), filer[".html"].read_text(encoding="utf-8"))

    return dan
