"""The statistics as plain text for a terminal or an e-mail (Danish numbers, aligned columns)."""

from __future__ import annotations

from fractions import Fraction

from ..models.vocab import Fase, visningsnavn
from .afrunding import antal, dansk_tal, procenter, største_rest
from .aftaler import IKKE_OPFYLDT, INTET, OPFYLDT, STATUSTEKST, UDELADT, gruppenavn, kravtekst, nøglenavn
from .aggregat import DRIFTSREGIONSORDEN, TYPER, Celletal


def tabel(rækker: list[list[str]], højre: set[int] = frozenset()) -> list[str]:
    """Aligned columns; the first row is the header, underlined."""
    bredder = [max(len(r[i]) for r in rækker) for i in range(len(rækker[0]))]
    ud = []
    for nr, r in enumerate(rækker):
        ud.append("  ".join(c.rjust(b) if i in højre else c.ljust(b) for i, (c, b) in enumerate(zip(r, bredder))).rstrip())
        if nr == 0:
            ud.append("  ".join("-" * b for b in bredder))
    return ud


def pct(d, nøgle) -> str:
    return dansk_tal(d[nøgle], 1) + " %" if nøgle in d else "–"


def _år(måneder: int) -> str:
    return dansk_tal(største_rest({"x": Fraction(måneder, 12)})["x"], 1)


def fasenavn(fase: str) -> str:
    return visningsnavn(Fase(fase))


def _række(c: Celletal, region: str, speciale: str, fase: str) -> list[str]:
    uh = procenter(c.fordeling("universitetshospital"))
    return [region, speciale, fase, dansk_tal(c.forløb), dansk_tal(c.måneder), _år(c.måneder),
            pct(uh, "universitetshospital")]


def tal_pr_celle(s) -> list[str]:
    rækker = [["Region", "Speciale", "Fase", "Forløb", "Måneder", "Årsværk", "Universitetshospital"]]
    for c in s.celler:
        rækker.append(_række(c, c.region, c.speciale, c.fase))
    if len(s.regioner) > 1:
        for r in s.regioner:
            rækker.append(_række(r, r.region, "i alt", ""))
    rækker.append(_række(s.national, "Hele landet" if not s.udvælgelse.region else "I alt", "", ""))
    return tabel(rækker, {3, 4, 5, 6})


def driftsregioner(c: Celletal) -> list[str]:
    måneder = c.fordeling("driftsregion")
    andele = procenter(måneder)
    år = største_rest({k: Fraction(v, 12) for k, v in måneder.items()})
    rækker = [["Driftsregion", "Måneder", "Årsværk", "Andel", "Begynder her", "Slutter her", "Begynder og slutter her",
               "Heraf delte forløb"]]
    for d in DRIFTSREGIONSORDEN:
        if måneder[d] or c.start.get(d) or c.slut.get(d):
            rækker.append([nøglenavn(d), dansk_tal(måneder[d]), dansk_tal(år[d], 1), pct(andele, d),
                           dansk_tal(c.start.get(d, 0)), dansk_tal(c.slut.get(d, 0)), dansk_tal(c.start_og_slut.get(d, 0)),
                           dansk_tal(c.start_og_slut_delte.get(d, 0))])
    rækker.append(["På tværs af driftsregioner", "", "", "", "", "", dansk_tal(c.start_og_slut.get("på-tværs", 0)),
                   dansk_tal(c.start_og_slut_delte.get("på-tværs", 0))])
    return tabel(rækker, {1, 2, 3, 4, 5, 6, 7})


def typer(c: Celletal) -> list[str]:
    måneder = c.fordeling("ansættelsestype")
    andele = procenter(måneder)
    rækker = [["Slags ansættelse", "Måneder", "Andel"]]
    rækker += [[nøglenavn(t), dansk_tal(måneder[t]), pct(andele, t)] for t in TYPER if måneder[t]]
    return tabel(rækker, {1, 2})


def sideuddannelse(c: Celletal) -> list[str]:
    """Months the forløb spend in other specialties than their own (side ansættelser), where they happen."""
    rækker = [["Speciale", "Måneder", "Årsværk"]]
    rækker += [[sp, dansk_tal(m), _år(m)] for sp, m in c.sideuddannelse.most_common()]
    return tabel(rækker, {1, 2})


def aftaler(s) -> list[str]:
    ud = []
    for a in s.aftaler:
        if not a.målinger:
            continue  # the target is about forløb outside the selection
        målte = [m for m in a.målinger if m.status in (OPFYLDT, IKKE_OPFYLDT)]
        ud.append(f"{a.navn}")
        enhed = ("speciale" if len(målte) == 1 else "specialer") if a.pr == "speciale" else "måling"
        if målte:
            ud.append(f"  {a.antal(OPFYLDT)} af {len(målte)} {enhed} opfylder målet"
                      + (f"; {a.antal(UDELADT)} udeladt" if a.antal(UDELADT) else "") + "."
                      + (" Målet er illustrativt." if a.illustrativ else ""))
        else:
            ud.append("  Ingen forløb i udvælgelsen er omfattet af aftalen.")
        for m in a.målinger:
            if m.status == INTET:
                continue
            andele = " / ".join(f"{nøglenavn(k)} {dansk_tal(v, 1)} %" for k, v in m.andele.items()
                                if v or k in _kravnøgler(m.krav))
            linje = f"  {gruppenavn(m.gruppe)}: {STATUSTEKST[m.status]}"
            if m.status == UDELADT:
                linje += f" ({m.begrundelse})"
            else:
                linje += f" – {andele} ({dansk_tal(m.forløb)} forløb); mål: {kravtekst(m.krav)}"
            ud.append(linje)
        ud.append(f"  Kilde: {a.kilde}")
        ud.append("")
    return ud[:-1] if ud else ud


def _kravnøgler(krav: dict) -> set[str]:
    return {k for felt in ("andele", "mindst", "over", "højst") for k in krav.get(felt, {})}


UDFALDSNAVNE = {"opslået": "Opslået", "besat": "Besat", "genopslået": "Genopslået", "ubesat": "Ubesat",
                "flexforløb": "Flexforløb"}


def dim_tekst(x: float | None) -> str:
    from decimal import Decimal

    return "–" if x is None else dansk_tal(Decimal(str(x)), 1)


def runder(s) -> list[str]:
    if not s.runder:
        return ["Ingen rekrutteringsrunder i udvælgelsen."]
    rækker = [["Runde", "Dimensioneret", *UDFALDSNAVNE.values(), "Ikke besat", "Andel ikke besat"]]
    dimensioneret = s.dimensioneret()
    for b, tal in s.runder_samlet():
        ikke = tal["ubesat"] + tal["flexforløb"]
        andel = procenter({"ikke": ikke, "besat": tal["opslået"] - ikke})
        rækker.append([b, dim_tekst(dimensioneret[b]), *(dansk_tal(tal[k]) for k in UDFALDSNAVNE), dansk_tal(ikke),
                       pct(andel, "ikke")])
    ud = tabel(rækker, set(range(1, 9)))
    pr_speciale: dict[str, dict[str, int]] = {}
    for r in s.runder:
        if r.ikke_besat:
            d = pr_speciale.setdefault(r.speciale, {})
            d[r.betegnelse] = d.get(r.betegnelse, 0) + r.ikke_besat
    if pr_speciale:
        betegnelser = s.rundebetegnelser
        ud += ["", "Ikke besatte forløb pr. speciale og runde (ubesat + flexforløb)"]
        rækker = [["Speciale", *betegnelser]]
        rækker += [[sp, *(dansk_tal(d.get(b, 0)) for b in betegnelser)] for sp, d in sorted(pr_speciale.items())]
        ud += tabel(rækker, set(range(1, len(betegnelser) + 1)))
        ud += ["", "Ikke besatte forløb pr. driftsregion og runde, fordelt efter forløbenes måneder i hver driftsregion",
               *tabel(ikke_besat_tabel(s), set(range(1, len(betegnelser) + 2)))]
    return ud


def ikke_besat_tabel(s) -> list[list[str]]:
    """Driftsregion × round (and in all); each round's column adds to its count (largest remainder)."""
    pr_runde = [(b, største_rest(tal)) for b, tal in s.ikke_besat_pr_driftsregion()]
    i_alt = største_rest({d: s.national.ikke_besat_driftsregion.get(d, 0) for d in DRIFTSREGIONSORDEN})
    rækker = [["Driftsregion", *(b for b, _ in pr_runde), "I alt"]]
    for d in DRIFTSREGIONSORDEN:
        if i_alt[d] or any(t[d] for _, t in pr_runde):
            rækker.append([nøglenavn(d), *(dansk_tal(t[d], 1) for _, t in pr_runde), dansk_tal(i_alt[d], 1)])
    return rækker


def som_tekst(s) -> str:
    f = s.filer
    ud = [f"Statistik over uddannelsesforløb – {s.udvælgelse.tekst()}",
          f"{dansk_tal(s.national.forløb)} forløb, {antal(f['runder'], 'rekrutteringsrunde', 'rekrutteringsrunder')} og "
          f"{antal(f['aftaler'], 'aftale', 'aftaler')} ({antal(f['læst'], 'fil', 'filer')} læst"
          + (f"; {antal(f['ikke_talt'], 'fil', 'filer')} med fejl er ikke talt med" if f["ikke_talt"] else "")
          + (f"; {antal(f['udkast'], 'udkast', 'udkast')} er ikke talt med" if f.get("udkast") else "") + ").", "",
          "Forløb pr. videreuddannelsesregion, speciale og fase", *tal_pr_celle(s), "",
          "Måneder pr. driftsregion (delte forløb har ansættelser i flere driftsregioner)", *driftsregioner(s.national), "",
          "Måneder pr. slags ansættelse", *typer(s.national), ""]
    if s.national.sideuddannelse:
        ud += ["Sideuddannelse: måneder i andre specialer end forløbets eget", *sideuddannelse(s.national), ""]
    if any(a.målinger for a in s.aftaler):
        ud += ["Aftaler og mål", *aftaler(s), ""]
    ud += ["Besættelse i rekrutteringsrunderne", *runder(s), "",
           "Andele er afrundet med største brøkdels metode, så de summer til 100 %; årsværk = måneder / 12."]
    return "\n".join(ud) + "\n"
