"""mkdocs hook: the command and check references, generated at every build and never committed.

- ``opslag/kommandoer.md`` walks the click group behind the ``uddprog`` command: every command, argument
  and option with the Danish help text ``uddprog KOMMANDO --help`` prints.
- ``opslag/kontroller.md`` comes from ``uddprog checks --format json`` run as its own process, so it
  shows exactly what the registry holds (id, default severity, title, source) and depends on no module
  path inside uddprog.
- ``opslag/felter.md`` comes from the JSON schemas ``uddprog schema`` writes (the ones VS Code uses): every
  field of every document kind, nested fields by their path, with its type, whether it is required and the
  model's Danish description.

A page cannot fall behind the code: it is made from the code each time the site is built.
"""

from __future__ import annotations

import html
import inspect
import json
import re
import subprocess
import sys
from pathlib import Path

import click
from mkdocs.structure.files import File

#: The click group of the ``uddprog`` console script (pyproject.toml, ``[project.scripts]``).
GRUPPE = "uddprog.cli:cli"
KOMMANDOER = "opslag/kommandoer.md"
KONTROLLER = "opslag/kontroller.md"
FELTER = "opslag/felter.md"

_ALVOR = {"error": "fejl", "warning": "advarsel", "info": "info"}
#: Headings for the registry's areas (``område``), in the order a reader meets them.
_OMRÅDER = {
    "indlæsning": "Indlæsning (L)",
    "skema": "Skema (S)",
    "målbeskrivelse": "Målbeskrivelser (M)",
    "skabelon": "Nationale skabeloner (T)",
    "program": "Uddannelsesprogrammer (P)",
    "rekrutteringsrunde": "Rekrutteringsrunder (R)",
    "aftale": "Aftaler og mål (R)",
    "statistik": "Statistik (R)",
    "konfiguration": "Konfiguration (C)",
}


def on_files(files, config):
    """Add the generated pages to the build."""
    for sti, indhold in ((KOMMANDOER, kommandoreference()), (KONTROLLER, kontrolreference(config)),
                         (FELTER, feltreference(config))):
        files.append(File.generated(config, sti, content=indhold))
    return files


# --------------------------------------------------------------------------- the command reference


def _tekst(s: str) -> str:
    """Help text as Markdown text: nothing in it may become markup (``<region>`` is not a tag)."""
    s = html.escape(s, quote=False)
    return re.sub(r"([\\`*_\[\]])", r"\\\1", s)


def _afsnit(hjælp: str) -> list[str]:
    """A click help text as paragraphs: click's ``\\f`` ends what is shown, ``\\b`` keeps line breaks."""
    hjælp = hjælp.split("\f", 1)[0]
    ud = []
    for blok in re.split(r"\n\s*\n", inspect.cleandoc(hjælp)):
        linjer = blok.splitlines()
        if linjer and linjer[0].strip() == "\b":
            ud.append("  \n".join(_tekst(l.strip()) for l in linjer[1:]))
        elif blok.strip():
            ud.append(_tekst(" ".join(l.strip() for l in linjer)))
    return ud


def _metavar(param: click.Parameter, ctx: click.Context) -> str:
    try:
        return param.make_metavar(ctx)
    except TypeError:  # click < 8.2
        return param.make_metavar()


def _tilvalg(cmd: click.Command, ctx: click.Context) -> list[str]:
    poster = [p.get_help_record(ctx) for p in cmd.get_params(ctx) if isinstance(p, click.Option)]
    poster = [p for p in poster if p]  # hidden options have no record
    if not poster:
        return []
    return ["| Tilvalg | Betydning |", "| --- | --- |",
            *(f"| `{tilvalg}` | {_tekst(hjælp)} |" for tilvalg, hjælp in poster), ""]


def _underkommandoer(gruppe: click.Group, ctx: click.Context) -> list[tuple[str, click.Command, click.Context]]:
    ud = []
    for navn in gruppe.list_commands(ctx):
        cmd = gruppe.get_command(ctx, navn)
        if cmd is not None and not cmd.hidden:
            ud.append((navn, cmd, cmd.make_context(navn, [], parent=ctx, resilient_parsing=True)))
    return ud


def _kommando(cmd: click.Command, ctx: click.Context) -> list[str]:
    sti = ctx.command_path
    anker = sti.split(" ", 1)[1].replace(" ", "-")
    ud = [f"## {sti} {{#{anker}}}", ""]
    ud += [f"    {sti} {' '.join(cmd.collect_usage_pieces(ctx))}", ""]
    for afsnit in _afsnit(cmd.help or ""):
        ud += [afsnit, ""]
    argumenter = [p for p in cmd.get_params(ctx) if isinstance(p, click.Argument)]
    if argumenter:
        ud += ["| Argument | |", "| --- | --- |"]
        for a in argumenter:
            egenskaber = ["påkrævet" if a.required else "valgfrit"]
            if a.nargs == -1:
                egenskaber.append("kan gentages")
            ud.append(f"| `{_metavar(a, ctx)}` | {', '.join(egenskaber)} |")
        ud.append("")
    ud += _tilvalg(cmd, ctx)
    if isinstance(cmd, click.Group):
        for _navn, under, underctx in _underkommandoer(cmd, ctx):
            ud += _kommando(under, underctx)
    return ud


def kommandoreference() -> str:
    modul, attr = GRUPPE.split(":")
    gruppe = getattr(__import__(modul, fromlist=[attr]), attr)
    rod = gruppe.make_context("uddprog", [], resilient_parsing=True)
    kommandoer = _underkommandoer(gruppe, rod)
    ud = ["# Kommandoer", "",
          "Alle kommandoer med deres argumenter og tilvalg, som `uddprog KOMMANDO --help` viser dem. "
          "Siden dannes af kommandoerne selv, hver gang dokumentationen bygges.", "",
          "| Kommando | |", "| --- | --- |"]
    for navn, cmd, _ctx in kommandoer:
        ud.append(f"| [`{navn}`](#{navn}) | {(_afsnit(cmd.help or '') or [''])[0]} |")
    ud += ["", "Tilvalg til `uddprog` selv:", ""] + _tilvalg(gruppe, rod)
    for _navn, cmd, ctx in kommandoer:
        ud += _kommando(cmd, ctx)
    return "\n".join(ud)


# --------------------------------------------------------------------------- the check reference


def _kontroller(rod: Path) -> list[dict]:
    r = subprocess.run([sys.executable, "-m", "uddprog", "checks", "--format", "json"], cwd=rod,
                       capture_output=True, text=True, encoding="utf-8")
    if r.returncode:
        raise RuntimeError(f"'uddprog checks --format json' fejlede ({r.returncode}): {r.stderr.strip()}")
    return json.loads(r.stdout)


def _kilde(k: dict) -> str:
    if not k["kilde"]:
        return ""
    mærker = [m for m, sand in (("sekundær kilde", k["sekundær_kilde"]), ("illustrativ", k["illustrativ"])) if sand]
    return _tekst(k["kilde"]) + (f" *({', '.join(mærker)})*" if mærker else "")


def kontrolreference(config) -> str:
    kontroller = _kontroller(Path(config.config_file_path).parent)
    ud = ["# Kontroller", "",
          f"Alle {len(kontroller)} kontroller, som `uddprog checks` viser dem, med den alvor de har, "
          "når `uddprog.toml` ikke ændrer den. En regel om uddannelsen har sin kilde; *sekundær kilde* betyder "
          "en side, der genfortæller reglen, og *illustrativ* en regel, uddprog selv har fastsat. "
          "Siden dannes af kontrolregistret, hver gang dokumentationen bygges.", ""]
    grupper: dict[str, list[dict]] = {}
    for k in kontroller:
        grupper.setdefault(k["område"], []).append(k)
    for område in sorted(grupper, key=lambda o: (list(_OMRÅDER).index(o) if o in _OMRÅDER else len(_OMRÅDER), o)):
        ud += [f"## {_OMRÅDER.get(område, område.capitalize())}", "",
               "| Id | Alvor | Kontrol | Kilde |", "| --- | --- | --- | --- |"]
        for k in sorted(grupper[område], key=lambda k: k["id"]):
            ud.append(f'| <span id="{k["id"]}"></span>{k["id"]} | {_ALVOR.get(k["severity"], k["severity"])} '
                      f'| {_tekst(k["titel"])} | {_kilde(k)} |')
        ud.append("")
    return "\n".join(ud)


# --------------------------------------------------------------------------- the field reference

#: The document kinds in the order a reader meets them, with their Danish headings.
_DOKUMENTER = {"uddannelsesprogram": "Uddannelsesprogram", "programdel": "Programdel (fælles del)",
               "målbeskrivelse": "Målbeskrivelse", "skabelon": "National skabelon",
               "rekrutteringsrunde": "Rekrutteringsrunde", "aftale": "Aftale"}


def _skemaer(rod: Path) -> dict[str, dict]:
    """The JSON schemas as `uddprog schema` writes them, by document kind (a process of its own, as the
    check reference)."""
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        r = subprocess.run([sys.executable, "-m", "uddprog", "schema", "--out", d], cwd=rod, capture_output=True,
                           text=True, encoding="utf-8")
        if r.returncode:
            raise RuntimeError(f"'uddprog schema' fejlede ({r.returncode}): {r.stderr.strip()}")
        filer = {f.name.removesuffix(".schema.json"): json.loads(f.read_text(encoding="utf-8"))
                 for f in Path(d).glob("*.schema.json")}
    navne = {"maalbeskrivelse": "målbeskrivelse"}
    return {navne.get(n, n): s for n, s in filer.items()}


def _type(node: dict, defs: dict) -> tuple[str, dict | None]:
    """A field's type in words, and the object schema its fields are under (an object or a list of objects)."""
    if "$ref" in node:
        mål = defs[node["$ref"].rsplit("/", 1)[1]]
        if "enum" in mål:
            return "én af " + ", ".join(f"`{v}`" for v in mål["enum"]), None
        return "afbildning", mål
    if "anyOf" in node:
        dele = [_type(n, defs) for n in node["anyOf"] if n.get("type") != "null"]
        return " eller ".join(t for t, _ in dele), next((u for _, u in dele if u), None)
    t = node.get("type")
    if t == "array":
        indre, under = _type(node.get("items", {}), defs)
        return f"liste af {indre}", under
    if "enum" in node:
        return "én af " + ", ".join(f"`{v}`" for v in node["enum"]), None
    if t == "object" or "patternProperties" in node:
        return "afbildning", node if "properties" in node else None
    navne = {"string": "tekst", "number": "tal", "integer": "heltal", "boolean": "sand/falsk"}
    if isinstance(t, list):
        return "tekst" if "string" in t else " eller ".join(navne.get(x, x) for x in t), None
    if node.get("format") == "date":
        return "dato", None
    return navne.get(t, t or "værdi"), None


def _felter(skema: dict, defs: dict, sti: str = "", dybde: int = 0) -> list[str]:
    ud = []
    krævet = set(skema.get("required", ()))
    for navn, node in skema.get("properties", {}).items():
        type_, under = _type(node, defs)
        if node.get("format") == "date" or any(n.get("format") == "date" for n in node.get("anyOf", ())):
            type_ = "dato"
        beskrivelse = " ".join((node.get("description") or "").split())
        ud.append(f"| `{sti}{navn}` | {_tekst(type_) if '`' not in type_ else type_} | "
                  f"{'ja' if navn in krævet else ''} | {_tekst(beskrivelse)} |")
        if under is not None and dybde < 4:
            led = "[]." if type_.startswith("liste") else "."
            ud += _felter(under, defs, f"{sti}{navn}{led}", dybde + 1)
    return ud


def feltreference(config) -> str:
    skemaer = _skemaer(Path(config.config_file_path).parent)
    ud = ["# Felter", "",
          "Alle felter i de YAML-filer, uddprog læser, som JSON-skemaerne fra `uddprog schema` beskriver dem (de "
          "skemaer, VS Code fuldfører og kontrollerer med). Et felt under et andet står med sin sti, fx "
          "`ansvar.godkendelser[].dato`. Siden dannes af skemaerne, hver gang dokumentationen bygges.", ""]
    for art, overskrift in _DOKUMENTER.items():
        skema = skemaer.get(art)
        if skema is None:
            continue
        ud += [f"## {overskrift}", "", "| Felt | Type | Skal udfyldes | Beskrivelse |", "| --- | --- | --- | --- |"]
        ud += _felter(skema, skema.get("$defs", {}))
        ud.append("")
    return "\n".join(ud)
