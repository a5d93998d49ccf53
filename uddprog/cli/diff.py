"""`uddprog diff` and `uddprog status`: a thin layer over :mod:`uddprog.diff`."""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path

import click

from ..catalog import Katalog
from ..config import find
from ..output import Rapport, skriv
from ..output.github import sammendrag
from ..rod import find_rod
from ..skriv import write_atomic
from .programdiff import er_program, programdiff, skriv_rapport
from .valg import ingen_repository, rod_option

#: The CI formats of uddprog.output, shared with `uddprog validate`: one finding per hit in a programme.
CI_FORMATER = ("github", "gitlab", "sarif", "junit")


def _dato(tekst: str | None) -> date:
    from ..diff.inputs import DiffFejl  # lazy: the diff engine (pydantic, PyYAML) only when the command runs

    if not tekst:
        return date.today()
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        raise DiffFejl(f"--dato '{tekst}' er ikke en dato på formen ÅÅÅÅ-MM-DD.") from None


def _farve(out: Path | None) -> bool:
    return out is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


# Parsed by _dato, not click.DateTime: a bad date is then a DiffFejl like every other bad input ("Fejl: …").
_dato_option = click.option("--dato", default=None, metavar="ÅÅÅÅ-MM-DD",
                            help="Dato som frister sammenlignes med; standard er i dag.")

@click.command()
@click.argument("gammel", metavar="OLD")
@click.argument("ny", metavar="NEW", required=False)
@click.option("--programmes", "programmappe", type=click.Path(path_type=Path), default=None,
              metavar="STI",
              help="Mappe med uddannelsesprogrammer eller én programfil (standard: examples/ i projektmappen).")
@click.option("--format", "format_", type=click.Choice(["text", "markdown", "html", "json", "docx", *CI_FORMATER]),
              default="text", show_default=True,
              help="text, markdown, html, json; til CI: github, gitlab, sarif, junit (et fund pr. sted i et "
                   "program som ændringen rammer); docx: det nye program (eller den nye målbeskrivelses "
                   "kompetencer) med Words sporede ændringer.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Skriv rapporten til en fil (atomisk) i stedet for til skærmen.")
@click.option("--siden", default=None, metavar="REV",
              help="Sammenlign programmet OLD med samme fil i git-revisionen REV (fx det godkendte tag).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "none"]), default=None,
              help="Laveste alvor der giver exitkode 1, når ændringen rammer et program "
                   "(standard: [diff] fail_on i uddprog.toml, ellers error).")
@_dato_option
@rod_option
@click.pass_context
def diff(ctx, gammel, ny, programmappe, format_, out, fail_on, dato, rod, siden):
    """Vis hvad der er ændret fra målbeskrivelsen OLD til NEW, og hvilke programmer der skal revideres hvor.

    OLD og NEW er filer eller henvisninger på formen speciale/fase@version,
    fx neurologi/hoveduddannelse@2011. To programfiler (eller én med --siden REV)
    viser i stedet, hvad der er ændret i programmet (exitkode 0 ingen ændringer,
    1 ændringer, 2 forkert input).

    Exitkode 0: ingen ændring ved eller over --fail-on rammer et program (også når
    intet program bygger på OLD); 1: mindst én gør; 2: forkert input.
    """
    from ..checks.anvendelse import tjek  # lazy: the diff engine (pydantic, PyYAML) only when the command runs
    from ..diff.inputs import DiffFejl  # lazy: the diff engine (pydantic, PyYAML) only when the command runs

    if siden or (er_program(gammel) and (ny is None or er_program(ny))):
        if format_ in CI_FORMATER:
            click.echo(f"Fejl: --format {format_} findes kun for målbeskrivelser; brug text, markdown, html, "
                       "json eller docx for programmer.", err=True)
            ctx.exit(2)
        programdiff(ctx, gammel, ny, siden, format_, out, rod)
        return
    konfig = tjek(find(Path(gammel) if Path(gammel).exists() else None))
    if konfig.fejl:
        for f in konfig.fejl:
            click.echo(str(f), err=True)
        ctx.exit(2)
    fail_on = fail_on or konfig.diff.get("fail_on", "error")
    try:
        if ny is None:
            raise DiffFejl("Angiv både OLD og NEW (to målbeskrivelser), eller ét program med --siden REV.")
        if format_ == "docx" and out is None:
            raise DiffFejl("--format docx kræver --out FIL.docx (et Word-dokument skrives ikke til skærmen).")
        rapport = _lav_rapport(gammel, ny, programmappe, _dato(dato), rod)
        if format_ == "docx":
            _skriv_mb_docx(rapport, out)
        else:
            skriv_rapport(_formatér(rapport, format_, fail_on, _farve(out)), out)
    except DiffFejl as e:
        click.echo(f"Fejl: {e}", err=True)
        ctx.exit(2)
    ctx.exit(rapport.exitkode(fail_on))


def _lav_rapport(gammel: str, ny: str, programmappe: Path | None, dato: date, rod: Path | None):
    from ..diff import (  # lazy: the diff engine (pydantic, PyYAML) only when the command runs
        Diffrapport,
        påvirkning,
        sammenlign,
    )
    from ..diff.impact import mb_nøgle  # lazy: the diff engine (pydantic, PyYAML) only when the command runs
    from ..diff.inputs import (  # lazy: the diff engine (pydantic, PyYAML) only when the command runs
        find_par,
        programmer_for,
    )

    start = Path(gammel) if Path(gammel).exists() else None
    katalog = Katalog(rod) if rod else Katalog(find_rod(start))
    g, n = find_par(gammel, ny, katalog)
    if programmappe is None and katalog.programmappe.is_dir():
        programmappe = katalog.programmappe
    gm = g.model
    programmer = programmer_for(programmappe, mb_nøgle(gm.speciale, gm.fase, gm.version)) if programmappe else []
    sæt = sammenlign(g, n)
    skabeloner = {id: d.model for id, d in katalog.skabeloner.items()}
    return Diffrapport(sæt, tuple(påvirkning(sæt, programmer, skabeloner, dato)), dato, programmappe)


def _skriv_mb_docx(rapport, out: Path) -> None:
    """The new målbeskrivelse's competencies as Word, with tracked changes against the old version."""
    from ..diff.inputs import DiffFejl  # lazy: the diff engine (pydantic, PyYAML) only when the command runs
    from ..render.maalbeskrivelse_docx import mb_docx  # lazy: Word (lxml) only for --format docx
    from ..render.redline import redline_docx  # lazy: the diff engine (pydantic, PyYAML) only when the command runs

    g, n = rapport.sæt.gammel.model, rapport.sæt.ny.model
    dato = f"{n.gyldig_fra.isoformat()}T00:00:00Z"
    try:
        write_atomic(out, redline_docx(mb_docx(g), mb_docx(n), dato))
    except OSError as e:
        raise DiffFejl(f"Kan ikke skrive '{out}' ({e.strerror or e}).") from None
    click.echo(f"Word-dokumentet med sporede ændringer er skrevet til {out}.", err=True)


def _formatér(rapport, format_: str, fail_on: str, farve: bool) -> str:
    if format_ in CI_FORMATER:
        from ..checks import REGISTER  # lazy: the diff engine (pydantic, PyYAML) only when the command runs
        from ..diff.changes import ÆNDRINGSTYPER  # lazy: the diff engine (pydantic, PyYAML) only when the command runs
        from ..diff.rapport import som_fund  # lazy: the diff engine (pydantic, PyYAML) only when the command runs

        fund, filer = som_fund(rapport)
        ci = Rapport(fund, filer, fail_on if fail_on != "none" else "error", "uddprog diff",
                     regler={**REGISTER, **ÆNDRINGSTYPER})
        if format_ == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
            with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as f:
                f.write(sammendrag(ci))
        return skriv(format_, ci)
    if format_ == "json":
        from ..diff.rapport import som_json  # lazy: the diff engine (pydantic, PyYAML) only when the command runs
        return json.dumps(som_json(rapport, fail_on), ensure_ascii=False, indent=2) + "\n"
    if format_ == "html":
        from ..diff.html import som_html  # lazy: the diff engine (pydantic, PyYAML) only when the command runs
        return som_html(rapport)
    from ..diff.tekst import (  # lazy: the diff engine (pydantic, PyYAML) only when the command runs
        som_markdown,
        som_tekst,
    )
    return som_markdown(rapport) if format_ == "markdown" else som_tekst(rapport, farve)


@click.command()
@click.argument("mappe", metavar="[STI]", required=False, type=click.Path(path_type=Path))
@click.option("--format", "format_", type=click.Choice(["text", "json", "xlsx"]), default="text", show_default=True,
              help="text, json eller xlsx (et regneark med datoer som datoer; kræver --out).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Skriv til en fil (atomisk) i stedet for til skærmen.")
@_dato_option
@rod_option
@click.pass_context
def status(ctx, mappe, format_, dato, rod, out):
    """Vis programmernes målbeskrivelsesversion, nyere versioner, frister og godkendelse.

    Én linje pr. program. STI er en mappe med programmer eller én programfil; uden STI vises
    programmerne i mappens programmappe (examples/ eller 'programmer' i uddprog.toml). Exitkode 0,
    eller 2 ved forkert input.
    """
    from ..diff.inputs import (  # lazy: the diff engine (pydantic, PyYAML) only when the command runs
        DiffFejl,
        indlæs_programmer,
    )
    from ..diff.rapport import vis_sti  # lazy: the diff engine (pydantic, PyYAML) only when the command runs
    from ..diff.status import (  # lazy: the diff engine (pydantic, PyYAML) only when the command runs
        overgange,
        status as beregn,
        status_json,
        status_rækker,
    )

    if format_ == "xlsx" and out is None:
        raise click.UsageError("--format xlsx skriver et regneark; angiv filen med --out, fx --out status.xlsx.")
    try:
        d = _dato(dato)
        katalog = Katalog(rod) if rod else Katalog(find_rod(mappe))
        if mappe is None and not katalog.programmappe.is_dir():
            ingen_repository(ctx, "vise", katalog)
        linjer = beregn(indlæs_programmer(mappe or katalog.programmappe), katalog, d)
    except DiffFejl as e:
        click.echo(f"Fejl: {e}", err=True)
        ctx.exit(2)
    if format_ == "xlsx":
        from ..regneark import xlsx_bytes  # lazy: openpyxl only for the spreadsheet
        from ..visninger.regneark import status_ark  # lazy: as above

        write_atomic(out, xlsx_bytes([status_ark(linjer, vis_sti)], "Programmernes status", d))
        click.echo(f"Status er skrevet til {out}.", err=True)
        return
    if format_ == "json":
        tekst = json.dumps(status_json(linjer, d, vis_sti), ensure_ascii=False, indent=2) + "\n"
        if out is not None:
            write_atomic(out, tekst)
            return
        click.echo(tekst, nl=False)
        return
    rækker = status_rækker(linjer, vis_sti)
    bredder = [max(len(r[i]) for r in rækker) for i in range(len(rækker[0]))]
    if out is not None:
        linjer_ud = ["  ".join(c.ljust(b) for c, b in zip(række, bredder)).rstrip() for række in rækker]
        linjer_ud += [f"Overgang: {regel}" for regel in overgange(linjer)]
        write_atomic(out, "\n".join(linjer_ud) + "\n")
        return
    farve = _farve(None)
    for nr, række in enumerate(rækker):
        tekst = "  ".join(c.ljust(b) for c, b in zip(række, bredder)).rstrip()
        if farve and nr == 0:
            tekst = click.style(tekst, bold=True)
        elif farve and "OVERSKREDET" in tekst:
            tekst = click.style(tekst, fg="red")
        click.echo(tekst)
    for regel in overgange(linjer):
        click.echo(f"Overgang: {regel}")
    if not linjer:
        click.echo("Ingen programmer fundet.")
