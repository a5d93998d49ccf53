"""Fingerprints: what an output or a finding was made from, as hashes that change exactly when it does.

The render cache keys each programme's outputs on them (``batch.cache``), and the validation cache its
findings: the file's bytes, every version of its målbeskrivelse, uddprog itself and its libraries. One key,
whoever asks.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from . import __version__


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_VÆRKTØJ: str | None = None

#: The distributions validation and the documents come from: a new version of one may change a document
#: (Jinja, docxtpl, markdown-it) or a finding (pydantic, PyYAML), so each is part of the tool's fingerprint.
BIBLIOTEKER = ("pydantic", "PyYAML", "markdown-it-py", "Jinja2", "docxtpl", "python-docx", "lxml")


def _version(navn: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(navn)
    except PackageNotFoundError:
        return ""


def værktøj() -> str:
    """uddprog's version, a hash of its source (a development checkout changes without a new version) and
    the versions of the libraries in :data:`BIBLIOTEKER`."""
    global _VÆRKTØJ
    if _VÆRKTØJ is None:
        pakke = Path(__file__).resolve().parent
        h = hashlib.sha256(__version__.encode())
        for navn in BIBLIOTEKER:
            h.update(f"{navn}=={_version(navn)}\0".encode())
        for fil in sorted(pakke.rglob("*.py")):
            h.update(str(fil.relative_to(pakke)).encode() + b"\0" + fil.read_bytes())
        _VÆRKTØJ = h.hexdigest()
    return _VÆRKTØJ


def versionsnøgle(katalog, speciale: str, fase: str, filhash) -> str:
    """A fingerprint of every version of one specialty's målbeskrivelse for one phase in ``katalog``: which
    files they are (in order) and their content (``filhash``: path → SHA-256). A programme's P021, P022 and
    P049 depend on them, its document only on its own version."""
    h = hashlib.sha256()
    for d in katalog.versioner(speciale, fase):
        h.update(sti_nøgle(d.fil).encode("utf-8", "surrogateescape") + b"\0" + (filhash(d.fil) or "").encode() + b"\0")
    return h.hexdigest()


def sti_nøgle(fil: Path | str) -> str:
    return os.path.abspath(fil)  # no symlink resolution: one syscall-free string per file


def filhash(fil: Path | str, memo: dict[str, str]) -> str | None:
    """The SHA-256 of a file's content, read at most once per ``memo``; None when it cannot be read."""
    nøgle = sti_nøgle(fil)
    if nøgle not in memo:
        try:
            with open(nøgle, "rb") as f:
                memo[nøgle] = sha(f.read())
        except OSError:
            memo[nøgle] = ""
    return memo[nøgle] or None


