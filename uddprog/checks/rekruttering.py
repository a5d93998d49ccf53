"""Checks of recruitment rounds (R001–R010, without R008) and targets (R011–R015).

A round refers to forløb by the name in the programmes' ``forløb:``, within its region, specialty and
phase. `uddprog validate` resolves the names against the repository's programmes (examples/);
`uddprog stats` against the programmes it counts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..catalog import Katalog
from ..findings import Severity
from ..forloeb import celle
from ..loading import Dokument
from ..models import visningsnavn
from ..models.aftale import målingsnøgler
from ..models.vocab import Videreuddannelsesregion
from ..navne import mente_du, slug
from .registry import Fund, beskriv, check

E, W = Severity.ERROR, Severity.WARNING

FELTER = ("opslået", "besat", "genopslået", "ubesat", "flexforløb")


@dataclass(frozen=True)
class RundeKontekst:
    """A round and the forløb it may refer to (``forloeb.forløbsindeks``): stats passes the programmes it
    counts, validate the repository's."""

    dok: Dokument
    katalog: Katalog
    indeks: dict


def _indeks(k: RundeKontekst) -> dict:
    return k.indeks


def _celle(k):
    r = k.dok.model
    return celle(r.videreuddannelsesregion, r.speciale, r.fase)


def _beskrivelse(r) -> str:
    return f"{r.speciale} ({r.fase}) i {visningsnavn(r.videreuddannelsesregion)}"


@check("R001", E, "Runden henviser til et forløb der ikke findes", "rekrutteringsrunde")
def forløb_findes(k) -> Iterator[Fund]:
    forløb = _indeks(k).get(_celle(k))
    if not forløb:
        return  # R007 says the whole cell is empty
    kendte = sorted(forløb)
    for i, f in enumerate(k.dok.model.forløb):
        if f.forløb.strip() not in forløb:
            hjælp = mente_du(f.forløb, kendte) or (" Kendte forløb: " + "; ".join(kendte[:8])
                                                  + (" …" if len(kendte) > 8 else "") + ".")
            yield (f"Forløbet '{f.forløb}' findes ikke blandt programmerne for {_beskrivelse(k.dok.model)}.{hjælp}",
                   k.dok.sted("forløb", i, "forløb"))


@check("R002", E, "Besat, ubesat og flexforløb summer ikke til antallet opslået", "rekrutteringsrunde")
def udfald_summer(k) -> Iterator[Fund]:
    for i, f in enumerate(k.dok.model.forløb):
        if f.besat + f.ubesat + f.flexforløb != f.opslået:
            yield (f"Forløbet '{f.forløb}' er slået op {f.opslået} gang(e), men besat ({f.besat}) + ubesat "
                   f"({f.ubesat}) + flexforløb ({f.flexforløb}) = {f.besat + f.ubesat + f.flexforløb}. "
                   "Hvert opslag skal ende som besat, ubesat eller flexforløb.", k.dok.sted("forløb", i, "opslået"))


@check("R003", E, "Flere genopslag end opslag", "rekrutteringsrunde")
def genopslag(k) -> Iterator[Fund]:
    for i, f in enumerate(k.dok.model.forløb):
        if f.genopslået > f.opslået:
            yield (f"Forløbet '{f.forløb}' er genopslået {f.genopslået} gange men kun slået op {f.opslået} gang(e); "
                   "genopslået tæller de opslag der blev slået op igen.", k.dok.sted("forløb", i, "genopslået"))


@check("R004", E, "Rundens totaler svarer ikke til summen af forløbene", "rekrutteringsrunde")
def totaler(k) -> Iterator[Fund]:
    r = k.dok.model
    if r.i_alt is None:
        return
    for felt in FELTER:
        sum_ = sum(getattr(f, felt) for f in r.forløb)
        if getattr(r.i_alt, felt) != sum_:
            yield (f"'i_alt.{felt}' er {getattr(r.i_alt, felt)}, men forløbene giver {sum_}.",
                   k.dok.sted("i_alt", felt))


@check("R005", E, "Samme forløb står to gange i runden", "rekrutteringsrunde")
def dublet(k) -> Iterator[Fund]:
    set_: dict[str, int] = {}
    for i, f in enumerate(k.dok.model.forløb):
        navn = f.forløb.strip()
        if navn in set_:
            linje = k.dok.sted("forløb", set_[navn], "forløb").linje
            yield (f"Forløbet '{navn}' står også på linje {linje}; læg opslagene sammen i én linje.",
                   k.dok.sted("forløb", i, "forløb"))
        else:
            set_[navn] = i


@check("R006", E, "Et flexforløb mangler sit nye speciale, eller et speciale er angivet uden flexforløb", "rekrutteringsrunde")
def flex(k) -> Iterator[Fund]:
    r = k.dok.model
    for i, f in enumerate(r.forløb):
        if f.flexforløb and not f.flex_speciale:
            yield (f"Forløbet '{f.forløb}' har {f.flexforløb} flexforløb; angiv 'flex_speciale', det speciale "
                   "forløbet blev konverteret til.", k.dok.sted("forløb", i, "flexforløb"))
        elif f.flex_speciale and not f.flexforløb:
            yield (f"Forløbet '{f.forløb}' har 'flex_speciale' men intet flexforløb; slet feltet eller ret antallet.",
                   k.dok.sted("forløb", i, "flex_speciale"))
        elif f.flex_speciale and slug(f.flex_speciale) == slug(r.speciale):
            yield (f"Et flexforløb konverteres til et andet speciale, men '{f.flex_speciale}' er rundens eget.",
                   k.dok.sted("forløb", i, "flex_speciale"))


@check("R007", E, "Der findes ingen programmer for rundens speciale, fase og region", "rekrutteringsrunde")
def celle_findes(k) -> Iterator[Fund]:
    indeks = _indeks(k)
    if indeks.get(_celle(k)):
        return
    r = k.dok.model
    i_regionen = sorted({f.speciale for (reg, _, fase), navne in indeks.items()
                         if reg == str(r.videreuddannelsesregion) and fase == str(r.fase)
                         for liste in navne.values() for f in liste})
    hjælp = mente_du(r.speciale, i_regionen) or (
        f" Specialer med programmer: {', '.join(i_regionen)}." if i_regionen else " Der er ingen programmer for fasen i regionen.")
    yield (f"Der findes ingen programmer for {_beskrivelse(r)}, så rundens forløb kan ikke findes.{hjælp}",
           k.dok.sted("speciale"))


# R008 ("a forløb name in several programmes") is gone: two programmes with one forløb name in a region,
# specialty and phase always have the same output name, so P028 reported the same problem at the programme,
# where it is fixed. P028 is now the one report, in `validate` and in `stats` (see checks.samme_outputnavn).


_REGIONMAPPER = {"nord": Videreuddannelsesregion.NORD, "syd": Videreuddannelsesregion.SYD,
                 "oest": Videreuddannelsesregion.OEST, "øst": Videreuddannelsesregion.OEST}


@check("R009", W, "Runden ligger i mappen for en anden region", "rekrutteringsrunde")
def mappe(k) -> Iterator[Fund]:
    region = _REGIONMAPPER.get(k.dok.fil.parent.name.lower())
    if region is not None and region != k.dok.model.videreuddannelsesregion:
        yield (f"Filen ligger i mappen '{k.dok.fil.parent.name}', men runden gælder "
               f"{visningsnavn(k.dok.model.videreuddannelsesregion)}. Flyt filen eller ret regionen.",
               k.dok.sted("videreuddannelsesregion"))


beskriv("R010", E, "Samme runde (år, runde, speciale, fase, region) står i to filer", "statistik")


# --- targets -------------------------------------------------------------------

def _krav(k) -> Iterator[tuple[tuple, object]]:
    a = k.dok.model
    yield ("krav",), a.krav
    for i, u in enumerate(a.undtagelser):
        yield ("undtagelser", i), u


@check("R011", E, "Aftalens andele summer ikke til 100 %", "aftale")
def andele_summer(k) -> Iterator[Fund]:
    for sti, krav in _krav(k):
        if krav.andele and abs(sum(krav.andele.values()) - 100) > 1e-9:
            tal = " + ".join(f"{v:g}" for v in krav.andele.values())
            yield (f"Andelene i '{'.'.join(map(str, sti))}' summer til {tal} = {sum(krav.andele.values()):g} %, "
                   "ikke 100 %.", k.dok.sted(*sti, "andele"))


@check("R012", E, "Aftalen nævner en andel som målingen ikke har", "aftale")
def ukendt_nøgle(k) -> Iterator[Fund]:
    a = k.dok.model
    tilladte = list(målingsnøgler(a.måling))
    for sti, krav in _krav(k):
        for felt in ("andele", "mindst", "over", "højst"):
            for nøgle in getattr(krav, felt) or {}:
                if nøgle not in tilladte:
                    yield (f"Målingen '{a.måling}' har ingen andel '{nøgle}'." + mente_du(nøgle, tilladte)
                           + f" Mulige: {', '.join(tilladte)}.", k.dok.sted(*sti, felt, nøgle, nøgle=True))


@check("R013", E, "Et krav angiver ingen andele", "aftale")
def tomt_krav(k) -> Iterator[Fund]:
    for sti, krav in _krav(k):
        if not krav.har_krav() and not getattr(krav, "udelades", False):
            yield ("Angiv mindst én af 'andele', 'mindst', 'over' eller 'højst'"
                   + (" (eller 'udelades: true')" if sti[0] == "undtagelser" else "") + ".", k.dok.sted(*sti))


@check("R014", E, "Et speciale står i flere undtagelser", "aftale")
def dobbelt_undtagelse(k) -> Iterator[Fund]:
    set_: dict[str, int] = {}
    for i, u in enumerate(k.dok.model.undtagelser):
        for j, navn in enumerate(u.specialer):
            if slug(navn) in set_:
                yield (f"Specialet '{navn}' står også i undtagelse {set_[slug(navn)] + 1}; hvert speciale må kun "
                       "have én undtagelse.", k.dok.sted("undtagelser", i, "specialer", j))
            else:
                set_[slug(navn)] = i


beskriv("R015", E, "Samme aftale-id står i to filer", "statistik")
