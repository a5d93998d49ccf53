"""Revision benchmark: `uddprog migrate` over the national corpus, one redline DOCX, and `uddprog diff`.

    python benchmarks/revision.py [--programmer 3000] [--seed 2026] [--gentagelser 5] [--korpus DIR]

- migrate: a fresh copy of the corpus (benchmarks/corpus.py) and `uddprog migrate CORPUS/examples` on it,
  all cores, as its own process (wall, CPU of the process and its workers, peak memory). Every programme
  on an older målbeskrivelse version is revised; the rest are read only as far as their first lines.
  Then `uddprog validate` on the result, to count what is left for the authors.
- redline: the shipped stale programme (neurologi, Odense, 2011) against its migration to 2015, both
  rendered through the hoveduddannelse Word template: CPU per `redline_docx` (the tracked-changes step
  alone, best of N) and the whole `uddprog diff OLD NEW --format docx` command (best of N).
- diff: `uddprog diff OLD NEW --programmes CORPUS/examples` as in national.py, best of N, CPU and wall.

The machine is shared; each line says the load average when it was taken.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
for p in (str(REPO), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

from national import DATO, _miljø, kør, maskine, uddprog  # noqa: E402

TARGETS = {"migrate": 10.0, "redline": 1.0, "diff": 2.0}
STALE = "examples/syd/neurologi-hoveduddannelse-odense-forloeb-2.yaml"


def _linje(navn: str, r: dict, load: float, note: str = "") -> str:
    return (f"| {navn} | {r['wall']:.2f} s | {r['cpu']:.2f} s | {r['maxrss_mb']:.0f} MB | {load:.1f} | "
            f"≤ {TARGETS[navn.split()[0]]:g} s | {note} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--programmer", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--gentagelser", type=int, default=5)
    ap.add_argument("--korpus", type=Path, default=None, help="et korpus genereret af corpus.py (kopieres)")
    a = ap.parse_args(argv)
    arbejde = Path(tempfile.mkdtemp(prefix="uddprog-revision-"))
    log = lambda t: print(t, file=sys.stderr, flush=True)  # noqa: E731
    rækker = []
    try:
        korpus = arbejde / "korpus"
        if a.korpus:
            shutil.copytree(a.korpus, korpus)
            k = None
        else:
            from corpus import generer
            k = generer(korpus, a.programmer, a.seed)
        log(f"Maskine: {maskine()}")

        # migrate the whole corpus
        load = os.getloadavg()[0]
        r = kør(uddprog("migrate", str(korpus / "examples"), "--dato", DATO, "--rod", str(korpus)), ok=(0, 1))
        antal = next((l for l in reversed(r["stdout"].splitlines()) if "revideret" in l), "")
        rækker.append(_linje("migrate (every programme on an older version)", r, load, antal))
        log(rækker[-1])
        v = subprocess.run(uddprog("validate", str(korpus), "--dato", DATO, "--format", "json"), env=_miljø(),
                           capture_output=True, text=True)
        fund = json.loads(v.stdout)
        fund = fund["fund"] if isinstance(fund, dict) else fund
        efter = Counter(f["check"] for f in fund)
        log(f"  validate bagefter: {dict(sorted(efter.items()))}")
        rækker.append(f"| validate after migrate | | | | | | findings by id: "
                      f"{', '.join(f'{k} {v}' for k, v in sorted(efter.items()))} |")

        # diff against the corpus (a fresh copy: migrate changed it)
        if k is not None:
            shutil.rmtree(korpus)
            from corpus import generer
            k = generer(korpus, a.programmer, a.seed)
            gammel, ny, berørte = k.største_par
            bedste = None
            load = os.getloadavg()[0]
            for _ in range(a.gentagelser):
                r = kør(uddprog("diff", str(gammel), str(ny), "--programmes", str(korpus / "examples"), "--format",
                                "json", "--out", str(arbejde / "diff.json"), "--dato", DATO, "--rod", str(korpus)),
                        ok=(0, 1))
                bedste = r if bedste is None or r["cpu"] < bedste["cpu"] else bedste
            rækker.append(_linje("diff OLD NEW against all programmes", bedste, load,
                                 f"best of {a.gentagelser}; {berørte} programmes on the old version"))
            log(rækker[-1])

        # one redline DOCX
        repo = arbejde / "repo"
        for navn in ("målbeskrivelser", "templates", "examples"):
            shutil.copytree(REPO / navn, repo / navn)
        gammel_fil = repo / "gammel.yaml"
        gammel_fil.write_bytes((repo / STALE).read_bytes())
        kør(uddprog("migrate", str(repo / STALE), "--dato", DATO, "--rod", str(repo)), ok=(0, 1))
        from uddprog.loading import indlæs
        from uddprog.render import Renderer
        from uddprog.render.redline import redline_docx

        renderer = Renderer(repo)
        g, n = renderer.docx(indlæs(gammel_fil).model), renderer.docx(indlæs(repo / STALE).model)
        tider = []
        for _ in range(a.gentagelser):
            t = time.process_time()
            redline_docx(g, n)
            tider.append(time.process_time() - t)
        load = os.getloadavg()[0]
        bedste = None
        for _ in range(a.gentagelser):
            r = kør(uddprog("diff", str(gammel_fil), str(repo / STALE), "--format", "docx", "--out",
                            str(arbejde / "r.docx"), "--rod", str(repo)), ok=(0, 1))
            bedste = r if bedste is None or r["cpu"] < bedste["cpu"] else bedste
        rækker.append(_linje("redline DOCX: uddprog diff OLD NEW --format docx", bedste, load,
                             f"best of {a.gentagelser}; the tracked-changes step alone {min(tider) * 1000:.0f} ms CPU"))
        log(rækker[-1])
    finally:
        shutil.rmtree(arbejde, ignore_errors=True)
    print(f"Machine: {maskine()}\n")
    print("| stage | wall | CPU | peak memory | load | target | note |\n|---|---:|---:|---:|---:|---|---|")
    print("\n".join(rækker))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
