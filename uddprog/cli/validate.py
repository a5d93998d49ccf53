"""`uddprog validate`, `uddprog schema` and `uddprog checks`."""

from __future__ import annotations

import json
from itertools import groupby
from pathlib import Path

import click

from ..findings import Severity

DATO = click.DateTime(formats=["%Y-%m-%d"])
_FARVE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def dato_option(f):
    return click.option("--dato", type=DATO, default=None,
                        help="Dato som frister sammenlignes med (ÅÅÅÅ-MM-DD); standard er i dag.")(f)


def rod_option(f):
    return click.option("--rod", type=click.Path(file_okay=False, path_type=Path), default=None,
                        help="Mappen med målbeskrivelser/ og templates/national/ (standard: fundet ud fra stien).")(f)


@click.command()
@click.argument("stier", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--fail-on", type=click.Choice(["error", "warning"]), default="error", show_default=True,
              help="Laveste alvor der giver exitkode 1.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Antal processer (standard: alle kerner fra 200 filer, ellers én).")
@dato_option
@rod_option
@click.pass_context
def validate(ctx, stier, format_, fail_on, jobs, dato, rod):
    """Validér målbeskrivelser, skabeloner og uddannelsesprogrammer.

    Uden STIER kontrolleres målbeskrivelser/, templates/national/ og examples/.
    Exitkode 0: ingen fund ved eller over --fail-on; 1: der er; 2: input kan ikke læses.
    """
    from ..catalog import Katalog
    from ..checks import valider

    katalog = Katalog(rod) if rod else Katalog.find(stier[0] if stier else None)
    resultat = valider(stier, katalog, dato.date() if dato else None, jobs=jobs)
    if format_ == "json":
        click.echo(json.dumps(_json(resultat), ensure_ascii=False, indent=2))
    else:
        _tekst(resultat)
    grænse = Severity(fail_on).rang
    if resultat.ulæselig:
        ctx.exit(2)
    ctx.exit(1 if any(f.severity.rang >= grænse for f in resultat.fund) else 0)


def _json(resultat) -> dict:
    return {
        "filer": [str(f) for f in resultat.filer],
        "fund": [f.som_json() for f in resultat.fund],
        "opsummering": {s.value: resultat.antal(s) for s in (Severity.ERROR, Severity.WARNING)},
    }


def _tekst(resultat) -> None:
    for fil, fund in groupby(resultat.fund, key=lambda f: str(f.sted.fil) if f.sted else ""):
        click.secho(fil, bold=True)
        for f in fund:
            click.echo(f"  {f.sted}: " + click.style(f"{f.severity.dansk} {f.check}", fg=_FARVE[f.severity]) + f": {f.besked}")
    fejl, advarsler = resultat.antal(Severity.ERROR), resultat.antal(Severity.WARNING)
    n = len(resultat.filer)
    click.echo(f"{n} {'fil' if n == 1 else 'filer'} kontrolleret: {fejl} {'fejl'}, "
               f"{advarsler} {'advarsel' if advarsler == 1 else 'advarsler'}.")


@click.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Mappe til JSON-skemaerne (standard: schemas/ i projektmappen).")
def schema(out):
    """Skriv JSON-skemaer, så VS Code kan fuldføre og kontrollere YAML-filerne.

    Sæt en kommentar øverst i YAML-filen:
    # yaml-language-server: $schema=../../schemas/uddannelsesprogram.schema.json
    """
    from ..catalog import find_rod
    from ..schema import skriv_skemaer

    out = out or find_rod() / "schemas"
    for fil in skriv_skemaer(out):
        click.echo(f"Skrev {fil}")


@click.command()
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True)
def checks(format_):
    """Vis alle kontroller med id, alvor og beskrivelse."""
    from ..checks import REGISTER

    if format_ == "json":
        click.echo(json.dumps([{"id": c.id, "severity": str(c.severity), "titel": c.titel, "område": c.område,
                                "kilde": c.kilde.tekst if c.kilde else None,
                                "sekundær_kilde": bool(c.kilde and c.kilde.sekundær), "illustrativ": c.illustrativ}
                               for c in REGISTER.values()], ensure_ascii=False, indent=2))
        return
    for c in sorted(REGISTER.values(), key=lambda c: c.id):
        click.echo(f"{c.id}  {c.severity.dansk:<8}  {c.område:<14}  {c.titel}")
        if c.kilde:
            click.echo(f"{'':<6}kilde: {c.kilde}")
