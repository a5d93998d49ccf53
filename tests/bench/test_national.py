"""The national benchmark runs end to end on a tiny corpus and writes its table."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def test_benchmark_runs_on_a_tiny_corpus(tmp_path):
    ud, rå = tmp_path / "national.md", tmp_path / "national.json"
    p = subprocess.run([sys.executable, str(BENCH / "national.py"), "--sizes", "3,6", "--peer-sample", "1",
                        "--work", str(tmp_path / "arbejde"), "--out", str(ud), "--json", str(rå)],
                       capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr[-3000:]
    tabel = ud.read_text(encoding="utf-8")
    for række in ("validate (whole corpus)", "render DOCX", "render HTML", "re-render, nothing changed",
                  "diff OLD NEW against all programmes", "floor: zip + write the DOCX files (1 process)",
                  "peer: plain docxtpl per document*", "`uddprog --version`", "Machine: nproc"):
        assert række in tabel
    data = json.loads(rå.read_text(encoding="utf-8"))
    stages = {(m["stage"], m["size"]) for m in data["stages"]}
    assert ("validate", 6) in stages and ("rerender", 3) in stages and ("floor", 6) in stages
    assert all(m["maxrss_mb"] > 0 and m["wall"] > 0 for m in data["stages"])
    assert data["peers"]["n"] == 1
    # A peer that failed is reported in the table, not raised: here it must not have (a broken import of
    # benchmarks/render_bench.py once went unnoticed behind a fallback).
    assert "docxtpl_fejl" not in data["peers"]
    assert data["peers"].get("pandoc_fejl") in (None, "pandoc er ikke installeret")
