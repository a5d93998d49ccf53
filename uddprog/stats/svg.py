"""Charts as static SVG written by hand: no JavaScript, no fonts or files from elsewhere, deterministic.

Each chart is an ``<svg role="img">`` named by its ``<title>`` and described by a ``<desc>`` that says
what it shows; the report puts the same numbers in a table next to it. Colours are told apart by the
legend's text as well, and the target is a labelled line, so nothing depends on colour alone.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from .afrunding import dansk_tal

#: Fills with at least 3:1 contrast against white (WCAG 1.4.11), in a colour-blind-safe order.
FARVER = ("#1f5f99", "#c0571b", "#2e7d4f", "#7b4fa0", "#8a6d00", "#5c5c5c")
TEKST = "#1a1a1a"

_BREDDE = 760
_ETIKET = 250  # room for the row labels
_RÆKKE = 26


def _attr(tekst: str) -> str:
    return escape(tekst, quote=True)


def _hoved(id_: str, bredde: int, højde: int, titel: str, beskrivelse: str) -> list[str]:
    return [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{id_}-t {id_}-d" '
            f'viewBox="0 0 {bredde} {højde}" width="100%" style="max-width:{round(bredde * 1.3)}px" class="diagram">',
            f'<title id="{id_}-t">{escape(titel)}</title>', f'<desc id="{id_}-d">{escape(beskrivelse)}</desc>']


def _forklaring(nøgler: list[tuple[str, str]], y: int, x0: int = _ETIKET) -> list[str]:
    ud, x = [], x0
    for navn, farve in nøgler:
        ud.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{farve}"/>'
                  f'<text x="{x + 17}" y="{y}" font-size="13" fill="{TEKST}">{escape(navn)}</text>')
        x += 30 + 8 * len(navn)
    return ud


def andelsdiagram(id_: str, titel: str, beskrivelse: str, rækker: list[tuple[str, dict[str, Decimal]]],
                  nøgler: list[tuple[str, str]], mål: dict[str, Decimal | None] | None = None,
                  mållabel: str = "mål") -> str:
    """Horizontal 100 % bars, one per row; ``mål`` (row label → percent) draws a target line on each bar."""
    bredde_bar = _BREDDE - _ETIKET - 20
    højde = 40 + _RÆKKE * len(rækker) + 40
    ud = _hoved(id_, _BREDDE, højde, titel, beskrivelse)
    for pct in (0, 25, 50, 75, 100):
        x = _ETIKET + bredde_bar * pct / 100
        ud.append(f'<line x1="{x:.1f}" y1="28" x2="{x:.1f}" y2="{28 + _RÆKKE * len(rækker)}" stroke="#bbbbbb" '
                  f'stroke-width="1"/><text x="{x:.1f}" y="20" font-size="12" text-anchor="middle" '
                  f'fill="{TEKST}">{pct} %</text>')
    for i, (etiket, andele) in enumerate(rækker):
        y = 30 + _RÆKKE * i
        ud.append(f'<text x="{_ETIKET - 8}" y="{y + 15}" font-size="13" text-anchor="end" fill="{TEKST}">'
                  f'{escape(etiket[:34] + ("…" if len(etiket) > 34 else ""))}</text>')
        x = float(_ETIKET)
        for (nøgle, farve) in nøgler:
            andel = float(andele.get(nøgle, 0))
            if andel <= 0:
                continue
            b = bredde_bar * andel / 100
            ud.append(f'<rect x="{x:.1f}" y="{y}" width="{b:.1f}" height="{_RÆKKE - 8}" fill="{farve}">'
                      f'<title>{escape(etiket)}: {escape(nøgle)} {dansk_tal(Decimal(andel), 1)} %</title></rect>')
            x += b
        m = (mål or {}).get(etiket)
        if m is not None:
            xm = _ETIKET + bredde_bar * float(m) / 100
            ud.append(f'<line x1="{xm:.1f}" y1="{y - 3}" x2="{xm:.1f}" y2="{y + _RÆKKE - 5}" stroke="{TEKST}" '
                      f'stroke-width="3" stroke-dasharray="4 2"/>')
    yf = 30 + _RÆKKE * len(rækker) + 25
    ud += _forklaring(nøgler, yf, 10)
    if mål:
        x = 10 + sum(30 + 8 * len(n) for n, _ in nøgler)
        ud.append(f'<line x1="{x}" y1="{yf - 11}" x2="{x}" y2="{yf + 2}" stroke="{TEKST}" stroke-width="3" '
                  f'stroke-dasharray="4 2"/><text x="{x + 8}" y="{yf}" font-size="13" fill="{TEKST}">'
                  f'{escape(mållabel)}</text>')
    ud.append("</svg>")
    return "\n".join(ud)


def søjlediagram(id_: str, titel: str, beskrivelse: str, søjler: list[tuple[str, dict[str, int]]],
                 nøgler: list[tuple[str, str, str]]) -> str:
    """Vertical stacked bars (one per round); ``nøgler`` are (key, label, colour), bottom first."""
    højde, top, bund = 300, 20, 240
    maks = max([sum(s.get(k, 0) for k, _, _ in nøgler) for _, s in søjler] + [1])
    trin = max(1, -(-maks // 5))
    loft = trin * -(-maks // trin)
    n = max(1, len(søjler))
    plads = (_BREDDE - 70) / n
    b = min(60.0, plads * 0.6)
    ud = _hoved(id_, _BREDDE, højde, titel, beskrivelse)
    for v in range(0, loft + 1, trin):
        y = bund - (bund - top) * v / loft
        ud.append(f'<line x1="50" y1="{y:.1f}" x2="{_BREDDE - 10}" y2="{y:.1f}" stroke="#bbbbbb" stroke-width="1"/>'
                  f'<text x="44" y="{y + 4:.1f}" font-size="12" text-anchor="end" fill="{TEKST}">'
                  f'{dansk_tal(v)}</text>')
    for i, (etiket, tal) in enumerate(søjler):
        x = 60 + plads * i + (plads - b) / 2
        y = float(bund)
        for k, navn, farve in nøgler:
            v = tal.get(k, 0)
            if not v:
                continue
            h = (bund - top) * v / loft
            y -= h
            ud.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{b:.1f}" height="{h:.1f}" fill="{farve}">'
                      f'<title>{escape(etiket)}: {dansk_tal(v)} {escape(navn)}</title></rect>')
        ud.append(f'<text x="{x + b / 2:.1f}" y="{bund + 18}" font-size="13" text-anchor="middle" '
                  f'fill="{TEKST}">{escape(etiket)}</text>')
    ud += _forklaring([(navn, farve) for _, navn, farve in nøgler], højde - 15, 50)
    ud.append("</svg>")
    return "\n".join(ud)
