"""Paths in messages are relative to the working folder, also when uddprog runs from a folder inside the
repository (issue 20, item 13); a mistyped folder is wrong usage, and a programme in the repository's root is
not skipped without a word (item 14)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ..conftest import kør_proces

PROJEKT = Path(__file__).resolve().parents[2]


@pytest.fixture
def rod(tmp_path) -> Path:
    rod = tmp_path / "rod"
    for d in ("målbeskrivelser", "templates", "programdele", "examples"):
        shutil.copytree(PROJEKT / d, rod / d)
    (rod / "uddprog.toml").write_text('programmer = "programmer"\n', "utf-8")
    (rod / "examples").rename(rod / "programmer")
    return rod


def uddprog(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return kør_proces(*args, cwd=cwd, env={"CI": "1", "NO_COLOR": "1"})


def test_run_from_the_programme_folder_messages_show_relative_paths(rod):
    """Fails on the old code: the repository above the working folder was absolute, so every finding and
    every written file was printed with the machine's absolute path."""
    mappe = rod / "programmer"
    v = uddprog("validate", "--dato", "2026-11-23", cwd=mappe)
    assert v.returncode == 0 and "P021" in v.stdout, v.stderr
    r = uddprog("render", "syd", "--dato", "2026-11-23", cwd=mappe)
    assert r.returncode == 0, r.stderr
    for tekst in (v.stdout, v.stderr, r.stdout, r.stderr):
        assert str(rod) not in tekst, tekst
    assert "../programmer/syd/neurologi-hoveduddannelse-odense-forloeb-2.yaml:8:12" in v.stdout
    assert "../build/syd/neurologi-hoveduddannelse-odense-vejle-forloeb-2.docx" in r.stdout
    assert r.stdout.splitlines()[-1].startswith("../build: ")


@pytest.mark.parametrize("sti, besked", [
    ("programer", "Mappen 'programer' findes ikke. Mente du 'programmer'?"),
    ("programmer/nrod", "Mappen 'programmer/nrod' findes ikke. Mente du 'programmer/nord'?"),
    ("programmer/nord/kbu-aalborg-forlob-3.yaml",
     "Filen 'programmer/nord/kbu-aalborg-forlob-3.yaml' findes ikke. Mente du 'programmer/nord/kbu-aalborg-forloeb-3.yaml'?"),
    ("findes/slet/ikke", "Mappen 'findes/slet/ikke' findes ikke."),
])
def test_a_mistyped_path_is_wrong_usage(rod, sti, besked):
    """Fails on the old code: exit 1 with "ikke dannet … L001", as if a programme had failed."""
    r = uddprog("render", sti, cwd=rod)
    assert r.returncode == 2 and r.stderr.strip() == f"Fejl: {besked}", r.stderr
    assert not (rod / "build").exists()


def test_a_programme_in_the_repository_root_is_not_skipped_silently(rod):
    """Fails on the old code: `validate` checked the repository's folders only and said nothing of it."""
    shutil.copy(rod / "programmer/nord/kbu-aalborg-forloeb-3.yaml", rod / "mit-program.yaml")
    (rod / "mkdocs.yml").write_text("site_name: ikke et program\n", "utf-8")
    r = uddprog("validate", "--dato", "2026-11-23", cwd=rod)
    assert r.returncode == 0
    assert "mit-program.yaml i repositoriets rod ligner et uddannelsesprogram, men valideres ikke" in r.stderr
    assert "'uddprog validate mit-program.yaml'" in r.stderr and "mkdocs" not in r.stderr
