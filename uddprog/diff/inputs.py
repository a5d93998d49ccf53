"""Resolving OLD and NEW (files or ``speciale/fase@version``) and reading the programmes.

Every way the input can be wrong becomes a :class:`DiffFejl` with a Danish
message; the CLI turns it into exit code 2.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..catalog import Katalog, yaml_filer
from ..findings import Finding
from ..loading import Dokument, LoadError, indlæs
from ..models import Fase, Maalbeskrivelse, Uddannelsesprogram
from ..render.writer import slug


class DiffFejl(Exception):
    """Bad input or usage; the message is Danish and meant for the user."""


_REFERENCE = re.compile(r"^(?P<speciale>[^/@]+)/(?P<fase>[^/@]+)@(?P<version>[^/@]+)$")


def er_reference(tekst: str) -> bool:
    return bool(_REFERENCE.match(tekst.strip()))


def find_målbeskrivelse(arg: str, katalog: Katalog) -> Dokument[Maalbeskrivelse]:
    """A målbeskrivelse from a file path, or from a reference looked up in the catalog."""
    sti = Path(arg)
    if sti.exists() or not er_reference(arg):
        return _fra_fil(sti)
    m = _REFERENCE.match(arg.strip())
    speciale, fase, version = m["speciale"].strip(), m["fase"].strip().lower(), m["version"].strip()
    if fase not in {f.value for f in Fase}:
        raise DiffFejl(f"Ukendt fase '{fase}' i '{arg}'. Faser: {', '.join(f.value for f in Fase)}.")
    kandidater = [d for d in katalog.målbeskrivelser if slug(d.model.speciale) == slug(speciale)]
    if not kandidater:
        kendte = ", ".join(katalog.kendte_specialer()) or "ingen"
        raise DiffFejl(f"Ingen målbeskrivelse for specialet '{speciale}' i {katalog.rod / 'målbeskrivelser'}. "
                       f"Kendte specialer: {kendte}.")
    i_fasen = sorted((d for d in kandidater if d.model.fase == fase), key=lambda d: d.model.gyldig_fra)
    fundet = [d for d in i_fasen if d.model.version == version]
    if not fundet:
        versioner = ", ".join(d.model.version for d in i_fasen) or "ingen i den fase"
        raise DiffFejl(f"Ingen målbeskrivelse '{arg}'. Versioner af {kandidater[0].model.speciale}, {fase}: {versioner}.")
    return fundet[0]


def _fra_fil(sti: Path) -> Dokument[Maalbeskrivelse]:
    if not sti.exists():
        raise DiffFejl(f"Filen '{sti}' findes ikke (og er ikke en henvisning på formen "
                       "speciale/fase@version, fx neurologi/hoveduddannelse@2015).")
    try:
        dok = indlæs(sti)
    except LoadError as e:
        raise DiffFejl(f"'{sti}' kan ikke læses:\n" + "\n".join(f"  {f}" for f in e.fund)) from None
    if dok.type != "målbeskrivelse":
        raise DiffFejl(f"'{sti}' er en {dok.type}, ikke en målbeskrivelse.")
    return dok


def find_par(gammel: str, ny: str, katalog: Katalog) -> tuple[Dokument[Maalbeskrivelse], Dokument[Maalbeskrivelse]]:
    """OLD and NEW, checked to be two versions of the same specialty and phase, oldest first."""
    g, n = find_målbeskrivelse(gammel, katalog), find_målbeskrivelse(ny, katalog)
    if g.fil.resolve() == n.fil.resolve():
        raise DiffFejl(f"OLD og NEW er den samme fil ({g.fil}). Angiv to forskellige versioner.")
    gm, nm = g.model, n.model
    if slug(gm.speciale) != slug(nm.speciale):
        raise DiffFejl(f"De to målbeskrivelser gælder forskellige specialer ({gm.speciale} og {nm.speciale}); "
                       "kun versioner af samme speciale kan sammenlignes.")
    if gm.fase != nm.fase:
        raise DiffFejl(f"De to målbeskrivelser gælder forskellige faser ({gm.fase} og {nm.fase}); "
                       "kun versioner af samme fase kan sammenlignes.")
    if gm.gyldig_fra > nm.gyldig_fra:
        raise DiffFejl(f"OLD (version {gm.version}, gyldig fra {gm.gyldig_fra}) er nyere end NEW (version {nm.version}, "
                       f"gyldig fra {nm.gyldig_fra}). Byt om på de to.")
    return g, n


Indlæst = Dokument[Uddannelsesprogram] | tuple[Path, list[Finding]]


def indlæs_programmer(mappe: Path) -> list[Indlæst]:
    """Every programme below ``mappe``; other document kinds are skipped, unreadable files reported."""
    if not mappe.is_dir():
        raise DiffFejl(f"Programmappen '{mappe}' findes ikke.")
    ud: list[Indlæst] = []
    for fil in yaml_filer(mappe):
        try:
            dok = indlæs(fil)
        except LoadError as e:
            ud.append((fil, e.fund))
            continue
        if dok.type == "uddannelsesprogram":
            ud.append(dok)
    return ud
