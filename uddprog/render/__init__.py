"""Rendering of one uddannelsesprogram to DOCX and HTML (PDF through LibreOffice, ``pdf``).

:class:`Renderer` holds a repository's catalogue and compiled templates; ``render_fil`` validates one
programme, renders it and writes its files as one set. A batch of programmes, with its cache and output
folder, is ``uddprog.batch``::
    from uddprog.batch import render_programmer
    resultat = render_programmer([Path("examples")], formater=("docx", "html"), out=Path("build"))
    for u in resultat.udfald:
        print(u.kilde, u.filer or u.fejl)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Sequence

from ..catalog import Katalog
from ..config import find, læs
from ..findings import Severity
from ..fingeraftryk import filhash, versionsnøgle
from ..skriv import Skrivefejl, UnsafeOutputPath, safe_output_path, skriv_alle
from .errors import RenderError, TemplateFejl

#: "redigerbar": the editable Word document (render.redigerbar), <name>.redigerbar.docx.
FORMATER = ("docx", "html", "pdf", "redigerbar")
_VIS_FEJL = 10  # findings shown for a programme that was not rendered

__all__ = ["FORMATER", "RenderError", "Renderer", "TemplateFejl", "Udfald", "ikke_dannet"]


@dataclass
class Udfald:
    """What happened to one input file."""

    kilde: Path
    filer: list[Path] = field(default_factory=list)
    fejl: str | None = None  # Danish reason when nothing (or not everything) was written
    sprunget_over: bool = False  # not rendered because validation found errors
    navn: str | None = None  # <region>/<name>, for collision checks
    uændret: bool = False  # inputs, template and tool unchanged since the last render: nothing was done
    advarsler: list = field(default_factory=list)  # validation's warnings (Finding); they do not stop rendering
    # Every finding of the validation done for this file in this run (after the config's severities and
    # ignores), or None when it was not validated (unchanged, its recorded warnings still hold). A caller
    # that shows findings uses these instead of validating again.
    fund: list | None = None
    dok: object | None = field(default=None, repr=False)  # the loaded document, only when asked for (dokument=True)
    skrivefejl: bool = False  # failed only because the output could not be written (keeps its old files)
    andet_dokument: bool = False  # a målbeskrivelse or template, not a programme
    forbigået: bool = False  # another kind of document found in a folder: passed over, not a result
    # For the batch's PDF step and render cache:
    docx: bytes | None = field(default=None, repr=False)  # kept only when a PDF is wanted
    # (målbeskrivelse file, reference, template id, the shared parts it includes)
    afhængigheder: tuple | None = field(default=None, repr=False)
    datogrænser: list = field(default_factory=list, repr=False)  # where the date-dependent warnings change
    versioner: str | None = field(default=None, repr=False)  # fingeraftryk.versionsnøgle of its målbeskrivelse

    @property
    def ok(self) -> bool:
        return self.fejl is None


class Renderer:
    """The compiled templates and the catalog of one repository; build one per process."""

    def __init__(self, rod: Path, dato: date | None = None, konfigfil: Path | None = None) -> None:
        self.katalog = Katalog(Path(rod))
        # Severities and ignores decide what counts as an error here too: --config, else the repository's.
        self.konfig = læs(Path(konfigfil)) if konfigfil else find(Path(rod))
        self.dato = dato
        self._docx: dict = {}
        self._html: dict = {}
        self._html_env = None
        self._versionsmemo: tuple = (None, {}, {})  # (catalog, key per specialty and phase, file hashes)

    def docx_skabelon(self, skabelon_id: str):
        from .docx import CompiledDocx  # lazy: Word (lxml, docxtpl) only when a document is made

        if skabelon_id not in self._docx:
            # The first layer with the file wins: a region's own Word layout over the shipped one.
            self._docx[skabelon_id] = CompiledDocx(self.katalog.skabelonfil(skabelon_id, "program.docx"))
        return self._docx[skabelon_id]

    def html_skabelon(self, skabelon_id: str):
        from .html import CompiledHtml, make_environment  # lazy: jinja2 only when a page is made

        if skabelon_id not in self._html:
            mapper = self.katalog.skabelonmapper or [self.katalog.skabelonfil()]
            if self._html_env is None:
                self._html_env = make_environment(mapper)
            self._html[skabelon_id] = CompiledHtml(mapper, skabelon_id, self._html_env)
        return self._html[skabelon_id]

    def _docx_bytes(self, program, mb, ctx) -> bytes:
        return self.docx_skabelon(program.skabelon).render(ctx, _kerneegenskaber(program, mb, ctx))

    def docx(self, program) -> bytes:
        """One loaded programme (not validated here) as DOCX bytes; RenderError when its references are missing."""
        from .context import build_context  # lazy: the models and Markdown only when a document is made

        mb = self.katalog.målbeskrivelse(program.målbeskrivelse)
        skabelon = self.katalog.skabelon(program.skabelon)
        if mb is None or skabelon is None:
            raise RenderError("målbeskrivelsen eller den nationale skabelon findes ikke")
        return self._docx_bytes(program, mb.model, build_context(program, mb.model, skabelon.model))

    def redigerbar(self, dok) -> bytes:
        """One loaded programme (not validated here) as the editable Word document (``render.redigerbar``)."""
        from .redigerbar import kilde_for, redigerbar_docx  # lazy: Word (lxml, docxtpl) only when a document is made

        # A section joined from shared parts is not the programme's to edit: an edit in Word would copy the shared
        # text into the programme (and print it twice); the shared part is edited in its own file.
        fælles = frozenset(sti[1] for sti, dele in dok.dele.items()
                           if sti[0] == "sektioner" and any(d.fil != dok.fil for d in dele))
        return redigerbar_docx(self, dok.model, kilde_for(dok.fil, self.katalog.rod), fælles)

    def valider(self, fil: Path) -> tuple:
        """Load and check one file as rendering does: (document or None, findings after the config's
        severities and ignores; C-findings are about the config itself, not this file)."""
        from .. import checks  # lazy: validation (pydantic, PyYAML) only when a programme is checked
        from ..checks.anvendelse import anvend  # lazy: as above

        dok, fund = checks.valider_fil(Path(fil), self.katalog, self.dato)
        return dok, [f for f in anvend(fund, [], self.konfig, self.dato) if not f.check.startswith("C")]

    def advarsler(self, fil: Path, dokument: bool = False) -> tuple[Path, list, list[str], list, object, str | None]:
        """Validation's warnings for an unchanged programme validated again (a new date, a new version of its
        målbeskrivelse), with the dates they hold until, every finding, the document when ``dokument``
        (else None) and the fingerprint of its målbeskrivelse's versions (``fingeraftryk.versionsnøgle``)."""
        dok, fund = self.valider(fil)
        versioner = self._versionsnøgle(dok.model.målbeskrivelse) if dok is not None \
            and dok.type == "uddannelsesprogram" else None
        return (Path(fil), [f for f in fund if f.severity == Severity.WARNING], self._datogrænser(dok), fund,
                dok if dokument else None, versioner)

    def _datogrænser(self, dok) -> list[str]:
        """Where the programme's findings change with the date: its date-dependent checks, and the ignores
        of the config that can silence one of its findings expiring."""
        from ..checks.anvendelse import datogrænser as ignorer_udløber  # lazy: validation only when it runs
        from ..checks.kontekst import ProgramKontekst  # lazy: as above
        from ..checks.program import datogrænser  # lazy: as above

        if dok is None or dok.type != "uddannelsesprogram":
            return []
        grænser = set(datogrænser(ProgramKontekst(dok, self.katalog, self.dato or date.today())))
        grænser.update(ignorer_udløber(self.konfig, dok.fil))
        return [g.isoformat() for g in sorted(grænser)]

    def _versionsnøgle(self, ref) -> str:
        """``fingeraftryk.versionsnøgle`` of a reference's specialty and phase in this renderer's catalogue."""
        if self._versionsmemo[0] is not self.katalog:  # the site gives its renderer a new catalogue
            self._versionsmemo = (self.katalog, {}, {})
        _, nøgler, hashes = self._versionsmemo
        nøgle = (ref.speciale.casefold(), str(ref.fase))
        if nøgle not in nøgler:
            nøgler[nøgle] = versionsnøgle(self.katalog, ref.speciale, str(ref.fase), lambda f: filhash(f, hashes))
        return nøgler[nøgle]

    def render_fil(self, fil: Path, formater: Sequence[str], out: Path, dokument: bool = False) -> Udfald:
        """Validate, render and write one programme file. Never raises for bad input.

        The validation's findings are in ``Udfald.fund``, and with ``dokument`` the loaded document in
        ``Udfald.dok``, so a caller needs no validation of its own."""
        from .context import build_context, filnavn  # lazy: the models and Markdown only when a document is made

        udfald = Udfald(Path(fil))
        dok, fund = self.valider(fil)
        udfald.fund = fund
        if dokument:
            udfald.dok = dok
        fejl = [f for f in fund if f.severity == Severity.ERROR]
        udfald.advarsler = [f for f in fund if f.severity == Severity.WARNING]
        if dok is None or fejl:
            ikke_dannet(udfald, fejl)
            return udfald
        if dok.type != "uddannelsesprogram":
            from ..loading import ART  # lazy: the loader (pydantic) only on this path

            udfald.sprunget_over, udfald.andet_dokument = True, True
            udfald.fejl = f"ikke et uddannelsesprogram, men {ART[dok.type]}"
            return udfald
        program = dok.model
        mb = self.katalog.målbeskrivelse(program.målbeskrivelse)
        skabelon = self.katalog.skabelon(program.skabelon)
        if mb is None or skabelon is None:  # validation reports these; guard anyway
            udfald.fejl = "målbeskrivelsen eller den nationale skabelon findes ikke"
            return udfald
        ref = program.målbeskrivelse
        udfald.afhængigheder = (mb.fil, (ref.speciale, str(ref.fase), ref.version), program.skabelon,
                                tuple(d.fil for d in dok.programdele))
        udfald.datogrænser = self._datogrænser(dok)
        udfald.versioner = self._versionsnøgle(ref)
        try:
            ctx = build_context(program, mb.model, skabelon.model)
            navn = filnavn(program)
            udfald.navn = f"{navn.region}/{navn.navn}"
            sti = lambda ext: safe_output_path(out, [navn.region, navn.navn], ext)  # noqa: E731
            docx_bytes = None
            if "docx" in formater or "pdf" in formater:
                docx_bytes = self._docx_bytes(program, mb.model, ctx)
            if "html" in formater:
                html = self.html_skabelon(program.skabelon).render(ctx)
            # Write only after every format rendered, and all as one step: a template error or a full
            # disk leaves no partial set.
            filer = {}
            if "docx" in formater:
                filer[sti(".docx")] = docx_bytes
            if "html" in formater:
                filer[sti(".html")] = html
            if "redigerbar" in formater:
                filer[sti(".redigerbar.docx")] = self.redigerbar(dok)
            udfald.filer.extend(skriv_alle(filer))
            if "pdf" in formater:
                udfald.docx = docx_bytes
        except (RenderError, UnsafeOutputPath) as exc:
            udfald.fejl = str(exc)
        except OSError as exc:
            udfald.fejl, udfald.skrivefejl = str(exc if isinstance(exc, Skrivefejl) else Skrivefejl(out, exc, mappe=True)), True
        return udfald


def ikke_dannet(udfald: Udfald, fejl: list) -> None:
    """Mark a programme not rendered because validation found errors, with the first of them."""
    udfald.sprunget_over = True
    vist = "".join(f"\n  {f}" for f in fejl[:_VIS_FEJL]) + (
        f"\n  … og {len(fejl) - _VIS_FEJL} fejl mere (kør 'uddprog validate {udfald.kilde}')"
        if len(fejl) > _VIS_FEJL else "")
    udfald.fejl = f"ikke dannet, fordi valideringen fandt {len(fejl)} fejl:{vist}"


def _kerneegenskaber(program, mb, ctx):
    from .docx import CoreProperties  # lazy: Word (lxml, docxtpl) only when a document is made

    ansvar = program.ansvar
    return CoreProperties(
        title=program.titel,
        author=ansvar.godkendt_af or (ansvar.udarbejdet_af[0].navn if ansvar.udarbejdet_af else ""),
        subject=ctx["program"]["emne"],
        keywords=f"uddannelsesprogram; {mb.speciale}; {program.målbeskrivelse.fase}; "
                 f"målbeskrivelse {mb.version}",
        created=ansvar.godkendt_dato or mb.gyldig_fra,
    )


