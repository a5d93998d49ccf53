"""`uddprog render`: batch behaviour, exit codes, messages."""

from __future__ import annotations

import pytest

from tests.conftest import kør

from .conftest import EXAMPLES

pytestmark = pytest.mark.skipif(not EXAMPLES, reason="ingen programmer i examples/")


def run(*args, env=None):
    return kør("render", *args, env={"CI": "1", **(env or {})})


def test_renders_all_examples_with_stable_names(checkout_kopi, tmp_path):
    out = tmp_path / "build"
    res = run("--rod", checkout_kopi, "--out", out, "--jobs", "1", checkout_kopi / "examples")
    assert res.exit_code == 0, res.output
    # the build manifest (.uddprog-render.json, for skipping unchanged programmes) is not an output
    names = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and not p.name.startswith("."))
    assert len(names) == 2 * len(EXAMPLES)
    assert all(n.count("/") == 1 and n.split("/")[0] in {"nord", "syd", "oest"} for n in names)
    assert all(n.isascii() for n in names)
    assert f": {len(EXAMPLES)} programmer dannet" in res.output


def test_invalid_programme_is_skipped_others_render(checkout_kopi, tmp_path):
    bad = checkout_kopi / "examples" / "nord" / "zz-fejl.yaml"
    src = EXAMPLES[0].read_text(encoding="utf-8")
    bad.write_text(src.replace("kompetenceplan:", "kompetenceplan:\n  - kompetence: FINDES-IKKE\n"
                               "    ansættelse: findes-ikke\n    fra_måned: 1\n    til_måned: 2\n"
                               "    læringsmetoder: [selvstudium]", 1)
                   .replace("\nforløb: ", "\nforløb: Fejl ", 1), encoding="utf-8")  # its own output name
    out = tmp_path / "build"
    res = run("--rod", checkout_kopi, "--out", out, "-j", "2", checkout_kopi / "examples")
    assert res.exit_code == 1
    assert "sprunget over" in res.output and "zz-fejl.yaml" in res.output
    assert "Traceback" not in res.output
    assert len([p for p in out.rglob("*.docx")]) == len(EXAMPLES)


def test_unknown_format_is_a_usage_error(checkout_kopi, tmp_path):
    res = run("--rod", checkout_kopi, "--out", tmp_path, "--format", "docx,odt")
    assert res.exit_code == 2 and "odt" in res.output


def test_same_bytes_with_one_or_two_jobs(checkout_kopi, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert run("--rod", checkout_kopi, "--out", a, "-j", "1", checkout_kopi / "examples").exit_code == 0
    assert run("--rod", checkout_kopi, "--out", b, "-j", "2", checkout_kopi / "examples").exit_code == 0
    for f in a.rglob("*.*"):
        assert f.read_bytes() == (b / f.relative_to(a)).read_bytes(), f
