"""Rendering of uddannelsesprogrammer to DOCX, HTML and PDF.

Library use::

    from uddprog.render import render_programmer
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
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .errors import RenderError, TemplateFejl

FORMATER = ("docx", "html", "pdf")
PDF_BATCH = 40  # documents per LibreOffice start

__all__ = ["FORMATER", "RenderError", "Renderer", "Renderresultat", "TemplateFejl", "Udfald",
           "programfiler", "render_programmer"]


@dataclass
class Udfald:
    """What happened to one input file."""

    kilde: Path
    filer: list[Path] = field(default_factory=list)
    fejl: str | None = None  # Danish reason when nothing (or not everything) was written
    sprunget_over: bool = False  # not rendered because validation found errors
    navn: str | None = None  # <region>/<name>, for collision checks
    uændret: bool = False  # inputs, template and tool unchanged since the last render: nothing was done
    _docx: bytes | None = field(default=None, repr=False)  # kept only when a PDF is wanted
    _afh: tuple | None = field(default=None, repr=False)  # (målbeskrivelse file, reference, template id)

    @property
    def ok(self) -> bool:
        return self.fejl is None


@dataclass
class Renderresultat:
    udfald: list[Udfald] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(u.ok for u in self.udfald)

    @property
    def filer(self) -> list[Path]:
        return [f for u in self.udfald for f in u.filer]


class Renderer:
    """The compiled templates and the catalog of one repository; build one per process."""

    def __init__(self, rod: Path, dato: date | None = None) -> None:
        from ..catalog import Katalog
        from ..config import find

        self.katalog = Katalog(Path(rod))
        self.konfig = find(Path(rod))  # severities and ignores decide what counts as an error here too
        self.dato = dato
        self._docx: dict = {}
        self._html: dict = {}
        self._html_env = None

    def docx_skabelon(self, skabelon_id: str):
        from .docx import CompiledDocx

        if skabelon_id not in self._docx:
            # The first layer with the file wins: a region's own Word layout over the shipped one.
            self._docx[skabelon_id] = CompiledDocx(self.katalog.skabelonfil(skabelon_id, "program.docx"))
        return self._docx[skabelon_id]

    def html_skabelon(self, skabelon_id: str):
        from .html import CompiledHtml, make_environment

        if skabelon_id not in self._html:
            mapper = self.katalog.skabelonmapper or [self.katalog.skabelonfil()]
            if self._html_env is None:
                self._html_env = make_environment(mapper)
            self._html[skabelon_id] = CompiledHtml(mapper, skabelon_id, self._html_env)
        return self._html[skabelon_id]

    def render_fil(self, fil: Path, formater: Sequence[str], out: Path) -> Udfald:
        """Validate, render and write one programme file. Never raises for bad input."""
        from ..checks import valider_fil
        from ..findings import Severity
        from .context import build_context, filnavn
        from .docx import CoreProperties
        from .writer import UnsafeOutputPath, safe_output_path, write_atomic

        udfald = Udfald(Path(fil))
        from ..config import anvend

        dok, fund = valider_fil(Path(fil), self.katalog, self.dato)
        fund = [f for f in anvend(fund, [], self.konfig, self.dato) if not f.check.startswith("C")]
        fejl = [f for f in fund if f.severity == Severity.ERROR]
        if dok is None or fejl:
            udfald.sprunget_over = True
            vist = "; ".join(str(f) for f in fejl[:3]) + (f" (og {len(fejl) - 3} fejl mere)" if len(fejl) > 3 else "")
            udfald.fejl = f"ikke dannet, fordi valideringen fandt fejl: {vist}"
            return udfald
        if dok.type != "uddannelsesprogram":
            udfald.sprunget_over = True
            udfald.fejl = f"ikke et uddannelsesprogram, men en {dok.type}"
            return udfald
        program = dok.model
        mb = self.katalog.målbeskrivelse(program.målbeskrivelse)
        skabelon = self.katalog.skabelon(program.skabelon)
        if mb is None or skabelon is None:  # validation reports these; guard anyway
            udfald.fejl = "målbeskrivelsen eller den nationale skabelon findes ikke"
            return udfald
        ref = program.målbeskrivelse
        udfald._afh = (mb.fil, (ref.speciale, str(ref.fase), ref.version), program.skabelon)
        try:
            ctx = build_context(program, mb.model, skabelon.model)
            navn = filnavn(program)
            udfald.navn = f"{navn.region}/{navn.navn}"
            sti = lambda ext: safe_output_path(out, [navn.region, navn.navn], ext)  # noqa: E731
            docx_bytes = None
            if "docx" in formater or "pdf" in formater:
                ansvar = program.ansvar
                core = CoreProperties(
                    title=program.titel,
                    author=ansvar.godkendt_af or (ansvar.udarbejdet_af[0].navn if ansvar.udarbejdet_af else ""),
                    subject=ctx["program"]["emne"],
                    keywords=f"uddannelsesprogram; {mb.model.speciale}; {program.målbeskrivelse.fase}; "
                             f"målbeskrivelse {mb.model.version}",
                    created=ansvar.godkendt_dato or mb.model.gyldig_fra,
                )
                docx_bytes = self.docx_skabelon(program.skabelon).render(ctx, core)
            if "html" in formater:
                html = self.html_skabelon(program.skabelon).render(ctx)
            # Write only after every format rendered: a template error leaves no partial set.
            if "docx" in formater:
                udfald.filer.append(write_atomic(sti(".docx"), docx_bytes))
            if "html" in formater:
                udfald.filer.append(write_atomic(sti(".html"), html))
            if "pdf" in formater:
                udfald._docx = docx_bytes
        except (RenderError, UnsafeOutputPath) as exc:
            udfald.fejl = str(exc)
        except OSError as exc:
            udfald.fejl = f"kunne ikke skrive output: {exc.strerror or exc}"
        return udfald


def programfiler(stier: Iterable[Path], rod: Path) -> list[Path]:
    """Expand folders into their YAML files; with no paths, every programme in the repository's folder."""
    from ..catalog import Katalog, yaml_filer

    if not list(stier):
        standard = Katalog(Path(rod)).programmappe
        if not standard.is_dir():
            raise RenderError(f"Ingen programmer angivet, og {standard} findes ikke. "
                              "Angiv programfiler eller -mapper, eller brug --rod.")
        stier = [standard]
    ud: list[Path] = []
    for s in stier:
        ud.extend(yaml_filer(s) if Path(s).is_dir() else [Path(s)])
    return ud


# -------------------------------------------------------------- batch

_WORKER: Renderer | None = None


def _init_worker(rod: Path, dato: date | None) -> None:
    global _WORKER
    _sigterm_som_ctrl_c()
    _WORKER = Renderer(rod, dato)  # templates compile lazily, once per worker process


def _afbryd(signum, frame) -> None:
    raise KeyboardInterrupt


def _sigterm_som_ctrl_c():
    """Let SIGTERM (a cancelled CI job, `timeout`, a service stop) end a batch the way Ctrl-C does.

    By default SIGTERM kills the process on the spot, so a file being written stays behind as a temp
    file; as a KeyboardInterrupt, write_atomic removes it. Only in the main thread and only when nobody
    installed a handler. Returns the handler to restore, or None when nothing was changed.
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) != signal.SIG_DFL:
        return None
    return signal.signal(signal.SIGTERM, _afbryd)


def _work(args: tuple[Path, tuple[str, ...], Path]) -> Udfald:
    fil, formater, out = args
    assert _WORKER is not None
    return _WORKER.render_fil(fil, formater, out)


def render_programmer(
    stier: Iterable[Path] = (),
    formater: Sequence[str] = ("docx", "html"),
    out: Path = Path("build"),
    jobs: int | None = None,
    dato: date | None = None,
    rod: Path | None = None,
    fremskridt: Callable[[Udfald], None] | None = None,
    genbrug: bool = True,
) -> Renderresultat:
    """Render programmes (files or folders) into ``out``; see the module docstring.

    With ``genbrug`` (the default) a programme whose YAML, målbeskrivelse, national template and uddprog
    itself are unchanged since the last render into ``out`` is not rendered again (see ``cache``); its
    ``Udfald`` has ``uændret`` set.
    """
    from ..catalog import find_rod
    from .cache import Byggecache

    stier = [Path(s) for s in stier]
    rod = Path(rod) if rod else find_rod(stier[0] if stier else None)
    ukendte = [f for f in formater if f not in FORMATER]
    if ukendte:
        raise ValueError(f"Ukendt format: {', '.join(ukendte)} (kendte: {', '.join(FORMATER)})")
    filer = programfiler(stier, rod)
    out = Path(out)
    cache = Byggecache(out, rod, tuple(formater)) if genbrug else None
    resultat = Renderresultat()
    navne: dict[str, Path] = {}
    venter: list[Udfald] = []  # rendered, waiting for their PDF (converted in batches, memory stays bounded)

    def modtag(u: Udfald) -> None:
        if u.navn and u.ok:
            if u.navn in navne:
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

    # Unchanged programmes first: their names take part in the collision check like any other.
    opgaver = []
    for f in filer:
        post = cache.uændret(f) if cache else None
        if post is None:
            opgaver.append((f, tuple(formater), out))
        else:
            modtag(Udfald(Path(f), [out / n for n in post["filer"]], navn=post["navn"], uændret=True))
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(opgaver) or 1))
    tidligere_sigterm = _sigterm_som_ctrl_c()
    try:
        if not opgaver:
            pass
        elif jobs == 1:
            r = Renderer(rod, dato)
            for opgave in opgaver:
                modtag(r.render_fil(*opgave))
        else:
            with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(rod, dato)) as pool:
                for u in pool.map(_work, opgaver, chunksize=max(1, len(opgaver) // (jobs * 8))):
                    modtag(u)
        if venter:
            _pdf(venter, out, fremskridt)
    finally:
        if tidligere_sigterm is not None:
            import signal

            signal.signal(signal.SIGTERM, tidligere_sigterm)
        if cache is not None:
            for u in resultat.udfald:
                if u.uændret:
                    continue
                if u.ok and u._afh and u.navn:
                    cache.husk(u.kilde, *u._afh, u.navn, u.filer)
                else:
                    cache.glem(u.kilde)
                u._afh = None
            cache.gem()
    return resultat


def _pdf(parti: list[Udfald], out: Path, fremskridt) -> None:
    """Convert one batch of rendered programmes to PDF with a single LibreOffice start."""
    from .pdf import PdfError, docx_to_pdf_many
    from .writer import safe_output_path

    klar = [u for u in parti if u.ok and u._docx is not None]
    mål = [(u._docx, safe_output_path(out, u.navn.split("/"), ".pdf")) for u in klar]
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
        u._docx = None
        if fremskridt:
            fremskridt(u)
