"""The output folder's manifest: what uddprog wrote there, for whom, and whether it is still current.

``OUT/.uddprog-render.json`` is the one record of an output folder (:class:`Udmappe`). Its entries are
grouped by the kind of output (``art``: ``render`` for `uddprog render`, ``site`` for `uddprog site`), so
two commands can write into one folder without either one treating the other's files as its own. Within
a kind every entry is keyed by its owner (the source file as a path relative to the folder, see
:func:`ejer`, so the folder can move with its repository; or a name such as the site's ``sider``) and lists the files uddprog wrote for it, each with its size and relative to the
folder. Two uses build on it:

- **Skipping unchanged outputs** (``batch.cache.Byggecache``, used by `uddprog render` and by the site for its
  rendered programmes). An entry also records its whole key, never shared with other entries: the
  SHA-256 of the programme's YAML (its inline ignores too), the målbeskrivelse file it resolved to (path
  and hash), its national template (a hash of the files in force: its folder and the shared layouts),
  the repository's config, a fingerprint of uddprog itself (version, the hash of its source, the
  versions of its libraries) and the formats; then the warnings validation gave, on which date, the
  dates where a date-dependent check or an ignore changes its answer, a fingerprint of every version of
  its målbeskrivelse, and one of all målbeskrivelse files. A programme renders again only when one of
  the first group changed or an output is missing or has another size; when only the second group
  says so (a new ``--dato`` past a boundary, a new or edited version), it is validated again, not
  rendered, and one that now has errors is not rendered and loses its outputs.
- **Removing stale outputs**: at the end of a run every file an owner of this run no longer renders to
  (a renamed forløb, a dropped format, a programme that now has errors) and every file of an owner of
  this kind whose source is gone is deleted, but only a file the manifest lists with the size uddprog
  wrote and that no entry of any kind still lists: a file uddprog did not write, one changed since, or
  one another command wrote is never touched. A programme that failed only because its output could not
  be written keeps its previous files.

Concurrent runs into one folder merge their entries: the manifest is re-read, merged and written while
the folder itself is locked (``flock`` on the folder, so no lock file is ever left behind). A run that
changes nothing leaves the file as it was. Manifests of earlier versions (formats 1 and 2, one list of
render entries) are read as the ``render`` kind; their owners were absolute paths, which are still understood
(and replaced by relative ones as their programmes are recorded again).
"""

from __future__ import annotations

import json
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from .skriv import write_atomic

MANIFEST = ".uddprog-render.json"
_FORMAT = 3


def ejer(kilde: Path | str, out: Path | str) -> str:
    """The key of a source file's entry in the manifest of ``out``: its path relative to that folder, with
    ``/`` (``../examples/nord/x.yaml``), so a build folder inside the repository moves with it; absolute
    only when no relative path exists (another drive)."""
    absolut = os.path.abspath(kilde)
    try:
        return Path(os.path.relpath(absolut, os.path.abspath(out))).as_posix()
    except ValueError:
        return absolut


def kildesti(nøgle: str, out: Path | str) -> str | None:
    """The source file an owner key names (relative keys from :func:`ejer`, absolute ones from older
    manifests), or None for an owner that is a name (the site's ``sider``)."""
    if os.path.isabs(nøgle):
        return nøgle
    if nøgle.endswith((".yaml", ".yml")):
        return os.path.normpath(os.path.join(os.path.abspath(out), nøgle))
    return None


class Udmappe:
    """One output folder and its manifest: which files uddprog wrote there, for which owner, by which kind
    of output (``art``).

    Commands that write generated files (render, a site) share it: read the entries of their kind, record
    what they wrote with :meth:`opdatér` (merged under the folder's lock with whatever a concurrent run
    wrote), and stale files are removed there and reported.
    """

    def __init__(self, out: Path, art: str = "render") -> None:
        self.out = Path(out)
        self.art = art  # "render", "site"; kinds this version does not know are kept as they are
        self.data, self._rå = self._læs()

    @property
    def poster(self) -> dict[str, dict[str, Any]]:
        """The entries of this kind: owner → {"filer": {name: size}, …}."""
        return self.data["arter"][self.art]["poster"]

    @property
    def ekstra(self) -> dict[str, Any]:
        """What this kind keeps besides its entries (nothing in this version; kept as a manifest has it)."""
        return {k: v for k, v in self.data["arter"][self.art].items() if k != "poster"}

    def findes(self) -> bool:
        """Whether the folder has a manifest (readable or not)."""
        return (self.out / MANIFEST).is_file()

    def alle_filer(self) -> set[str]:
        """Every file any entry of any kind lists."""
        return {n for a in self.data["arter"].values() for post in a["poster"].values() for n in post.get("filer", {})}

    def _læs(self) -> tuple[dict[str, Any], bytes | None]:
        rå = None
        try:
            rå = (self.out / MANIFEST).read_bytes()
            data = json.loads(rå)
            if isinstance(data, dict) and data.get("format") == _FORMAT and isinstance(data.get("arter"), dict):
                arter = {a: v for a, v in data["arter"].items()
                         if isinstance(v, dict) and isinstance(v.get("poster"), dict)}
            elif isinstance(data, dict) and data.get("format") in (1, 2) and isinstance(data.get("programmer"), dict):
                # Before kinds: every entry was render's. Format 1 had one tool fingerprint for all: keep
                # the files, not the cache.
                poster = data["programmer"] if data["format"] == 2 else {
                    k: {"filer": v.get("filer", {})} for k, v in data["programmer"].items() if isinstance(v, dict)}
                arter = {"render": {"poster": poster}}
            else:
                arter = {}
        except (OSError, ValueError, AttributeError):
            arter = {}  # no manifest or an unreadable one: nothing is known, everything renders
        arter.setdefault(self.art, {"poster": {}})
        for a in arter.values():
            a["poster"] = {k: v for k, v in a["poster"].items()
                           if isinstance(v, dict) and isinstance(v.get("filer", {}), dict)}
        return {"format": _FORMAT, "arter": arter}, rå

    @contextmanager
    def lås(self) -> Iterator[None]:
        """Exclusive lock on the folder itself (Linux and macOS); a no-op where flock is missing."""
        try:
            import fcntl
        except ImportError:  # Windows: no merge protection, each run still writes a whole manifest
            yield
            return
        fd = os.open(self.out, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock

    def _egen(self, navn: str) -> Path | None:
        """A recorded name as a path inside the folder, or None when it points elsewhere."""
        norm = os.path.normpath(navn) if navn else ""
        if not norm or os.path.isabs(norm) or norm == MANIFEST or norm.split(os.sep)[0] == "..":
            return None
        return self.out / norm

    def opdatér(self, ændringer: dict[str, dict[str, Any] | None], ekstra: dict[str, Any] | None = None,
                 tidligere: dict[str, int] | None = None) -> list[Path]:
        """Merge ``ændringer`` (owner → new entry of this kind, or None to forget it) into the manifest on
        disk, remove what became stale and write the manifest; returns the removed files.

        Stale: a file recorded for an owner in ``ændringer`` that its new entry does not list, every file of
        an owner of this kind whose source file no longer exists, and every file of ``tidligere`` (name →
        size: files an older record says uddprog wrote, such as the list of an earlier version) that no
        entry lists now. A file still listed by any remaining entry of any kind is kept, and so is one whose
        size is not the recorded one (someone else's file now). Entries of other kinds are never changed.
        ``ekstra`` is merged into what the kind keeps besides its entries; a key with None is removed.
        """

        if not self.out.is_dir():
            return []
        with self.lås():
            data, rå = self._læs()
            egne = data["arter"][self.art]
            poster = egne["poster"]
            kandidater: dict[str, int] = dict(tidligere or {})
            for nøgle, post in ændringer.items():
                gammel = poster.get(nøgle)
                if gammel:
                    nye = set(post.get("filer", {})) if post else set()
                    kandidater.update({n: s for n, s in gammel.get("filer", {}).items() if n not in nye})
                if post is None:
                    poster.pop(nøgle, None)
                else:
                    poster[nøgle] = post
            for nøgle in [e for e in poster if (k := kildesti(e, self.out)) is not None and not os.path.exists(k)]:
                kandidater.update(poster.pop(nøgle).get("filer", {}))  # the programme file is gone
            brugt = {n for a in data["arter"].values() for post in a["poster"].values() for n in post.get("filer", {})}
            fjernet: list[Path] = []
            for navn, størrelse in sorted(kandidater.items()):
                sti = self._egen(navn)
                if navn in brugt or sti is None:
                    continue
                try:
                    if not sti.is_file() or sti.is_symlink() or sti.stat().st_size != størrelse:
                        continue
                    sti.unlink()
                except OSError:
                    continue
                fjernet.append(sti)
                self._ryd_tomme_mapper(sti.parent)
            for nøgle, værdi in (ekstra or {}).items():  # None: no longer kept
                if værdi is None:
                    egne.pop(nøgle, None)
                else:
                    egne[nøgle] = værdi
            # Sorted keys: the same entries give the same bytes, whatever order runs merged them in.
            ny = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
            if ny != rå:
                write_atomic(self.out / MANIFEST, ny)
            self.data, self._rå = data, ny
        return fjernet

    def _ryd_tomme_mapper(self, mappe: Path) -> None:
        rod = self.out.resolve()
        while mappe.resolve() != rod and rod in mappe.resolve().parents:
            try:
                mappe.rmdir()  # only when empty
            except OSError:
                return
            mappe = mappe.parent


