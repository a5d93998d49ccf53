"""Update-import benchmark: seconds to read an edited editable Word document back into its YAML
(`uddprog import DOC.docx --opdater PROGRAM.yaml`); target ≤ 1 s per document.

    python benchmarks/opdatering_bench.py [--gentagelser 10]

For every shipped programme: its editable document (`render --format redigerbar`) is edited the way Word
writes edits (the round-trip tests' edits: a retyped word, a bold word, a new paragraph, a remark filled in,
a note, the contact, a date, a drop-down, an author's title), and the update is worked out in-process from
the document's bytes (package, tracked changes, controls, Markdown, three-way comparison, YAML edits,
validation of the result). Then once more as a fresh `uddprog import --opdater --vis` process (what a user
waits for, Python start-up and catalogue included). The unedited document is timed too. On a shared machine
wall time follows the load; the CPU columns are the steadier figures.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from maaling import mål  # noqa: E402  (benchmarks/ is the script's folder)

from tests.wordtilbage.test_rundtur import _felter, _ret  # noqa: E402
from tests.wordtilbage.word import Worddokument  # noqa: E402
from uddprog.importer.opdatering import opdater  # noqa: E402
from uddprog.loading import indlæs  # noqa: E402
from uddprog.render import Renderer  # noqa: E402

MÅL = 1.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gentagelser", type=int, default=10)
    args = ap.parse_args(argv)
    renderer = Renderer(ROOT)
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} kerner, "
          f"belastning {os.getloadavg()[0]:.2f}")
    print(f"{'program':62} {'felter':>6} {'rettet':>6} {'median':>8} {'bedst':>8} {'CPU':>8} {'uredigeret':>10}")
    værst = 0.0
    størst = None
    with tempfile.TemporaryDirectory() as tmp:
        # A copy of the repository's layout: the programmes that include shared parts find them from its root.
        for mappe in ("målbeskrivelser", "templates", "programdele", "examples"):
            shutil.copytree(ROOT / mappe, Path(tmp) / mappe)
        for kilde in sorted((ROOT / "examples").rglob("*.yaml")):
            fil = Path(tmp) / kilde.relative_to(ROOT)
            docx = renderer.redigerbar(indlæs(fil))
            felter = _felter(docx)
            dok = Worddokument(docx)
            rettet = _ret(dok, felter)
            retur = dok.gem()
            o = opdater(retur, "retur.docx", fil, renderer.katalog)
            assert {æ.felt.sti for æ in o.ændringer} == set(rettet), (kilde.name, o.fund, o.konflikter)
            med, bedst, cpu = mål(lambda: opdater(retur, "retur.docx", fil, renderer.katalog), args.gentagelser)
            uredigeret = mål(lambda: opdater(docx, "retur.docx", fil, renderer.katalog), args.gentagelser)[2]
            værst = max(værst, cpu, uredigeret)
            print(f"{kilde.relative_to(ROOT / 'examples').as_posix():62} {len(felter):6} {len(rettet):6} "
                  f"{med * 1000:6.0f}ms {bedst * 1000:6.0f}ms {cpu * 1000:6.0f}ms {uredigeret * 1000:8.0f}ms")
            if størst is None or len(felter) > størst[2]:
                størst = (fil, retur, len(felter))
        fil, retur, _ = størst
        doc = Path(tmp) / "retur.docx"
        doc.write_bytes(retur)
        cmd = [sys.executable, "-m", "uddprog", "import", str(doc), "--opdater", str(fil), "--vis", "--rod", str(ROOT)]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        før = resource.getrusage(resource.RUSAGE_CHILDREN)
        proces = mål(lambda: subprocess.run(cmd, env=env, capture_output=True, check=False), 5)
        efter = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (efter.ru_utime + efter.ru_stime - før.ru_utime - før.ru_stime) / 5
        print(f"{'uddprog import --opdater ' + fil.stem + ' (ny proces)':62} {'':13} {proces[0] * 1000:6.0f}ms "
              f"{proces[1] * 1000:6.0f}ms  (CPU {cpu * 1000:.0f} ms)")
    print(f"langsomste opdatering i processen: {værst * 1000:.0f} ms CPU (mål ≤ {MÅL * 1000:.0f} ms); hele kommandoen: "
          f"{proces[0] * 1000:.0f} ms væg, {cpu * 1000:.0f} ms CPU (belastning {os.getloadavg()[0]:.2f})")
    # CPU, not wall: on a shared machine the wall time of a process follows the others' load.
    return 0 if værst <= MÅL and cpu <= MÅL else 1


if __name__ == "__main__":
    sys.exit(main())
