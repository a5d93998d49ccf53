"""The render cache: whether a programme's outputs in a folder are still what it would render now.

Built on the output folder's manifest (``uddprog.udmappe``) and the fingerprints of
``uddprog.fingeraftryk``; see ``uddprog.udmappe`` for what an entry records and when it is trusted.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from ..catalog import Katalog
from ..config import find_konfigfil
from ..findings import Finding
from ..fingeraftryk import filhash, sha, sti_nøgle, versionsnøgle, værktøj
from ..rod import MB_MAPPE, yaml_filer
from ..udmappe import Udmappe


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
            fil = self.konfigfil or find_konfigfil(self.rod)
            self._konfighash = sha(f"{sti_nøgle(fil)}\0{self.filhash(fil)}".encode("utf-8", "surrogateescape")) \
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
            h = hashlib.sha256()
            for lag in self._lag.lag:
                for fil in yaml_filer(lag / MB_MAPPE) if (lag / MB_MAPPE).is_dir() else ():
                    h.update(sti_nøgle(fil).encode("utf-8", "surrogateescape") + b"\0"
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
        from ..models import MaalbeskrivelseReference  # lazy: pydantic only when a reference is resolved

        try:
            dok = self._lag.målbeskrivelse(MaalbeskrivelseReference(speciale=ref[0], fase=ref[1], version=ref[2]))
        except (ValueError, IndexError, TypeError):
            return None
        return sti_nøgle(dok.fil) if dok else None

    # --- the decision ---------------------------------------------------------------------------

    def uændret(self, fil: Path) -> dict[str, Any] | None:
        """The recorded entry when ``fil`` need not be rendered again, else None."""
        post = self.poster.get(sti_nøgle(fil))
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
        if any(self.filhash(f) != h for f, h in post.get("dele", ())):
            return None  # a shared part it includes changed: its documents hold that text
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
        self._ændringer[sti_nøgle(fil)] = {**post, "mbtilstand": self.mbtilstand()}
        return True

    def husk(self, fil: Path, mb_fil: Path, ref: tuple[str, str, str], skabelon_id: str, dele: tuple[Path, ...],
             navn: str, filer: list[Path], advarsler: list[dict] = (), dato: str | None = None,
             datogrænser: list[str] = (), komplet: bool = True, versioner: str | None = None) -> None:
        """Record what a programme wrote; only a ``komplet`` entry lets the next run skip it. ``versioner``
        is :func:`versionsnøgle` of the catalogue its findings came from (without it they are not kept)."""
        ud = {}
        for f in filer:
            try:
                rel = os.path.relpath(sti_nøgle(f), sti_nøgle(self.udmappe.out))
                if rel.startswith(".."):
                    raise ValueError(rel)
                ud[rel] = Path(f).stat().st_size
            except (OSError, ValueError):
                komplet = False  # an output outside the folder or already gone: do not trust it next time
        self._ændringer[sti_nøgle(fil)] = {
            "kilde": self.filhash(fil), "mb": [sti_nøgle(mb_fil), self.filhash(mb_fil)], "ref": list(ref),
            "skabelon": skabelon_id, "skabelon_hash": self.skabelonhash(skabelon_id), "navn": navn,
            "formater": list(self.formater), "filer": ud, "værktøj": værktøj(), "komplet": komplet,
            "advarsler": list(advarsler), "dato": dato, "datogrænser": list(datogrænser),
            "konfig": self.konfighash(), "mbtilstand": self.mbtilstand(), "versioner": versioner,
            "dele": [[sti_nøgle(d), self.filhash(d)] for d in dele],  # shared parts (programdele) it includes
        }

    def filer(self, post: dict[str, Any]) -> list[Path]:
        """The outputs a recorded entry lists, as paths."""
        return [self.udmappe.out / n for n in post.get("filer", {})]

    def registrér(self, u, dagen: str) -> None:
        """Record one rendering's outcome (an ``Udfald`` that was rendered in this run, not skipped)."""
        if u.skrivefejl:
            self.behold(u.kilde)  # the folder failed, not the programme: keep what it had
        elif u.afhængigheder and u.navn and u.filer:
            self.husk(u.kilde, *u.afhængigheder, u.navn, u.filer, [gem_fund(a) for a in u.advarsler], dagen,
                      u.datogrænser, komplet=u.ok, versioner=u.versioner)
        else:
            self.glem(u.kilde)  # renders to nothing now (errors): its old outputs are stale
        u.afhængigheder = None

    def glem(self, fil: Path | str) -> None:
        """The programme renders to nothing now: its recorded outputs are stale."""
        self._ændringer[sti_nøgle(fil)] = None

    def behold(self, fil: Path) -> None:
        """Keep the previous entry and files (the run failed for a reason outside the programme), but
        render it again next time."""
        post = self.poster.get(sti_nøgle(fil))
        if post is not None:
            self._ændringer[sti_nøgle(fil)] = {**post, "komplet": False}

    def opdatér_advarsler(self, fil: Path, advarsler: list[dict], dato: str, datogrænser: list[str],
                          versioner: str | None) -> None:
        """Record the findings of an unchanged programme validated again, with what they depend on."""
        post = self.poster.get(sti_nøgle(fil))
        if post is not None:
            self._ændringer[sti_nøgle(fil)] = {**post, "advarsler": list(advarsler), "dato": dato,
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


def gem_fund(f: Finding) -> dict:
    """A finding for the manifest: its file as an absolute path, so a run from another folder can show it."""
    data = f.som_json()
    if data["fil"]:
        data["fil"] = os.path.abspath(data["fil"])
    return data


def hent_fund(data: dict) -> Finding:
    """A recorded finding with its file shown as validation would: relative to the working folder inside it."""
    f = Finding.fra_json(data)
    if f.sted is not None:
        try:
            f = Finding(f.check, f.severity, f.besked,
                        type(f.sted)(f.sted.fil.relative_to(Path.cwd()), f.sted.linje, f.sted.kolonne))
        except ValueError:
            pass
    return f
