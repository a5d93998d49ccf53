"""Shared helpers for the hostile-input tests: tree hashes, real-client skips, the CLI in a sandbox."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import kør_proces

PROJEKT = Path(__file__).resolve().parents[2]
HUKOMMELSE = 2 * 1024**3  # address-space limit for a CLI run (bytes)


def træhash(rod: Path) -> str:
    """Names, kinds, modes and contents of everything below ``rod`` (links are not followed)."""
    h = hashlib.sha256()
    for mappe, undermapper, filer in sorted(os.walk(rod)):
        undermapper.sort()
        for navn in sorted(filer + undermapper):
            sti = Path(mappe) / navn
            st = sti.lstat()
            h.update(f"{sti.relative_to(rod)}\0{st.st_mode}\0".encode())
            if sti.is_symlink():
                h.update(os.readlink(sti).encode())
            elif sti.is_file():
                h.update(sti.read_bytes())
    return h.hexdigest()


def kræv_klient(navn: str) -> str:
    """The path of a real client (chromium, soffice); skip without it locally, fail in CI."""
    sti = shutil.which(navn)
    if sti is None:
        if os.environ.get("CI"):
            pytest.fail(f"{navn} mangler, men CI er sat: real-client-testen må ikke springes over")
        pytest.skip(f"{navn} er ikke installeret")
    return sti


def uddprog(*args: str, cwd: Path, timeout: float = 60, bruger: int | None = None) -> subprocess.CompletedProcess:
    """`python -m uddprog ARGS` with bounded memory and time; ``bruger`` runs it as another uid (root only)."""
    return kør_proces(*args, cwd=cwd, env={"NO_COLOR": "1"}, timeout=timeout, hukommelse=HUKOMMELSE, bruger=bruger)
