"""Word-level diff of two texts, for showing how a konkretisering changed."""

from __future__ import annotations

import re
from dataclasses import dataclass
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


# --- structure: paragraphs and list items of a Markdown text ---------------------------------

_MARKØR = re.compile(r"\s*([-*+]|(\d{1,9})[.)])\s+")


@dataclass(frozen=True)
class Blok:
    """One paragraph or list item of a word diff: ``art`` is "p", "ul" (bullet) or "ol" (numbered)."""

    art: str
    stykker: tuple[Stykke, ...]
    nummer: int | None = None  # the item's number in a numbered list


def blokke(stykker: list[Stykke] | tuple[Stykke, ...]) -> list[Blok]:
    """The word diff of a Markdown text, cut into its paragraphs and list items.

    Konkretiseringer are Markdown: "Lægen kan:" followed by a list. Reports show that structure
    instead of one run-on line. A list marker at the start of a line opens an item (whichever
    side of the diff it belongs to) and is not shown as a word; a blank line ends a paragraph;
    other line breaks are spaces, as in Markdown.
    """
    linjer: list[list[Stykke]] = [[]]
    for op, t in stykker:
        for i, del_ in enumerate(t.split("\n")):
            if i:
                linjer.append([])
            if del_:
                linjer[-1].append((op, del_))
    ud: list[tuple[str, int | None, list[Stykke]]] = []
    ny = True
    for linje in linjer:
        if not "".join(t for _, t in linje).strip():
            ny = True
            continue
        linje = [(op, t) for op, t in linje if t.strip()] or linje
        op, første = linje[0]
        m = _MARKØR.match(første)
        if m:
            rest = første[m.end():]
            linje = ([(op, rest)] if rest else []) + linje[1:]
            ud.append(("ol" if m.group(2) else "ul", int(m.group(2)) if m.group(2) else None, []))
        elif ny or not ud:
            ud.append(("p", None, []))
        else:
            ud[-1][2].append(("=", " "))  # a wrapped line continues its block
        ny = False
        for op, t in linje:
            _føj(ud[-1][2], op, t)
    blok_liste = []
    for art, nummer, dele in ud:
        flettet: list[Stykke] = []
        for op, t in dele:
            _føj(flettet, op, t)
        renset: list[Stykke] = []
        for op, t in flettet:  # whitespace as a reader sees it: one space, none at the ends
            t = re.sub(r"\s+", " ", t)
            if not renset or renset[-1][1].endswith(" "):
                t = t.lstrip()
            if t:
                renset.append((op, t))
        renset = _flet_mellemrum(renset)
        if renset:
            renset[-1] = (renset[-1][0], renset[-1][1].rstrip())
            blok_liste.append(Blok(art, tuple(x for x in renset if x[1]), nummer))
    return blok_liste


def _flet_mellemrum(dele: list[Stykke]) -> list[Stykke]:
    """An unchanged space between two added (or two removed) runs belongs to them: one mark, not two."""
    ud: list[Stykke] = []
    i = 0
    while i < len(dele):
        op, t = dele[i]
        if (op == "=" and not t.strip() and ud and i + 1 < len(dele) and ud[-1][0] != "="
                and dele[i + 1][0] == ud[-1][0]):
            ud[-1] = (ud[-1][0], ud[-1][1] + t + dele[i + 1][1])
            i += 2
            continue
        _føj(ud, op, t)
        i += 1
    return ud
