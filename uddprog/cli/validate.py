"""`uddprog validate`, `uddprog schema` and `uddprog checks`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click

from ..catalog import Katalog
from ..datoer import dansk_dato
from ..findings import Severity
from ..output import FORMATER, Rapport, modul
from ..output.github import sammendrag
from ..rod import SKEMA_MAPPE, er_repository, find_rod, yaml_filer
from .valg import config_option, dato_option, ingen_repository, læs_konfig, rod_option


@click.command()
@click.argument("stier", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "format_", type=click.Choice(list(FORMATER)), default="text", show_default=True,
              help="text; json; github (annotationer og jobresumé); gitlab (Code Quality); sarif (2.1.0); junit.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Laveste alvor der giver exitkode 1 (standard: fail_on i uddprog.toml, ellers error).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Antal processer (standard: alle kerner fra 200 filer, ellers én).")
@click.option("--no-cache", "uden_cache", is_flag=True, default=False,
              help="Læs og skriv ikke valideringens cache (i ~/.cache/uddprog); alle filer valideres.")
@dato_option
@rod_option
@config_option
@click.pass_context
def validate(ctx, stier, format_, fail_on, jobs, uden_cache, dato, rod, konfigfil):
    """Validér målbeskrivelser, skabeloner og uddannelsesprogrammer.

    Uden STIER kontrolleres mappens egne målbeskrivelser/, templates/national/, programdele/ og
    programmer (examples/ eller 'programmer' i uddprog.toml) samt rekruttering/ og aftaler/. Alvor og undtagelser
    læses fra uddprog.toml.
    En fil, der er uændret siden sidst (og hvis målbeskrivelse, skabelon, dato og uddprog heller ikke
    ændrer dens fund), læses ikke igen: dens fund huskes i ~/.cache/uddprog (XDG_CACHE_HOME). Fundene
    er de samme med og uden; --no-cache slår det fra.
    Exitkode 0: ingen fund ved eller over --fail-on; 1: der er; 2: input eller konfiguration kan ikke læses.
    """
    import os

    from ..checks import (  # lazy: pydantic, yaml only when this runs
        REGISTER,
        Valideringsresultat,
        standardstier,
        valider,
    )
    from ..checks.anvendelse import anvend  # lazy: pydantic, yaml only when this runs
    from ..checks.cache import Valideringscache  # lazy: as above

    konfig = læs_konfig(ctx, konfigfil, Path(stier[0]) if stier else rod)
    katalog = Katalog(rod) if rod else Katalog.find(stier[0] if stier else None)
    if not stier and (not er_repository(katalog.rod) or not standardstier(katalog)):
        ingen_repository(ctx, katalog=katalog)
    d = dato.date() if dato else None
    if not stier:
        for fil in _programmer_i_roden(katalog):
            click.echo(f"Bemærk: {fil} i repositoriets rod ligner et uddannelsesprogram, men valideres ikke: "
                       f"programmerne ligger i {katalog.programmappe}/. Flyt filen derind, eller angiv den: "
                       f"'uddprog validate {fil}'.", err=True)
    cache = None if uden_cache else Valideringscache.for_katalog(katalog)
    if not stier and katalog.programmappe.is_dir() and not yaml_filer(katalog.programmappe):
        # A repository fresh from `uddprog init`: nothing wrong yet, so its first CI run is green.
        click.echo(f"Ingen programmer i {katalog.programmappe} endnu. Skriv det første med 'uddprog ny "
                   f"speciale/fase@version --out {katalog.programmappe}/<navn>.yaml'.", err=True)
        stier = tuple(s for s in standardstier(katalog) if s != katalog.programmappe)
        resultat = valider(stier, katalog, d, jobs=jobs, cache=cache) if stier else Valideringsresultat()
    else:
        resultat = valider(stier, katalog, d, jobs=jobs, cache=cache)
    # R010 and R015 compare files only `uddprog stats` reads together: an ignore of them is not validate's to call unused
    fund = anvend(resultat.fund, resultat.filer, konfig, d, alle=not stier,
                  kontroller=frozenset(i for i, c in REGISTER.items() if c.område != "statistik"),
                  uden_direktiver=resultat.uden_direktiver)
    fail_on = fail_on or konfig.fail_on or "error"
    rapport = Rapport(fund, resultat.filer, fail_on, regler=REGISTER)
    click.echo(modul(format_).skriv(rapport), nl=False)
    if format_ == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as f:
            f.write(sammendrag(rapport))
    grænse = Severity(fail_on).rang
    if resultat.ulæselig or any(f.check.startswith("C") and f.severity == Severity.ERROR for f in fund):
        ctx.exit(2)
    ctx.exit(1 if any(f.severity.rang >= grænse for f in fund) else 0)


_PROGRAMMÆRKE = re.compile(r"^(?:ansættelser|kompetenceplan)[ \t]*:", re.M)


def _programmer_i_roden(katalog: Katalog) -> list[Path]:
    """YAML files in the repository's root that read like a programme: `validate` without paths checks only
    the repository's folders, so such a file would otherwise be skipped without a word."""
    try:
        filer = sorted(p for p in Path(katalog.rod).iterdir() if p.suffix in (".yaml", ".yml")
                       and not p.name.startswith(".") and p.is_file())
    except OSError:
        return []
    ud = []
    for fil in filer:
        try:
            if _PROGRAMMÆRKE.search(fil.read_text(encoding="utf-8-sig", errors="replace")[:200_000]):
                ud.append(fil)
        except OSError:
            continue
    return ud


@click.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Mappe til JSON-skemaerne (standard: schemas/ i projektmappen).")
@click.pass_context
def schema(ctx, out):
    """Skriv JSON-skemaer, så VS Code kan fuldføre og kontrollere YAML-filerne.

    'uddprog init' skriver også .vscode/settings.json, der knytter skemaerne til
    mapperne. En enkelt fil kan pege på sit skema i første linje, med stien fra
    filens mappe (som 'uddprog ny' og 'uddprog import' skriver den), fx:
    # yaml-language-server: $schema=../schemas/uddannelsesprogram.schema.json
    """
    from ..schema import skriv_skemaer  # lazy: pydantic only when this runs

    if out is None:
        rod = find_rod()
        if not er_repository(rod):
            click.echo(f"Fejl: {Path.cwd()} ligger ikke i en uddprog-mappe, så uddprog ved ikke hvor skemaerne skal "
                       "ligge. Angiv mappen med --out, fx 'uddprog schema --out schemas'.", err=True)
            ctx.exit(2)
        out = rod / SKEMA_MAPPE
    for fil in skriv_skemaer(out):
        click.echo(f"Skrev {fil}")


@click.command()
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True)
@config_option
@click.pass_context
def checks(ctx, format_, konfigfil):
    """Vis alle kontroller med id, alvor og beskrivelse.

    Alvoren er den der gælder i repositoriet: en ændring under [checks] i uddprog.toml (none = slået fra)
    vises og markeres med *, og undtagelser under [[ignorer]] står under kontrollen.
    """
    from ..checks import REGISTER  # lazy: pydantic, yaml only when this runs

    konfig = læs_konfig(ctx, konfigfil)
    kontroller = sorted(REGISTER.values(), key=lambda c: c.id)
    undtagelser: dict[str, list] = {}
    for u in konfig.undtagelser:
        undtagelser.setdefault(u.check, []).append(u)

    def i_kraft(c):
        return konfig.alvor.get(c.id, c.severity)  # None: off

    for f in konfig.fund:
        click.echo(str(f), err=True)
    if format_ == "json":
        click.echo(json.dumps([{"id": c.id, "severity": str(c.severity),
                                "severity_i_kraft": str(i_kraft(c)) if i_kraft(c) is not None else "none",
                                "ændret": c.id in konfig.alvor,
                                "konfiguration": str(konfig.alvor_sted[c.id]) if c.id in konfig.alvor_sted else None,
                                "undtagelser": [{"sti": u.sti, "begrundelse": u.begrundelse,
                                                 "indtil": u.udløber.isoformat() if u.udløber else None,
                                                 "sted": str(u.sted)} for u in undtagelser.get(c.id, [])],
                                "titel": c.titel, "område": c.område,
                                "kilde": c.kilde.tekst if c.kilde else None,
                                "sekundær_kilde": bool(c.kilde and c.kilde.sekundær), "illustrativ": c.illustrativ}
                               for c in kontroller], ensure_ascii=False, indent=2))
    else:
        if konfig.alvor:
            click.echo(f"Alvoren er den der gælder efter {konfig.fil}; * = ændret der (standarden står under).")
        for c in kontroller:
            alvor = i_kraft(c)
            vist = (alvor.dansk if alvor is not None else "fra") + ("*" if c.id in konfig.alvor else "")
            click.echo(f"{c.id}  {vist:<9} {c.område:<14}  {c.titel}")
            if c.id in konfig.alvor:
                hvad = "slået fra" if alvor is None else "ændret"
                click.echo(f"{'':<6}standard: {c.severity.dansk}; {hvad} i {konfig.alvor_sted[c.id]}")
            for u in undtagelser.get(c.id, []):
                frist = f" indtil {dansk_dato(u.udløber)}" if u.udløber else ""
                click.echo(f"{'':<6}undtaget i {u.sti}{frist} ({u.sted}): {u.begrundelse}")
            if c.kilde:
                click.echo(f"{'':<6}kilde: {c.kilde}")
    if konfig.fejl:
        ctx.exit(2)
