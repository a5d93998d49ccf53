"""Run the hostile-input corpus in-process and print the figures: cases, kinds, outcomes, seconds.

    python benchmarks/fuzz_report.py            # every group
    python benchmarks/fuzz_report.py yaml kodning   # some groups

Exit code 1 if any case was handled badly (crash, English message, wrong exit code, over time).
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.hostile.corpus import GRUPPER, kør, lav_repo, problemer  # noqa: E402


def main(grupper: list[str]) -> int:
    if {"-h", "--help"} & set(grupper):
        print(__doc__.strip() + f"\n\nGrupper: {', '.join(GRUPPER)}.")
        return 0
    if ukendte := [g for g in grupper if g not in GRUPPER]:
        print(f"Ukendt gruppe: {', '.join(ukendte)}. Grupperne er: {', '.join(GRUPPER)}.", file=sys.stderr)
        return 2
    udfald: dict[str, Counter] = defaultdict(Counter)
    tid: dict[str, float] = defaultdict(float)
    maks: dict[str, tuple[float, str]] = {}
    fejl: list[str] = []
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as d:
        rod = Path(d)
        katalog = lav_repo(rod)
        for gruppe in grupper or list(GRUPPER):
            for case in GRUPPER[gruppe]():
                u = kør(case, rod, katalog)
                udfald[case.art][u.kode if u.kode is not None else "crash"] += 1
                tid[case.art] += u.sekunder
                if u.sekunder > maks.get(case.art, (0, ""))[0]:
                    maks[case.art] = (u.sekunder, case.navn)
                for p in problemer(case, u, rod):
                    fejl.append(f"[{case.art}] {case.navn}: {p.splitlines()[-1] if p.startswith('undtagelse') else p}")
    i_alt = sum(sum(c.values()) for c in udfald.values())
    print(f"{'art':<20} {'cases':>7} {'exit 0':>7} {'exit 1':>7} {'exit 2':>7} {'crash':>6} {'s i alt':>8} {'maks s':>7}")
    for art in sorted(udfald):
        c = udfald[art]
        print(f"{art:<20} {sum(c.values()):>7} {c[0]:>7} {c[1]:>7} {c[2]:>7} {c['crash']:>6} {tid[art]:>8.2f} {maks[art][0]:>7.3f}")
    print(f"{'i alt':<20} {i_alt:>7}   ({len(udfald)} arter, {time.perf_counter() - start:.1f} s)")
    # One example per distinct problem (digits and paths masked), most frequent first.
    slags: dict[str, list[str]] = defaultdict(list)
    for f in fejl:
        nøgle = re.sub(r"\d+", "N", re.sub(r"/tmp/\S+", "FIL", f.split(": ", 1)[1]))[:160]
        slags[nøgle].append(f)
    for nøgle, eksempler in sorted(slags.items(), key=lambda kv: -len(kv[1]))[:40]:
        print(f"PROBLEM x{len(eksempler)}: {eksempler[0][:500]}")
    return 1 if fejl else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
