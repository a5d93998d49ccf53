"""`uddprog stats`: a thin layer over :mod:`uddprog.stats`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from ..catalog import Katalog
from ..findings import Severity
from ..rod import er_repository
from ..skriv import write_atomic
from .valg import config_option, dato_option, ingen_repository, læs_konfig, rod_option, udkast_option

FORMATER = ("text", "csv", "json", "html", "xlsx")


def formatér(statistik, format_: str) -> str | bytes:
    if format_ == "xlsx":
        from ..diff.rapport import vis_sti  # lazy: pydantic, yaml only when this runs
        from ..regneark import xlsx_bytes  # lazy: openpyxl only when this runs
        from ..visninger.regneark import stats_ark  # lazy: as above
        return xlsx_bytes(stats_ark(statistik.as_dict(lambda p: vis_sti(p))), "Statistik over forløbene")
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
@click.option("--kvalitet", is_flag=True, default=False,
              help="Kvalitetsoverblikket i stedet for tallene: godkendelsens alder, målbeskrivelsens aktualitet, "
                   "manglende påkrævede afsnit, udkast og afdelinger med forløb uden et gældende, godkendt program.")
@udkast_option
@dato_option
@rod_option
@config_option
@click.pass_context
def stats(ctx, stier, format_, out, region, specialer, faser, aftalemappe, jobs, kvalitet, med_udkast, dato, rod,
          konfigfil):
    """Tal over forløbene: måneder og årsværk pr. driftsregion, universitetshospitaler, aftaler og besættelse.

    Uden STIER tælles programmerne (examples/ eller 'programmer' i uddprog.toml) og
    rekrutteringsrunderne i rekruttering/;
    aftalerne i aftaler/ vurderes. Alvor og undtagelser læses fra uddprog.toml som i 'uddprog validate'.
    Et program med en fejl i det, der tælles (ansættelser, driftsregion, måneder, universitetshospital), fx en
    pladsholder (P026) eller et gæt fra 'uddprog import' (P029), udelades af tallene.
    Udkast (programmer med 'status: udkast') tælles ikke med uden --med-udkast.
    Exitkode som 'uddprog validate': 0; 1 når filer med fejl er udeladt af tallene (fejlene står på stderr);
    2 når en fil ikke kan læses, ved forkert input, fejl i konfigurationen, eller når intet kan tælles.
    """
    from ..stats import StatsFejl, beregn  # lazy: pydantic, yaml only when this runs

    if format_ == "xlsx" and out is None:
        raise click.UsageError("--format xlsx skriver et regneark; angiv filen med --out, fx --out stats.xlsx.")
    if kvalitet:
        _kvalitet(ctx, stier, format_, out, region, specialer, faser, dato, rod)
        return
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
    if any(f.check.startswith("C") and f.severity == Severity.ERROR or f.check.startswith("L") for f in fund):
        ctx.exit(2)  # as validate: the configuration or an input cannot be read
    ctx.exit(1 if statistik.ikke_talt or any(f.severity == Severity.ERROR for f in fund) else 0)


def _kvalitet(ctx, stier, format_, out, region, specialer, faser, dato, rod) -> None:
    """`uddprog stats --kvalitet`: the region's quality overview of the programmes."""
    from ..diff.inputs import indlæs_programmer  # lazy: pydantic, yaml only when this runs
    from ..diff.rapport import vis_sti  # lazy: as above
    from ..navne import slug  # lazy: as above
    from ..regneark import xlsx_bytes  # lazy: openpyxl only for the spreadsheet
    from ..stats import StatsFejl  # lazy: as above
    from ..stats.kvalitet import kvalitet, som_ark, som_html, som_json, som_tekst  # lazy: as above

    if format_ == "csv":
        raise click.UsageError("--kvalitet findes som text, json, html og xlsx.")
    katalog = Katalog(rod) if rod else Katalog.find(stier[0] if stier else None)
    if not stier and not katalog.programmappe.is_dir():
        ingen_repository(ctx, "vise", katalog)
    programmer = [d for s in (stier or [katalog.programmappe]) for d in indlæs_programmer(Path(s))]

    def valgt(d) -> bool:
        if isinstance(d, tuple):
            return True
        p = d.model
        return ((region is None or slug(region) == slug(str(p.videreuddannelsesregion)))
                and (not specialer or slug(p.målbeskrivelse.speciale) in {slug(x) for x in specialer})
                and (not faser or str(p.målbeskrivelse.fase) in faser))

    programmer = [d for d in programmer if valgt(d)]
    if not programmer:
        raise StatsFejl("Ingen programmer passer til udvælgelsen.")
    k = kvalitet(programmer, katalog, dato.date() if dato else date.today())
    if format_ == "xlsx":
        write_atomic(out, xlsx_bytes(som_ark(k, vis_sti), "Kvalitetsoverblik", k.dato))
        click.echo(f"Kvalitetsoverblikket er skrevet til {out}.", err=True)
        return
    tekst = {"json": som_json, "html": som_html}.get(format_, som_tekst)(k, vis_sti)
    if out is None:
        click.echo(tekst, nl=False)
    else:
        write_atomic(out, tekst)
        click.echo(f"Kvalitetsoverblikket er skrevet til {out}.", err=True)
