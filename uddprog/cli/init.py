"""`uddprog init`: a new repository for a region's programmes, and `uddprog katalog`: what is in force."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..catalog import Katalog
from ..config import læs
from ..fejl import UddprogFejl
from ..init import skriv
from ..navne import slug
from ..stats.tekst import tabel  # the one layout of a text table (stats uses it too)
from .valg import region_valg, rod_option


def _region_i(mappe: Path) -> str | None:
    """The region the uddprog.toml in ``mappe`` names, or None (no file, no region, not a region)."""
    fil = mappe / "uddprog.toml"
    if not fil.is_file():
        return None
    try:
        region = læs(fil).region
        return region_valg(None, None, region).value if region else None
    except (UddprogFejl, click.BadParameter):
        return None  # a broken config is validate's to report; init writes nothing over it anyway


@click.command()
@click.argument("mappe", metavar="[MAPPE]", required=False, default=".",
                type=click.Path(file_okay=False, path_type=Path))
@click.option("--region", required=True, callback=region_valg, help="Videreuddannelsesregion: Nord, Syd eller Øst.")
@click.option("--programmer", "programmappe", default="programmer", show_default=True,
              help="Navnet på mappen til programmerne.")
@click.pass_context
def init(ctx, mappe, region, programmappe):
    """Opret en mappe til en regions uddannelsesprogrammer.

    Skriver uddprog.toml, en tom programmappe, CI til GitHub Actions og GitLab,
    pre-commit, øjebliksbillede-test af Word- og HTML-skabelonerne og en README.
    En fil der findes i forvejen, røres ikke.
    """

    if Path(programmappe).is_absolute() or ".." in Path(programmappe).parts or not slug(programmappe):
        click.echo(f"Fejl: '{programmappe}' er ikke et mappenavn inde i repositoriet.", err=True)
        ctx.exit(2)
    if mappe.exists() and not mappe.is_dir():
        click.echo(f"Fejl: {mappe} findes og er ikke en mappe.", err=True)
        ctx.exit(2)
    eksisterende = _region_i(mappe)
    if eksisterende is not None and eksisterende != region.value:
        # Its README, CI and config name another region: adding files for this one would mix the two.
        click.echo(f"Fejl: {mappe} er allerede sat op til Videreuddannelsesregion {eksisterende} (region i "
                   f"{mappe / 'uddprog.toml'}), ikke {region.value}; intet skrevet. Skal repositoriet skifte region, "
                   "så ret 'region' i uddprog.toml.", err=True)
        ctx.exit(2)
    skrevet, urørt = skriv(mappe, region.value, programmappe)
    for f in skrevet:
        click.echo(f"Skrev {f}")
    for f in urørt:
        click.echo(f"Findes allerede, ikke ændret: {f}")
    if not skrevet:
        click.echo(f"{mappe} er allerede sat op; intet skrevet.")
        return
    illustrative = Katalog(mappe).illustrative()
    if illustrative:
        # Said once, where a region starts: the shipped catalogue is example content, not the official texts.
        click.echo(f"\nBemærk: {len(illustrative)} af målbeskrivelserne og skabelonerne, der følger med uddprog, er "
                   "illustrative (opdigtet indhold efter offentlige kilders struktur, ikke de officielle tekster); "
                   "'uddprog katalog' viser hvilke. Læg regionens egne i målbeskrivelser/ og templates/national/.")
    hvor = "" if mappe == Path(".") else f"cd {mappe} && "
    click.echo(f"\nNæste skridt: {hvor}uddprog ny neurologi/hoveduddannelse@2015 --region {region.value} "
               f"--out {programmappe}/neurologi-forloeb-1.yaml  (se 'uddprog katalog' for alle målbeskrivelser)")


@click.command()
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True)
@rod_option
def katalog(format_, rod):
    """Vis de målbeskrivelser og nationale skabeloner der gælder, og hvor hver kommer fra.

    'repository' er mappens egne filer, 'uddprog' dem der følger med uddprog;
    'illustrativ' markerer opdigtet eksempelindhold. En fil i
    repositoriet går forud for den medfølgende med samme sti (eller samme speciale,
    fase og version); de skjulte står til sidst.
    """

    k = Katalog(rod) if rod else Katalog.find()
    mb = [{"speciale": d.model.speciale, "fase": str(d.model.fase), "version": d.model.version,
           "kilde": k.oprindelse(d.fil), "fil": str(d.fil), "illustrativ": d.model.illustrativ}
          for d in k.målbeskrivelser]
    sk = []
    for sid in sorted(k.skabeloner):
        illustrativ = k.skabeloner[sid].model.illustrativ
        for fil in k.skabelonfiler(sid):
            sk.append({"skabelon": sid, "fil": str(fil), "kilde": k.oprindelse(fil), "illustrativ": illustrativ})
    skjulte = [{"fil": str(a), "skjult_af": str(b)} for a, b in k.skjulte]
    if format_ == "json":
        click.echo(json.dumps({"lag": [str(p) for p in k.lag], "målbeskrivelser": mb, "skabeloner": sk,
                               "skjulte": skjulte}, ensure_ascii=False, indent=2))
        return
    click.echo("Lag (højeste først): " + ", ".join(str(p) for p in k.lag))
    oprindelse = {"repository": "repositoriet", "uddprog": "uddprog"}
    click.secho("\nMålbeskrivelser", bold=True)
    ja = {True: "ja", False: "nej"}
    for linje in tabel([["Speciale", "Fase", "Version", "Fra", "Illustrativ", "Fil"]] +
                       [[m["speciale"], m["fase"], m["version"], oprindelse[m["kilde"]], ja[bool(m["illustrativ"])],
                         m["fil"]] for m in mb]):
        click.echo(f"  {linje}")
    click.secho("\nNationale skabeloner", bold=True)
    for linje in tabel([["Skabelon", "Fra", "Illustrativ", "Fil"]] +
                       [[s["skabelon"], oprindelse[s["kilde"]], ja[bool(s["illustrativ"])], s["fil"]] for s in sk]):
        click.echo(f"  {linje}")
    if any(m["illustrativ"] for m in mb) or any(s["illustrativ"] for s in sk):
        click.echo("\nIllustrativ: indholdet er opdigtet til eksempelbrug efter offentlige kilders struktur og er ikke "
                   "den officielle tekst. Et program, der bygger på en illustrativ målbeskrivelse, siger det i sit "
                   "kolofon.")
    if skjulte:
        click.secho("\nSkjult af repositoriets egne filer", bold=True)
        for s in skjulte:
            click.echo(f"  {s['fil']}  (skjult af {s['skjult_af']})")
