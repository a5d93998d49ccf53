"""The diff report as terminal text and as Markdown (for a committee paper or a PR comment)."""

from __future__ import annotations

import re
from datetime import date

import click

from ..datoer import dansk_dato
from ..findings import Severity
from ..regler import overgangsregel
from .changes import Ændring
from .impact import Programpåvirkning
from .rapport import EMNETITLER, STATUSTEKST, Diffrapport, vis_sti
from .tekstdiff import Blok, Stykke, blokke

# Control characters from YAML text must not reach the terminal (escape sequences could rewrite the screen).
_KONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def ren(tekst: str | None) -> str:
    """Text without the control characters a terminal would act on (a report prints what authors wrote)."""
    return _KONTROL.sub("", tekst or "")


_FARVE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def _flertal(n: int, ental: str, flertal: str) -> str:
    return f"{n} {ental if n == 1 else flertal}"


def opsummering(r: Diffrapport) -> str:
    n = len(r.sæt.ændringer)
    if not n:
        return "Ingen ændringer."
    return (f"{_flertal(n, 'ændring', 'ændringer')}: {r.antal(Severity.ERROR)} fejl, "
            f"{_flertal(r.antal(Severity.WARNING), 'advarsel', 'advarsler')}, {r.antal(Severity.INFO)} info.")


def overskrift(r: Diffrapport) -> str:
    g, n = r.sæt.gammel.model, r.sæt.ny.model
    return f"Målbeskrivelse for {g.speciale}, {g.fase}: version {g.version} → {n.version}"


def frist_tekst(p: Programpåvirkning, dato: date, ingen_ændringer: bool = False) -> str:
    if ingen_ændringer:
        return "Ingen revision: de to versioner er ens."
    if p.revisionsfrist is None:
        return f"Revisionsfrist: ukendt (skabelonen '{p.skabelon}' findes ikke)."
    tilstand = "overskredet" if p.frist_overskredet else "ikke overskredet"
    return f"Revisionsfrist: {dansk_dato(p.revisionsfrist)} ({tilstand} pr. {dansk_dato(dato)})."


def program_opsummering(r: Diffrapport) -> str:
    if not r.programmer:
        hvor = f" i {vis_sti(r.programmappe)}" if r.programmappe else ""
        return f"Ingen programmer fundet{hvor}."
    tal: dict[str, int] = {}
    for p in r.programmer:
        tal[p.status] = tal.get(p.status, 0) + 1
    return "; ".join(f"{_flertal(tal[s], 'program', 'programmer')} {tekst}" for s, tekst in STATUSTEKST.items()
                     if s in tal) + "."


# --- terminal text --------------------------------------------------------------

def som_tekst(r: Diffrapport, farve: bool = False) -> str:
    def st(tekst: str, **stil) -> str:
        return click.style(tekst, **stil) if farve else tekst

    g, n = r.sæt.gammel, r.sæt.ny
    linjer = [st(overskrift(r), bold=True),
              f"  gammel: {vis_sti(g.fil) or '-'} (gyldig fra {dansk_dato(g.model.gyldig_fra)})",
              f"  ny:     {vis_sti(n.fil) or '-'} (gyldig fra {dansk_dato(n.model.gyldig_fra)})",
              f"  overgang: {overgangsregel(g.model, n.model)}",
              "", opsummering(r)]
    for emne, ændringer in r.efter_emne():
        linjer += ["", st(EMNETITLER[emne], bold=True)]
        for æ in ændringer:
            linjer.append(f"  {st(f'{æ.severity.dansk:<8} {æ.id}', fg=_FARVE[æ.severity])}  {ren(æ.besked)}")
            if æ.ordforskel:
                linjer += ["      " + _punkt(b) + _tekst_diff(b.stykker, st) for b in blokke(æ.ordforskel)]
            sted = æ.sted_gammel or æ.sted_ny
            if sted:
                linjer.append(st(f"      {vis_sti(sted.fil)}:{sted.linje}", dim=True))
    linjer += ["", st("Programmer", bold=True), "  " + program_opsummering(r)]
    for p in r.påvirkede:
        linjer += ["", f"  {st(vis_sti(p.fil), bold=True)}  {ren(p.titel)}", f"    {frist_tekst(p, r.dato, not r.sæt.ændringer)}"]
        if not p.træf:
            linjer.append("    Ingen ændringer rammer programmet.")
        for t in p.træf:
            mærke = st(f"{t.severity.dansk} {t.ændring.id}", fg=_FARVE[t.severity])
            linjer.append(f"    {vis_sti(t.sted.fil)}:{t.sted.linje}:{t.sted.kolonne}: {mærke}: {ren(t.handling)}")
    andre = r.upåvirkede
    if andre:
        linjer += ["", "  Upåvirkede:"]
        for p in andre:
            hvad = f" ({p.målbeskrivelse})" if p.målbeskrivelse else ""
            linjer.append(f"    {vis_sti(p.fil)}: {STATUSTEKST[p.status]}{hvad}")
            linjer += [f"      {f}" for f in p.fund]
    return "\n".join(linjer) + "\n"


def _punkt(b: Blok) -> str:
    """How a list item starts in the report: '• ' or its number; a paragraph starts at the margin."""
    return "" if b.art == "p" else ("  • " if b.art == "ul" else f"  {b.nummer}. ")


def _tekst_diff(stykker: tuple[Stykke, ...], st) -> str:
    ud = []
    for op, t in stykker:
        t = " ".join(ren(t).split()) + (" " if t[-1:].isspace() else "")
        kerne, rest = t.rstrip(), t[len(t.rstrip()):]
        if op == "=":
            ud.append(t)
        elif op == "-":
            ud.append(st(f"[-{kerne}-]", fg="red") + rest)
        else:
            ud.append(st(f"{{+{kerne}+}}", fg="green") + rest)
    return "".join(ud)


# --- Markdown -------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#!{}()])")


def md(tekst: str) -> str:
    """Text from YAML as literal Markdown: no markup, no raw HTML, safe inside a table cell."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(tekst).replace("&", "&amp;").split()))


def _md_diff(stykker: tuple[Stykke, ...]) -> str:
    ud = []
    for op, t in stykker:
        kerne = md(t)
        if not kerne:
            if t and ud and not ud[-1].endswith(" "):
                ud.append(" ")  # a space between a removed and an added run
            continue
        mellem = " " if t[-1:].isspace() else ""
        ud.append(kerne + mellem if op == "=" else (f"~~{kerne}~~" if op == "-" else f"**{kerne}**") + mellem)
    return "".join(ud).strip()


def _md_ændring(æ: Ændring) -> list[str]:
    """One changed konkretisering as a list entry; its paragraphs and list items stay apart, nested."""
    dele = blokke(æ.ordforskel)
    første = dele.pop(0) if dele and dele[0].art == "p" else None
    ud = [f"- **Kompetence {md(æ.nye[0])}** ({æ.id}):" + (f" {_md_diff(første.stykker)}" if første else "")]
    forrige = "p"
    for b in dele:
        if b.art == "p" or b.art != forrige:
            ud.append("")  # a paragraph, or a list after other content, starts after a blank line
        ud.append(f"  {_md_diff(b.stykker)}" if b.art == "p"
                  else f"  {'-' if b.art == 'ul' else f'{b.nummer}.'} {_md_diff(b.stykker)}")
        forrige = b.art
    return ud


def _md_række(*celler: str) -> str:
    return "| " + " | ".join(celler) + " |"


def som_markdown(r: Diffrapport) -> str:
    g, n = r.sæt.gammel, r.sæt.ny
    ud = [f"# {md(overskrift(r))}", "",
          _md_række("", "Fil", "Version", "Gyldig fra"), _md_række("---", "---", "---", "---"),
          _md_række("Gammel", md(vis_sti(g.fil) or "-"), md(g.model.version), dansk_dato(g.model.gyldig_fra)),
          _md_række("Ny", md(vis_sti(n.fil) or "-"), md(n.model.version), dansk_dato(n.model.gyldig_fra)),
          "", md(overgangsregel(g.model, n.model)), "", f"**{opsummering(r)}**"]
    diffs: list[Ændring] = []
    for emne, ændringer in r.efter_emne():
        ud += ["", f"## {EMNETITLER[emne]}", "", _md_række("Id", "Alvor", "Ændring"), _md_række("---", "---", "---")]
        for æ in ændringer:
            ud.append(_md_række(æ.id, æ.severity.dansk, md(æ.besked)))
            if æ.ordforskel:
                diffs.append(æ)
    if diffs:
        ud += ["", "## Ændrede konkretiseringer", "", "Fjernet tekst er ~~overstreget~~, ny tekst er **fed**.", ""]
        for æ in diffs:
            ud += _md_ændring(æ)
    ud += ["", "## Programmer", "", md(program_opsummering(r))]
    for p in r.påvirkede:
        ud += ["", f"### {md(p.titel or '')}", "", f"{md(vis_sti(p.fil))} · {md(frist_tekst(p, r.dato, not r.sæt.ændringer))}", ""]
        if not p.træf:
            ud.append("Ingen ændringer rammer programmet.")
            continue
        ud += [_md_række("Linje", "Alvor", "Id", "Hvad skal gøres"), _md_række("---", "---", "---", "---")]
        ud += [_md_række(str(t.sted.linje), t.severity.dansk, t.ændring.id, md(t.handling)) for t in p.træf]
    andre = r.upåvirkede
    if andre:
        ud += ["", "### Upåvirkede programmer", ""]
        ud += [f"- {md(vis_sti(p.fil))}: {STATUSTEKST[p.status]}" + (f" ({md(p.målbeskrivelse)})" if p.målbeskrivelse else "")
               for p in andre]
    return "\n".join(ud) + "\n"
