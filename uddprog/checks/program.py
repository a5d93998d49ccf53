"""Checks of a programme against its målbeskrivelse, its national template and the rules of the phase."""

from __future__ import annotations

import re
import shlex
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import get_args

from pydantic import BaseModel

from .. import regler
from ..datoer import dansk_dato, læg_måneder_til, måneder_tekst, revisionsfrist
from ..findings import Location, Severity
from ..loading import feltnavn, kommentarer
from ..markdowntegn import MULIGT_USTØTTET
from ..models import DRIFTSREGIONER, PLADSHOLDER, Rolle, visningsnavn
from ..navne import mente_du, slug
from .kontekst import ProgramKontekst
from .registry import Fund, check, checks_for

E, W = Severity.ERROR, Severity.WARNING


def _opremsning(navne: list[str], maks: int = 12) -> str:
    """'a, b, c' — at most ``maks`` names, so a huge list cannot make every message huge."""
    if len(navne) <= maks:
        return ", ".join(navne)
    return ", ".join(navne[:maks]) + f" … ({len(navne)} i alt)"


# --- references ------------------------------------------------------------

@check("P001", E, "Målbeskrivelsen programmet henviser til findes ikke", "program")
def mb_findes(k: ProgramKontekst) -> Iterator[Fund]:
    if k.mb is not None:
        return
    ref = k.p.målbeskrivelse
    versioner = k.katalog.versioner(ref.speciale, ref.fase)
    if versioner:
        kendte = ", ".join(d.model.version for d in versioner)
        hjælp = f" Kendte versioner af {ref.speciale} ({ref.fase}): {kendte}."
        sted = k.sted("målbeskrivelse", "version")
    else:
        specialer = k.katalog.kendte_specialer()
        hjælp = mente_du(ref.speciale, specialer) or (
            f" Kendte specialer: {', '.join(specialer)}." if specialer else " Mappen målbeskrivelser/ er tom eller mangler.")
        sted = k.sted("målbeskrivelse", "speciale")
    navne = (f"{ref.fase}-{ref.version}.yaml", f"{ref.fase}-{ref.version}.yml")  # the folder layout's file name
    ødelagt = _indlæsningsfejl(k, lambda fil: fil.name in navne and slug(fil.parent.name) == slug(ref.speciale)) \
        or _indlæsningsfejl(k, lambda fil: fil.name in navne, entydig=True)  # målbeskrivelser/kbu/ for KBU
    if ødelagt:
        yield (f"Målbeskrivelsen {ref.speciale}, {ref.fase}, version {ref.version} kan ikke indlæses: {ødelagt}", sted)
        return
    if k.katalog.fund:
        hjælp += " Nogle filer i målbeskrivelser/ eller templates/national/ kunne ikke indlæses; se fejlene for dem."
    # A region's repository reads its own målbeskrivelser/ over the ones shipped with uddprog: name both.
    hvor = (f"{k.katalog.rod / 'målbeskrivelser'}" if len(k.katalog.lag) == 1 else
            "kataloget (repositoriets målbeskrivelser/ og dem, der følger med uddprog; se 'uddprog katalog')")
    yield (f"Målbeskrivelsen {ref.speciale}, {ref.fase}, version {ref.version} findes ikke i {hvor}.{hjælp}", sted)


def _indlæsningsfejl(k: ProgramKontekst, passer, entydig: bool = False) -> str | None:
    """The load error of the catalog file a reference most likely means, so that a broken file is not
    reported as a missing one (P001, P002). With ``entydig`` only when a single broken file fits."""
    fundne: dict[Path, object] = {}
    for f in k.katalog.fund:
        if f.sted is not None and passer(Path(f.sted.fil)):
            fundne.setdefault(Path(f.sted.fil), f)  # a file's first finding
    if not fundne or (entydig and len(fundne) > 1):
        return None
    return str(next(iter(fundne.values())))


@check("P002", E, "Den nationale skabelon programmet henviser til findes ikke", "program")
def skabelon_findes(k: ProgramKontekst) -> Iterator[Fund]:
    if k.skabelon is None:
        ødelagt = _indlæsningsfejl(k, lambda fil: fil.parent.name == k.p.skabelon)
        if ødelagt:
            yield (f"Den nationale skabelon '{k.p.skabelon}' kan ikke indlæses: {ødelagt}", k.sted("skabelon"))
            return
        kendte = sorted(k.katalog.skabeloner)
        yield (f"Den nationale skabelon '{k.p.skabelon}' findes ikke."
               + (mente_du(k.p.skabelon, kendte) or f" Kendte skabeloner: {', '.join(kendte) or 'ingen'}."),
               k.sted("skabelon"))


@check("P003", E, "Skabelonen passer ikke til målbeskrivelsens fase", "program")
def skabelon_fase(k: ProgramKontekst) -> Iterator[Fund]:
    if k.skabelon and k.skabelon.model.fase != k.p.målbeskrivelse.fase:
        yield (f"Skabelonen '{k.skabelon.model.id}' er til {k.skabelon.model.fase}, men målbeskrivelsen er til "
               f"{k.p.målbeskrivelse.fase}. Vælg skabelonen for samme fase.", k.sted("skabelon"))


# --- forløb and ansættelser --------------------------------------------------

@check("P004", E, "Ansættelsernes måneder summer ikke til fasens varighed", "program", kræver=("mb",),
       statistik=True)
def måneder_summer(k: ProgramKontekst) -> Iterator[Fund]:
    i_alt, krævet = k.p.varighed_måneder, k.mb.model.varighed_måneder
    if i_alt != krævet:
        dele = " + ".join(f"{a.måneder}" for a in k.p.ansættelser)
        yield (f"Ansættelserne varer {dele} = {i_alt} måneder, men målbeskrivelsen kræver {krævet} måneder. "
               "Ret 'måneder' i ansættelserne.", k.sted("ansættelser"))


@check("P005", W, "En ansættelse ligger i en driftsregion uden for videreuddannelsesregionen", "program",
       statistik=True)
def driftsregion(k: ProgramKontekst) -> Iterator[Fund]:
    tilladte = DRIFTSREGIONER[k.p.videreuddannelsesregion]
    for i, a in enumerate(k.p.ansættelser):
        if a.driftsregion not in tilladte and a.driftsregion != PLADSHOLDER:  # P026 reports a placeholder
            navne = " og ".join(sorted(visningsnavn(d) for d in tilladte))
            yield (f"{a.sted} ligger i {visningsnavn(a.driftsregion)}, som ikke hører til "
                   f"{visningsnavn(k.p.videreuddannelsesregion)} ({navne}). Tjek driftsregion eller region.",
                   k.sted("ansættelser", i, "driftsregion"))


# --- competency plan -----------------------------------------------------------

@check("P006", E, "En kompetence fra målbeskrivelsen er ikke planlagt", "program", kræver=("mb",),
       kilde=regler.KILDE_PROGRAM)
def alle_planlagt(k: ProgramKontekst) -> Iterator[Fund]:
    planlagt = {p.kompetence for p in k.p.kompetenceplan}
    for komp in k.mb.model.kompetencer:
        if komp.id not in planlagt:
            yield (f"Kompetence {komp.id} ({komp.titel}) er ikke planlagt. Tilføj den til 'kompetenceplan' med "
                   "ansættelse, måneder og vurderingsmetoder.", k.sted("kompetenceplan"))


@check("P007", E, "Kompetenceplanen nævner en kompetence der ikke findes i målbeskrivelsen", "program", kræver=("mb",))
def planlagt_findes(k: ProgramKontekst) -> Iterator[Fund]:
    kendte = [c.id for c in k.mb.model.kompetencer]
    for i, p in enumerate(k.p.kompetenceplan):
        if p.kompetence not in k.kompetencer:
            yield (f"Kompetence '{p.kompetence}' findes ikke i målbeskrivelsen "
                   f"({k.mb.model.speciale} {k.mb.model.version}).{mente_du(p.kompetence, kendte)}",
                   k.sted("kompetenceplan", i, "kompetence"))


@check("P008", E, "En obligatorisk vurderingsmetode mangler for en kompetence", "program", kræver=("mb",),
       kilde=regler.KILDE_MÅLBESKRIVELSE)
def obligatoriske_metoder(k: ProgramKontekst) -> Iterator[Fund]:
    brugt: dict[str, set] = defaultdict(set)
    første: dict[str, int] = {}
    for i, p in enumerate(k.p.kompetenceplan):
        brugt[p.kompetence].update(p.vurderingsmetoder)
        første.setdefault(p.kompetence, i)
    for komp in k.mb.model.kompetencer:
        if komp.id not in første:
            continue  # P006 reports it
        mangler = [m for m in komp.vurderingsmetoder if m not in brugt[komp.id]]
        if mangler:
            navne = ", ".join(f"{visningsnavn(m)} ({m})" for m in mangler)
            yield (f"Kompetence {komp.id} ({komp.titel}) skal vurderes med {navne}, men ingen planlægning gør det. "
                   "Tilføj metoden under 'vurderingsmetoder'.", k.sted("kompetenceplan", første[komp.id], "kompetence"))


@check("P009", E, "En vurderingsmetode er ikke tilladt for kompetencen", "program", kræver=("mb",),
       kilde=regler.KILDE_MÅLBESKRIVELSE)
def tilladte_metoder(k: ProgramKontekst) -> Iterator[Fund]:
    for i, p in enumerate(k.p.kompetenceplan):
        komp = k.kompetencer.get(p.kompetence)
        if komp is None:
            continue
        for j, metode in enumerate(p.vurderingsmetoder):
            if metode not in komp.vurderingsmetoder:
                tilladte = ", ".join(f"{visningsnavn(m)} ({m})" for m in komp.vurderingsmetoder)
                yield (f"Kompetence {komp.id} vurderes ikke med {visningsnavn(metode)} ({metode}) ifølge "
                       f"målbeskrivelsen; den nævner {tilladte}.", k.sted("kompetenceplan", i, "vurderingsmetoder", j))


@check("P024", W, "Der er planlagt færre vurderinger end målbeskrivelsen kræver", "program", kræver=("mb",),
       kilde=regler.KILDE_MINDSTE_ANTAL)
def antal_vurderinger(k: ProgramKontekst) -> Iterator[Fund]:
    antal: dict[str, int] = defaultdict(int)
    første: dict[str, int] = {}
    for i, p in enumerate(k.p.kompetenceplan):
        if p.vurderingsmetoder:
            antal[p.kompetence] += p.antal_vurderinger or 1
        første.setdefault(p.kompetence, i)
    for komp in k.mb.model.kompetencer:
        if komp.min_vurderinger and komp.id in første and antal[komp.id] < komp.min_vurderinger:
            yield (f"Kompetence {komp.id} ({komp.titel}) skal vurderes mindst {komp.min_vurderinger} gange, men der er "
                   f"planlagt {antal[komp.id]}. Angiv 'antal_vurderinger' i planlægningen.",
                   k.sted("kompetenceplan", første[komp.id], "kompetence"))


@check("P010", E, "Kompetenceplanen henviser til en ansættelse der ikke findes", "program")
def ansættelse_findes(k: ProgramKontekst) -> Iterator[Fund]:
    kendte = [a.id for a in k.p.ansættelser]
    kendt_sæt = set(kendte)
    for i, p in enumerate(k.p.kompetenceplan):
        if p.ansættelse not in kendt_sæt:
            yield (f"Ansættelsen '{p.ansættelse}' findes ikke.{mente_du(p.ansættelse, kendte)} "
                   f"Kendte ansættelser: {_opremsning(kendte)}.", k.sted("kompetenceplan", i, "ansættelse"))


@check("P011", E, "En planlagt periode ligger uden for ansættelsen eller er omvendt", "program")
def måned_i_ansættelse(k: ProgramKontekst) -> Iterator[Fund]:
    perioder = k.p.perioder()
    for i, p in enumerate(k.p.kompetenceplan):
        if p.fra_måned > p.til_måned:
            yield (f"'fra_måned' ({p.fra_måned}) ligger efter 'til_måned' ({p.til_måned}).",
                   k.sted("kompetenceplan", i, "fra_måned"))
            continue
        if p.ansættelse not in perioder:
            continue  # P010 reports it
        start, slut = perioder[p.ansættelse]
        if p.fra_måned < start or p.til_måned > slut:
            felt = "fra_måned" if p.fra_måned < start else "til_måned"
            yield (f"Kompetence {p.kompetence} er planlagt i {måneder_tekst(p.fra_måned, p.til_måned)}, men ansættelsen "
                   f"'{p.ansættelse}' dækker {måneder_tekst(start, slut)} af forløbet.", k.sted("kompetenceplan", i, felt))


@check("P012", W, "En lægerolle dækkes ikke af nogen planlagt kompetence", "program", kræver=("mb",),
       kilde=regler.KILDE_LÆGEROLLER)
def roller_dækket(k: ProgramKontekst) -> Iterator[Fund]:
    dækket = set()
    for p in k.p.kompetenceplan:
        komp = k.kompetencer.get(p.kompetence)
        if komp is not None:
            dækket.update(komp.roller)
    for rolle in Rolle:
        if rolle not in dækket:
            yield (f"Lægerollen '{visningsnavn(rolle)}' dækkes ikke af nogen planlagt kompetence. "
                   "Overvej hvor i forløbet rollen trænes.", k.sted("kompetenceplan"))


# --- template: sections and responsibility -------------------------------------

def antal_ord(markdown: str) -> int:
    """Words as a reader counts them: link targets and Markdown punctuation do not count."""
    tekst = re.sub(r"\]\([^)]*\)", "]", markdown)
    return len(re.findall(r"\w+(?:[-'’]\w+)*", tekst))


@check("P013", E, "Et påkrævet afsnit fra skabelonen mangler eller er tomt", "program", kræver=("skabelon",),
       kilde=regler.KILDE_SKABELON)
def påkrævede_afsnit(k: ProgramKontekst) -> Iterator[Fund]:
    for s in k.skabelon.model.sektioner:
        if not s.påkrævet:
            continue
        tekst = k.p.sektioner.get(s.id)
        if tekst is None:
            yield (f"Afsnittet '{s.titel}' ({s.id}) kræves af skabelonen, men mangler under 'sektioner'. "
                   f"Vejledning: {s.vejledning.strip()}", k.sted("sektioner"))
        elif not tekst.strip():
            yield (f"Afsnittet '{s.titel}' ({s.id}) er tomt. Vejledning: {s.vejledning.strip()}",
                   k.sted("sektioner", s.id))


@check("P014", W, "Et afsnit er længere end skabelonens omfangsgrænse", "program", kræver=("skabelon",),
       kilde=regler.KILDE_SKABELON)
def omfang(k: ProgramKontekst) -> Iterator[Fund]:
    for s in k.skabelon.model.sektioner:
        tekst = k.p.sektioner.get(s.id)
        if tekst and s.maks_ord and (n := antal_ord(tekst)) > s.maks_ord:
            grænse = f" ({s.omfang})" if s.omfang else ""
            yield (f"Afsnittet '{s.titel}' har {n} ord; skabelonen tillader højst {s.maks_ord}{grænse}. Forkort teksten.",
                   k.sted("sektioner", s.id))


@check("P015", E, "Et afsnit findes ikke i skabelonen", "program", kræver=("skabelon",))
def ukendte_afsnit(k: ProgramKontekst) -> Iterator[Fund]:
    kendte = [s.id for s in k.skabelon.model.sektioner]
    for sid in k.p.sektioner:
        if sid not in kendte and not k.fra_programdel(("sektioner", sid)):  # D002 reports a part's own
            yield (f"Afsnittet '{sid}' findes ikke i skabelonen '{k.skabelon.model.id}'.{mente_du(sid, kendte)} "
                   f"Afsnit i skabelonen: {_opremsning(kendte)}.", k.sted("sektioner", sid, nøgle=True))


#: The responsibility fields an approval writes (`uddprog godkend`); a draft has none of them yet.
GODKENDELSESFELTER = ("godkendt_af", "godkendt_dato", "næste_revision")


@check("P016", E, "Et ansvarsfelt som skabelonen kræver, er ikke udfyldt", "program", kræver=("skabelon",),
       kilde=regler.KILDE_SKABELON)
def ansvar(k: ProgramKontekst) -> Iterator[Fund]:
    a = k.p.ansvar
    for felt in k.skabelon.model.ansvarsfelter:
        if k.p.udkast and felt in GODKENDELSESFELTER:
            continue  # a draft is not approved yet: 'uddprog godkend' writes these when it is
        if getattr(a, felt) in (None, [], ""):
            yield (f"Ansvarsfeltet '{felt}' skal udfyldes under 'ansvar' (skabelonen '{k.skabelon.model.id}' kræver det).",
                   k.sted("ansvar", felt, nøgle=True))  # the empty key itself when it is there, else 'ansvar'
    roller = {f.rolle for f in a.udarbejdet_af}
    for rolle in k.skabelon.model.påkrævede_forfatterroller:
        if rolle not in roller:
            # No article: the roles have both genders ("et uddannelsesudvalg", "en vejleder").
            yield (f"Skabelonen kræver rollen {visningsnavn(rolle)} blandt dem, der udarbejder programmet; "
                   f"tilføj vedkommende under 'ansvar.udarbejdet_af' med 'rolle: {rolle}'.",
                   k.sted("ansvar", "udarbejdet_af"))


# --- courses and research training ---------------------------------------------------

@check("P017", E, "Et planlagt kursus findes ikke i målbeskrivelsen", "program", kræver=("mb",))
def kursus_findes(k: ProgramKontekst) -> Iterator[Fund]:
    kendte = [c.id for c in k.mb.model.kurser]
    for i, pk in enumerate(k.p.kurser):
        if pk.kursus not in kendte:
            yield (f"Kurset '{pk.kursus}' findes ikke i målbeskrivelsen.{mente_du(pk.kursus, kendte)}",
                   k.sted("kurser", i, "kursus"))


@check("P027", E, "Det samme kursus er planlagt flere gange", "program")
def kursus_to_gange(k: ProgramKontekst) -> Iterator[Fund]:
    første: dict[str, int] = {}
    for i, pk in enumerate(k.p.kurser):
        if pk.kursus in første:
            j = første[pk.kursus]
            yield (f"Kurset '{pk.kursus}' er allerede planlagt i måned {k.p.kurser[j].måned} "
                   f"(kursus nr. {j + 1} under 'kurser'); et kursus tages én gang. Slet den ene planlægning.",
                   k.sted("kurser", i, "kursus"))
        else:
            første[pk.kursus] = i


@check("P018", W, "Et kursus fra målbeskrivelsen er ikke planlagt", "program", kræver=("mb",),
       kilde=regler.KILDE_PROGRAM)
def kursus_planlagt(k: ProgramKontekst) -> Iterator[Fund]:
    planlagt = {pk.kursus for pk in k.p.kurser}
    har_liste = ("kurser",) in k.program.positions.værdier
    for kursus in k.mb.model.kurser:
        if kursus.id not in planlagt:
            # Without a 'kurser' list, the reference to the målbeskrivelse the course comes from (not line 1).
            yield (f"Kurset '{kursus.titel}' ({kursus.id}) er ikke planlagt. Tilføj det under 'kurser' med en måned"
                   + ("." if har_liste else " (programmet har ingen 'kurser' endnu)."),
                   k.sted("kurser") if har_liste else k.sted("målbeskrivelse", nøgle=True))


@check("P019", W, "Et kursus er planlagt uden for sit tidsvindue", "program", kræver=("mb",), kilde=regler.KILDE_SOL)
def kursus_tid(k: ProgramKontekst) -> Iterator[Fund]:
    varighed = k.p.varighed_måneder
    for i, pk in enumerate(k.p.kurser):
        kursus = next((c for c in k.mb.model.kurser if c.id == pk.kursus), None)
        if kursus is None:
            continue
        if pk.måned > varighed:
            yield (f"{kursus.titel} er planlagt i måned {pk.måned}, efter forløbets sidste måned "
                   f"({varighed}).", k.sted("kurser", i, "måned"))
            continue
        fra, til = regler.kursusvindue(kursus, varighed)
        regel = regler.vinduesregel(kursus)
        if pk.måned < fra:
            yield (f"{kursus.titel} er planlagt i måned {pk.måned}, men må tidligst tages i måned {fra} "
                   f"({regel}).", k.sted("kurser", i, "måned"))
        elif pk.måned > til:
            yield (f"{kursus.titel} er planlagt i måned {pk.måned}, men skal være taget senest i måned {til} "
                   f"({regel}).", k.sted("kurser", i, "måned"))


@check("P020", W, "Forskningstræningen mangler eller ligger uden for sit tidsvindue", "program", kræver=("mb",),
       kilde=regler.KILDE_FORSKNING)
def forskning_tid(k: ProgramKontekst) -> Iterator[Fund]:
    if k.mb.model.forskningstræning is None:
        return
    krav, plan = k.mb.model.forskningstræning, k.p.forskningstræning
    if plan is None:
        yield (f"Målbeskrivelsen kræver {krav.dage} dages forskningstræning, men programmet planlægger den ikke. "
               "Tilføj 'forskningstræning' med fra_måned og til_måned.", k.sted())
        return
    if plan.fra_måned > plan.til_måned:
        yield ("Forskningstræningens 'fra_måned' ligger efter 'til_måned'.", k.sted("forskningstræning", "fra_måned"))
    if krav.start_senest_måned and plan.fra_måned > krav.start_senest_måned:
        yield (f"Forskningstræningen begynder i måned {plan.fra_måned}, men skal begynde senest i måned "
               f"{krav.start_senest_måned}.", k.sted("forskningstræning", "fra_måned"))
    if plan.teori_til_måned is not None and not plan.fra_måned <= plan.teori_til_måned <= plan.til_måned:
        yield (f"Teoridelen afsluttes i måned {plan.teori_til_måned}, uden for forskningstræningens "
               f"{måneder_tekst(plan.fra_måned, plan.til_måned)}.", k.sted("forskningstræning", "teori_til_måned"))
    elif krav.teori_inden_måneder and plan.teori_til_måned is None:
        yield (f"Teoridelen skal være afsluttet inden for {krav.teori_inden_måneder} måneder; angiv "
               "'teori_til_måned' under 'forskningstræning'.", k.sted("forskningstræning"))
    elif krav.teori_inden_måneder and plan.teori_til_måned - plan.fra_måned + 1 > krav.teori_inden_måneder:
        yield (f"Teoridelen varer {måneder_tekst(plan.fra_måned, plan.teori_til_måned)}, men skal være afsluttet inden for "
               f"{krav.teori_inden_måneder} måneder fra start.", k.sted("forskningstræning", "teori_til_måned"))
    if krav.slut_senest_måneder_før_slut is not None:
        senest = k.mb.model.varighed_måneder - krav.slut_senest_måneder_før_slut
        if plan.til_måned > senest:
            yield (f"Forskningstræningen slutter i måned {plan.til_måned}, men skal være afsluttet senest i måned "
                   f"{senest} ({krav.slut_senest_måneder_før_slut} måneder før uddannelsens afslutning).",
                   k.sted("forskningstræning", "til_måned"))


# --- revision: versions and dates ----------------------------------------------------------

@check("P021", W, "Der findes en nyere version af målbeskrivelsen", "program", kræver=("mb",), kilde=regler.KILDE_SKABELON)
def nyere_version(k: ProgramKontekst) -> Iterator[Fund]:
    for ny in k.katalog.nyere_versioner(k.mb.model):
        frist = _frist(k, ny.model.gyldig_fra)
        yield (f"Programmet bygger på {k.mb.model.speciale} version {k.mb.model.version}, men version "
               f"{ny.model.version} gælder fra {dansk_dato(ny.model.gyldig_fra)}."
               + (f" Programmet skal revideres senest {dansk_dato(frist)}." if frist else "")
               + " Kør 'uddprog diff' for at se hvad der skal ændres.", k.sted("målbeskrivelse", "version"))


def _første_frist(k: ProgramKontekst) -> list:
    nyere = k.katalog.nyere_versioner(k.mb.model)
    return [_frist(k, nyere[0].model.gyldig_fra)] if nyere else []


@check("P022", W, "Fristen for revision efter en ny målbeskrivelse er overskredet", "program", kræver=("mb",),
       kilde=regler.KILDE_SKABELON, datogrænser=_første_frist)
def revisionsfrist_overskredet(k: ProgramKontekst) -> Iterator[Fund]:
    nyere = k.katalog.nyere_versioner(k.mb.model)
    if not nyere:
        return
    frist = _frist(k, nyere[0].model.gyldig_fra)
    if frist and frist < k.dato:
        yield (f"Revisionsfristen {dansk_dato(frist)} er overskredet (version {nyere[0].model.version} gælder fra "
               f"{dansk_dato(nyere[0].model.gyldig_fra)}). Revidér programmet til den nye målbeskrivelse.",
               k.sted("målbeskrivelse", "version"))


@check("P023", W, "Datoen for næste revision er overskredet eller ligger for langt ude", "program", kilde=regler.KILDE_SKABELON,
       datogrænser=lambda k: [k.p.ansvar.næste_revision])
def næste_revision(k: ProgramKontekst) -> Iterator[Fund]:
    a = k.p.ansvar
    if a.næste_revision is None:
        return
    if a.næste_revision < k.dato:
        yield (f"Programmet skulle have været revideret senest {dansk_dato(a.næste_revision)}. Når det er "
               "gengodkendt, skriv godkendelsen med 'uddprog godkend', som også sætter næste revision.",
               k.sted("ansvar", "næste_revision"))
    interval = k.skabelon.model.revisionsinterval_måneder if k.skabelon else None
    if a.godkendt_dato and interval and a.næste_revision > læg_måneder_til(a.godkendt_dato, interval):
        yield (f"Næste revision ({dansk_dato(a.næste_revision)}) ligger mere end {interval} måneder efter godkendelsen "
               f"({dansk_dato(a.godkendt_dato)}); skabelonen kræver revision inden for {interval} måneder.",
               k.sted("ansvar", "næste_revision"))
    if a.godkendt_dato and a.næste_revision <= a.godkendt_dato:
        yield ("Næste revision ligger før godkendelsen.", k.sted("ansvar", "næste_revision"))


def datogrænser(k: ProgramKontekst) -> list:
    """The dates at which a date-dependent check of this programme changes its answer: its findings are
    the same on two dates that lie on the same side of each (every check's ``datogrænser``, see
    ``registry.check``). `uddprog render` keeps a programme's findings with them, so an unchanged programme
    is validated again only when they say so."""

    grænser = set()
    for c in checks_for("program"):
        if c.datogrænser is not None and not any(getattr(k, navn) is None for navn in c.kræver):
            grænser.update(c.datogrænser(k))
    return sorted(g for g in grænser if g is not None)


def _frist(k: ProgramKontekst, gyldig_fra):
    måneder = k.katalog.revision_måneder(k.p.videreuddannelsesregion, k.p.skabelon)
    return revisionsfrist(gyldig_fra, måneder) if måneder is not None else None


@check("P060", W, "Programmet er revideret til en ny målbeskrivelse og afventer godkendelse", "program")
def revision_afventer(k: ProgramKontekst) -> Iterator[Fund]:
    r = k.p.ansvar.revision
    if r is not None and r.status == "afventer-godkendelse":
        yield (f"Programmet er revideret fra version {r.fra_version} til {r.til_version} den {dansk_dato(r.dato)} og "
               f"afventer godkendelse. Kør 'uddprog godkend {shlex.quote(str(k.program.fil))} --dato ÅÅÅÅ-MM-DD "
               "--af UDVALG', når udvalget har godkendt det.", k.sted("ansvar", "revision"))


@check("P061", W, "Revisionen passer ikke til programmets målbeskrivelse eller godkendelsesdato", "program")
def revision_passer(k: ProgramKontekst) -> Iterator[Fund]:
    r, a = k.p.ansvar.revision, k.p.ansvar
    if r is None:
        return
    if r.til_version != k.p.målbeskrivelse.version:
        yield (f"Revisionen gik til version {r.til_version}, men programmet bygger på version "
               f"{k.p.målbeskrivelse.version}. Ret 'ansvar.revision' eller målbeskrivelsens version.",
               k.sted("ansvar", "revision", "til_version"))
    if r.status == "godkendt" and (a.godkendt_dato is None or a.godkendt_dato < r.dato):
        yield (f"Revisionen den {dansk_dato(r.dato)} er markeret som godkendt, men 'godkendt_dato' "
               + ("mangler." if a.godkendt_dato is None else f"({dansk_dato(a.godkendt_dato)}) ligger før revisionen."),
               k.sted("ansvar", "revision", "status"))


@check("P062", W, "Godkendelseshistorikken passer ikke til den gældende godkendelse", "program")
def godkendelseshistorik(k: ProgramKontekst) -> Iterator[Fund]:
    a = k.p.ansvar
    if not a.godkendelser:
        return
    ansættelser = {x.id for x in k.p.ansættelser}
    forrige = None
    for i, g in enumerate(a.godkendelser):
        if g.delforløb is not None and g.delforløb not in ansættelser:
            yield (f"Godkendelsen den {dansk_dato(g.dato)} gælder delforløbet '{g.delforløb}', som ikke er en af "
                   f"programmets ansættelser.{mente_du(g.delforløb, sorted(ansættelser))}",
                   k.sted("ansvar", "godkendelser", i, "delforløb"))
        if forrige is not None and g.dato < forrige:
            yield ("Godkendelserne skal stå i rækkefølge, ældste først.", k.sted("ansvar", "godkendelser", i, "dato"))
        forrige = g.dato
    sidste = max(a.godkendelser, key=lambda g: g.dato)
    if sidste.delforløb is not None:
        return  # approved per delforløb: the programme's date is the one that completed the set
    if a.godkendt_dato is not None and a.godkendt_dato != sidste.dato:
        yield (f"'godkendt_dato' ({dansk_dato(a.godkendt_dato)}) er ikke den seneste godkendelse i historikken "
               f"({dansk_dato(sidste.dato)}); skriv godkendelser med 'uddprog godkend', så de følges ad.",
               k.sted("ansvar", "godkendt_dato"))
    elif a.godkendt_af is not None and a.godkendt_af != sidste.af:
        yield (f"'godkendt_af' ({a.godkendt_af}) er ikke organet i den seneste godkendelse ({sidste.af}); ret "
               "godkendelsen med 'uddprog godkend --ret --af …'.", k.sted("ansvar", "godkendt_af"))


# --- forløb names and drafts ---------------------------------------------------------------

@check("P056", E, "Samme forløb står to gange i programmets 'forløb'", "program")
def forløb_to_gange(k: ProgramKontekst) -> Iterator[Fund]:
    set_: dict[str, int] = {}
    for i, navn in enumerate(k.p.forløbsnavne):
        if " ".join(navn.split()).casefold() in set_:
            yield (f"Forløbet '{navn}' står allerede som nr. {set_[' '.join(navn.split()).casefold()] + 1} under "
                   "'forløb'; et forløb nævnes én gang.", k.sted("forløb", i))
        set_.setdefault(" ".join(navn.split()).casefold(), i)


@check("P080", Severity.INFO, "Programmet er et udkast", "program")
def udkast(k: ProgramKontekst) -> Iterator[Fund]:
    if k.p.udkast:
        yield ("Programmet er et udkast ('status: udkast'): det tælles ikke i 'uddprog stats' og udgives ikke med "
               "'uddprog site' (medmindre --med-udkast). Slet linjen, når programmet er færdigt; 'uddprog godkend' "
               "gør det ved godkendelsen.", k.sted("status"))


# --- fokuserede ophold -----------------------------------------------------------------------

@check("P025", E, "Et fokuseret ophold henviser til noget der ikke findes eller ligger uden for sin ansættelse", "program")
def fokuserede_ophold(k: ProgramKontekst) -> Iterator[Fund]:
    perioder = k.p.perioder()
    kendte = {c.id for c in k.mb.model.kompetencer} if k.mb else None
    for i, o in enumerate(k.p.fokuserede_ophold):
        if o.ansættelse not in perioder:
            yield (f"Det fokuserede ophold på {o.sted} ligger under ansættelsen '{o.ansættelse}', som ikke findes."
                   f"{mente_du(o.ansættelse, list(perioder))}", k.sted("fokuserede_ophold", i, "ansættelse"))
        elif o.fra_måned > o.til_måned:
            yield (f"'fra_måned' ({o.fra_måned}) ligger efter 'til_måned' ({o.til_måned}).",
                   k.sted("fokuserede_ophold", i, "fra_måned"))
        else:
            start, slut = perioder[o.ansættelse]
            if o.fra_måned < start or o.til_måned > slut:
                yield (f"Det fokuserede ophold på {o.sted} er planlagt i {måneder_tekst(o.fra_måned, o.til_måned)}, men "
                       f"ansættelsen '{o.ansættelse}' dækker {måneder_tekst(start, slut)}.",
                       k.sted("fokuserede_ophold", i, "fra_måned"))
        for j, kid in enumerate(o.kompetencer):
            if kendte is not None and kid not in kendte:
                yield (f"Kompetence '{kid}' findes ikke i målbeskrivelsen.{mente_du(kid, sorted(kendte))}",
                       k.sted("fokuserede_ophold", i, "kompetencer", j))


# --- placeholders --------------------------------------------------------------------------

# PLADSHOLDER ("UDFYLD", from the models): what `uddprog ny`, `import` and `migrate` write where only the author
# knows the answer.


_PLADSHOLDER = re.compile(re.escape(PLADSHOLDER))


@check("P026", E, "En pladsholder (UDFYLD) er ikke udfyldt", "program", statistik=True)
def pladsholdere(k: ProgramKontekst) -> Iterator[Fund]:
    if not k.kan_nævne(_PLADSHOLDER):
        return
    for sti, tekst in k.tekster:
        if PLADSHOLDER in tekst:
            felt = feltnavn(sti)
            linje = tekst[:tekst.index(PLADSHOLDER)].count("\n")
            sted = k.tekststed(sti, linje, PLADSHOLDER) if k.program.dele else k.sted(*sti)
            yield (f"'{felt}' indeholder stadig pladsholderen {PLADSHOLDER}; {_hvad_der_skal_stå(k.p, sti)}.", sted)


#: How `uddprog import` marks a value it guessed: a comment "# gæt: why" (after the value, or on its own line
#: above it), or "– gæt: why" at the end of a comment naming a competency.
_GÆT = re.compile(r"^(?:.*\s[–-]\s)?gæt:\s*(.*)$", re.S)


@check("P029", E, "En værdi er gættet af 'uddprog import' og ikke tjekket", "program", statistik=True)
def gæt(k: ProgramKontekst) -> Iterator[Fund]:
    """A '# gæt:' comment inside the programme's data: the author has not yet confirmed the value and removed
    the comment. Only comments within the parts the document holds count (the parts `stats` reads, for it)."""
    tekst = k.program.tekst
    if not tekst or "gæt:" not in tekst:
        return
    pos = k.program.positions
    spænd = _linjespænd(pos)
    linjer = sorted((lin, sti) for sti, (lin, _) in pos.værdier.items() if sti)
    for kom in kommentarer(tekst, "gæt:"):
        m = _GÆT.match(kom.tekst)
        if m is None or not any(a <= kom.linje <= b for a, b in spænd):
            continue
        # the value the guess is about: on the comment's line, else the next one below it
        sti = next((s for lin, s in linjer if lin == kom.linje), None) or \
            next((s for lin, s in linjer if lin > kom.linje), None)
        hvad = f"'{feltnavn(sti)}'" if sti else "Værdien"
        grund = " ".join(m[1].split()).rstrip(".")
        yield (f"{hvad} er et gæt fra 'uddprog import'" + (f" ({grund})" if grund else "") +
               ". Tjek værdien, og slet kommentaren med 'gæt:'.", Location(k.program.fil, kom.linje, kom.kolonne))


def _linjespænd(pos) -> list[tuple[int, int]]:
    """Per top-level key the document holds: from its key's line to the last line of a value below it."""
    spænd: dict[str, list[int]] = {}
    for sti, (lin, _) in pos.nøgler.items():
        if len(sti) == 1:
            spænd[sti[0]] = [lin, lin]
    for sti, (lin, _) in pos.værdier.items():
        if sti and sti[0] in spænd:
            spænd[sti[0]][1] = max(spænd[sti[0]][1], lin)
    return [(a, b) for a, b in spænd.values()]


def _hvad_der_skal_stå(model: BaseModel, sti: tuple) -> str:
    """What replaces a placeholder: the choices of a typed field (a region, yes/no), else the text."""
    import typing
    from enum import Enum

    forælder = model
    for del_ in sti[:-1]:
        forælder = forælder[del_] if isinstance(del_, int) or isinstance(forælder, dict) else getattr(forælder, del_)
    felt = type(forælder).model_fields.get(sti[-1]) if isinstance(forælder, BaseModel) else None
    for typ in typing.get_args(felt.annotation) if felt else ():
        if typ is bool:
            return "skriv true eller false"
        if isinstance(typ, type) and issubclass(typ, Enum):
            return "vælg en af " + ", ".join(str(v.value) for v in typ)
    return "skriv den rigtige tekst"


# --- Markdown the documents cannot show ------------------------------------------------------

_USTØTTET = {  # art -> (check id, what the reader sees instead, what to do)
    "html": ("P030", "HTML-koden vises som tekst i dokumenterne",
             "Brug Markdown (fx **fed**, lister og tabeller) i stedet for HTML"),
    "billede": ("P031", "billedet kommer ikke med i dokumenterne; teksten vises som den står",
                "Beskriv indholdet med tekst, eller link til billedet med [tekst](https://…)"),
    "link": ("P032", "linket bliver ikke et link, men står som tekst",
             "Brug en fuld adresse, der begynder med https://, http:// eller mailto:"),
    "fodnote": ("P033", "fodnoter understøttes ikke og vises som tekst",
                "Skriv noten ind i teksten, fx i en parentes"),
    "punkttegn": ("P034", "linjerne bliver ikke en punktopstilling, men står som tekst med tegnet foran",
                  "Skriv en punktopstilling med '- ' forrest på hver linje og en tom linje før den"),
}
_ART_NAVN = {"html": "HTML-kode", "billede": "Et billede", "link": "Et link til", "fodnote": "En fodnote",
             "punkttegn": "Punkttegnet"}


def _er_markdown(annotation, felt=None) -> bool:
    """Is this model field (or the values of this dict field) Markdown? (``models.base.Markdown``)"""
    extra = getattr(felt, "json_schema_extra", None)
    if isinstance(extra, dict) and extra.get("contentMediaType") == "text/markdown":
        return True
    for meta in getattr(annotation, "__metadata__", ()):
        extra = getattr(meta, "json_schema_extra", None)
        if isinstance(extra, dict) and extra.get("contentMediaType") == "text/markdown":
            return True
    return any(_er_markdown(a) for a in get_args(annotation))


@lru_cache(maxsize=None)
def _markdownfelter(cls: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """(field, is Markdown) for a model class, worked out once per class."""
    return tuple((navn, _er_markdown(felt.annotation, felt)) for navn, felt in cls.model_fields.items())


def _markdowntekster(model: BaseModel, sti: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every Markdown text of a model with its path: the fields the templates render with ``|md``."""
    for navn, md in _markdownfelter(type(model)):
        værdi = getattr(model, navn)
        if isinstance(værdi, str) and md:
            yield sti + (navn,), værdi
        elif isinstance(værdi, dict) and md:
            yield from ((sti + (navn, n), v) for n, v in værdi.items() if isinstance(v, str))
        elif isinstance(værdi, BaseModel):
            yield from _markdowntekster(værdi, sti + (navn,))
        elif isinstance(værdi, (list, tuple)):
            for i, v in enumerate(værdi):
                if isinstance(v, BaseModel):
                    yield from _markdowntekster(v, sti + (navn, i))


def _alle_ustøttede(k: ProgramKontekst) -> list[tuple[str, str, object]]:
    """(art, message, place) for every unsupported Markdown construct in the programme, found once."""
    fundet = k.__dict__.get("_ustøttet_markdown")
    if fundet is not None:
        return fundet
    fundet = []
    if not k.kan_nævne(MULIGT_USTØTTET):
        k.__dict__["_ustøttet_markdown"] = fundet
        return fundet  # most programmes: no text to walk, none to parse
    # The documents' own parser decides what is supported.
    from ..markdown import ustøttet  # lazy: markdown_it only when a text may hold unsupported Markdown

    for sti, tekst in _markdowntekster(k.p):
        for u in ustøttet(tekst):
            _, virkning, råd = _USTØTTET[u.art]
            felt = feltnavn(sti)
            uddrag = " ".join(u.uddrag.split())
            uddrag = uddrag if len(uddrag) <= 60 else uddrag[:59] + "…"
            fundet.append((u.art, f"{_ART_NAVN[u.art]} «{uddrag}» i '{felt}': {virkning}. {råd}.",
                           k.tekststed(sti, u.linje, u.uddrag.split("\n")[0])))
    k.__dict__["_ustøttet_markdown"] = fundet
    return fundet


def _ustøttet(k: ProgramKontekst, art: str) -> Iterator[Fund]:
    for a, besked, sted in _alle_ustøttede(k):
        if a == art:
            yield besked, sted


@check("P030", W, "Rå HTML i en Markdown-tekst (vises som tekst)", "program")
def ustøttet_html(k: ProgramKontekst) -> Iterator[Fund]:
    yield from _ustøttet(k, "html")


@check("P031", W, "Et billede i en Markdown-tekst (kommer ikke med i dokumenterne)", "program")
def ustøttet_billede(k: ProgramKontekst) -> Iterator[Fund]:
    yield from _ustøttet(k, "billede")


@check("P032", W, "Et link, der ikke er http, https eller mailto (bliver ikke et link)", "program")
def ustøttet_link(k: ProgramKontekst) -> Iterator[Fund]:
    yield from _ustøttet(k, "link")


@check("P033", W, "En fodnote i en Markdown-tekst (understøttes ikke)", "program")
def ustøttet_fodnote(k: ProgramKontekst) -> Iterator[Fund]:
    yield from _ustøttet(k, "fodnote")


@check("P034", W, "Punkttegn (•) indsat fra Word i stedet for en Markdown-punktopstilling", "program")
def ustøttet_punkttegn(k: ProgramKontekst) -> Iterator[Fund]:
    yield from _ustøttet(k, "punkttegn")
