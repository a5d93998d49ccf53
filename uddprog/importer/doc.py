"""Old binary Word files (.doc) -> .docx bytes through LibreOffice headless.

Uses ``uddprog.soffice`` (a process group that a timeout
kills whole) with a private, throw-away user profile, so a running LibreOffice or the
user's own profile is never touched. The .doc is copied into a temporary folder first:
LibreOffice then reads only that copy and writes only there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .. import soffice as lo
from .pakke import MAKS_FIL, OLE_MAGI, art, læs_fil
from .resultat import ImportFejl

TIMEOUT = 120


def doc_til_docx(sti: Path, timeout: int = TIMEOUT) -> bytes:
    data = læs_fil(sti)
    slags = art(data)
    if slags == "zip":
        return data  # a .docx with the wrong extension
    if slags == "ole-krypteret":
        raise ImportFejl(f"{sti}: dokumentet er krypteret (beskyttet med adgangskode). Gem det uden adgangskode "
                         "i Word, og importér det igen.")
    if data[:8] != OLE_MAGI or slags != "ole-doc":
        raise ImportFejl(f"{sti}: filen er ikke et Word-dokument (.doc).")
    soffice = lo.find()
    if soffice is None:
        raise ImportFejl(f"{sti}: gamle Word-filer (.doc) konverteres med LibreOffice, som ikke er installeret. "
                         "Installér LibreOffice, eller åbn filen i Word og gem den som .docx.")
    with tempfile.TemporaryDirectory(prefix="uddprog-doc-") as tmp:
        mappe = Path(tmp)
        (mappe / "ind").mkdir()
        (mappe / "ud").mkdir()
        kopi = mappe / "ind" / "dokument.doc"
        kopi.write_bytes(data)
        env = {**os.environ, "HOME": str(mappe)}
        cmd = [soffice, f"-env:UserInstallation={(mappe / 'profil').as_uri()}", "--headless", "--norestore",
               "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(mappe / "ud"), str(kopi)]
        try:
            lo.kør(cmd, env, timeout)
        except subprocess.TimeoutExpired:
            raise ImportFejl(f"{sti}: LibreOffice kunne ikke konvertere filen inden for {timeout} sekunder.") from None
        except OSError as e:
            raise ImportFejl(f"{sti}: LibreOffice kunne ikke startes ({e.strerror}).") from None
        ud = mappe / "ud" / "dokument.docx"
        if not ud.is_file() or ud.stat().st_size > MAKS_FIL:
            raise ImportFejl(f"{sti}: LibreOffice kunne ikke konvertere filen til .docx; åbn den i Word, og gem den "
                             "som .docx.")
        data = ud.read_bytes()
        shutil.rmtree(mappe / "profil", ignore_errors=True)
        return data
