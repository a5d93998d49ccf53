"""Names for files and comparisons: ASCII slugs of Danish text."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass

_TRANSLIT = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa", "ß": "ss"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_MAX_SLUG = 120  # a file name stays well under the 255-byte limit with its suffix


@functools.lru_cache(maxsize=4096)  # a corpus names the same few specialties thousands of times
def _slug(text: str) -> str:
    text = text.translate(_TRANSLIT)
    text = re.sub(r"[\W_]+", "-", text)  # separators first, so 'Odense–Vejle' keeps its break
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = _NON_SLUG.sub("-", text.lower()).strip("-")
    return text[:_MAX_SLUG].rstrip("-")


def slug(text: str) -> str:
    """ASCII file-name slug: 'Øst – Forløb 1' -> 'oest-forloeb-1'."""
    return _slug(str(text))


#: Above this many candidates a suggestion costs more than it helps (difflib is quadratic in the
#: number of references times candidates: 4,000 unknown ansættelser took minutes).
MAKS_FORSLAG = 300


def mente_du(værdi: str, muligheder: list[str]) -> str:
    """" Mente du 'x'?" for the closest known name (case-insensitive), or "" when none is close."""
    if len(muligheder) > MAKS_FORSLAG:
        return ""
    små = {m.lower(): m for m in muligheder}
    bud = difflib.get_close_matches(str(værdi).lower(), list(små), n=1, cutoff=0.6)
    return f" Mente du '{små[bud[0]]}'?" if bud else ""


@dataclass(frozen=True)
class Filnavn:
    """The parts of an output name: build/<region>/<speciale>-<fase>-<forløb>."""

    region: str
    navn: str


def filnavn(program) -> Filnavn:
    """Stable, readable names: nord/neurologi-hoveduddannelse-aarhus-forloeb-1.

    Words the name already says (speciale, fase) and parenthetical notes are
    dropped from the forløb part, so names stay short but still tell forløb apart.
    """
    # Here, so that slugs and comparisons need no pydantic import.
    from .models import visningsnavn  # lazy: pydantic only when a display name is needed

    ref = program.målbeskrivelse
    fase = str(ref.fase)
    hoved = "kbu" if ref.fase == "kbu" else f"{slug(ref.speciale)}-{fase}"
    overflødige = set(slug(ref.speciale).split("-")) | set(slug(visningsnavn(ref.fase)).split("-")) | {
        fase, "kbu", "i", "og"}
    navne = [program.forløb] if isinstance(program.forløb, str) else list(program.forløb)
    forløb: list[str] = []
    første: list[str] = []
    for i, n in enumerate(navne):
        ord_ = [t for t in slug(re.sub(r"\([^)]*\)", "", n)).split("-") if t and t not in overflødige]
        if i == 0:
            første = ord_
        else:  # a programme for several forløb: the words the names begin with in common once ('forloeb-1-5')
            fælles = 0
            while fælles < min(len(første), len(ord_)) - 1 and første[fælles] == ord_[fælles]:
                fælles += 1
            ord_ = ord_[fælles:]
        forløb.extend(ord_)
    return Filnavn(
        region=slug(str(program.videreuddannelsesregion)),
        navn=_forkort("-".join([hoved] + forløb)),
    )


def outputnavn(program) -> str:
    """'region/name', what P028 compares: two programmes with the same one would overwrite each other."""
    n = filnavn(program)
    return f"{n.region}/{n.navn}"


_MAKS_NAVN = 120  # the writer's slug() cap: a longer name would be cut again, losing its end


def _forkort(navn: str) -> str:
    """Keep a long name's start and its last words ('…-forloeb-2'), which is what tells forløb apart."""
    if len(navn) <= _MAKS_NAVN:
        return navn
    ord_ = navn.split("-")
    hale: list[str] = []
    while ord_ and len("-".join(ord_[-1:] + hale)) <= 30:
        hale.insert(0, ord_.pop())
    hoved = "-".join(ord_)[: _MAKS_NAVN - len("-".join(hale)) - 1].rstrip("-")
    return f"{hoved}-{'-'.join(hale)}"


#: Words that name a responsibility role in an author's title ("Postgraduat klinisk lektor i neurologi"),
#: role id -> words. Both the Word import and the title page use them, so a role the title already names
#: is printed once and still read back.
ROLLEORD: dict[str, list[str]] = {
    "pkl": ["PKL", "postgraduat klinisk lektor", "klinisk lektor"],
    "uao": ["UAO", "uddannelsesansvarlig overlæge", "uddannelsesansvarlig"],
    "puf": ["PUF", "pædagogisk udviklende funktion"],
    "uko": ["UKO", "uddannelseskoordinerende overlæge", "uddannelseskoordinerende"],
    "tutorlaege": ["tutorlæge"],
    "vejleder": ["vejleder", "hovedvejleder"],
    "uddannelsesudvalg": ["uddannelsesudvalg", "specialespecifikt uddannelsesudvalg"],
    "sekretariat": ["sekretariat", "videreuddannelsessekretariatet"],
    "drrlv": ["DRRLV", "regionale råd"],
}


#: A yngre læge's title ("uddannelseskoordinerende yngre læge", UKYL) is not the overlæge role its first word
#: names; the model has no role for it.
_YNGRE_LÆGE = re.compile(r"(?:^|-)(?:yngre-laege|ukyl)(?:$|-)")
_OVERLÆGEROLLER = ("uao", "uko")


def navngivet_rolle(tekst: str) -> str | None:
    """The responsibility role (its id) a text names: its display name or id exactly, else a role word."""
    from .models import Ansvarsrolle, visningsnavn  # lazy: pydantic only when a role is looked up

    n = slug(tekst)
    for r in Ansvarsrolle:
        if n == slug(visningsnavn(r)) or n == str(r):
            return str(r)
    yngre_læge = bool(_YNGRE_LÆGE.search(n))
    for r, ord_ in ROLLEORD.items():
        if yngre_læge and r in _OVERLÆGEROLLER:
            continue
        if any(re.search(rf"(?:^|-){re.escape(slug(o))}(?:$|-)", n) for o in ord_):
            return r
    return None
