"""Click's own messages (usage errors, help headings) in Danish.

Click marks its messages for gettext; we install a small catalogue in its
modules instead of shipping .mo files, so a wrong option gets the same Danish
as the rest of uddprog.
"""

from __future__ import annotations

import importlib

_KATALOG = {
    "Error: {message}": "Fejl: {message}",
    "Try '{command} {option}' for help.": "Se '{command} {option}' for hjælp.",
    "Invalid value: {message}": "Ugyldig værdi: {message}",
    "Invalid value for {param_hint}: {message}": "Ugyldig værdi for {param_hint}: {message}",
    "Missing argument": "Mangler argumentet",
    "Missing option": "Mangler tilvalget",
    "Missing parameter": "Mangler parameteren",
    "Missing parameter: {param_name}": "Mangler parameteren: {param_name}",
    "No such option: {name}": "Ukendt tilvalg: {name}",
    "No such option {name!r}.": "Ukendt tilvalg {name!r}.",
    "No such command {name!r}.": "Ukendt kommando {name!r}.",
    "Could not open file {filename!r}: {message}": "Kan ikke åbne filen {filename!r}: {message}",
    "{value!r} is not a valid {number_type}.": "{value!r} er ikke et gyldigt tal.",
    "{value} is not in the range {range}.": "{value} ligger ikke i intervallet {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} findes ikke.",
    "{name} {filename!r} is a file.": "{name} {filename!r} er en fil.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} er en mappe.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} kan ikke læses.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} kan ikke skrives.",
    "file": "Filen",
    "directory": "Mappen",
    "path": "Stien",
    "Option {name!r} does not take a value.": "Tilvalget {name!r} tager ingen værdi.",
    "Show this message and exit.": "Vis denne hjælp og afslut.",
    "Show the version and exit.": "Vis versionen og afslut.",
    "Usage:": "Brug:",
    "Options": "Tilvalg",
    "Commands": "Kommandoer",
    "Arguments": "Argumenter",
    "Aborted!": "Afbrudt.",
    "Did you mean {possibility}?": "Mente du {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Mente du en af: {possibilities}?)",
    "{value!r} is not {choice}.": "{value!r} er ikke {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} er ikke en af {choices}.",
    "{value!r} does not match the format {format}.": "{value!r} har ikke formatet {format} (ÅÅÅÅ-MM-DD).",
    "{value!r} does not match the formats {formats}.": "{value!r} har ingen af formaterne {formats}.",
    "Option {name!r} requires an argument.": "Tilvalget {name!r} kræver en værdi.",
    "Option {name!r} requires {nargs} arguments.": "Tilvalget {name!r} kræver {nargs} værdier.",
    "Got unexpected extra argument ({args})": "Uventet ekstra argument ({args})",
    "Got unexpected extra arguments ({args})": "Uventede ekstra argumenter ({args})",
    "default: {default}": "standard: {default}",
    "required": "påkrævet",
    "env var: {var}": "miljøvariabel: {var}",
    "(dynamic)": "(beregnet)",
}

#: Metavars click builds from its type names (``--jobs INTEGER``), in Danish.
_METAVARS = {"TEXT": "TEKST", "INTEGER": "TAL", "INTEGER RANGE": "TAL", "FLOAT": "TAL", "FLOAT RANGE": "TAL",
             "BOOLEAN": "JA/NEJ", "MAPPEN": "MAPPE", "FILEN": "FIL", "STIEN": "STI", "UUID": "UUID",
             "FILENAME": "FIL", "PATH": "STI", "DIRECTORY": "MAPPE", "FILE": "FIL"}


def _beskriv_interval(self) -> str:
    """A number range in help text: 'mindst 1' rather than click's 'x>=1'."""
    lav = None if self.min is None else self.min + (1 if self.min_open else 0)
    høj = None if self.max is None else self.max - (1 if self.max_open else 0)
    if høj is None:
        return f"mindst {lav}"
    if lav is None:
        return f"højst {høj}"
    return f"{lav}–{høj}"


def _gettext(besked: str) -> str:
    return _KATALOG.get(besked, besked)


def _ngettext(ental: str, flertal: str, n: int) -> str:
    return _gettext(ental if n == 1 else flertal)


def installer() -> None:
    for navn in ("core", "exceptions", "types", "parser", "decorators", "formatting", "termui"):
        modul = importlib.import_module(f"click.{navn}")
        if hasattr(modul, "_"):
            modul._ = _gettext
        if hasattr(modul, "ngettext"):
            modul.ngettext = _ngettext
    import click.core
    import click.types

    if getattr(click.core.Parameter.make_metavar, "_dansk", False):
        return
    engelsk_metavar = click.core.Parameter.make_metavar

    def make_metavar(self, *args, **kwargs) -> str:
        metavar = engelsk_metavar(self, *args, **kwargs)
        kerne, prikker = (metavar[:-3], "...") if metavar.endswith("...") else (metavar, "")
        return _METAVARS.get(kerne, kerne) + prikker

    make_metavar._dansk = True
    click.core.Parameter.make_metavar = make_metavar
    click.types._NumberRangeBase._describe_range = _beskriv_interval
    engelsk_brug = click.core.Command.collect_usage_pieces

    def collect_usage_pieces(self, ctx):
        return ["[TILVALG]" if del_ == "[OPTIONS]" else del_ for del_ in engelsk_brug(self, ctx)]

    click.core.Command.collect_usage_pieces = collect_usage_pieces
