"""`uddprog eksport`, `uddprog plan`, `uddprog afdeling`: thin layers over :mod:`uddprog.visninger`."""

from __future__ import annotations

from pathlib import Path

import click

from ..catalog import Katalog
from ..skriv import write_atomic
from .valg import DATO, rod_option

EKSPORTFORMATER = ("case", "moodle")


def _skriv_eller_vis(data: str | bytes, out: Path | None, hvad: str) -> None:
    if out is None:
        if isinstance(data, bytes):
            raise click.UsageError(f"{hvad} er en binær fil; angiv --out FIL.")
        click.echo(data, nl=False)
        return
    write_atomic(out, data)
    click.echo(f"{hvad} er skrevet til {out}.", err=True)


@click.command()
@click.argument("maalbeskrivelse", metavar="MÅLBESKRIVELSE")
@click.option("--format", "format_", type=click.Choice(EKSPORTFORMATER), default="case", show_default=True,
              help="case: 1EdTech CASE 1.1 JSON (CFPackage) med versionshistorik; moodle: Moodles CSV til "
                   "import af en kompetenceramme.")
@click.option("--base-url", default=None, metavar="URL",
              help="CASE: adressen på den CASE-server, filen skal ligge på (fx https://case.region.dk); "
                   "uden den er hvert objekts uri et fast urn:uddprog:-navn.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Skriv til en fil (atomisk) i stedet for til skærmen.")
@rod_option
def eksport(maalbeskrivelse, format_, base_url, out, rod):
    """Målbeskrivelsen som udvekslingsdata: CASE 1.1 JSON eller Moodles kompetence-CSV.

    MÅLBESKRIVELSE er en fil eller en henvisning som neurologi/hoveduddannelse@2015. De syv lægeroller
    står med deres CanMEDS-koder (ME, CM, CL, LD, HA, SC, PR). CASE-filen har faste identifikatorer (UUID5
    af hvert objekts navn) og forbinder kompetencerne med forrige og næste version ('replacedBy', ud fra
    'erstatter'). Exitkode 0, eller 2 ved forkert input.
    """
    from ..diff.inputs import find_målbeskrivelse  # lazy: pydantic, yaml only when the command runs
    from ..visninger.udveksling import case_json, case_pakke, moodle_csv, naboer  # lazy: as above

    katalog = Katalog(rod) if rod else Katalog.find(Path(maalbeskrivelse) if Path(maalbeskrivelse).exists() else None)
    dok = find_målbeskrivelse(maalbeskrivelse, katalog)
    mb = dok.model
    if format_ == "moodle":
        _skriv_eller_vis(moodle_csv(mb), out, "Kompetencerammen")
        return
    versioner = [d.model for d in katalog.versioner(mb.speciale, mb.fase)]
    if not any(v.version == mb.version for v in versioner):
        versioner = [mb]  # a file outside the catalogue: no lineage to tell
    if base_url is not None and not base_url.startswith(("https://", "http://")):
        raise click.BadParameter("skal være en adresse, der begynder med https://", param_hint="--base-url")
    _skriv_eller_vis(case_json(case_pakke(mb, *naboer(versioner, mb), base_url=base_url)), out, "CASE-pakken")


_ = DATO  # the shared date type, used by the commands below
