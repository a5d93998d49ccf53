"""A sample of the corpus through the real command: `python -m uddprog validate`.

The command must give the same exit code as the library, print Danish findings and never a
traceback, stay within memory (address space capped at 2 GB) and time, and write nothing.
"""

from __future__ import annotations

import functools
import json
import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .conftest import træhash, uddprog
from .corpus import DATO, GRUPPER, MÅL, kør, lav_repo

SAMPLE_PR_ART = 1


@functools.cache
def _sample() -> list:
    rng = random.Random(6)
    per_art: dict[str, list] = {}
    for gruppe in GRUPPER:
        for case in GRUPPER[gruppe]():
            per_art.setdefault(case.art, []).append(case)
    udvalg = []
    for art, cases in sorted(per_art.items()):
        udvalg += [cases[-1]] + rng.sample(cases, min(SAMPLE_PR_ART, len(cases)))
    return list({c.navn: c for c in udvalg}.values())


def test_cli_matches_library_on_a_sample_of_every_kind(tmp_path: Path):
    cases = _sample()
    katalog = lav_repo(tmp_path / "lib")
    forventet = [kør(c, tmp_path / "lib", katalog).kode for c in cases]
    # One repository per case so the runs can go in parallel.
    stier = []
    for i, c in enumerate(cases):
        rod = tmp_path / f"r{i}"
        lav_repo(rod)
        (rod / MÅL[c.rolle]).write_bytes(c.data)
        stier.append(rod)
    før = [træhash(r) for r in stier]

    def kør_cli(i: int):
        return uddprog("validate", MÅL[cases[i].rolle], "--dato", DATO.isoformat(), cwd=stier[i])

    with ThreadPoolExecutor(4) as pool:
        svar = list(pool.map(kør_cli, range(len(cases))))
    fejl = []
    for c, kode, r, rod, h in zip(cases, forventet, svar, stier, før):
        ud = r.stdout + r.stderr
        if c.rolle == "program" and r.returncode != kode:
            fejl.append(f"{c.art} {c.navn}: exit {r.returncode}, biblioteket gav {kode}: {ud[-300:]}")
        if r.returncode not in (c.koder | {1}) - {70} or r.returncode == 70:
            fejl.append(f"{c.art} {c.navn}: exit {r.returncode}: {ud[-300:]}")
        if "Traceback" in ud or "Intern fejl" in ud:
            fejl.append(f"{c.art} {c.navn}: {ud[-500:]}")
        if r.returncode in (1, 2) and " fejl " not in r.stdout:
            fejl.append(f"{c.art} {c.navn}: ingen dansk fejllinje: {ud[-300:]}")
        if træhash(rod) != h:
            fejl.append(f"{c.art} {c.navn}: repositoriet blev ændret")
    assert len(cases) >= 35
    assert not fejl, "\n".join(fejl[:10])


def test_one_run_over_a_folder_of_broken_files_reports_each_file(tmp_path: Path):
    rod = tmp_path / "repo"
    lav_repo(rod)
    mappe = rod / "examples" / "ødelagt"
    mappe.mkdir(parents=True)
    valgte = [c for c in _sample() if c.rolle == "program" and len(c.data) < 1_000_000 and c.koder == {2}]
    for i, c in enumerate(valgte):
        (mappe / f"case-{i:03d}.yaml").write_bytes(c.data)
    før = træhash(rod)
    r = uddprog("validate", "examples/ødelagt", "--format", "json", "--dato", DATO.isoformat(), cwd=rod)
    assert r.returncode == 2, r.stderr[-500:]
    svar = json.loads(r.stdout)
    filer_med_fund = {Path(f["fil"]).name for f in svar["fund"] if f["severity"] == "error"}
    assert filer_med_fund == {f"case-{i:03d}.yaml" for i in range(len(valgte))}
    assert len(valgte) >= 10
    assert træhash(rod) == før
