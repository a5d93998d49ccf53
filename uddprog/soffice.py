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
