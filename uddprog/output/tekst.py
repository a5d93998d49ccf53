"""Plain text, one line per finding grouped by file; coloured only on a terminal (click strips it)."""

from __future__ import annotations

from itertools import groupby

import click

from ..findings import Severity

MENNESKELIG = True
_FARVE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def skriv(rapport) -> str:
    linjer = []
    for fil, fund in groupby(rapport.fund, key=lambda f: str(f.sted.fil) if f.sted else ""):
        linjer.append(click.style(fil, bold=True))
        for f in fund:
            linjer.append(f"  {f.sted}: " + click.style(f"{f.severity.dansk} {f.check}", fg=_FARVE[f.severity])
                          + f": {f.besked}")
    antal = {s: sum(1 for f in rapport.fund if f.severity == s) for s in Severity}
    fejl, advarsler, info = antal[Severity.ERROR], antal[Severity.WARNING], antal[Severity.INFO]
    n = len(rapport.filer)
    linjer.append(f"{n} {'fil' if n == 1 else 'filer'} kontrolleret: {fejl} fejl, "
                  f"{advarsler} {'advarsel' if advarsler == 1 else 'advarsler'}"
                  + (f", {info} info." if info else "."))
    return "\n".join(linjer) + "\n"
