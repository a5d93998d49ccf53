"""Real clients: LibreOffice opens every DOCX and makes a PDF; headless Chromium loads
every HTML page without console errors and takes a screenshot.

Skipped locally when the programs are missing; with CI set they must run (conftest).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from uddprog.render.context import build_context
from uddprog.render.html import CompiledHtml
from uddprog.render.pdf import docx_to_pdf_many

from . import fixtures
from .conftest import EXAMPLES, ROOT
from .test_html import XSS

_PAGE = re.compile(rb"/Type\s*/Page(?!s)")


def pdf_pages(data: bytes) -> int:
    """Page count from the page objects; LibreOffice writes them uncompressed."""
    return len(_PAGE.findall(data))


@pytest.fixture(scope="module")
def built(renderer, tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    udfald = [renderer.render_fil(f, ("docx", "html"), out) for f in EXAMPLES]
    assert all(u.ok for u in udfald), [u.fejl for u in udfald if not u.ok]
    # a programme full of hostile text, too
    hostile = out / "fjendtlig"
    hostile.mkdir()
    tekst = "\n\n".join(XSS) + "\n\nÆØÅ æøå 😀 & < > \" '\x01"
    ctx = build_context(fixtures.program(tekst=tekst, titel=XSS[0], navn=XSS[1]),
                        fixtures.maalbeskrivelse(), fixtures.skabelon())
    html = hostile / "fjendtlig.html"
    html.write_text(CompiledHtml(ROOT / "templates/national", "hoveduddannelse").render(ctx), encoding="utf-8")
    docx = hostile / "fjendtlig.docx"
    docx.write_bytes(renderer.docx_skabelon("hoveduddannelse").render(ctx, _core()))
    return sorted(out.rglob("*.docx")), sorted(out.rglob("*.html"))


def _core():
    from uddprog.render.docx import CoreProperties

    return CoreProperties(title="Fjendtlig tekst", author="test")


def test_libreoffice_converts_every_docx(soffice, built):
    docx_files, _ = built
    targets = [(f.read_bytes(), f.with_suffix(".pdf")) for f in docx_files]
    written = docx_to_pdf_many(targets)
    assert len(written) == len(docx_files)
    for pdf in written:
        pages = pdf_pages(pdf.read_bytes())
        # title page + contents + sections: at least 4; the examples are far below 60
        assert 4 <= pages <= 60, f"{pdf.name}: {pages} sider"


def _chromium_run(chromium: str, html: Path, shot: Path, profile: Path) -> str:
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
           "--enable-logging=stderr", "--v=0", "--window-size=1200,1600", f"--screenshot={shot}",
           html.as_uri()]
    proc = subprocess.run(cmd, capture_output=True, timeout=90, stdin=subprocess.DEVNULL)
    return proc.stderr.decode("utf-8", "replace")


def test_chromium_loads_every_page_without_console_errors(chromium, built, tmp_path):
    _, html_files = built
    assert html_files
    for html in html_files:
        shot = tmp_path / (html.stem + ".png")
        log = _chromium_run(chromium, html, shot, tmp_path / "profil")
        console = [line for line in log.splitlines() if ":CONSOLE" in line]
        assert not console, f"{html.name}: {console}"
        assert shot.is_file() and shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 5000


def test_console_check_is_not_blind(chromium, tmp_path):
    """The check above must be able to fail: a page that logs does show up."""
    page = tmp_path / "logger.html"
    page.write_text('<!DOCTYPE html><html lang="da"><title>x</title><script>console.error("fejl")</script>')
    log = _chromium_run(chromium, page, tmp_path / "x.png", tmp_path / "profil")
    assert any(":CONSOLE" in line and "fejl" in line for line in log.splitlines())
