"""The render cache: whether a programme's outputs in a folder are still what it would render now.

Built on the output folder's manifest (``uddprog.udmappe``) and the fingerprints of
``uddprog.fingeraftryk``; see ``uddprog.udmappe`` for what an entry records and when it is trusted.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..catalog import Katalog
from ..config import find_konfigfil
from ..findings import Finding
from ..fingeraftryk import Kildenøgle, sti_nøgle
from ..udmappe import Udmappe, ejer


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
        # The key is the one every cache uses (fingeraftryk.Kildenøgle); the config is part of it, because
        # the findings recorded here are after its severities and ignores.
        self.nøgle = Kildenøgle(Katalog(self.rod), konfigfil or find_konfigfil(self.rod), memo)
        self.udmappe = udmappe if udmappe is not None else Udmappe(self.out)
        self.poster = self.udmappe.poster
        self._ændringer: dict[str, dict[str, Any] | None] = {}
        self.fjernet: list[Path] = []

    # --- the key's parts (fingeraftryk.Kildenøgle) ----------------------------------------------

    def filhash(self, fil: Path | str) -> str | None:
        return self.nøgle.filhash(fil)

    def konfighash(self) -> str | None:
        return self.nøgle.konfighash()

    def skabelonhash(self, skabelon_id: str) -> str:
        return self.nøgle.skabelonhash(skabelon_id)

    def mbtilstand(self) -> str:
        return self.nøgle.mbtilstand()

    # --- the decision ---------------------------------------------------------------------------

    # --- the entries, by owner (udmappe.ejer: relative to the folder; an older manifest's absolute key) ----

    def post(self, fil: Path | str) -> dict[str, Any] | None:
        """The recorded entry of ``fil``."""
        post = self.poster.get(ejer(fil, self.udmappe.out))
        return post if post is not None else self.poster.get(sti_nøgle(fil))

    def _sæt(self, fil: Path | str, post: dict[str, Any] | None) -> None:
        self._ændringer[ejer(fil, self.udmappe.out)] = post
        if sti_nøgle(fil) in self.poster:
            self._ændringer[sti_nøgle(fil)] = None  # the older manifest's absolute key: replaced

    def uændret(self, fil: Path) -> dict[str, Any] | None:
        """The recorded entry when ``fil`` need not be rendered again, else None."""
        post = self.post(fil)
        if not post or not post.get("komplet") or tuple(post.get("formater", ())) != self.formater:
            return None
        if not self.nøgle.kilder_uændrede(fil, post):
            return None
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
        """Whether an unchanged programme's recorded findings (its warnings: it had no errors) hold on ``dato``
        (``fingeraftryk.Kildenøgle.fund_gælder``)."""
        if "advarsler" not in post or not self.nøgle.fund_gælder(post, dato):
            return False
        if self.nøgle.ny_mbtilstand(post):
            # Other målbeskrivelser changed, not its own versions: record that, so the next run need not look.
            self._sæt(fil, {**post, "mbtilstand": self.mbtilstand()})
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
        self._sæt(fil, {
            **self.nøgle.programnøgle(fil, mb_fil, ref, skabelon_id, dele), "navn": navn,
            "formater": list(self.formater), "filer": ud, "komplet": komplet,
            "advarsler": list(advarsler), "dato": dato, "datogrænser": list(datogrænser), "versioner": versioner,
        })

    def filer(self, post: dict[str, Any]) -> list[Path]:
        """The outputs a recorded entry lists, as paths."""
        return [self.udmappe.out / n for n in post.get("filer", {})]

    def registrér(self, u, dagen: str) -> None:
        """Record one rendering's outcome (an ``Udfald`` that was rendered in this run, not skipped)."""
        if u.skrivefejl:
            self.behold(u.kilde)  # the folder failed, not the programme: keep what it had
        elif u.afhængigheder and u.navn and u.filer:
            # Complete only with a file of every format: a run interrupted before the PDFs were made must
            # not let the next run skip the programme. Its files of the missing formats from before are
            # kept (listed, so not removed as stale) until that run makes them anew.
            mangler = {f for f in self.formater if not any(p.suffix == f".{f}" for p in u.filer)}
            filer = list(u.filer)
            if mangler and u.ok:
                gammel = self.post(u.kilde) or {}
                filer += [self.udmappe.out / n for n in gammel.get("filer", {}) if Path(n).suffix[1:] in mangler]
            self.husk(u.kilde, *u.afhængigheder, u.navn, filer, [gem_fund(a) for a in u.advarsler], dagen,
                      u.datogrænser, komplet=u.ok and not mangler, versioner=u.versioner)
        else:
            self.glem(u.kilde)  # renders to nothing now (errors): its old outputs are stale
        u.afhængigheder = None

    def glem(self, fil: Path | str) -> None:
        """The programme renders to nothing now: its recorded outputs are stale."""
        self._sæt(fil, None)

    def behold(self, fil: Path) -> None:
        """Keep the previous entry and files (the run failed for a reason outside the programme), but
        render it again next time."""
        post = self.post(fil)
        if post is not None:
            self._sæt(fil, {**post, "komplet": False})

    def opdatér_advarsler(self, fil: Path, advarsler: list[dict], dato: str, datogrænser: list[str],
                          versioner: str | None) -> None:
        """Record the findings of an unchanged programme validated again, with what they depend on."""
        post = self.post(fil)
        if post is not None:
            self._sæt(fil, {**post, "advarsler": list(advarsler), "dato": dato, "datogrænser": list(datogrænser),
                            "versioner": versioner, "mbtilstand": self.mbtilstand()})

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
