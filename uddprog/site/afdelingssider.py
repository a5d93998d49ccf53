"""The site's pages for the people around the programmes: one page per department or practice (for the
inspector, the UAO and the trainee), a searchable list of them, and the region's quality overview.

Pure like :mod:`.sider`: documents in, ``{path inside the site: content}`` out. The department data come from
:mod:`uddprog.visninger.afdelinger`, the quality overview from :mod:`uddprog.stats.kvalitet`; the pages share
the site's layout (``base.html.j2``) and stylesheet, and the list's search is a small script of its own
(``assets/afdelinger.js``): without JavaScript the list is complete.
"""

from __future__ import annotations

import os
import posixpath
from datetime import date
from functools import lru_cache
from html import escape
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..datoer import dansk_dato
from ..markdown import to_html
from ..stats.kvalitet import html_indhold, kvalitet
from ..visninger.afdelinger import afdelinger

MAPPE = Path(__file__).parent / "templates"
AFDELINGSMAPPE = "afdelinger"
KVALITETSSIDE = "kvalitet.html"
#: The menu entries these pages add to the site's menu.
MENUPUNKTER = [(f"{AFDELINGSMAPPE}/index.html", "Afdelinger"), (KVALITETSSIDE, "Kvalitet")]


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(MAPPE)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    env.filters["dato"] = lambda d: dansk_dato(d) if d else "–"
    env.filters["md"] = lambda t: Markup(to_html(str(t))) if t else Markup("")
    return env


def kompetencetabeller(a) -> Markup:
    """The competency tables, one per målbeskrivelse, written here rather than in the template: they are most
    of the pages' rows (a Jinja loop over them was two thirds of building the pages of a national corpus)."""
    ud: list[str] = []
    nu = None
    for r in a.kompetencer:
        if r.målbeskrivelse != nu:
            if nu is not None:
                ud.append("</tbody>\n</table>\n</div>\n")
            nu = r.målbeskrivelse
            mb = escape(nu)
            ud.append(f'<h3>{mb}</h3>\n<div class="rul">\n<table class="data">\n  <caption>Kompetencer fra '
                      f'målbeskrivelsen ({mb}) planlagt på {escape(a.navn)}</caption>\n  <thead><tr>'
                      '<th scope="col">Kompetence</th><th scope="col">Vurderingsmetoder</th><th scope="col">'
                      'Kompetencekort</th><th scope="col">Forløb og periode</th></tr></thead>\n  <tbody>\n')
        forløb = "<br>".join(f'{escape(f)}: <span class="nowrap">{escape(p)}</span>' for f, p in r.forløb)
        ud.append(f'    <tr><th scope="row">{escape(r.id)} {escape(r.titel)}</th>'
                  f'<td>{escape(", ".join(r.vurderingsmetoder) or "–")}</td>'
                  f'<td>{escape("; ".join(r.kompetencekort) or "–")}</td><td>{forløb}</td></tr>\n')
    if nu is not None:
        ud.append("</tbody>\n</table>\n</div>")
    return Markup("".join(ud))


def afdelingsside(slug: str) -> str:
    return f"{AFDELINGSMAPPE}/{slug}.html"


def afdelingssider(docs: list, sider_af: dict[str, str], katalog, dato: date, fælles: dict,
                   memo: dict | None = None, nøgle=None) -> dict[str, str]:
    """The department pages, their list and the quality page.

    ``docs``: the programmes' documents; ``sider_af``: a programme file's absolute path → its page in the
    site; ``fælles``: the values every page's layout needs (version, dato, site_titel, menu, statusser).
    ``memo`` (kept by the caller between builds) returns the last pages again when ``nøgle`` (what they were
    made from: the programmes' content keys, the catalogue's generation, the date) is unchanged."""
    if memo is not None and nøgle is not None and memo.get("nøgle") == nøgle:
        return dict(memo["sider"])
    env = _env()
    ud: dict[str, str] = {}

    def side(sti: str, skabelon: str, **kw) -> None:
        ud[sti] = env.get_template(skabelon).render(rod="../" * sti.count("/"), side=sti, **fælles, **kw)

    programmer = [(d.model, d.fil, sider_af.get(os.path.abspath(d.fil))) for d in docs]
    alle = afdelinger(programmer, katalog)
    ud["assets/afdelinger.js"] = (MAPPE / "afdelinger.js").read_text(encoding="utf-8")
    side(f"{AFDELINGSMAPPE}/index.html", "afdelinger.html.j2", titel="Afdelinger og praksis", afdelinger=alle,
         aktiv=MENUPUNKTER[0][0])
    for a in alle:
        sti = afdelingsside(a.slug)
        side(sti, "afdeling.html.j2", titel=a.titel, a=a, aktiv=MENUPUNKTER[0][0],
             kompetencetabeller=kompetencetabeller(a),
             krumme=[(MENUPUNKTER[0][0], "Afdelinger")],
             rel=lambda til, fra=sti: posixpath.relpath(til, posixpath.dirname(fra)))
    k = kvalitet(docs, katalog, dato)
    rod_til = {os.path.abspath(f): s for f, s in sider_af.items()}
    indhold = html_indhold(k, link=lambda fil: rod_til.get(os.path.abspath(fil)))
    side(KVALITETSSIDE, "kvalitet.html.j2", titel="Kvalitetsoverblik", indhold=Markup(indhold), aktiv=KVALITETSSIDE)
    if memo is not None:
        memo.clear()
        memo.update(nøgle=nøgle, sider=dict(ud))
    return ud
