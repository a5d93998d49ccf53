"""`uddprog stats`: a thin layer over :mod:`uddprog.stats`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..catalog import Katalog
from ..findings import Severity
from ..rod import er_repository
from ..skriv import write_atomic
from .valg import config_option, ingen_repository, læs_konfig, rod_option, udkast_option

FORMATER = ("text", "csv", "json", "html")


def formatér(statistik, format_: str) -> str:
    if format_ == "json":
        from ..diff.rapport import vis_sti  # lazy: pydantic, yaml only when this runs
        return json.dumps(statistik.as_dict(lambda p: vis_sti(p)), ensure_ascii=False, indent=2) + "\n"
    if format_ == "csv":
        from ..stats.tabel import som_csv  # lazy: pydantic, yaml only when this runs
        return som_csv(statistik)
    if format_ == "html":
        from ..stats.html import som_html  # lazy: pydantic, yaml only when this runs
        return som_html(statistik)
    from ..stats.tekst import som_tekst  # lazy: pydantic, yaml only when this runs
    return som_tekst(statistik)


@click.command()
@click.argument("stier", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "format_", type=click.Choice(FORMATER), default="text", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Skriv til en fil (atomisk) i stedet for til skærmen.")
@click.option("--region", default=None, metavar="REGION", help="Kun én videreuddannelsesregion: Nord, Syd eller Øst.")
@click.option("--speciale", "specialer", multiple=True, metavar="SPECIALE", help="Kun dette speciale (kan gentages).")
@click.option("--fase", "faser", multiple=True, type=click.Choice(["kbu", "introduktion", "hoveduddannelse"]),
              help="Kun denne fase (kan gentages).")
@click.option("--aftaler", "aftalemappe", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Mappe med aftaler og mål (standard: aftaler/ i projektmappen).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Antal processer (standard: alle kerner fra 200 filer, ellers én).")
@udkast_option
@rod_option
@config_option
@click.pass_context
def stats(ctx, stier, format_, out, region, specialer, faser, aftalemappe, jobs, med_udkast, rod, konfigfil):
    """Tal over forløbene: måneder og årsværk pr. driftsregion, universitetshospitaler, aftaler og besættelse.

    Uden STIER tælles programmerne (examples/ eller 'programmer' i uddprog.toml) og
    rekrutteringsrunderne i rekruttering/;
    aftalerne i aftaler/ vurderes. Alvor og undtagelser læses fra uddprog.toml som i 'uddprog validate'.
    Udkast (programmer med 'status: udkast') tælles ikke med uden --med-udkast.
    Exitkode 0; 1 når filer med fejl er udeladt af tallene (fejlene står på stderr); 2 ved forkert input,
    fejl i konfigurationen, eller når intet kan tælles.
    """
    from ..stats import StatsFejl, beregn  # lazy: pydantic, yaml only when this runs

    konfig = læs_konfig(ctx, konfigfil, Path(stier[0]) if stier else rod)
    katalog = Katalog(rod) if rod else Katalog.find(stier[0] if stier else None)
    if not stier and not er_repository(katalog.rod):
        ingen_repository(ctx, "tælle")  # wrong place, clear answer, like validate
    try:
        statistik, fund = beregn(list(stier), katalog, region, tuple(specialer), tuple(faser), aftalemappe, jobs,
                                 konfig=konfig, med_udkast=med_udkast)
    except StatsFejl as e:
        click.echo(f"Fejl: {e}", err=True)
        ctx.exit(2)
    tekst = formatér(statistik, format_)
    if out is None:
        click.echo(tekst, nl=False)
    else:
        try:
            write_atomic(out, tekst)
        except OSError as e:
            click.echo(f"Fejl: Kan ikke skrive '{out}' ({e.strerror or e}).", err=True)
            ctx.exit(2)
        click.echo(f"Statistikken er skrevet til {out}.", err=True)
    for f in fund:
        click.echo(str(f), err=True)
    if statistik.ikke_talt:
        from ..diff.rapport import vis_sti  # lazy: pydantic, yaml only when this runs

        n = len(statistik.ikke_talt)
        vist = ", ".join(vis_sti(f) for f in statistik.ikke_talt[:5]) + (" …" if n > 5 else "")
        click.echo(f"{n} {'fil' if n == 1 else 'filer'} med fejl er ikke talt med ({vist}); kør 'uddprog validate' "
                   "for en fuld kontrol.", err=True)
    if any(f.check.startswith("C") and f.severity == Severity.ERROR for f in fund):
        ctx.exit(2)
    ctx.exit(1 if statistik.ikke_talt or any(f.severity == Severity.ERROR for f in fund) else 0)
