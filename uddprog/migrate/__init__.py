"""`uddprog migrate`: revise programmes to a newer målbeskrivelse with surgical edits of their YAML.

For each programme: load it (a programme with load or schema errors is refused), find the
versions between its målbeskrivelse and the target, and for every step let
:func:`.plan.planlæg` turn `diff`'s change set into edits of the text
(:mod:`uddprog.yamlredigering`). The last step records the revision awaiting approval in
``ansvar.revision``. The result is loaded again and must be a valid programme on the target
version; only then may :func:`skriv` replace the file, atomically, and only if the file on
disk is still the one that was read.

Library use::
    from uddprog.migrate import migrér, skriv
    m = migrér(Path("examples/syd/x.yaml"), katalog, dato=date(2026, 11, 23))
    if m.ændret: skriv(m)
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from ..catalog import Katalog
from ..diff.changes import sammenlign
from ..diff.inputs import læs_hoved
from ..fejl import UddprogFejl
from ..findings import Finding
from ..loading import LoadError, indlæs, læs_tekst
from ..loading.yamlfil import Loader
from ..models import Uddannelsesprogram
from ..parallel import antal_jobs, i_bundter
from ..yamlredigering import RedigeringsFejl, YamlRedigering
from .plan import Mærke, Plan, planlæg

INTET, MIGRERET, FEJL = "intet-at-gøre", "migreret", "fejl"
BOM = "\ufeff"


class MigreringsFejl(UddprogFejl):
    """Writing the migrated file was refused (the message is Danish)."""


@dataclass(frozen=True)
class Punkt:
    """A change made, a decision left or a note, with its line in the new file (0: no particular line)."""

    mærke: Mærke
    linje: int


@dataclass(frozen=True)
class Migrering:
    fil: Path
    status: str
    besked: str = ""  # why nothing was done, or why it failed
    fra_version: str | None = None
    til_version: str | None = None
    rettelser: tuple[Punkt, ...] = ()
    beslutninger: tuple[Punkt, ...] = ()
    noter: tuple[Punkt, ...] = ()
    fund: tuple[Finding, ...] = ()
    gammel_tekst: str | None = field(default=None, repr=False)
    ny_tekst: str | None = field(default=None, repr=False)
    råt_data: bytes | None = field(default=None, repr=False)  # the file's bytes as read
    ikke_program: bool = False  # the file is another kind of document (skipped when found in a folder)

    @property
    def ændret(self) -> bool:
        return self.status == MIGRERET and self.ny_tekst is not None and self.ny_tekst != self.gammel_tekst

    @property
    def exitkode(self) -> int:
        if self.status == FEJL:
            return 2
        return 1 if self.beslutninger else 0

    @classmethod
    def fejlet(cls, fil: Path, besked: str, fund=()) -> Migrering:
        """A file that could not be migrated (or approved), with why."""
        return cls(fil, FEJL, besked, fund=tuple(fund))


def migrér(fil: Path, katalog: Katalog, til: str | None = None, dato: date | None = None,
           loader=Loader) -> Migrering:
    """Plan and carry out the migration of one programme in memory; nothing is written."""
    fil = Path(fil)
    dato = dato or date.today()
    try:
        læs_tekst(fil)  # every guard of the loader (size, binary data, links out of the repository…)
        råt = fil.read_bytes()
        tekst = råt.decode("utf-8")
        allerede = _allerede_på_målet(tekst.removeprefix(BOM), katalog, til)
        if allerede:
            return Migrering(fil, INTET, f"Programmet bygger allerede på version {allerede}.",
                             fra_version=allerede, til_version=allerede)
        dok = indlæs(fil, tekst=tekst.removeprefix(BOM))
    except LoadError as e:
        return Migrering.fejlet(fil, "Programmet kan ikke læses; ret fejlene først.", e.fund)
    except (OSError, UnicodeDecodeError) as e:
        return Migrering.fejlet(fil, f"Filen kan ikke læses ({e}).")
    bom = tekst.startswith(BOM)
    tekst = tekst.removeprefix(BOM)
    if dok.type != "uddannelsesprogram":
        return replace(Migrering.fejlet(fil, f"Filen er en {dok.type}, ikke et uddannelsesprogram."), ikke_program=True)
    ref = dok.model.målbeskrivelse
    egen = katalog.målbeskrivelse(ref)
    versioner = katalog.versioner(ref.speciale, ref.fase)
    if egen is None:
        kendte = ", ".join(d.model.version for d in versioner) or "ingen"
        return Migrering.fejlet(fil, f"Programmets målbeskrivelse ({ref.speciale}, {ref.fase}, version {ref.version}) findes "
                          f"ikke i kataloget (kendte versioner: {kendte}).")
    if til is None:
        mål = versioner[-1]
    else:
        mål = next((d for d in versioner if d.model.version == str(til)), None)
        if mål is None:
            kendte = ", ".join(d.model.version for d in versioner)
            return Migrering.fejlet(fil, f"Version {til} af {ref.speciale} ({ref.fase}) findes ikke; kendte versioner: {kendte}.")
    fælles = dict(fra_version=ref.version, til_version=mål.model.version)
    if mål.model.gyldig_fra < egen.model.gyldig_fra:
        return Migrering.fejlet(fil, f"Version {mål.model.version} er ældre end programmets version {ref.version}; "
                          "migrate reviderer kun til en nyere version.")
    if mål is egen or mål.model.version == egen.model.version:
        return Migrering(fil, INTET, f"Programmet bygger allerede på version {ref.version}.", **fælles)
    trin = [d for d in versioner if egen.model.gyldig_fra < d.model.gyldig_fra <= mål.model.gyldig_fra]

    steder: list[tuple[str, Mærke, int]] = []  # (kind, mark, index in the current text)
    forrige, model = egen, dok.model
    try:
        for nr, næste in enumerate(trin):
            red = YamlRedigering(tekst, loader)
            plan = planlæg(red, model, _sammenlign(forrige, næste))
            if nr == len(trin) - 1:
                _revision(red, model, ref.version, mål.model.version, dato, plan)
            resultat = red.anvend()
            try:  # the edited data must still be a programme (the editor checked it is the data intended)
                model = Uddannelsesprogram.model_validate(resultat.data)
            except ValidationError:
                raise LoadError(indlæs_fejl(fil, resultat.tekst)) from None
            steder = [(art, m, resultat.flyt(i)) for art, m, i in steder]
            ved_rettelse = {}
            for m, i in resultat.steder:
                ved_rettelse.setdefault(m, i)
            for art, liste in (("rettelse", plan.rettelser), ("beslutning", plan.beslutninger), ("note", plan.noter)):
                for m in dict.fromkeys(liste):
                    i = ved_rettelse[m] if m in ved_rettelse else resultat.flyt(_index(red, m.sti))
                    steder.append((art, m, i))
            tekst = resultat.tekst
            forrige = næste
    except RedigeringsFejl as e:
        return Migrering.fejlet(fil, f"Programmet kan ikke revideres automatisk: {e}")
    except LoadError as e:
        return Migrering.fejlet(fil, "Revisionen ville give et ugyldigt program og er ikke gennemført (fejl i uddprog; "
                          "meld den til udviklerne).", e.fund)
    linje = _linjer(tekst)
    punkter: dict[str, list[Punkt]] = {"rettelse": [], "beslutning": [], "note": []}
    for art, m, i in steder:
        punkter[art].append(Punkt(m, linje(i)))
    for liste in punkter.values():
        liste.sort(key=lambda p: (p.linje, p.mærke.id))
    return Migrering(fil, MIGRERET, "", rettelser=tuple(punkter["rettelse"]),
                     beslutninger=tuple(punkter["beslutning"]), noter=tuple(punkter["note"]),
                     gammel_tekst=råt.decode("utf-8"), ny_tekst=(BOM if bom else "") + tekst,
                     råt_data=råt, **fælles)


_SÆT: dict[tuple[Path, Path], object] = {}


def _sammenlign(gammel, ny):
    """One change set per version pair and process: a folder holds many programmes on the same version."""
    nøgle = (gammel.fil, ny.fil)
    if nøgle not in _SÆT:
        if len(_SÆT) > 64:
            _SÆT.clear()
        _SÆT[nøgle] = sammenlign(gammel, ny)
    return _SÆT[nøgle]


def _allerede_på_målet(tekst: str, katalog: Katalog, til: str | None) -> str | None:
    """The version, when the programme's first lines show it already builds on the target (no full load:
    a folder of thousands of programmes is mostly up to date)."""

    hoved = læs_hoved(tekst)
    if hoved is None:
        return None
    ref = hoved.målbeskrivelse
    versioner = katalog.versioner(ref.speciale, ref.fase)
    if not versioner or ref.version not in {d.model.version for d in versioner}:
        return None  # the full path explains what is wrong
    mål = str(til) if til is not None else versioner[-1].model.version
    return ref.version if ref.version == mål else None


def indlæs_fejl(fil: Path, tekst: str) -> list[Finding]:
    try:
        indlæs(fil, tekst=tekst)
    except LoadError as e:
        return e.fund
    return []


def _revision(red: YamlRedigering, model, fra: str, til: str, dato: date, plan: Plan) -> None:
    """Record the revision awaiting approval in ``ansvar.revision`` (an unapproved one keeps its start)."""
    tidligere = model.ansvar.revision
    if tidligere is not None and tidligere.status == "afventer-godkendelse":
        fra = tidligere.fra_version
    værdi = {"fra_version": fra, "til_version": til, "dato": dato.isoformat(), "status": "afventer-godkendelse"}
    m = Mærke("revision", f"Revisionen fra version {fra} til {til} er noteret som afventende godkendelse "
                          "(ansvar.revision).", ("ansvar",))
    if red.findes(("ansvar", "revision")) and isinstance(red.data["ansvar"]["revision"], dict):
        gammel = red.data["ansvar"]["revision"]
        for nøgle, v in værdi.items():
            if gammel.get(nøgle) != v:
                red.sæt_nøgle(("ansvar", "revision"), nøgle, v, mærke=m)
    else:
        red.sæt_nøgle(("ansvar",), "revision", værdi, mærke=m)
    plan.rettelser.append(m)


def _index(red: YamlRedigering, sti) -> int:
    sti = tuple(sti)
    while sti and not red.findes(sti):
        sti = sti[:-1]
    if not sti:
        return 0
    return red.start(sti)


def _linjer(tekst: str):
    def linje(i: int) -> int:
        return tekst.count("\n", 0, i) + 1
    return linje


def skriv(m: Migrering) -> None:
    """Replace the programme by its migrated text, atomically, keeping the file's permissions;
    refuse if the file changed on disk since it was read."""
    if not m.ændret:
        return
    fil = m.fil
    try:
        nu = fil.read_bytes()
    except OSError as e:
        raise MigreringsFejl(f"{fil} kan ikke læses igen før skrivningen ({e.strerror or e}).") from None
    if nu != m.råt_data:
        raise MigreringsFejl(f"{fil} er ændret på disken, siden uddprog læste den; intet er skrevet. Kør migrate igen.")
    data = m.ny_tekst.encode("utf-8")
    try:
        tilstand = os.stat(fil).st_mode & 0o7777
        fd, tmp = tempfile.mkstemp(prefix=f".{fil.name}.", suffix=".tmp", dir=fil.parent)
    except OSError as e:
        raise MigreringsFejl(f"Kan ikke skrive i {fil.parent} ({e.strerror or e}).") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, tilstand)
        os.replace(tmp, fil)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(e, OSError):
            raise MigreringsFejl(f"Kan ikke skrive {fil} ({e.strerror or e}).") from None
        raise


_BUNDT = 32


def migrér_og_skriv(fil: Path, katalog: Katalog, til: str | None, dato: date, vis: bool) -> tuple[Migrering, str | None]:
    """Migrate one file and (unless ``vis``) write it; the texts are kept only for ``vis``. Never raises for bad input."""
    m = migrér(fil, katalog, til, dato)
    skrivefejl = None
    if not vis and m.ændret:
        try:
            skriv(m)
        except MigreringsFejl as e:
            skrivefejl = str(e)
    return (m if vis else uden_tekster(m)), skrivefejl


def migrér_alle(filer: list[Path], katalog: Katalog, til: str | None, dato: date, vis: bool = False,
                jobs: int | None = None):
    """Every file's (result, write error) in order; a large batch runs on every core."""
    jobs = antal_jobs(jobs, len(filer), _BUNDT)
    if jobs > 1:
        katalog.indlæs_alt()  # loaded once, inherited by the workers
    for del_ in i_bundter(_bundt, filer, jobs, _BUNDT, (katalog, til, dato, vis)):
        yield from del_


def _bundt(katalog, til, dato, vis, filer: list[Path]) -> list[tuple[Migrering, str | None]]:
    return [migrér_og_skriv(fil, katalog, til, dato, vis) for fil in filer]


def uden_tekster(m: Migrering) -> Migrering:
    """The same result without the file texts (small enough to send between processes)."""
    return replace(m, gammel_tekst=None, ny_tekst=None, råt_data=None)


__all__ = ["FEJL", "INTET", "MIGRERET", "Migrering", "MigreringsFejl", "Punkt", "migrér", "migrér_alle",
           "migrér_og_skriv", "skriv", "uden_tekster"]
