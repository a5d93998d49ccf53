"""Skip unchanged outputs: a content hash of the inputs, the template and the tool decides.

After a batch, ``OUT/.uddprog-render.json`` records for every programme that rendered: the SHA-256 of
its YAML, the målbeskrivelse file it resolved to (path and hash), its national template (a hash of the
template's folder and the shared layouts), a fingerprint of uddprog itself (version and the hash of its
source), the formats, and each output file with its size. The next `uddprog render` into the same folder
renders a programme again only when one of those changed or an output is missing or has another size.

A programme that was skipped for validation errors is never recorded, so it is checked again every time.
Date-dependent checks only ever give warnings, which do not stop rendering, so ``--dato`` is not part of
the hash. When målbeskrivelse files are added or removed, each recorded reference is resolved again, so a
programme that would now resolve to another file renders again.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

MANIFEST = ".uddprog-render.json"
_FORMAT = 1


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_VÆRKTØJ: str | None = None


def værktøj() -> str:
    """uddprog's version and a hash of its source: a development checkout changes without a new version."""
    global _VÆRKTØJ
    if _VÆRKTØJ is None:
        from .. import __version__

        pakke = Path(__file__).resolve().parent.parent
        h = hashlib.sha256(__version__.encode())
        for fil in sorted(pakke.rglob("*.py")):
            h.update(str(fil.relative_to(pakke)).encode() + b"\0" + fil.read_bytes())
        _VÆRKTØJ = h.hexdigest()
    return _VÆRKTØJ


def _nøgle(fil: Path | str) -> str:
    return os.path.abspath(fil)  # no symlink resolution: one syscall-free string per file


class Byggecache:
    """The manifest of one output folder for one repository (``rod``)."""

    def __init__(self, out: Path, rod: Path, formater: tuple[str, ...]) -> None:
        from ..catalog import Katalog

        self.out = Path(out)
        self.rod = Path(rod)
        self.formater = tuple(sorted(formater))
        self._lag = Katalog(self.rod)  # only its layers and file look-ups; nothing is loaded
        self._filhash: dict[str, str] = {}
        self._skabelonhash: dict[str, str] = {}
        self._mbliste: list[str] | None = None
        self._katalog = None
        self.poster: dict[str, dict[str, Any]] = {}
        self.mbliste_før: list[str] | None = None
        try:
            data = json.loads((self.out / MANIFEST).read_text(encoding="utf-8"))
            if data.get("format") == _FORMAT and data.get("værktøj") == værktøj():
                self.poster = data.get("programmer", {})
                self.mbliste_før = data.get("målbeskrivelser")
        except (OSError, ValueError, AttributeError):
            pass  # no manifest or an unreadable one: everything renders

    # --- hashes, each computed at most once per run -------------------------------------------

    def filhash(self, fil: Path | str) -> str | None:
        nøgle = _nøgle(fil)
        if nøgle not in self._filhash:
            try:
                with open(nøgle, "rb") as f:
                    self._filhash[nøgle] = _sha(f.read())
            except OSError:
                self._filhash[nøgle] = ""
        return self._filhash[nøgle] or None

    def skabelonhash(self, skabelon_id: str) -> str:
        if skabelon_id not in self._skabelonhash:
            # The files in force, whichever layer each comes from: a region adding its own program.docx
            # (or removing it again) changes the hash.
            h = hashlib.sha256()
            for fil in self._lag.skabelonfiler(skabelon_id) if skabelon_id else []:
                h.update(os.path.abspath(fil).encode("utf-8", "surrogateescape") + b"\0" + fil.read_bytes() + b"\0")
            self._skabelonhash[skabelon_id] = h.hexdigest()
        return self._skabelonhash[skabelon_id]

    def mbliste(self) -> list[str]:
        if self._mbliste is None:
            from ..catalog import yaml_filer

            from ..catalog import MB_MAPPE

            self._mbliste = [_nøgle(p) for lag in self._lag.lag if (lag / MB_MAPPE).is_dir()
                             for p in yaml_filer(lag / MB_MAPPE)]
        return self._mbliste

    def _løst(self, ref: list[str]) -> str | None:
        """Which målbeskrivelse file a recorded reference resolves to now (only when files came or went)."""
        if self._katalog is None:
            from ..catalog import Katalog
            from ..models import MaalbeskrivelseReference

            self._katalog = (Katalog(self.rod), MaalbeskrivelseReference)
        katalog, Ref = self._katalog
        try:
            dok = katalog.målbeskrivelse(Ref(speciale=ref[0], fase=ref[1], version=ref[2]))
        except ValueError:
            return None
        return _nøgle(dok.fil) if dok else None

    # --- the decision ---------------------------------------------------------------------------

    def uændret(self, fil: Path) -> dict[str, Any] | None:
        """The recorded entry when ``fil`` need not be rendered again, else None."""
        post = self.poster.get(_nøgle(fil))
        if not post or tuple(post.get("formater", ())) != self.formater:
            return None
        if post.get("kilde") != self.filhash(fil):
            return None
        mb_fil, mb_hash = post.get("mb", (None, None))
        if mb_fil is None or self.filhash(mb_fil) != mb_hash:
            return None
        if post.get("skabelon_hash") != self.skabelonhash(post.get("skabelon", "")):
            return None
        if self.mbliste_før != self.mbliste() and self._løst(post.get("ref", [])) != mb_fil:
            return None
        for navn, størrelse in post.get("filer", {}).items():
            if navn.startswith("..") or os.path.isabs(navn):
                return None
            try:
                if os.stat(os.path.join(self.out, navn)).st_size != størrelse:
                    return None
            except OSError:
                return None
        return post

    def husk(self, fil: Path, mb_fil: Path, ref: tuple[str, str, str], skabelon_id: str, navn: str,
             filer: list[Path]) -> None:
        """Record a programme that rendered completely."""
        ud = {}
        for f in filer:
            try:
                ud[os.path.relpath(_nøgle(f), _nøgle(self.out))] = Path(f).stat().st_size
            except (OSError, ValueError):
                return  # an output outside the folder or already gone: do not trust it next time
        self.poster[_nøgle(fil)] = {
            "kilde": self.filhash(fil), "mb": [_nøgle(mb_fil), self.filhash(mb_fil)], "ref": list(ref),
            "skabelon": skabelon_id, "skabelon_hash": self.skabelonhash(skabelon_id), "navn": navn,
            "formater": list(self.formater), "filer": ud,
        }

    def glem(self, fil: Path) -> None:
        self.poster.pop(_nøgle(fil), None)

    def gem(self) -> None:
        """Write the manifest atomically (a crash leaves the previous one or none)."""
        if not self.out.is_dir():
            return
        data = {"format": _FORMAT, "værktøj": værktøj(), "målbeskrivelser": self.mbliste(),
                "programmer": self.poster}
        sti = self.out / MANIFEST
        tmp = sti.with_name(f"{sti.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, sti)
