"""A self-contained HTML report: embedded CSS, no scripts, no external resources.

Every value from YAML goes through Jinja's autoescaping, so text in a
målbeskrivelse or programme can never add markup to the report.
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from ..datoer import dansk_dato, måneder_tekst
from ..markdown import to_html
from ..models import Kompetence, visningsnavn
from ..regler import overgangsregel
from .changes import Ændring
from .rapport import EMNETITLER, STATUSTEKST, Diffrapport, vis_sti
from .tekst import frist_tekst, opsummering, overskrift, program_opsummering
from .tekstdiff import Blok, blokke


@dataclass(frozen=True)
class _Side:
    """One competency as a column of the side-by-side view."""

    id: str
    titel: str
    konkretisering: str
    roller: str
    læringsstrategier: str
    vurderingsmetoder: str
    min_vurderinger: str


def _side(k: Kompetence) -> _Side:
    def navne(v):
        return ", ".join(visningsnavn(x) for x in v)

    return _Side(k.id, k.titel, k.konkretisering, navne(k.roller), navne(k.læringsstrategier),
                 navne(k.vurderingsmetoder), str(k.min_vurderinger or "–"))


@dataclass(frozen=True)
class _Sammenstilling:
    art: str
    gamle: list[_Side]
    nye: list[_Side]
    ændringer: list[Ændring]
    ordforskel: list[Blok] | None  # konkretisering redline for one-to-one groups, by paragraph and list item
    ændrede_felter: set[str]


_ART = {"fjernet": "Fjernet", "tilføjet": "Tilføjet", "bevaret": "Ændret", "omnummereret": "Omnummereret",
        "delt": "Delt", "sammenlagt": "Lagt sammen", "omstruktureret": "Delt og lagt sammen"}


def _sammenstillinger(r: Diffrapport) -> list[_Sammenstilling]:
    g, n = r.sæt.gammel.model, r.sæt.ny.model
    ud = []
    for gr in r.sæt.slægt.grupper:
        ændringer = [æ for æ in r.sæt.ændringer if æ.type.emne == "kompetence"
                     and (set(æ.gamle) & set(gr.gamle) or (not æ.gamle and set(æ.nye) & set(gr.nye)))]
        if not ændringer:
            continue
        diff = next((blokke(æ.ordforskel) for æ in ændringer if æ.ordforskel), None)
        felter = {æ.felt for æ in ændringer if æ.felt}
        ud.append(_Sammenstilling(_ART[gr.art], [_side(g.kompetence(i)) for i in gr.gamle],
                                  [_side(n.kompetence(i)) for i in gr.nye], ændringer, diff, felter))
    return ud


_SKABELON = r"""<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{{ overskrift }}</title>
<style>
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2430; margin: 0 auto; max-width: 72rem; padding: 1.5rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #d5dbe3; }
h3 { font-size: 1.05rem; margin-bottom: .3rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid #d5dbe3; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f1f4f8; }
.sev { font-weight: 600; white-space: nowrap; border-radius: 3px; padding: 0 .35rem; }
.sev-error { background: #fde2e1; color: #8a1c14; } .sev-warning { background: #fff1c7; color: #6b4e00; }
.sev-info { background: #e1ecfb; color: #1d4a87; }
.id, .sted { font-family: ui-monospace, monospace; font-size: .9em; white-space: nowrap; }
del { background: #fde2e1; color: #8a1c14; } ins { background: #dcf5e3; color: #14592b; text-decoration: none; }
.side { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; border: 1px solid #d5dbe3; border-radius: 4px;
        padding: .75rem; margin: .75rem 0; }
.side h3 { margin: 0 0 .3rem; font-size: 1rem; } .side dl { margin: 0; }
.side dt { font-weight: 600; font-size: .85em; color: #4a5568; margin-top: .3rem; } .side dd { margin: 0; }
.side dd p { margin: 0 0 .3rem; } .side dd ul, .side dd ol { margin: 0 0 .3rem; padding-left: 1.3rem; }
.side .ændret { background: #fff8e0; }
.art { grid-column: 1 / -1; font-weight: 600; }
.kolonne { margin: 0 0 .2rem; font-size: .8em; text-transform: uppercase; letter-spacing: .04em; color: #6b7380; }
.tom { color: #6b7380; font-style: italic; }
.forslag { border-left: 3px solid #c99a00; padding-left: .5rem; }
.overskredet { color: #8a1c14; font-weight: 600; }
@media print { .side { break-inside: avoid; } }
</style>
</head>
<body>
{#- The word diff keeps the text's paragraphs and lists; b.art is "p", "ul" or "ol". #}
{% macro stykker(b) %}{% for op, t in b.stykker %}{% if op == "=" %}{{ t }}{% elif op == "-" %}<del>{{ t }}</del>{% else %}<ins>{{ t }}</ins>{% endif %}{% endfor %}{% endmacro %}
{% macro redline(blokke) %}{% for b in blokke %}{% if b.art == "p" %}<p>{{ stykker(b) }}</p>{% else %}{% if loop.first or loop.previtem.art != b.art %}<{{ b.art }}{% if b.art == "ol" and b.nummer != 1 %} start="{{ b.nummer }}"{% endif %}>{% endif %}<li>{{ stykker(b) }}</li>{% if loop.last or loop.nextitem.art != b.art %}</{{ b.art }}>{% endif %}{% endif %}{% endfor %}{% endmacro %}
<main>
<h1>{{ overskrift }}</h1>
<table>
<caption>Sammenlignede versioner</caption>
<thead><tr><th scope="col">Udgave</th><th scope="col">Fil</th><th scope="col">Version</th><th scope="col">Gyldig fra</th></tr></thead>
<tbody>
<tr><th scope="row">Gammel</th><td class="sted">{{ gammel.fil }}</td><td>{{ gammel.version }}</td><td>{{ gammel.gyldig_fra }}</td></tr>
<tr><th scope="row">Ny</th><td class="sted">{{ ny.fil }}</td><td>{{ ny.version }}</td><td>{{ ny.gyldig_fra }}</td></tr>
</tbody>
</table>
<p>{{ overgang }}</p>
<p><strong>{{ opsummering }}</strong></p>

{% for emne, ændringer in emner %}
<h2>{{ emne }}</h2>
<table>
<thead><tr><th scope="col">Id</th><th scope="col">Alvor</th><th scope="col">Ændring</th></tr></thead>
{% for æ in ændringer %}
<tr{% if æ.id == "D006" %} class="forslag"{% endif %}><td class="id" title="{{ æ.type.titel }}">{{ æ.id }}</td>
<td><span class="sev sev-{{ æ.severity }}">{{ æ.severity.dansk }}</span></td><td>{{ æ.besked }}</td></tr>
{% endfor %}
</table>
{% endfor %}

{% if sammenstillinger %}
<h2>Ændrede kompetencer side om side</h2>
<p>Fjernet tekst er <del>overstreget</del>, ny tekst er <ins>fremhævet</ins>; ændrede felter har gul baggrund.</p>
{% for s in sammenstillinger %}
<section class="side">
<div class="art">{{ s.art }}: {% for æ in s.ændringer %}<span class="id">{{ æ.id }}</span>{% if not loop.last %}, {% endif %}{% endfor %}</div>
{% for kolonne, sider in [("Gammel version", s.gamle), ("Ny version", s.nye)] %}
<div>
<p class="kolonne">{{ kolonne }} {{ gammel.version if kolonne == "Gammel version" else ny.version }}</p>
{% for k in sider %}
<h3{% if "titel" in s.ændrede_felter %} class="ændret"{% endif %}>{{ k.id }}. {{ k.titel }}</h3>
<dl>
<dt>Konkretisering</dt>
<dd{% if "konkretisering" in s.ændrede_felter %} class="ændret"{% endif %}>{% if s.ordforskel and loop.index == 1 and kolonne == "Ny version" %}{{ redline(s.ordforskel) }}{% else %}{{ k.konkretisering|md }}{% endif %}</dd>
<dt>Lægeroller</dt><dd{% if "roller" in s.ændrede_felter %} class="ændret"{% endif %}>{{ k.roller }}</dd>
<dt>Læringsstrategier (anbefalet)</dt><dd{% if "læringsstrategier" in s.ændrede_felter %} class="ændret"{% endif %}>{{ k.læringsstrategier }}</dd>
<dt>Vurderingsmetoder (obligatorisk)</dt><dd{% if "vurderingsmetoder" in s.ændrede_felter %} class="ændret"{% endif %}>{{ k.vurderingsmetoder }}</dd>
<dt>Mindste antal vurderinger</dt><dd{% if "min_vurderinger" in s.ændrede_felter %} class="ændret"{% endif %}>{{ k.min_vurderinger }}</dd>
</dl>
{% else %}
<p class="tom">{{ "Findes ikke i den gamle version." if kolonne == "Gammel version" else "Findes ikke i den nye version." }}</p>
{% endfor %}
</div>
{% endfor %}
</section>
{% endfor %}
{% endif %}

<h2>Programmer</h2>
<p>{{ program_opsummering }}</p>
{% for p in påvirkede %}
<h3>{{ p.titel }}</h3>
<p><span class="sted">{{ p.fil }}</span> · <span{% if p.overskredet %} class="overskredet"{% endif %}>{{ p.frist }}</span></p>
{% if p.træf %}
<table>
<thead><tr><th scope="col">Sted</th><th scope="col">Alvor</th><th scope="col">Id</th><th scope="col">Ansættelse</th><th scope="col">Hvad skal gøres</th></tr></thead>
{% for t in p.træf %}
<tr><td class="sted">{{ t.sted.linje }}:{{ t.sted.kolonne }}</td><td><span class="sev sev-{{ t.severity }}">{{ t.severity.dansk }}</span></td>
<td class="id">{{ t.ændring.id }}</td><td>{{ t.ansættelsessted or "" }}{% if t.måneder and t.ansættelsessted %}, {{ t.måneder|periode }}{% endif %}</td><td>{{ t.handling }}</td></tr>
{% endfor %}
</table>
{% else %}
<p>Ingen ændringer rammer programmet.</p>
{% endif %}
{% endfor %}
{% if andre %}
<h3>Upåvirkede programmer</h3>
<ul>
{% for p in andre %}<li><span class="sted">{{ p.fil }}</span>: {{ p.status }}{% if p.mb %} ({{ p.mb }}){% endif %}</li>
{% endfor %}
</ul>
{% endif %}
</main>
</body>
</html>
"""

_ENV = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
# Konkretiseringer are Markdown: the programmes' own safe renderer (no raw HTML, only web and mail links).
_ENV.filters["md"] = lambda tekst: Markup(to_html(tekst or ""))
_ENV.filters["periode"] = lambda måneder: måneder_tekst(*måneder)
_TEMPLATE = _ENV.from_string(_SKABELON)


def som_html(r: Diffrapport) -> str:
    g, n = r.sæt.gammel, r.sæt.ny

    def version(v):
        return {"fil": vis_sti(v.fil) or "–", "version": v.model.version, "gyldig_fra": dansk_dato(v.model.gyldig_fra)}

    påvirkede = [{"titel": p.titel, "fil": vis_sti(p.fil), "frist": frist_tekst(p, r.dato, not r.sæt.ændringer),
                  "overskredet": bool(p.frist_overskredet), "træf": p.træf} for p in r.påvirkede]
    andre = [{"fil": vis_sti(p.fil), "status": STATUSTEKST[p.status], "mb": p.målbeskrivelse}
             for p in r.upåvirkede]
    return _TEMPLATE.render(
        overskrift=overskrift(r), gammel=version(g), ny=version(n), opsummering=opsummering(r),
        overgang=overgangsregel(g.model, n.model),
        emner=[(EMNETITLER[e], æ) for e, æ in r.efter_emne()], sammenstillinger=_sammenstillinger(r),
        program_opsummering=program_opsummering(r), påvirkede=påvirkede, andre=andre,
    )
