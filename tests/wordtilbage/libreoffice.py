"""Saving editable documents with real LibreOffice: as it is (open and save as .docx), and after a scripted
edit (a Basic macro that replaces text, as a user would with Find & Replace, then saves as .docx).

Each run gets its own user profile, HOME and TMPDIR in a temporary folder, and runs in its own process group
(``uddprog.soffice.kør``), so it never meets another LibreOffice and leaves nothing running.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from uddprog import soffice as lo

_HOVED = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE {kind} PUBLIC "-//OpenOffice.org//DTD OfficeDocument '
          '1.0//EN" "{dtd}">\n')
_BIBLIOTEKER = (_HOVED.format(kind="library:libraries", dtd="libraries.dtd")
                + '<library:libraries xmlns:library="http://openoffice.org/2000/library" '
                'xmlns:xlink="http://www.w3.org/1999/xlink">\n <library:library library:name="Standard" '
                'library:link="false"/>\n</library:libraries>\n')
_BIBLIOTEK = (_HOVED.format(kind="library:library", dtd="library.dtd")
              + '<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" '
              'library:readonly="false" library:passwordprotected="false">{elementer}</library:library>\n')
_REGISTER = ('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
             'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
             '<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" oor:op="fuse">'
             "<value>true</value></prop></item></oor:items>\n")

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


def _profil(mappe: Path, makro: str) -> str:
    basic = mappe / "user" / "basic"
    std = basic / "Standard"
    std.mkdir(parents=True)
    (mappe / "user" / "registrymodifications.xcu").write_text(_REGISTER, encoding="utf-8")
    (basic / "script.xlc").write_text(_BIBLIOTEKER, encoding="utf-8")
    (basic / "dialog.xlc").write_text(_BIBLIOTEKER, encoding="utf-8")
    (std / "dialog.xlb").write_text(_BIBLIOTEK.format(elementer=""), encoding="utf-8")
    (std / "script.xlb").write_text(_BIBLIOTEK.format(elementer='\n <library:element library:name="Test"/>\n'),
                                    encoding="utf-8")
    (std / "Test.xba").write_text(
        _HOVED.format(kind="script:module", dtd="module.dtd")
        + '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Test" '
        f'script:language="StarBasic">{escape(makro)}</script:module>\n', encoding="utf-8")
    return mappe.as_uri()


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
        profil = _profil(tmp / "profil", makro)
        env = dict(os.environ, HOME=str(tmp), TMPDIR=str(tmpdir), TMP=str(tmpdir), TEMP=str(tmpdir))
        r = lo.kør([soffice, f"-env:UserInstallation={profil}", "--headless", "--norestore", "--nolockcheck",
                    "macro:///Standard.Test.Rediger"], env, timeout)
        ud_filer = [ud / f"d{i:03d}.docx" for i in range(len(dokumenter))]
        mangler = [f.name for f in ud_filer if not f.exists()]
        if mangler:
            raise RuntimeError(f"LibreOffice gemte ikke {mangler}: {r.stderr.decode(errors='replace')[-500:]}")
        return [f.read_bytes() for f in ud_filer]
