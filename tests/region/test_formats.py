"""Each CI format against what its consumer documents.

- github: workflow commands (docs.github.com, "Workflow commands for GitHub Actions": ``::error
  file=…,line=…,col=…,title=…::message``, with %, CR, LF escaped in data and also : and , in properties).
- gitlab: Code Quality report (docs.gitlab.com, "Code Quality": a JSON array of issues with description,
  check_name, fingerprint, severity in info/minor/major/critical/blocker, location.path and
  location.lines.begin).
- sarif: the OASIS SARIF 2.1.0 JSON Schema (tests/region/data, see its README).
- junit: the JUnit XML GitLab and Jenkins read (testsuites > testsuite > testcase > failure@message).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from uddprog.findings import Finding, Location, Severity
from uddprog.output import FORMATER, Rapport, skriv

from .conftest import DATO, kør

DATA = Path(__file__).parent / "data"
FUND = [
    Finding("P009", Severity.ERROR, "Metoden 'osats' er ikke tilladt: 100 % sikker, linje 1\nlinje 2, a:b.",
            Location(Path("programmer/nord/æblø.yaml"), 12, 7)),
    Finding("P023", Severity.WARNING, "Programmet skulle have været revideret senest 1. juni 2017.",
            Location(Path("programmer/nord/æblø.yaml"), 28, 19)),
    Finding("P023", Severity.WARNING, "Programmet skulle have været revideret senest 1. juni 2017.",
            Location(Path("programmer/syd/b.yaml"), 3, 1)),
    Finding("L007", Severity.ERROR, "Mappen indeholder ingen YAML-filer (.yaml eller .yml).",
            Location(Path("programmer/tom"))),
]
RAPPORT = Rapport(FUND, [Path("programmer/nord/æblø.yaml"), Path("programmer/syd/b.yaml"), Path("programmer/ok.yaml")])

# One workflow command: ::level key=value,key=value::data  (GitHub's grammar).
_KOMMANDO = re.compile(r"^::(error|warning|notice)( (?P<egenskaber>[a-z]+=[^,:]*(,[a-z]+=[^,:]*)*))?::(?P<data>.*)$")


def test_every_format_is_listed_and_renders():
    assert set(FORMATER) == {"text", "json", "github", "gitlab", "sarif", "junit"}
    for navn in FORMATER:
        assert skriv(navn, RAPPORT)


def test_github_workflow_commands(monkeypatch):
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    linjer = skriv("github", RAPPORT).splitlines()
    assert len(linjer) == len(FUND)
    for linje in linjer:
        assert _KOMMANDO.match(linje), linje
    første = _KOMMANDO.match(linjer[0])
    egenskaber = dict(p.split("=", 1) for p in første["egenskaber"].split(","))
    assert egenskaber["file"] == "programmer/nord/æblø.yaml" and egenskaber["line"] == "12" and egenskaber["col"] == "7"
    assert egenskaber["title"].startswith("P009%3A ")  # ':' escaped inside a property
    assert første["data"] == "Metoden 'osats' er ikke tilladt: 100 %25 sikker, linje 1%0Alinje 2, a:b."
    assert linjer[1].startswith("::warning ")
    assert "line=" not in linjer[3]  # a finding without a line is a file annotation


def test_github_paths_are_relative_to_the_workspace(monkeypatch, tmp_path):
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    r = Rapport([Finding("P023", Severity.WARNING, "x.", Location(tmp_path / "programmer/a.yaml", 1, 1))])
    assert "file=programmer/a.yaml," in skriv("github", r)


def test_github_job_summary_lists_every_finding(region, tmp_path, monkeypatch):
    resume = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(resume))
    r = kør("validate", "--format", "github", "--dato", DATO)
    assert r.exit_code == 0, r.output
    assert r.output.count("::warning file=programmer/syd/odense.yaml,line=") == 3
    tekst = resume.read_text(encoding="utf-8")
    assert "| `programmer/syd/odense.yaml:8` | advarsel | P021 |" in tekst


def test_gitlab_code_quality(monkeypatch):
    monkeypatch.delenv("CI_PROJECT_DIR", raising=False)
    data = json.loads(skriv("gitlab", RAPPORT))
    assert isinstance(data, list) and len(data) == len(FUND)
    for issue in data:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["location"]["path"], str) and not issue["location"]["path"].startswith("/")
        assert isinstance(issue["location"]["lines"]["begin"], int) and issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in data}) == len(data)  # GitLab de-duplicates on the fingerprint
    assert [i["severity"] for i in data] == ["major", "minor", "minor", "major"]
    # The fingerprint does not depend on the line, so moving a finding keeps its identity.
    flyttet = Rapport([Finding(f.check, f.severity, f.besked, Location(f.sted.fil, f.sted.linje + 5, 1)) for f in FUND])
    assert [i["fingerprint"] for i in json.loads(skriv("gitlab", flyttet))] == [i["fingerprint"] for i in data]


def test_sarif_validates_against_the_oasis_schema(region):
    skema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(skriv("sarif", RAPPORT))
    jsonschema.Draft4Validator(skema).validate(log)
    (run,) = log["runs"]
    regler = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in regler] == ["L007", "P009", "P023"]
    for res in run["results"]:
        assert regler[res["ruleIndex"]]["id"] == res["ruleId"]
    assert run["results"][0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 12, "startColumn": 7}
    # And the whole CLI path, with a severity override: the rule keeps its default, the result its level.
    konfig = region / "uddprog.toml"
    konfig.write_text(konfig.read_text(encoding="utf-8").replace('# P023 = "none"', 'P023 = "error"'), encoding="utf-8")
    r = kør("validate", "--format", "sarif", "--dato", DATO)
    cli_log = json.loads(r.output)
    jsonschema.Draft4Validator(skema).validate(cli_log)
    regel = next(x for x in cli_log["runs"][0]["tool"]["driver"]["rules"] if x["id"] == "P023")
    assert regel["defaultConfiguration"]["level"] == "warning"
    assert [x["level"] for x in cli_log["runs"][0]["results"] if x["ruleId"] == "P023"] == ["error"]
    assert r.exit_code == 1


def test_junit_xml():
    rod = etree.fromstring(skriv("junit", RAPPORT).encode("utf-8"))
    assert rod.tag == "testsuites"
    (suite,) = rod.findall("testsuite")
    cases = suite.findall("testcase")
    assert int(suite.get("tests")) == len(cases) == 4  # three files checked plus the empty folder
    assert all(c.get("name") and c.get("classname") for c in cases)
    fejlede = [c for c in cases if c.find("failure") is not None]
    assert int(suite.get("failures")) == len(fejlede) == 2  # errors only at fail_on=error
    ok = next(c for c in cases if c.get("name") == "programmer/ok.yaml")
    assert ok.find("failure") is None and ok.find("system-out") is None
    failure = fejlede[0].find("failure")
    assert failure.get("message").startswith("P009: ") and failure.get("type") == "P009"
    advarsler = next(c for c in cases if c.get("name") == "programmer/syd/b.yaml")
    assert "P023" in advarsler.find("system-out").text
    assert etree.fromstring(skriv("junit", Rapport(FUND, RAPPORT.filer, "warning")).encode()).get("failures") == "3"


@pytest.mark.parametrize("navn", sorted(FORMATER))
def test_cli_writes_each_format(region, navn):
    r = kør("validate", "--format", navn, "--dato", DATO)
    assert r.exit_code == 0, r.output
    assert "P021" in r.output


@pytest.mark.parametrize("navn", ["github", "gitlab", "sarif", "junit"])
def test_diff_speaks_the_ci_formats_too(region, navn, tmp_path, monkeypatch):
    """Each hit of a new målbeskrivelse version in a programme is one finding at its place."""
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    r = kør("diff", "neurologi/hoveduddannelse@2011", "neurologi/hoveduddannelse@2015", "--format", navn,
            "--dato", DATO)
    assert r.exit_code == 1, r.output  # changes of severity error hit the Odense programme
    if navn == "sarif":
        skema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
        log = json.loads(r.output)
        jsonschema.Draft4Validator(skema).validate(log)
        regler = {x["id"]: x for x in log["runs"][0]["tool"]["driver"]["rules"]}
        assert regler["D002"]["shortDescription"]["text"] == "Kompetence tilføjet"
    elif navn == "github":
        linjer = r.output.splitlines()
        assert linjer and all(_KOMMANDO.match(linje) for linje in linjer)
        assert any(linje.startswith("::error file=programmer/syd/odense.yaml,line=") and "D002%3A" in linje
                   for linje in linjer)
        assert "### uddprog diff" in (tmp_path / "summary.md").read_text(encoding="utf-8")
    elif navn == "gitlab":
        data = json.loads(r.output)
        assert {i["check_name"] for i in data} >= {"D002"}
        assert {i["location"]["path"] for i in data} == {"programmer/syd/odense.yaml"}
    else:
        rod = etree.fromstring(r.output.encode("utf-8"))
        assert rod.find("testsuite").get("name") == "uddprog diff" and rod.get("failures") == "1"


def test_status_in_the_wrong_place_exits_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = kør("status")
    assert r.exit_code == 2 and "uddprog init" in r.output
