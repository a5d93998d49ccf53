"""`uddprog site`: every programme of a repository as one static, self-contained, deterministic website.

Library use::
    from uddprog.site import build
    resultat = build([Path("examples")], out=Path("site"))

The stages: collect the programme files → validate each (``uddprog.checks``) → render DOCX, HTML
(and PDF where LibreOffice is installed) through ``uddprog.render`` and its render cache into
``OUT/filer/`` → status lines (``uddprog.diff.status``) and diff reports between consecutive
målbeskrivelse versions (``uddprog.diff``) → pages through the Jinja templates in ``templates/``
→ deterministic, atomic writes. A file whose content did not change is not written again.

The folder's manifest (``OUT/.uddprog-render.json``, :class:`uddprog.udmappe.Udmappe`, kind
``site``) records what the build wrote: the pages as one entry, each rendered programme as its own
(the render cache's entry). The next build removes what it no longer writes (a programme removed, or
broken since), and nothing else: not a file uddprog did not write, not one changed since, not one that
`uddprog render` recorded in the same folder. A folder that is not empty and has no manifest is
refused, and so is one holding another command's output beside files uddprog did not write, so
``--out`` never deletes or overwrites a user's files. The list of an earlier version
(``OUT/.uddprog-site.json``) is honoured once: its files count as the site's, and the manifest
replaces it.

:class:`Sitebygger` keeps what it learned between builds, for ``uddprog serve``: a programme is
validated and rendered again only when its file (or a målbeskrivelse or template) changed.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .. import __version__, soffice
from ..batch import programfiler, render_programmer
from ..batch.cache import Byggecache
from ..catalog import Katalog
from ..checks.anvendelse import tjek
from ..config import find
from ..datoer import dansk_dato
from ..diff import Diffrapport, påvirkning, sammenlign
from ..diff.html import som_html
from ..diff.status import status
from ..fejl import UddprogFejl
from ..forloeb import er_udkast
from ..navne import slug
from ..render import Renderer, RenderError
from ..rod import KONFIGFILER, MB_MAPPE, SKABELON_MAPPE, find_rod
from ..skriv import write_atomic
from ..udmappe import MANIFEST, Udmappe, ejer
from .afdelingssider import afdelingssider
from .data import STATUSSER, programpost
from .sider import MENU, sider

GAMMEL_MARKØR = ".uddprog-site.json"  # the list of files of versions before the shared manifest
FILMAPPE = "filer"  # render outputs: OUT/filer/<region>/<name>.<format>
SIDER = "sider"  # the manifest entry of the pages (the other entries are programmes, by absolute path)

__all__ = ["Sitebygger", "Byggeresultat", "SiteFejl", "build"]


class SiteFejl(UddprogFejl):
    """Bad input or an unusable output folder; the message is Danish."""


@dataclass
class Byggeresultat:
    out: Path
    filer: list[str] = field(default_factory=list)  # every file of the site, relative to out
    ændrede: list[str] = field(default_factory=list)  # written (new or changed) in this build
    fjernede: list[str] = field(default_factory=list)
    programmer: list = field(default_factory=list)  # Programpost
    katalogfund: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Every programme could be read and rendered."""
        return all(p.status != "ulaeselig" and not p.renderfejl and "html" in p.filer for p in self.programmer)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _læs(fil: Path) -> bytes | None:
    try:
        return Path(fil).read_bytes()
    except OSError:
        return None


@dataclass
class _Programcache:
    nøgle: tuple
    dok: object
    fund: list
    udfald: object


class Sitebygger:
    """Builds the site into ``out``; call :meth:`byg` again after changes (``uddprog serve``)."""

    def __init__(self, out: Path, stier: Sequence[Path] = (), rod: Path | None = None, dato: date | None = None,
                 pdf: bool | None = None, jobs: int | None = None, titel: str = "Uddannelsesprogrammer",
                 fremskridt: Callable[[int], None] | None = None, med_udkast: bool = False) -> None:

        self.stier = [Path(s) for s in stier]
        mangler = [str(s) for s in self.stier if not s.exists()]
        if mangler:
            raise SiteFejl(f"{', '.join(mangler)} findes ikke.")
        self.rod = Path(rod) if rod else find_rod(self.stier[0] if self.stier else None)
        self.out = Path(out)
        self.dato = dato
        self.jobs = jobs
        self.titel = titel
        self.fremskridt = fremskridt  # called with 1 per programme rendered and again per programme validated
        self.med_udkast = med_udkast  # drafts (status: udkast) are published only when asked for
        self.formater = ("docx", "html") + (("pdf",) if (soffice.find() if pdf is None else pdf) else ())
        self._renderer = None
        self._generation = 0  # bumped when a målbeskrivelse or template changed (keys of the diff reports)
        self._programmer: dict[str, _Programcache] = {}
        self._diffs: dict = {}
        self._sider: dict = {}  # programme pages by path: (inputs, html)
        self._afdelinger: dict = {}  # the department and quality pages and what they were made from
        self._katalog = None
        self._dannet: set[str] = set()  # render outputs written during the current build
        self._rendrede: list = []  # Udfald rendered one by one in this build, for the manifest
        self._fjernet: list[Path] = []  # stale outputs the render batch removed in this build
        self._cachememo: tuple[int, dict] = (-1, {})  # the render cache's memo, for one generation
        _tjek_out(self.out, self.rod)
        self.udmappe = Udmappe(self.out, "site")

        self.programmappe = Katalog(self.rod).programmappe  # examples/, or `programmer` in uddprog.toml
        self.konfig = tjek(find(self.rod))  # severities and ignores: the pages show what `uddprog validate` shows

    # --- what a change touches ---------------------------------------------------------------

    def _under(self, sti: Path | str, mappe: Path) -> bool:
        a, m = os.path.abspath(sti), os.path.abspath(mappe)
        return a == m or a.startswith(m + os.sep)

    def glem(self, ændrede: Iterable[Path] | None) -> None:
        """Forget what the changed paths touch; None forgets everything.

        A programme file needs nothing here: its content hash decides. A national template (or a shared
        layout) means new compiled templates and every programme again. A målbeskrivelse means a new
        catalog and again only the programmes of the specialties and phases that file was or is about;
        when that cannot be told (a file broken mid-edit that was not read before), every programme.
        """

        ændrede = None if ændrede is None else [Path(s) for s in ændrede]
        if ændrede is not None and any(s.name in KONFIGFILER and os.path.abspath(s.parent) == os.path.abspath(self.rod)
                                       for s in ændrede):

            # The config decides severities, ignores and the programme folder: every programme again.
            self.konfig = tjek(find(self.rod))
            self.programmappe = Katalog(self.rod).programmappe
            if self._renderer is not None:
                self._renderer.konfig = self.konfig  # its validation decides what is rendered
            self._programmer.clear()
            self._sider.clear()
        skabelon = ændrede is None or any(self._under(s, self.rod / SKABELON_MAPPE) for s in ændrede)
        mb = [s for s in ændrede or () if self._under(s, self.rod / MB_MAPPE)]
        if skabelon:
            self._generation += 1
            self._renderer = None
            self._katalog = None
            self._programmer.clear()
            self._diffs.clear()
            return
        if not mb:
            return
        gammel = self.katalog

        ny = Katalog(self.rod)
        berørte = set()
        for k in (gammel, ny):
            for d in k.målbeskrivelser:
                if any(os.path.abspath(d.fil) == os.path.abspath(s) for s in mb):
                    berørte.add((slug(d.model.speciale), str(d.model.fase)))
        alle = any(not any(os.path.abspath(d.fil) == os.path.abspath(s) for k in (gammel, ny)
                           for d in k.målbeskrivelser) for s in mb)
        self._katalog = ny
        if self._renderer is not None:
            self._renderer.katalog = ny  # compiled templates stay; only the målbeskrivelser changed
        self._generation += 1
        self._diffs.clear()
        for nøgle, c in list(self._programmer.items()):
            ref = getattr(getattr(c.dok, "model", None), "målbeskrivelse", None)
            if alle or ref is None or (slug(ref.speciale), str(ref.fase)) in berørte:
                del self._programmer[nøgle]

    def programdelfiler(self) -> list[Path]:
        """The shared parts the programmes of the last build include (`uddprog serve` watches their folders)."""
        return sorted({Path(d.fil) for c in self._programmer.values() for d in getattr(c.dok, "programdele", ())})

    @property
    def katalog(self):
        if self._katalog is None:
            self._katalog = self._renderer.katalog if self._renderer else Katalog(self.rod)
        return self._katalog

    def forvarm(self) -> None:
        """Compile every national template's Word and HTML template now, so the first edit is fast."""

        if self._renderer is None:
            self._renderer = Renderer(self.rod, self.dato)
            self._katalog = None
        for skabelon_id in sorted(self.katalog.skabeloner):
            for f in (self._renderer.html_skabelon, self._renderer.docx_skabelon):
                try:
                    f(skabelon_id)
                except (RenderError, OSError):
                    pass  # a broken template is reported when a programme using it renders
        # One programme per template through the whole renderer into a throwaway folder: the first real
        # edit then finds the Markdown and Word caches warm.
        import tempfile

        prøver = {}
        for c in self._programmer.values():
            if c.dok is not None and c.dok.type == "uddannelsesprogram" and c.udfald is not None and c.udfald.ok:
                prøver.setdefault(c.dok.model.skabelon, c.dok.fil)
        with tempfile.TemporaryDirectory(prefix="uddprog-forvarm-") as tmp:
            for fil in prøver.values():
                self._renderer.render_fil(Path(fil), self.formater, Path(tmp))

    # --- the build ---------------------------------------------------------------------------

    def byg(self, ændrede: Iterable[Path] | None = None) -> Byggeresultat:
        """Build (or bring up to date) the whole site; ``ændrede`` are the paths changed since the last build."""

        if ændrede is not None:
            self.glem(list(ændrede))
        self._dannet, self._rendrede, self._fjernet = set(), [], []
        try:
            filer = list(dict.fromkeys(programfiler(self.stier, self.rod)))
        except RenderError as e:
            raise SiteFejl(str(e)) from None
        if not self.med_udkast:
            filer = [f for f in filer if not er_udkast(f)]  # a draft is not published unless asked for
        self._valider_og_dan(filer)
        katalog = self.katalog
        dato = self.dato or date.today()
        poster = []
        for f in filer:
            c = self._programmer[os.path.abspath(f)]
            if c.dok is not None and c.dok.type != "uddannelsesprogram":
                continue  # a målbeskrivelse or template among the paths: shown on its own pages
            linje = status([c.dok if c.dok is not None and c.dok.type == "uddannelsesprogram"
                            else (Path(f), c.fund)], katalog, dato)[0]
            post = programpost(Path(f), c.dok, c.fund, linje, self.rod, self.programmappe)
            u = c.udfald
            if u is not None:
                post.renderfejl = None if u.ok or u.sprunget_over else u.fejl
                for fil in u.filer:
                    post.filer[Path(fil).suffix.lstrip(".")] = Path(os.path.relpath(fil, self.out)).as_posix()
            poster.append(post)
        _unikke_sider(poster)
        docs = [(c.dok, c.nøgle) for c in map(self._programmer.get, map(os.path.abspath, filer))
                if c.dok is not None and c.dok.type == "uddannelsesprogram"]
        diffs = self._diffrapporter(docs, dato)
        indhold = sider(poster, katalog, diffs, dato, self.rod, self.titel, pdf="pdf" in self.formater,
                        memo=self._sider, katalogfund=list(katalog.fund) + list(self.konfig.fund))
        # The views for the people around the programmes: department pages and the quality overview.
        fælles = dict(version=__version__, dato=dansk_dato(dato), site_titel=self.titel, menu=MENU, statusser=STATUSSER)
        sider_af = {os.path.abspath(p.kilde): p.side for p in poster}
        nøgle = (self._generation, tuple(k for _, k in docs), tuple(sorted(sider_af.items())), dato, repr(fælles))
        indhold.update(afdelingssider([d for d, _ in docs], sider_af, katalog, dato, fælles, self._afdelinger, nøgle))
        return self._skriv(indhold, poster, katalog, filer)

    def _valider_og_dan(self, filer: list[Path]) -> None:
        """Validate and render the programmes whose inputs changed; the others keep their last result.

        Each is validated once: rendering validates, and its findings (and document) are used here.
        Only a programme the render cache found unchanged since an earlier build into this folder is
        validated here instead, as it was not rendered."""

        nye, nøgler = [], {}
        for f in filer:
            k = os.path.abspath(f)
            c = self._programmer.get(k)
            # The programme's bytes and those of the shared parts it included last time: a change to a shared
            # part builds exactly the programmes that use it again.
            nøgle = _nøgle(f, getattr(c.dok, "programdele", ()) if c is not None else ())
            nøgler[k] = nøgle
            if c is None or c.nøgle != nøgle:
                nye.append(f)
        for k in set(self._programmer) - set(nøgler):
            del self._programmer[k]
        if not nye:
            return
        ud = self.out / FILMAPPE
        parti = "pdf" in self.formater or (self._renderer is None and len(nye) > 1)
        if self._renderer is None:
            self._renderer = Renderer(self.rod, self.dato)
            self._katalog = None
        katalog = self.katalog
        if parti:
            # The first build, or PDFs (one LibreOffice start per batch): the render library's batch,
            # parallel and with its cache, recording in this folder's manifest.
            def modtag(u) -> None:
                u.dok = _let(u.dok, katalog)  # as each arrives: a batch never holds every document's positions
                if self.fremskridt:
                    self.fremskridt(1)

            resultat = render_programmer(nye, self.formater, ud, self.jobs, self.dato, self.rod, modtag,
                                         udmappe=self.udmappe, dokumenter=True)
            udfald = {os.path.abspath(u.kilde): u for u in resultat.udfald}
            self._fjernet.extend(resultat.fjernet)
        else:
            udfald = {}
        for f in nye:
            k = os.path.abspath(f)
            u = udfald.get(k)
            if u is None and not parti:
                # One changed programme (serve): validated and rendered in one step.
                u = self._renderer.render_fil(Path(f), self.formater, ud, dokument=True)
                self._rendrede.append(u)
            if u is not None and u.fund is not None:
                dok, fund = u.dok, u.fund
            else:
                dok, fund = self._renderer.valider(Path(f))  # as render does: the config applies
            if self.fremskridt:
                self.fremskridt(1)
            if u is not None:
                u.dok = None  # kept once, in the cache entry
            # keyed with the shared parts it includes now (it may have gained or lost one)
            nøgle = _nøgle(f, dok.programdele) if dok is not None and dok.programdele else nøgler[k]
            self._programmer[k] = _Programcache(nøgle, _let(dok, katalog), fund, u)
            if u is not None and not u.uændret:
                self._dannet |= {Path(os.path.relpath(f, self.out)).as_posix() for f in u.filer}

    def _diffrapporter(self, docs, dato: date) -> dict:
        """The diff report between each two consecutive målbeskrivelse versions: {(speciale slug, fase): [...]}."""

        katalog = self.katalog
        skabeloner = {id: d.model for id, d in katalog.skabeloner.items()}
        navne: dict[tuple, str] = {}
        for mb in katalog.målbeskrivelser:
            navne.setdefault((slug(mb.model.speciale), str(mb.model.fase)), mb.model.speciale)
        ud: dict[tuple, list] = {}
        brugt = set()
        for (s, fase), navn in sorted(navne.items()):
            versioner = katalog.versioner(navn, fase)
            # Only this specialty's programmes of this phase: the report is about them, and editing
            # another programme then leaves it as it was.
            egne = [(d, k) for d, k in docs if slug(d.model.målbeskrivelse.speciale) == s
                    and str(d.model.målbeskrivelse.fase) == fase]
            for g, n in zip(versioner, versioner[1:]):
                # A programme on the old version is in the report in detail (its content counts); any
                # other only by its file, title and reference.
                nøgle = (self._generation, g.fil, n.fil, dato, tuple(
                    (d.fil, k) if d.model.målbeskrivelse.version == g.model.version
                    else (d.fil, d.model.titel, d.model.målbeskrivelse.version) for d, k in egne))
                if nøgle not in self._diffs:
                    sæt = sammenlign(g, n)
                    rapport = Diffrapport(sæt, tuple(påvirkning(sæt, [d for d, _ in egne], skabeloner, dato)), dato)
                    self._diffs[nøgle] = (g, n, rapport, som_html(rapport))
                ud.setdefault((s, fase), []).append(self._diffs[nøgle])
                brugt.add(nøgle)
        for nøgle in set(self._diffs) - brugt:
            del self._diffs[nøgle]
        return ud

    def _skriv(self, indhold: dict[str, str | bytes], poster, katalog, filer: list[Path]) -> Byggeresultat:
        res = Byggeresultat(self.out, programmer=poster, katalogfund=list(katalog.fund) + list(self.konfig.fund))
        rendrede = {f for p in poster for f in p.filer.values()}
        sider: dict[str, int] = {}
        for sti, data in sorted(indhold.items()):
            if isinstance(data, str):
                data = data.encode("utf-8")
            mål = self.out / sti
            if _læs(mål) != data:
                write_atomic(mål, data)
                res.ændrede.append(sti)
            sider[os.path.normpath(sti)] = len(data)
        res.filer = sorted(set(indhold) | rendrede)
        # The manifest in one step: the pages, the programmes rendered one by one in this build (the batch
        # recorded its own), and programmes no longer part of the site forgotten, so their outputs go.
        nu = {n for f in filer for n in (ejer(f, self.udmappe.out), os.path.abspath(f))}  # an older manifest's too
        ændringer: dict = {ejer: None for ejer in self.udmappe.poster if ejer != SIDER and ejer not in nu}
        ændringer[SIDER] = {"filer": sider}
        tidligere = _gammel_markør(self.out)
        if self._rendrede:
            if self._cachememo[0] != self._generation:  # a målbeskrivelse or template changed
                self._cachememo = (self._generation, {})
            cache = Byggecache(self.out / FILMAPPE, self.rod, self.formater, self.udmappe, self._cachememo[1])
            dagen = (self.dato or date.today()).isoformat()
            for u in self._rendrede:
                cache.registrér(u, dagen)
            fjernet = cache.gem(ændringer, tidligere)
        else:
            fjernet = self.udmappe.opdatér(ændringer, tidligere=tidligere)
        fjernet = self._fjernet + fjernet
        if tidligere is not None:
            # Replaced by the manifest, and so is the render manifest the earlier version kept in filer/.
            for gammel in (self.out / GAMMEL_MARKØR, self.out / FILMAPPE / MANIFEST):
                try:
                    gammel.unlink()
                except FileNotFoundError:
                    pass
        res.fjernede = sorted({Path(os.path.relpath(f, self.out)).as_posix() for f in fjernet})
        # A programme rendered in this build counts as changed (for live reload).
        res.ændrede = sorted(set(res.ændrede) | (self._dannet & rendrede))
        return res


def _nøgle(fil: Path, programdele) -> tuple:
    """A programme file's content hash with its shared parts' (path, hash); None for a file that cannot be read."""
    data = _læs(fil)
    dele = tuple((os.path.abspath(d.fil), _sha(b) if (b := _læs(d.fil)) is not None else None) for d in programdele)
    return (_sha(data) if data is not None else None, dele)


def _let(dok, katalog):
    """The document without its node positions (two thirds of its memory) when nothing will ask for them.

    Only a diff report asks, and only for programmes on a målbeskrivelse version that has a newer one
    (their kompetenceplan entries get file:line). A new version makes ``glem`` validate that specialty's
    programmes again, so they come back with positions.
    """
    import dataclasses

    if dok is None or dok.type != "uddannelsesprogram":
        return dok
    mb = katalog.målbeskrivelse(dok.model.målbeskrivelse)
    if mb is not None and katalog.nyere_versioner(mb.model):
        return dok
    return dataclasses.replace(dok, positions=None)


def _unikke_sider(poster) -> None:
    """Two source files that slug to the same page (x.yaml and x.yml) get numbered pages."""
    set_: dict[str, int] = {}
    for p in poster:
        n = set_.get(p.side, 0)
        set_[p.side] = n + 1
        if n:
            p.side = p.side.removesuffix(".html") + f"-{n + 1}.html"


def _gammel_markør(out: Path) -> dict[str, int] | None:
    """The files the list of an earlier version (``.uddprog-site.json``) names, with their sizes now (they
    count as written by uddprog, once); None without such a list."""
    sti = out / GAMMEL_MARKØR
    if not sti.is_file():
        return None
    try:
        navne = json.loads(sti.read_text(encoding="utf-8")).get("filer", [])
    except (OSError, ValueError, AttributeError):
        return {}
    ud = {}
    for navn in navne if isinstance(navne, list) else []:
        fil = out / str(navn)
        try:
            if not fil.is_symlink() and fil.is_file():
                ud[os.path.normpath(str(navn))] = fil.stat().st_size  # the manifest refuses names leaving out
        except OSError:
            pass
    return ud


def _tjek_out(out: Path, rod: Path) -> None:
    """Refuse an output folder that holds anything but uddprog's output, or the repository itself.

    An earlier site (the manifest has site entries, or the list of an earlier version is there) is
    accepted as it is. Another command's output (`uddprog render`) is accepted when every file in the
    folder is one the manifest lists: the site goes beside it and never removes it."""
    if out.exists() and not out.is_dir():
        raise SiteFejl(f"'{out}' findes og er ikke en mappe.")
    r, o = os.path.abspath(rod), os.path.abspath(out)
    if r == o or r.startswith(o + os.sep):
        raise SiteFejl(f"Outputmappen '{out}' indeholder projektmappen; vælg en anden mappe, fx 'site'.")
    if not out.is_dir() or not any(out.iterdir()):
        return
    udmappe = Udmappe(out, "site")
    if udmappe.poster or (out / GAMMEL_MARKØR).is_file():
        return
    if not udmappe.findes():
        raise SiteFejl(f"Mappen '{out}' er ikke tom og er ikke et websted dannet af uddprog. "
                       "Vælg en tom eller ny mappe, så ingen filer bliver overskrevet eller slettet.")
    kendte = udmappe.alle_filer()
    fremmede = sorted(os.path.relpath(p, out) for p in out.rglob("*")
                      if not p.is_dir() and p.name != MANIFEST and os.path.relpath(p, out) not in kendte)
    if fremmede:
        raise SiteFejl(f"Mappen '{out}' indeholder filer, som uddprog ikke har dannet (fx "
                       f"'{Path(fremmede[0]).as_posix()}'). Vælg en tom eller ny mappe, så ingen filer bliver "
                       "overskrevet eller slettet.")


def build(stier: Sequence[Path] = (), out: Path = Path("site"), rod: Path | None = None, dato: date | None = None,
          pdf: bool | None = None, jobs: int | None = None,
          fremskridt: Callable[[int], None] | None = None, med_udkast: bool = False) -> Byggeresultat:
    """Build the site once; see the module docstring. ``fremskridt`` counts two steps per programme. Drafts
    (``status: udkast``) are left out unless ``med_udkast``."""
    return Sitebygger(out, stier, rod, dato, pdf, jobs, fremskridt=fremskridt, med_udkast=med_udkast).byg()
