"""The site's pages: plain values (``data``) through the Jinja templates in ``templates/``.

Pure: returns ``{path inside the site: content}``; the builder writes them. Every link is relative, so
the site works from ``file://`` as well as from a server, and nothing is fetched from elsewhere.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from .. import __version__
from ..catalog import FASER
from ..datoer import dansk_dato
from ..diff.tekst import opsummering
from ..markdown import to_html
from ..models import visningsnavn
from ..navne import slug
from .afdelingssider import MENUPUNKTER
from .data import STATUSSER, Gruppe, Programpost, dansk_nøgle, dato as vis_dato, fundlinjer, grupper, vis

MAPPE = Path(__file__).parent / "templates"
MENU = [("index.html", "Forside"), ("regioner/index.html", "Regioner"), ("specialer/index.html", "Specialer"),
        *MENUPUNKTER, ("skabeloner/index.html", "Nationale skabeloner"), ("oversigt.html", "Oversigt")]
STATISKE = ("site.css", "site.js")


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(MAPPE)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    env.filters["dato"] = vis_dato
    env.filters["slug"] = slug
    env.filters["md"] = _md
    env.filters["navn"] = visningsnavn
    env.filters["iso"] = lambda d: d.isoformat() if d else ""
    return env


def _md(tekst) -> Markup:
    """Markdown from YAML through uddprog's renderer (raw HTML off, safe links only)."""

    return Markup(to_html(str(tekst))) if tekst else Markup("")


def _med_vej_tilbage(rapport: str, speciale: str, s: str) -> str:
    """The diff report as ``uddprog diff`` writes it, with links back to the site at its top."""
    from markupsafe import escape

    nav = (f'<nav aria-label="Brødkrumme"><a href="../../index.html">Forside</a> › '
           f'<a href="../{escape(s)}.html">{escape(speciale)}</a></nav>\n')
    i = rapport.find("<body>")
    return rapport if i < 0 else rapport[:i + 6] + "\n" + nav + rapport[i + 6:]


def _nyest_først(version: str | None) -> tuple:
    """Versions are years in practice ('2015'); a longer or later string sorts first."""
    v = version or ""
    return (-len(v), tuple(-ord(c) for c in v))


def _faseorden(fase) -> int:
    """The phases in the order a doctor goes through them."""
    return FASER.index(str(fase)) if str(fase) in FASER else len(FASER)


def _rod(side: str) -> str:
    """The relative prefix from a page back to the site root: '' or '../' per folder level."""
    return "../" * side.count("/")


def _rel(fra: str, til: str) -> str:
    return posixpath.relpath(til, posixpath.dirname(fra) or ".")


@dataclass
class Diffpost:
    gammel: str
    ny: str
    gammel_gyldig: date
    ny_gyldig: date
    side: str
    opsummering: str
    påvirkede: int


@dataclass
class Fasepost:
    fase: str
    fase_navn: str
    versioner: list  # Dokument[Maalbeskrivelse], oldest first
    diffs: list[Diffpost]


def sider(poster: list[Programpost], katalog, diffs: dict, dato: date, rod: Path, titel: str,
          pdf: bool, memo: dict | None = None, katalogfund: list | None = None) -> dict[str, str]:
    """Every page; ``memo`` (kept by the caller between builds) saves rendering unchanged programme pages."""

    env = _env()
    ud: dict[str, str] = {}
    katalogfund = list(katalog.fund) if katalogfund is None else katalogfund
    fælles = dict(version=__version__, dato=dansk_dato(dato), site_titel=titel, menu=MENU, statusser=STATUSSER)

    def side(sti: str, skabelon: str, **kw) -> None:
        ud[sti] = env.get_template(skabelon).render(rod=_rod(sti), side=sti, **fælles, **kw)

    for navn in STATISKE:
        ud[f"assets/{navn}"] = (MAPPE / navn).read_text(encoding="utf-8")

    regioner = grupper(poster, lambda p: p.region)
    specialegrupper = {g.slug: g for g in grupper(poster, lambda p: p.speciale)}

    # Specialties: every målbeskrivelse in the catalog, and every specialty a programme names.
    specialer: dict[str, dict] = {}
    for mb in katalog.målbeskrivelser:
        s = slug(mb.model.speciale)
        specialer.setdefault(s, {"navn": mb.model.speciale, "faser": {}})
    for s, g in specialegrupper.items():
        specialer.setdefault(s, {"navn": g.navn, "faser": {}})
    for s, sp in specialer.items():
        faser = sorted({str(mb.model.fase) for mb in katalog.målbeskrivelser if slug(mb.model.speciale) == s},
                       key=_faseorden)
        for fase in faser:
            versioner = katalog.versioner(sp["navn"], fase)
            dposter = []
            for g, n, rapport, html in diffs.get((s, fase), []):
                dside = f"specialer/{s}/{fase}-{slug(g.model.version)}-{slug(n.model.version)}.html"
                ud[dside] = _med_vej_tilbage(html, sp["navn"], s)
                dposter.append(Diffpost(g.model.version, n.model.version, g.model.gyldig_fra, n.model.gyldig_fra,
                                        dside, opsummering(rapport), len(rapport.påvirkede)))
            sp["faser"][fase] = Fasepost(fase, visningsnavn(versioner[0].model.fase) if versioner else fase,
                                         versioner, dposter)
        sp["gruppe"] = specialegrupper.get(s, Gruppe(sp["navn"], s, []))
        # As regions publish them: by phase, then målbeskrivelse version, newest first.
        sp["gruppe"].programmer.sort(key=lambda p: (_faseorden(p.fase), _nyest_først(p.linje.version), p.titel))

    søgeindeks = json.dumps({p.række_id: p.søgetekst for p in poster}, ensure_ascii=False, sort_keys=True)
    søgeindeks = søgeindeks.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # A script of its own, loaded after the table: the front page stays small, and file:// can load it.
    ud["assets/soegeindeks.js"] = f"window.uddprogSoegeindeks = {søgeindeks};\n"
    side("index.html", "forside.html.j2", titel=titel, programmer=poster, regioner=regioner,
         specialer=sorted(specialegrupper.values(), key=lambda g: dansk_nøgle(g.navn)),
         faser=sorted({(p.fase, p.fase_navn) for p in poster if p.fase},
                      key=lambda f: _faseorden(f[0])),
         katalogfund=len(katalogfund), aktiv="index.html")

    side("regioner/index.html", "grupper.html.j2", titel="Regioner", grupper=regioner, mappe="regioner",
         aktiv="regioner/index.html", slags="Videreuddannelsesregion")
    for g in regioner:
        side(f"regioner/{g.slug}.html", "gruppe.html.j2", titel=f"Videreuddannelsesregion {g.navn}", gruppe=g,
             aktiv="regioner/index.html", krumme=[("regioner/index.html", "Regioner")], speciale=None)

    spec = sorted(specialer.items(), key=lambda kv: dansk_nøgle(kv[1]["navn"]))
    side("specialer/index.html", "grupper.html.j2", titel="Specialer", mappe="specialer",
         grupper=[sp["gruppe"] for _, sp in spec], aktiv="specialer/index.html", slags="Speciale")
    for s, sp in spec:
        side(f"specialer/{s}.html", "gruppe.html.j2", titel=sp["navn"], gruppe=sp["gruppe"], speciale=sp,
             aktiv="specialer/index.html", krumme=[("specialer/index.html", "Specialer")])

    skabeloner = sorted(katalog.skabeloner.values(), key=lambda d: (_faseorden(d.model.fase), d.model.id))
    side("skabeloner/index.html", "skabeloner.html.j2", titel="Nationale skabeloner", skabeloner=skabeloner,
         aktiv="skabeloner/index.html", brug={d.model.id: sum(1 for p in poster if p.skabelon == d.model.id)
                                              for d in skabeloner})
    for d in skabeloner:
        side(f"skabeloner/{slug(d.model.id)}.html", "skabelon.html.j2", titel=d.model.navn, s=d.model,
             kilde=vis(d.fil, rod), aktiv="skabeloner/index.html",
             krumme=[("skabeloner/index.html", "Nationale skabeloner")])

    side("oversigt.html", "oversigt.html.j2", titel="Oversigt for sekretariatet", regioner=regioner,
         specialer=sorted(specialegrupper.values(), key=lambda g: dansk_nøgle(g.navn)), programmer=poster,
         katalogfund=fundlinjer(katalogfund, rod), aktiv="oversigt.html")

    skabelonsider = {d.model.id: f"skabeloner/{slug(d.model.id)}.html" for d in skabeloner}
    nye_memo = {}
    for p in poster:
        kw = dict(titel=p.titel, p=p, aktiv="", pdf=pdf, kilde=vis(p.kilde, rod),
                  speciale_side=f"specialer/{slug(p.speciale)}.html" if p.speciale else None,
                  skabelon_side=skabelonsider.get(p.skabelon),
                  krumme=[(f"regioner/{slug(p.region)}.html", p.region)] if p.region else [])
        nøgle = (repr(sorted(kw.items(), key=lambda kv: kv[0])), repr(fælles))
        if memo is not None and memo.get(p.side, (None,))[0] == nøgle:
            ud[p.side] = memo[p.side][1]
        else:
            side(p.side, "program.html.j2", rel=lambda til, fra=p.side: _rel(fra, til), **kw)
        nye_memo[p.side] = (nøgle, ud[p.side])
    if memo is not None:
        memo.clear()
        memo.update(nye_memo)
    return ud
