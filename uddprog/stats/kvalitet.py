"""The region's quality overview (kvalitetsmonitorering): are the programmes current, approved and complete?

For each programme: how long since it was approved, whether its målbeskrivelse is the newest version (and the
revision deadline when not), whether its next revision is overdue, which required sections of its national
template are missing, and whether it is a draft. Then the departments that host forløb without a current
approved programme — what an inspector asks about first. A programme is *current and approved* when it is
approved (a date, not a draft, no revision awaiting approval), its next revision is not overdue, and no
revision deadline for a newer målbeskrivelse has passed.

Compute once (:func:`kvalitet`), render many: :func:`som_tekst`, :func:`som_json`, :func:`som_html` (with an
SVG chart of approval age by målbeskrivelse currency), :func:`som_ark` (spreadsheet sheets). Deterministic.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from html import escape
from pathlib import Path

from ..catalog import Katalog
from ..datoer import dansk_dato, læg_måneder_til
from ..diff.status import Statuslinje, status
from ..models import PLADSHOLDER, Fase, visningsnavn
from ..models.program import UDKAST
from ..navne import slug
from ..regneark import Ark, Kolonne
from .svg import FARVER, søjlediagram

JSON_FORMAT = "uddprog-kvalitet"
JSON_VERSION = 1

#: Approval age groups (upper bound in whole months, label), youngest first; "ikke godkendt" comes last.
ALDERSGRUPPER = ((12, "under 1 år"), (24, "1–2 år"), (36, "2–3 år"), (48, "3–4 år"), (None, "over 4 år"))
IKKE_GODKENDT = "ikke godkendt"

#: Målbeskrivelse currency, in the chart's order (bottom first) with its label.
AKTUALITET = (("nyeste", "Nyeste målbeskrivelse"), ("nyere-inden-frist", "Nyere findes, frist ikke nået"),
              ("frist-overskredet", "Nyere findes, frist overskredet"), ("ukendt", "Ukendt version"))


@dataclass
class Programkvalitet:
    fil: Path
    titel: str
    region: str
    speciale: str
    fase: str
    forløb: str
    godkendt: date | None
    alder_måneder: int | None
    version: str
    nyeste_version: str | None
    revisionsfrist: date | None
    frist_overskredet: bool
    næste_revision: date | None
    næste_revision_overskredet: bool
    manglende_sektioner: list[str]
    kladde: bool
    afventer_godkendelse: bool
    afdelinger: list[tuple[str, str]] = field(default_factory=list)  # (afdeling, sted)

    @property
    def aldersgruppe(self) -> str:
        if self.alder_måneder is None or self.kladde:
            return IKKE_GODKENDT
        for grænse, navn in ALDERSGRUPPER:
            if grænse is None or self.alder_måneder < grænse:
                return navn
        return ALDERSGRUPPER[-1][1]

    @property
    def aktualitet(self) -> str:
        if self.nyeste_version is None:
            return "ukendt"
        if self.nyeste_version == self.version:
            return "nyeste"
        return "frist-overskredet" if self.frist_overskredet else "nyere-inden-frist"

    @property
    def grunde(self) -> list[str]:
        """Why the programme is not current and approved (empty when it is)."""
        ud = []
        if self.kladde:
            ud.append("kladde")
        elif self.godkendt is None:
            ud.append("ikke godkendt")
        if self.afventer_godkendelse:
            ud.append("revision afventer godkendelse")
        if self.næste_revision_overskredet:
            ud.append(f"revision forfaldt {dansk_dato(self.næste_revision)}")
        if self.frist_overskredet:
            ud.append(f"ny målbeskrivelse ({self.nyeste_version}) skulle være indarbejdet senest "
                      f"{dansk_dato(self.revisionsfrist)}")
        return ud

    @property
    def gældende_godkendt(self) -> bool:
        return not self.grunde


@dataclass
class Afdelingsmangel:
    afdeling: str
    sted: str
    programmer: list[tuple[str, list[str]]]  # (programme title, reasons)
    forløb_i_alt: int


@dataclass
class Kvalitet:
    dato: date
    programmer: list[Programkvalitet]
    ulæselige: list[tuple[Path, str]]
    afdelinger: list[Afdelingsmangel]

    def antal(self, gruppe: str, aktualitet: str | None = None) -> int:
        return sum(1 for p in self.programmer if p.aldersgruppe == gruppe
                   and (aktualitet is None or p.aktualitet == aktualitet))

    @property
    def grupper(self) -> list[str]:
        return [n for _, n in ALDERSGRUPPER] + [IKKE_GODKENDT]


def _alder(godkendt: date | None, dato: date) -> int | None:
    if godkendt is None or godkendt > dato:
        return None if godkendt is None else 0
    m = (dato.year - godkendt.year) * 12 + dato.month - godkendt.month
    return m - (1 if læg_måneder_til(godkendt, m) > dato else 0)


def _manglende(p, katalog: Katalog) -> list[str]:
    skabelon = katalog.skabelon(p.skabelon)
    if skabelon is None:
        return []
    ud = []
    for s in skabelon.model.sektioner:
        tekst = (p.sektioner.get(s.id) or "").strip()
        if s.påkrævet and (not tekst or tekst == PLADSHOLDER):
            ud.append(s.titel)
    return ud


def kvalitet(programmer: Iterable, katalog: Katalog, dato: date) -> Kvalitet:
    """The overview of the programmes (loaded documents, or (path, findings) for files that cannot be read)."""
    programmer = list(programmer)
    linjer: list[Statuslinje] = status(programmer, katalog, dato)
    ud, ulæselige = [], []
    for dok, l in zip(programmer, linjer):
        if isinstance(dok, tuple):
            ulæselige.append((Path(dok[0]), dok[1][0].besked if dok[1] else ""))
            continue
        p = dok.model
        ref = p.målbeskrivelse
        ud.append(Programkvalitet(
            dok.fil, p.titel, str(p.videreuddannelsesregion), ref.speciale, str(ref.fase), p.forløbsbetegnelse,
            p.ansvar.godkendt_dato, _alder(p.ansvar.godkendt_dato, dato), ref.version,
            l.nyeste_version if l.kendt_version else None, l.revisionsfrist, bool(l.frist_overskredet),
            l.næste_revision, bool(l.næste_revision_overskredet), _manglende(p, katalog),
            getattr(p, "status", None) == UDKAST, l.revision_status == "afventer-godkendelse",
            [(a.afdeling, a.sted) for a in p.ansættelser]))
    ud.sort(key=lambda q: (q.region, slug(q.speciale), q.fase, slug(q.titel)))
    afdelinger: dict[str, Afdelingsmangel] = {}
    for q in ud:
        for afd, sted in dict.fromkeys(q.afdelinger):
            a = afdelinger.setdefault(slug(f"{afd} {sted}"), Afdelingsmangel(afd, sted, [], 0))
            a.forløb_i_alt += 1
            if q.grunde:
                a.programmer.append((q.titel, q.grunde))
    mangler = sorted((a for a in afdelinger.values() if a.programmer), key=lambda a: (slug(a.sted), slug(a.afdeling)))
    return Kvalitet(dato, ud, sorted(ulæselige), mangler)


# --- output -------------------------------------------------------------------------------

def _ja(b: bool) -> str:
    return "ja" if b else "nej"


def som_json(k: Kvalitet, vis_sti=str) -> str:
    data = {
        "format": JSON_FORMAT, "formatversion": JSON_VERSION, "dato": k.dato.isoformat(),
        "aldersgrupper": {g: {a: k.antal(g, a) for a, _ in AKTUALITET} for g in k.grupper},
        "programmer": [{
            "fil": vis_sti(q.fil), "titel": q.titel, "videreuddannelsesregion": q.region, "speciale": q.speciale,
            "fase": q.fase, "forløb": q.forløb, "godkendt": q.godkendt.isoformat() if q.godkendt else None,
            "alder_måneder": q.alder_måneder, "aldersgruppe": q.aldersgruppe, "version": q.version,
            "nyeste_version": q.nyeste_version, "aktualitet": q.aktualitet,
            "revisionsfrist": q.revisionsfrist.isoformat() if q.revisionsfrist else None,
            "frist_overskredet": q.frist_overskredet,
            "næste_revision": q.næste_revision.isoformat() if q.næste_revision else None,
            "næste_revision_overskredet": q.næste_revision_overskredet,
            "manglende_sektioner": q.manglende_sektioner, "kladde": q.kladde,
            "afventer_godkendelse": q.afventer_godkendelse, "gældende_godkendt": q.gældende_godkendt,
            "grunde": q.grunde,
        } for q in k.programmer],
        "ulæselige": [{"fil": vis_sti(f), "fejl": b} for f, b in k.ulæselige],
        "afdelinger_uden_gældende_program": [{
            "afdeling": a.afdeling, "sted": a.sted, "forløb": a.forløb_i_alt,
            "programmer": [{"titel": t, "grunde": g} for t, g in a.programmer]} for a in k.afdelinger],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def som_tekst(k: Kvalitet, vis_sti=str) -> str:
    ud = [f"Kvalitetsoverblik pr. {dansk_dato(k.dato)}: {len(k.programmer)} programmer, "
          f"{sum(q.gældende_godkendt for q in k.programmer)} gældende og godkendte.", "",
          "Godkendelsens alder (programmer)"]
    for g in k.grupper:
        ud.append(f"  {g:<24} {k.antal(g):>10}")
    ud += ["", "Målbeskrivelse"]
    for a, navn in AKTUALITET:
        n = sum(1 for q in k.programmer if q.aktualitet == a)
        if n or a != "ukendt":
            ud.append(f"  {navn:<38} {n:>4}")
    mangler = [q for q in k.programmer if q.manglende_sektioner]
    ud += ["", f"Påkrævede afsnit mangler: {len(mangler)} programmer"]
    ud += [f"  {vis_sti(q.fil)}: {', '.join(q.manglende_sektioner)}" for q in mangler]
    kladder = [q for q in k.programmer if q.kladde]
    ud += ["", f"Kladder: {len(kladder)}"] + [f"  {vis_sti(q.fil)}" for q in kladder]
    ud += ["", f"Afdelinger med forløb uden et gældende, godkendt program: {len(k.afdelinger)}"]
    for a in k.afdelinger:
        ud.append(f"  {a.sted} – {a.afdeling}: {len(a.programmer)} af {a.forløb_i_alt} forløb")
        ud += [f"    {t}: {'; '.join(g)}" for t, g in a.programmer]
    if k.ulæselige:
        ud += ["", f"Kan ikke læses: {len(k.ulæselige)}"] + [f"  {vis_sti(f)}: {b}" for f, b in k.ulæselige]
    return "\n".join(ud) + "\n"


def diagram(k: Kvalitet) -> str:
    """Programmes by approval age, stacked by målbeskrivelse currency (SVG; the same numbers are in a table)."""
    nøgler = [(a, navn, farve) for (a, navn), farve in zip(AKTUALITET, (FARVER[2], FARVER[0], FARVER[1], FARVER[5]))
              if a != "ukendt" or any(q.aktualitet == "ukendt" for q in k.programmer)]
    søjler = [(g, {a: k.antal(g, a) for a, _, _ in nøgler}) for g in k.grupper]
    beskrivelse = "; ".join(f"{g}: {k.antal(g)} programmer" for g in k.grupper) + "."
    return søjlediagram("kvalitet-alder", "Programmer efter godkendelsens alder og målbeskrivelsens aktualitet",
                        beskrivelse, søjler, nøgler)


def _e(x) -> str:
    return escape(str(x))


def html_indhold(k: Kvalitet, vis_sti=str, link=None) -> str:
    """The overview's body (headings, chart, tables) for a page of its own or the site; ``link(fil)`` gives a
    programme's page on the site, if any."""
    def titel(q) -> str:
        side = link(q.fil) if link else None
        return f'<a href="{_e(side)}">{_e(q.titel)}</a>' if side else _e(q.titel)

    ud = [f"<p>{len(k.programmer)} programmer pr. {_e(dansk_dato(k.dato))}; "
          f"{sum(q.gældende_godkendt for q in k.programmer)} er gældende og godkendte.</p>",
          '<h2 id="alder">Godkendelsens alder og målbeskrivelsens aktualitet</h2>', diagram(k),
          '<div class="rul"><table class="data"><caption>Programmer efter godkendelsens alder</caption><thead><tr>'
          '<th scope="col">Godkendt for</th>'
          + "".join(f'<th scope="col" class="tal">{_e(n)}</th>' for _, n in AKTUALITET)
          + '<th scope="col" class="tal">I alt</th></tr></thead><tbody>']
    for g in k.grupper:
        ud.append(f'<tr><th scope="row">{_e(g)}</th>' + "".join(f'<td class="tal">{k.antal(g, a)}</td>'
                                                                 for a, _ in AKTUALITET)
                  + f'<td class="tal">{k.antal(g)}</td></tr>')
    ud.append("</tbody></table></div>")
    ikke_nyeste = [q for q in k.programmer if q.aktualitet not in ("nyeste",)]
    ud.append('<h2 id="maalbeskrivelse">Programmer på en ældre målbeskrivelse</h2>')
    if ikke_nyeste:
        ud.append('<div class="rul"><table class="data"><caption>Programmer, der ikke bygger på den nyeste version'
                  '</caption><thead><tr><th scope="col">Program</th><th scope="col">Version</th>'
                  '<th scope="col">Nyeste</th><th scope="col">Revisionsfrist</th></tr></thead><tbody>')
        for q in ikke_nyeste:
            frist = dansk_dato(q.revisionsfrist) if q.revisionsfrist else "–"
            ud.append(f"<tr><td>{titel(q)}</td><td>{_e(q.version)}</td><td>{_e(q.nyeste_version or 'ukendt')}</td>"
                      f'<td class="nowrap{" overskredet" if q.frist_overskredet else ""}">{_e(frist)}'
                      f"{' (overskredet)' if q.frist_overskredet else ''}</td></tr>")
        ud.append("</tbody></table></div>")
    else:
        ud.append("<p>Alle programmer bygger på den nyeste version af deres målbeskrivelse.</p>")
    mangler = [q for q in k.programmer if q.manglende_sektioner]
    ud.append('<h2 id="afsnit">Påkrævede afsnit, der mangler</h2>')
    if mangler:
        ud.append('<ul>' + "".join(f"<li>{titel(q)}: {_e(', '.join(q.manglende_sektioner))}</li>" for q in mangler)
                  + "</ul>")
    else:
        ud.append("<p>Ingen programmer mangler påkrævede afsnit.</p>")
    kladder = [q for q in k.programmer if q.kladde or q.afventer_godkendelse]
    ud.append('<h2 id="kladder">Kladder og revisioner, der afventer godkendelse</h2>')
    ud.append('<ul>' + "".join(f"<li>{titel(q)}: {_e(', '.join(g for g in q.grunde if g in ('kladde', 'revision afventer godkendelse')))}</li>"
                               for q in kladder) + "</ul>" if kladder else "<p>Ingen.</p>")
    ud.append('<h2 id="afdelinger">Afdelinger med forløb uden et gældende, godkendt program</h2>')
    if k.afdelinger:
        ud.append('<div class="rul"><table class="data"><caption>Afdelinger og de programmer, der ikke er gældende og '
                  'godkendte</caption><thead><tr><th scope="col">Afdeling</th><th scope="col" class="tal">Forløb</th>'
                  '<th scope="col">Programmer og grunde</th></tr></thead><tbody>')
        for a in k.afdelinger:
            grunde = "".join(f"<li>{_e(t)}: {_e('; '.join(g))}</li>" for t, g in a.programmer)
            ud.append(f'<tr><th scope="row">{_e(a.afdeling)}, {_e(a.sted)}</th>'
                      f'<td class="tal">{len(a.programmer)} af {a.forløb_i_alt}</td><td><ul>{grunde}</ul></td></tr>')
        ud.append("</tbody></table></div>")
    else:
        ud.append("<p>Alle afdelinger har kun forløb med et gældende, godkendt program.</p>")
    return "\n".join(ud)


CSS = ("body{font-family:system-ui,Arial,sans-serif;color:#1a1a1a;background:#fff;margin:0 auto;max-width:62rem;"
       "padding:1rem 1.5rem 3rem;line-height:1.45}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid #1f5f99}"
       "table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.92rem}caption{text-align:left;font-weight:600}"
       "th,td{border:1px solid #8a8a8a;padding:.25rem .55rem;text-align:left;vertical-align:top}th{background:#eef2f6}"
       "td.tal,th.tal{text-align:right}.overskredet{color:#a30000;font-weight:600}.diagram{display:block;margin:.6rem 0}")


def som_html(k: Kvalitet, vis_sti=str) -> str:
    """A page of its own (``uddprog stats --kvalitet --format html``): self-contained, no scripts."""
    return ('<!DOCTYPE html>\n<html lang="da"><head><meta charset="utf-8"><meta name="viewport" '
            'content="width=device-width, initial-scale=1"><title>Kvalitetsoverblik over uddannelsesprogrammerne'
            f'</title><style>{CSS}</style></head><body><main>'
            '<h1>Kvalitetsoverblik over uddannelsesprogrammerne</h1>\n'
            + html_indhold(k, vis_sti) + "\n</main></body></html>\n")


def som_ark(k: Kvalitet, vis_sti=str) -> list[Ark]:
    programmer = Ark("Kvalitet", [
        Kolonne("Fil"), Kolonne("Titel"), Kolonne("Videreuddannelsesregion"), Kolonne("Speciale"), Kolonne("Fase"),
        Kolonne("Godkendt", "dato"), Kolonne("Godkendt for (måneder)", "heltal"), Kolonne("Aldersgruppe"),
        Kolonne("Version"), Kolonne("Nyeste version"), Kolonne("Revisionsfrist", "dato"),
        Kolonne("Frist overskredet", "janej"), Kolonne("Næste revision", "dato"),
        Kolonne("Næste revision overskredet", "janej"), Kolonne("Manglende påkrævede afsnit"),
        Kolonne("Kladde", "janej"), Kolonne("Gældende og godkendt", "janej"), Kolonne("Grunde", bredde=60)],
        [[vis_sti(q.fil), q.titel, q.region, q.speciale, visningsnavn_fase(q.fase), q.godkendt, q.alder_måneder,
          q.aldersgruppe, q.version, q.nyeste_version, q.revisionsfrist, q.frist_overskredet, q.næste_revision,
          q.næste_revision_overskredet, ", ".join(q.manglende_sektioner), q.kladde, q.gældende_godkendt,
          "; ".join(q.grunde)] for q in k.programmer])
    afdelinger = Ark("Afdelinger uden gældende", [
        Kolonne("Hospital eller praksis"), Kolonne("Afdeling"), Kolonne("Forløb i alt", "heltal"),
        Kolonne("Forløb uden gældende program", "heltal"), Kolonne("Programmer og grunde", bredde=80)],
        [[a.sted, a.afdeling, a.forløb_i_alt, len(a.programmer), "; ".join(f"{t}: {', '.join(g)}" for t, g in a.programmer)]
         for a in k.afdelinger])
    return [programmer, afdelinger]


def visningsnavn_fase(fase: str) -> str:
    return visningsnavn(Fase(fase)) if fase in {f.value for f in Fase} else fase
