"""`uddprog eksport`, `uddprog plan`, `uddprog afdeling`: thin layers over :mod:`uddprog.visninger`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..catalog import Katalog
from ..fejl import UddprogFejl
from ..skriv import skriv_alle, write_atomic
from .valg import DATO, rod_option

EKSPORTFORMATER = ("case", "moodle")


class ProgramFejl(UddprogFejl):
    """A programme file that cannot be used; the message is Danish (exit 2)."""


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


def læs_program(fil: Path, katalog: Katalog):
    """A programme and its målbeskrivelse (None when the catalogue lacks it), or a Danish error (exit 2)."""
    from ..loading import LoadError, indlæs  # lazy: pydantic, yaml only when the command runs

    if not fil.is_file():
        raise ProgramFejl(f"Programfilen '{fil}' findes ikke.")
    try:
        dok = indlæs(fil)
    except LoadError as e:
        raise ProgramFejl(f"'{fil}' kan ikke læses:\n" + "\n".join(f"  {f}" for f in e.fund)) from None
    if dok.type != "uddannelsesprogram":
        raise ProgramFejl(f"'{fil}' er ikke et uddannelsesprogram.")
    mb = katalog.målbeskrivelse(dok.model.målbeskrivelse)
    return dok, (mb.model if mb else None)


@click.command()
@click.argument("program", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--start", type=DATO, required=True, help="Første arbejdsdag i forløbet.")
@click.option("--orlov", "orlov", multiple=True, metavar="FRA:TIL",
              help="Orlov (første og sidste dag), fx 2028-03-01:2028-08-31; forlænger forløbet. Kan gentages.")
@click.option("--navn", default=None, help="Uddannelseslægens navn (skrives kun i de dannede filer).")
@click.option("--vejleder", "vejledere", multiple=True, metavar="ANSÆTTELSE=NAVN",
              help="Hovedvejleder i en ansættelse (ansættelsens id fra programmet). Kan gentages.")
@click.option("--format", "formater", default="ics,docx", show_default=True, metavar="ics,docx",
              help="ics: kalenderen; docx: den individuelle uddannelsesplan.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Mappen filerne skrives i (kalender.ics, uddannelsesplan.docx).")
@rod_option
def plan(program, start, orlov, navn, vejledere, formater, out, rod):
    """Uddannelseslægens kalender og individuelle uddannelsesplan ud fra et program og en startdato.

    Kalenderen (RFC 5545, .ics) har ansættelserne, fristen for hver vejledersamtale, hvert kursusvindue,
    de fokuserede ophold og forskningstræningens frister; uddannelsesplanen (Word) er udfyldt fra
    programmet med datoer og tomme felter til det, der aftales. Orlov forlænger forløbet. Navne kommer kun
    fra kommandolinjen og skrives aldrig i projektmappen. Exitkode 0, eller 2 ved forkert input.
    """
    from ..rod import find_rod  # lazy: as above
    from ..visninger.kalender import ics  # lazy: icalendar only when the command runs
    from ..visninger.tidsplan import læs_orlov, tidsplan  # lazy: pydantic only when the command runs
    from ..visninger.uddannelsesplan import uddannelsesplan_docx  # lazy: as above

    valgte = [f.strip() for f in formater.split(",") if f.strip()]
    if not valgte or any(f not in ("ics", "docx") for f in valgte):
        raise click.BadParameter("vælg ics, docx eller begge (ics,docx).", param_hint="--format")
    katalog = Katalog(rod) if rod else Katalog.find(program)
    projekt = find_rod(program)
    ud = out.resolve()
    if (navn or vejledere) and (ud == projekt.resolve() or projekt.resolve() in ud.parents):
        raise click.BadParameter(f"'{out}' ligger i projektmappen {projekt}; en plan med et navn skrives uden for "
                                 "den, så ingen personoplysninger havner i regionens repository.", param_hint="--out")
    dok, mb = læs_program(program, katalog)
    p = dok.model
    perioder = [læs_orlov(o) for o in orlov]
    vejleder_map: dict[str, str] = {}
    for v in vejledere:
        aid, _, vnavn = v.partition("=")
        if not vnavn.strip() or p.ansættelse(aid.strip()) is None:
            kendte = ", ".join(a.id for a in p.ansættelser)
            raise click.BadParameter(f"'{v}' skal være ANSÆTTELSE=NAVN med en af programmets ansættelser: {kendte}.",
                                     param_hint="--vejleder")
        vejleder_map[aid.strip()] = vnavn.strip()
    start = start.date()
    begivenheder = tidsplan(p, mb, start, perioder)
    filer: dict[Path, bytes] = {}
    if "ics" in valgte:
        filer[out / "kalender.ics"] = ics(p, begivenheder, start, navn)
    if "docx" in valgte:
        filer[out / "uddannelsesplan.docx"] = uddannelsesplan_docx(p, mb, begivenheder, start, perioder, navn,
                                                                   vejleder_map)
    skriv_alle(filer)
    if mb is None:
        click.echo("Advarsel: programmets målbeskrivelse findes ikke i kataloget; kursusvinduer og "
                   "forskningsfrister fra målbeskrivelsen mangler.", err=True)
    for f in filer:
        click.echo(f"Skrevet: {f}", err=True)


def læs_afdelinger(programmappe: Path, katalog: Katalog):
    """The departments of the programmes below ``programmappe``, and the programmes (model, file) read."""
    from ..diff.inputs import indlæs_programmer  # lazy: pydantic, yaml only when the command runs
    from ..visninger.afdelinger import afdelinger  # lazy: as above

    læst = [d for d in indlæs_programmer(programmappe) if not isinstance(d, tuple)]
    return afdelinger([(d.model, d.fil, None) for d in læst], katalog), [(d.model, d.fil) for d in læst]


@click.command()
@click.argument("soeg", metavar="[SØG]...", nargs=-1)
@click.option("--programmer", "programmappe", type=click.Path(exists=True, path_type=Path), default=None,
              metavar="STI", help="Mappe med uddannelsesprogrammer (standard: projektets programmappe).")
@click.option("--format", "format_", type=click.Choice(["text", "xlsx", "docx", "pdf"]), default="text",
              show_default=True, help="text: oversigt; xlsx: afdelingslisten, forløb pr. afdeling og kontakter; "
                                      "docx/pdf: et dokument pr. afdeling til selvevalueringsrapporten.")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="xlsx: filen; docx/pdf: en mappe (eller en fil, når SØG finder én afdeling).")
@click.option("--dato", type=DATO, default=None, help="Datoen dokumentet nævner; standard er i dag.")
@rod_option
def afdeling(soeg, programmappe, format_, out, dato, rod):
    """Hvad programmerne lover på hver afdeling og praksis: forløb, kompetencer, kurser, samtaler og kontakter.

    SØG vælger afdelinger, hvis navn og hospital indeholder ordene (fx 'neurologi aarhus'); uden SØG vises
    alle. docx og pdf giver afdelingens bilag til selvevalueringsrapporten før inspektorbesøget; xlsx
    giver afdelingslisten med forløb og en kontaktliste over UAO'er og PKL'er. Exitkode 0, eller 2 ved forkert
    input, og når SØG ikke finder nogen afdeling.
    """
    from ..navne import slug  # lazy: as above
    from ..rod import find_rod  # lazy: as above

    katalog = Katalog(rod) if rod else Katalog(find_rod(programmappe))
    mappe = programmappe or katalog.programmappe
    if not Path(mappe).exists():
        raise ProgramFejl(f"Programmappen '{mappe}' findes ikke; angiv den med --programmer.")
    if format_ in ("xlsx", "docx", "pdf") and out is None:
        raise click.UsageError(f"--format {format_} skriver filer; angiv hvor med --out.")
    alle, programmer = læs_afdelinger(Path(mappe), katalog)
    soeg = " ".join(soeg)
    ord_ = [slug(o) for o in soeg.split() if slug(o)]
    valgte = [a for a in alle if all(o in a.slug for o in ord_)]
    if not valgte:
        raise ProgramFejl(f"Ingen afdeling passer til '{soeg}'." if soeg else f"Der er ingen programmer i '{mappe}'.")
    dag = dato.date() if dato else date.today()
    if format_ == "text":
        for a in valgte:
            kontakt = "; ".join(f"{k.rolle} {k.navn}" for k in a.kontakter)
            n = len(a.kompetencer)
            click.echo(f"{a.sted} – {a.navn}: {a.antal_forløb} forløb, {a.måneder} måneder, "
                       f"{n} {'kompetence' if n == 1 else 'kompetencer'}" + (f" ({kontakt})" if kontakt else ""))
        return
    if format_ == "xlsx":
        from ..regneark import xlsx_bytes  # lazy: openpyxl only for the spreadsheet
        from ..visninger.regneark import afdelings_ark, kontakt_ark  # lazy: as above

        filer = {f for a in valgte for f in (x.fil for x in a.forløb)}
        ark = afdelings_ark(valgte) + [kontakt_ark([(p, f) for p, f in programmer if f in filer])]
        write_atomic(out, xlsx_bytes(ark, "Afdelinger og kontakter", dag))
        click.echo(f"Afdelingslisten er skrevet til {out}.", err=True)
        return
    from ..visninger.afdeling_docx import afdeling_docx  # lazy: as above

    som_fil = len(valgte) == 1 and out.suffix.lower() == f".{format_}"
    mål = {a.slug: (out if som_fil else out / f"{a.slug}.{format_}") for a in valgte}
    dokumenter = {a.slug: afdeling_docx(a, dag) for a in valgte}
    if format_ == "docx":
        skriv_alle({mål[s]: data for s, data in dokumenter.items()})
    else:
        from ..render.pdf import docx_to_pdf_many  # lazy: LibreOffice only for PDF

        docx_to_pdf_many([(data, mål[s]) for s, data in dokumenter.items()])
    for s in dokumenter:
        click.echo(f"Skrevet: {mål[s]}", err=True)
