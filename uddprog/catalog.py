"""Finds målbeskrivelser, national templates and programmes, and resolves references between them.

The repository's layout and root are ``uddprog.rod``'s. The catalog loads målbeskrivelser
and templates once, so a batch of thousands of programmes resolves its references without re-reading them.

The catalog is layered like mkdocs' theme folders: an ordered list of roots, highest precedence first —
the repository, then the national catalogue shipped inside the package. A template file
(``templates/national/<id>/program.docx``, ``_felles/program.css`` …) is taken from the first layer that
has it, so a region can restyle one Word layout and inherit the rest. A målbeskrivelse is hidden by one
in a higher layer with the same path below ``målbeskrivelser/`` or the same specialty, phase and version.
Files are never merged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Konfig, find as find_konfig, læs_programmappe
from .fejl import UddprogFejl
from .findings import Finding
from .navne import slug
from .rod import EKSEMPEL_MAPPE, MB_MAPPE, SKABELON_FIL, SKABELON_MAPPE, find_rod, yaml_filer

if TYPE_CHECKING:  # loading imports pydantic and builds the models; paths and file lists do not need that
    from .loading import Dokument
    from .models import Fase, Maalbeskrivelse, MaalbeskrivelseReference, NationalSkabelon

#: The phases, by their YAML value (kept here so that looking up a reference needs no pydantic import).
FASER = ("kbu", "introduktion", "hoveduddannelse")

#: Where the wheel carries the national catalogue (copied there at build time, see setup.py).
PAKKEDATA = Path(__file__).resolve().parent / "_national"


def indbygget_rod() -> Path | None:
    """The root of the national catalogue that ships with uddprog.

    In an installed wheel that is ``uddprog/_national``; in a source checkout (editable install) the
    checkout itself, whose ``målbeskrivelser/`` and ``templates/national/`` the wheel is built from.
    """
    if (PAKKEDATA / SKABELON_MAPPE).is_dir():
        return PAKKEDATA
    checkout = PAKKEDATA.parent.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / SKABELON_MAPPE).is_dir():
        return checkout
    return None


_REFERENCE = re.compile(r"^(?P<speciale>[^/@]+)/(?P<fase>[^/@]+)@(?P<version>[^/@]+)$")


class OpslagsFejl(UddprogFejl, LookupError):
    """A reference names no målbeskrivelse in the catalog; the message is Danish and says what exists."""


def er_reference(tekst: str) -> bool:
    """``speciale/fase@version``, e.g. ``neurologi/hoveduddannelse@2015``."""
    return bool(_REFERENCE.match(tekst.strip()))


def _mb_nøgle(d: Dokument) -> tuple[str, str, str]:
    return slug(d.model.speciale), str(d.model.fase), d.model.version


class Katalog:
    """The målbeskrivelser and national templates of one repository, over the shipped national catalogue.

    ``lag`` is the ordered list of roots, highest precedence first; by default the repository and then
    the shipped catalogue (``indbygget=False`` leaves the latter out). Each root appears once.
    """

    def __init__(self, rod: Path, indbygget: bool = True, programmer: str | None = None):
        self.rod = Path(rod)
        indbyggede = [indbygget_rod()] if indbygget else []
        unikke: dict[Path, Path] = {}
        for mappe in [self.rod, *(b for b in indbyggede if b is not None)]:
            unikke.setdefault(mappe.resolve(), mappe)  # in this checkout the repository is the shipped catalogue
        self.lag: list[Path] = list(unikke.values())
        self._programmer = programmer
        self.fund: list[Finding] = []  # files of the catalog itself that failed to load
        self.skjulte: list[tuple[Path, Path]] = []  # (hidden file, the file that hides it)

    @classmethod
    def find(cls, start: Path | None = None) -> Katalog:
        return cls(find_rod(start))

    def oprindelse(self, fil: Path) -> str:
        """Which layer a catalog file comes from: "repository" or "uddprog" (the shipped catalogue)."""
        if len(self.lag) > 1 and Path(fil).resolve().is_relative_to(self.lag[-1].resolve()) \
                and not Path(fil).resolve().is_relative_to(self.lag[0].resolve()):
            return "uddprog"
        return "repository"

    @cached_property
    def konfig(self) -> Konfig:
        """The repository's configuration (``uddprog.toml``): the checks read the regions' settings from it."""
        return find_konfig(self.rod)

    def revision_måneder(self, region: str, skabelon_id: str) -> int | None:
        """Months after a new målbeskrivelse by which a programme of ``region`` on template ``skabelon_id`` is
        revised: the region's ``revisionsfrist`` in uddprog.toml, else the template's ``revision_måneder``; None
        when neither is known. P021, P022 and `uddprog status` all take the deadline from here."""
        egen = self.konfig.regionsopsætning(str(region)).revisionsfrist
        if egen is not None:
            return egen
        skabelon = self.skabelon(skabelon_id)
        return skabelon.model.revision_måneder if skabelon else None

    def illustrative(self) -> list[Dokument]:
        """The målbeskrivelser and national templates in force whose content is illustrative (``illustrativ:
        true``): `uddprog katalog` and `init` say which, so no one takes them for the official texts."""
        return [d for d in [*self.målbeskrivelser, *(self.skabeloner[s] for s in sorted(self.skabeloner))]
                if d.model.illustrativ]

    @cached_property
    def programmappe(self) -> Path:
        """The repository's programme folder: ``programmer`` in its config, else examples/."""
        if self._programmer is None:
            self._programmer = læs_programmappe(self.rod) or EKSEMPEL_MAPPE
        return self.rod / self._programmer

    @cached_property
    def målbeskrivelser(self) -> list[Dokument[Maalbeskrivelse]]:
        stier: dict[Path, Path] = {}
        nøgler: dict[tuple[str, str, str], Path] = {}
        ud: list[Dokument[Maalbeskrivelse]] = []
        for lag in self.lag:
            mappe = lag / MB_MAPPE
            filer = yaml_filer(mappe) if mappe.is_dir() else []
            synlige = []
            for fil in filer:
                skjuler = stier.get(fil.relative_to(mappe))
                if skjuler is not None:  # hidden even when the upper file is broken: it is the one meant
                    self.skjulte.append((fil, skjuler))
                else:
                    synlige.append(fil)
            nye = list(self._indlæs_alle_filer(synlige, "målbeskrivelse"))
            for d in nye:
                skjuler = nøgler.get(_mb_nøgle(d))
                if skjuler is not None:
                    self.skjulte.append((d.fil, skjuler))
                else:
                    ud.append(d)
            # A layer never hides its own files: duplicates inside one are another matter.
            for fil in filer:
                stier.setdefault(fil.relative_to(mappe), fil)
            for d in nye:
                nøgler.setdefault(_mb_nøgle(d), d.fil)
        return ud

    @cached_property
    def skabeloner(self) -> dict[str, Dokument[NationalSkabelon]]:
        filer: dict[str, Path] = {}
        for lag in self.lag:
            for fil in sorted((lag / SKABELON_MAPPE).glob(f"*/{SKABELON_FIL}")):
                if fil.parent.name in filer:
                    self.skjulte.append((fil, filer[fil.parent.name]))
                else:
                    filer[fil.parent.name] = fil
        return {d.model.id: d for d in self._indlæs_alle_filer(sorted(filer.values(), key=lambda f: f.parent.name),
                                                             "skabelon")}

    @property
    def skabelonmapper(self) -> list[Path]:
        """``templates/national/`` of every layer that has one, highest precedence first (for Jinja)."""
        return [lag / SKABELON_MAPPE for lag in self.lag if (lag / SKABELON_MAPPE).is_dir()]

    def skabelonfil(self, *dele: str) -> Path:
        """``templates/national/<dele…>`` from the first layer that has it (the top layer's path if none)."""
        for mappe in self.skabelonmapper:
            if (mappe.joinpath(*dele)).is_file():
                return mappe.joinpath(*dele)
        return (self.lag[0] / SKABELON_MAPPE).joinpath(*dele)

    def skabelonfiler(self, skabelon_id: str) -> list[Path]:
        """Every file in force for one template: its own folder and the shared ``_``-folders, layered."""
        valgt: dict[Path, Path] = {}
        for mappe in self.skabelonmapper:
            dele = [mappe / skabelon_id, *sorted(p for p in mappe.iterdir() if p.is_dir() and p.name.startswith("_"))]
            for d in dele:
                if d.is_dir():
                    for fil in sorted(p for p in d.rglob("*") if p.is_file()):
                        valgt.setdefault(fil.relative_to(mappe), fil)
        return [valgt[k] for k in sorted(valgt)]

    def _indlæs_alle_filer(self, filer: list[Path], type: str) -> Iterator[Dokument]:
        from .loading import LoadError, indlæs  # lazy: pydantic, yaml only when this runs

        for fil in filer:
            try:
                yield indlæs(fil, type)
            except LoadError as e:
                self.fund.extend(e.fund)

    # --- look-ups ------------------------------------------------------

    def indlæs_alt(self) -> None:
        """Load every målbeskrivelse and template now, with the version index (before a batch forks its
        workers, so each inherits them instead of reading them again)."""
        self._versionsindeks  # noqa: B018  (builds on self.målbeskrivelser)
        self.skabeloner  # noqa: B018

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
        from .regler import gældende_version  # lazy: pydantic only when this runs

        versioner = self.versioner(speciale, fase)
        valgt = gældende_version([d.model for d in versioner], dato)
        return next((d for d in versioner if d.model is valgt), None)

    def nyere_versioner(self, mb: Maalbeskrivelse) -> list[Dokument[Maalbeskrivelse]]:
        return [d for d in self.versioner(mb.speciale, mb.fase) if d.model.gyldig_fra > mb.gyldig_fra]

    def skabelon(self, skabelon_id: str) -> Dokument[NationalSkabelon] | None:
        return self.skabeloner.get(skabelon_id)

    def programfiler(self, mappe: Path | None = None) -> list[Path]:
        mappe = mappe or self.programmappe
        return yaml_filer(mappe) if mappe.is_dir() else []

    def slå_op(self, reference: str) -> Dokument[Maalbeskrivelse]:
        """The målbeskrivelse ``speciale/fase@version``; the specialty is its name or its folder's name,
        compared case- and æøå-insensitively."""
        m = _REFERENCE.match(reference.strip())
        if m is None:
            raise OpslagsFejl(f"'{reference}' er ikke en henvisning på formen speciale/fase@version, "
                              "fx neurologi/hoveduddannelse@2015.")
        speciale, fase, version = m["speciale"].strip(), m["fase"].strip().lower(), m["version"].strip()
        if fase not in FASER:
            raise OpslagsFejl(f"Ukendt fase '{fase}' i '{reference}'. Faser: {', '.join(FASER)}.")
        # By the specialty's name or by its folder (målbeskrivelser/kbu/ for "Klinisk basisuddannelse").
        kandidater = [d for d in self.målbeskrivelser if slug(speciale) in (slug(d.model.speciale), slug(d.fil.parent.name))]
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

    def delvis_henvisning(self, tekst: str) -> list[Dokument[Maalbeskrivelse]]:
        """The målbeskrivelser a partial reference can mean ("neurologi", "neurologi/hoveduddannelse",
        "neurologi@2015"), in phase order and oldest first; empty when the specialty is unknown."""
        speciale, _, rest = tekst.strip().partition("/")
        fase, _, version = rest.partition("@") if rest else ("", "", "")
        if "@" in speciale:
            speciale, _, version = speciale.partition("@")
        kandidater = [d for d in self.målbeskrivelser
                      if slug(speciale) in (slug(d.model.speciale), slug(d.fil.parent.name))
                      and (not fase or str(d.model.fase) == fase.strip().lower())
                      and (not version or d.model.version == version.strip())]
        return sorted(kandidater, key=lambda d: (FASER.index(str(d.model.fase)), d.model.gyldig_fra))

    def kendte_specialer(self) -> list[str]:
        return sorted({d.model.speciale for d in self.målbeskrivelser})
