"""Resolving OLD and NEW (files or ``speciale/fase@version``) and reading the programmes.

Every way the input can be wrong becomes a :class:`DiffFejl` with a Danish
message; the CLI turns it into exit code 2.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..catalog import Katalog, OpslagsFejl, er_reference
from ..datoer import dansk_dato
from ..fejl import UddprogFejl
from ..findings import Finding
from ..loading import ART, Dokument, LoadError, indlæs, læs_tekst
from ..loading.yamlfil import Loader, spring_over
from ..models import Fase, Maalbeskrivelse, Uddannelsesprogram
from ..navne import slug
from ..rod import for_bred, yaml_filer
from .impact import mb_nøgle


class DiffFejl(UddprogFejl):
    """Bad input or usage; the message is Danish and meant for the user."""


def find_målbeskrivelse(arg: str, katalog: Katalog) -> Dokument[Maalbeskrivelse]:
    """A målbeskrivelse from a file path, or from a reference looked up in the catalog."""
    sti = Path(arg)
    if sti.exists() or not er_reference(arg):
        return _fra_fil(sti)
    try:
        return katalog.slå_op(arg)
    except OpslagsFejl as e:
        raise DiffFejl(str(e)) from None


def _fra_fil(sti: Path) -> Dokument[Maalbeskrivelse]:
    if not sti.exists():
        raise DiffFejl(f"Filen '{sti}' findes ikke (og er ikke en henvisning på formen "
                       "speciale/fase@version, fx neurologi/hoveduddannelse@2015).")
    try:
        dok = indlæs(sti)
    except LoadError as e:
        raise DiffFejl(f"'{sti}' kan ikke læses:\n" + "\n".join(f"  {f}" for f in e.fund)) from None
    if dok.type != "målbeskrivelse":
        raise DiffFejl(f"'{sti}' er {ART[dok.type]}, ikke en målbeskrivelse.")
    return dok


def find_par(gammel: str, ny: str, katalog: Katalog) -> tuple[Dokument[Maalbeskrivelse], Dokument[Maalbeskrivelse]]:
    """GAMMEL and NY (old and new), checked to be two versions of the same specialty and phase, oldest first."""
    g, n = find_målbeskrivelse(gammel, katalog), find_målbeskrivelse(ny, katalog)
    if g.fil.resolve() == n.fil.resolve():
        raise DiffFejl(f"GAMMEL og NY er den samme fil ({g.fil}). Angiv to forskellige versioner.")
    gm, nm = g.model, n.model
    if slug(gm.speciale) != slug(nm.speciale):
        raise DiffFejl(f"De to målbeskrivelser gælder forskellige specialer ({gm.speciale} og {nm.speciale}); "
                       "kun versioner af samme speciale kan sammenlignes.")
    if gm.fase != nm.fase:
        raise DiffFejl(f"De to målbeskrivelser gælder forskellige faser ({gm.fase} og {nm.fase}); "
                       "kun versioner af samme fase kan sammenlignes.")
    if gm.gyldig_fra > nm.gyldig_fra:
        raise DiffFejl(f"GAMMEL (version {gm.version}, gyldig fra {dansk_dato(gm.gyldig_fra)}) er nyere end NY "
                       f"(version {nm.version}, gyldig fra {dansk_dato(nm.gyldig_fra)}). Byt om på de to.")
    return g, n


Indlæst = Dokument[Uddannelsesprogram] | tuple[Path, list[Finding]]


@dataclass(frozen=True)
class _Reference:
    speciale: str
    fase: str
    version: str


@dataclass(frozen=True)
class _Hoved:
    titel: str
    skabelon: str
    målbeskrivelse: _Reference


@dataclass(frozen=True)
class Programhoved:
    """A programme read only as far as its title, template and målbeskrivelse reference.

    Enough for a programme that does not build on OLD: the report lists it with these three facts.
    Full loading (with positions and validation) is for the programmes the change set can hit.
    """

    fil: Path
    model: _Hoved


_FASER = frozenset(f.value for f in Fase)


_UDSNIT = (1024, 4096)  # the three keys stand in the first lines of a programme; libyaml's cost grows with the text


def læs_hoved(tekst: str) -> _Hoved | None:
    """Title, template and reference from the first top-level keys, reading YAML events only as far as
    needed; None whenever anything is unusual (then the caller loads the file fully).

    The first lines are tried first (starting libyaml on a whole 40 KB file costs more than reading its
    head); a value is only trusted when at least one whole line follows it in that excerpt, so a text cut
    in the middle can never pass for the real one.
    """
    for længde in _UDSNIT:
        if len(tekst) > længde:
            slut = tekst.rfind("\n", 0, længde)
            if slut > 0:
                udsnit = tekst[:slut + 1]
                hoved = _læs_hoved(udsnit, udsnit.count("\n") - 2)
                if hoved is not None:
                    return hoved
    return _læs_hoved(tekst, None)


def _læs_hoved(tekst: str, sidste_linje: int | None) -> _Hoved | None:
    def hel(e) -> bool:  # ended before the excerpt's last whole line
        return sidste_linje is None or e.end_mark.line < sidste_linje

    fundet: dict = {}
    try:
        hændelser = yaml.parse(tekst, Loader=Loader)
        for e in hændelser:
            if isinstance(e, yaml.MappingStartEvent) and e.tag is None:
                break
            if not isinstance(e, (yaml.StreamStartEvent, yaml.DocumentStartEvent)):
                return None
        else:
            return None
        while len(fundet) < 3:
            k = next(hændelser)
            if not isinstance(k, yaml.ScalarEvent) or k.tag is not None:
                return None  # the end of the mapping, or a key that is not plain text
            v = next(hændelser)
            if k.value in fundet or isinstance(v, yaml.AliasEvent) or getattr(v, "tag", None) is not None:
                return None
            if k.value in ("titel", "skabelon"):
                if not isinstance(v, yaml.ScalarEvent) or not hel(v):
                    return None
                fundet[k.value] = v.value.strip()
            elif k.value == "målbeskrivelse":
                if not isinstance(v, yaml.MappingStartEvent):
                    return None
                ref: dict[str, str] = {}
                for rk in hændelser:
                    if isinstance(rk, yaml.MappingEndEvent):
                        if not hel(rk):
                            return None
                        break
                    rv = next(hændelser)
                    if not (isinstance(rk, yaml.ScalarEvent) and isinstance(rv, yaml.ScalarEvent)) \
                            or rk.tag is not None or rv.tag is not None or rk.value in ref:
                        return None
                    ref[rk.value] = rv.value.strip()
                if set(ref) != {"speciale", "fase", "version"} or ref["fase"] not in _FASER \
                        or not all(ref.values()):
                    return None
                fundet[k.value] = _Reference(**ref)
            else:
                spring_over(v, hændelser)
    except (yaml.YAMLError, StopIteration, RecursionError, ValueError):
        return None
    if not fundet["titel"] or not fundet["skabelon"]:
        return None
    return _Hoved(fundet["titel"], fundet["skabelon"], fundet["målbeskrivelse"])


def _programfiler(sti: Path) -> list[Path]:
    """The YAML files below a folder, or one programme file named directly."""
    sti = Path(sti)
    if sti.is_file():
        return [sti]
    if not sti.is_dir():
        raise DiffFejl(f"'{sti}' findes ikke; angiv en mappe med uddannelsesprogrammer eller en programfil.")
    if for_bred(sti):
        raise DiffFejl(f"'{sti}' er {'filsystemets rod' if sti.resolve() == Path(sti.resolve().anchor) else 'hjemmemappen'}; "
                       "angiv mappen med uddannelsesprogrammerne, fx examples/.")
    return yaml_filer(sti)


def programmer_for(mappe: Path, nøgle) -> Iterator[Indlæst | Programhoved]:
    """The programmes below ``mappe`` for a diff against the målbeskrivelse with key ``nøgle``, one at a time.

    A programme whose reference (read from its first lines) is not ``nøgle`` comes as a
    :class:`Programhoved`; the rest are loaded fully like :func:`indlæs_programmer` does. Nothing is
    held between files, so memory stays flat in the number of programmes.
    """

    for fil in _programfiler(mappe):
        try:
            tekst = læs_tekst(fil)
        except LoadError as e:
            yield (fil, e.fund)
            continue
        hoved = læs_hoved(tekst)
        if hoved is not None:
            r = hoved.målbeskrivelse
            if mb_nøgle(r.speciale, r.fase, r.version) != nøgle:
                yield Programhoved(fil, hoved)
                continue
        try:
            dok = indlæs(fil, tekst=tekst)
        except LoadError as e:
            yield (fil, e.fund)
            continue
        if dok.type == "uddannelsesprogram":
            yield dok


def indlæs_programmer(mappe: Path) -> list[Indlæst]:
    """Every programme below ``mappe``; other document kinds are skipped, unreadable files reported."""
    ud: list[Indlæst] = []
    for fil in _programfiler(mappe):
        try:
            dok = indlæs(fil)
        except LoadError as e:
            ud.append((fil, e.fund))
            continue
        if dok.type == "uddannelsesprogram":
            ud.append(dok)
    return ud

