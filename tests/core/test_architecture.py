"""The code's structure as docs/architecture.md states it: layers that only point down, no import cycles,
no private name used across modules, and a reason on every import that waits inside a function."""

from __future__ import annotations

import ast
import configparser
import re
from pathlib import Path

import pytest

ROD = Path(__file__).resolve().parents[2]
PAKKE = ROD / "uddprog"
KONTRAKT = ROD / ".importlinter"


def _moduler() -> dict[str, Path]:
    ud = {}
    for p in sorted(PAKKE.rglob("*.py")):
        if "_national" in p.parts or "init_skabeloner" in p.parts:
            continue
        navn = ".".join(p.relative_to(ROD).with_suffix("").parts)
        ud[navn.removesuffix(".__init__")] = p
    return ud


def _importer(modul: str, fil: Path):
    """(imported module, names, line, inside a function) for every import of uddprog in ``fil``."""
    pakke = modul if fil.name == "__init__.py" else modul.rsplit(".", 1)[0]
    træ = ast.parse(fil.read_text(encoding="utf-8"))
    funktioner = [n for n in ast.walk(træ) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    inde = {id(x) for f in funktioner for x in ast.walk(f) if isinstance(x, (ast.Import, ast.ImportFrom))}
    for n in ast.walk(træ):
        if isinstance(n, ast.ImportFrom):
            if n.level:
                dele = pakke.split(".")[: len(pakke.split(".")) - (n.level - 1)]
                mål = ".".join(dele + ([n.module] if n.module else []))
            else:
                mål = n.module or ""
            if mål.split(".")[0] == "uddprog":
                yield mål, [a.name for a in n.names], n.lineno, id(n) in inde
        elif isinstance(n, ast.Import):
            for a in n.names:
                if a.name.split(".")[0] == "uddprog":
                    yield a.name, [], n.lineno, id(n) in inde


def test_the_layer_contract_holds_with_no_exceptions():
    pytest.importorskip("importlinter")
    from importlinter.cli import lint_imports

    tekst = KONTRAKT.read_text(encoding="utf-8")
    assert "ignore_imports" not in tekst  # the contract lists no exceptions
    konfig = configparser.ConfigParser()
    konfig.read_string(tekst)
    lag = [linje.strip() for linje in konfig["importlinter:contract:layers"]["layers"].splitlines() if linje.strip()]
    nævnte = {m.strip() for linje in lag for m in re.split(r"[|:]", linje) if m.strip()}
    topniveau = {m.split(".")[1] for m in _moduler() if m.count(".") >= 1}
    # Every top-level module or package is in a layer, so nothing new escapes the contract.
    assert topniveau - {n.split(".")[1] for n in nævnte} == set()
    assert lint_imports(config_filename=str(KONTRAKT)) == 0


def test_no_import_cycles_between_modules():
    moduler = _moduler()
    kanter: dict[str, set[str]] = {m: set() for m in moduler}
    for m, fil in moduler.items():
        for mål, navne, _, _ in _importer(m, fil):
            for n in navne or [None]:
                under = f"{mål}.{n}" if n else mål
                kanter[m].add(under if under in moduler else mål)
    # Tarjan's strongly connected components; a package importing its own submodule is not a cycle by
    # itself, but a submodule importing its package back while the package imports it is.
    indeks: dict[str, int] = {}
    lav: dict[str, int] = {}
    stak: list[str] = []
    på: set[str] = set()
    cykler: list[list[str]] = []
    tæller = [0]

    def besøg(v: str) -> None:
        indeks[v] = lav[v] = tæller[0]
        tæller[0] += 1
        stak.append(v)
        på.add(v)
        for w in kanter.get(v, ()):
            if w not in moduler:
                continue
            if w not in indeks:
                besøg(w)
                lav[v] = min(lav[v], lav[w])
            elif w in på:
                lav[v] = min(lav[v], indeks[w])
        if lav[v] == indeks[v]:
            komponent = []
            while True:
                w = stak.pop()
                på.discard(w)
                komponent.append(w)
                if w == v:
                    break
            if len(komponent) > 1:
                cykler.append(sorted(komponent))

    for m in moduler:
        if m not in indeks:
            besøg(m)
    assert cykler == []


def test_no_private_name_is_imported_from_another_module():
    brud = []
    for m, fil in _moduler().items():
        for mål, navne, linje, _ in _importer(m, fil):
            brud += [f"{fil.relative_to(ROD)}:{linje}: {mål}.{n}" for n in navne
                     if n.startswith("_") and not n.startswith("__") and mål != m]
    assert brud == []


def test_every_import_inside_a_function_says_why_it_waits():
    """Imports inside functions only where they save start-up time, each with a one-line reason."""
    uden = []
    for m, fil in _moduler().items():
        linjer = fil.read_text(encoding="utf-8").splitlines()
        for _, _, linje, inde in _importer(m, fil):
            if inde and "# lazy:" not in linjer[linje - 1]:
                uden.append(f"{fil.relative_to(ROD)}:{linje}: {linjer[linje - 1].strip()}")
    assert uden == []


def test_the_architecture_page_names_every_module_of_the_contract():
    """docs/architecture.md cannot fall behind the contract: it names each layer's modules, and no others."""
    konfig = configparser.ConfigParser()
    konfig.read_string(KONTRAKT.read_text(encoding="utf-8"))
    lag = konfig["importlinter:contract:layers"]["layers"]
    i_kontrakten = {m.strip() for m in re.split(r"[|:\n]", lag) if m.strip()}
    side = (ROD / "docs" / "architecture.md").read_text(encoding="utf-8")
    på_siden = set(re.findall(r"`(uddprog(?:\.[a-z_]+)?)`", side)) - {"uddprog"}
    assert på_siden == i_kontrakten
