"""`uddprog migrate`: a thin layer over :mod:`uddprog.migrate`."""

from __future__ import annotations

import difflib
from pathlib import Path

import click

from ..catalog import Katalog
from ..rod import find_rod, yaml_filer
from .valg import rod_option


def _antal(n: int, ental: str, flertal: str) -> str:
    return f"{n} {ental if n == 1 else flertal}"


@click.command()
@click.argument("stier", metavar="PROGRAM…", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--til", "til", default=None, metavar="VERSION",
              help="Målbeskrivelsens version der skal revideres til (standard: den nyeste).")
@click.option("--vis", is_flag=True, help="Vis rettelserne som unified diff og skriv intet.")
@click.option("--dato", default=None, metavar="ÅÅÅÅ-MM-DD", help="Revisionens dato; standard er i dag.")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Antal processer (standard: alle kerner fra 200 filer).")
@rod_option
@click.pass_context
def migrate(ctx, stier, til, vis, dato, jobs, rod):
    """Revidér programmer til en nyere version af deres målbeskrivelse.

    PROGRAM er en fil eller en mappe (alle programmer i den). Alt, hvad en maskine kan
    afgøre, rettes i YAML-filen; resten står som UDFYLD eller nævnes som beslutninger.
    Alle andre tegn i filen bevares. Revisionen noteres i ansvar.revision som afventende
    godkendelse.

    Exitkode 0: intet at gøre eller revideret uden beslutninger tilbage; 1: revideret,
    men med beslutninger til forfatteren; 2: forkert input.
    """
    from datetime import date

    from ..diff.rapport import vis_sti  # lazy: pydantic, yaml only when this runs
    from ..migrate import FEJL, INTET, migrér_alle  # lazy: pydantic, yaml only when this runs

    try:
        d = date.fromisoformat(dato) if dato else date.today()
    except ValueError:
        click.echo(f"Fejl: --dato '{dato}' er ikke en dato på formen ÅÅÅÅ-MM-DD.", err=True)
        ctx.exit(2)
    filer: list[Path] = []
    for sti in stier:
        if sti.is_dir():
            filer.extend(yaml_filer(sti))
        elif not sti.exists():
            click.echo(f"Fejl: '{sti}' findes ikke.", err=True)
            ctx.exit(2)
        else:
            filer.append(sti)
    katalog = Katalog(rod) if rod else Katalog(find_rod(stier[0]))
    navngivne = {s for s in stier if not s.is_dir()}
    kode = 0
    ændrede = beslutninger = intet = 0
    for m, skrivefejl in migrér_alle(filer, katalog, til, d, vis, jobs):
        fil = m.fil
        navn = vis_sti(fil)
        if m.status == FEJL:
            if m.ikke_program and fil not in navngivne:
                continue  # a målbeskrivelse or template in a folder of programmes: not ours to revise
            click.echo(f"{navn}: fejl: {m.besked}", err=True)
            for f in m.fund:
                click.echo(f"  {f}", err=True)
            kode = 2
            continue
        if m.status == INTET:
            intet += 1
            if fil in navngivne:  # in a folder most programmes are up to date: counted, not listed
                click.echo(f"{navn}: intet at gøre. {m.besked}")
            continue
        if skrivefejl:
            click.echo(f"{navn}: fejl: {skrivefejl}", err=True)
            kode = 2
            continue
        ændrede += 1
        beslutninger += len(m.beslutninger)
        click.echo(f"{navn}: revideret fra version {m.fra_version} til {m.til_version}"
                   + (" (vist, ikke skrevet)" if vis else "") + ".")
        if vis:
            click.echo("".join(difflib.unified_diff(m.gammel_tekst.splitlines(True), m.ny_tekst.splitlines(True),
                                                    f"a/{navn}", f"b/{navn}")), nl=False)
        for overskrift, punkter in (("Rettet", m.rettelser), ("Til forfatteren", m.beslutninger),
                                    ("Til gennemsyn", m.noter)):
            if punkter:
                click.echo(f"  {overskrift}:")
                for p in punkter:
                    click.echo(f"    {navn}:{p.linje}: {p.mærke.id if p.mærke.id != 'revision' else 'revision'} "
                               f"{p.mærke.tekst}")
        kode = max(kode, m.exitkode)
    click.echo(f"{_antal(ændrede, 'program', 'programmer')} revideret"
               + (" (intet skrevet)" if vis and ændrede else "")
               + f"; {_antal(beslutninger, 'beslutning', 'beslutninger')} til forfatteren"
               + (f"; {intet} allerede på den nyeste version" if intet and til is None else
                  f"; {intet} uden noget at gøre" if intet else "") + ".")
    if beslutninger and not vis:
        click.echo("Kør 'uddprog validate' for at se dem, der står som UDFYLD, og 'uddprog diff --siden' for at "
                   "se revisionen.")
    ctx.exit(kode)


@click.command()
@click.argument("stier", metavar="PROGRAM…", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--dato", default=None, metavar="ÅÅÅÅ-MM-DD", help="Godkendelsens dato; standard er i dag.")
@click.option("--af", default=None,
              help="Hvem der har godkendt, fx 'UGUP, Videreuddannelsesregion Nord' (standard: godkendes_af for "
                   "regionen i uddprog.toml).")
@click.option("--ret", is_flag=True,
              help="Ret den seneste godkendelse (--af og/eller --dato) i stedet for at tilføje en ny.")
@click.option("--delforløb", "delforloeb", default=None, metavar="ANSÆTTELSE",
              help="Ansættelsen godkendelsen gælder, hvor regionen godkender pr. delforløb (fx KBU i Syd).")
@rod_option
@click.pass_context
def godkend(ctx, stier, dato, af, ret, delforloeb, rod):
    """Notér en godkendelse af et program: første godkendelse, gengodkendelse eller en revision.

    Skriver godkendelsen i historikken ansvar.godkendelser og sætter godkendt_dato,
    godkendt_af og næste_revision efter skabelonens interval; en revision fra
    'uddprog migrate' markeres som godkendt, og 'status: udkast' slettes. Uden --af
    bruges godkendes_af for regionen i uddprog.toml. Med --ret rettes den seneste
    godkendelse i stedet. Alle andre tegn i filen bevares. Exitkode 0, eller 2 ved
    forkert input.
    """
    from datetime import date

    from ..diff.rapport import vis_sti  # lazy: pydantic, yaml only when this runs
    from ..migrate import FEJL, MigreringsFejl, skriv  # lazy: pydantic, yaml only when this runs
    from ..migrate.godkend import godkend as godkend_fil  # lazy: pydantic, yaml only when this runs

    try:
        d = date.fromisoformat(dato) if dato else None
    except ValueError:
        click.echo(f"Fejl: --dato '{dato}' er ikke en dato på formen ÅÅÅÅ-MM-DD.", err=True)
        ctx.exit(2)
    katalog = Katalog(rod) if rod else Katalog(find_rod(stier[0]))
    kode = 0
    for fil in stier:
        if not fil.is_file():
            click.echo(f"Fejl: '{fil}' findes ikke eller er ikke en fil.", err=True)
            kode = 2
            continue
        m = godkend_fil(fil, katalog, d, af, ret=ret, delforløb=delforloeb)
        navn = vis_sti(fil)
        if m.status == FEJL:
            click.echo(f"{navn}: fejl: {m.besked}", err=True)
            for f in m.fund:
                click.echo(f"  {f}", err=True)
            kode = 2
            continue
        try:
            skriv(m)
        except MigreringsFejl as e:
            click.echo(f"{navn}: fejl: {e}", err=True)
            kode = 2
            continue
        click.echo(f"{navn}: {'rettet' if ret else 'godkendt'}.")
        for p in m.rettelser:
            click.echo(f"    {navn}:{p.linje}: {p.mærke.tekst}")
    ctx.exit(kode)
