"""Benchmark of `uddprog stats` over national corpora with generated recruitment rounds.

    python benchmarks/stats_bench.py [--sizes 100,1000,3000] [--out FILE.md]

For each size a fresh corpus is generated (benchmarks/corpus.py, fixed seed, rounds included) and
`uddprog stats CORPUS/examples CORPUS/rekruttering` runs as its own process for each format (text,
json, html), measured like benchmarks/national.py: wall time, CPU time (the process and its workers)
and peak memory of the largest process. Target (issue 14): ≤ 3 s for 3,000 programmes on 2 cores,
with memory flat in the number of programmes. Prints a Markdown table with the machine and its load.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
for p in (str(HERE.parent), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

import corpus  # noqa: E402
from national import kør, maskine, uddprog  # noqa: E402

TARGET_S = 3.0

# In its own process: the CPU of the main process and of the two reading workers, so the wall time on two
# free cores can be estimated on a busy machine (critical path = main + workers / 2, as the work is split evenly).
_KRITISK = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from pathlib import Path
from uddprog.catalog import Katalog
from uddprog.stats import beregn
from uddprog.stats.tekst import som_tekst
rod = Path(sys.argv[1])
s, _ = beregn([rod / "examples", rod / "rekruttering"], Katalog(rod), jobs=2)
som_tekst(s)
selv, børn = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"main": selv.ru_utime + selv.ru_stime, "workers": børn.ru_utime + børn.ru_stime,
                  "wall": time.perf_counter() - t0}))
"""


def kritisk_sti(rod: Path) -> dict:
    import json
    import subprocess

    from national import _miljø

    p = subprocess.run([sys.executable, "-c", _KRITISK, str(rod)], capture_output=True, text=True, check=True,
                       env=_miljø())
    return json.loads(p.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100,1000,3000")
    ap.add_argument("--out", type=Path, default=None)
    a = ap.parse_args(argv)
    størrelser = [int(s) for s in a.sizes.split(",")]
    rækker = []
    kritisk: dict[int, dict] = {}
    with tempfile.TemporaryDirectory(prefix="uddprog-stats-") as tmp:
        for n in størrelser:
            k = corpus.generer(Path(tmp) / f"k{n}", n)
            for fmt in ("text", "json", "html"):
                ud = Path(tmp) / f"stats-{n}.{fmt}"
                r = kør(uddprog("stats", str(k.rod / "examples"), str(k.rod / "rekruttering"), "--format", fmt,
                                "--out", str(ud)))
                rækker.append((n, len(k.runder), fmt, r["wall"], r["cpu"], r["maxrss_mb"], ud.stat().st_size))
                print(f"{n} programmer, {fmt}: {r['wall']:.2f} s, CPU {r['cpu']:.2f} s, {r['maxrss_mb']:.0f} MB",
                      file=sys.stderr)
            kritisk[n] = kritisk_sti(k.rod)
    load = os.getloadavg()
    linjer = [f"`uddprog stats` ({maskine()}; load {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f})", "",
              "| programmes | rounds | format | wall | CPU | peak memory | output |", "|---:|---:|---|---:|---:|---:|---:|"]
    for n, runder, fmt, wall, cpu, mb, størrelse in rækker:
        linjer.append(f"| {n:,} | {runder} | {fmt} | {wall:.2f} s | {cpu:.2f} s | {mb:.0f} MB | {størrelse / 1024:.0f} KB |")
    linjer += ["", "| programmes | CPU main process | CPU reading workers (2) | main + workers / 2 (two free cores) |",
               "|---:|---:|---:|---:|"]
    for n, k in kritisk.items():
        linjer.append(f"| {n:,} | {k['main']:.2f} s | {k['workers']:.2f} s | {k['main'] + k['workers'] / 2:.2f} s |")
    største = [r for r in rækker if r[0] == max(størrelser)]
    linjer += ["", f"Target for 3,000 programmes: ≤ {TARGET_S:.0f} s. Slowest format at {max(størrelser):,}: "
               f"{max(r[3] for r in største):.2f} s wall, {max(r[4] for r in største):.2f} s CPU."]
    tekst = "\n".join(linjer) + "\n"
    print(tekst)
    if a.out:
        a.out.write_text(tekst, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
