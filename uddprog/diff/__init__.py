"""`uddprog diff`: what changed between two målbeskrivelse versions, and which programmes must be revised where.

Library use, without the CLI::

    from uddprog.diff import sammenlign, påvirkning, Diffrapport
    sæt = sammenlign(gammel_dok, ny_dok)            # computed once
    programmer = påvirkning(sæt, program_doks, skabeloner, dato)
"""

from .changes import ÆNDRINGSTYPER, Ændring, Ændringssæt, ÆndringsType, sammenlign
from .impact import Programpåvirkning, Træf, påvirkning
from .lineage import Forslag, Gruppe, Slægt, slægt
from .rapport import Diffrapport, som_json
from .status import Statuslinje, status

__all__ = [
    "ÆNDRINGSTYPER", "Diffrapport", "Forslag", "Gruppe", "Programpåvirkning", "Slægt", "Statuslinje", "Træf",
    "Ændring", "ÆndringsType", "Ændringssæt", "påvirkning", "sammenlign", "slægt", "som_json", "status",
]
