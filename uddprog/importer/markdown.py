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


def _kode(tekst: str) -> str:
    """Inline code: a fence longer than any backtick run inside, padded when the text touches one."""
    længst = max((len(m) for m in re.findall(r"`+", tekst)), default=0)
    hegn = "`" * (længst + 1)
    fyld = " " if tekst.startswith("`") or tekst.endswith("`") else ""
    return f"{hegn}{fyld}{tekst}{fyld}{hegn}"


def _træk(s: Stykke) -> list[tuple]:
    """A run's formatting as an ordered list of spans (outermost first)."""
    ud: list[tuple] = []
    if s.link:
        ud.append(("link", s.link))
    if s.fed:
        ud.append(("fed",))
    if s.kursiv:
        ud.append(("kursiv",))
    return ud


def _åbn(træk: tuple) -> str:
    return "[" if træk[0] == "link" else "**" if træk[0] == "fed" else "*"


def _luk(træk: tuple) -> str:
    if træk[0] == "link":
        return f"]({træk[1].strip().replace(' ', '%20').replace('(', '%28').replace(')', '%29')})"
    return "**" if træk[0] == "fed" else "*"


def inline(stykker: list[Stykke]) -> str:
    """Runs -> Markdown. Spans stay open across runs that share them (a bold phrase with a link inside
    stays one bold phrase), and whitespace at a span's edge moves outside it, as CommonMark needs."""
    # Links Markdown cannot carry (file:, internal) keep their target as visible text.
    forberedt: list[Stykke] = []
    for i, s in enumerate(stykker):
        if s.link and not s.link.strip().lower().startswith(_TILLADTE):
            forberedt.append(Stykke(s.tekst, s.fed, s.kursiv, None, s.kode))
            if i + 1 == len(stykker) or stykker[i + 1].link != s.link:
                forberedt.append(Stykke(f" ({s.link.strip()})"))
        else:
            forberedt.append(s)
    ud: list[str] = []
    stak: list[tuple] = []
    venter = ""  # whitespace not yet written: it goes outside any span closed or opened next
    for s in forberedt:
        tekst = _ren(s.tekst)
        kerne = tekst.strip(" ")
        if not kerne:
            venter += tekst
            continue
        venter += tekst[: len(tekst) - len(tekst.lstrip(" "))]
        slut = tekst[len(tekst.rstrip(" ")):]
        ønsket = _træk(s)
        while stak and any(t not in ønsket for t in stak):
            ud.append(_luk(stak.pop()))
        ud.append(venter)
        venter = ""
        for t in ønsket:
            if t not in stak:
                ud.append(_åbn(t))
                stak.append(t)
        ud.append(_kode(kerne) if s.kode else escape(kerne))
        venter = slut
    while stak:
        ud.append(_luk(stak.pop()))
    ud.append(venter)
    linjer = ["".join(ud)][0].split("\n")
    linjer = [" ".join(l.split(" ")).strip() for l in linjer]
    linjer = [re.sub(r" {2,}", " ", l) for l in linjer]
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
