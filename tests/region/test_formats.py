"""Each CI format against what its consumer documents.

- github: workflow commands (docs.github.com, "Workflow commands for GitHub Actions": ``::error
  file=…,line=…,col=…,title=…::message``, with %, CR, LF escaped in data and also : and , in properties).
- gitlab: Code Quality report (docs.gitlab.com, "Code Quality": a JSON array of issues with description,
  check_name, fingerprint, severity in info/minor/major/critical/blocker, location.path and
  location.lines.begin).
- sarif: the OASIS SARIF 2.1.0 JSON Schema (tests/region/data, see its README) with its URI formats, and the
  rules of the specification and of GitHub's ingestion that can be checked offline (``sarif_brud``).
- junit: the JUnit XML GitLab and Jenkins read (testsuites > testsuite > testcase > failure@message).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from tests.conftest import kør
from uddprog.checks import REGISTER
from uddprog.findings import Finding, Location, Severity
from uddprog.output import FORMATER, Rapport as _Rapport, skriv

from .conftest import DATO

DATA = Path(__file__).parent / "data"


def Rapport(*args, **kw) -> _Rapport:
    """A report with the check registry as its rule catalogue, as `uddprog validate` makes it."""
    return _Rapport(*args, regler=REGISTER, **kw)

SARIF_SKEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

# RFC 3986: a URI reference is made of unreserved, percent-encoded, sub-delims and ":@/?#" characters; a
# relative reference's first segment has no ':'; an absolute URI starts with a scheme.
_URI_TEGN = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})*")
_SKEMA_DEL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


def _uri_reference(v) -> bool:
    if not isinstance(v, str) or not _URI_TEGN.fullmatch(v):
        return False
    return bool(_SKEMA_DEL.match(v)) or ":" not in v.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]


_FORMATER = jsonschema.FormatChecker(formats=())
_FORMATER.checks("uri-reference")(_uri_reference)
_FORMATER.checks("uri")(lambda v: _uri_reference(v) and bool(_SKEMA_DEL.match(v)))


def sarif_brud(log: dict) -> list[str]:
    """What a SARIF log breaks, offline: the OASIS schema with its URI formats, and the rules of the 2.1.0
    specification and of GitHub code scanning's ingestion that the schema cannot express."""
    brud = [f"schema: {e.message} at {list(e.absolute_path)}"
            for e in jsonschema.Draft4Validator(SARIF_SKEMA, format_checker=_FORMATER).iter_errors(log)]
    if log.get("$schema") != SARIF_SKEMA["id"]:
        brud.append("$schema does not name the final 2.1.0 schema")
    for run in log.get("runs", []):
        regler = run["tool"]["driver"].get("rules", [])
        ids = [r["id"] for r in regler]
        if len(set(ids)) != len(ids):
            brud.append("3.49.3: rule ids are not unique")
        baser = run.get("originalUriBaseIds", {})
        for navn, basis in baser.items():
            if not (_SKEMA_DEL.match(basis.get("uri", "")) and basis["uri"].endswith("/")):
                brud.append(f"3.14.14: originalUriBaseIds.{navn} is not an absolute URI ending with '/'")
        aftryk: set[tuple] = set()
        for i, res in enumerate(run.get("results", [])):
            hvor = f"results[{i}]"
            if "ruleIndex" in res and not (0 <= res["ruleIndex"] < len(regler)
                                           and regler[res["ruleIndex"]]["id"] == res.get("ruleId")):
                brud.append(f"3.27.6: {hvor}.ruleIndex does not point at rule {res.get('ruleId')}")
            if not res.get("message", {}).get("text"):
                brud.append(f"GitHub: {hvor} has no message text")
            steder = res.get("locations") or []
            if not steder:
                brud.append(f"GitHub: {hvor} has no location")
            for sted in steder:
                fysisk = sted.get("physicalLocation", {})
                art = fysisk.get("artifactLocation", {})
                if "uri" not in art:
                    brud.append(f"GitHub: {hvor} has no artifactLocation.uri")
                elif _SKEMA_DEL.match(art["uri"]) and "uriBaseId" in art:
                    brud.append(f"3.4.4: {hvor} has an absolute uri and a uriBaseId")
                elif not _SKEMA_DEL.match(art["uri"]) and "uriBaseId" not in art:
                    brud.append(f"GitHub: {hvor} has a relative uri without uriBaseId")
                region = fysisk.get("region", {})
                if "startLine" not in region:
                    brud.append(f"GitHub: {hvor} has no region.startLine")
                if region.get("endLine", region.get("startLine", 1)) < region.get("startLine", 1):
                    brud.append(f"3.30.6: {hvor} ends before it starts")
            delvise = res.get("partialFingerprints", {})
            if not delvise:
                brud.append(f"{hvor} has no partialFingerprints")
            for nøgle, værdi in delvise.items():
                if not re.fullmatch(r"[^/]+(/[^/]+)*/v\d+", nøgle):
                    brud.append(f"3.27.17: {hvor}.partialFingerprints key {nøgle!r} is no versioned hierarchical string")
                if nøgle == "primaryLocationLineHash":
                    brud.append(f"{hvor}: primaryLocationLineHash is GitHub's, computed by upload-sarif from the file")
                if (nøgle, værdi) in aftryk:
                    brud.append(f"{hvor}: partial fingerprint {værdi} is shared with another result")
                aftryk.add((nøgle, værdi))
    return brud
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


def test_github_job_summary_lists_every_finding(region_repo, tmp_path, monkeypatch):
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


def test_sarif_validates_against_the_oasis_schema(region_repo):
    log = json.loads(skriv("sarif", RAPPORT))
    assert sarif_brud(log) == []
    (run,) = log["runs"]
    regler = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in regler] == ["L007", "P009", "P023"]
    for res in run["results"]:
        assert regler[res["ruleIndex"]]["id"] == res["ruleId"]
    assert run["results"][0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 12, "startColumn": 7}
    # Non-ASCII is percent-encoded (RFC 3986), relative to the checkout
    art = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert art == {"uri": "programmer/nord/%C3%A6bl%C3%B8.yaml", "uriBaseId": "%SRCROOT%"}
    # And the whole CLI path, with a severity override: the rule keeps its default, the result its level.
    konfig = region_repo / "uddprog.toml"
    konfig.write_text(konfig.read_text(encoding="utf-8").replace('# P023 = "none"', 'P023 = "error"'), encoding="utf-8")
    r = kør("validate", "--format", "sarif", "--dato", DATO)
    cli_log = json.loads(r.output)
    assert sarif_brud(cli_log) == []
    regel = next(x for x in cli_log["runs"][0]["tool"]["driver"]["rules"] if x["id"] == "P023")
    assert regel["defaultConfiguration"]["level"] == "warning"
    assert [x["level"] for x in cli_log["runs"][0]["results"] if x["ruleId"] == "P023"] == ["error"]
    assert r.exit_code == 1


def test_the_sarif_rules_catch_what_they_check():
    """sarif_brud is not a test that cannot fail: each rule it checks flags a log that breaks it."""
    god = json.loads(skriv("sarif", RAPPORT))
    assert sarif_brud(god) == []

    def med(ændring) -> list[str]:
        log = json.loads(json.dumps(god))
        ændring(log["runs"][0], log)
        return sarif_brud(log)

    fysisk = lambda run: run["results"][0]["locations"][0]["physicalLocation"]  # noqa: E731
    assert any("3.27.6" in b for b in med(lambda run, _: run["results"][0].update(ruleIndex=2)))
    assert any("schema" in b for b in med(lambda run, _: fysisk(run)["artifactLocation"].update(uri="a/æ b.yaml")))
    assert any("schema" in b for b in med(lambda run, _: fysisk(run)["artifactLocation"].update(uri="2026:a.yaml")))
    assert any("3.4.4" in b for b in med(lambda run, _: fysisk(run)["artifactLocation"].update(uri="file:///a.yaml")))
    assert any("location" in b for b in med(lambda run, _: run["results"][0].pop("locations")))
    assert any("startLine" in b for b in med(lambda run, _: fysisk(run).pop("region")))
    assert any("3.27.17" in b for b in med(lambda run, _: run["results"][0].update(partialFingerprints={"x/y": "1"})))
    assert any("shared" in b for b in med(lambda run, _: run["results"][1].update(
        partialFingerprints=run["results"][0]["partialFingerprints"])))
    assert any("$schema" in b for b in med(lambda _, log: log.update({"$schema": "https://example.org/sarif.json"})))
    assert any("3.49.3" in b for b in med(lambda run, _: run["tool"]["driver"]["rules"].append({"id": "P009"})))


def test_sarif_fingerprints_survive_moved_lines_and_line_numbers_in_messages(monkeypatch):
    """partialFingerprints identify a finding by check, file and message, not by where the line now is."""
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)

    def aftryk(fund) -> list[str]:
        log = json.loads(skriv("sarif", Rapport(fund)))
        return [r["partialFingerprints"]["uddprog/checkFileMessageHash/v1"] for r in log["runs"][0]["results"]]

    før = aftryk(FUND)
    assert len(set(før)) == len(før) and all(re.fullmatch(r"[0-9a-f]{64}", a) for a in før)
    assert aftryk(FUND) == før  # the same run twice
    flyttet = [Finding(f.check, f.severity, f.besked, Location(f.sted.fil, f.sted.linje + 5, 1)) for f in FUND]
    assert aftryk(flyttet) == før
    dublet = Location(Path("rekruttering/nord/r.yaml"), 9, 5)
    r005 = Finding("R005", Severity.ERROR, "Forløbet 'A' står også på linje 4; læg opslagene sammen i én linje.", dublet)
    r005_flyttet = Finding("R005", Severity.ERROR, "Forløbet 'A' står også på linje 7; læg opslagene sammen i én linje.",
                           Location(dublet.fil, 12, 5))
    assert aftryk([r005]) == aftryk([r005_flyttet])
    # ... and GitLab's fingerprint is the same identity
    gitlab = [i["fingerprint"] for i in json.loads(skriv("gitlab", Rapport(FUND)))]
    assert gitlab == før
    # a different message or file is a different finding
    andet = Finding("P023", Severity.WARNING, "Programmet skulle have været revideret senest 1. juli 2017.",
                    FUND[1].sted)
    assert aftryk([andet]) != aftryk([FUND[1]])


def test_a_file_outside_the_checkout_is_an_absolute_file_uri(tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path / "checkout"))
    fil = tmp_path / "andet sted/å.yaml"
    log = json.loads(skriv("sarif", Rapport([Finding("L001", Severity.ERROR, "Filen findes ikke.", Location(fil))])))
    assert sarif_brud(log) == []
    art = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert art == {"uri": fil.as_uri()} and "%20" in art["uri"] and "%C3%A5" in art["uri"]


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
def test_cli_writes_each_format(region_repo, navn):
    r = kør("validate", "--format", navn, "--dato", DATO)
    assert r.exit_code == 0, r.output
    assert "P021" in r.output


@pytest.mark.parametrize("navn", ["github", "gitlab", "sarif", "junit"])
def test_diff_speaks_the_ci_formats_too(region_repo, navn, tmp_path, monkeypatch):
    """Each hit of a new målbeskrivelse version in a programme is one finding at its place."""
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    r = kør("diff", "neurologi/hoveduddannelse@2011", "neurologi/hoveduddannelse@2015", "--format", navn,
            "--dato", DATO)
    assert r.exit_code == 1, r.output  # changes of severity error hit the Odense programme
    if navn == "sarif":
        log = json.loads(r.output)
        assert sarif_brud(log) == []
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
