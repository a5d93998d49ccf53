"""`uddprog import`: Word programmes -> programme YAML drafts (thin layer over uddprog.importer)."""

from __future__ import annotations

from pathlib import Path

import click

from ..catalog import Katalog
from ..rod import skemalink
from ..skriv import write_atomic
from .ny import grundlag
from .valg import region_valg, rod_option


def _findes_allerede(mål: Path) -> str:
    """Why the draft is not written: say what the file there is, for an approved programme is not a draft."""
    from ..datoer import dansk_dato  # lazy: only when a file is in the way
    from ..loading import LoadError, indlæs  # lazy: pydantic, yaml only when this runs

    try:
        dok = indlæs(mål) if mål.is_file() else None
    except LoadError:
        dok = None
    godkendt = getattr(getattr(dok.model, "ansvar", None), "godkendt_dato", None) if dok else None
    if godkendt is not None:
        return (f"{mål} findes allerede og er et uddannelsesprogram, godkendt {dansk_dato(godkendt)}; uddprog "
                "overskriver det ikke. Importér til et andet sted (fx --out-dir udkast) og sammenlign.")
    if dok is not None and dok.type == "uddannelsesprogram":
        return (f"{mål} findes allerede og er et uddannelsesprogram; uddprog overskriver det ikke. Slet det, hvis "
                "udkastet skal erstatte det, eller vælg et andet sted.")
    return f"{mål} findes allerede; uddprog overskriver ikke en fil. Slet den, eller vælg et andet sted."


@click.command(name="import")
@click.argument("filer", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="FIL.docx…")
@click.option("--mb", "maalbeskrivelse", required=True, metavar="MÅLBESKRIVELSE",
              help="Målbeskrivelsen programmerne bygger på: en fil eller fx neurologi/hoveduddannelse@2015.")
@click.option("--region", default=None, callback=region_valg,
              help="Videreuddannelsesregion: Nord, Syd eller Øst (standard: region i uddprog.toml).")
@click.option("--skabelon", default=None, help="Den nationale skabelons id (standard: skabelonen for fasen).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Fil at skrive udkastet til (kun ved én fil). Uden --out og --out-dir skrives til skærmen.")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Mappe til udkastene: ét <dokumentnavn>.yaml pr. dokument.")
@rod_option
@click.pass_context
def importer_cmd(ctx, filer, maalbeskrivelse, region, skabelon, out, out_dir, rod):
    """Importér uddannelsesprogrammer fra Word (.docx, .doc) som YAML-udkast.

    Hvert dokument bliver ét udkast mod målbeskrivelsen og fasens nationale skabelon:
    afsnit efter overskrifterne, ansættelser, kompetenceplan, kurser og ansvar, hvor
    dokumentet har dem. Det, importen ikke kan vide, står som UDFYLD; tekst, der ikke
    passer til et afsnit, står under 'ikke-placeret'. Kør derefter 'uddprog validate'.
    Findes en udkastfil allerede, rører uddprog den ikke. Exitkode 0: alt importeret;
    2: et dokument kunne ikke læses (de andre importeres alligevel).
    """
    from ..importer import ImportFejl, importer  # lazy: lxml, markdown_it, pydantic only when this runs

    def fejl(besked: str):
        click.echo(f"Fejl: {besked}", err=True)
        ctx.exit(2)

    if out and out_dir:
        fejl("angiv enten --out eller --out-dir, ikke begge.")
    if out and len(filer) > 1:
        fejl(f"--out kan kun bruges med ét dokument, men der er {len(filer)}; brug --out-dir.")
    katalog = Katalog(rod) if rod else Katalog.find()
    region, mb, dok = grundlag(ctx, katalog, maalbeskrivelse, skabelon, region, fejl)

    kode = 0
    skrevet = 0
    for fil in filer:
        mål = out or (out_dir / f"{fil.stem}.yaml" if out_dir else None)
        if mål is not None and mål.exists():
            click.echo(f"Fejl: {_findes_allerede(mål)}", err=True)
            kode = 2
            continue
        try:
            skema = skemalink(mål.parent if mål else Path.cwd(), katalog.rod, "uddannelsesprogram.schema.json")
            imp = importer(fil, mb.model, dok.model, region, skema)
        except ImportFejl as e:
            click.echo(f"Fejl: {e}", err=True)
            kode = 2
            continue
        if mål is None:
            click.echo(("---\n" if skrevet else "") + imp.yaml, nl=False)  # several drafts: one YAML stream
            skrevet += 1
        else:
            mål.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(mål, imp.yaml)
        click.echo(f"{fil}{f' -> {mål}' if mål else ''}", err=True)
        for linje in imp.rapport:
            click.echo(f"  {linje}", err=True)
    if kode == 0 and (out or out_dir):
        click.echo("Næste skridt: ret UDFYLD og 'gæt:', flyt teksten under 'ikke-placeret', og kør "
                   "'uddprog validate'.", err=True)
    ctx.exit(kode)
