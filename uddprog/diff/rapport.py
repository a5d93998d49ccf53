"""The diff result as one value, its exit code and its stable JSON form (docs/diff-json.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..catalog import indbygget_rod
from ..findings import Finding, Location, Severity, sorteret
from ..regler import overgangsregel
from .changes import EMNER, ÆNDRINGSTYPER, Ændring, Ændringssæt
from .impact import ALLEREDE_NY, ANDEN_MB, PÅVIRKET, ULÆSELIG, Programpåvirkning, Træf

JSON_FORMAT = "uddprog-diff"
JSON_VERSION = 1
FAIL_ON = ("error", "warning", "info", "none")


@dataclass(frozen=True)
class Diffrapport:
    sæt: Ændringssæt
    programmer: tuple[Programpåvirkning, ...]
    dato: date
    programmappe: Path | None = None

    @property
    def påvirkede(self) -> list[Programpåvirkning]:
        return [p for p in self.programmer if p.status == PÅVIRKET]

    @property
    def upåvirkede(self) -> list[Programpåvirkning]:
        """The unaffected programmes a reader needs named: those already on the new version and those that
        could not be read. A programme of another målbeskrivelse is only counted (in a region's repository
        or the national corpus they are nearly all of them); the JSON form still lists every programme."""
        return [p for p in self.programmer if p.status != PÅVIRKET and (p.status != ANDEN_MB or p.fund)]

    def exitkode(self, fail_on: str = "error") -> int:
        """2 when a programme could not be read (it may well build on the old version, so nothing can be
        said about it: a revision gate must not pass it); else 1 when a change at or above ``fail_on``
        hits a programme on the old version, else 0.

        The code is about programmes: with no programme on the old version nothing
        has to be revised, so the result is 0 however large the change set is.
        """
        if any(p.status == ULÆSELIG for p in self.programmer):
            return 2
        if fail_on == "none":
            return 0
        grænse = Severity(fail_on).rang
        return int(any(t.severity.rang >= grænse for p in self.påvirkede for t in p.træf))

    def antal(self, severity: Severity) -> int:
        return sum(1 for æ in self.sæt.ændringer if æ.severity == severity)

    def efter_emne(self) -> list[tuple[str, list[Ændring]]]:
        return [(emne, [æ for æ in self.sæt.ændringer if æ.type.emne == emne]) for emne in EMNER
                if any(æ.type.emne == emne for æ in self.sæt.ændringer)]


EMNETITLER = {"kompetence": "Kompetencer", "forløb": "Forløb", "kursus": "Kurser",
              "forskningstræning": "Forskningstræning", "metadata": "Versionsoplysninger"}
STATUSTEKST = {PÅVIRKET: "bygger på den gamle version", ALLEREDE_NY: "bygger allerede på den nye version",
               ANDEN_MB: "bygger på en anden målbeskrivelse", ULÆSELIG: "kunne ikke læses"}


def vis_sti(sti: Path | None) -> str | None:
    """A path as the user should see it: relative to the working directory when it lies below it; a file of
    the catalogue shipped with uddprog as ``uddprog:målbeskrivelser/…`` (not a path into site-packages)."""
    if sti is None:
        return None
    sti = Path(sti)
    if sti.is_absolute() and sti.is_relative_to(Path.cwd()):
        sti = sti.relative_to(Path.cwd())
    elif sti.is_absolute() and (indbygget := indbygget_rod()) is not None and sti.is_relative_to(indbygget):
        return f"uddprog:{sti.relative_to(indbygget).as_posix()}"
    return sti.as_posix()


def _sted(s: Location | None) -> dict | None:
    return None if s is None else {"fil": vis_sti(s.fil), "linje": s.linje, "kolonne": s.kolonne}


def _ændring(æ: Ændring) -> dict:
    return {
        "id": æ.id,
        "severity": str(æ.severity),
        "emne": æ.type.emne,
        "titel": æ.type.titel,
        "besked": æ.besked,
        "forslag": æ.id == "D006",
        "gamle": list(æ.gamle),
        "nye": list(æ.nye),
        "felt": æ.felt,
        "før": æ.før,
        "efter": æ.efter,
        "tilføjet": list(æ.tilføjet),
        "fjernet": list(æ.fjernet),
        "ordforskel": [{"op": op, "tekst": t} for op, t in æ.ordforskel],
        "lighed": æ.lighed,
        "sted_gammel": _sted(æ.sted_gammel),
        "sted_ny": _sted(æ.sted_ny),
    }


def _træf(t: Træf) -> dict:
    return {
        "id": t.ændring.id,
        "severity": str(t.severity),
        "handling": t.handling,
        "sted": _sted(t.sted),
        "ansættelse": t.ansættelse,
        "ansættelsessted": t.ansættelsessted,
        "måneder": list(t.måneder) if t.måneder else None,
        "sektion": t.sektion,
    }


def _program(p: Programpåvirkning) -> dict:
    højeste = p.højeste()
    return {
        "fil": vis_sti(p.fil),
        "status": p.status,
        "titel": p.titel,
        "målbeskrivelse": p.målbeskrivelse,
        "skabelon": p.skabelon,
        "revisionsfrist": p.revisionsfrist.isoformat() if p.revisionsfrist else None,
        "frist_overskredet": p.frist_overskredet,
        "højeste": str(højeste) if højeste else None,
        "træf": [_træf(t) for t in p.træf],
        "fund": [f.som_json() for f in p.fund],
    }


def _version(v) -> dict:
    m = v.model
    return {"fil": vis_sti(v.fil), "speciale": m.speciale, "fase": str(m.fase), "version": m.version,
            "gyldig_fra": m.gyldig_fra.isoformat(), "gælder_for": str(m.gælder_for),
            "udfaset": m.udfaset.isoformat() if m.udfaset else None}


def som_json(r: Diffrapport, fail_on: str = "error") -> dict:
    """The documented, stable JSON structure (docs/diff-json.md); keys are only ever added."""
    status = {s: sum(1 for p in r.programmer if p.status == s) for s in (PÅVIRKET, ALLEREDE_NY, ANDEN_MB, ULÆSELIG)}
    højeste = r.sæt.højeste()
    return {
        "format": JSON_FORMAT,
        "formatversion": JSON_VERSION,
        "gammel": _version(r.sæt.gammel),
        "ny": _version(r.sæt.ny),
        "overgangsregel": overgangsregel(r.sæt.gammel.model, r.sæt.ny.model),
        "dato": r.dato.isoformat(),
        "programmappe": vis_sti(r.programmappe),
        "opsummering": {
            "ændringer": {s.value: r.antal(s) for s in Severity},
            "højeste": str(højeste) if højeste else None,
            "programmer": status,
            "fail_on": fail_on,
            "exitkode": r.exitkode(fail_on),
        },
        "ændringstyper": {id: {"severity": str(t.severity), "emne": t.emne, "titel": t.titel}
                          for id, t in ÆNDRINGSTYPER.items() if any(æ.id == id for æ in r.sæt.ændringer)},
        "slægt": [{"art": g.art, "gamle": list(g.gamle), "nye": list(g.nye)} for g in r.sæt.slægt.grupper],
        "ændringer": [_ændring(æ) for æ in r.sæt.ændringer],
        "programmer": [_program(p) for p in r.programmer],
    }


def som_fund(r: Diffrapport) -> tuple[list[Finding], list[Path]]:
    """Every hit in an affected programme as a finding at its place (for the CI formats of uddprog.output),
    and the programmes that were looked at."""
    def besked(t: Træf) -> str:  # the action often repeats the change's own sentence; say it once
        hvad = t.ændring.besked.rstrip(".")
        return t.handling if t.handling.startswith(hvad) else f"{t.ændring.besked} {t.handling}".strip()

    fund = [Finding(t.ændring.id, t.severity, besked(t), t.sted) for p in r.påvirkede for t in p.træf]
    return sorteret(fund), [p.fil for p in r.programmer]
