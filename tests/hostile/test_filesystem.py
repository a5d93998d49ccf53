"""Hostile file systems: symlinks out of the repository, pipes, devices, folders and unreadable files.

Decision: a file reached through a symbolic link whose target lies outside the repository (the
nearest folder with målbeskrivelser/, templates/national/ or .git) is not read; the finding says
so in Danish (L001, exit 2). Links that stay inside the repository are followed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from uddprog.catalog import Katalog
from uddprog.checks import valider
from uddprog.loading import LoadError, indlæs

from .conftest import PROJEKT, træhash, uddprog
from .corpus import DATO, PROGRAM


def _l001(fil: Path) -> str:
    with pytest.raises(LoadError) as e:
        indlæs(fil)
    (fund,) = e.value.fund
    assert fund.check == "L001"
    return fund.besked


def test_symlink_to_a_file_outside_the_repository_is_not_followed(checkout_kopi, tmp_path):
    ude = tmp_path / "hemmelig.yaml"
    shutil.copyfile(checkout_kopi / PROGRAM, ude)  # a valid programme: following the link would pass validation
    (checkout_kopi / "examples/link.yaml").symlink_to(ude)
    assert "peger uden for repositoriet" in _l001(checkout_kopi / "examples/link.yaml")
    resultat = valider([checkout_kopi / "examples"], Katalog(checkout_kopi), DATO)
    assert resultat.ulæselig and any("uden for repositoriet" in f.besked for f in resultat.fund)


def test_symlinked_folder_outside_the_repository_is_not_read(checkout_kopi, tmp_path):
    ude = tmp_path / "ude"
    ude.mkdir()
    shutil.copyfile(checkout_kopi / PROGRAM, ude / "p.yaml")
    (checkout_kopi / "examples/ude").symlink_to(ude, target_is_directory=True)
    assert "peger uden for repositoriet" in _l001(checkout_kopi / "examples/ude/p.yaml")
    før = træhash(checkout_kopi)
    r = uddprog("validate", "examples/ude", "--dato", DATO.isoformat(), cwd=checkout_kopi)
    assert r.returncode == 2 and "uden for repositoriet" in r.stdout and "Traceback" not in r.stderr
    assert træhash(checkout_kopi) == før


def test_symlinks_inside_the_repository_are_followed(checkout_kopi):
    (checkout_kopi / "examples/kopi.yaml").symlink_to(checkout_kopi / PROGRAM)
    assert indlæs(checkout_kopi / "examples/kopi.yaml").model.titel


def test_repository_reached_through_a_symlink_still_works(checkout_kopi, tmp_path):
    (tmp_path / "genvej").symlink_to(checkout_kopi, target_is_directory=True)
    assert indlæs(tmp_path / "genvej" / PROGRAM).model.titel


def test_symlink_loop_and_dangling_link(checkout_kopi):
    a, b = checkout_kopi / "examples/a.yaml", checkout_kopi / "examples/b.yaml"
    a.symlink_to(b)
    b.symlink_to(a)
    assert "løkke" in _l001(a)
    (checkout_kopi / "examples/død.yaml").symlink_to(checkout_kopi / "findes-ikke.yaml")
    assert "link til en fil der ikke findes" in _l001(checkout_kopi / "examples/død.yaml")


def test_named_pipe_and_device_are_refused_without_hanging(checkout_kopi):
    fifo = checkout_kopi / "examples/rør.yaml"
    os.mkfifo(fifo)
    assert "ikke en almindelig fil" in _l001(fifo)  # opening it would block forever
    assert "ikke en almindelig fil" in _l001(Path("/dev/zero"))
    r = uddprog("validate", "examples/rør.yaml", "--dato", DATO.isoformat(), cwd=checkout_kopi, timeout=30)
    assert r.returncode == 2 and "almindelig fil" in r.stdout


def test_a_folder_where_a_file_should_be(checkout_kopi):
    skabelon = checkout_kopi / "templates/national/introduktion/skabelon.yaml"
    skabelon.unlink()
    skabelon.mkdir()
    før = træhash(checkout_kopi)
    r = uddprog("validate", "--dato", DATO.isoformat(), cwd=checkout_kopi)
    assert r.returncode == 2 and "Traceback" not in r.stdout + r.stderr
    assert "mappe" in r.stdout.lower() or "ingen YAML-filer" in r.stdout
    assert træhash(checkout_kopi) == før


def test_unreadable_file_through_the_command(checkout_kopi):
    """CI runs as root, who reads anything: there the OS's refusal is simulated inside the command's process."""
    fil = checkout_kopi / "examples/syd/låst.yaml"
    shutil.copyfile(checkout_kopi / PROGRAM, fil)
    fil.chmod(0)
    før = træhash(checkout_kopi)
    if os.geteuid() == 0:
        kode = (
            "import os, pathlib, sys\n"
            "ægte, ægte_os = pathlib.Path.open, os.open\n"
            "def nægt(self, *a, **k):\n"
            "    if self.name == 'låst.yaml': raise PermissionError(13, 'Permission denied')\n"
            "    return ægte(self, *a, **k)\n"
            "def nægt_os(sti, *a, **k):\n"
            "    if os.path.basename(sti) == 'låst.yaml': raise PermissionError(13, 'Permission denied')\n"
            "    return ægte_os(sti, *a, **k)\n"
            "pathlib.Path.open, os.open = nægt, nægt_os\n"
            "sys.argv = ['uddprog', 'validate', 'examples/syd/låst.yaml', '--dato', '2026-11-23']\n"
            "from uddprog.cli import main; main()\n"
        )
        r = subprocess.run([sys.executable, "-c", kode], cwd=checkout_kopi, capture_output=True, text=True, timeout=60,
                           env={**os.environ, "PYTHONPATH": str(PROJEKT)})
    else:
        r = uddprog("validate", "examples/syd/låst.yaml", "--dato", DATO.isoformat(), cwd=checkout_kopi)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "adgang nægtet" in r.stdout and "Traceback" not in r.stderr
    assert træhash(checkout_kopi) == før


def test_a_linked_folder_outside_the_repository_is_reported_once_and_not_walked(checkout_kopi, tmp_path, monkeypatch):
    """Fails on the old walk: a link to a folder outside (say /tmp) was walked to the bottom, and every YAML
    file below it was refused on its own (one L001 each, seconds of work for a big folder)."""
    ude = tmp_path / "ude"
    for i in range(40):
        (ude / f"d{i % 4}").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(checkout_kopi / PROGRAM, ude / f"d{i % 4}" / f"p{i}.yaml")
    (checkout_kopi / "examples/ude").symlink_to(ude, target_is_directory=True)
    (checkout_kopi / "genvej").symlink_to(ude, target_is_directory=True)
    scannet: list[str] = []
    ægte = os.scandir
    monkeypatch.setattr(os, "scandir", lambda sti=".": (scannet.append(os.fspath(sti)), ægte(sti))[1])

    for stier in ([checkout_kopi / "genvej"], [checkout_kopi / "genvej", checkout_kopi / "examples"], []):
        scannet.clear()
        resultat = valider(stier or None, Katalog(checkout_kopi), DATO)
        l001 = [f for f in resultat.fund if f.check == "L001"]
        forventet = {checkout_kopi / "genvej"} if stier and stier[0] == checkout_kopi / "genvej" else set()
        if len(stier) != 1:
            forventet.add(checkout_kopi / "examples/ude")  # met while walking examples/: reported, not entered
        assert {f.sted.fil for f in l001} == forventet, [str(f) for f in l001]
        assert all("symbolsk link" in f.besked and "uden for repositoriet" in f.besked for f in l001)
        assert not any(str(ude) in s or "genvej" in s or "examples/ude" in s for s in scannet), scannet
        assert not any("p1.yaml" in str(f) for f in resultat.filer)

    r = uddprog("validate", "genvej", "--dato", DATO.isoformat(), cwd=checkout_kopi)
    assert r.returncode == 2 and r.stdout.count("L001") == 1 and "Traceback" not in r.stderr


def test_a_linked_folder_inside_the_repository_is_validated(checkout_kopi):
    (checkout_kopi / "alias").symlink_to(checkout_kopi / "examples", target_is_directory=True)
    resultat = valider([checkout_kopi / "alias"], Katalog(checkout_kopi), DATO)
    assert resultat.filer and not any(f.check == "L001" for f in resultat.fund)
