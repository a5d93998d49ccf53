"""The render batch: many programmes into one output folder, in parallel, with the render cache.

Library use::
    from uddprog.batch import render_programmer
    resultat = render_programmer([Path("examples")], formater=("docx", "html"), out=Path("build"))
    for u in resultat.udfald:
        print(u.kilde, u.filer or u.fejl)

Every programme is validated first; one with errors is skipped with its
reason, the others still render. Templates are compiled once per process:
with ``jobs > 1`` each worker process builds its own ``Renderer`` once.
Rendering into the same folder again skips every programme whose inputs,
template and tool are unchanged (``OUT/.uddprog-render.json``, see ``cache``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Sequence

from ..catalog import Katalog
from ..findings import Severity
from ..forloeb import læs_alle
from ..parallel import i_bundter, sigterm_som_ctrl_c
from ..render import FORMATER, Renderer, RenderError, Udfald, ikke_dannet
from ..render.pdf import PdfError, docx_to_pdf_many
from ..rod import find_rod, for_bred, katalogdel, yaml_filer
from ..skriv import klargør_mappe, safe_output_path
from .cache import Byggecache, gem_fund, hent_fund

PDF_BATCH = 40  # documents per LibreOffice start

__all__ = ["Renderresultat", "programfiler", "render_programmer"]


@dataclass
class Renderresultat:
    udfald: list[Udfald] = field(default_factory=list)
    fjernet: list[Path] = field(default_factory=list)  # stale outputs of an earlier run, removed at the end

    @property
    def advarsler(self) -> list:
        return [f for u in self.udfald for f in u.advarsler]

    @property
    def ok(self) -> bool:
        return all(u.ok for u in self.udfald)

    @property
    def filer(self) -> list[Path]:
        return [f for u in self.udfald for f in u.filer]



def programfiler(stier: Iterable[Path], rod: Path) -> list[Path]:
    """Expand folders into their YAML files; with no paths, every programme in the repository's folder."""

    stier = list(stier)
    if not stier:
        standard = Katalog(Path(rod)).programmappe
        if not standard.is_dir():
            raise RenderError(f"Ingen programmer angivet, og {standard} findes ikke. "
                              "Angiv programfiler eller -mapper, eller brug --rod.")
        stier = [standard]
    ud: list[Path] = []
    for s in stier:
        if Path(s).is_dir() and for_bred(s):
            raise RenderError(f"'{s}' er filsystemets rod eller hjemmemappen; angiv mappen med programmerne.")
        ud.extend(yaml_filer(s) if Path(s).is_dir() else [Path(s)])
    return ud


# -------------------------------------------------------------- batch

_RENDERER: tuple[object, Renderer] | None = None  # this process's renderer, for one batch (its token)


def _bundt(token: object, rod: Path, dato: date | None, dokumenter: bool, konfigfil: Path | None,
           opgaver: list) -> list:
    """Render tasks (file, formats, folder), or only the warnings of an unchanged programme (a path).

    One ``Renderer`` per process and batch: its templates compile once, and a new batch (a new token) gets a
    new one, whose catalogue sees the files as they are now."""
    global _RENDERER
    if _RENDERER is None or _RENDERER[0] != token:
        _RENDERER = (token, Renderer(rod, dato, konfigfil))
    r = _RENDERER[1]
    return [r.advarsler(o, dokumenter) if isinstance(o, Path) else r.render_fil(*o, dokument=dokumenter)
            for o in opgaver]


def render_programmer(
    stier: Iterable[Path] = (),
    formater: Sequence[str] = ("docx", "html"),
    out: Path = Path("build"),
    jobs: int | None = None,
    dato: date | None = None,
    rod: Path | None = None,
    fremskridt: Callable[[Udfald], None] | None = None,
    genbrug: bool = True,
    udmappe=None,
    dokumenter: bool = False,
    konfigfil: Path | None = None,
) -> Renderresultat:
    """Render programmes (files or folders) into ``out``; see the module docstring.

    With ``genbrug`` (the default) a programme whose YAML, målbeskrivelse, national template and uddprog
    itself are unchanged since the last render into ``out`` is not rendered again (see ``cache``); its
    ``Udfald`` has ``uændret`` set. Every programme's validation warnings are in ``Udfald.advarsler``.
    At the end, outputs of an earlier run that no programme renders to any more are removed
    (``Renderresultat.fjernet``; the manifest in ``cache`` says what uddprog wrote). An output folder
    that cannot be written raises ``writer.Skrivefejl`` before anything is rendered.

    Every programme validated in this run has its findings in ``Udfald.fund`` (and, with ``dokumenter``,
    its loaded document in ``Udfald.dok``). ``udmappe`` is the manifest to record in (a
    ``udmappe.Udmappe``; default: the ``render`` kind of ``out``). ``konfigfil`` is the config whose
    severities and ignores apply (`--config`); default the repository's own.
    """

    stier = [Path(s) for s in stier]
    rod = Path(rod) if rod else find_rod(stier[0] if stier else None)
    ukendte = [f for f in formater if f not in FORMATER]
    if ukendte:
        raise ValueError(f"Ukendt format: {', '.join(ukendte)} (kendte: {', '.join(FORMATER)})")
    filer = programfiler(stier, rod)
    out = klargør_mappe(Path(out))  # a folder that cannot be written fails here, before any work
    cache = Byggecache(out, rod, tuple(formater), udmappe, konfigfil=konfigfil)
    dagen = (dato or date.today()).isoformat()
    resultat = Renderresultat()
    navne: dict[str, Path] = {}
    venter: list[Udfald] = []  # rendered, waiting for their PDF (converted in batches, memory stays bounded)

    navngivne = {Path(s) for s in stier if not Path(s).is_dir()}
    uændrede: dict[Path, Udfald] = {}

    def modtag(u: Udfald) -> None:
        if u.andet_dokument and u.kilde not in navngivne:
            # `render .` finds målbeskrivelser and templates too: not programmes, not failures, not in the
            # result; the progress callback still hears of them (a progress bar counted every file).
            u.forbigået = True
            if fremskridt:
                fremskridt(u)
            return
        if u.navn and u.ok and not u.uændret:
            if u.navn in navne and navne[u.navn] != u.kilde:
                u.fejl = f"samme outputnavn ({u.navn}) som {navne[u.navn]}; giv forløbene forskellige navne"
            navne.setdefault(u.navn, u.kilde)
        resultat.udfald.append(u)
        if u.uændret:
            if fremskridt:
                fremskridt(u)
            return
        if "pdf" in formater:
            venter.append(u)
            if len(venter) >= PDF_BATCH:
                _pdf(venter, out, fremskridt)
                venter.clear()
        elif fremskridt:
            fremskridt(u)

    def advarsler_klar(svar: tuple) -> None:
        fil, advarsler, grænser, fund, dok, versioner = svar
        u = uændrede.pop(fil)
        u.advarsler, u.fund, u.dok = advarsler, fund, dok
        fejl = [f for f in fund if f.severity == Severity.ERROR]
        if fejl:
            # An error the new date or version brings (or an ignore that expired): not rendered, like any
            # programme with errors, and its outputs are stale (recorded with the renders at the end).
            u.uændret, u.filer = False, []
            ikke_dannet(u, fejl)
            if navne.get(u.navn) == u.kilde:
                del navne[u.navn]  # it renders to nothing: the name is free for a programme rendered later
        else:
            cache.opdatér_advarsler(u.kilde, [gem_fund(a) for a in advarsler], dagen, grænser, versioner)
        modtag(u)

    # A file in the repository's målbeskrivelser/ or templates/national/ is never a programme (a programme
    # copied there is L008 in validate): not rendered, not recorded, its name not taken.
    programmer = []
    for f in filer:
        if katalogdel(f, rod):
            modtag(Udfald(Path(f), fejl=f"ikke et uddannelsesprogram: filen ligger i {katalogdel(f, rod)}ernes mappe",
                          sprunget_over=True, andet_dokument=True))
        else:
            programmer.append(f)
    poster = {f: cache.uændret(f) if genbrug else None for f in programmer}
    # Two programmes with one output name: neither is rendered (which is the real one is the author's to
    # say, not the file order's), and neither takes the name in the manifest; one that had it keeps its files.
    omstridte = _samme_outputnavn(poster, jobs)
    for f, (navn, andre) in omstridte.items():
        modtag(Udfald(Path(f), navn=navn, sprunget_over=True,
                      fejl=f"samme outputnavn ({navn}) som {' og '.join(str(a) for a in andre)}; ingen af dem dannes. "
                           "Giv forløbene forskellige navne under 'forløb'."))

    # Unchanged programmes first: their names take part in the collision check like any other. Their
    # warnings are kept with the dates where the date-dependent ones change and the versions of their
    # målbeskrivelse; on a date past one of those dates, or when a version came, went or changed, they are
    # validated again, not rendered.
    opgaver: list = []
    for f in programmer:
        if f in omstridte:
            continue
        post = poster[f]
        if post is None:
            opgaver.append((f, tuple(formater), out))
            continue
        u = Udfald(Path(f), cache.filer(post), navn=post["navn"], uændret=True)
        navne.setdefault(u.navn, u.kilde)
        if cache.advarsler_gælder(u.kilde, post, dagen):
            u.advarsler = [hent_fund(a) for a in post.get("advarsler", ())]
            modtag(u)
        else:
            uændrede[u.kilde] = u
            opgaver.insert(len(uændrede) - 1, u.kilde)  # validation only; before the renders
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(opgaver) or 1))
    # One programme per task in this process (each result is recorded as soon as it is there, so an
    # interrupted batch keeps what finished); about eight tasks per worker otherwise.
    bundt = 1 if jobs == 1 else max(1, len(opgaver) // (jobs * 8))
    tidligere_sigterm = sigterm_som_ctrl_c()
    færdig = False
    bundter = i_bundter(_bundt, opgaver, jobs, bundt, (object(), rod, dato, dokumenter, konfigfil))
    try:
        for del_ in bundter:
            for svar in del_:
                if isinstance(svar, Udfald):
                    modtag(svar)
                else:
                    advarsler_klar(svar)
        if venter:
            _pdf(venter, out, fremskridt)
        færdig = True
    finally:
        bundter.close()  # interrupted: the workers end now, not when the queued bundles are done
        if tidligere_sigterm is not None:
            import signal

            signal.signal(signal.SIGTERM, tidligere_sigterm)
        for u in resultat.udfald:
            if u.kilde in omstridte:
                cache.behold(u.kilde)  # its files stay as they were; it renders again once the name is its own
            elif not u.uændret:
                cache.registrér(u, dagen)
        try:
            resultat.fjernet = cache.gem()
        except OSError:
            if færdig:
                raise
            # interrupted: the interruption is the news; the next run renders what is not recorded
    return resultat


def _samme_outputnavn(poster: dict[Path, dict | None], jobs: int | None) -> dict[Path, tuple[str, list[Path]]]:
    """The programmes whose output name another programme of the run has too: file → (name, the others).

    An unchanged programme's name is in its manifest entry (``poster``); the others' are read from their
    head only (``forloeb.læs_alle``, in parallel for a large batch), before anything is rendered."""
    navne = {f: p.get("navn") for f, p in poster.items() if p is not None}
    ukendte = [f for f, p in poster.items() if p is None]
    if ukendte:
        navne.update((f.fil, f.outputnavn) for f in læs_alle(ukendte, jobs).forløb)
    grupper: dict[str, list[Path]] = {}
    for f in poster:
        if navne.get(f):
            grupper.setdefault(navne[f], []).append(f)
    return {f: (navn, [a for a in filer if a != f]) for navn, filer in grupper.items() if len(filer) > 1
            for f in filer}


def _pdf(parti: list[Udfald], out: Path, fremskridt) -> None:
    """Convert one batch of rendered programmes to PDF with a single LibreOffice start."""

    klar = [u for u in parti if u.ok and u.docx is not None]
    mål = [(u.docx, safe_output_path(out, u.navn.split("/"), ".pdf")) for u in klar]
    try:
        docx_to_pdf_many(mål)
        for u, (_, sti) in zip(klar, mål):
            u.filer.append(sti)
    except PdfError as exc:
        for u, (_, sti) in zip(klar, mål):
            if sti in exc.skrevet:
                u.filer.append(sti)
            else:
                u.fejl = str(exc)
    for u in parti:
        u.docx = None
        if fremskridt:
            fremskridt(u)
