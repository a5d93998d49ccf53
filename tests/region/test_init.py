"""`uddprog init`, and the clear answer in the wrong place."""

from __future__ import annotations

import tomllib

import yaml

from uddprog.init import FILER

from tests.conftest import kør


def test_init_writes_a_region_repository(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = kør("init", "syd", "--region", "syd")
    assert r.exit_code == 0, r.output
    rod = tmp_path / "syd"
    for sti, _ in FILER:
        assert (rod / sti).is_file(), sti
        assert f"Skrev syd/{sti}" in r.output
    assert (rod / "programmer").is_dir()
    # The editor schema the skeletons of `uddprog ny` point at (../../schemas/ from programmer/<region>/).
    from uddprog.schema import skematekst

    assert (rod / "schemas/uddannelsesprogram.schema.json").read_text(encoding="utf-8") == skematekst("uddannelsesprogram")
    konfig = tomllib.loads((rod / "uddprog.toml").read_text(encoding="utf-8"))
    assert konfig == {"programmer": "programmer", "region": "Syd", "fail_on": "error",
                      "render": {"out": "build", "format": "docx,html"}, "checks": {}}
    gh = yaml.safe_load((rod / ".github/workflows/uddprog.yml").read_text(encoding="utf-8"))
    trin = [s.get("run", "") for s in gh["jobs"]["uddprog"]["steps"]]
    assert "uddprog validate --format github" in trin and "python -m pytest" in trin
    gl = yaml.safe_load((rod / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gl["uddprog"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert any("--format gitlab" in s for s in gl["uddprog"]["script"])
    pc = yaml.safe_load((rod / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert pc["repos"][0]["hooks"][0]["entry"] == "uddprog validate"
    assert "Videreuddannelsesregion Syd" in (rod / "README.md").read_text(encoding="utf-8")
    compile((rod / "tests/test_skabeloner.py").read_text(encoding="utf-8"), "test_skabeloner.py", "exec")


def test_init_never_overwrites(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README.md").write_text("Vores egen\n", encoding="utf-8")
    r = kør("init", "--region", "Nord")
    assert "Findes allerede, ikke ændret: README.md" in r.output
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "Vores egen\n"
    før = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    r = kør("init", "--region", "Nord")
    assert r.exit_code == 0 and "allerede sat op; intet skrevet" in r.output
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == før


def test_init_refuses_a_bad_region_or_folder_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert kør("init", "--region", "Midt").exit_code == 2
    assert kør("init", "--region", "Nord", "--programmer", "../ud").exit_code == 2
    assert not list(tmp_path.iterdir())


def test_wrong_place_gives_a_danish_answer_and_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for args in (["validate"], ["render"], ["schema"]):
        r = kør(*args)
        assert r.exit_code == 2, (args, r.output)
        assert "uddprog-mappe" in r.output and "Traceback" not in r.output
    assert not list(tmp_path.iterdir())  # in particular no ./schemas written silently


def test_a_repository_without_its_programme_folder_says_which(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "uddprog.toml").write_text('programmer = "forløb"\n', encoding="utf-8")
    r = kør("validate")
    assert r.exit_code == 2 and "programmappen forløb findes ikke" in r.output


def test_schema_inside_a_region_repository_writes_there(region_repo):
    r = kør("schema")
    assert r.exit_code == 0 and (region_repo / "schemas/uddannelsesprogram.schema.json").is_file()


def test_pre_commit_reads_the_hook_manifest_and_the_generated_config(tmp_path):
    """pre-commit's own loaders (clientlib) are the consumer's definition of both formats."""
    import re

    from pre_commit.clientlib import load_config, load_manifest

    from uddprog.init import skriv

    from .conftest import PROJEKT

    (hook,) = load_manifest(str(PROJEKT / ".pre-commit-hooks.yaml"))
    assert hook["id"] == "uddprog-validate" and hook["entry"] == "uddprog validate" and hook["language"] == "python"
    mønster = re.compile(hook["files"])
    assert mønster.search("programmer/nord/x.yaml") and mønster.search("målbeskrivelser/neurologi/hb-2015.yaml")
    assert not mønster.search(".gitlab-ci.yml") and not mønster.search(".pre-commit-config.yaml")
    skriv(tmp_path, "Øst")
    config = load_config(str(tmp_path / ".pre-commit-config.yaml"))
    (lokal,) = config["repos"][0]["hooks"]
    assert re.search(lokal["files"], "programmer/oest/a.yaml") and not re.search(lokal["files"], ".gitlab-ci.yml")


def test_a_fresh_repository_validates_green_and_says_what_to_do(tmp_path, monkeypatch):
    """The first CI run after `uddprog init` passes: no programme yet is not an error."""
    import json

    monkeypatch.chdir(tmp_path)
    kør("init", "--region", "Nord")
    r = kør("validate")
    assert r.exit_code == 0 and "Ingen programmer i programmer endnu" in r.output
    r = kør("validate", "--format", "json")
    assert r.exit_code == 0 and json.loads(r.output[r.output.index("{"):])["fund"] == []
    assert kør("validate", "programmer").exit_code == 2  # named explicitly, an empty folder is still L007
