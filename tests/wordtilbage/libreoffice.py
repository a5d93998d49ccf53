"""Saving editable documents with real LibreOffice: as it is (open and save as .docx), and after a scripted
edit (a Basic macro that replaces text, as a user would with Find & Replace, then saves as .docx).

Each run gets its own user profile, HOME and TMPDIR in a temporary folder, and runs in its own process group
(``uddprog.soffice.kør``), so it never meets another LibreOffice and leaves nothing running.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from uddprog import soffice as lo

_MAKRO = """\
Option Explicit

Sub Rediger
    Dim sFil As String, oDoc As Object, oErstat As Object, i As Long
    Dim aLaes(1) As New com.sun.star.beans.PropertyValue
    Dim aGem(0) As New com.sun.star.beans.PropertyValue
    On Error GoTo Slut
    aLaes(0).Name = "Hidden" : aLaes(0).Value = True
    aLaes(1).Name = "FilterName" : aLaes(1).Value = "MS Word 2007 XML"
    aGem(0).Name = "FilterName" : aGem(0).Value = "MS Word 2007 XML"
    sFil = Dir("@IND@/", 0)
    Do While sFil <> ""
        oDoc = StarDesktop.loadComponentFromURL("@IND@/" & sFil, "_blank", 0, aLaes())
@ERSTAT@
        oDoc.storeToURL("@UD@/" & sFil, aGem())
        oDoc.close(True)
        sFil = Dir()
    Loop
Slut:
    StarDesktop.terminate()
End Sub
"""


def gem_med_libreoffice(soffice: str, dokumenter: list[bytes], erstat: list[tuple[str, str]] = (),
                        timeout: int = 600) -> list[bytes]:
    """Open each document in LibreOffice, replace every ``(fra, til)`` pair in its text (none: unedited), save
    it as .docx, and return the saved bytes in order. One LibreOffice start for all."""
    for fra, til in erstat:
        if any(c in fra + til for c in '"\r\n'):
            raise ValueError("kan ikke stå i en Basic-streng")
    trin = "".join(
        "        oErstat = oDoc.createReplaceDescriptor()\n"
        f'        oErstat.SearchString = "{fra}"\n        oErstat.ReplaceString = "{til}"\n'
        "        oDoc.replaceAll(oErstat)\n" for fra, til in erstat)
    with tempfile.TemporaryDirectory(prefix="uddprog-lo-") as tmp:
        tmp = Path(tmp).resolve()
        ind, ud, tmpdir = tmp / "ind", tmp / "ud", tmp / "tmp"
        for m in (ind, ud, tmpdir):
            m.mkdir()
        for i, data in enumerate(dokumenter):
            (ind / f"d{i:03d}.docx").write_bytes(data)
        makro = _MAKRO.replace("@ERSTAT@", trin).replace("@IND@", ind.as_uri()).replace("@UD@", ud.as_uri())
        profil = lo.basic_profil(tmp / "profil", "Test", makro)
        env = dict(os.environ, HOME=str(tmp), TMPDIR=str(tmpdir), TMP=str(tmpdir), TEMP=str(tmpdir))
        r = lo.kør([soffice, f"-env:UserInstallation={profil}", "--headless", "--norestore", "--nolockcheck",
                    "macro:///Standard.Test.Rediger"], env, timeout)
        ud_filer = [ud / f"d{i:03d}.docx" for i in range(len(dokumenter))]
        mangler = [f.name for f in ud_filer if not f.exists()]
        if mangler:
            raise RuntimeError(f"LibreOffice gemte ikke {mangler}: {r.stderr.decode(errors='replace')[-500:]}")
        return [f.read_bytes() for f in ud_filer]
