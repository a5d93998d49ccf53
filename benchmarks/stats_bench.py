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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100,1000,3000")
    ap.add_argument("--out", type=Path, default=None)
    a = ap.parse_args(argv)
    størrelser = [int(s) for s in a.sizes.split(",")]
    rækker = []
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
    load = os.getloadavg()
    linjer = [f"`uddprog stats` ({maskine()}; load {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f})", "",
              "| programmes | rounds | format | wall | CPU | peak memory | output |", "|---:|---:|---|---:|---:|---:|---:|"]
    for n, runder, fmt, wall, cpu, mb, størrelse in rækker:
        linjer.append(f"| {n:,} | {runder} | {fmt} | {wall:.2f} s | {cpu:.2f} s | {mb:.0f} MB | {størrelse / 1024:.0f} KB |")
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
