"""Finding and running LibreOffice (``soffice``), shared by the PDF renderer and the import of old .doc files.

soffice is a wrapper script that starts ``soffice.bin``; both must end when uddprog ends, whatever ends it
(a finished conversion, a timeout, Ctrl-C, SIGTERM). Every run therefore gets its own process group, and
stopping it ends the whole group.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

NAVNE = ("soffice", "libreoffice")


def find() -> str | None:
    """The LibreOffice command on PATH, or None when it is not installed."""
    for navn in NAVNE:
        fundet = shutil.which(navn)
        if fundet:
            return fundet
    return None


def kør(cmd: list[str], env: dict[str, str], timeout: int) -> subprocess.CompletedProcess:
    """Run soffice in its own process group, so a timeout (or Ctrl-C) ends soffice.bin too,
    not just the wrapper script, which would leave soffice.bin running in the background."""
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except BaseException:
        stop(proc)
        raise
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def stop(proc: subprocess.Popen, frist: float = 3.0) -> None:
    """End soffice and its children: SIGTERM first, so LibreOffice removes its IPC pipe in /tmp (which
    TMPDIR does not move), then SIGKILL for whatever is still running after ``frist`` seconds."""
    import time

    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except (AttributeError, ProcessLookupError, PermissionError):  # no process groups (Windows)
        proc.kill()
        proc.communicate()
        return
    slut = time.monotonic() + frist
    try:
        proc.communicate(timeout=frist)
        while time.monotonic() < slut:  # soffice.bin may outlive its wrapper by a moment
            os.killpg(proc.pid, 0)
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGKILL)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass  # the whole group has ended
    if proc.returncode is None:
        proc.communicate()


_XML_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE {kind} PUBLIC '
             '"-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "{dtd}">\n')
_LIBRARIES = (_XML_HEAD.format(kind="library:libraries", dtd="libraries.dtd")
              + '<library:libraries xmlns:library="http://openoffice.org/2000/library" '
              'xmlns:xlink="http://www.w3.org/1999/xlink">\n'
              ' <library:library library:name="Standard" library:link="false"/>\n</library:libraries>\n')
_LIBRARY = (_XML_HEAD.format(kind="library:library", dtd="library.dtd")
            + '<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" '
            'library:readonly="false" library:passwordprotected="false">{elements}</library:library>\n')
# A profile whose setup counts as completed: otherwise LibreOffice's first start
# copies its presets over the profile, replacing our Standard library with an empty one.
_REGISTRY = """\
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" oor:op="fuse">\
<value>true</value></prop></item>
</oor:items>
"""


def basic_profil(profil: Path, modul: str, kode: str) -> str:
    """Write a fresh LibreOffice user profile whose Standard library holds one Basic module, ``modul``, with
    ``kode`` (run it as ``macro:///Standard.<modul>.<Sub>``); return the profile's URL for
    ``-env:UserInstallation``."""
    basic = profil / "user" / "basic"
    std = basic / "Standard"
    std.mkdir(parents=True)
    (profil / "user" / "registrymodifications.xcu").write_text(_REGISTRY, encoding="utf-8")
    (basic / "script.xlc").write_text(_LIBRARIES, encoding="utf-8")
    (basic / "dialog.xlc").write_text(_LIBRARIES, encoding="utf-8")
    (std / "dialog.xlb").write_text(_LIBRARY.format(elements=""), encoding="utf-8")
    (std / "script.xlb").write_text(
        _LIBRARY.format(elements=f'\n <library:element library:name="{modul}"/>\n'), encoding="utf-8")
    (std / f"{modul}.xba").write_text(
        _XML_HEAD.format(kind="script:module", dtd="module.dtd")
        + f'<script:module xmlns:script="http://openoffice.org/2000/script" script:name="{modul}" '
        f'script:language="StarBasic">{escape(kode)}</script:module>\n',
        encoding="utf-8")
    return profil.as_uri()
