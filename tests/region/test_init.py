"""`uddprog init`, and the clear answer in the wrong place."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import yaml

from tests.conftest import kør
from uddprog.init import FILER


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
    # [regioner.Syd]: the region's approving body (issue 21: godkend takes it from here)
    assert konfig == {"programmer": "programmer", "region": "Syd", "fail_on": "error",
                      "regioner": {"Syd": {"godkendes_af": "Det Regionale Råd for Lægers Videreuddannelse (DRRLV), "
                                                           "Videreuddannelsesregion Syd", "delforloeb": ["kbu"]}},
                      "render": {"out": "build", "format": "docx,html"}, "checks": {}}
    # which entries of the shipped catalogue are illustrative, said where a region starts
    assert "illustrative" in r.output and "uddprog katalog" in r.output
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


# --- issue 20, items 11 and 12: the editor's schema link and the files init writes ----------------------

def _skema_fra(fil) -> "Path":
    """Where the first-line link of a YAML file points, resolved from the file's folder."""
    første = fil.read_text(encoding="utf-8").splitlines()[0]
    assert første.startswith("# yaml-language-server: $schema="), første
    return (fil.parent / første.split("$schema=", 1)[1]).resolve()


def test_ny_and_import_link_to_the_schema_where_it_really_is(tmp_path, monkeypatch):
    from tests.importer.conftest import KORPUS

    monkeypatch.chdir(tmp_path)
    assert kør("init", "--region", "Nord").exit_code == 0
    skema = (tmp_path / "schemas/uddannelsesprogram.schema.json").resolve()
    for ud in ("programmer/nord/aalborg-7.yaml", "programmer/aalborg-8.yaml"):
        assert kør("ny", "neurologi/hoveduddannelse@2015", "--out", ud).exit_code == 0
        assert _skema_fra(tmp_path / ud) == skema
    r = kør("import", str(KORPUS / "nord-overskriftstypografier.docx"), "--mb", "neurologi/hoveduddannelse@2015",
            "--out-dir", "programmer/nord/udkast")
    assert r.exit_code == 0, r.output
    assert _skema_fra(tmp_path / "programmer/nord/udkast/nord-overskriftstypografier.yaml") == skema
    # to the screen, from a subfolder: the link holds for a file saved in the working folder
    monkeypatch.chdir(tmp_path / "programmer/nord")
    tekst = kør("ny", "neurologi/hoveduddannelse@2015").stdout
    (tmp_path / "programmer/nord/fra-skaermen.yaml").write_text(tekst, encoding="utf-8")
    assert _skema_fra(tmp_path / "programmer/nord/fra-skaermen.yaml") == skema


def test_the_workspace_settings_map_every_document_kind_to_its_schema(tmp_path):
    import json

    from uddprog.init import skriv

    skriv(tmp_path, "Nord")
    (tmp_path / "programmer/nord").mkdir()
    (tmp_path / "programmer/nord/x.yaml").write_text("titel: x\n", encoding="utf-8")
    indstillinger = json.loads((tmp_path / ".vscode/settings.json").read_text(encoding="utf-8"))
    kort = indstillinger["yaml.schemas"]
    assert len(kort) == 5
    for skema, mønstre in kort.items():
        assert (tmp_path / skema).is_file(), skema  # relative to the workspace folder, as the extension reads it
    programmønstre = kort["./schemas/uddannelsesprogram.schema.json"]
    assert any(tmp_path / "programmer/nord/x.yaml" in tmp_path.glob(m) for m in programmønstre)


def test_init_again_with_another_region_says_the_region_differs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert kør("init", ".", "--region", "Nord").exit_code == 0
    (tmp_path / "README.md").unlink()  # something missing, so a silent "nothing to do" cannot pass for an answer
    før = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    r = kør("init", ".", "--region", "Syd")
    assert r.exit_code == 2
    assert "allerede sat op til Videreuddannelsesregion Nord" in r.stderr and "ikke Syd" in r.stderr
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == før
    assert kør("init", ".", "--region", "nord").exit_code == 0  # the same region, spelt otherwise: writes README


def test_the_readme_describes_the_whole_workflow_with_real_commands(tmp_path):
    import re

    from uddprog.cli import _KOMMANDOER
    from uddprog.init import skriv

    skriv(tmp_path, "Nord")
    tekst = (tmp_path / "README.md").read_text(encoding="utf-8")
    nævnte = re.findall(r"`uddprog ([a-z]+)", tekst)
    assert set(nævnte) <= set(_KOMMANDOER), set(nævnte) - set(_KOMMANDOER)
    rækkefølge = ["import", "validate", "render", "site", "diff", "migrate", "godkend", "stats"]
    første = [nævnte.index(k) for k in rækkefølge]
    assert første == sorted(første), "the workflow in order: import → validate → render → site → diff/migrate → godkend → stats"
    assert "$" not in tekst.replace("$schema", "")  # every template placeholder filled
    for engelsk in (" the ", " and ", " with ", "Every ", "optional"):
        assert engelsk not in tekst


def test_the_config_comments_are_danish_and_the_config_still_reads(tmp_path):
    import re

    from uddprog.config import læs
    from uddprog.init import skriv

    skriv(tmp_path, "Øst")
    tekst = (tmp_path / "uddprog.toml").read_text(encoding="utf-8")
    kommentarer = " ".join(re.findall(r"#\s*([^\n]*)", tekst))
    for engelsk in ("Every", "the command line", "severity", "lowest", "optional", "reason", "silences", "folder"):
        assert engelsk not in kommentarer, engelsk
    assert "alvor" in kommentarer and "kommandolinjen" in kommentarer
    k = læs(tmp_path / "uddprog.toml")
    assert k.region == "Øst" and not k.fund


def test_git_ignores_what_uddprog_makes(tmp_path):
    import shutil
    import subprocess

    from uddprog.init import skriv

    if shutil.which("git") is None:
        pytest.skip("git er ikke installeret")
    skriv(tmp_path, "Nord")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    sti = ["site/index.html", "build/nord/x.docx", "tests/__pycache__/x.pyc", ".pytest_cache/v/x",
           "programmer/nord/x.yaml", "tests/__snapshots__/test_skabeloner.ambr"]
    r = subprocess.run(["git", "-C", str(tmp_path), "check-ignore", *sti], capture_output=True, text=True)
    assert r.stdout.split() == sti[:4]  # made by uddprog or Python: ignored; programmes and snapshots: kept


def test_the_ci_files_say_how_to_install_from_a_private_index_or_a_wheel(tmp_path):
    import yaml

    from uddprog.init import skriv

    skriv(tmp_path, "Nord")
    for navn in (".github/workflows/uddprog.yml", ".gitlab-ci.yml"):
        tekst = (tmp_path / navn).read_text(encoding="utf-8")
        assert "PIP_INDEX_URL" in tekst and ".whl[snapshot]" in tekst, navn
        yaml.safe_load(tekst)
    assert "${{ secrets.PIP_INDEX_URL }}" in (tmp_path / ".github/workflows/uddprog.yml").read_text(encoding="utf-8")
