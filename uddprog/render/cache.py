"""The output folder's manifest: what uddprog wrote there, for whom, and whether it is still current.

``OUT/.uddprog-render.json`` is the one record of an output folder (:class:`Udmappe`). Its entries are
grouped by the kind of output (``art``: ``render`` for `uddprog render`, ``site`` for `uddprog site`), so
two commands can write into one folder without either one treating the other's files as its own. Within
a kind every entry is keyed by its owner (the source file, an absolute path, or a name such as the
site's ``sider``) and lists the files uddprog wrote for it, each with its size and relative to the
folder. Two uses build on it:

- **Skipping unchanged outputs** (:class:`Byggecache`, used by `uddprog render` and by the site for its
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
render entries) are read as the ``render`` kind.
"""

from __future__ import annotations

import hashlib
import json
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

MANIFEST = ".uddprog-render.json"
_FORMAT = 3


def _sha(data: bytes) -> str:
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
        from .. import __version__

        pakke = Path(__file__).resolve().parent.parent
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
        h.update(_nøgle(d.fil).encode("utf-8", "surrogateescape") + b"\0" + (filhash(d.fil) or "").encode() + b"\0")
    return h.hexdigest()


def _nøgle(fil: Path | str) -> str:
    return os.path.abspath(fil)  # no symlink resolution: one syscall-free string per file


def filhash(fil: Path | str, memo: dict[str, str]) -> str | None:
    """The SHA-256 of a file's content, read at most once per ``memo``; None when it cannot be read."""
    nøgle = _nøgle(fil)
    if nøgle not in memo:
        try:
            with open(nøgle, "rb") as f:
                memo[nøgle] = _sha(f.read())
        except OSError:
            memo[nøgle] = ""
    return memo[nøgle] or None


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
        from ..skriv import write_atomic

        if not self.out.is_dir():
            return []
        with self.lås():
            data, rå = self._læs()
            egne = data["arter"][self.art]
            poster = egne["poster"]
            kandidater: dict[str, int] = dict(tidligere or {})
            for ejer, post in ændringer.items():
                gammel = poster.get(ejer)
                if gammel:
                    nye = set(post.get("filer", {})) if post else set()
                    kandidater.update({n: s for n, s in gammel.get("filer", {}).items() if n not in nye})
                if post is None:
                    poster.pop(ejer, None)
                else:
                    poster[ejer] = post
            for ejer in [e for e in poster if os.path.isabs(e) and not os.path.exists(e)]:
                kandidater.update(poster.pop(ejer).get("filer", {}))  # the programme file is gone
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


class Byggecache:
    """The render cache of one output folder for one repository (``rod``), on top of its :class:`Udmappe`.

    ``udmappe`` is the manifest to record in: by default the ``render`` kind of ``out`` itself; the site
    passes its own (kind ``site``, rooted at the site's folder, which holds ``out`` as its ``filer/``).
    Recorded names are relative to the manifest's folder. ``memo`` is a dict a caller keeps between runs
    for what does not depend on the programmes (the målbeskrivelse files, the templates' hashes); it must
    start empty again when a målbeskrivelse or template file may have changed (the site's ``serve`` knows).

    Every entry carries its whole key, so rendering other programmes into the folder never makes it look
    current. What the documents are made from decides whether a programme renders again (:meth:`uændret`):
    its YAML, the målbeskrivelse file its reference resolves to, its national template's files, the
    repository's config (it decides what is an error), uddprog itself with its libraries, and the formats.
    What its findings depend on besides decides whether its recorded findings still hold or it is validated
    again (:meth:`advarsler_gælder`): every version of its målbeskrivelse (P021, P022, P049) and the dates
    where a date-dependent check or an ignore of the config changes its answer. The entry also records the
    state of all målbeskrivelse files at the time (:meth:`mbtilstand`): while that is the same, nothing a
    målbeskrivelse decides can have changed, and only when it is not are references resolved and versions
    compared again, through the catalogue.
    """

    def __init__(self, out: Path, rod: Path, formater: tuple[str, ...], udmappe: Udmappe | None = None,
                 memo: dict | None = None, konfigfil: Path | None = None) -> None:
        from ..catalog import Katalog

        self.out = Path(out)
        self.rod = Path(rod)
        self.konfigfil = konfigfil  # --config; else the repository's own
        self.formater = tuple(sorted(formater))
        self._lag = Katalog(self.rod)  # its layers and file look-ups; målbeskrivelser only loaded when needed
        self._filhash: dict[str, str] = {}
        self._memo = memo if memo is not None else {}
        self._skabelonhash: dict[str, str] = self._memo.setdefault("skabelonhash", {})
        self._versioner: dict[tuple[str, str], str] = self._memo.setdefault("versioner", {})
        self.udmappe = udmappe if udmappe is not None else Udmappe(self.out)
        self.poster = self.udmappe.poster
        self._ændringer: dict[str, dict[str, Any] | None] = {}
        self.fjernet: list[Path] = []

    # --- hashes, each computed at most once per run -------------------------------------------

    def filhash(self, fil: Path | str) -> str | None:
        return filhash(fil, self._filhash)

    def konfighash(self) -> str | None:
        """A hash of the config in force (``konfigfil``, else the repository's uddprog.toml): its place (its
        ignores' paths are relative to it) and content; None without one."""
        if not hasattr(self, "_konfighash"):
            from ..config import find_konfigfil

            fil = self.konfigfil or find_konfigfil(self.rod)
            self._konfighash = _sha(f"{_nøgle(fil)}\0{self.filhash(fil)}".encode("utf-8", "surrogateescape")) \
                if fil else None
        return self._konfighash

    def skabelonhash(self, skabelon_id: str) -> str:
        if skabelon_id not in self._skabelonhash:
            # The files in force, whichever layer each comes from: a region adding its own program.docx
            # (or removing it again) changes the hash.
            h = hashlib.sha256()
            for fil in self._lag.skabelonfiler(skabelon_id) if skabelon_id else []:
                h.update(os.path.abspath(fil).encode("utf-8", "surrogateescape") + b"\0" + fil.read_bytes() + b"\0")
            self._skabelonhash[skabelon_id] = h.hexdigest()
        return self._skabelonhash[skabelon_id]

    def mbtilstand(self) -> str:
        """A fingerprint of every målbeskrivelse file of every layer, path and content."""
        if "mbtilstand" not in self._memo:
            from ..rod import MB_MAPPE, yaml_filer

            h = hashlib.sha256()
            for lag in self._lag.lag:
                for fil in yaml_filer(lag / MB_MAPPE) if (lag / MB_MAPPE).is_dir() else ():
                    h.update(_nøgle(fil).encode("utf-8", "surrogateescape") + b"\0"
                             + (self.filhash(fil) or "").encode() + b"\0")
            self._memo["mbtilstand"] = h.hexdigest()
        return self._memo["mbtilstand"]

    def versionsnøgle(self, ref: list[str]) -> str:
        """:func:`versionsnøgle` of a recorded reference's specialty and phase, from the catalogue now."""
        nøgle = (ref[0].casefold(), ref[1])
        if nøgle not in self._versioner:
            self._versioner[nøgle] = versionsnøgle(self._lag, ref[0], ref[1], self.filhash)
        return self._versioner[nøgle]

    def _løst(self, ref: list[str]) -> str | None:
        """Which målbeskrivelse file a recorded reference resolves to now (only when files changed)."""
        from ..models import MaalbeskrivelseReference

        try:
            dok = self._lag.målbeskrivelse(MaalbeskrivelseReference(speciale=ref[0], fase=ref[1], version=ref[2]))
        except (ValueError, IndexError, TypeError):
            return None
        return _nøgle(dok.fil) if dok else None

    # --- the decision ---------------------------------------------------------------------------

    def uændret(self, fil: Path) -> dict[str, Any] | None:
        """The recorded entry when ``fil`` need not be rendered again, else None."""
        post = self.poster.get(_nøgle(fil))
        if not post or not post.get("komplet") or post.get("værktøj") != værktøj() \
                or tuple(post.get("formater", ())) != self.formater:
            return None
        if post.get("kilde") != self.filhash(fil) or post.get("konfig") != self.konfighash():
            return None  # the config's severities and ignores decide what is an error, so it is an input too
        mb_fil, mb_hash = post.get("mb", (None, None))
        if mb_fil is None or self.filhash(mb_fil) != mb_hash:
            return None
        if post.get("skabelon_hash") != self.skabelonhash(post.get("skabelon", "")):
            return None
        if post.get("mbtilstand") != self.mbtilstand() and self._løst(post.get("ref", [])) != mb_fil:
            return None  # another file now answers the reference (a region's own copy hides the shipped one)
        for navn, størrelse in post.get("filer", {}).items():
            if navn.startswith("..") or os.path.isabs(navn):
                return None
            try:
                if os.stat(os.path.join(self.udmappe.out, navn)).st_size != størrelse:
                    return None
            except OSError:
                return None
        return post

    def advarsler_gælder(self, fil: Path, post: dict[str, Any], dato: str) -> bool:
        """Whether an unchanged programme's recorded findings (its warnings: it had no errors) hold on ``dato``.

        ``dato`` must lie on the same side as the date they were computed on of every date where a
        date-dependent check or an ignore changes its answer (ISO dates compare as text), and every version
        of its målbeskrivelse must be the same files with the same content (a new one brings P021)."""
        før = post.get("dato")
        if før is None or "advarsler" not in post:
            return False
        if not all((g < før) == (g < dato) for g in post.get("datogrænser", ())):
            return False
        if post.get("mbtilstand") == self.mbtilstand():
            return True
        if not post.get("versioner") or post["versioner"] != self.versionsnøgle(post.get("ref", [])):
            return False
        # Other målbeskrivelser changed, not its own versions: record that, so the next run need not look.
        self._ændringer[_nøgle(fil)] = {**post, "mbtilstand": self.mbtilstand()}
        return True

    def husk(self, fil: Path, mb_fil: Path, ref: tuple[str, str, str], skabelon_id: str, navn: str,
             filer: list[Path], advarsler: list[dict] = (), dato: str | None = None, datogrænser: list[str] = (),
             komplet: bool = True, versioner: str | None = None) -> None:
        """Record what a programme wrote; only a ``komplet`` entry lets the next run skip it. ``versioner``
        is :func:`versionsnøgle` of the catalogue its findings came from (without it they are not kept)."""
        ud = {}
        for f in filer:
            try:
                rel = os.path.relpath(_nøgle(f), _nøgle(self.udmappe.out))
                if rel.startswith(".."):
                    raise ValueError(rel)
                ud[rel] = Path(f).stat().st_size
            except (OSError, ValueError):
                komplet = False  # an output outside the folder or already gone: do not trust it next time
        self._ændringer[_nøgle(fil)] = {
            "kilde": self.filhash(fil), "mb": [_nøgle(mb_fil), self.filhash(mb_fil)], "ref": list(ref),
            "skabelon": skabelon_id, "skabelon_hash": self.skabelonhash(skabelon_id), "navn": navn,
            "formater": list(self.formater), "filer": ud, "værktøj": værktøj(), "komplet": komplet,
            "advarsler": list(advarsler), "dato": dato, "datogrænser": list(datogrænser),
            "konfig": self.konfighash(), "mbtilstand": self.mbtilstand(), "versioner": versioner,
        }

    def filer(self, post: dict[str, Any]) -> list[Path]:
        """The outputs a recorded entry lists, as paths."""
        return [self.udmappe.out / n for n in post.get("filer", {})]

    def registrér(self, u, dagen: str) -> None:
        """Record one rendering's outcome (an ``Udfald`` that was rendered in this run, not skipped)."""
        from . import _gem_fund

        if u.skrivefejl:
            self.behold(u.kilde)  # the folder failed, not the programme: keep what it had
        elif u._afh and u.navn and u.filer:
            self.husk(u.kilde, *u._afh, u.navn, u.filer, [_gem_fund(a) for a in u.advarsler], dagen,
                      u._datogrænser, komplet=u.ok, versioner=u._versioner)
        else:
            self.glem(u.kilde)  # renders to nothing now (errors): its old outputs are stale
        u._afh = None

    def glem(self, fil: Path | str) -> None:
        """The programme renders to nothing now: its recorded outputs are stale."""
        self._ændringer[_nøgle(fil)] = None

    def behold(self, fil: Path) -> None:
        """Keep the previous entry and files (the run failed for a reason outside the programme), but
        render it again next time."""
        post = self.poster.get(_nøgle(fil))
        if post is not None:
            self._ændringer[_nøgle(fil)] = {**post, "komplet": False}

    def opdatér_advarsler(self, fil: Path, advarsler: list[dict], dato: str, datogrænser: list[str],
                          versioner: str | None) -> None:
        """Record the findings of an unchanged programme validated again, with what they depend on."""
        post = self.poster.get(_nøgle(fil))
        if post is not None:
            self._ændringer[_nøgle(fil)] = {**post, "advarsler": list(advarsler), "dato": dato,
                                            "datogrænser": list(datogrænser), "versioner": versioner,
                                            "mbtilstand": self.mbtilstand()}

    def gem(self, andre: dict[str, dict[str, Any] | None] | None = None,
            tidligere: dict[str, int] | None = None) -> list[Path]:
        """Merge this run into the manifest (under the folder's lock), remove stale outputs; returns them.

        ``andre`` are further entries of the same kind written in the same step (the site's pages),
        ``tidligere`` files an older record says uddprog wrote (see :meth:`Udmappe.opdatér`)."""
        # "målbeskrivelser": the one list of files earlier versions kept for the whole folder, gone.
        self.fjernet = self.udmappe.opdatér({**self._ændringer, **(andre or {})}, {"målbeskrivelser": None},
                                            tidligere)
        self._ændringer = {}
        return self.fjernet
