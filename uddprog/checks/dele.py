"""Checks of shared parts (programdele): a part on its own, and a programme against the parts it includes.

A part's texts are checked where they are read: in every programme that includes it (placeholders,
Markdown, old systems), with the place in the part's own file; a finding the same in several programmes
is reported once (``valider``). What a part must get right on its own (its template, its section ids) is
checked here, once, in the part's file.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ..models import visningsnavn
from ..navne import mente_du
from .kontekst import DokumentKontekst, ProgramKontekst
from .registry import Fund, check

E, W = Severity.ERROR, Severity.WARNING


# --- a part on its own ----------------------------------------------------------------------

@check("D001", E, "Programdelens nationale skabelon findes ikke", "programdel")
def del_skabelon(k: DokumentKontekst) -> Iterator[Fund]:
    d = k.dok.model
    if k.katalog.skabelon(d.skabelon) is None:
        kendte = sorted(k.katalog.skabeloner)
        yield (f"Den nationale skabelon '{d.skabelon}' findes ikke."
               + (mente_du(d.skabelon, kendte) or f" Kendte skabeloner: {', '.join(kendte) or 'ingen'}."),
               k.dok.sted("skabelon"))


@check("D002", E, "Et afsnit i programdelen findes ikke i skabelonen", "programdel")
def del_afsnit(k: DokumentKontekst) -> Iterator[Fund]:
    d = k.dok.model
    skabelon = k.katalog.skabelon(d.skabelon)
    if skabelon is None:
        return
    kendte = [s.id for s in skabelon.model.sektioner]
    for sid in d.sektioner:
        if sid not in kendte:
            yield (f"Afsnittet '{sid}' findes ikke i skabelonen '{d.skabelon}'.{mente_du(sid, kendte)} Afsnit i "
                   f"skabelonen: {', '.join(kendte)}.", k.dok.sted("sektioner", sid, nøgle=True))


@check("D003", E, "Programdelens fase passer ikke til skabelonen", "programdel")
def del_fase(k: DokumentKontekst) -> Iterator[Fund]:
    d = k.dok.model
    skabelon = k.katalog.skabelon(d.skabelon)
    if skabelon is not None and d.fase is not None and d.fase != skabelon.model.fase:
        yield (f"Programdelen er til {d.fase}, men skabelonen '{d.skabelon}' er til {skabelon.model.fase}.",
               k.dok.sted("fase"))


# --- a programme and the parts it includes --------------------------------------------------

@check("P070", E, "En programdel er skrevet til en anden skabelon end programmet", "program")
def del_passer(k: ProgramKontekst) -> Iterator[Fund]:
    for i, d in enumerate(k.program.programdele):
        if d.model.skabelon != k.p.skabelon:
            yield (f"Programdelen '{d.model.programdel}' ({d.fil}) udfylder skabelonen '{d.model.skabelon}', men "
                   f"programmet følger '{k.p.skabelon}'; dens afsnit passer ikke til programmets.",
                   k.program.sted("programdele", i))


@check("P071", W, "En programdel gælder en anden videreuddannelsesregion end programmet", "program")
def del_region(k: ProgramKontekst) -> Iterator[Fund]:
    for i, d in enumerate(k.program.programdele):
        region = d.model.videreuddannelsesregion
        if region is not None and region != k.p.videreuddannelsesregion:
            yield (f"Programdelen '{d.model.programdel}' gælder {visningsnavn(region)}, men programmet hører til "
                   f"{visningsnavn(k.p.videreuddannelsesregion)}.", k.program.sted("programdele", i))


@check("P072", W, "'erstatter' nævner et afsnit, som ingen af programdelene har", "program")
def del_erstatter(k: ProgramKontekst) -> Iterator[Fund]:
    fælles = {sid for d in k.program.programdele for sid in d.model.sektioner}
    for i, h in enumerate(k.p.henvisninger):
        for j, sid in enumerate(h.erstatter):
            if sid not in fælles:
                yield (f"Afsnittet '{sid}' står under 'erstatter', men ingen programdel har det; programmets egen "
                       f"tekst står alene.{mente_du(sid, sorted(fælles))}",
                       k.program.sted("programdele", i, "erstatter", j))
