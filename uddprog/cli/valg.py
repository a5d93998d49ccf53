"""Options, parameter types and helpers the commands share (like sqlite-utils' ``output_options``)."""

from __future__ import annotations

from pathlib import Path

import click

from ..config import find, læs
from ..navne import slug
from ..rod import er_repository


class _Dato(click.ParamType):
    """A date as ÅÅÅÅ-MM-DD; an impossible one (2026-02-31) says so in Danish, without strftime patterns."""

    name = "dato"

    def get_metavar(self, param, ctx=None) -> str:
        return "ÅÅÅÅ-MM-DD"

    def convert(self, value, param, ctx):
        from datetime import date, datetime

        if isinstance(value, datetime):
            return value
        try:
            d = date.fromisoformat(str(value).strip())
        except ValueError:
            self.fail(f"'{value}' er ikke en gyldig dato på formen ÅÅÅÅ-MM-DD, fx 2026-11-23.", param, ctx)
        return datetime(d.year, d.month, d.day)


DATO = _Dato()


def dato_option(f):
    return click.option("--dato", type=DATO, default=None,
                        help="Dato som frister sammenlignes med; standard er i dag.")(f)


def rod_option(f):
    return click.option("--rod", type=click.Path(file_okay=False, path_type=Path), default=None,
                        help="Mappen med målbeskrivelser/ og templates/national/ (standard: fundet ud fra stien).")(f)


def config_option(f):
    return click.option("--config", "konfigfil", type=click.Path(dir_okay=False, exists=True, path_type=Path),
                        default=None, help="Konfigurationsfil (standard: uddprog.toml fundet opad fra arbejdsmappen).")(f)


def udkast_option(f):
    return click.option("--med-udkast", "med_udkast", is_flag=True,
                        help="Tag også programmer med 'status: udkast' med (de er ellers udeladt).")(f)


def ingen_repository(ctx: click.Context, hvad: str = "kontrollere", katalog=None) -> None:
    """Wrong place, clear answer: no repository here and nothing named on the command line (exit 2)."""

    if katalog is not None and er_repository(katalog.rod):
        click.echo(f"Fejl: Der er intet at {hvad}: programmappen {katalog.programmappe} findes ikke. Opret den, "
                   "angiv mappen med 'programmer = \"…\"' i uddprog.toml, eller angiv filerne.", err=True)
        ctx.exit(2)
    click.echo(f"Fejl: Der er intet at {hvad} her: {Path.cwd()} ligger ikke i en uddprog-mappe (ingen "
               "uddprog.toml, målbeskrivelser/ eller templates/national/ her eller i mapperne over), og der er "
               "ikke angivet nogen programfiler. Opret en mappe til regionens programmer med "
               "'uddprog init --region Nord' (eller Syd/Øst), eller angiv filerne, fx 'uddprog validate program.yaml'.",
               err=True)
    ctx.exit(2)


def læs_konfig(ctx: click.Context, konfigfil: Path | None, start: Path | None = None):
    """--config, else the config of the repository at or above ``start`` (the first path or --rod; else the
    working folder)."""
    from ..checks.anvendelse import tjek  # lazy: pydantic, yaml only when this runs

    return tjek(læs(konfigfil) if konfigfil else find(start))


def region_valg(ctx, param, værdi: str | None):
    from ..models import Videreuddannelsesregion  # lazy: pydantic only when this runs

    if værdi is None:
        return None  # `ny` takes it from uddprog.toml; `init` requires it

    for r in Videreuddannelsesregion:
        if slug(værdi) == slug(r.value):
            return r
    raise click.BadParameter(f"'{værdi}' er ikke en videreuddannelsesregion; vælg Nord, Syd eller Øst.")
