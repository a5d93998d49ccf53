"""Broken and hostile inputs for `uddprog validate`, generated deterministically from the shipped files.

Every case is a ``Case``: a kind (what sort of bad input), a name, the bytes of one file and
which role the file plays (programme, målbeskrivelse or national template). ``kør`` runs one
case in-process through the same code path as `uddprog validate` and returns an ``Udfald``
(outcome) with the exit code the command would give. ``problemer`` says what is wrong with
an outcome (crash, non-Danish message, place outside the file, wrong exit code), so tests
and ``benchmarks/fuzz_report.py`` share one definition of "handled well".
"""

from __future__ import annotations

import copy
import random
import re
import shutil
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from uddprog.catalog import Katalog
from uddprog.checks import REGISTER, valider_fil, valider_program
from uddprog.findings import Finding, Severity
from uddprog.loading import MAKS_BYTES, indlæs, læs_yaml

PROJEKT = Path(__file__).resolve().parents[2]
DATO = date(2026, 11, 23)

#: The real files the corpus is built from (one of each kind, all for the same introduktion forløb).
PROGRAM = "examples/syd/anaestesiologi-introduktion-kolding.yaml"
MB = "målbeskrivelser/anaestesiologi/introduktion-2013.yaml"
SKABELON = "templates/national/introduktion/skabelon.yaml"
KILDER = {"program": PROGRAM, "målbeskrivelse": MB, "skabelon": SKABELON}
#: Where each role's case file is written inside the temporary repository.
MÅL = {"program": "examples/fuzz/case.yaml", "målbeskrivelse": "målbeskrivelser/fuzz/case.yaml",
       "skabelon": "templates/national/introduktion-fuzz/skabelon.yaml"}

#: Messages that leak English or Python internals instead of telling a Danish author what to do.
IKKE_DANSK = re.compile(
    r"Traceback|Input should|Field required|should be|must be|Value error|object at 0x|Error\b|"
    r"\bexpected\b|\bfound\b|while (parsing|scanning)|could not|\bnot allowed\b|\bunhashable\b|NoneType|"
    r"\bKeyError\b|\bAttributeError\b|\bTypeError\b"
)


@dataclass(frozen=True)
class Case:
    art: str        # kind of bad input, e.g. "afkortet", "forkert-type", "alias-bombe"
    navn: str
    data: bytes
    rolle: str = "program"  # program | målbeskrivelse | skabelon
    koder: frozenset[int] = frozenset({0, 1, 2})  # acceptable exit codes


@dataclass
class Udfald:
    kode: int | None  # 0, 1, 2 like `uddprog validate`; None = crash
    fund: list[Finding] = field(default_factory=list)
    undtagelse: str | None = None
    sekunder: float = 0.0


# ------------------------------------------------------------------ repository

def lav_repo(rod: Path) -> Katalog:
    """Copy the shipped YAML (målbeskrivelser, templates, examples) into ``rod``."""
    for mappe in ("målbeskrivelser", "templates/national", "examples"):
        for fil in (PROJEKT / mappe).rglob("*.yaml"):
            mål = rod / fil.relative_to(PROJEKT)
            mål.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(fil, mål)
    for rel in MÅL.values():
        (rod / rel).parent.mkdir(parents=True, exist_ok=True)
    katalog = Katalog(rod)
    katalog.målbeskrivelser, katalog.skabeloner  # noqa: B018  (load once)
    return katalog


def kør(case: Case, rod: Path, katalog: Katalog) -> Udfald:
    """Write the case into the repository and validate it like `uddprog validate <fil>` does."""
    fil = rod / MÅL[case.rolle]
    fil.write_bytes(case.data)
    start = time.process_time()  # CPU, not wall: a loaded machine queues the process, that is no slowness of ours
    try:
        dok, fund = valider_fil(fil, katalog, DATO)
        if dok is not None and case.rolle != "program":
            # A målbeskrivelse or template that loads is then used by the real programme.
            fund = fund + _brug_i_program(dok, rod, katalog)
    except Exception:  # noqa: BLE001 - any exception is the finding of this test
        return Udfald(None, undtagelse=traceback.format_exc(), sekunder=time.process_time() - start)
    sek = time.process_time() - start
    if any(f.check.startswith("L") for f in fund):
        kode = 2
    else:
        kode = 1 if any(f.severity == Severity.ERROR for f in fund) else 0
    return Udfald(kode, fund, sekunder=sek)


_PROGRAM: dict[Path, object] = {}  # the real programme, loaded once per repository


def _brug_i_program(dok, rod: Path, katalog: Katalog) -> list[Finding]:
    k = copy.copy(katalog)
    k.__dict__ = dict(katalog.__dict__)
    if dok.type == "målbeskrivelse":
        k.__dict__["målbeskrivelser"] = [d for d in katalog.målbeskrivelser if d.fil != rod / MB] + [dok]
    elif dok.type == "skabelon":
        k.__dict__["skabeloner"] = {**katalog.skabeloner, dok.model.id: dok, "introduktion": dok}
    program = _PROGRAM.get(rod) or _PROGRAM.setdefault(rod, indlæs(rod / PROGRAM))
    return [f for f in valider_program(program, k, DATO) if f.sted and f.sted.fil == rod / PROGRAM]


def problemer(case: Case, u: Udfald, rod: Path) -> list[str]:
    """Everything wrong with how one case was handled (empty when handled well)."""
    if u.kode is None:
        return [f"undtagelse: {u.undtagelse}"]
    ud = []
    if u.kode not in case.koder:
        ud.append(f"exitkode {u.kode}, forventet en af {sorted(case.koder)}: {[str(f) for f in u.fund[:3]]}")
    linjer = case.data.count(b"\n") + 1
    for f in u.fund:
        if f.check not in REGISTER:
            ud.append(f"ukendt check-id {f.check}")
        if not f.besked.strip() or IKKE_DANSK.search(f.besked):
            ud.append(f"ikke en dansk besked: {f}")
        if f.sted is None:
            ud.append(f"fund uden sted: {f}")
        elif f.sted.fil == rod / MÅL[case.rolle] and f.sted.linje > linjer + 1:
            ud.append(f"linje {f.sted.linje} uden for filen ({linjer} linjer): {f}")
    if u.kode in (1, 2) and not any(f.severity == Severity.ERROR for f in u.fund):
        ud.append("exitkode uden fejl")
    return ud


# ------------------------------------------------------------------ generators

def kilde(rolle: str) -> bytes:
    return (PROJEKT / KILDER[rolle]).read_bytes()


def _dump(data) -> bytes:
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=100).encode("utf-8")


def afkortede(rolle: str, skridt: int = 1) -> Iterator[Case]:
    """The file cut off after every ``skridt``-th byte (also mid-way through a multi-byte letter)."""
    data = kilde(rolle)
    for n in range(0, len(data), skridt):
        yield Case("afkortet", f"{rolle}[:{n}]", data[:n], rolle)


#: Wrong kinds of value put in place of each node: every YAML kind and the edge values of each.
FORKERTE = {
    "null": None, "tom-tekst": "", "tekst": "tekst æøå", "nul": 0, "kæmpetal": 10**30, "kommatal": 1.5,
    "uendelig": float("inf"), "sand": True, "tom-liste": [], "liste": ["a", 1], "tom-afbildning": {},
    "afbildning": {"x": 1}, "dato-9999": "9999-12-31", "dato-ugyldig": "2025-02-30",
}


def _stier(data, sti=()) -> Iterator[tuple]:
    yield sti
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _stier(v, sti + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _stier(v, sti + (i,))


def _med(data, sti, værdi) -> bytes:
    """The document dumped with the node at ``sti`` replaced (in place and put back: no copies)."""
    if not sti:
        return _dump(værdi)
    mål = data
    for del_ in sti[:-1]:
        mål = mål[del_]
    gammel = mål[sti[-1]]
    mål[sti[-1]] = værdi
    try:
        return _dump(data)
    finally:
        mål[sti[-1]] = gammel


def forkerte_typer(rolle: str) -> Iterator[Case]:
    """Every node of the document replaced by every wrong kind of value, one at a time."""
    data = yaml.safe_load(kilde(rolle))
    for sti in list(_stier(data)):
        for art, værdi in FORKERTE.items():
            yield Case("forkert-type", f"{rolle}{list(sti)}={art}", _med(data, sti, værdi), rolle)


def nøglefejl(rolle: str) -> Iterator[Case]:
    """Every key deleted, misspelt and duplicated in the source text."""
    data = yaml.safe_load(kilde(rolle))
    for sti in list(_stier(data)):
        if not sti or isinstance(sti[-1], int):
            continue
        forælder = data
        for del_ in sti[:-1]:
            forælder = forælder[del_]
        uden = {k: v for k, v in forælder.items() if k != sti[-1]}
        stavet = {(k[:-1] if k == sti[-1] else k): v for k, v in forælder.items()}
        yield Case("nøgle-mangler", f"{rolle}{list(sti)} slettet", _med(data, sti[:-1], uden), rolle)
        if len(sti[-1]) > 1:
            yield Case("nøgle-stavefejl", f"{rolle}{list(sti)} stavet forkert", _med(data, sti[:-1], stavet), rolle)
    linjer = kilde(rolle).splitlines(keepends=True)
    _, positions = læs_yaml(PROJEKT / KILDER[rolle])
    for i in sorted({linje - 1 for linje, _ in positions.nøgler.values()}):
        if linjer[i].lstrip().startswith((b"- ", b"{")):
            continue  # a new list item, not a second key
        # The line of a key written twice: a duplicate key (or, in a block mapping, a key with no value twice).
        yield Case("dublet-nøgle", f"{rolle} linje {i + 1} to gange", b"".join(linjer[:i + 1] + [linjer[i]] + linjer[i + 1:]),
                   rolle, frozenset({2}))


def bytefejl(rolle: str, antal: int, seed: int = 6) -> Iterator[Case]:
    """Seeded random damage: flipped bytes, inserted metacharacters, deleted and repeated ranges."""
    data = kilde(rolle)
    rng = random.Random(seed)
    indsæt = [b":", b"- ", b"\t", b"'", b'"', b"[", b"{", b"&a ", b"*a", b"!!str ", b"!x ", b"|", b">", b"%", b"@",
              b"\r", b"\n  ", b"\xc3", b"\xff", b"\x00", b"\xef\xbb\xbf", b"\x1b[31m", b"\xe2\x80\xa8", b"? ", b"<<: "]
    for i in range(antal):
        pos = rng.randrange(len(data))
        valg = rng.randrange(4)
        if valg == 0:
            ny = data[:pos] + bytes([rng.randrange(256)]) + data[pos + 1:]
        elif valg == 1:
            ny = data[:pos] + rng.choice(indsæt) + data[pos:]
        elif valg == 2:
            ny = data[:pos] + data[pos + rng.randrange(1, 200):]
        else:
            stykke = data[pos:pos + rng.randrange(1, 80)]
            ny = data[:pos] + stykke * rng.randrange(2, 5) + data[pos:]
        yield Case("byteskade", f"{rolle} skade {i} (type {valg} ved {pos})", ny, rolle)


def kodningsfejl() -> Iterator[Case]:
    """Encodings: BOM, CRLF, CR only, latin-1, UTF-16, tabs, NUL, stray bytes at every line."""
    data = kilde("program")
    tekst = data.decode("utf-8")
    yield Case("bom", "UTF-8 BOM", b"\xef\xbb\xbf" + data, koder=frozenset({0, 1}))
    yield Case("crlf", "CRLF", data.replace(b"\n", b"\r\n"), koder=frozenset({0, 1}))
    yield Case("crlf", "BOM + CRLF", b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"), koder=frozenset({0, 1}))
    yield Case("crlf", "kun CR", data.replace(b"\n", b"\r"), koder=frozenset({0, 1}))
    yield Case("ikke-utf8", "latin-1", tekst.encode("latin-1", "replace"), koder=frozenset({2}))
    yield Case("ikke-utf8", "cp1252", tekst.encode("cp1252", "replace"), koder=frozenset({2}))
    yield Case("ikke-utf8", "UTF-16 med BOM", tekst.encode("utf-16"), koder=frozenset({2}))
    yield Case("ikke-utf8", "UTF-16-LE", tekst.encode("utf-16-le"), koder=frozenset({2}))
    yield Case("ikke-utf8", "UTF-32", tekst.encode("utf-32"), koder=frozenset({2}))
    linjer = data.splitlines(keepends=True)
    for i, linje in enumerate(linjer):
        mellem = len(linje) // 2
        yield Case("ikke-utf8", f"\\xe6 på linje {i + 1}", b"".join(linjer[:i]) + linje[:mellem] + b"\xe6" + linje[mellem:]
                   + b"".join(linjer[i + 1:]), koder=frozenset({2}))
        yield Case("nul-tegn", f"NUL på linje {i + 1}", b"".join(linjer[:i]) + linje[:mellem] + b"\x00" + linje[mellem:]
                   + b"".join(linjer[i + 1:]), koder=frozenset({2}))
        if linje.startswith(b"  "):
            ind = linje[: len(linje) - len(linje.lstrip(b" "))]
            yield Case("tabulator", f"tab i indrykning linje {i + 1}",
                       b"".join(linjer[:i]) + b"\t" * (len(ind) // 2) + linje.lstrip(b" ") + b"".join(linjer[i + 1:]))
        yield Case("kontroltegn", f"ESC på linje {i + 1}", b"".join(linjer[:i]) + linje[:mellem] + b"\x1b" + linje[mellem:]
                   + b"".join(linjer[i + 1:]))


_ALIAS_BOMBE = "\n".join(
    ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    + [f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}"] * 10) + "]" for i in range(1, 9)]
) + "\n"


def yamlfælder() -> Iterator[Case]:
    """Tags, aliases, merge keys, documents, nesting and other YAML features a programme must not use."""
    to = frozenset({2})
    programtekst = kilde("program").decode("utf-8")
    for tag in ("!!python/object/apply:os.system ['touch /tmp/uddprog-pwned']", "!!python/object:os.system {}",
                "!!python/name:os.system", "!!python/module:os", "!!python/object/new:subprocess.Popen [[id]]",
                "!!python/tuple [1, 2]", "!!python/bytes aGVq", "!!binary aGVq", "!!set {a, b}", "!!omap [a: 1]",
                "!!pairs [a: 1]", "!ukendt x", "!<tag:example.com,2000:x> y", "!!map {a: 1}", "!!seq [a]",
                "!!float '1'", "!!int 'x'", "!!bool maybe", "!!null x", "!!timestamp 2025-02-30"):
        for sted in ("titel: {t}\n", "ansvar:\n  godkendt_af: {t}\n", "ansættelser:\n  - {t}\n"):
            tekst = programtekst.replace("titel:", "gammel_titel:", 1) if sted.startswith("titel") else programtekst
            yield Case("yaml-mærke", f"{tag} i {sted.split(':')[0]}", (sted.format(t=tag) + tekst).encode(), koder=frozenset({1, 2}))
    yield Case("yaml-mærke", "mærke på en nøgle", b"!!python/name:os.system titel: x\n" + kilde("program"), koder=to)
    yield Case("alias-bombe", "milliard-latter", _ALIAS_BOMBE.encode(), koder=to)
    yield Case("alias-bombe", "milliard-latter i programmet", (programtekst + "x_bombe:\n" + "".join(
        "  " + linje + "\n" for linje in _ALIAS_BOMBE.splitlines())).encode(), koder=to)
    yield Case("alias-bombe", "afbildninger", ("a: &a {x: 1, y: 1, z: 1, w: 1, v: 1, u: 1, t: 1, s: 1, r: 1, q: 1}\n"
               + "".join(f"b{i}: &b{i} {{" + ", ".join(f"k{j}: *{'a' if i == 0 else f'b{i - 1}'}" for j in range(10)) + "}\n"
                         for i in range(8))).encode(), koder=to)
    yield Case("alias-bombe", "rekursivt anker", b"a: &a [*a]\n", koder=to)
    yield Case("alias-bombe", "rekursiv afbildning", b"a: &a {b: *a}\n", koder=to)
    yield Case("alias-bombe", "ukendt alias", b"a: *findes_ikke\n", koder=to)
    yield Case("yaml-fletning", "<<", b"x: &x {sted: A}\nansaettelser:\n  - <<: *x\n", koder=to)
    yield Case("yaml-fletning", "<< i programmet", kilde("program").replace(b"  - id:", b"  - <<: {}\n    id:", 1), koder=to)
    for n in (65, 100, 1000, 10_000, 100_000, 1_000_000):
        yield Case("dyb-indlejring", f"[ x {n}", ("a: " + "[" * n + "]" * n + "\n").encode(), koder=to)
        yield Case("dyb-indlejring", f"{{ x {n}", ("a: " + "{a: " * n + "b" + "}" * n + "\n").encode(), koder=to)
        yield Case("dyb-indlejring", f"'- ' x {n}", ("a:\n" + "- " * n + "x\n").encode(), koder=to)
        yield Case("dyb-indlejring", f"'[' x {n} uden slut", ("a: " + "[" * n + "\n").encode(), koder=to)
    yield Case("dyb-indlejring", "blokindrykning x 2000", "".join(" " * i + f"k{i}:\n" for i in range(2000)).encode(), koder=to)
    for navn, tekst in {"tom": "", "kun mellemrum": "   \n\n", "kun kommentar": "# hej\n", "kun ---": "---\n",
                        "kun ...": "...\n", "null": "~\n", "tal": "42\n", "tekst": "bare tekst\n", "liste": "- a\n- b\n",
                        "to dokumenter": programtekst + "---\ntitel: x\n",
                        "ukendt direktiv": "%FOO bar\n---\na: 1\n", "kompleks nøgle": "? [a, b]\n: c\n",
                        "afbildning som nøgle": "{a: 1}: x\n", "tal som nøgle": "1: x\n2: y\n",
                        "null som nøgle": "~: x\n", "sand som nøgle": "true: x\n", "lang nøgle": "k" * 2000 + ": x\n",
                        "tomt program": "kompetenceplan:\n", "liste af programmer": "- " + programtekst.replace("\n", "\n  "),
                        }.items():
        yield Case("forkert-dokument", navn, tekst.encode(), koder=frozenset({1, 2}))
    yield Case("forkert-dokument", "%YAML-direktiv (gyldigt)", ("%YAML 1.1\n---\n" + programtekst).encode(), koder=frozenset({0}))


def store_filer() -> Iterator[Case]:
    """Huge and binary files."""
    to = frozenset({2})
    yield Case("stor-fil", "lige over grænsen", b"a: " + b"x" * MAKS_BYTES + b"\n", koder=to)
    yield Case("stor-fil", "20 MB", b"# " + b"x" * (20 * 1024 * 1024) + b"\n", koder=to)
    yield Case("stor-fil", "én tekst på 4 MB", b"titel: " + b"x" * (4 * 1024 * 1024) + b"\n" + kilde("program").replace(b"titel:", b"gammel:", 1),
               koder=frozenset({1, 2}))
    yield Case("stor-fil", "linje på 4 MB uden linjeskift", b"a: [" + b"1, " * (1_300_000) + b"1]", koder=to)
    yield Case("stor-fil", "300.000 listeelementer", b"ansaettelser:\n" + b"- a\n" * 300_000, koder=to)
    yield Case("stor-fil", "60.000 kompetenceplaner", _mange_planer(60_000), koder=frozenset({1, 2}))
    yield Case("stor-fil", "5.000 kompetenceplaner med ukendte id'er", _mange_planer(5_000, ukendt=True), koder=frozenset({1, 2}))
    yield Case("stor-fil", "2.000 ansættelser og 2.000 planer med ukendte id'er", _mange_planer(2_000, ukendt=True, ansættelser=2_000),
               koder=frozenset({1, 2}))
    rng = random.Random(7)
    for i in range(20):
        yield Case("binær", f"tilfældige bytes {i}", rng.randbytes(rng.randrange(1, 5000)),
                   koder=frozenset({1, 2}))
    docx = PROJEKT / "templates/national/introduktion/program.docx"
    if docx.exists():
        yield Case("binær", "en Word-fil", docx.read_bytes(), koder=to)
    yield Case("binær", "PNG-hoved", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", koder=to)
    yield Case("binær", "gzip", bytes.fromhex("1f8b0800000000000003cb48cd0100d2fc1e5d03000000"), koder=to)
    yield Case("binær", "ELF", b"\x7fELF\x02\x01\x01" + bytes(100), koder=to)


def _mange_planer(n: int, ukendt: bool = False, ansættelser: int = 0) -> bytes:
    data = yaml.safe_load(kilde("program"))
    plan = data["kompetenceplan"][0]
    if ansættelser:
        a = {k: v for k, v in data["ansættelser"][0].items() if k != "beskrivelse"}
        data["ansættelser"] = [{**a, "beskrivelse": "x", "id": f"a{i}", "måneder": 1} for i in range(ansættelser)]
    data["kompetenceplan"] = [{**plan, "kompetence": f"x{i}" if ukendt else plan["kompetence"],
                               "ansættelse": f"y{i}" if ukendt else plan["ansættelse"]} for i in range(n)]
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, default_flow_style=True).encode()


#: Corpus groups: name -> (generator, expected number of cases at least). Tests run one group each.
GRUPPER: dict[str, Callable[[], Iterator[Case]]] = {
    "afkortet-skabelon": lambda: afkortede("skabelon"),
    "afkortet-mb": lambda: afkortede("målbeskrivelse", 7),
    "afkortet-program": lambda: afkortede("program", 6),
    "forkert-type-program": lambda: forkerte_typer("program"),
    "forkert-type-mb": lambda: forkerte_typer("målbeskrivelse"),
    "forkert-type-skabelon": lambda: forkerte_typer("skabelon"),
    "nøgler": lambda: (c for r in KILDER for c in nøglefejl(r)),
    "byteskade": lambda: (c for r in KILDER for c in bytefejl(r, 400)),
    "kodning": kodningsfejl,
    "yaml": yamlfælder,
    "store": store_filer,
}
