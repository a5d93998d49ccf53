"""Fingerprints: what an output or a finding was made from, as hashes that change exactly when it does.

The render cache keys each programme's outputs on them (``batch.cache``), and the validation cache its
findings (``checks.cache``): the file's bytes, its målbeskrivelse with every version of it, its template,
the config, the date boundaries, uddprog itself and its libraries. :class:`Kildenøgle` is that key, the one
definition whoever asks.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import Any

from . import __version__
from .rod import MB_MAPPE, SKABELON_MAPPE, yaml_filer


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
        data = læs_bytes(nøgle)
        memo[nøgle] = sha(data) if data is not None else ""
    return memo[nøgle] or None


#: Larger files are not hashed (no document of uddprog comes near; the loader refuses YAML over 5 MB).
MAKS_HASH = 64 * 1024 * 1024


def læs_bytes(fil: Path | str) -> bytes | None:
    """A regular file's bytes, or None: never blocks on a named pipe or reads a device (opened without
    waiting, then checked), never reads more than :data:`MAKS_HASH`."""
    try:
        fd = os.open(fil, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAKS_HASH:
            return None
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read()
    except OSError:
        return None
    finally:
        os.close(fd)


class Kildenøgle:
    """The one per-file key every cache of uddprog uses: what a programme's findings (and documents) are made of.

    ``katalog`` is the repository's :class:`~uddprog.catalog.Katalog` (its layers and file look-ups;
    målbeskrivelser are loaded only when a reference must be resolved again). ``konfigfil`` is the config
    whose severities and ignores were applied to what is cached (the render cache caches findings after
    them), or None when the cache holds findings before the config (validate applies it afterwards).
    ``memo`` is a dict a caller keeps between runs for what does not depend on the programmes (see
    ``batch.cache.Byggecache``).

    A programme's key (:meth:`programnøgle`) is: the SHA-256 of its YAML (its inline ignores too), the
    målbeskrivelse file its reference resolved to (path and hash), its national template (a hash of the files
    in force), the config, uddprog itself with its libraries (:func:`værktøj`) and a fingerprint of every
    målbeskrivelse file of every layer (:meth:`mbtilstand`). Its findings besides depend on the date (the
    dates where a date-dependent check or an expiring ignore changes its answer are recorded with them) and
    on every version of its målbeskrivelse (:meth:`versionsnøgle`). Any other file's findings depend on its
    bytes and the whole catalogue (:meth:`katalogtilstand`).
    """

    def __init__(self, katalog, konfigfil: Path | None = None, memo: dict | None = None) -> None:
        self.katalog = katalog
        self.konfigfil = konfigfil
        self._filhash: dict[str, str] = {}
        self._memo = memo if memo is not None else {}
        self._skabelonhash: dict[str, str] = self._memo.setdefault("skabelonhash", {})
        self._versioner: dict[tuple[str, str], str] = self._memo.setdefault("versioner", {})

    # --- hashes, each computed at most once per run -------------------------------------------

    def filhash(self, fil: Path | str) -> str | None:
        return filhash(fil, self._filhash)

    def husk_hash(self, fil: Path | str, data: bytes | None) -> None:
        """Record the hash of ``fil`` from bytes the caller read itself (``læs_bytes``: None, unreadable)."""
        self._filhash[sti_nøgle(fil)] = sha(data) if data is not None else ""

    def konfighash(self) -> str | None:
        """A hash of the config in force: its place (its ignores' paths are relative to it) and content."""
        if not hasattr(self, "_konfighash"):
            fil = self.konfigfil
            self._konfighash = sha(f"{sti_nøgle(fil)}\0{self.filhash(fil)}".encode("utf-8", "surrogateescape")) \
                if fil else None
        return self._konfighash

    def skabelonhash(self, skabelon_id: str) -> str:
        if skabelon_id not in self._skabelonhash:
            # The files in force, whichever layer each comes from: a region adding its own program.docx
            # (or removing it again) changes the hash.
            h = hashlib.sha256()
            for fil in self.katalog.skabelonfiler(skabelon_id) if skabelon_id else []:
                h.update(os.path.abspath(fil).encode("utf-8", "surrogateescape") + b"\0" + fil.read_bytes() + b"\0")
            self._skabelonhash[skabelon_id] = h.hexdigest()
        return self._skabelonhash[skabelon_id]

    def mbtilstand(self) -> str:
        """A fingerprint of every målbeskrivelse file of every layer, path and content."""
        if "mbtilstand" not in self._memo:
            self._memo["mbtilstand"] = self._tilstand(MB_MAPPE, yaml_filer)
        return self._memo["mbtilstand"]

    def katalogtilstand(self) -> str:
        """A fingerprint of every målbeskrivelse and template file of every layer: while it is the same, the
        catalogue is the same (its documents, its load errors, its versions)."""
        if "katalogtilstand" not in self._memo:
            self._memo["katalogtilstand"] = sha(f"{self.mbtilstand()}\0{self._tilstand(SKABELON_MAPPE, _alle_filer)}".encode())
        return self._memo["katalogtilstand"]

    def _tilstand(self, under: Path | str, filer) -> str:
        h = hashlib.sha256()
        for lag in self.katalog.lag:
            mappe = Path(lag) / under
            for fil in filer(mappe) if mappe.is_dir() else ():
                h.update(sti_nøgle(fil).encode("utf-8", "surrogateescape") + b"\0"
                         + (self.filhash(fil) or "").encode() + b"\0")
        return h.hexdigest()

    def versionsnøgle(self, speciale: str, fase: str) -> str:
        """:func:`versionsnøgle` of one specialty and phase, from the catalogue now."""
        nøgle = (speciale.casefold(), str(fase))
        if nøgle not in self._versioner:
            self._versioner[nøgle] = versionsnøgle(self.katalog, speciale, str(fase), self.filhash)
        return self._versioner[nøgle]

    def løst(self, ref: list[str]) -> str | None:
        """Which målbeskrivelse file a recorded reference resolves to now (only when files changed)."""
        from .models import MaalbeskrivelseReference  # lazy: pydantic only when a reference is resolved

        try:
            dok = self.katalog.målbeskrivelse(MaalbeskrivelseReference(speciale=ref[0], fase=ref[1], version=ref[2]))
        except (ValueError, IndexError, TypeError):
            return None
        return sti_nøgle(dok.fil) if dok else None

    # --- the key and the decisions ----------------------------------------------------------------

    def programnøgle(self, fil: Path, mb_fil: Path, ref: tuple[str, str, str], skabelon_id: str,
                     dele: tuple[Path, ...] = ()) -> dict[str, Any]:
        """What a programme's findings and documents are made of (recorded with them); ``dele`` are the shared
        parts (programdele) it includes."""
        return {"kilde": self.filhash(fil), "mb": [sti_nøgle(mb_fil), self.filhash(mb_fil)], "ref": list(ref),
                "skabelon": skabelon_id, "skabelon_hash": self.skabelonhash(skabelon_id), "værktøj": værktøj(),
                "konfig": self.konfighash(), "mbtilstand": self.mbtilstand(),
                "dele": [[sti_nøgle(d), self.filhash(d)] for d in dele]}

    def filnøgle(self, fil: Path) -> dict[str, Any]:
        """The key of any other file's findings (a målbeskrivelse, a template, a programme that does not
        load or whose references do not resolve): its bytes and the whole catalogue."""
        return {"kilde": self.filhash(fil), "værktøj": værktøj(), "konfig": self.konfighash(),
                "katalog": self.katalogtilstand()}

    def kilder_uændrede(self, fil: Path, post: dict[str, Any]) -> bool:
        """Whether what a recorded entry was made from (its key) is unchanged: the file, the config, the tool,
        and for a programme its målbeskrivelse file, its template, its shared parts and what its reference
        resolves to."""
        if post.get("kilde") != self.filhash(fil) or post.get("værktøj") != værktøj() \
                or post.get("konfig") != self.konfighash():
            return False
        if "katalog" in post:
            return post["katalog"] == self.katalogtilstand()
        mb_fil, mb_hash = post.get("mb", (None, None))
        if mb_fil is None or self.filhash(mb_fil) != mb_hash:
            return False
        if post.get("skabelon_hash") != self.skabelonhash(post.get("skabelon", "")):
            return False
        if any(self.filhash(f) != h for f, h in post.get("dele", ())):
            return False  # a shared part it includes changed: its text is the programme's
        # When other målbeskrivelse files changed, another file may now answer the reference (a region's own
        # copy hides the shipped one).
        return post.get("mbtilstand") == self.mbtilstand() or self.løst(post.get("ref", [])) == mb_fil

    def fund_gælder(self, post: dict[str, Any], dato: str) -> bool:
        """Whether an entry with unchanged sources (:meth:`kilder_uændrede`) has findings that hold on ``dato``.

        ``dato`` must lie on the same side as the date they were computed on of every date where a
        date-dependent check or an ignore changes its answer (ISO dates compare as text), and for a programme
        every version of its målbeskrivelse must be the same files with the same content (a new one brings
        P021). The caller records ``mbtilstand`` anew when this holds while it changed (:meth:`ny_mbtilstand`)."""
        før = post.get("dato")
        if før is None:
            return False
        if not all((g < før) == (g < dato) for g in post.get("datogrænser", ())):
            return False
        if "katalog" in post or post.get("mbtilstand") == self.mbtilstand():
            return True
        ref = post.get("ref") or []
        return bool(post.get("versioner")) and len(ref) >= 2 and post["versioner"] == self.versionsnøgle(ref[0], ref[1])

    def ny_mbtilstand(self, post: dict[str, Any]) -> bool:
        """Whether an entry whose findings hold was recorded with other målbeskrivelse files (record it anew,
        so the next run need not look)."""
        return "katalog" not in post and post.get("mbtilstand") != self.mbtilstand()


def _alle_filer(mappe: Path) -> list[Path]:
    """Every file below ``mappe`` in a stable order; hidden files and folders are skipped."""
    ud: list[Path] = []
    for sti, mapper, filer in os.walk(mappe):
        mapper[:] = sorted(m for m in mapper if not m.startswith("."))
        ud.extend(Path(sti) / f for f in sorted(filer) if not f.startswith("."))
    return ud
