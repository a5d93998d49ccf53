"""An edit saved right after `uddprog serve` starts (issue 20, item 7): is it shown, and when?

    python benchmarks/serve_start.py [--runs 5] [--code PATH]

For each run: copies the shipped repository to a temp folder, starts `uddprog serve` there as its own process,
and the moment it prints "Serverer …" (the author's cue) changes a programme's title in its YAML file. Then it
polls the front page until it answers (time from start to first answer) and the programme's page until it
shows the new title, for at most 15 s (time from the save until the page shows it, or "never"). ``--code`` runs another checkout's uddprog (e.g. /work/main, the code
before the fix). Requests go to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROGRAM = "examples/nord/kbu-aalborg-forloeb-3.yaml"
GRÆNSE = 15.0


def _hent(port: int, sti: str) -> tuple[int, bytes]:
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=GRÆNSE)
    try:
        c.request("GET", sti, headers={"Host": f"127.0.0.1:{port}"})
        r = c.getresponse()
        return r.status, r.read()
    finally:
        c.close()


def én_kørsel(kode: Path) -> tuple[float, float | None]:
    with tempfile.TemporaryDirectory(prefix="uddprog-serve-start-") as tmp:
        repo = Path(tmp) / "repo"
        for navn in ("målbeskrivelser", "examples"):
            shutil.copytree(ROOT / navn, repo / navn)
        shutil.copytree(ROOT / "templates" / "national", repo / "templates" / "national")
        env = {**os.environ, "PYTHONPATH": str(kode)}
        start = time.perf_counter()
        p = subprocess.Popen([sys.executable, "-m", "uddprog", "serve", "examples", "--port", "0"], cwd=repo,
                             env=env, stderr=subprocess.PIPE, text=True)
        try:
            port = int(p.stderr.readline().split(":")[2].split("/")[0])
            fil = repo / PROGRAM
            fil.write_text(fil.read_text(encoding="utf-8").replace("titel: ", "titel: LIGE GEMT ", 1), encoding="utf-8")
            gemt = time.perf_counter()
            while True:
                try:
                    if _hent(port, "/")[0] == 200:
                        break
                except OSError:
                    time.sleep(0.01)
            første_svar = time.perf_counter() - start
            side = "/programmer/nord/kbu-aalborg-forloeb-3.html"
            while time.perf_counter() - gemt < GRÆNSE:
                if b"LIGE GEMT" in _hent(port, side)[1]:
                    return første_svar, time.perf_counter() - gemt
                time.sleep(0.05)
            return første_svar, None
        finally:
            p.terminate()
            p.wait(10)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--code", type=Path, default=ROOT)
    args = ap.parse_args()
    svar, vist = [], []
    for _ in range(args.runs):
        a, b = én_kørsel(args.code)
        svar.append(a)
        vist.append(b)
        print(f"first answer {a:.2f} s; edit shown {'never (15 s)' if b is None else f'{b:.2f} s after the save'}",
              flush=True)
    sete = [b for b in vist if b is not None]
    print(f"{args.code}: first answer median {statistics.median(svar):.2f} s; edit shown in {len(sete)} of "
          f"{len(vist)} runs" + (f", median {statistics.median(sete):.2f} s" if sete else ""))


if __name__ == "__main__":
    main()
