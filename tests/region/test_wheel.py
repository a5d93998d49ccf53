"""uddprog outside its own checkout: build the wheel, install it into a fresh virtual environment and run
a region's whole workflow in an empty folder — init, ny, validate, render DOCX/HTML/PDF, the generated
snapshot tests, and a region's own Word layout over the shipped one.

The environment has no pip and no uddprog but the wheel's: its dependencies come from this interpreter's
site-packages through a .pth path entry (a path entry, not a site dir, so the editable install's finder
there is never activated), PYTHONPATH is unset, and the working folder is outside the checkout.
"""

from __future__ import annotations

import os
import re
import shutil
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.syntetisk import udfyld_skelet

from ..render.conftest import need_tool
from .test_layers import egen_docx

PROJEKT = Path(__file__).resolve().parents[2]
KILDER = ("uddprog", "målbeskrivelser", "templates", "setup.py", "pyproject.toml", "README.md", "MANIFEST.in")


def _kør(args, cwd: Path, env: dict, forvent: int | None = 0) -> subprocess.CompletedProcess:
    r = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    if forvent is not None:
        assert r.returncode == forvent, f"{args}: {r.returncode}\n{r.stdout}\n{r.stderr}"
    return r


@pytest.fixture(scope="module")
def hjul(tmp_path_factory) -> Path:
    """The wheel, built from a copy of the sources (no build/ or egg-info left in the checkout)."""
    kilde = tmp_path_factory.mktemp("kilde")
    for navn in KILDER:
        fra = PROJEKT / navn
        if fra.is_dir():
            shutil.copytree(fra, kilde / navn, ignore=shutil.ignore_patterns("__pycache__", "_national"))
        else:
            shutil.copy2(fra, kilde / navn)
    ud = tmp_path_factory.mktemp("dist")
    _kør([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
          "-w", str(ud), str(kilde)], kilde, dict(os.environ))
    (fil,) = ud.glob("uddprog-*.whl")
    return fil


def test_the_wheel_carries_the_national_catalogue_and_the_plugin(hjul):
    with zipfile.ZipFile(hjul) as z:
        navne = set(z.namelist())
        indgange = z.read(next(n for n in navne if n.endswith("entry_points.txt"))).decode()
    for fil in PROJEKT.joinpath("målbeskrivelser").rglob("*.yaml"):
        assert f"uddprog/_national/{fil.relative_to(PROJEKT).as_posix()}" in navne
    for fil in PROJEKT.joinpath("templates/national").rglob("*"):
        if fil.is_file():
            assert f"uddprog/_national/{fil.relative_to(PROJEKT).as_posix()}" in navne
    assert "uddprog/init_skabeloner/uddprog.toml" in navne
    assert not any(n.startswith(("examples/", "tests/")) for n in navne)
    assert re.search(r"\[pytest11\]\s*uddprog = uddprog.pytest_plugin", indgange)


@pytest.fixture(scope="module")
def venv(hjul, tmp_path_factory) -> tuple[Path, dict]:
    rod = tmp_path_factory.mktemp("venv")
    _kør([sys.executable, "-m", "venv", "--without-pip", str(rod)], rod, dict(os.environ))
    python = rod / "bin" / "python"
    _kør([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q",
          str(hjul)], rod, dict(os.environ))
    (sp,) = (rod / "lib").glob("python3*/site-packages")
    (sp / "afhaengigheder.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{rod / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return rod, env



def test_a_region_works_from_the_installed_wheel_alone(venv, tmp_path):
    rod, env = venv
    region = tmp_path / "region-nord"
    region.mkdir()
    python = str(rod / "bin" / "python")
    hvor = _kør([python, "-c", "import uddprog, uddprog.catalog as c; print(uddprog.__file__); print(c.indbygget_rod())"],
                region, env).stdout.split()
    assert all(Path(p).is_relative_to(rod) for p in hvor), hvor  # the wheel's code and catalogue, not the checkout's
    uddprog = str(rod / "bin" / "uddprog")

    r = _kør([uddprog, "validate"], region, env, forvent=2)  # wrong place, clear answer
    assert "uddprog init" in r.stderr
    _kør([uddprog, "init", "--region", "Nord"], region, env)
    katalog = _kør([uddprog, "katalog"], region, env).stdout
    assert re.search(r"Neurologi +hoveduddannelse +2015 +uddprog +ja +" + re.escape(str(rod)), katalog)
    program = region / "programmer/nord/neurologi-aalborg-forloeb-7.yaml"
    _kør([uddprog, "ny", "neurologi/hoveduddannelse@2015", "--region", "Nord", "--out", str(program)], region, env)
    r = _kør([uddprog, "validate", "--dato", "2026-11-23"], region, env, forvent=1)
    assert "P026" in r.stdout and "UDFYLD" in r.stdout
    udfyld_skelet(program)
    # the committee approves it: godkend records the approval (the region's approver from uddprog.toml) and
    # ends the draft
    _kør([uddprog, "godkend", str(program), "--dato", "2026-05-12"], region, env)
    assert "status: udkast" not in program.read_text(encoding="utf-8")
    r = _kør([uddprog, "validate", "--dato", "2026-11-23", "--format", "sarif"], region, env)
    assert '"results": []' in r.stdout

    formater = "docx,html,pdf" if shutil.which("soffice") or os.environ.get("CI") else "docx,html"
    if "pdf" in formater:
        need_tool("soffice", "libreoffice")
    _kør([uddprog, "render", "--format", formater, "--dato", "2026-11-23"], region, env)
    ud = {p.suffix for p in (region / "build/nord").iterdir()}
    assert ud == {f".{f}" for f in formater.split(",")}
    (docx,) = (region / "build/nord").glob("*.docx")
    with zipfile.ZipFile(docx) as z:
        assert "Indholdsfortegnelse" in z.read("word/document.xml").decode()

    # The generated snapshot tests: record, pass, then catch the region's own Word layout.
    pytest_ = [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-p", "no:benchmark"]
    _kør([*pytest_, "--snapshot-update"], region, env)
    _kør(pytest_, region, env)
    egen_docx(region / "templates/national/hoveduddannelse/program.docx", "Indhold i Nords udgave")
    r = _kør(pytest_, region, env, forvent=1)
    assert "1 failed, 1 passed" in r.stdout and "Indhold i Nords udgave" in r.stdout
    _kør([uddprog, "render", "--dato", "2026-11-23"], region, env)
    with zipfile.ZipFile(docx) as z:
        assert "Indhold i Nords udgave" in z.read("word/document.xml").decode()
    assert not (PROJEKT / "build" / "nord" / "neurologi-hoveduddannelse-aalborg-forloeb-7.docx").exists()
