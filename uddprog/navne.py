"""Names for files and comparisons: ASCII slugs of Danish text."""

from __future__ import annotations

import difflib
import re
import unicodedata

_TRANSLIT = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa", "ß": "ss"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_MAX_SLUG = 120  # a file name stays well under the 255-byte limit with its suffix


def slug(text: str) -> str:
    """ASCII file-name slug: 'Øst – Forløb 1' -> 'oest-forloeb-1'."""
    text = str(text).translate(_TRANSLIT)
    text = re.sub(r"[\W_]+", "-", text)  # separators first, so 'Odense–Vejle' keeps its break
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = _NON_SLUG.sub("-", text.lower()).strip("-")
    return text[:_MAX_SLUG].rstrip("-")


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
