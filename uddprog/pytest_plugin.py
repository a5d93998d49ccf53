"""pytest plugin (entry point ``uddprog``): snapshot tests of a region's own templates.

A region that restyles ``program.docx`` or the HTML layout wants its CI to show what the change does to
every programme. With ``uddprog[snapshot]`` installed (pytest and syrupy), a test like the one
``uddprog init`` writes is enough::
    from uddprog.pytest_plugin import programmer

    @pytest.mark.parametrize("program", programmer(), ids=str)
    def test_word(program, uddprog_dan, docx_snapshot):
        assert uddprog_dan(program).docx == docx_snapshot

``docx_snapshot`` stores the DOCX as normalised, pretty-printed XML of the parts rendering changes
(document, headers, footers, numbering, relationships, core properties) and of the styles that give it its
look (``word/styles.xml``: the document defaults and every style the document uses, with the styles they
build on, sorted by id, without Word's edit marks), ``html_snapshot`` the HTML page as text, so a review shows a readable line diff instead of "binary file changed". Record or refresh with
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
             "word/_rels/document.xml.rels", "docProps/core.xml", "word/styles.xml")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_som_xml(data: bytes) -> str:
    """The parts of a DOCX that rendering changes and the styles it uses, as one pretty-printed XML document."""
    from lxml import etree  # lazy: lxml only when a snapshot is made

    parser = etree.XMLParser(remove_blank_text=True)
    rod = etree.Element("docx")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        dele = {navn: etree.fromstring(zf.read(navn), parser) for navn in sorted(zf.namelist())
                if navn.startswith(DOCX_DELE)}
    brugte = {e.get(f"{_W}val") for navn, xml in dele.items() if navn != "word/styles.xml"
              for e in xml.iter(f"{_W}pStyle", f"{_W}rStyle", f"{_W}tblStyle", f"{_W}numStyleLink", f"{_W}styleLink")}
    for navn, xml in dele.items():
        if navn == "word/styles.xml":
            xml = stilarter(xml, brugte)
        etree.SubElement(rod, "part", name=navn).append(xml)
    return etree.tostring(rod, pretty_print=True, encoding="unicode")


def stilarter(styles, brugte: set[str]):
    """``word/styles.xml`` made deterministic and readable: the document defaults and the styles in ``brugte``
    (ids the document names), the default style of each kind and every style those build on, link to or are
    followed by, sorted by type and id; without the latent-style list and Word's revision ids (``rsid``),
    which change with every save in Word and say nothing about the look. Fonts, colours, sizes and spacing stay."""
    alle = {s.get(f"{_W}styleId"): s for s in styles.iter(f"{_W}style")}
    valgt = {i for i, s in alle.items() if i in brugte or s.get(f"{_W}default") == "1"}
    kø = list(valgt)
    while kø:  # what the chosen styles inherit from or point at
        s = alle.get(kø.pop())
        for e in s.iter(f"{_W}basedOn", f"{_W}link", f"{_W}next") if s is not None else ():
            if (ref := e.get(f"{_W}val")) in alle and ref not in valgt:
                valgt.add(ref)
                kø.append(ref)
    for e in list(styles):
        if e.tag in (f"{_W}style", f"{_W}latentStyles"):
            styles.remove(e)
    for i in sorted(valgt, key=lambda i: (alle[i].get(f"{_W}type") or "", i)):
        styles.append(alle[i])
    for e in list(styles.iter(f"{_W}rsid")):
        e.getparent().remove(e)
    for e in styles.iter():
        for navn in [a for a in e.attrib if a.startswith(_W + "rsid")]:
            del e.attrib[navn]
    return styles


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
