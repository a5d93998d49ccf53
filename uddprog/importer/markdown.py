"""Blocks of the neutral model -> Markdown as uddprog's renderer reads it.

Paragraphs, bold, italic, links (web and mail; other targets are kept as text with
the target in brackets), bullet and numbered lists with nesting, hard line breaks,
headings inside a section, and tables as pipe tables. Text is escaped so that a
literal ``*`` or ``1.`` at a line start stays text.
"""

from __future__ import annotations

import re

from .model import Afsnit, Blok, Stykke, Tabel

_ESCAPE = re.compile(r"([\\`*_\[\]<>|])")
_ENTITET = re.compile(r"&(?=#?\w+;)")
_LINJESTART = re.compile(r"^(\s*)([#>+=-]|\d{1,9}[.)])(?=\s|$)")
_TILLADTE = ("http://", "https://", "mailto:")


def escape(tekst: str) -> str:
    tekst = _ENTITET.sub("&amp;", _ESCAPE.sub(r"\\\1", tekst))
    return tekst


def _linjestart(linje: str) -> str:
    m = _LINJESTART.match(linje)
    if not m:
        return linje
    mærke = m.group(2)
    ny = mærke[:-1] + "\\" + mærke[-1] if mærke[-1] in ".)" else "\\" + mærke
    return m.group(1) + ny + linje[m.end():]


def _formater(tekst: str, fed: bool, kursiv: bool) -> str:
    """Markers hug the text: surrounding spaces go outside, or CommonMark would not see emphasis."""
    if not (fed or kursiv) or not tekst.strip():
        return tekst
    start = tekst[: len(tekst) - len(tekst.lstrip())]
    slut = tekst[len(tekst.rstrip()):]
    kerne = tekst.strip()
    mærke = ("**" if fed else "") + ("*" if kursiv else "")
    return f"{start}{mærke}{kerne}{mærke[::-1]}{slut}"


def inline(stykker: list[Stykke]) -> str:
    ud: list[str] = []
    i = 0
    while i < len(stykker):
        s = stykker[i]
        if s.link:
            j = i
            while j < len(stykker) and stykker[j].link == s.link:
                j += 1
            tekst = "".join(_formater(_ren(escape(x.tekst)), x.fed, x.kursiv) for x in stykker[i:j])
            url = s.link.strip()
            if url.lower().startswith(_TILLADTE) and tekst.strip():
                ud.append(f"[{tekst.strip()}]({url.replace(' ', '%20').replace(')', '%29')})")
                if tekst != tekst.rstrip():
                    ud.append(" ")
            else:
                ud.append(f"{tekst} ({escape(url)})" if url else tekst)
            i = j
            continue
        ud.append(_formater(_ren(escape(s.tekst)), s.fed, s.kursiv))
        i += 1
    linjer = "".join(ud).split("\n")
    linjer = [" ".join(l.split()) for l in linjer]
    return "\\\n".join(_linjestart(l) for l in linjer if l) if any(linjer) else ""


def _ren(tekst: str) -> str:
    return tekst.replace("\t", " ").replace("\u00a0", " ")


def _tabel(t: Tabel) -> str:
    gitter = []
    for række in t.rækker:
        rad: list[str] = []
        for celle in række:
            if celle.fortsat:
                rad.append("")
            else:
                dele = [inline(b.stykker) if isinstance(b, Afsnit) else " ".join(b.tekst.split())
                        for b in celle.blokke]
                rad.append(" ".join(d for d in dele if d).replace("\\\n", " "))
            rad.extend([""] * (celle.spænd - 1))
        gitter.append(rad)
    bredde = max((len(r) for r in gitter), default=0)
    if not bredde:
        return ""
    gitter = [r + [""] * (bredde - len(r)) for r in gitter]
    linjer = ["| " + " | ".join(gitter[0]) + " |", "|" + "---|" * bredde]
    linjer += ["| " + " | ".join(r) + " |" for r in gitter[1:]]
    return "\n".join(linjer)


def til_markdown(blokke: list[Blok], grundniveau: int = 1) -> str:
    """Markdown of a section's blocks; headings deeper than ``grundniveau`` become '#', '##', …"""
    dele: list[str] = []
    lister: list[tuple[int, bool, int]] = []   # open lists: (level, numbered, counter)
    liste_tekst: list[str] = []

    def luk_lister():
        nonlocal liste_tekst
        if liste_tekst:
            dele.append("\n".join(liste_tekst))
        liste_tekst = []
        lister.clear()

    for b in blokke:
        if isinstance(b, Tabel):
            luk_lister()
            md = _tabel(b)
            if md:
                dele.append(md)
            continue
        tekst = inline(b.stykker)
        if b.liste is not None and b.overskrift is None:
            niveau, nummereret = b.liste
            while lister and (lister[-1][0] > niveau or (lister[-1][0] == niveau and lister[-1][1] != nummereret)):
                lister.pop()
            if lister and lister[-1][0] == niveau:
                lv, nr, tæller = lister[-1]
                lister[-1] = (lv, nr, tæller + 1)
            else:
                lister.append((niveau, nummereret, 1))
            indryk = "".join("   " if nr else "  " for _, nr, _ in lister[:-1])
            _, nr, tæller = lister[-1]
            mærke = f"{tæller}." if nr else "-"
            liste_tekst.append(f"{indryk}{mærke} {tekst.replace(chr(92) + chr(10), chr(92) + chr(10) + indryk + '   ')}")
            continue
        luk_lister()
        if not tekst:
            continue
        if b.overskrift is not None and b.overskrift > grundniveau - 1 and b.overskrift >= 1:
            niveau = max(1, min(6, b.overskrift - grundniveau))
            dele.append("#" * niveau + " " + tekst.replace("\\\n", " "))
        else:
            dele.append(tekst)
    luk_lister()
    return "\n\n".join(dele)
