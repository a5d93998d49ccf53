"""Finds målbeskrivelser, national templates and programmes, and resolves references between them.

A repository (the *rod*) has ``målbeskrivelser/<speciale>/<fase>-<version>.yaml``,
``templates/national/<id>/skabelon.yaml`` and ``examples/<region>/*.yaml``. The catalog
loads målbeskrivelser and templates once, so a batch of thousands of programmes
resolves its references without re-reading them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .findings import Finding

from .navne import slug

if TYPE_CHECKING:  # loading imports pydantic and builds the models; paths and file lists do not need that
    from .loading import Dokument
    from .models import Fase, Maalbeskrivelse, MaalbeskrivelseReference, NationalSkabelon

#: The phases, by their YAML value (kept here so that looking up a reference needs no pydantic import).
FASER = ("kbu", "introduktion", "hoveduddannelse")

MB_MAPPE = "målbeskrivelser"
SKABELON_MAPPE = Path("templates") / "national"
EKSEMPEL_MAPPE = "examples"
SKABELON_FIL = "skabelon.yaml"


_REFERENCE = re.compile(r"^(?P<speciale>[^/@]+)/(?P<fase>[^/@]+)@(?P<version>[^/@]+)$")


class OpslagsFejl(LookupError):
    """A reference names no målbeskrivelse in the catalog; the message is Danish and says what exists."""


def er_reference(tekst: str) -> bool:
    """``speciale/fase@version``, e.g. ``neurologi/hoveduddannelse@2015``."""
    return bool(_REFERENCE.match(tekst.strip()))


def find_rod(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` that holds målbeskrivelser/ or templates/national/."""
    start = (start or Path.cwd()).resolve()
    if start.is_file():
        start = start.parent
    cwd = Path.cwd()
    for mappe in (start, *start.parents):
        if (mappe / MB_MAPPE).is_dir() or (mappe / SKABELON_MAPPE).is_dir():
            # Relative to the working folder when inside it: messages then show short, clickable paths.
            return mappe.relative_to(cwd) if mappe.is_relative_to(cwd) else mappe
    return Path(".")


def yaml_filer(mappe: Path) -> list[Path]:
    """Every YAML file below ``mappe`` in a stable order."""
    return sorted(p for p in mappe.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


class Katalog:
    """The målbeskrivelser and national templates of one repository."""

    def __init__(self, rod: Path):
        self.rod = Path(rod)
        self.fund: list[Finding] = []  # files of the catalog itself that failed to load

    @classmethod
    def find(cls, start: Path | None = None) -> Katalog:
        return cls(find_rod(start))

    @cached_property
    def målbeskrivelser(self) -> list[Dokument[Maalbeskrivelse]]:
        return [d for d in self._indlæs_alle(self.rod / MB_MAPPE, "målbeskrivelse")]

    @cached_property
    def skabeloner(self) -> dict[str, Dokument[NationalSkabelon]]:
        filer = sorted((self.rod / SKABELON_MAPPE).glob(f"*/{SKABELON_FIL}"))
        return {d.model.id: d for d in self._indlæs_alle_filer(filer, "skabelon")}

    def _indlæs_alle(self, mappe: Path, type: str) -> Iterator[Dokument]:
        if mappe.is_dir():
            yield from self._indlæs_alle_filer(yaml_filer(mappe), type)

    def _indlæs_alle_filer(self, filer: list[Path], type: str) -> Iterator[Dokument]:
        from .loading import LoadError, indlæs

        for fil in filer:
            try:
                yield indlæs(fil, type)
            except LoadError as e:
                self.fund.extend(e.fund)

    # --- look-ups ------------------------------------------------------

    def målbeskrivelse(self, ref: MaalbeskrivelseReference) -> Dokument[Maalbeskrivelse] | None:
        return next(
            (d for d in self.versioner(ref.speciale, ref.fase) if d.model.version == ref.version),
            None,
        )

    @cached_property
    def _versionsindeks(self) -> dict[tuple[str, str], list[Dokument[Maalbeskrivelse]]]:
        # Built once: a batch of thousands of programmes looks up its målbeskrivelse once per check.
        indeks: dict[tuple[str, str], list[Dokument[Maalbeskrivelse]]] = {}
        for d in self.målbeskrivelser:
            indeks.setdefault((d.model.speciale.casefold(), str(d.model.fase)), []).append(d)
        for versioner in indeks.values():
            versioner.sort(key=lambda d: (d.model.gyldig_fra, d.model.version))
        return indeks

    def versioner(self, speciale: str, fase: Fase) -> list[Dokument[Maalbeskrivelse]]:
        """All versions of one specialty's målbeskrivelse for one phase, oldest first."""
        return list(self._versionsindeks.get((speciale.casefold(), str(fase)), ()))

    def gældende_version(self, speciale: str, fase: Fase | str, dato) -> Dokument[Maalbeskrivelse] | None:
        """The version that applies to a forløb dated ``dato`` (opslået, påbegyndt or ansat, as the version says).

        The library function `uddprog migrate` and `status` use to say who stays on an old version.
        """
        from .regler import gældende_version

        versioner = self.versioner(speciale, fase)
        valgt = gældende_version([d.model for d in versioner], dato)
        return next((d for d in versioner if d.model is valgt), None)

    def nyere_versioner(self, mb: Maalbeskrivelse) -> list[Dokument[Maalbeskrivelse]]:
        return [d for d in self.versioner(mb.speciale, mb.fase) if d.model.gyldig_fra > mb.gyldig_fra]

    def skabelon(self, skabelon_id: str) -> Dokument[NationalSkabelon] | None:
        return self.skabeloner.get(skabelon_id)

    def programfiler(self, mappe: Path | None = None) -> list[Path]:
        mappe = mappe or self.rod / EKSEMPEL_MAPPE
        return yaml_filer(mappe) if mappe.is_dir() else []

    def slå_op(self, reference: str) -> Dokument[Maalbeskrivelse]:
        """The målbeskrivelse ``speciale/fase@version``; the specialty compares case- and æøå-insensitively."""
        m = _REFERENCE.match(reference.strip())
        if m is None:
            raise OpslagsFejl(f"'{reference}' er ikke en henvisning på formen speciale/fase@version, "
                              "fx neurologi/hoveduddannelse@2015.")
        speciale, fase, version = m["speciale"].strip(), m["fase"].strip().lower(), m["version"].strip()
        if fase not in FASER:
            raise OpslagsFejl(f"Ukendt fase '{fase}' i '{reference}'. Faser: {', '.join(FASER)}.")
        kandidater = [d for d in self.målbeskrivelser if slug(d.model.speciale) == slug(speciale)]
        if not kandidater:
            kendte = ", ".join(self.kendte_specialer()) or "ingen"
            raise OpslagsFejl(f"Ingen målbeskrivelse for specialet '{speciale}' i {self.rod / MB_MAPPE}. "
                              f"Kendte specialer: {kendte}.")
        i_fasen = sorted((d for d in kandidater if d.model.fase == fase), key=lambda d: d.model.gyldig_fra)
        fundet = [d for d in i_fasen if d.model.version == version]
        if not fundet:
            versioner = ", ".join(d.model.version for d in i_fasen) or "ingen i den fase"
            raise OpslagsFejl(f"Ingen målbeskrivelse '{reference}'. Versioner af {kandidater[0].model.speciale}, "
                              f"{fase}: {versioner}.")
        return fundet[0]

    def kendte_specialer(self) -> list[str]:
        return sorted({d.model.speciale for d in self.målbeskrivelser})
