"""The statistics as one self-contained, accessible HTML page with SVG charts and the numbers in tables.

No JavaScript and nothing loaded from elsewhere; every chart has a title, a description and a table
with the same figures right after it. The same Statistik gives byte-identical pages.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from html import escape

from .afrunding import antal, dansk_tal, procenter, største_rest
from .aftaler import IKKE_OPFYLDT, INTET, OPFYLDT, STATUSTEKST, UDELADT, gruppenavn, kravtekst, nøglenavn as _nøglenavn
from .aggregat import DRIFTSREGIONSORDEN, TYPER
from .svg import FARVER, andelsdiagram, søjlediagram
from .tekst import UDFALDSNAVNE, dim_tekst, fasenavn, ikke_besat_tabel

# The page uses the window's width (wide tables need it); running text keeps a readable line length.
_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#fff;
margin:0;padding:1rem 2rem 3rem;line-height:1.45}
p{max-width:80ch}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.3rem;margin-top:2.2rem;border-bottom:2px solid #1f5f99}
h3{font-size:1.1rem;margin-top:1.6rem}
table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.92rem}
caption{text-align:left;font-weight:600;padding:.3rem 0;width:max-content;max-width:calc(100vw - 4rem)}
th,td{border:1px solid #8a8a8a;padding:.25rem .55rem;text-align:left;vertical-align:top}
th{background:#eef2f6}td.tal,th.tal{text-align:right;font-variant-numeric:tabular-nums}
.ikke-opfyldt{color:#a30000;font-weight:600}.opfyldt{color:#1e6b3a;font-weight:600}
.diagram{display:block;margin:.6rem 0}.lille{font-size:.88rem;color:#3b3b3b}
"""


def nøglenavn(k: str) -> str:
    navn = _nøglenavn(k)
    return navn[:1].upper() + navn[1:]


def _e(x) -> str:
    return escape(str(x))


def _td(x, tal: bool = True) -> str:
    if isinstance(x, tuple):  # (text, class): a cell that carries its own class, e.g. a status
        return f'<td class="{x[1]}">{_e(x[0])}</td>'
    return f'<td class="tal">{_e(x)}</td>' if tal else f"<td>{_e(x)}</td>"


def _tabel(caption: str, hoved: list[str], rækker: list[list[str]], tekstkolonner: int = 1, tekst_bagerst: int = 0) -> str:
    n = len(hoved)

    def tal(i: int) -> bool:
        return tekstkolonner <= i < n - tekst_bagerst

    th = "".join(f'<th scope="col"{" class=tal" if tal(i) else ""}>{_e(h)}</th>' for i, h in enumerate(hoved))
    body = []
    for r in rækker:
        celler = [f'<th scope="row">{_e(r[0])}</th>'] + [_td(c, tal(i)) for i, c in enumerate(r) if i]
        body.append("<tr>" + "".join(celler) + "</tr>")
    return (f"<table><caption>{_e(caption)}</caption><thead><tr>{th}</tr></thead><tbody>"
            + "".join(body) + "</tbody></table>")


def _pct(d: dict, k: str) -> str:
    return dansk_tal(d[k], 1) + " %" if k in d else "–"


def _aftale(a, nr: int) -> str:
    målte = [m for m in a.målinger if m.status in (OPFYLDT, IKKE_OPFYLDT)]
    ud = [f"<h3>{_e(a.navn)}</h3>"]
    if målte:
        ud.append(f"<p>{a.antal(OPFYLDT)} af {len(målte)} {'speciale' if len(målte) == 1 else 'specialer'} opfylder "
                  "målet" + (f"; {a.antal(UDELADT)} er udeladt" if a.antal(UDELADT) else "") + "."
                  + (" Målet er illustrativt." if a.illustrativ else "") + "</p>")
    if not målte:
        ud.append("<p>Ingen forløb i udvælgelsen er omfattet af aftalen.</p>")
    else:
        første = målte[0].krav
        kravnøgler = list(dict.fromkeys(k for felt in ("andele", "mindst", "over", "højst") for k in første.get(felt, {})))
        andre = [k for m in målte for k, v in m.værdier.items() if v and k not in kravnøgler]
        nøgler = kravnøgler + list(dict.fromkeys(andre))
        farver = [(nøglenavn(k), FARVER[i % len(FARVER)]) for i, k in enumerate(nøgler)]
        mål = {}
        for m in målte:
            k0 = nøgler[0]
            for felt in ("andele", "mindst", "over", "højst"):
                if k0 in m.krav.get(felt, {}):
                    mål[gruppenavn(m.gruppe)] = Decimal(str(m.krav[felt][k0]))
                    break
        rækker = [(gruppenavn(m.gruppe), {nøglenavn(k): m.andele.get(k, Decimal(0)) for k in nøgler}) for m in målte]
        beskrivelse = (f"Vandrette søjler for hvert {'speciale' if a.pr == 'speciale' else 'mål'}: andelen "
                       + " og ".join(n for n, _ in farver) + f". Den stiplede linje er målet for {nøglenavn(nøgler[0])}. "
                       + f"{a.antal(OPFYLDT)} af {len(målte)} opfylder målet. Tallene står i tabellen under diagrammet.")
        ud.append(andelsdiagram(f"aftale-{nr}", a.navn, beskrivelse, rækker, farver, mål,
                                f"mål for {nøglenavn(nøgler[0])}"))
        hoved = ["Speciale" if a.pr == "speciale" else "Gruppe", "Forløb", *(nøglenavn(k) for k in nøgler), "Mål", "Status"]
        tabelrækker = []
        for m in a.målinger:
            if m.status == INTET:
                continue
            if m.status == UDELADT:
                tabelrækker.append([gruppenavn(m.gruppe), dansk_tal(m.forløb), *("–" for _ in nøgler), m.begrundelse or "", STATUSTEKST[m.status]])
                continue
            tabelrækker.append([gruppenavn(m.gruppe), dansk_tal(m.forløb), *(_pct(m.andele, k) for k in nøgler), kravtekst(m.krav),
                                (STATUSTEKST[m.status], m.status)])  # shares and target have their own columns
        # the status is words, coloured by class as a second cue
        ud.append(_tabel(f"{a.navn}: målte andele og mål", hoved, tabelrækker, tekstkolonner=1, tekst_bagerst=2))
    ud.append(f'<p class="lille">Kilde: {_e(a.kilde)}</p>')
    return "\n".join(ud)


def _universitetshospital(s) -> str:
    # A total next to a single region would be the same bar twice.
    grupper = [(r.region, r) for r in s.regioner] + (
        [("Hele landet" if not s.udvælgelse.region else "I alt", s.national)] if len(s.regioner) > 1 else [])
    nøgler = [("Universitetshospital", FARVER[0]), ("Øvrige steder", FARVER[1])]
    rækker, tabel = [], []
    for navn, c in grupper:
        fordeling = c.fordeling("universitetshospital")
        andele = procenter(fordeling)
        rækker.append((navn, {"Universitetshospital": andele.get("universitetshospital", Decimal(0)),
                              "Øvrige steder": andele.get("øvrige", Decimal(0))}))
        tabel.append([navn, dansk_tal(fordeling["universitetshospital"]), dansk_tal(fordeling["øvrige"]),
                      _pct(andele, "universitetshospital")])
    svg = andelsdiagram("uh", "Andel af månederne på et universitetshospital",
                        "Vandrette søjler for hver videreuddannelsesregion" + (" og i alt" if len(grupper) > 1 else "")
                        + ": andelen af ansættelsernes måneder "
                        "på et universitetshospital og andre steder. Tallene står i tabellen under diagrammet.",
                        rækker, nøgler)
    return svg + _tabel("Måneder på universitetshospitaler", ["Region", "Måneder på universitetshospital",
                                                              "Måneder andre steder", "Andel på universitetshospital"], tabel)


def _runder(s) -> str:
    if not s.runder:
        return "<p>Ingen rekrutteringsrunder i udvælgelsen.</p>"
    samlet = s.runder_samlet()
    nøgler = [("ubesat", "ubesat", FARVER[1]), ("flexforløb", "konverteret til flexforløb", FARVER[3])]
    ikke = sum(t["ubesat"] + t["flexforløb"] for _, t in samlet)
    opslået = sum(t["opslået"] for _, t in samlet)
    alle_besat = ("<p>Det opslåede forløb blev besat.</p>" if opslået == 1 else
                  f"<p>Alle {dansk_tal(opslået)} opslåede forløb blev besat.</p>")
    svg = alle_besat if not ikke else søjlediagram("runder", "Ikke besatte forløb pr. rekrutteringsrunde",
                       f"Stablede søjler for hver af {len(samlet)} runder: forløb der stod ubesat, og forløb der blev "
                       f"konverteret til flexforløb i et andet speciale. I alt blev {ikke} af {opslået} opslåede forløb "
                       "ikke besat. Tallene står i tabellen under diagrammet.",
                       [(b, t) for b, t in samlet], nøgler)
    rækker = []
    dimensioneret = s.dimensioneret()
    for b, t in samlet:
        ikke_b = t["ubesat"] + t["flexforløb"]
        andel = procenter({"ikke": ikke_b, "besat": t["opslået"] - ikke_b})
        rækker.append([b, dim_tekst(dimensioneret[b]), *(dansk_tal(t[k]) for k in UDFALDSNAVNE), dansk_tal(ikke_b),
                       _pct(andel, "ikke")])
    ud = [svg, _tabel("Udfald pr. runde", ["Runde", "Dimensioneret", *UDFALDSNAVNE.values(), "Ikke besat",
                                           "Andel ikke besat"], rækker)]
    if not ikke:
        return "\n".join(ud)  # nothing unfilled to spread over specialties or driftsregioner
    pr_speciale: dict[str, dict[str, int]] = {}
    for r in s.runder:
        d = pr_speciale.setdefault(r.speciale, {})
        d[r.betegnelse] = d.get(r.betegnelse, 0) + r.ikke_besat
    betegnelser = s.rundebetegnelser
    ud.append(_tabel("Ikke besatte forløb (ubesat og flexforløb) pr. speciale og runde", ["Speciale", *betegnelser],
                     [[sp, *(dansk_tal(d.get(b, 0)) for b in betegnelser)] for sp, d in sorted(pr_speciale.items())]))
    matrix = ikke_besat_tabel(s)
    ud.append(_tabel("Ikke besatte forløb pr. driftsregion og runde, fordelt efter forløbenes måneder i hver driftsregion",
                     matrix[0], matrix[1:]))
    return "\n".join(ud)


def _driftsregioner(c) -> str:
    måneder = c.fordeling("driftsregion")
    andele = procenter(måneder)
    år = største_rest({k: Fraction(v, 12) for k, v in måneder.items()})
    med = [d for d in DRIFTSREGIONSORDEN if måneder[d]]
    nøgle = [("Andel af månederne", FARVER[0])]
    diagram = andelsdiagram(
        "driftsregion", "Månederne fordelt på driftsregioner",
        f"En vandret søjle for hver driftsregion med ansættelser ({len(med)} af {len(DRIFTSREGIONSORDEN)}): hvor stor en "
        "andel af ansættelsernes måneder der ligger i driftsregionen. "
        + "; ".join(f"{nøglenavn(d)} {dansk_tal(måneder[d])} måneder, {_pct(andele, d)}" for d in med)
        + ". Tallene står i tabellen under diagrammet.",
        [(nøglenavn(d), {nøgle[0][0]: andele[d]}) for d in med], nøgle) if med else ""
    rækker = [[nøglenavn(d), dansk_tal(måneder[d]), dansk_tal(år[d], 1), _pct(andele, d), dansk_tal(c.start.get(d, 0)),
               dansk_tal(c.slut.get(d, 0)), dansk_tal(c.start_og_slut.get(d, 0)), dansk_tal(c.start_og_slut_delte.get(d, 0))]
              for d in DRIFTSREGIONSORDEN]
    rækker.append(["På tværs af driftsregioner", "", "", "", "", "", dansk_tal(c.start_og_slut.get("på-tværs", 0)),
                   dansk_tal(c.start_og_slut_delte.get("på-tværs", 0))])
    return diagram + _tabel("Måneder, årsværk og forløb pr. driftsregion",
                  ["Driftsregion", "Måneder", "Årsværk", "Andel", "Forløb der begynder her", "Forløb der slutter her",
                   "Forløb der begynder og slutter her", "Heraf delte forløb (ansættelser i flere driftsregioner)"], rækker)


def _celler(s) -> str:
    rækker = []
    for c in s.celler:
        uh = procenter(c.fordeling("universitetshospital"))
        rækker.append([c.speciale, c.region, fasenavn(c.fase), dansk_tal(c.forløb), dansk_tal(c.måneder),
                       dansk_tal(største_rest({"x": Fraction(c.måneder, 12)})["x"], 1), _pct(uh, "universitetshospital")])
    return _tabel("Forløb pr. videreuddannelsesregion, speciale og fase",
                  ["Speciale", "Region", "Fase", "Forløb", "Måneder", "Årsværk", "Andel på universitetshospital"],
                  rækker, tekstkolonner=3)


def _typer(c) -> str:
    måneder = c.fordeling("ansættelsestype")
    andele = procenter(måneder)
    return _tabel("Måneder pr. slags ansættelse", ["Slags ansættelse", "Måneder", "Andel"],
                  [[nøglenavn(t), dansk_tal(måneder[t]), _pct(andele, t)] for t in TYPER])


def som_html(s) -> str:
    f = s.filer
    dele = [
        "<!DOCTYPE html>", '<html lang="da">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Statistik over uddannelsesforløb – {_e(s.udvælgelse.tekst())}</title>",
        f"<style>{_CSS}</style>", "</head>", "<body>", "<main>",
        "<h1>Statistik over uddannelsesforløb</h1>",
        f"<p>Udvælgelse: {_e(s.udvælgelse.tekst())}. {dansk_tal(s.national.forløb)} forløb, "
        f"{dansk_tal(s.national.måneder)} måneder ({dansk_tal(største_rest({'x': Fraction(s.national.måneder, 12)})['x'], 1)} årsværk), "
        f"{antal(f['runder'], 'rekrutteringsrunde', 'rekrutteringsrunder')} og {antal(f['aftaler'], 'aftale', 'aftaler')}"
        + (f"; {antal(f['ikke_talt'], 'fil', 'filer')} med fejl er ikke talt med" if f["ikke_talt"] else "")
          + (f"; {antal(f['udkast'], 'udkast', 'udkast')} er ikke talt med" if f.get("udkast") else "") + ".</p>",
    ]
    if any(a.målinger for a in s.aftaler):  # targets about forløb outside the selection are left out
        dele += ["<h2>Aftaler og mål</h2>"] + [_aftale(a, i) for i, a in enumerate(s.aftaler, 1) if a.målinger]
    dele += ["<h2>Universitetshospitaler</h2>", _universitetshospital(s),
             "<h2>Besættelse i rekrutteringsrunderne</h2>", _runder(s),
             "<h2>Driftsregioner</h2>", _driftsregioner(s.national),
             "<h2>Slags ansættelse</h2>", _typer(s.national),
             "<h2>Alle forløb</h2>", _celler(s),
             '<p class="lille">Andele er afrundet til én decimal med største brøkdels metode, så de summer til '
             "100 %; mål sammenlignes med de præcise andele. Årsværk = måneder / 12.</p>",
             "</main>", "</body>", "</html>"]
    return _ubrudt("\n".join(dele) + "\n")


def _ubrudt(html: str) -> str:
    """'50,0 %' never breaks between the number and its sign: a no-break space (U+00A0), in text and charts."""
    return re.sub(r"(?<=\d) (?=%)", "\u00a0", html)
