"""Shared parts (programdele): one text included by several programmes, joined at load, checked where it is
written, and every command that reads programmes sees the whole programme."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from tests.syntetisk import DATO, SyntetiskRepo as Repo, kopi
from uddprog.catalog import Katalog
from uddprog.checks import valider
from uddprog.loading import LoadError, indlæs

ROD = Path(__file__).resolve().parents[2]

DEL = {
    "programdel": "Fælles del for neurologi i Nord",
    "skabelon": "hoveduddannelse",
    "videreuddannelsesregion": "Nord",
    "sektioner": {
        "indledning": "Fælles indledning for alle forløb.\n\nAnden linje i den fælles tekst.\n",
        "karrierevejledning": "Fælles tekst om karrierevejledning.\n",
    },
}


@pytest.fixture
def repo(syntetisk_repo) -> Repo:
    """tests/conftest's synthetic repository (these tests edit it as ``repo``)."""
    return syntetisk_repo


def _med_del(r: Repo, del_: dict | None = None, henvisning="./faelles/neurologi.yaml") -> Repo:
    r.ekstra["examples/nord/faelles/neurologi.yaml"] = del_ or kopi(DEL)
    r.program["programdele"] = [henvisning]
    return r


def _som_tekst(r: Repo, tekst: str) -> None:
    """Write the shared part as literal YAML text after the repository's files."""
    r.skriv()
    (r.rod / "examples" / "nord" / "faelles" / "neurologi.yaml").write_text(tekst, encoding="utf-8")


def _skriv(r: Repo) -> Path:
    r.valider()  # writes the files
    return r.rod / "examples" / "nord" / "program.yaml"


def test_the_shared_text_comes_first_and_the_local_text_follows(repo):
    fil = _skriv(_med_del(repo))
    dok = indlæs(fil)
    indledning = dok.model.sektioner["indledning"]
    assert indledning.startswith("Fælles indledning for alle forløb.")
    assert indledning.rstrip().endswith(repo.program["sektioner"]["indledning"].strip())
    # a section only the shared part has is there too
    assert dok.model.sektioner["karrierevejledning"] == "Fælles tekst om karrierevejledning.\n"
    assert [d.fil.name for d in dok.programdele] == ["neurologi.yaml"] and len(dok.filer) == 2


def test_a_part_rewritten_within_one_clock_tick_is_read_again(repo):
    """A long-running process (serve) reads a part again when its text changed, even if the size and the time
    stamp did not (an editor saving twice within a file system's time resolution): the key is the bytes."""
    fil = _skriv(_med_del(repo))
    del_fil = repo.rod / "examples" / "nord" / "faelles" / "neurologi.yaml"
    assert indlæs(fil).model.sektioner["indledning"].startswith("Fælles indledning")
    st = os.stat(del_fil)
    tekst = del_fil.read_text(encoding="utf-8")
    del_fil.write_text(tekst.replace("Fælles indledning", "Fælles vejledning"), encoding="utf-8")  # same length
    os.utime(del_fil, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert os.stat(del_fil).st_size == st.st_size
    assert indlæs(fil).model.sektioner["indledning"].startswith("Fælles vejledning")


def test_erstatter_replaces_the_shared_text_of_a_section(repo):
    _med_del(repo, henvisning={"fil": "./faelles/neurologi.yaml", "erstatter": ["indledning"]})
    dok = indlæs(_skriv(repo))
    assert dok.model.sektioner["indledning"] == repo.program["sektioner"]["indledning"]


def test_a_repository_path_is_taken_from_the_root(repo):
    _med_del(repo, henvisning="examples/nord/faelles/neurologi.yaml")
    assert indlæs(_skriv(repo)).model.sektioner["indledning"].startswith("Fælles indledning")


DEL_TEKST = """\
programdel: Fælles del for neurologi i Nord
skabelon: hoveduddannelse
sektioner:
  indledning: |
    Første linje.

    Se [evaluer.dk](https://www.evaluer.dk) og UDFYLD.
"""


def _valider_igen(r: Repo, dato: date = DATO):
    katalog = Katalog(r.rod)
    from uddprog.checks import standardstier
    return valider(standardstier(katalog), katalog, dato)


def test_a_finding_in_the_shared_text_points_into_the_shared_file_once(repo):
    _med_del(repo)
    # a second programme includes the same part: the finding is the part's, reported once
    anden = kopi(repo.program) | {"forløb": "Holstebro–Aarhus, forløb 2"}
    repo.ekstra["examples/nord/program-2.yaml"] = anden
    _som_tekst(repo, DEL_TEKST)
    fund = _valider_igen(repo).fund
    for check in ("P051", "P026"):
        (f,) = [f for f in fund if f.check == check]
        assert f.sted.fil.name == "neurologi.yaml", str(f)
        assert f.sted.linje == 7 and f.sted.kolonne > 5, str(f)  # the line of the text in the shared file


def test_unsupported_markdown_in_the_local_part_points_into_the_programme(repo):
    _med_del(repo)
    repo.program["sektioner"]["indledning"] = "Lokal tekst.\n\nSe <b>dette</b>.\n"
    fund = [f for f in repo.valider().fund if f.check == "P030"]
    assert fund and all(f.sted.fil.name == "program.yaml" for f in fund)


def test_a_part_is_checked_on_its_own_in_its_own_file(repo):
    del_ = kopi(DEL)
    del_["sektioner"]["indledningen"] = "Et afsnit skabelonen ikke har."
    _med_del(repo, del_)
    fund = repo.valider().fund
    (f,) = [f for f in fund if f.check == "D002"]
    assert f.sted.fil.name == "neurologi.yaml" and "Mente du 'indledning'" in f.besked
    assert not [f for f in fund if f.check == "P015"]  # the programme does not report the part's section again


@pytest.mark.parametrize("henvisning, ord_", [
    ("./faelles/findes-ikke.yaml", "findes ikke"),
    ("../../../uden-for.yaml", "uden for repositoriet"),
    ("/etc/passwd", "uden for repositoriet"),
    ("./program.yaml", "bygge på sig selv"),
])
def test_a_bad_reference_is_l009_at_the_reference(repo, henvisning, ord_):
    _med_del(repo, henvisning=henvisning)
    fund = [f for f in repo.valider().fund if f.check == "L009"]
    assert fund and ord_ in fund[0].besked
    assert fund[0].sted.fil.name == "program.yaml" and fund[0].sted.linje > 1


def test_a_syntax_error_in_the_part_is_reported_in_the_part(repo):
    _med_del(repo)
    repo.valider()
    del_fil = repo.rod / "examples" / "nord" / "faelles" / "neurologi.yaml"
    del_fil.write_text("programdel: x\nsektioner: {indledning: [\n", encoding="utf-8")
    with pytest.raises(LoadError) as e:
        indlæs(repo.rod / "examples" / "nord" / "program.yaml")
    assert e.value.fund[0].sted.fil == del_fil and e.value.fund[0].check == "L002"


def test_a_programme_is_no_part(repo):
    repo.ekstra["examples/nord/faelles/neurologi.yaml"] = kopi(repo.program) | {"forløb": "andet"}
    repo.program["programdele"] = ["./faelles/neurologi.yaml"]
    (f,) = [f for f in repo.valider().fund if f.check == "L009"]
    assert "ikke en programdel" in f.besked


@pytest.mark.parametrize("ændring, check", [
    ({"skabelon": "introduktion"}, "P070"),
    ({"videreuddannelsesregion": "Syd"}, "P071"),
    ({"skabelon": "hovedudannelse"}, "D001"),
    ({"fase": "kbu"}, "D003"),
])
def test_a_part_for_another_template_or_region(repo, ændring, check):
    _med_del(repo, kopi(DEL) | ændring)
    assert check in {f.check for f in repo.valider().fund}


def test_erstatter_of_a_section_no_part_has_is_p072(repo):
    _med_del(repo, henvisning={"fil": "./faelles/neurologi.yaml", "erstatter": ["vejledning"]})
    (f,) = [f for f in repo.valider().fund if f.check == "P072"]
    assert "vejledning" in f.besked


def test_the_shipped_shared_part_is_used_by_two_local_programmes():
    katalog = Katalog(ROD)
    brugere = [d for d in map(indlæs, katalog.programfiler()) if d.type == "uddannelsesprogram" and d.programdele]
    assert len(brugere) >= 2
    dele = {d.fil.resolve() for b in brugere for d in b.programdele}
    assert len(dele) == 1
    for b in brugere:
        fælles = b.programdele[0].model.sektioner["kurser"].strip()
        assert fælles in b.model.sektioner["kurser"]  # every reader of the programme gets the shared text


def test_render_reads_the_whole_programme_and_a_change_to_the_part_renders_exactly_its_users(tmp_path):
    import shutil

    from uddprog.batch import render_programmer
    for navn in ("målbeskrivelser", "templates", "examples", "programdele"):
        shutil.copytree(ROD / navn, tmp_path / navn)
    ud = tmp_path / "build"
    render = lambda: render_programmer([tmp_path / "examples" / "oest"], ("html",), ud, jobs=1, rod=tmp_path,  # noqa: E731
                                       dato=DATO)
    første = render()
    assert første.ok, [u.fejl for u in første.udfald]
    html = next(f for f in første.filer if "forloeb-31" in f.name).read_text(encoding="utf-8")
    assert "KV-kort" in html  # the shared part's text, in the local programme's document
    anden = render()
    assert all(u.uændret for u in anden.udfald)
    del_ = tmp_path / "programdele" / "oest" / "kbu-oest.yaml"
    del_.write_text(del_.read_text(encoding="utf-8").replace("KV-kort,", "KV-kort (kompetencevurderingskort),"),
                    encoding="utf-8")
    tredje = render()
    gengivet = sorted(u.kilde.name for u in tredje.udfald if not u.uændret)
    assert gengivet == ["kbu-hovedstaden-forloeb-31.yaml", "kbu-sjaelland-forloeb-12.yaml"]
    html = next(f for f in tredje.filer if "forloeb-31" in f.name).read_text(encoding="utf-8")
    assert "kompetencevurderingskort" in html


def test_diff_since_a_revision_reads_the_shared_part_at_that_revision(tmp_path):
    """`uddprog diff --siden` compares the programme as it was, shared text included, with how it is now."""
    import shutil
    for navn in ("målbeskrivelser", "templates", "examples", "programdele"):
        shutil.copytree(ROD / navn, tmp_path / navn)
    git = lambda *a: subprocess.run(["git", *a], cwd=tmp_path, check=True, capture_output=True, text=True)  # noqa: E731
    git("init", "-q")
    git("-c", "user.email=t@t", "-c", "user.name=t", "add", "-A")
    git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "før")
    del_ = tmp_path / "programdele" / "oest" / "kbu-oest.yaml"
    del_.write_text(del_.read_text(encoding="utf-8").replace("fast del af alle vejledersamtaler",
                                                             "fast del af hver vejledersamtale"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROD)}
    p = subprocess.run([sys.executable, "-m", "uddprog", "diff", "--siden", "HEAD",
                        "examples/oest/kbu-sjaelland-forloeb-12.yaml", "--format", "json"],
                       cwd=tmp_path, env=env, capture_output=True, text=True)
    assert p.returncode in (0, 1), p.stderr
    assert "hver vejledersamtale" in p.stdout and "alle vejledersamtaler" in p.stdout


def test_stats_and_validate_of_a_folder_with_a_part(tmp_path):
    from uddprog.stats import beregn

    statistik, fund = beregn([ROD / "examples" / "oest", ROD / "programdele"], Katalog(ROD))
    assert not [f for f in fund if f.severity == "error"]
    kbu = [c for c in statistik.celler if c.fase == "kbu"]
    assert kbu and kbu[0].forløb == 2  # the shared part counts for nothing


def test_schema_has_the_programdel_kind(tmp_path):
    from uddprog.schema import skema

    s = skema("programdel")
    assert "programdel" in s["required"] and "sektioner" in s["properties"]
    p = skema("uddannelsesprogram")["properties"]
    assert "programdele" in p and "status" in p


def test_ny_leaves_the_parts_sections_to_the_part(tmp_path):
    from uddprog.models import Videreuddannelsesregion
    from uddprog.skelet import skelet

    katalog = Katalog(ROD)
    mb = katalog.slå_op("kbu/kbu@2017").model
    del_ = indlæs(ROD / "programdele" / "oest" / "kbu-oest.yaml").model
    tekst = skelet(mb, katalog.skabelon("kbu").model, Videreuddannelsesregion.OEST,
                   [("programdele/oest/kbu-oest.yaml", del_)])
    data = yaml.safe_load(tekst)
    assert data["programdele"] == ["programdele/oest/kbu-oest.yaml"]
    assert not set(data["sektioner"]) & set(del_.sektioner)
    assert "Skrevet i programdelen" in tekst


def test_ny_cli_writes_the_path_from_the_programme(tmp_path):
    import shutil
    for navn in ("målbeskrivelser", "templates", "programdele"):
        shutil.copytree(ROD / navn, tmp_path / navn)
    out = tmp_path / "programmer" / "oest" / "ny.yaml"
    p = subprocess.run([sys.executable, "-m", "uddprog", "ny", "kbu/kbu@2017", "--region", "Øst", "--programdel",
                        "programdele/oest/kbu-oest.yaml", "--out", str(out)], cwd=tmp_path,
                       env={**os.environ, "PYTHONPATH": str(ROD)}, capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["programdele"] == ["../../programdele/oest/kbu-oest.yaml"]
    assert indlæs(out).programdele[0].fil.name == "kbu-oest.yaml"  # it loads: the path resolves from the programme


def test_validate_cli_shows_the_part_file_line(tmp_path, repo):
    _med_del(repo)
    _som_tekst(repo, DEL_TEKST)
    p = subprocess.run([sys.executable, "-m", "uddprog", "validate", "examples", "--dato", DATO.isoformat()],
                       cwd=repo.rod, env={**os.environ, "PYTHONPATH": str(ROD)}, capture_output=True, text=True)
    assert "faelles/neurologi.yaml:7:" in p.stdout and p.stdout.count("P026") == 1, p.stdout


def test_a_date_is_not_needed(repo):
    _med_del(repo)
    assert not [f for f in repo.valider(date(2030, 1, 1)).fund if f.check.startswith(("L", "D"))]
