"""Where a repository begins: one definition of the root markers (catalog, config, the loader's link guard)
and the bounds of every search upwards (the repository root, the home folder, shared folders like /tmp)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import kør
from uddprog.config import find_konfigfil
from uddprog.loading import LoadError, indlæs
from uddprog.rod import find_rod, repository_rod

from .conftest import DATO, GAMMELT


def _init(rod: Path) -> Path:
    """A repository as `uddprog init` makes it: uddprog.toml and programmer/, no .git, no målbeskrivelser/."""
    from uddprog.init import skriv

    skriv(rod, "Syd")
    return rod


def _ren_cache() -> None:
    from uddprog import rod
    from uddprog.loading import yamlfil

    rod.rod_for_mappe.cache_clear()
    yamlfil.link_under_rod.cache_clear()


# ------------------------------------------------------------------ the loader's symbolic-link guard

def test_a_folder_with_uddprog_toml_is_the_root_for_the_link_guard(tmp_path, monkeypatch):
    """A link from programmer/ to a file elsewhere in the same repository stays inside it."""
    rod = _init(tmp_path / "region")
    (rod / "fælles").mkdir()
    (rod / "fælles/odense.yaml").write_bytes(GAMMELT.read_bytes())
    (rod / "programmer/syd").mkdir(parents=True)
    os.symlink("../../fælles/odense.yaml", rod / "programmer/syd/odense.yaml")
    _ren_cache()
    assert repository_rod(rod / "programmer/syd/odense.yaml") == rod
    indlæs(rod / "programmer/syd/odense.yaml")  # not refused: the target is inside the repository
    monkeypatch.chdir(rod)
    r = kør("validate", "--format", "json", "--dato", DATO)
    assert "L001" not in {f["check"] for f in json.loads(r.output)["fund"]}, r.output


def test_a_link_out_of_an_init_repository_is_refused_even_below_a_git_root(tmp_path):
    """The region's repository inside a larger git checkout: its own root is the config's folder, not .git's."""
    ydre = tmp_path / "ydre"
    (ydre / ".git").mkdir(parents=True)
    (ydre / "andet.yaml").write_bytes(GAMMELT.read_bytes())
    rod = _init(ydre / "region")
    (rod / "programmer/syd").mkdir(parents=True)
    os.symlink("../../../andet.yaml", rod / "programmer/syd/odense.yaml")
    _ren_cache()
    assert repository_rod(rod / "programmer/syd/odense.yaml") == rod
    with pytest.raises(LoadError) as e:
        indlæs(rod / "programmer/syd/odense.yaml")
    (f,) = e.value.fund
    assert f.check == "L001" and "uden for repositoriet" in f.besked


@pytest.mark.parametrize("markør", ["uddprog.toml", ".uddprog.yaml", "målbeskrivelser/", "templates/national/",
                                    ".git/", ".git"])
def test_every_root_marker_ends_every_search_at_the_same_folder(tmp_path, monkeypatch, markør):
    """The link guard, the catalogue's root and the config search agree on where a repository begins."""
    from uddprog.rod import er_repository, rod_over

    rod = tmp_path / "rod"
    (rod / "a/b").mkdir(parents=True)
    (tmp_path / "uddprog.toml").write_text("", encoding="utf-8")  # a config above: never reached
    if markør.endswith("/"):
        (rod / markør).mkdir(parents=True)
    else:
        (rod / markør).write_text("", encoding="utf-8")
    _ren_cache()
    assert rod_over(rod / "a/b") == str(rod)
    assert repository_rod(rod / "a/b/x.yaml") == rod
    monkeypatch.chdir(rod / "a/b")
    konfig = find_konfigfil()
    assert (konfig.resolve() if konfig else None) == ((rod / markør).resolve() if markør.startswith(("uddprog", ".uddprog")) else None)
    assert find_rod().resolve() == (rod.resolve() if er_repository(rod) else (rod / "a/b").resolve())


# ------------------------------------------------------------------ the bounds of the search upwards

def _delt(mappe: Path) -> Path:
    """A folder like /tmp: every user may write in it, the sticky bit keeps their files apart."""
    mappe.mkdir(parents=True)
    mappe.chmod(0o1777)
    return mappe


def test_a_stray_config_in_a_shared_folder_changes_nothing_below_it(tmp_path, monkeypatch):
    delt = _delt(tmp_path / "delt")
    (delt / ".uddprog.yaml").write_text("checks:\n  P021: none\n", encoding="utf-8")
    (delt / "målbeskrivelser").mkdir()
    arbejde = delt / "arbejde"
    arbejde.mkdir()
    (arbejde / "odense.yaml").write_bytes(GAMMELT.read_bytes())
    monkeypatch.chdir(arbejde)
    assert find_konfigfil() is None
    assert find_rod() == Path(".")
    _ren_cache()
    assert repository_rod(arbejde / "odense.yaml") == arbejde
    r = kør("validate", "odense.yaml", "--format", "json", "--dato", DATO)
    assert "P021" in {f["check"] for f in json.loads(r.output)["fund"]}  # the stray config silenced nothing


def test_the_search_stops_at_a_git_root(tmp_path, monkeypatch):
    """A git checkout without a config inside a folder that has one: that config is not the checkout's."""
    (tmp_path / "uddprog.toml").write_text('[checks]\nP021 = "none"\n', encoding="utf-8")
    checkout = tmp_path / "checkout"
    (checkout / ".git").mkdir(parents=True)
    (checkout / "programmer").mkdir()
    (checkout / "programmer/odense.yaml").write_bytes(GAMMELT.read_bytes())
    monkeypatch.chdir(checkout / "programmer")
    assert find_konfigfil() is None
    assert find_konfigfil(checkout / "programmer/odense.yaml") is None
    assert find_rod() == Path(".")
    (checkout / ".git").rmdir()
    (checkout / ".git").write_text("gitdir: /et/andet/sted\n", encoding="utf-8")  # a worktree or submodule
    assert find_konfigfil() is None


def test_the_search_never_goes_above_the_home_folder(tmp_path, monkeypatch):
    (tmp_path / "uddprog.toml").write_text('[checks]\nP021 = "none"\n', encoding="utf-8")
    hjem = tmp_path / "hjem"
    (hjem / "projekt").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(hjem))
    monkeypatch.chdir(hjem / "projekt")
    assert find_konfigfil() is None
    assert find_rod() == Path(".")
    (hjem / "uddprog.toml").write_text("", encoding="utf-8")  # the home folder itself is still looked at
    assert find_konfigfil().resolve() == (hjem / "uddprog.toml").resolve()


def test_the_repository_root_is_still_found_from_deep_inside(tmp_path, monkeypatch):
    rod = _init(tmp_path / "region")
    (rod / ".git").mkdir()
    dybt = rod / "programmer/syd/a/b"
    dybt.mkdir(parents=True)
    monkeypatch.chdir(dybt)
    assert find_konfigfil().resolve() == (rod / "uddprog.toml").resolve()
    assert find_rod().resolve() == rod.resolve()
