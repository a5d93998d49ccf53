"""Render benchmark: programmes per second for uddprog's DOCX and HTML, next to two peers.

    python benchmarks/render_bench.py [--seconds 3] [--pandoc-docs 10]

Peers, run in the same process on the same programmes:
- plain docxtpl: DocxTemplate loaded from program.docx for every document, render, save;
- pandoc: an equivalent Markdown file converted per document (one pandoc process each).

All figures are single-process (one core). Every variant writes its output file.
"uddprog (kolde caches)" clears the Markdown caches before every document, i.e.
no text is shared between programmes; the warm figure is the normal batch case
where national template texts and vocabularies repeat.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from uddprog import markdown as md  # noqa: E402
from uddprog.catalog import Katalog  # noqa: E402
from uddprog.loading import indlæs  # noqa: E402
from uddprog.render import wordml  # noqa: E402
from uddprog.render.context import build_context  # noqa: E402
from uddprog.render.docx import CompiledDocx, CoreProperties, make_environment  # noqa: E402
from uddprog.render.html import CompiledHtml  # noqa: E402
from uddprog.render.wordml import WordRefs  # noqa: E402
from uddprog.skriv import write_atomic  # noqa: E402


def load_programmes():
    katalog = Katalog(ROOT)
    out = []
    for fil in sorted((ROOT / "examples").rglob("*.yaml")):
        p = indlæs(fil, "uddannelsesprogram").model
        mb = katalog.målbeskrivelse(p.målbeskrivelse).model
        sk = katalog.skabelon(p.skabelon).model
        out.append((fil, p, mb, sk))
    return out


def _cpu() -> float:
    """CPU seconds of this process and its finished children (pandoc runs as a child)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def rate(fn, items, seconds: float, max_docs: int | None = None) -> tuple[float, float]:
    """(documents per CPU-second, documents per wall-second) running fn over items round-robin.

    Per CPU-second is the per-core figure and is robust when other work shares
    the machine; wall-clock is what a user waits for on an idle core.
    """
    n, start, cpu0 = 0, time.perf_counter(), _cpu()
    while True:
        fn(items[n % len(items)], n)
        n += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds or (max_docs and n >= max_docs):
            return n / max(_cpu() - cpu0, 1e-9), n / elapsed


def clear_caches() -> None:
    md.parse.cache_clear()
    md.to_html.cache_clear()
    wordml.glem()


def core(p) -> CoreProperties:
    return CoreProperties(title=p.titel, author="bench", created=p.ansvar.godkendt_dato)


def as_markdown(ctx: dict) -> str:
    """The same content as the templates show, as Pandoc Markdown (pipe tables)."""
    def row(cells):
        return "| " + " | ".join(str(c).replace("|", "/").replace("\n", " ") for c in cells) + " |"

    lines = [f"---\ntitle: \"{ctx['program']['titel']}\"\nlang: da\n---", ""]
    lines += [row(["Felt", "Værdi"]), row(["---", "---"])] + [row([f["label"], f["vaerdi"]]) for f in ctx["forside"]]
    for s in ctx["sektioner"]:
        lines += ["", f"# {s['overskrift']}", "", s["tekst"], ""]
        for b in s["blokke"]:
            if b == "forløb":
                lines += [row(["Nr.", "Sted", "Afdeling", "Region", "Måneder", "Periode"]), row(["---"] * 6)]
                lines += [row([a["nr"], a["sted"], a["afdeling"], a["driftsregion"], a["maaneder"], a["periode"]])
                          for a in ctx["ansaettelser"]]
            elif b == "uddannelsessteder":
                for a in ctx["ansaettelser"]:
                    lines += ["", f"## {a['overskrift']}", "", a["fakta"], "", a["beskrivelse"]]
            elif b == "kompetenceplan":
                for g in ctx["kompetenceplan"]:
                    lines += ["", f"## {g['overskrift']}", "",
                              row(["Nr.", "Kompetence", "Roller", "Hvor", "Hvornår", "Læring", "Vurdering"]),
                              row(["---"] * 7)]
                    lines += [row([r["nummer"], r["titel"], r["roller"], r["hvor"], r["hvornaar"],
                                   r["laeringsmetoder"], r["vurderingsmetoder"]]) for r in g["rader"]]
            elif b == "rolledækning":
                rd = ctx["rolledaekning"]
                lines += ["", "## Dækning af de syv lægeroller", "", row(["Ansættelse"] + rd["roller"]),
                          row(["---"] * 8)] + [row([r["ansaettelse"]] + r["celler"]) for r in rd["rader"]]
            elif b == "kurser":
                lines += [row(["Kursus", "Type", "Planlagt"]), row(["---"] * 3)]
                lines += [row([k["titel"], k["type"], k["tidspunkt"]]) for k in ctx["kurser"]]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=3.0, help="varighed pr. måling")
    ap.add_argument("--pandoc-docs", type=int, default=8, help="antal dokumenter pr. pandoc-måling")
    args = ap.parse_args(argv)

    programmes = load_programmes()
    if not programmes:
        print("Ingen programmer i examples/", file=sys.stderr)
        return 1
    tmp = Path(tempfile.mkdtemp(prefix="uddprog-bench-"))
    tpl_dir = ROOT / "templates" / "national"
    docx_tpl = {sk.id: CompiledDocx(tpl_dir / sk.id / "program.docx") for _, _, _, sk in programmes}
    html_env = None
    html_tpl = {sk.id: CompiledHtml(tpl_dir, sk.id, html_env) for _, _, _, sk in programmes}
    hoved = [x for x in programmes if x[1].målbeskrivelse.fase == "hoveduddannelse"]
    sets = {"alle eksempler": programmes}
    if hoved:
        sets["hoveduddannelse"] = hoved[:1]

    def ours_docx(item, n, cold=False):
        fil, p, mb, sk = item
        if cold:
            clear_caches()
        write_atomic(tmp / f"u{n % 50}.docx", docx_tpl[sk.id].render(build_context(p, mb, sk), core(p)))

    def ours_html(item, n, cold=False):
        fil, p, mb, sk = item
        if cold:
            clear_caches()
        write_atomic(tmp / f"u{n % 50}.html", html_tpl[sk.id].render(build_context(p, mb, sk)))

    def plain_docxtpl(item, n):
        from docxtpl import DocxTemplate

        fil, p, mb, sk = item
        ctx = build_context(p, mb, sk)
        ctx["_wordrefs"] = WordRefs(first_num_id=100, bullet_num_id=1)
        tpl = DocxTemplate(str(tpl_dir / sk.id / "program.docx"))
        tpl.render(ctx, jinja_env=make_environment())
        tpl.save(str(tmp / f"d{n % 50}.docx"))

    pandoc = shutil.which("pandoc")

    def pandoc_to(fmt):
        def run(item, n):
            fil, p, mb, sk = item
            src = tmp / f"p{n % 50}.md"
            src.write_text(as_markdown(build_context(p, mb, sk)), encoding="utf-8")
            extra = ["--standalone"] if fmt == "html" else []
            subprocess.run([pandoc, "-f", "markdown", "-t", fmt, *extra, "-o", str(tmp / f"p{n % 50}.{fmt}"),
                            str(src)], check=True, capture_output=True)
        return run

    print(f"Maskine: {platform.processor() or platform.machine()}, {os.cpu_count()} kerner, "
          f"Python {platform.python_version()}, {platform.system()} {platform.release()}, "
          f"belastning (1 min) {os.getloadavg()[0]:.1f}")
    for navn, items in sets.items():
        if len(items) == 1:
            fil, p, mb, _ = items[0]
            beskr = (f"{fil.relative_to(ROOT)}: {len(p.ansættelser)} ansættelser, "
                     f"{len(p.kompetenceplan)} planlagte kompetencer, {len(mb.kompetencer)} i målbeskrivelsen")
        else:
            beskr = f"{len(items)} programmer i examples/"
        print(f"\n### {navn} ({beskr})\n")
        print("| Variant | DOCX pr. CPU-sekund | HTML pr. CPU-sekund | DOCX/s (væg) | HTML/s (væg) |")
        print("|---|---:|---:|---:|---:|")

        def line(label, d, h, fmt="{:,.0f}"):
            cells = [fmt.format(x) if x is not None else "–" for x in (d[0], h[0] if h else None, d[1],
                                                                        h[1] if h else None)]
            print(f"| {label} | " + " | ".join(cells) + " |")

        line("uddprog", rate(ours_docx, items, args.seconds), rate(ours_html, items, args.seconds))
        line("uddprog (kolde caches)", rate(lambda i, n: ours_docx(i, n, cold=True), items, args.seconds),
             rate(lambda i, n: ours_html(i, n, cold=True), items, args.seconds))
        clear_caches()
        line("docxtpl, skabelon indlæst pr. dokument", rate(plain_docxtpl, items, args.seconds), None, "{:,.1f}")
        if pandoc:
            line("pandoc pr. dokument (Markdown → DOCX/HTML)",
                 rate(pandoc_to("docx"), items, args.seconds, args.pandoc_docs),
                 rate(pandoc_to("html"), items, args.seconds, args.pandoc_docs), "{:,.1f}")
        else:
            print("| pandoc | (ikke installeret) | | | |")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
