"""`uddprog import`: Word programmes -> programme YAML drafts (thin layer over uddprog.importer)."""

from __future__ import annotations

from pathlib import Path

import click

from ..catalog import Katalog
from ..navne import slug
from ..rod import skemalink
from ..skriv import write_atomic
from .ny import grundlag, grundlag_region
from .valg import dato_option, region_valg, rod_option


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
@click.option("--mb", "maalbeskrivelse", default=None, metavar="MÅLBESKRIVELSE",
              help="Målbeskrivelsen programmerne bygger på: en fil eller fx neurologi/hoveduddannelse@2015. "
                   "Uden --mb finder uddprog den i hvert dokument (forsidens speciale, fase og årstal).")
@click.option("--region", default=None, callback=region_valg,
              help="Videreuddannelsesregion: Nord, Syd eller Øst (standard: region i uddprog.toml).")
@click.option("--skabelon", default=None, help="Den nationale skabelons id (standard: skabelonen for fasen).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Fil at skrive udkastet til (kun ved én fil). Uden --out og --out-dir skrives til skærmen.")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Mappe til udkastene: ét <dokumentnavn>.yaml pr. dokument.")
@click.option("--opdater", "opdater", type=click.Path(dir_okay=False, path_type=Path), default=None,
              metavar="PROGRAM.yaml",
              help="Læs en redigerbar udgave (render --format redigerbar) tilbage: ret kun de felter i "
                   "PROGRAM.yaml, der er ændret i Word.")
@click.option("--afvis-sporede", is_flag=True, default=False,
              help="Med --opdater: afvis Words sporede ændringer (teksten fra før dem gælder); standard er at "
                   "godkende dem.")
@click.option("--vis", is_flag=True, default=False, help="Med --opdater: vis ændringerne som diff, og skriv intet.")
@click.option("--redline", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="FIL.docx",
              help="Med --opdater: skriv programmet med opdateringen som Words sporede ændringer (til udvalget).")
@dato_option
@rod_option
@click.pass_context
def importer_cmd(ctx, filer, maalbeskrivelse, region, skabelon, out, out_dir, opdater, afvis_sporede, vis, redline,
                 dato, rod):
    """Importér uddannelsesprogrammer fra Word (.docx, .doc) som YAML-udkast.

    Hvert dokument bliver ét udkast mod målbeskrivelsen og fasens nationale skabelon:
    afsnit efter overskrifterne, ansættelser, kompetenceplan, kurser og ansvar, hvor
    dokumentet har dem. Uden --mb finder uddprog målbeskrivelsen i hvert dokument og
    siger, hvilken den valgte; passer et dokument til flere, spørger den. Det, importen
    ikke kan vide, står som UDFYLD; tekst, der ikke passer til et afsnit, står under
    'ikke-placeret'. Kør derefter 'uddprog validate'. Findes en udkastfil allerede,
    rører uddprog den ikke. Exitkode 0: alt importeret; 2: et dokument kunne ikke læses
    (de andre importeres alligevel).

    Med --opdater PROGRAM.yaml læses en redigerbar udgave (uddprog render --format
    redigerbar), som klinikerne har rettet i Word, tilbage: kun de felter, der er
    ændret, rettes i YAML-filen, og alt andet i filen bevares tegn for tegn. Er filen
    ændret, siden dokumentet blev dannet, flettes ændringerne ind; et felt ændret begge
    steder er en konflikt og overskrives ikke. Exitkode 0: opdateret (eller intet at
    opdatere); 1: konflikter, fund eller nye valideringsfejl at se på; 2: forkert input.
    """
    from ..importer import ImportFejl, find_målbeskrivelse, importer_dokument, læs, åbn  # lazy: lxml, markdown_it

    def fejl(besked: str):
        click.echo(f"Fejl: {besked}", err=True)
        ctx.exit(2)

    if opdater is not None:
        if len(filer) != 1:
            fejl(f"--opdater læser ét Word-dokument tilbage, men der er {len(filer)}.")
        if maalbeskrivelse or out or out_dir:
            fejl("--opdater retter PROGRAM.yaml direkte; --mb, --out og --out-dir bruges ikke sammen med den.")
        from .opdater import opdater_cmd  # lazy: the update (lxml, pydantic) only when asked for

        opdater_cmd(ctx, filer[0], opdater, afvis_sporede, vis, redline, dato.date() if dato else None, rod)
        return
    if afvis_sporede or vis or redline:
        fejl("--afvis-sporede, --vis og --redline hører til --opdater.")
    if out and out_dir:
        fejl("angiv enten --out eller --out-dir, ikke begge.")
    if out and len(filer) > 1:
        fejl(f"--out kan kun bruges med ét dokument, men der er {len(filer)}; brug --out-dir.")
    katalog = Katalog(rod) if rod else Katalog.find()
    if maalbeskrivelse is not None:
        region, mb, dok = grundlag(ctx, katalog, maalbeskrivelse, skabelon, region, fejl)
    else:
        region = grundlag_region(ctx, katalog, region, fejl)

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
            r_dok = læs(åbn(fil), str(fil))
            valgt = ""
            if maalbeskrivelse is None:
                mb, dok, valgt = _find_målbeskrivelse(fil, r_dok.værdi, katalog, skabelon, find_målbeskrivelse)
            imp = importer_dokument(r_dok, str(fil), mb.model, dok.model, region, skema)
        except (ImportFejl, _Tvetydig) as e:
            click.echo(f"Fejl: {e}", err=True)
            kode = 2
            continue
        if valgt:
            imp.rapport.insert(0, valgt)
        if mål is None:
            click.echo(("---\n" if skrevet else "") + imp.yaml, nl=False)  # several drafts: one YAML stream
            skrevet += 1
        else:
            mål.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(mål, imp.yaml)
        click.echo(f"{fil}{f' -> {mål}' if mål else ''}", err=True)
        for linje in imp.rapport:
            click.echo(f"  {linje}", err=True)
        if (kilde := _redigerbar(fil)) is not None:
            click.echo(f"  note: dokumentet er en redigerbar udgave af {kilde.fil}; 'uddprog import {fil} --opdater "
                       f"{kilde.fil}' overfører kun rettelserne til den fil.", err=True)
    if kode == 0 and (out or out_dir):
        click.echo("Næste skridt: ret UDFYLD og 'gæt:', flyt teksten under 'ikke-placeret', og kør "
                   "'uddprog validate'.", err=True)
    ctx.exit(kode)


def _redigerbar(fil: Path):
    """The source of an editable document from `render --format redigerbar`, else None."""
    from ..importer.opdatering import kilde_i  # lazy: as above
    from ..importer.pakke import ImportFejl, læs_fil  # lazy: as above

    try:
        return kilde_i(læs_fil(fil), str(fil))
    except ImportFejl:
        return None


class _Tvetydig(Exception):
    """The målbeskrivelse of a document cannot be told (said in Danish)."""


def _reference(mb) -> str:
    return f"{slug(mb.speciale)}/{mb.fase}@{mb.version}"


def _find_målbeskrivelse(fil: Path, dokument, katalog, skabelon: str | None, find_målbeskrivelse):
    """The målbeskrivelse and template a document names; a Danish error when it names none or several."""
    dokumenter = katalog.målbeskrivelser
    valg = find_målbeskrivelse(dokument, [d.model for d in dokumenter])
    if valg.valgt is None:
        if valg.kandidater:
            raise _Tvetydig(f"{fil}: dokumentet passer til flere målbeskrivelser ("
                            + ", ".join(_reference(m) for m in valg.kandidater)
                            + "); angiv den rigtige med --mb, fx --mb " + _reference(valg.kandidater[-1]) + ".")
        raise _Tvetydig(f"{fil}: uddprog kan ikke se i dokumentet, hvilken målbeskrivelse det bygger på; angiv den "
                        "med --mb, fx --mb neurologi/hoveduddannelse@2015 ('uddprog katalog' viser dem).")
    mb = next(d for d in dokumenter if d.model is valg.valgt)
    egnede = sorted(s for s, d in katalog.skabeloner.items() if d.model.fase == mb.model.fase)
    sid = skabelon or (egnede[0] if len(egnede) == 1 else None)
    dok = katalog.skabelon(sid) if sid else None
    if dok is None or dok.model.fase != mb.model.fase:
        raise _Tvetydig(f"{fil}: ingen entydig national skabelon til {mb.model.fase} ({', '.join(egnede) or 'ingen'}); "
                        "angiv --skabelon.")
    linje = valg.linje if len(valg.linje) <= 80 else valg.linje[:79].rsplit(" ", 1)[0] + " …"
    return mb, dok, f"målbeskrivelse fundet i dokumentet: {_reference(mb.model)} (ud fra \"{linje}\")"
