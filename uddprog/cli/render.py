"""`uddprog render`: programmes -> DOCX, HTML and PDF."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..batch import programfiler, render_programmer
from ..catalog import Katalog
from ..render import FORMATER, RenderError
from ..rod import er_repository, find_rod
from .valg import config_option, dato_option, ingen_repository, læs_konfig, rod_option


def _kort(sti: Path) -> str:
    """A path relative to the working folder when it lies inside it: shorter, and the same on every machine."""
    try:
        return str(Path(sti).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(sti)


def _formater(ctx, param, value: str) -> tuple[str, ...]:
    if value is None:
        return None  # from uddprog.toml's [render] format, else docx,html
    valgt = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
    ukendte = [v for v in valgt if v not in FORMATER]
    if ukendte or not valgt:
        raise click.BadParameter(f"ukendt format {', '.join(ukendte) or '(tomt)'}; vælg blandt {', '.join(FORMATER)}")
    return valgt


def _antal(n: int, ental: str, flertal: str) -> str:
    return f"{n} {ental if n == 1 else flertal}"


@click.command()
@click.argument("programmer", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "formater", default=None, callback=_formater,
              help="Kommasepareret: docx, html, pdf (PDF kræver LibreOffice), redigerbar (Word-udgaven, som "
                   "klinikerne retter i og 'import --opdater' læser tilbage). Standard: [render] format i "
                   "uddprog.toml, ellers docx,html.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Mappe til de dannede filer (standard: [render] out i uddprog.toml, ellers build/ i projektmappen).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Antal processer (standard: alle kerner).")
@click.option("--force", is_flag=True, default=False,
              help="Dan alle programmer igen, også dem hvis input, skabelon og uddprog er uændrede siden sidst.")
@click.option("--fail-on", type=click.Choice(["error", "warning"]), default="error", show_default=True,
              help="error: exitkode 1 når et program ikke blev dannet; warning: også når valideringen gav advarsler.")
@dato_option
@rod_option
@config_option
@click.pass_context
def render(ctx, programmer, formater, out, jobs, force, fail_on, dato, rod, konfigfil):
    """Dan uddannelsesprogrammer som Word (DOCX), HTML og PDF, eller som redigerbar Word.

    Uden PROGRAMMER dannes alle programmer i examples/. Hvert program valideres
    først; et program med fejl dannes ikke, og grunden skrives. Advarsler
    vises, men standser ikke dannelsen. Filerne får faste navne:
    OUT/<region>/<speciale>-<fase>-<forløb>.<format>. OUT indeholder bagefter
    præcis det, programmerne dannes til: filer, som uddprog selv har skrevet,
    og som ikke længere svarer til et program, fjernes, og det skrives hvilke.
    Et program hvis YAML, målbeskrivelse, skabelon, konfiguration og uddprogs
    version er uændrede siden sidste kørsel i samme OUT, dannes ikke igen
    (--force dan alt); dets advarsler vises igen, og det valideres på ny, når
    en anden version af målbeskrivelsen eller en ny dato kan ændre dem.
    Exitkode 0: alt blev dannet; 1: noget blev ikke dannet (eller der var
    advarsler med --fail-on warning); 2: forkert input, eller OUT kan ikke skrives.
    """

    rod = rod or find_rod(programmer[0] if programmer else None)
    if not programmer:
        katalog = Katalog(rod)
        if not er_repository(rod) or not katalog.programmappe.is_dir():
            ingen_repository(ctx, "danne", katalog)
    konfig = læs_konfig(ctx, konfigfil, Path(programmer[0]) if programmer else None)
    if konfig.fejl:
        for f in konfig.fejl:
            click.echo(str(f), err=True)
        ctx.exit(2)
    if out is None:  # relative paths in the config are relative to its folder
        out = konfig.rod / konfig.render["out"] if "out" in konfig.render else rod / "build"  # not the working folder
    if formater is None:
        formater = _formater(ctx, None, konfig.render.get("format", "docx,html"))
    interaktiv = sys.stderr.isatty() and not os.environ.get("CI")
    status = {"ok": 0, "fejl": 0, "uændret": 0}

    def advarsler(u) -> None:
        for f in u.advarsler:
            click.echo(f"  {f}")

    def linje(u) -> None:
        if u.forbigået:
            return
        if u.ok:
            status["ok"] += 1
            status["uændret"] += u.uændret
            if not interaktiv:
                click.echo(f"{'uændret' if u.uændret else 'dannet'} {u.kilde}: " + ", ".join(_kort(f) for f in u.filer)
                           + (f" ({_antal(len(u.advarsler), 'advarsel', 'advarsler')})" if u.advarsler else ""))
                advarsler(u)
        else:
            status["fejl"] += 1
            click.echo(f"{'sprunget over' if u.sprunget_over else 'fejl'} {u.kilde}: {u.fejl}", err=True)

    try:
        if interaktiv:
            antal = len(programfiler(programmer, rod))
            with click.progressbar(length=antal, label="Danner programmer", file=sys.stderr) as bar:
                def fremskridt(u):
                    linje(u)
                    bar.update(1)
                resultat = render_programmer(programmer, formater, out, jobs, dato.date() if dato else None,
                                             rod, fremskridt, genbrug=not force, konfigfil=konfigfil)
            for u in resultat.udfald:
                if u.ok and u.advarsler:
                    click.echo(f"{u.kilde}: {_antal(len(u.advarsler), 'advarsel', 'advarsler')}")
                    advarsler(u)
        else:
            resultat = render_programmer(programmer, formater, out, jobs, dato.date() if dato else None,
                                         rod, linje, genbrug=not force, konfigfil=konfigfil)
    except RenderError as e:
        click.echo(f"Fejl: {e}", err=True)
        ctx.exit(2)
    for f in resultat.fjernet:
        click.echo(f"fjernet {_kort(f)} (svarer ikke længere til et program)")
    n = len(resultat.udfald)
    if n == 0:
        click.echo("Ingen programmer fundet.", err=True)
        ctx.exit(1)
    nye = status["ok"] - status["uændret"]
    dele = [f"{_antal(nye, 'program', 'programmer')} dannet"] if nye or not status["uændret"] else []
    if status["uændret"]:
        dele.append(f"{status['uændret']} uændret siden sidst" if status["uændret"] == 1
                    else f"{status['uændret']} uændrede siden sidst")
    if status["fejl"]:
        dele.append(f"{status['fejl']} ikke dannet")
    antal_adv = len(resultat.advarsler)
    if antal_adv:
        dele.append(_antal(antal_adv, "advarsel", "advarsler"))
    if resultat.fjernet:
        dele.append(f"{_antal(len(resultat.fjernet), 'forældet fil', 'forældede filer')} fjernet")
    click.echo(f"{_kort(out)}: " + ", ".join(dele) + ".")
    if not resultat.ok:
        ctx.exit(1)
    ctx.exit(1 if fail_on == "warning" and antal_adv else 0)
