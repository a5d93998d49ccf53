"""`uddprog site` and `uddprog serve`: a thin layer over :mod:`uddprog.site` and :mod:`uddprog.serve`."""

from __future__ import annotations

from pathlib import Path

import click

from .valg import dato_option, rod_option, udkast_option


@click.command()
@click.argument("stier", metavar="[STI]...", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("site"), show_default=True,
              help="Mappe til webstedet; en tom mappe eller et tidligere websted fra uddprog.")
@click.option("--pdf/--no-pdf", "pdf", default=None,
              help="Dan PDF'er (standard: når LibreOffice er installeret).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Antal processer (standard: alle kerner).")
@udkast_option
@dato_option
@rod_option
@click.pass_context
def site(ctx, stier, out, pdf, jobs, med_udkast, dato, rod):
    """Dan et statisk websted med alle programmer.

    Forsiden har alle programmer i én tabel, der kan sorteres, filtreres og
    søges i (også åbnet direkte fra disken); hertil sider pr. region og pr.
    speciale, hvert programs side med Word, PDF, status og valideringsfund,
    målbeskrivelsernes versioner med ændringsrapporter, de nationale skabeloner
    og en oversigt for sekretariatet. Uden STI bruges examples/. Udkast
    ('status: udkast') udgives kun med --med-udkast og står da som udkast.
    Exitkode 0: alt blev dannet; 1: et program kunne ikke læses eller dannes; 2: forkert brug.
    """
    import os
    import sys

    from ..site import SiteFejl, build  # lazy: the site's templates and renderer only when it is built

    d = dato.date() if dato else None
    try:
        if sys.stderr.isatty() and not os.environ.get("CI"):
            from ..batch import programfiler  # lazy: only for the progress bar
            from ..render import RenderError  # lazy: as above
            from ..rod import find_rod  # lazy: as above

            try:
                antal = len(programfiler(stier, rod or find_rod(stier[0] if stier else None)))
            except RenderError as e:
                raise SiteFejl(str(e)) from None
            with click.progressbar(length=2 * antal, label="Danner webstedet", file=sys.stderr) as bar:
                res = build(stier, out, rod, d, pdf, jobs, fremskridt=bar.update, med_udkast=med_udkast)
        else:
            res = build(stier, out, rod, d, pdf, jobs, med_udkast=med_udkast)
    except SiteFejl as e:
        click.echo(f"Fejl: {e}", err=True)
        ctx.exit(2)
    for p in res.programmer:
        if p.status == "ulaeselig":
            click.echo(f"kan ikke læses {p.kilde}: " + "; ".join(f"{f.sted}: {f.besked}" for f in p.fund[:3]), err=True)
        elif p.renderfejl or "html" not in p.filer:
            click.echo(f"ikke dannet {p.kilde}: {p.renderfejl or 'valideringen fandt fejl'}", err=True)
    n = len(res.programmer)
    click.echo(f"Webstedet er dannet i {out}: {n} {'program' if n == 1 else 'programmer'}, {len(res.filer)} filer "
               f"({len(res.ændrede)} nye eller ændrede, {len(res.fjernede)} fjernet). Åbn {out / 'index.html'}.")
    ctx.exit(0 if res.ok else 1)


@click.command()
@click.argument("sti", metavar="[STI]", required=False, type=click.Path(path_type=Path))
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Porten serveren lytter på (0: en ledig port).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Adressen serveren lytter på; kun denne maskine som standard.")
@dato_option
@rod_option
@click.pass_context
def serve(ctx, sti, port, host, dato, rod):
    """Vis webstedet lokalt, mens du skriver: siden opdaterer sig selv ved hver gemning.

    STI er et program eller en mappe med programmer (standard: examples/).
    Kun det en ændring berører, valideres og dannes igen; fundene står øverst
    på programmets side med fil:linje:kolonne. Udkast vises også (som udkast).
    Ctrl-C stopper serveren.
    """
    from ..serve import serve as kør  # lazy: the server and site only when it runs
    from ..site import SiteFejl  # lazy: as above

    def klar(v) -> None:
        click.echo(f"Serverer {v.url} (Ctrl-C stopper).", err=True)
        if sti is not None and sti.is_file():
            click.echo(f"Programmets side: {v.side_for(sti)}", err=True)
            for linje in v.fund_for(sti):
                click.echo(f"  {linje}", err=True)
        if host not in ("127.0.0.1", "localhost", "::1"):
            click.echo(f"Advarsel: serveren lytter på {host} og kan nås fra andre maskiner.", err=True)

    try:
        kør([sti] if sti else [], port, host, rod, dato.date() if dato else None, klar=klar)
    except SiteFejl as e:
        click.echo(f"Fejl: {e}", err=True)
        ctx.exit(2)
    except OSError as e:
        click.echo(f"Fejl: kan ikke lytte på {host}:{port} ({e.strerror or e}).", err=True)
        ctx.exit(2)
    click.echo("Stoppet.", err=True)
