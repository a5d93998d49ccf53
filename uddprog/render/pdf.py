"""DOCX -> PDF through LibreOffice (soffice --headless).

soffice exits 0 even when it could not convert, and shares one user profile
between processes (a second instance then silently does nothing), so every
conversion gets its own temporary profile and the PDF's existence is checked.

LibreOffice does not update fields or indexes when it merely converts
(``--convert-to``), so the table of contents that toc.py fills with PAGEREF
fields would reach the PDF without page numbers. Instead the temporary profile
gets a small Basic macro (``_MACRO``) which opens each document hidden,
updates every index (LibreOffice rebuilds the TOC from its field definition
and computes the page numbers after laying the document out) and the text
fields, and exports the PDF. One LibreOffice start still serves a whole batch.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Iterable

from .. import soffice as lo
from ..fejl import UddprogFejl
from ..skriv import write_atomic

DEFAULT_TIMEOUT = 180
MACRO_URL = "macro:///Standard.Uddprog.Eksport"

# Runs inside LibreOffice. @IND@ and @UD@ become folder URLs (percent-encoded, so
# pure ASCII whatever the temp path is). A failing document leaves <name>.fejl with
# the reason instead of a PDF; every error is caught, because an uncaught one would
# stop the macro before terminate() and leave soffice running until the timeout.
_MACRO = """\
Option Explicit

Const IND = "@IND@"
Const UD = "@UD@"

Sub Eksport
    Dim sFil As String, aFiler() As String, n As Long, i As Long
    On Error GoTo Fejl
    n = 0
    sFil = Dir(IND & "/", 0)
    Do While sFil <> ""
        If LCase(Right(sFil, 5)) = ".docx" Then
            ReDim Preserve aFiler(n) As String
            aFiler(n) = sFil
            n = n + 1
        End If
        sFil = Dir()
    Loop
    For i = 0 To n - 1
        Konverter(IND & "/" & aFiler(i), UD & "/" & Left(aFiler(i), Len(aFiler(i)) - 5))
    Next i
Slut:
    StarDesktop.terminate()
    Exit Sub
Fejl:
    SkrivFejl(UD & "/eksport.fejl", "linje " & Erl & ": " & Error$)
    Resume Slut
End Sub

Sub Konverter(sInd As String, sUd As String)
    Dim oDoc As Object, oIdx As Object, i As Long
    Dim aLoad(1) As New com.sun.star.beans.PropertyValue
    Dim aPdf(0) As New com.sun.star.beans.PropertyValue
    On Error GoTo Fejl
    aLoad(0).Name = "Hidden" : aLoad(0).Value = True
    ' Only ever DOCX: without a filter a damaged file would be "converted" as plain text.
    aLoad(1).Name = "FilterName" : aLoad(1).Value = "MS Word 2007 XML"
    aPdf(0).Name = "FilterName" : aPdf(0).Value = "writer_pdf_Export"
    oDoc = StarDesktop.loadComponentFromURL(sInd, "_blank", 0, aLoad())
    If IsNull(oDoc) Then
        SkrivFejl(sUd & ".fejl", "dokumentet kunne ikke åbnes")
        Exit Sub
    End If
    ' update() lays the document out again before it sets the page numbers,
    ' so a table of contents that grows by a page still gets the right numbers.
    oIdx = oDoc.getDocumentIndexes()
    For i = 0 To oIdx.getCount() - 1
        oIdx.getByIndex(i).update()
    Next i
    oDoc.getTextFields().refresh()
    oDoc.storeToURL(sUd & ".pdf", aPdf())
Luk:
    On Error Resume Next
    If Not IsNull(oDoc) Then oDoc.close(True)
    Exit Sub
Fejl:
    SkrivFejl(sUd & ".fejl", "linje " & Erl & ": " & Error$)
    Resume Luk
End Sub

Sub SkrivFejl(sFil As String, sTekst As String)
    Dim n As Integer
    On Error Resume Next
    n = FreeFile()
    Open sFil For Output As #n
    Print #n, sTekst
    Close #n
End Sub
"""

class PdfError(UddprogFejl):
    """PDF conversion failed; the message is Danish. ``skrevet`` lists the PDFs that did succeed."""

    def __init__(self, besked: str, skrevet: list[Path] | None = None) -> None:
        super().__init__(besked)
        self.skrevet = skrevet or []


def _basic_string(text: str) -> str:
    if any(c in text for c in '"\r\n'):
        raise ValueError(f"ikke brugbar som Basic-streng: {text!r}")
    return text


def make_profile(profile: Path, in_dir: Path, out_dir: Path) -> str:
    """Write a fresh LibreOffice user profile holding the export macro; return its URL."""
    code = (_MACRO.replace("@IND@", _basic_string(in_dir.as_uri()))
            .replace("@UD@", _basic_string(out_dir.as_uri())))
    return lo.basic_profil(profile, "Uddprog", code)


def docx_to_pdf_many(docx_files: Iterable[tuple[bytes, Path]], timeout: int = DEFAULT_TIMEOUT) -> list[Path]:
    """Convert several DOCX documents (bytes, target path) in one LibreOffice start.

    Starting LibreOffice costs seconds, so a batch is converted by one process.
    The table of contents and fields are updated first (see the module docstring).
    Each PDF is moved atomically into place; a missing PDF is an error.
    """
    items = list(docx_files)
    if not items:
        return []
    soffice = lo.find()
    if soffice is None:
        raise PdfError(
            "PDF kræver LibreOffice, som ikke er installeret (kommandoen 'soffice' blev ikke fundet). "
            "Installér fx pakken libreoffice-writer, eller vælg --format docx,html."
        )
    with tempfile.TemporaryDirectory(prefix="uddprog-pdf-") as tmp:
        tmpdir = Path(tmp).resolve()
        src_dir = tmpdir / "ind"
        out_dir = tmpdir / "ud"
        src_dir.mkdir()
        out_dir.mkdir()
        sources = []
        for i, (data, _target) in enumerate(items):
            src = src_dir / f"dokument-{i:05d}.docx"
            src.write_bytes(data)
            sources.append(src)
        profile = make_profile(tmpdir / "profil", src_dir, out_dir)
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nolockcheck",
               MACRO_URL]
        # LibreOffice writes caches under HOME and its own temp folders (lu*.tmp) and IPC pipe under TMPDIR;
        # both inside our temp folder, so an interrupted run (SIGTERM kills soffice) leaves nothing behind.
        (tmpdir / "tmp").mkdir()
        env = dict(os.environ, HOME=str(tmpdir), TMPDIR=str(tmpdir / "tmp"), TMP=str(tmpdir / "tmp"),
                   TEMP=str(tmpdir / "tmp"))
        try:
            proc = lo.kør(cmd, env, timeout)
        except subprocess.TimeoutExpired:
            raise PdfError(f"LibreOffice svarede ikke inden for {timeout} sekunder under PDF-konverteringen") from None
        except OSError as exc:
            raise PdfError(f"LibreOffice kunne ikke startes: {exc}") from None
        written = []
        missing = []
        reasons = []
        for src, (_data, target) in zip(sources, items):
            pdf = out_dir / (src.stem + ".pdf")
            if not pdf.is_file() or pdf.stat().st_size == 0 or not pdf.read_bytes().startswith(b"%PDF"):
                missing.append(target)
                reasons.append(_read_reason(out_dir / (src.stem + ".fejl")))
                continue
            write_atomic(target, stabil_pdf(pdf.read_bytes(), _data))
            written.append(target)
        if missing:
            detail = "; ".join(dict.fromkeys(r for r in [_read_reason(out_dir / "eksport.fejl"), *reasons] if r))
            if not detail:
                detail = (proc.stderr or proc.stdout or b"").decode("utf-8", "replace").strip()[-500:]
            names = ", ".join(str(m) for m in missing)
            raise PdfError(
                f"LibreOffice lavede ingen PDF for {names} (afslutningskode {proc.returncode})"
                + (f": {detail}" if detail else ""),
                written,
            )
        return written


_PDF_DATO = re.compile(rb"/(CreationDate|ModDate)\(D:(\d{14})")
_PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_PDF_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")
_DOCX_DATO = re.compile(rb"<dcterms:(?:modified|created)[^>]*>(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d):(\d\d))?")


def stabil_pdf(pdf: bytes, docx: bytes) -> bytes:
    """The PDF LibreOffice exported, made the same for the same document.

    LibreOffice stamps the time of export and a random file /ID. Both are replaced in place by
    strings of the same length, so every cross-reference offset stays valid: the date by the DOCX's
    own (its core properties, which uddprog sets from the programme), the id by a digest of the rest.
    """
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as z:
            kerne = z.read("docProps/core.xml")
    except (zipfile.BadZipFile, KeyError, OSError):
        kerne = b""
    m = _DOCX_DATO.search(kerne)
    if m:
        dato = b"".join(g or b"00" for g in m.groups())
        pdf = _PDF_DATO.sub(lambda d: b"/" + d.group(1) + b"(D:" + dato, pdf)
    # The file id and LibreOffice's /DocChecksum both hash the export time: replace them by one digest
    # of everything else, each keeping its length.
    felter = [m for rx in (_PDF_ID, _PDF_CHECKSUM) if (m := rx.search(pdf))]
    if felter:
        spænd = sorted((m.start(g), m.end(g)) for m in felter for g in range(1, m.re.groups + 1))
        rest = b"".join(pdf[a:b] for a, b in zip([0] + [e for _, e in spænd], [s for s, _ in spænd] + [len(pdf)]))
        digest = hashlib.md5(rest, usedforsecurity=False).hexdigest().upper().encode() * 4
        for a, b in reversed(spænd):
            pdf = pdf[:a] + digest[:b - a] + pdf[b:]
    return pdf


def _read_reason(path: Path) -> str:
    try:
        return " ".join(path.read_text(encoding="utf-8", errors="replace").split())[:300]
    except OSError:
        return ""


def docx_to_pdf(data: bytes, target: Path, timeout: int = DEFAULT_TIMEOUT) -> Path:
    return docx_to_pdf_many([(data, Path(target))], timeout)[0]
