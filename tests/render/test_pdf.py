"""PDF through LibreOffice: clear errors when it is missing or silently fails."""

from __future__ import annotations

import os
import stat

import pytest

from uddprog import soffice
from uddprog.render.pdf import PdfError, docx_to_pdf


def test_missing_libreoffice_is_a_danish_error(tmp_path, monkeypatch):
    monkeypatch.setattr(soffice.shutil, "which", lambda name: None)
    with pytest.raises(PdfError, match="kræver LibreOffice"):
        docx_to_pdf(b"PK", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_soffice_exit_zero_without_pdf_is_an_error(tmp_path, monkeypatch):
    """soffice exits 0 even when it converted nothing; the PDF itself is what counts."""
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(PdfError, match="ingen PDF"):
        docx_to_pdf(b"PK", tmp_path / "ud" / "x.pdf")
    assert not (tmp_path / "ud" / "x.pdf").exists()


def test_sigterm_during_pdf_leaves_no_libreoffice_temp_files(soffice, tmp_path):
    """A cancelled CI job SIGTERMs uddprog mid-conversion: LibreOffice's own temp folders (lu*.tmp, which it
    puts under TMPDIR) and our profile must go, and no soffice may keep running."""
    import signal
    import subprocess
    import sys
    import time

    from .conftest import EXAMPLES, ROOT

    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp), "CI": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "uddprog", "render", str(EXAMPLES[0]), "--format", "pdf",
                             "--out", str(tmp_path / "ud"), "-j", "1"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)

    def soffice_kører() -> list[str]:
        ud = []
        for d in os.listdir("/proc"):
            try:
                cmd = open(f"/proc/{d}/cmdline", "rb").read().decode(errors="replace")
            except OSError:
                continue
            if "soffice" in cmd and str(tmp) in cmd:
                ud.append(d)
        return ud

    try:
        slut = time.monotonic() + 60
        while not soffice_kører():  # LibreOffice has started on our documents
            assert proc.poll() is None and time.monotonic() < slut, proc.stderr.read()
            time.sleep(0.05)
        time.sleep(1.0)  # let it create its temp folders
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    time.sleep(0.5)
    assert proc.returncode == 130
    assert not soffice_kører()
    assert sorted(os.listdir(tmp)) == []


def test_the_same_programme_gives_a_byte_identical_pdf(soffice, tmp_path):
    """LibreOffice stamps each PDF with the time of export and a random file id; uddprog replaces both
    (same length, so the cross-reference offsets stay valid) with the document's own date and a digest."""
    import subprocess

    from uddprog.loading import indlæs
    from uddprog.render import Renderer

    from .conftest import EXAMPLES, ROOT

    program = indlæs(EXAMPLES[0])
    data = Renderer(ROOT).docx(program.model)
    første, anden = docx_to_pdf(data, tmp_path / "a.pdf").read_bytes(), docx_to_pdf(data, tmp_path / "b.pdf").read_bytes()
    assert første == anden
    ansvar = program.model.ansvar
    dato = ansvar.godkendt_dato or Renderer(ROOT).katalog.målbeskrivelse(program.model.målbeskrivelse).model.gyldig_fra
    assert f"/CreationDate(D:{dato:%Y%m%d}000000".encode() in første
    # still a valid PDF to a reader: poppler parses it without complaint and finds the date
    info = subprocess.run(["pdfinfo", str(tmp_path / "a.pdf")], capture_output=True, text=True)
    assert info.returncode == 0 and not info.stderr, info.stderr
    assert str(dato.year) in next(l for l in info.stdout.splitlines() if l.startswith("CreationDate"))
