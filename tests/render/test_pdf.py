"""PDF through LibreOffice: clear errors when it is missing or silently fails."""

from __future__ import annotations

import os
import stat

import pytest

from uddprog.render import pdf
from uddprog.render.pdf import PdfError, docx_to_pdf


def test_missing_libreoffice_is_a_danish_error(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
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
