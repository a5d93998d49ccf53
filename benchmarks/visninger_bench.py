"""Benchmark: what the department pages and the quality page add to `uddprog site` (issue 23: ≤ 10 %).

    python benchmarks/visninger_bench.py [--programmer 3000] [--out FILE.md]

A national corpus is generated (benchmarks/corpus.py, fixed seed) and the site is built from it in a fresh
process for each variant, twice each (the first build renders every programme; the second finds nothing
changed, as `serve` and a CI rebuild do):

- *med*: the site as shipped, with a page per department, their searchable list and the quality overview;
- *uden*: the same build with those pages switched off (``uddprog.site.afdelingssider`` returns nothing).

Each build reports wall time, CPU time (its process and the render workers) and the time spent inside
``afdelingssider`` itself; the variants alternate so the machine's load falls on both. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
for p in (str(HERE.parent), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

import corpus  # noqa: E402
from national import _miljø, maskine  # noqa: E402

TARGET = 0.10

_BYG = r"""
import json, resource, sys, time
from datetime import date
from pathlib import Path
import uddprog.site as site
from uddprog.site import Sitebygger
rod, ud, variant = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
brugt = [0.0, 0]
ægte = site.afdelingssider
def målt(*a, **k):
    t = time.process_time()
    r = {} if variant == "uden" else ægte(*a, **k)
    brugt[0] += time.process_time() - t
    brugt[1] += sum(len(v) for v in r.values())
    return r
site.afdelingssider = målt
tider = []
b = Sitebygger(ud, [rod / "examples"], rod=rod, dato=date(2026, 12, 6), pdf=False, jobs=2)
for _ in range(2):
    brugt[:] = [0.0, 0]
    t0, c0 = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
    k0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    b.byg(None)
    c1, k1 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (c1.ru_utime + c1.ru_stime - c0.ru_utime - c0.ru_stime) + (k1.ru_utime + k1.ru_stime - k0.ru_utime - k0.ru_stime)
    tider.append({"wall": time.perf_counter() - t0, "cpu": cpu, "sider_cpu": brugt[0], "sider_bytes": brugt[1]})
print(json.dumps(tider))
"""


def byg(rod: Path, ud: Path, variant: str) -> list[dict]:
    p = subprocess.run([sys.executable, "-c", _BYG, str(rod), str(ud), variant], capture_output=True, text=True,
                       env=_miljø())
    if p.returncode:
        raise RuntimeError(p.stderr[-3000:])
    return json.loads(p.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--programmer", type=int, default=3000)
    ap.add_argument("--gentagelser", type=int, default=2, help="Builds of each variant (alternating).")
    ap.add_argument("--out", type=Path, default=None)
    a = ap.parse_args(argv)
    resultater: dict[str, list[list[dict]]] = {"uden": [], "med": []}
    with tempfile.TemporaryDirectory(prefix="uddprog-visninger-") as tmp:
        k = corpus.generer(Path(tmp) / "korpus", a.programmer, runder=False)
        for i in range(a.gentagelser):
            for variant in ("uden", "med") if i % 2 == 0 else ("med", "uden"):
                r = byg(k.rod, Path(tmp) / f"site-{variant}-{i}", variant)
                resultater[variant].append(r)
                print(f"{variant} {i}: første {r[0]['wall']:.1f} s / {r[0]['cpu']:.1f} s CPU, igen "
                      f"{r[1]['wall']:.1f} s / {r[1]['cpu']:.1f} s CPU, sider {r[0]['sider_cpu']:.2f} s",
                      file=sys.stderr)
        sider = len(list((Path(tmp) / "site-med-0" / "afdelinger").glob("*.html")))
    load = os.getloadavg()

    def median(vs: list[float]) -> float:
        vs = sorted(vs)
        return vs[len(vs) // 2] if len(vs) % 2 else (vs[len(vs) // 2 - 1] + vs[len(vs) // 2]) / 2

    linjer = [f"`uddprog site` with and without the department and quality pages, {a.programmer:,} programmes, "
              f"{sider:,} department pages ({maskine()}; load {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}); "
              f"medians of {a.gentagelser} builds per variant", "",
              "| build | without: wall | with: wall | without: CPU | with: CPU | extra CPU | CPU in the pages | "
              "pages' share of the build's CPU |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for nr, navn in ((0, "first (renders all)"), (1, "again (nothing changed)")):
        u = {m: median([r[nr][m] for r in resultater["uden"]]) for m in ("wall", "cpu")}
        m = {x: median([r[nr][x] for r in resultater["med"]]) for x in ("wall", "cpu", "sider_cpu", "sider_bytes")}
        linjer.append(f"| {navn} | {u['wall']:.1f} s | {m['wall']:.1f} s | {u['cpu']:.1f} s | {m['cpu']:.1f} s | "
                      f"{(m['cpu'] - u['cpu']) / u['cpu'] * 100:+.1f} % | {m['sider_cpu']:.2f} s | "
                      f"{m['sider_cpu'] / m['cpu'] * 100:.1f} % |")
    mb = median([r[0]["sider_bytes"] for r in resultater["med"]]) / 1e6
    linjer += ["", f"The pages hold {mb:.1f} MB of HTML. Target: ≤ {TARGET:.0%} extra time."]
    tekst = "\n".join(linjer) + "\n"
    print(tekst)
    if a.out:
        a.out.write_text(tekst, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
