"""`uddprog diff` for two versions of one programme (files, or a file against a git revision with --siden)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click

from ..render import Renderer
from ..render.errors import RenderError
from ..rod import find_rod
from ..skriv import write_atomic

_PROGRAMNØGLE = re.compile(r"^(kompetenceplan|ansættelser)\s*:", re.M)


def er_program(arg: str | None) -> bool:
    """Whether ``arg`` names a programme file (the keys the loader tells a programme by; the load decides)."""
    if not arg:
        return False
    sti = Path(arg)
    try:
        return sti.is_file() and bool(_PROGRAMNØGLE.search(sti.read_text(encoding="utf-8", errors="replace")))
    except OSError:
        return False


def skriv_rapport(indhold: str, out: Path | None) -> None:
    """The report on standard output, or atomically into ``out``."""
    from ..diff.inputs import DiffFejl  # lazy: the diff engine (pydantic, PyYAML) only when the command runs

    if out is None:
        click.echo(indhold, nl=False)
        return
    try:
        write_atomic(out, indhold)
    except OSError as e:
        raise DiffFejl(f"Kan ikke skrive '{out}' ({e.strerror or e}).") from None
    click.echo(f"Rapporten er skrevet til {out}.", err=True)


def _indlæs(fil: Path, tekst: str | None, navn: str, læs_del=None):
    from ..diff.inputs import DiffFejl  # lazy: the diff engine (pydantic, PyYAML) only when the command runs
    from ..loading import LoadError, indlæs  # lazy: the diff engine (pydantic, PyYAML) only when the command runs

    try:
        dok = indlæs(fil, tekst=tekst, læs_del=læs_del)
    except LoadError as e:
        raise DiffFejl(f"{navn} kan ikke læses:\n" + "\n".join(f"  {f}" for f in e.fund)) from None
    if dok.type != "uddannelsesprogram":
        raise DiffFejl(f"{navn} er en {dok.type}, ikke et uddannelsesprogram.")
    return dok


def programdiff(ctx, gammel: str, ny: str | None, siden: str | None, format_: str, out: Path | None,
                rod: Path | None) -> None:
    """Compare two programme versions and write the report; exit 0 no change, 1 changes, 2 bad input."""
    from ..diff.inputs import DiffFejl  # lazy: the diff engine (pydantic, PyYAML) only when the command runs
    from ..diff.programdiff import (  # lazy: the diff engine (pydantic, PyYAML) only when the command runs
        git_tekst,
        sammenlign_programmer,
        som_html,
        som_json,
        som_tekst,
    )
    from ..diff.rapport import vis_sti  # lazy: the diff engine (pydantic, PyYAML) only when the command runs

    try:
        if siden:
            if ny is not None:
                raise DiffFejl("Med --siden angives kun én fil: programmet, der sammenlignes med sig selv i revisionen.")
            fil = Path(gammel)
            if not fil.is_file():
                raise DiffFejl(f"Filen '{fil}' findes ikke.")
            # Its shared parts as they were in the revision too: the old programme as its readers read it.
            g = _indlæs(fil, git_tekst(fil, siden), f"'{fil}' i revision '{siden}'",
                        læs_del=lambda del_: git_tekst(del_, siden))
            n = _indlæs(fil, None, f"'{fil}'")
            navn = f"{vis_sti(fil)} @ {siden}"
        else:
            if ny is None:
                raise DiffFejl("Angiv to programfiler (OLD og NEW) eller én fil med --siden REV.")
            for a in (gammel, ny):
                if not Path(a).is_file():
                    raise DiffFejl(f"Filen '{a}' findes ikke.")
            if Path(gammel).resolve() == Path(ny).resolve():
                raise DiffFejl(f"OLD og NEW er den samme fil ({gammel}). Brug --siden REV for at sammenligne "
                               "med en tidligere version i git.")
            g, n = _indlæs(Path(gammel), None, f"'{gammel}'"), _indlæs(Path(ny), None, f"'{ny}'")
            navn = vis_sti(Path(gammel))
        d = sammenlign_programmer(g, n, navn)
        if format_ == "docx":
            if out is None:
                raise DiffFejl("--format docx kræver --out FIL.docx (et Word-dokument skrives ikke til skærmen).")
            _skriv_docx(g, n, out, rod)
            ctx.exit(d.exitkode)
        if format_ == "json":
            indhold = json.dumps(som_json(d), ensure_ascii=False, indent=2) + "\n"
        elif format_ == "html":
            indhold = som_html(d)
        else:
            indhold = som_tekst(d, markdown=format_ == "markdown")
        skriv_rapport(indhold, out)
    except DiffFejl as e:
        click.echo(f"Fejl: {e}", err=True)
        ctx.exit(2)
    ctx.exit(d.exitkode)


def _skriv_docx(g, n, out: Path, rod: Path | None) -> None:
    from ..diff.inputs import DiffFejl  # lazy: the diff engine (pydantic, PyYAML) only when the command runs
    from ..render.redline import (  # lazy: the diff engine (pydantic, PyYAML) only when the command runs
        STANDARDDATO,
        redline_docx,
    )

    renderer = Renderer(rod or find_rod(n.fil))
    try:
        gammel, ny = renderer.docx(g.model), renderer.docx(n.model)
    except RenderError as e:
        raise DiffFejl(f"Programmet kan ikke dannes som Word-dokument: {e}") from None
    r = n.model.ansvar.revision
    dato = f"{r.dato.isoformat()}T00:00:00Z" if r is not None else STANDARDDATO
    try:
        write_atomic(out, redline_docx(gammel, ny, dato))
    except OSError as e:
        raise DiffFejl(f"Kan ikke skrive '{out}' ({e.strerror or e}).") from None
    click.echo(f"Word-dokumentet med sporede ændringer er skrevet til {out}.", err=True)
