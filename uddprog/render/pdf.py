"""DOCX -> PDF through LibreOffice (soffice --headless).

soffice exits 0 even when it could not convert, and shares one user profile
between processes (a second instance then silently does nothing), so every
conversion gets its own temporary profile and the PDF's existence is checked.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Iterable

from .writer import write_atomic

SOFFICE_NAMES = ("soffice", "libreoffice")
DEFAULT_TIMEOUT = 180


class PdfError(Exception):
    """PDF conversion failed; the message is Danish. ``skrevet`` lists the PDFs that did succeed."""

    def __init__(self, besked: str, skrevet: list[Path] | None = None) -> None:
        super().__init__(besked)
        self.skrevet = skrevet or []


def find_soffice() -> str | None:
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def docx_to_pdf_many(docx_files: Iterable[tuple[bytes, Path]], timeout: int = DEFAULT_TIMEOUT) -> list[Path]:
    """Convert several DOCX documents (bytes, target path) in one LibreOffice start.

    Starting LibreOffice costs seconds, so a batch is converted by one process.
    Each PDF is moved atomically into place; a missing PDF is an error.
    """
    items = list(docx_files)
    if not items:
        return []
    soffice = find_soffice()
    if soffice is None:
        raise PdfError(
            "PDF kræver LibreOffice, som ikke er installeret (kommandoen 'soffice' blev ikke fundet). "
            "Installér fx pakken libreoffice-writer, eller vælg --format docx,html."
        )
    with tempfile.TemporaryDirectory(prefix="uddprog-pdf-") as tmp:
        tmpdir = Path(tmp)
        src_dir = tmpdir / "ind"
        out_dir = tmpdir / "ud"
        src_dir.mkdir()
        out_dir.mkdir()
        sources = []
        for i, (data, _target) in enumerate(items):
            src = src_dir / f"dokument-{i:05d}.docx"
            src.write_bytes(data)
            sources.append(src)
        profile = (tmpdir / "profil").as_uri()
        cmd = [
            soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nolockcheck",
            "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(out_dir), *map(str, sources),
        ]
        env = dict(os.environ, HOME=str(tmpdir))  # LibreOffice writes caches under HOME
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=timeout, env=env, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise PdfError(f"LibreOffice svarede ikke inden for {timeout} sekunder under PDF-konverteringen") from None
        except OSError as exc:
            raise PdfError(f"LibreOffice kunne ikke startes: {exc}") from None
        written = []
        missing = []
        for src, (_data, target) in zip(sources, items):
            pdf = out_dir / (src.stem + ".pdf")
            if not pdf.is_file() or pdf.stat().st_size == 0 or not pdf.read_bytes().startswith(b"%PDF"):
                missing.append(target)
                continue
            write_atomic(target, pdf.read_bytes())
            written.append(target)
        if missing:
            detail = (proc.stderr or proc.stdout or b"").decode("utf-8", "replace").strip()[-500:]
            names = ", ".join(str(m) for m in missing)
            raise PdfError(
                f"LibreOffice lavede ingen PDF for {names} (afslutningskode {proc.returncode})"
                + (f": {detail}" if detail else ""),
                written,
            )
        return written


def docx_to_pdf(data: bytes, target: Path, timeout: int = DEFAULT_TIMEOUT) -> Path:
    return docx_to_pdf_many([(data, Path(target))], timeout)[0]
