"""`uddprog import`: Word programmes -> programme YAML drafts (thin layer over uddprog.importer)."""

from __future__ import annotations

from pathlib import Path

import click

from .ny import _region
from .validate import rod_option


@click.command(name="import")
@click.argument("filer", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="FIL.docx…")
@click.option("--mb", "maalbeskrivelse", required=True, metavar="MÅLBESKRIVELSE",
              help="Målbeskrivelsen programmerne bygger på: en fil eller fx neurologi/hoveduddannelse@2015.")
@click.option("--region", default=None, callback=_region,
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
    from ..catalog import Katalog, OpslagsFejl, er_reference
    from ..importer import ImportFejl, importer
    from ..loading import LoadError, indlæs
    from ..render.writer import write_atomic

    def fejl(besked: str):
        click.echo(f"fejl: {besked}", err=True)
        ctx.exit(2)

    if out and out_dir:
        fejl("angiv enten --out eller --out-dir, ikke begge.")
    if out and len(filer) > 1:
        fejl(f"--out kan kun bruges med ét dokument, men der er {len(filer)}; brug --out-dir.")
    katalog = Katalog(rod) if rod else Katalog.find()
    if region is None:  # as `uddprog ny`: a region's repository names its region in uddprog.toml
        from ..config import find

        konfig = find(katalog.rod)
        if konfig.region is None:
            fejl("angiv regionen med --region Nord, Syd eller Øst (eller region = \"…\" i uddprog.toml).")
        try:
            region = _region(ctx, None, konfig.region)
        except click.BadParameter as e:
            fejl(f"region i {konfig.fil}: {e.message}")
    try:
        if Path(maalbeskrivelse).exists() or not er_reference(maalbeskrivelse):
            mb = indlæs(Path(maalbeskrivelse), "målbeskrivelse")
        else:
            mb = katalog.slå_op(maalbeskrivelse)
    except OpslagsFejl as e:
        fejl(str(e))
    except LoadError as e:
        fejl("målbeskrivelsen kan ikke læses:\n" + "\n".join(f"  {f}" for f in e.fund))
    if skabelon is None:
        egnede = sorted(s for s, d in katalog.skabeloner.items() if d.model.fase == mb.model.fase)
        if len(egnede) != 1:
            fejl(f"{'Ingen' if not egnede else 'Flere'} nationale skabeloner til {mb.model.fase} "
                 f"({', '.join(egnede) or 'ingen'}); angiv --skabelon.")
        skabelon = egnede[0]
    dok = katalog.skabelon(skabelon)
    if dok is None:
        fejl(f"den nationale skabelon '{skabelon}' findes ikke (kendte: {', '.join(sorted(katalog.skabeloner))}).")
    if dok.model.fase != mb.model.fase:
        fejl(f"skabelonen '{skabelon}' er til {dok.model.fase}, men målbeskrivelsen er til {mb.model.fase}.")

    kode = 0
    skrevet = 0
    for fil in filer:
        mål = out or (out_dir / f"{fil.stem}.yaml" if out_dir else None)
        if mål is not None and mål.exists():
            click.echo(f"fejl: {mål} findes allerede; uddprog overskriver ikke et udkast. Slet det, eller vælg "
                       "et andet sted.", err=True)
            kode = 2
            continue
        try:
            imp = importer(fil, mb.model, dok.model, region)
        except ImportFejl as e:
            click.echo(f"fejl: {e}", err=True)
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
