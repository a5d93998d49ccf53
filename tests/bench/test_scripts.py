"""Every benchmark script runs to the end at its smallest setting: a figure in docs/benchmarks.md must stay
re-measurable (two scripts had stopped working unnoticed: one after a module moved, one on shared parts)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: script → the arguments of its smallest run. national.py has its own test (test_national.py); corpus.py is
#: used by the others; import_recall.py by tests/importer/test_fremmed_korpus.py; maaling.py is a helper.
KØRSLER = {
    "import_bench.py": ["--gentagelser", "1"],
    "opdatering_bench.py": ["--gentagelser", "1"],
    "render_bench.py": ["--seconds", "0.2", "--pandoc-docs", "1"],
    "revision.py": ["--programmer", "60", "--gentagelser", "1"],
    "serve_bench.py": ["--runs", "2"],
    "serve_start.py": ["--runs", "1"],
    "stats_bench.py": ["--sizes", "60"],
    "visninger_bench.py": ["--programmer", "60", "--gentagelser", "1"],
    "fuzz_report.py": ["yaml"],
}


def test_every_benchmark_script_is_listed():
    skripter = {p.name for p in (ROOT / "benchmarks").glob("*.py")}
    assert skripter - {"national.py", "corpus.py", "import_recall.py", "maaling.py"} == set(KØRSLER)


@pytest.mark.parametrize("skript", sorted(KØRSLER))
def test_the_benchmark_runs_to_the_end(skript, tmp_path):
    p = subprocess.run([sys.executable, str(ROOT / "benchmarks" / skript), *KØRSLER[skript]], cwd=tmp_path,
                       capture_output=True, text=True, timeout=600, env={**os.environ, "PYTHONPATH": str(ROOT)})
    # 1 is a missed target (a figure the script reports), never a crash: no traceback either way.
    assert p.returncode in (0, 1) and "Traceback" not in p.stderr, p.stderr[-3000:]
    assert p.stdout.strip(), "the script printed no figures"
