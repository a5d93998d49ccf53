"""What the site shows, as plain values: one entry per programme, its status, and the groupings.

Pure: built from loaded documents, findings, render outcomes and the status lines of
:mod:`uddprog.diff.status`; the pages (``sider``) only format these values.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..datoer import dansk_dato
from ..diff.status import Statuslinje
from ..findings import Finding, Severity
from ..models import visningsnavn
from ..navne import slug
from ..rod import EKSEMPEL_MAPPE

#: Status keys in display order, with their Danish labels (the front page filters on the key).
STATUSSER = {
    "gaeldende": "Gældende",
    "udkast": "Udkast",
    "nyere": "Nyere målbeskrivelse findes",
    "overskredet": "Frist overskredet",
    "fejl": "Har fejl – ikke dannet",
    "ulaeselig": "Kan ikke læses",
}


def status_nøgle(linje: Statuslinje, fejl: int = 0) -> str:
    """unreadable / has errors (so it is not rendered) / a revision deadline has passed / a newer målbeskrivelse
    exists / current. Errors come before the deadline: a reader must not take an unrendered programme for one
    that is only due for revision."""
    if linje.fund:
        return "ulaeselig"
    if linje.udkast:
        return "udkast"
    if fejl:
        return "fejl"
    if linje.frist_overskredet or linje.næste_revision_overskredet:
        return "overskredet"
    if linje.nyere_findes:
        return "nyere"
    return "gaeldende"


def vis(sti: Path | str | None, rod: Path) -> str:
    """A path as the site shows it: relative to the repository when it lies inside it, with forward slashes."""
    if sti is None:
        return ""
    a, r = os.path.abspath(sti), os.path.abspath(rod)
    if a == r or a.startswith(r + os.sep):
        return Path(os.path.relpath(a, r)).as_posix()
    return Path(sti).as_posix()


def programside(kilde: Path, rod: Path, programmappe: Path | str = EKSEMPEL_MAPPE) -> str:
    """The page of a programme, from its source path (so a file broken mid-edit keeps its page):
    programmer/nord/x.html for <programme folder>/nord/x.yaml."""
    dele = [slug(d) or "x" for d in Path(vis(kilde, rod)).with_suffix("").parts if d not in ("..", "/")]
    mappe = [slug(d) for d in Path(vis(Path(rod) / programmappe, rod)).parts]
    if len(dele) > len(mappe) and dele[:len(mappe)] == mappe:
        dele = dele[len(mappe):]
    return "programmer/" + "/".join(dele) + ".html"


@dataclass
class Fundlinje:
    sted: str  # file:line:column, relative to the repository
    alvor: str  # error / warning / info
    alvor_dansk: str
    check: str
    besked: str


def fundlinjer(fund: list[Finding], rod: Path) -> list[Fundlinje]:
    ud = []
    for f in fund:
        sted = ""
        if f.sted:
            sted = vis(f.sted.fil, rod) + (f":{f.sted.linje}:{f.sted.kolonne}" if f.sted.linje else "")
        ud.append(Fundlinje(sted, str(f.severity), f.severity.dansk, f.check, f.besked))
    return ud


@dataclass
class Programpost:
    """One programme file as the site shows it."""

    kilde: Path
    side: str  # path of its page inside the site
    linje: Statuslinje
    fund: list[Fundlinje]
    filer: dict[str, str] = field(default_factory=dict)  # format → path inside the site
    renderfejl: str | None = None
    speciale: str = ""
    fase: str = ""
    fase_navn: str = ""
    region: str = ""
    forløb: str = ""
    skabelon: str = ""
    godkendt_af: str = ""
    søgetekst: str = ""

    @property
    def status(self) -> str:
        return status_nøgle(self.linje, self.fejl)

    @property
    def status_tekst(self) -> str:
        return STATUSSER[self.status]

    @property
    def titel(self) -> str:
        return self.linje.titel or self.kilde.name

    @property
    def fejl(self) -> int:
        return sum(1 for f in self.fund if f.alvor == Severity.ERROR)

    @property
    def advarsler(self) -> int:
        return sum(1 for f in self.fund if f.alvor == Severity.WARNING)

    @property
    def række_id(self) -> str:
        return "p-" + slug(self.side.removeprefix("programmer/").removesuffix(".html").replace("/", "-"))


def programpost(kilde: Path, dok, fund: list[Finding], linje: Statuslinje, rod: Path,
                programmappe: Path | str = EKSEMPEL_MAPPE) -> Programpost:
    post = Programpost(Path(kilde), programside(kilde, rod, programmappe), linje, fundlinjer(fund, rod))
    if dok is not None and dok.type == "uddannelsesprogram":
        p = dok.model
        ref = p.målbeskrivelse
        post.speciale, post.fase, post.fase_navn = ref.speciale, str(ref.fase), visningsnavn(ref.fase)
        post.region, post.forløb, post.skabelon = str(p.videreuddannelsesregion), p.forløbsbetegnelse, p.skabelon
        post.godkendt_af = p.ansvar.godkendt_af or ""
        dele = [p.titel, *p.forløbsnavne, str(p.videreuddannelsesregion), ref.speciale,
                *(f"{a.sted} {a.afdeling}" for a in p.ansættelser), *p.sektioner.values()]
        post.søgetekst = _ren(" ".join(str(d) for d in dele))
    else:
        post.søgetekst = post.titel.lower()
    return post


def _ren(tekst: str) -> str:
    """Searchable text: each distinct word once (the search matches words, not phrases), lower case,
    Markdown links and emphasis marks removed. A front page of thousands of programmes stays small."""
    tekst = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", tekst)
    tekst = re.sub(r"[*_`#>]+", "", tekst)
    return " ".join(dict.fromkeys(tekst.lower().split()))


def dato(d: date | None) -> str:
    return dansk_dato(d) if d else "–"


@dataclass
class Gruppe:
    """Programmes of one region or specialty."""

    navn: str
    slug: str
    programmer: list[Programpost]

    def antal(self, status: str) -> int:
        return sum(1 for p in self.programmer if p.status == status)


def grupper(poster: list[Programpost], nøgle) -> list[Gruppe]:
    ud: dict[str, Gruppe] = {}
    for p in poster:
        navn = nøgle(p)
        if not navn:
            continue
        s = slug(navn)
        ud.setdefault(s, Gruppe(navn, s, [])).programmer.append(p)
    return sorted(ud.values(), key=lambda g: dansk_nøgle(g.navn))


def dansk_nøgle(tekst: str) -> str:
    """Danish alphabetical order: æ, ø and å after z (Nord, Syd, Øst)."""
    return tekst.lower().translate(str.maketrans({"æ": "z\x01", "ø": "z\x02", "å": "z\x03"}))
