"""A programme's shared parts (``programdele:``) resolved into one model, with the origin of every text.

A programme includes shared parts by path: ``./`` or ``../`` first is relative to the programme's own
folder, any other path relative to the repository's root; a path may not leave the repository. The
sections of the parts come first, in the order the parts are listed, and the programme's own text of the
same section follows (or replaces them, for the sections its reference names under ``erstatter``). The
result is an ordinary :class:`~uddprog.models.Uddannelsesprogram`: the renderer, diff, the site and every
check see the whole programme as a reader does.

What is lost by joining texts is kept beside the model: for each joined section the parts it is made of
(:class:`Tekstdel`: file, positions, path and first line in the joined text), so a finding in a text that
came from a shared part points into the shared file, at the right line.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ..findings import Finding, Location, Severity
from ..rod import repository_rod
from .yamlfil import LoadError, Positions, Sti, læs_tekst

#: Reads the text of an included file; ``uddprog diff --siden`` reads it from git at a revision.
LæsDel = Callable[[Path], str]


@dataclass(frozen=True)
class Tekstdel:
    """One part of a joined text: where it stands (file, positions, path there) and the line (0-based) of the
    joined text it begins on."""

    fil: Path
    positions: Positions
    sti: Sti
    første_linje: int


def del_sti(henvisning: str, program: Path) -> Path | None:
    """The file a ``programdele`` entry names, or None when it lies outside the programme's repository."""
    tekst = henvisning.strip().replace("\\", "/")
    if not tekst or os.path.isabs(tekst) or tekst.startswith("/"):
        return None
    rod = repository_rod(program)
    grundlag = Path(os.path.abspath(program)).parent if tekst.startswith(("./", "../")) else Path(os.path.abspath(rod))
    sti = Path(os.path.normpath(grundlag / tekst))
    if not sti.is_relative_to(os.path.abspath(rod)):
        return None
    # As the programme's path is written (relative to the working folder when it was), so messages stay short.
    if not Path(program).is_absolute():
        try:
            return Path(os.path.relpath(sti))
        except ValueError:
            return sti
    return sti


#: Shared parts read in this process, by path and text: a batch of thousands of programmes that include one part
#: parses it once, and a long-running process (serve) sees every change, also one that keeps the file's size and
#: time stamp (an editor saving twice within the file system's clock tick): the bytes are the key, as in every
#: cache of uddprog (``fingeraftryk``).
_DELE: dict[tuple[str, str], object] = {}
_DELE_MAKS = 256


def _indlæs_del(sti: Path, indlæs):
    tekst = læs_tekst(sti)  # the loader's own reading: its Danish errors for a part that cannot be read
    nøgle = (os.path.abspath(sti), tekst)
    d = _DELE.get(nøgle)
    if d is None or d.fil != sti:
        d = indlæs(sti, tekst=tekst)
        if len(_DELE) >= _DELE_MAKS:
            _DELE.clear()
        _DELE[nøgle] = d
    return d


def _fejl(besked: str, sted: Location) -> LoadError:
    return LoadError([Finding("L009", Severity.ERROR, besked, sted)])


def sammensæt(dok, indlæs, læs: LæsDel | None = None):
    """``dok`` (a programme) with its shared parts joined in; ``indlæs`` loads one file (``loading.indlæs``).

    Raises :class:`LoadError`: L009 at the programme's entry when a part cannot be found, is no programdel or
    is named twice; the part's own findings (in the part's file) when it cannot be read."""
    p = dok.model
    henvisninger = p.henvisninger
    if not henvisninger:
        return dok
    dele = []
    set_: dict[str, int] = {}
    for i, h in enumerate(henvisninger):
        sted = dok.sted("programdele", i)
        sti = del_sti(h.fil, dok.fil)
        if sti is None:
            raise _fejl(f"Programdelen '{h.fil}' ligger uden for repositoriet; angiv en sti inde i det, fx "
                        "'programdele/faelles.yaml' (fra roden) eller '../faelles.yaml' (fra programmets mappe).", sted)
        nøgle = os.path.abspath(sti)
        if nøgle in set_:
            raise _fejl(f"Programdelen '{h.fil}' står allerede som nr. {set_[nøgle] + 1} under 'programdele'.", sted)
        set_[nøgle] = i
        if nøgle == os.path.abspath(dok.fil):
            raise _fejl("Programmet kan ikke bygge på sig selv; 'programdele' skal nævne en programdel.", sted)
        if læs is None and not sti.is_file():
            hjælp = " (stier med './' eller '../' først regnes fra programmets mappe, andre fra repositoriets rod)"
            raise _fejl(f"Programdelen '{h.fil}' findes ikke: {sti}{hjælp}.", sted)
        try:
            d = indlæs(sti, tekst=læs(sti)) if læs is not None else _indlæs_del(sti, indlæs)
        except LoadError as e:
            if læs is not None and all(f.check == "L001" for f in e.fund):
                raise _fejl(f"Programdelen '{h.fil}' kan ikke læses: {e.fund[0].besked}", sted) from None
            raise
        if d.type != "programdel":
            raise _fejl(f"'{h.fil}' er ikke en programdel (en programdel har 'programdel:' med sit navn øverst).", sted)
        dele.append(d)

    erstattes = {sid for h in henvisninger for sid in h.erstatter}
    stykker: dict[str, list[tuple[str, Path, Positions, Sti]]] = {}
    for d in dele:
        for sid, tekst in d.model.sektioner.items():
            stykker.setdefault(sid, []).append((tekst, d.fil, d.positions, ("sektioner", sid)))
    for sid, tekst in p.sektioner.items():
        egen = (tekst, dok.fil, dok.positions, ("sektioner", sid))
        if sid in erstattes:
            stykker[sid] = [egen]
        else:
            stykker.setdefault(sid, []).append(egen)

    sektioner: dict[str, str] = {}
    oprindelse: dict[Sti, tuple[Tekstdel, ...]] = {}
    for sid, liste in stykker.items():
        if len(liste) == 1 and liste[0][1] == dok.fil:
            sektioner[sid] = liste[0][0]  # the programme's own text only: its own positions say where
            continue
        brugte = [s for s in liste if s[0].strip()] or liste[:1]  # an empty local text adds nothing
        tekster, dele_ = [], []
        linje = 0
        for tekst, fil, positions, sti in brugte:
            tekst = tekst.rstrip()
            tekster.append(tekst)
            dele_.append(Tekstdel(fil, positions, sti, linje))
            linje += tekst.count("\n") + 2  # the part's lines and the blank line between parts
        sektioner[sid] = "\n\n".join(tekster) + "\n" if any(tekster) else ""
        oprindelse[("sektioner", sid)] = tuple(dele_)
    model = p.model_copy(update={"sektioner": sektioner})
    return replace(dok, model=model, dele=oprindelse, programdele=tuple(dele))
