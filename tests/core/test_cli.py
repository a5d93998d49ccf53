"""The validate, schema and checks commands through the real console entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.conftest import kør_proces as uddprog  # the real process: console entry point, exit status
from uddprog.schema import SKEMAFILER, skematekst

ROD = Path(__file__).resolve().parents[2]


def test_validate_a_clean_repository_exits_0(syntetisk_repo):
    rod = syntetisk_repo.skriv()
    r = uddprog("validate", "--dato", "2026-11-23", cwd=rod)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "4 filer kontrolleret: 0 fejl, 0 advarsler." in r.stdout


def test_validate_reports_file_line_column_and_exit_1(syntetisk_repo):
    syntetisk_repo.program["kompetenceplan"][0]["vurderingsmetoder"] = ["mini-cex", "osats"]
    rod = syntetisk_repo.skriv()
    r = uddprog("validate", "examples", "--dato", "2026-11-23", cwd=rod)
    assert r.returncode == 1
    linje = next(line for line in r.stdout.splitlines() if "P009" in line)
    assert linje.strip().startswith("examples/nord/program.yaml:") and ": fejl P009: " in linje
    assert "Traceback" not in r.stderr


def test_fail_on_warning_makes_warnings_fail(syntetisk_repo):
    syntetisk_repo.program["ansvar"]["næste_revision"] = "2026-01-01"
    rod = syntetisk_repo.skriv()
    assert uddprog("validate", "--dato", "2026-11-23", cwd=rod).returncode == 0
    assert uddprog("validate", "--dato", "2026-11-23", "--fail-on", "warning", cwd=rod).returncode == 1


def test_json_output(syntetisk_repo):
    syntetisk_repo.program["kompetenceplan"].pop(3)
    rod = syntetisk_repo.skriv()
    r = uddprog("validate", "--format", "json", "--dato", "2026-11-23", cwd=rod)
    data = json.loads(r.stdout)
    assert data["opsummering"] == {"error": 1, "warning": 2}  # two lægeroller lose their only competency
    assert sorted(f["check"] for f in data["fund"]) == ["P006", "P012", "P012"]
    (fund,) = [f for f in data["fund"] if f["check"] == "P006"]
    assert fund["check"] == "P006" and fund["fil"] == "examples/nord/program.yaml" and fund["linje"] > 0


@pytest.mark.parametrize("indhold", [b"a: [1,\n", b"\xff\xfe", b"!!python/object:os.system {}\n"])
def test_unreadable_input_exits_2_without_traceback(tmp_path, indhold):
    fil = tmp_path / "x.yaml"
    fil.write_bytes(indhold)
    r = uddprog("validate", str(fil), cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr + r.stdout
    assert f"{fil}:" in r.stdout and ": fejl L00" in r.stdout
    assert fil.read_bytes() == indhold


def test_empty_folder_and_missing_path(tmp_path):
    (tmp_path / "tom").mkdir()
    r = uddprog("validate", "tom", "findes-ikke.yaml", cwd=tmp_path)
    assert r.returncode == 2
    assert "tom: fejl L007" in r.stdout and "findes-ikke.yaml: fejl L001: Filen findes ikke." in r.stdout


def test_usage_error_exits_2():
    assert uddprog("validate", "--format", "xml").returncode == 2


def test_checks_lists_every_id():
    from uddprog.checks import REGISTER

    r = uddprog("checks", "--format", "json")
    assert [c["id"] for c in json.loads(r.stdout)] == sorted(REGISTER)  # by id: import order must not matter


def test_committed_schemas_are_current():
    for type_, navn in SKEMAFILER.items():
        assert (ROD / "schemas" / f"{navn}.schema.json").read_text(encoding="utf-8") == skematekst(type_), (
            "run `uddprog schema` and commit schemas/")


def test_schema_command_writes_schemas_that_validate_the_shipped_yaml(tmp_path):
    import jsonschema
    r = uddprog("schema", "--out", str(tmp_path))
    assert r.returncode == 0
    skemaer = {navn: json.loads((tmp_path / f"{navn}.schema.json").read_text()) for navn in SKEMAFILER.values()}
    from uddprog.loading import dokumenttype, læs_yaml

    filer = [*ROD.glob("målbeskrivelser/*/*.yaml"), *ROD.glob("templates/national/*/skabelon.yaml"),
             *ROD.glob("examples/*/*.yaml"), *ROD.glob("rekruttering/*/*.yaml"), *ROD.glob("aftaler/*.yaml")]
    assert len(filer) >= 3
    for fil in filer:
        data = yaml.safe_load(fil.read_text(encoding="utf-8"))
        data = json.loads(json.dumps(data, default=str))  # YAML dates → ISO text, as an editor sees them
        navn = SKEMAFILER[dokumenttype(læs_yaml(fil)[0])]
        jsonschema.validate(data, skemaer[navn])


def test_schema_rejects_a_typo(tmp_path):
    import jsonschema
    skema = json.loads(skematekst("uddannelsesprogram"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"titel": "x", "skabelonn": "kbu"}, skema)


def test_jobs_gives_the_same_findings_as_one_process(syntetisk_repo):
    syntetisk_repo.program["kompetenceplan"][0]["vurderingsmetoder"] = ["mini-cex", "osats"]
    for i in range(40):  # more than one bundle of files, so two workers really share the batch
        syntetisk_repo.ekstra[f"examples/syd/kopi-{i}.yaml"] = syntetisk_repo.program
    rod = syntetisk_repo.skriv()
    én = uddprog("validate", "--format", "json", "--dato", "2026-11-23", "--jobs", "1", cwd=rod)
    to = uddprog("validate", "--format", "json", "--dato", "2026-11-23", "--jobs", "2", cwd=rod)
    assert én.returncode == to.returncode == 1
    assert json.loads(én.stdout) == json.loads(to.stdout) and len(json.loads(to.stdout)["fund"]) == 2 * 41 + 40
    # P008 and P009 per file; the 40 copies share one output name with the original (P028)


def test_schema_and_validate_agree_on_a_version_written_as_a_number(syntetisk_repo):
    import jsonschema

    syntetisk_repo.program["målbeskrivelse"]["version"] = 2015  # YAML reads `version: 2015` as a number
    rod = syntetisk_repo.skriv()
    assert not [f for f in syntetisk_repo.valider().fund if f.severity == "error"]
    data = json.loads(json.dumps(yaml.safe_load((rod / "examples/nord/program.yaml").read_text(encoding="utf-8")),
                                 default=str))
    jsonschema.validate(data, json.loads(skematekst("uddannelsesprogram")))
    data["ansættelser"][0]["driftsregion"] = 7  # a vocabulary stays text only, in both
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json.loads(skematekst("uddannelsesprogram")))
