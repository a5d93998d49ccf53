"""`uddprog import DOC.docx --opdater PROGRAM.yaml`: the editable Word document back into its YAML file
(a thin layer over :mod:`uddprog.importer.opdatering`)."""

from __future__ import annotations

import difflib
from datetime import date
from pathlib import Path

import click

from ..catalog import Katalog
from ..fejl import UddprogFejl
from ..rod import find_rod
from ..skriv import write_atomic


def _vist(sti: Path) -> str:
    """A path relative to the working folder when it lies inside it (as git shows it)."""
    try:
        return Path(sti).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(sti)


def _antal(n: int, ental: str, flertal: str) -> str:
    return f"{n} {ental if n == 1 else flertal}"


def opdater_cmd(ctx: click.Context, dokument: Path, program: Path, afvis_sporede: bool, vis: bool,
                redline: Path | None, dato: date | None, rod: Path | None) -> None:
    """Apply the fields changed in ``dokument`` to ``program``; print what, and the diff. Exits."""
    from ..importer.opdatering import opdater, skriv  # lazy: as above
    from ..importer.pakke import læs_fil  # lazy: as above

    katalog = Katalog(rod) if rod else Katalog(find_rod(program))
    try:
        o = opdater(læs_fil(dokument), str(dokument), program, katalog, afvis_sporede, dato)
    except UddprogFejl as e:  # an unreadable document or programme: said in Danish, nothing written
        click.echo(f"Fejl: {e}", err=True)
        ctx.exit(e.exitkode)
    navn = _vist(program)
    kilde = o.kilde
    if o.ændret_siden:
        hvor = f" (commit {kilde.commit[:10]})" if kilde.commit else ""
        click.echo(f"{navn} er ændret, siden {dokument.name} blev dannet{hvor}: ændringerne fra Word flettes ind i "
                   "filen, som den er nu; felter, der er ændret begge steder, står som konflikter.")
    for n in o.noter:
        click.echo(f"  note: {n}")
    for æ in o.ændringer:
        click.echo(f"  {navn}:{æ.linje}: ændret «{æ.felt.alias}» ({æ.felt.tag})")
    for k in o.konflikter:
        click.echo(f"  konflikt: «{k.felt.alias}» ({k.felt.tag}): {k.grund}")
    for f in o.fund:
        click.echo(f"  fund: {f}")
    if o.ny_tekst != o.gammel_tekst:
        click.echo("".join(difflib.unified_diff(o.gammel_tekst.splitlines(True), o.ny_tekst.splitlines(True),
                                                f"a/{navn}", f"b/{navn}")), nl=False)
    if o.valideringsfejl:
        click.echo(f"{navn}: ikke opdateret: ændringerne ville give {_antal(len(o.valideringsfejl), 'ny fejl', 'nye fejl')}"
                   " (ret dem i Word-dokumentet, og importér det igen):", err=True)
        for f in o.valideringsfejl:
            click.echo(f"  {f}", err=True)
        ctx.exit(1)
    if not o.ændringer:
        click.echo(f"{navn}: intet at opdatere fra {dokument.name}"
                   + (f" ({_antal(len(o.konflikter), 'konflikt', 'konflikter')})" if o.konflikter else "") + ".")
        ctx.exit(o.exitkode)
    if redline is not None:
        try:
            _redline(o, redline, katalog)
        except UddprogFejl as e:
            click.echo(f"Fejl: {e}", err=True)
            ctx.exit(e.exitkode)
    if vis:
        click.echo(f"{navn}: {_antal(len(o.ændringer), 'felt', 'felter')} ville blive opdateret (vist, ikke skrevet).")
    else:
        try:
            skriv(o)
        except UddprogFejl as e:
            click.echo(f"Fejl: {e}", err=True)
            ctx.exit(e.exitkode)
        click.echo(f"{navn}: {_antal(len(o.ændringer), 'felt', 'felter')} opdateret fra {dokument.name}"
                   + (f"; {_antal(len(o.konflikter), 'konflikt', 'konflikter')} og "
                      f"{_antal(len(o.fund), 'fund', 'fund')} at se på" if o.konflikter or o.fund else "") + ".")
        click.echo(f"Se ændringerne med 'git diff {navn}', giv udvalget dem med 'uddprog diff --siden HEAD {navn} "
                   "--format docx --out revision.docx', og commit.")
    ctx.exit(o.exitkode)


def _redline(o, ud: Path, katalog: Katalog) -> None:
    """The programme before and after as Word, with the update as tracked changes (for the committee)."""
    from ..importer.opdatering import OpdateringsFejl  # lazy: as above
    from ..loading import indlæs  # lazy: as above
    from ..render import Renderer  # lazy: Word only when asked for
    from ..render.redline import redline_docx  # lazy: as above

    renderer = Renderer(katalog.rod)
    try:
        før = renderer.docx(indlæs(o.fil, tekst=o.gammel_tekst.removeprefix("\ufeff")).model)
        efter = renderer.docx(indlæs(o.fil, tekst=o.ny_tekst.removeprefix("\ufeff")).model)
        write_atomic(ud, redline_docx(før, efter))
    except OSError as e:
        raise OpdateringsFejl(f"Kan ikke skrive '{ud}' ({e.strerror or e}).") from None
    click.echo(f"Word-dokumentet med ændringerne som sporede ændringer er skrevet til {ud}.", err=True)
