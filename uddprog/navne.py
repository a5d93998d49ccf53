"""Names for files and comparisons: ASCII slugs of Danish text."""

from __future__ import annotations

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
