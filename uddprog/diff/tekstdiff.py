"""Word-level diff of two texts, for showing how a konkretisering changed."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

#: One run of the diff: "=" unchanged, "-" only in the old text, "+" only in the new.
Stykke = tuple[str, str]

# Words keep their trailing whitespace so that joining the runs gives the texts back exactly.
_TOKEN = re.compile(r"\s+|\S+\s*")


def ordforskel(gammel: str, ny: str) -> list[Stykke]:
    """Runs of unchanged, removed and added words.

    Joining the '=' and '+' runs gives ``ny`` exactly; the '=' and '-' runs give the
    words of ``gammel`` (unchanged runs carry the new text's whitespace).
    """
    a, b = _TOKEN.findall(gammel), _TOKEN.findall(ny)
    # Compare on the words without their whitespace, so a re-wrapped line is not a change.
    sm = SequenceMatcher(None, [t.strip() for t in a], [t.strip() for t in b], autojunk=False)
    ud: list[Stykke] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            _føj(ud, "=", "".join(b[j1:j2]))
        else:
            fjernet = "".join(a[i1:i2])
            if fjernet and ud and not ud[-1][1][-1:].isspace():
                fjernet = " " + fjernet  # the unchanged run ended a text; keep the removed words apart
            _føj(ud, "-", fjernet)
            _føj(ud, "+", "".join(b[j1:j2]))
    return ud


def _føj(ud: list[Stykke], op: str, tekst: str) -> None:
    if not tekst:
        return
    if ud and ud[-1][0] == op:
        ud[-1] = (op, ud[-1][1] + tekst)
    else:
        ud.append((op, tekst))


def som_tekst(stykker: list[Stykke]) -> str:
    """git-style word diff: [-removed-]{+added+}."""
    return "".join(t if op == "=" else f"[-{t.rstrip()}-]" + t[len(t.rstrip()):] if op == "-"
                   else f"{{+{t.rstrip()}+}}" + t[len(t.rstrip()):] for op, t in stykker)


def samme_ord(gammel: str, ny: str) -> bool:
    """True when the texts differ only in whitespace (line wrapping in YAML)."""
    return gammel.split() == ny.split()
