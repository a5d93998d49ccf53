"""`uddprog ny`: the skeleton of a new programme from its målbeskrivelse and national template."""

from __future__ import annotations

import shlex
from pathlib import Path

import click

from ..catalog import Katalog, OpslagsFejl, er_reference
from ..config import find
from ..datoer import dansk_dato
from ..navne import mente_du, slug
from ..rod import skemalink
from ..skriv import write_atomic
from .valg import region_valg, rod_option


def henvisning(mb) -> str:
    """The reference a user types for a målbeskrivelse: neurologi/hoveduddannelse@2015."""

    return f"{slug(mb.speciale)}/{mb.fase}@{mb.version}"


def _ikke_en_henvisning(katalog: Katalog, tekst: str) -> str:
    """'neurologi' is no file and no whole reference: propose the one meant, and name the versions there are."""
    kandidater = katalog.delvis_henvisning(tekst)
    if not kandidater:
        specialer = katalog.kendte_specialer()
        return (f"'{tekst}' er hverken en fil eller en henvisning på formen speciale/fase@version, fx "
                f"neurologi/hoveduddannelse@2015.{mente_du(tekst.partition('/')[0], specialer)} Se alle med 'uddprog katalog'.")
    faser = [str(d.model.fase) for d in kandidater]
    fase = "hoveduddannelse" if "hoveduddannelse" in faser else faser[-1]
    forslag = [d for d in kandidater if str(d.model.fase) == fase][-1]  # the newest version of that phase
    return (f"'{tekst}' er ikke en hel henvisning (speciale/fase@version). Mente du {henvisning(forslag.model)}? "
            f"Målbeskrivelser for {kandidater[0].model.speciale}: {', '.join(henvisning(d.model) for d in kandidater)}.")


def grundlag_region(ctx, katalog, region, fejl):
    """The region given, else the repository's uddprog.toml's; `fejl` ends the command when there is none."""
    if region is None:
        konfig = find(katalog.rod)
        if konfig.region is None:
            fejl("angiv regionen med --region Nord, Syd eller Øst (eller region = \"…\" i uddprog.toml).")
        try:
            region = region_valg(ctx, None, konfig.region)
        except click.BadParameter as e:
            fejl(f"region i {konfig.fil}: {e.message}")
    return region


def grundlag(ctx, katalog, maalbeskrivelse: str, skabelon: str | None, region, fejl):
    """Region, målbeskrivelse and national template for a new programme (`ny`) or a draft (`import`).

    The region falls back to the repository's uddprog.toml; the template to the only one for the phase.
    `fejl` ends the command with a Danish message.
    """
    from ..loading import LoadError, indlæs  # lazy: pydantic, yaml only when this runs

    if not Path(maalbeskrivelse).exists() and not er_reference(maalbeskrivelse) \
            and Path(maalbeskrivelse).suffix.lower() not in (".yaml", ".yml"):
        fejl(_ikke_en_henvisning(katalog, maalbeskrivelse))
    try:
        if Path(maalbeskrivelse).exists() or not er_reference(maalbeskrivelse):
            mb = indlæs(Path(maalbeskrivelse), "målbeskrivelse")
        else:
            mb = katalog.slå_op(maalbeskrivelse)
    except OpslagsFejl as e:
        fejl(str(e))
    except LoadError as e:
        fejl("målbeskrivelsen kan ikke læses:\n" + "\n".join(f"  {f}" for f in e.fund))
    region = grundlag_region(ctx, katalog, region, fejl)  # after the målbeskrivelse: a wrong reference is told first
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
    return region, mb, dok


def programdelsti(sti: Path, out: Path | None, rod: Path) -> str:
    """A shared part's path as the programme writes it: from the programme's folder ('../fælles/x.yaml') when
    the programme is written to a file, else from the repository's root."""
    import os

    if out is not None:
        rel = Path(os.path.relpath(os.path.abspath(sti), os.path.abspath(out.parent))).as_posix()
        return rel if rel.startswith("../") else f"./{rel}"
    return Path(os.path.relpath(os.path.abspath(sti), os.path.abspath(rod))).as_posix()


@click.command()
@click.argument("maalbeskrivelse", metavar="MÅLBESKRIVELSE")
@click.option("--region", default=None, callback=region_valg,
              help="Videreuddannelsesregion: Nord, Syd eller Øst (standard: region i uddprog.toml).")
@click.option("--skabelon", default=None, help="Den nationale skabelons id (standard: skabelonen for fasen).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Fil at skrive (findes den, rør uddprog den ikke). Uden --out skrives til skærmen.")
@click.option("--programdel", "programdele", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="En fælles programdel programmet bygger på (kan gentages); dens afsnit skrives ikke igen.")
@rod_option
@click.pass_context
def ny(ctx, maalbeskrivelse, region, skabelon, out, programdele, rod):
    """Skriv et skelet til et nyt uddannelsesprogram.

    MÅLBESKRIVELSE er en fil eller en henvisning som neurologi/hoveduddannelse@2015.
    Skelettet har alle kompetencer planlagt med de obligatoriske vurderingsmetoder,
    kurserne i deres tidsvinduer og skabelonens afsnit med vejledning; udfyld resten,
    og kør 'uddprog validate', som viser hvad der mangler. Skelettet er et udkast
    ('status: udkast'), til det er færdigt.
    """
    from ..loading import LoadError, indlæs  # lazy: pydantic, yaml only when this runs
    from ..skelet import skelet  # lazy: pydantic only when this runs

    katalog = Katalog(rod) if rod else Katalog.find()

    def fejl(besked: str):
        click.echo(f"Fejl: {besked}", err=True)
        ctx.exit(2)

    region, mb, dok = grundlag(ctx, katalog, maalbeskrivelse, skabelon, region, fejl)
    dele = []
    for sti in programdele:
        try:
            d = indlæs(sti, "programdel")
        except LoadError as e:
            fejl(f"programdelen {sti} kan ikke læses:\n" + "\n".join(f"  {f}" for f in e.fund))
        if d.model.skabelon != dok.model.id:
            fejl(f"programdelen {sti} udfylder skabelonen '{d.model.skabelon}', men programmet følger "
                 f"'{dok.model.id}'.")
        dele.append((programdelsti(sti, out, katalog.rod), d.model))
    # The editor's link to the schema, from where the file will be (the working folder for the screen).
    skema = skemalink(out.parent if out else Path.cwd(), katalog.rod, "uddannelsesprogram.schema.json")
    tekst = skelet(mb.model, dok.model, region, dele, skema)
    nyere = katalog.nyere_versioner(mb.model)
    if nyere:  # an author should not start a programme on a version already replaced
        nyeste = nyere[-1].model
        click.echo(f"Advarsel: {mb.model.speciale}, {mb.model.fase}, version {mb.model.version} er afløst af "
                   f"version {nyeste.version} (gælder fra {dansk_dato(nyeste.gyldig_fra)}). Skriv hellere programmet "
                   f"ud fra den nye: uddprog ny {henvisning(nyeste)} --region {region}", err=True)
    if out is None:
        click.echo(tekst, nl=False)
        return
    if out.exists():
        fejl(f"{out} findes allerede; uddprog overskriver ikke et program. Vælg et andet filnavn.")
    write_atomic(out, tekst)
    # quoted as a shell needs it: "…/Ålborg forløb 7.yaml" has spaces
    click.echo(f"Skrev {out}. Udfyld det, og kør: uddprog validate {shlex.quote(str(out))}", err=True)
