"""Import recall on Word programmes written the way other people write them (issue 22, part 1).

    python benchmarks/import_recall.py [--out recall.md] [--json recall.json] [--dokument NAVN …] [--mappe DIR …]

Two corpora, reported apart: tests/importer/fremmed/ (tools/make_foreign_corpus.py), the six documents
the importer was improved against, and tests/importer/kontrol/ (tools/make_control_corpus.py), documents
written before that work and not looked at during it, which show whether the fixes generalise. For every
document the importer runs as a user runs it, one process per document, first without ``--mb``:

    python -m uddprog import FIL --region <truth's region> --out TMP/udkast.yaml

"målbeskrivelse fundet" says whether it found the truth's målbeskrivelse in the document. The figures below
come from the run with the truth's ``--mb`` (the same draft when the målbeskrivelse was found), so a
detection error is counted once, there. The draft is compared with the document's truth file
(``<name>.sandhed.yaml``):

- competency rows in the right ansættelse: each (competency, ansættelse) pair of the truth, a row for
  "begge steder" counting once per place, that the draft's kompetenceplan has (multiset); beside it
  the rows that became plan entries at all, in any ansættelse;
- course rows that became the course plan: the truth's course ids found in ``kurser`` (multiset);
- ansættelser with exact months: the truth's ansættelser that have a draft ansættelse at the same place
  (the truth's ``sted`` words all among the draft's sted and afdeling words; the afdeling's words
  decide between two at one hospital) with the same ``måneder``;
- front-page fields right: the title, each author (name and role), godkendt_dato, godkendt_af (text
  compared after case, spaces and dashes), and the person responsible for the programme (named in
  ``ansvar.kontakt`` or among the authors; the model has no field of its own for it);
- words set aside: words of the body (read from word/document.xml with lxml, independently of the
  importer) that stand under ``sektioner.ikke-placeret``, as a share of the body's words; the
  importer's own wrapper lines there are not counted, and no word more often than the body has it.
  Also the body's words missing from the whole draft ("tabt"), which should always be 0.

A document the importer cannot read (exit code, no draft, a draft that is not YAML) gets 0 in every
measure, 100 % set aside, and its error in the table; the benchmark itself does not fail. Totals add
the counts of all documents (so a document with more rows weighs more). The targets are issue 22's.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from make_foreign_corpus import FREMMED, OLE, kroppens_ord, libreoffice, ord_i  # noqa: E402

from uddprog.navne import slug  # noqa: E402

KONTROL = ROOT / "tests" / "importer" / "kontrol"
#: corpus folder -> what the report calls it
KORPUSNAVNE = {FREMMED: "korpus, som importen er forbedret efter (tests/importer/fremmed)",
               KONTROL: "kontrolkorpus, ikke set under arbejdet (tests/importer/kontrol)"}

#: Issue 22's targets: (measure, direction, value)
MÅL = {"kompetencer": (">=", 90.0), "kurser": (">=", 90.0), "ansættelser": (">=", 100.0),
       "forside": (None, None), "tilside": ("<=", 10.0)}
MÅLTEKST = ("Mål (issue 22): ≥ 90 % af kompetencerækkerne i den rigtige ansættelse, ≥ 90 % af kursusrækkerne, "
            "perioderne præcise i måneder (100 %), ≤ 10 % af ordene lagt til side; intet tabt.")

#: Lines the importer writes itself under 'ikke-placeret' around the text it sets aside.
from uddprog.importer.data import INDPAKNING as _INDPAKNING  # noqa: E402


@dataclass
class Tal:
    fundet: int = 0
    i_alt: int = 0

    @property
    def procent(self) -> float:
        return 100.0 * self.fundet / self.i_alt if self.i_alt else 100.0

    def __iadd__(self, andet: "Tal") -> "Tal":
        self.fundet += andet.fundet
        self.i_alt += andet.i_alt
        return self

    def json(self) -> dict:
        return {"fundet": self.fundet, "i_alt": self.i_alt, "procent": round(self.procent, 1)}


@dataclass
class Måling:
    dokument: str
    målbeskrivelse: str
    region: str
    kompetencer: Tal = field(default_factory=Tal)      # (competency, ansættelse) pairs in the right place
    planpunkter: Tal = field(default_factory=Tal)      # rows that became plan entries, any ansættelse
    kurser: Tal = field(default_factory=Tal)
    ansættelser: Tal = field(default_factory=Tal)      # with exact months
    forside: Tal = field(default_factory=Tal)
    tilside: Tal = field(default_factory=Tal)          # words set aside / body words
    tabt: int = 0                                      # body words missing from the whole draft
    mb_fundet: Tal = field(default_factory=Tal)        # the målbeskrivelse found without --mb (0 or 1 of 1)
    mb_fundet_som: str = ""                            # what the import chose, when it chose another
    fejl: str | None = None
    sekunder: float = 0.0
    mangler: dict[str, list[str]] = field(default_factory=dict)

    def json(self) -> dict:
        return {"dokument": self.dokument, "målbeskrivelse": self.målbeskrivelse, "region": self.region,
                "fejl": self.fejl, "sekunder": round(self.sekunder, 2),
                **{k: getattr(self, k).json() for k in ("kompetencer", "planpunkter", "kurser", "ansættelser",
                                                          "forside", "tilside", "mb_fundet")},
                "tabte_ord": self.tabt, "mangler": self.mangler}


# ------------------------------------------------------------------ comparing

def _norm(tekst: object) -> str:
    t = re.sub(r"[\u2010-\u2015\u2212-]", "-", str(tekst or "").casefold())
    return " ".join(t.split()).strip(" .,;:")


def _ord(tekst: object) -> set[str]:
    return set(re.findall(r"\w+", str(tekst or "").casefold()))


def _udfyldt(v: object) -> object:
    return None if v in (None, "") or (isinstance(v, str) and v.strip() == "UDFYLD") else v


def par_ansættelser(sandhed: list[dict], udkast: list[dict]) -> dict[int, int]:
    """Truth nr -> index of the draft ansættelse at the same place (greedy in the forløb's order)."""
    brugt: set[int] = set()
    ud: dict[int, int] = {}
    for a in sandhed:
        sted, afd = _ord(a["sted"]), _ord(a.get("afdeling"))
        kandidater = [i for i, u in enumerate(udkast)
                      if i not in brugt and sted and sted <= _ord(u.get("sted")) | _ord(u.get("afdeling"))]
        bedst = [i for i in kandidater if afd <= _ord(udkast[i].get("sted")) | _ord(udkast[i].get("afdeling"))]
        valgt = (bedst or kandidater or [None])[0]
        if valgt is not None:
            brugt.add(valgt)
            ud[a["nr"]] = valgt
    return ud


def sammenlign(m: Måling, sandhed: dict, udkast: dict, krop: Counter) -> None:
    """Fill the measures of ``m`` from the draft (as YAML data) against the truth."""
    ansættelser = [a for a in (udkast.get("ansættelser") or []) if isinstance(a, dict)]
    par = par_ansættelser(sandhed["ansættelser"], ansættelser)
    nr_for_id = {ansættelser[i].get("id"): nr for nr, i in par.items()}

    m.ansættelser = Tal(i_alt=len(sandhed["ansættelser"]))
    for a in sandhed["ansættelser"]:
        i = par.get(a["nr"])
        if i is not None and ansættelser[i].get("måneder") == a["måneder"]:
            m.ansættelser.fundet += 1
        else:
            fik = "intet sted" if i is None else f"{ansættelser[i].get('måneder')} måneder"
            m.mangler.setdefault("ansættelser", []).append(f"{a['nr']} {a['sted']}: {a['måneder']} måneder, fik {fik}")

    plan = [p for p in (udkast.get("kompetenceplan") or []) if isinstance(p, dict)]
    ønsket = Counter((str(k["kompetence"]), nr) for k in sandhed["kompetencer"] for nr in k["ansættelser"])
    fået = Counter((str(p.get("kompetence")), nr_for_id.get(p.get("ansættelse"))) for p in plan)
    m.kompetencer = Tal(sum((ønsket & fået).values()), sum(ønsket.values()))
    rækker = Counter(str(k["kompetence"]) for k in sandhed["kompetencer"])
    m.planpunkter = Tal(sum((rækker & Counter(str(p.get("kompetence")) for p in plan)).values()),
                        sum(rækker.values()))
    for (kid, nr), n in sorted((ønsket - fået).items(), key=lambda x: (x[0][1], x[0][0])):
        række = next(k["række"] for k in sandhed["kompetencer"] if str(k["kompetence"]) == kid and nr in k["ansættelser"])
        m.mangler.setdefault("kompetencer", []).append(f"{kid} i ansættelse {nr}: {række}")

    kurser = Counter(k["kursus"] for k in sandhed["kurser"])
    fåede = Counter(str(k.get("kursus")) for k in (udkast.get("kurser") or []) if isinstance(k, dict))
    m.kurser = Tal(sum((kurser & fåede).values()), sum(kurser.values()))
    m.mangler["kurser"] = [k["række"] for k in sandhed["kurser"] if k["kursus"] in (kurser - fåede)]

    m.forside = Tal()
    for felt, rigtigt in _forsidefelter(sandhed["forside"], udkast):
        m.forside.i_alt += 1
        m.forside.fundet += rigtigt
        if not rigtigt:
            m.mangler.setdefault("forside", []).append(felt)

    tilside = _INDPAKNING.sub("", str((udkast.get("sektioner") or {}).get("ikke-placeret") or ""))
    m.tilside = Tal(sum((ord_i(tilside) & krop).values()), sandhed["ord_i_kroppen"])
    m.mangler = {k: v for k, v in m.mangler.items() if v}


def _forsidefelter(f: dict, udkast: dict):
    """(field, right?) for each front-page field of the truth."""
    ansvar = udkast.get("ansvar") if isinstance(udkast.get("ansvar"), dict) else {}
    forfattere = [a for a in (ansvar.get("udarbejdet_af") or []) if isinstance(a, dict)]
    yield f"titel: {f['titel']}", _norm(_udfyldt(udkast.get("titel"))) == _norm(f["titel"])
    for a in f["forfattere"]:
        yield (f"forfatter: {a['navn']} ({a['rolle']})",
               any(_norm(x.get("navn")) == _norm(a["navn"]) and x.get("rolle") == a["rolle"] for x in forfattere))
    yield f"godkendt_dato: {f['godkendt_dato']}", str(_udfyldt(ansvar.get("godkendt_dato"))) == str(f["godkendt_dato"])
    yield f"godkendt_af: {f['godkendt_af']}", _norm(_udfyldt(ansvar.get("godkendt_af"))) == _norm(f["godkendt_af"])
    navn = _norm(f["ansvarlig"]["navn"])
    yield (f"ansvarlig: {f['ansvarlig']['navn']}",
           navn in _norm(_udfyldt(ansvar.get("kontakt"))) or any(_norm(x.get("navn")) == navn for x in forfattere))


# ------------------------------------------------------------------ running the importer

def _kroppen(fil: Path) -> Counter:
    """The body's words; a .doc is first saved as .docx by LibreOffice (its text does not change)."""
    data = fil.read_bytes()
    if data.startswith(OLE):
        data = libreoffice(data, "doc", "docx")
    return kroppens_ord(data)


def importér(fil: Path, mb: str | None, region: str, tmp: Path) -> tuple[dict | None, str | None, str]:
    """(the draft as data or None, an error or None, the yaml text) for one `uddprog import` process;
    without ``mb`` the importer finds the målbeskrivelse in the document."""
    ud = tmp / "udkast.yaml"
    ud.unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        r = subprocess.run([sys.executable, "-m", "uddprog", "import", str(fil), *(["--mb", mb] if mb else []),
                            "--region", region, "--out", str(ud), "--rod", str(ROOT)],
                           capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    except subprocess.TimeoutExpired:
        return None, "importen svarede ikke inden for 600 sekunder", ""
    fejl = (r.stderr.strip().splitlines() or [f"exitkode {r.returncode}"])[-1]
    if r.returncode != 0 or not ud.exists():
        return None, f"exitkode {r.returncode}: {fejl}", ""
    tekst = ud.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(tekst)
    except yaml.YAMLError as e:
        return None, f"udkastet er ikke gyldig YAML: {' '.join(str(e).split())[:200]}", tekst
    if not isinstance(data, dict):
        return None, "udkastet er ikke et YAML-kort", tekst
    return data, None, tekst


def mål_dokument(sandhedsfil: Path) -> Måling:
    sandhed = yaml.safe_load(sandhedsfil.read_text(encoding="utf-8"))
    fil = sandhedsfil.parent / sandhed["dokument"]
    m = Måling(sandhed["dokument"], sandhed["målbeskrivelse"], sandhed["region"])
    for navn in ("kompetencer", "planpunkter"):
        setattr(m, navn, Tal(0, len(sandhed["kompetencer"]) if navn == "planpunkter"
                             else sum(len(k["ansættelser"]) for k in sandhed["kompetencer"])))
    m.kurser = Tal(0, len(sandhed["kurser"]))
    m.ansættelser = Tal(0, len(sandhed["ansættelser"]))
    f = sandhed["forside"]
    m.forside = Tal(0, 4 + len(f["forfattere"]))
    m.tilside = Tal(sandhed["ord_i_kroppen"], sandhed["ord_i_kroppen"])   # until a draft shows otherwise
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        m.mb_fundet = Tal(0, 1)
        uden, _, _ = importér(fil, None, sandhed["region"], tmp)
        if uden is not None and isinstance(uden.get("målbeskrivelse"), dict):
            fundet = uden["målbeskrivelse"]
            m.mb_fundet_som = f"{fundet.get('speciale')}, {fundet.get('fase')} {fundet.get('version')}"
            if f"{slug(str(fundet.get('speciale')))}/{fundet.get('fase')}@{fundet.get('version')}" == \
                    sandhed["målbeskrivelse"]:
                m.mb_fundet.fundet = 1
        start = time.perf_counter()
        udkast, m.fejl, tekst = importér(fil, sandhed["målbeskrivelse"], sandhed["region"], tmp)
        m.sekunder = time.perf_counter() - start
        try:
            krop = _kroppen(fil)
        except Exception as e:   # a file the importer refuses may be no zip at all: report it, measure the rest
            m.fejl = m.fejl or f"kroppens ord kunne ikke læses: {e}"
            return m
        if udkast is None:
            m.tabt = sum(krop.values()) if not tekst else sum((krop - ord_i(tekst)).values())
            return m
        try:
            sammenlign(m, sandhed, udkast, krop)
        except (AttributeError, TypeError, ValueError, KeyError) as e:   # a draft shaped unlike a programme
            m.fejl = f"udkastet kunne ikke sammenlignes: {type(e).__name__}: {e}"
        m.tabt = sum((krop - ord_i(tekst)).values())
    return m


# ------------------------------------------------------------------ reporting

def _celle(t: Tal, enhed: str = "") -> str:
    return f"{t.fundet} af {t.i_alt}{enhed} ({t.procent:.0f} %)"


def _nået(navn: str, t: Tal) -> str:
    retning, værdi = MÅL[navn]
    if retning is None:
        return "–"
    ok = t.procent >= værdi if retning == ">=" else t.procent <= værdi
    return ("nået" if ok else "ikke nået") + f" ({retning.replace('>=', '≥').replace('<=', '≤')} {værdi:.0f} %)"


def i_alt(målinger: list[Måling]) -> Måling:
    s = Måling("i alt", "", "")
    for m in målinger:
        for navn in ("kompetencer", "planpunkter", "kurser", "ansættelser", "forside", "tilside", "mb_fundet"):
            getattr(s, navn).__iadd__(getattr(m, navn))
        s.tabt += m.tabt
        s.sekunder += m.sekunder
    return s


def markdown(målinger: list[Måling]) -> str:
    sum_ = i_alt(målinger)
    linjer = ["| dokument | kompetencerækker i rigtig ansættelse | … som planpunkter overhovedet | kursusrækker i "
              "kursusplanen | ansættelser med præcise måneder | forsidefelter rigtige | ord lagt til side | "
              "ord tabt | målbeskrivelse fundet (uden --mb) | fejl |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    for m in [*målinger, sum_]:
        navn = f"**{m.dokument}**" if m is sum_ else f"`{m.dokument}`"
        mb = (f"{m.mb_fundet.fundet} af {m.mb_fundet.i_alt}" if m is sum_ else
              "ja" if m.mb_fundet.fundet else f"nej ({m.mb_fundet_som or 'ingen'})")
        linjer.append(f"| {navn} | {_celle(m.kompetencer)} | {_celle(m.planpunkter)} | {_celle(m.kurser)} | "
                      f"{_celle(m.ansættelser)} | {_celle(m.forside)} | {_celle(m.tilside, ' ord')} | {m.tabt} | "
                      f"{mb} | {(m.fejl or '').replace('|', '/')} |")
    linjer.append(f"| mål | {_nået('kompetencer', sum_.kompetencer)} | – | {_nået('kurser', sum_.kurser)} | "
                  f"{_nået('ansættelser', sum_.ansættelser)} | – | {_nået('tilside', sum_.tilside)} | "
                  f"{'nået (0)' if sum_.tabt == 0 else 'ikke nået (0)'} | – | |")
    return "\n".join(linjer) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="Markdown-tabellerne til denne fil")
    ap.add_argument("--json", type=Path, help="tallene som JSON til denne fil")
    ap.add_argument("--dokument", action="append", default=[], help="kun dette dokument (kan gentages)")
    ap.add_argument("--mappe", type=Path, action="append", default=[],
                    help="en mappe med dokumenter og sandhedsfiler (kan gentages; standard: begge korpusser)")
    args = ap.parse_args(argv)
    mapper = [m.resolve() for m in args.mappe] or [FREMMED, KONTROL]
    korpusser: list[tuple[Path, list[Måling]]] = []
    for mappe in mapper:
        filer = sorted(mappe.glob("*.sandhed.yaml"))
        if args.dokument:
            filer = [f for f in filer if yaml.safe_load(f.read_text(encoding="utf-8"))["dokument"] in args.dokument]
        målinger = []
        for f in filer:
            m = mål_dokument(f)
            print(f"{m.dokument}: {m.sekunder:.1f} s" + (f" – fejl: {m.fejl}" if m.fejl else ""), file=sys.stderr)
            målinger.append(m)
        if målinger:
            korpusser.append((mappe, målinger))
    if not korpusser:
        print(f"Ingen sandhedsfiler fundet i {', '.join(map(str, mapper))}"
              + (f" for {', '.join(args.dokument)}" if args.dokument else ""), file=sys.stderr)
        return 2
    dele = []
    for mappe, målinger in korpusser:
        dele.append(f"**{KORPUSNAVNE.get(mappe, str(mappe))}**\n\n{markdown(målinger)}")
    tekst = "\n".join(dele)
    print(tekst)
    print(MÅLTEKST)
    if args.out:
        args.out.write_text(f"{tekst}\n{MÅLTEKST}\n", encoding="utf-8")
    if args.json:
        alle = [m for _, ms in korpusser for m in ms]
        data = {"format": "uddprog-import-recall", "formatversion": 2,
                "mål": {k: {"retning": r, "procent": v} for k, (r, v) in MÅL.items() if r},
                "korpusser": [{"navn": KORPUSNAVNE.get(mappe, str(mappe)), "mappe": str(mappe.relative_to(ROOT))
                               if mappe.is_relative_to(ROOT) else str(mappe),
                               "dokumenter": [m.json() for m in ms], "i_alt": i_alt(ms).json()}
                              for mappe, ms in korpusser],
                "dokumenter": [m.json() for m in alle], "i_alt": i_alt(alle).json()}
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
