"""The output folder: unwritable folders, stale outputs, warnings in the summary, concurrent runs (issue 9)."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import kør, kør_proces
from uddprog import skriv as writer
from uddprog.batch import render_programmer
from uddprog.catalog import Katalog
from uddprog.checks import valider
from uddprog.skriv import Skrivefejl, skriv_alle
from uddprog.udmappe import MANIFEST

from .conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.skipif(not EXAMPLES, reason="ingen programmer i examples/")

NORD = "examples/nord/neurologi-hoveduddannelse-holstebro-aarhus-forloeb-1.yaml"
ODENSE = "examples/syd/neurologi-hoveduddannelse-odense-forloeb-2.yaml"  # on a superseded version: warnings


def uddprog(*args, cwd: Path) -> subprocess.CompletedProcess:
    return kør_proces(*args, cwd=cwd, env={"CI": "1"})


def render(rod, out, *args):
    return kør("render", "--rod", rod, "--out", out, "-j", "1", "--dato", "2026-11-23", *args, env={"CI": "1"})


def outputs(out: Path) -> set[str]:
    return {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and p.name != MANIFEST}


# ------------------------------------------------------------------ 1. a folder that cannot be written

@pytest.mark.parametrize("kommando", [
    ["render", "examples/nord", "--out", "{ud}"],
    ["schema", "--out", "{ud}"],
    ["ny", "neurologi/hoveduddannelse@2015", "--region", "nord", "--out", "{ud}/program.yaml"],
])
def test_unwritable_output_folder_is_a_danish_error_exit_2_and_nothing_written(checkout_kopi, kommando):
    (checkout_kopi / "blokeret").write_text("en fil, ikke en mappe")
    ud = checkout_kopi / "blokeret" / "ud"
    r = uddprog(*[a.format(ud=ud) for a in kommando], cwd=checkout_kopi)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "Intern fejl" not in r.stderr and "Errno" not in r.stderr and "Traceback" not in r.stderr
    assert f"Kan ikke skrive i mappen '{ud}" in r.stderr and "ikke en mappe" in r.stderr
    assert (checkout_kopi / "blokeret").read_text() == "en fil, ikke en mappe"


def test_read_only_folder_fails_before_any_programme_is_rendered(checkout_kopi, tmp_path, monkeypatch):
    # As root a chmod does not stop writes, so the OS's answer is simulated where the writer asks.
    def nægt(*a, **kw):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(writer.tempfile, "mkstemp", nægt)
    with pytest.raises(Skrivefejl) as e:
        render_programmer([checkout_kopi / "examples"], ("docx", "html"), tmp_path / "ud", jobs=1, rod=checkout_kopi)
    assert str(e.value) == f"Kan ikke skrive i mappen '{tmp_path / 'ud'}': ingen skriveadgang."
    assert outputs(tmp_path / "ud") == set()


def test_a_set_of_files_is_written_whole_or_not_at_all(tmp_path, monkeypatch):
    (tmp_path / "a.json").write_text("gammel a")
    ægte = os.fdopen
    kald = []

    def fuld(fd, mode="r"):
        kald.append(fd)
        if len(kald) == 2:
            os.close(fd)
            raise OSError(errno.ENOSPC, "No space left on device")
        return ægte(fd, mode)

    monkeypatch.setattr(writer.os, "fdopen", fuld)
    with pytest.raises(Skrivefejl, match="disken er fuld"):
        skriv_alle({tmp_path / "a.json": "ny a", tmp_path / "b.json": "ny b"})
    assert sorted(os.listdir(tmp_path)) == ["a.json"] and (tmp_path / "a.json").read_text() == "gammel a"


# ------------------------------------------------------------------ 3. stale outputs

def test_renamed_forloeb_removes_the_old_outputs_and_says_so(checkout_kopi, tmp_path):
    out = tmp_path / "build"
    assert render(checkout_kopi, out, checkout_kopi / NORD).exit_code == 0
    gamle = outputs(out)
    assert gamle == {"nord/neurologi-hoveduddannelse-holstebro-aarhus-forloeb-1-5.docx",
                     "nord/neurologi-hoveduddannelse-holstebro-aarhus-forloeb-1-5.html"}
    fil = checkout_kopi / NORD
    fil.write_text(fil.read_text(encoding="utf-8").replace("- Holstebro–Aarhus, forløb 1\n",
                                                           "- Holstebro–Aarhus, forløb 7\n"), encoding="utf-8")
    r = render(checkout_kopi, out, fil)
    assert r.exit_code == 0, r.output
    assert outputs(out) == {n.replace("forloeb-1", "forloeb-7") for n in gamle}
    assert "fjernet" in r.output and "holstebro-aarhus-forloeb-1-5.docx (svarer ikke længere til et program)" in r.output
    assert "2 forældede filer fjernet" in r.output


def test_programme_with_errors_or_removed_loses_its_outputs_but_foreign_files_stay(checkout_kopi, tmp_path):
    out = tmp_path / "build"
    assert render(checkout_kopi, out, checkout_kopi / "examples").exit_code == 0
    (out / "nord" / "noter.txt").write_text("mine noter")  # not written by uddprog
    egen = out / "syd" / "neurologi-hoveduddannelse-odense-vejle-forloeb-2.html"
    egen.write_text("<p>redigeret i hånden</p>")  # written by uddprog, changed since: not uddprog's any more
    fejl = checkout_kopi / NORD
    fejl.write_text(fejl.read_text(encoding="utf-8").replace("skabelon: hoveduddannelse", "skabelon: findes-ikke"),
                    encoding="utf-8")
    (checkout_kopi / ODENSE).unlink()
    r = render(checkout_kopi, out, checkout_kopi / "examples")
    assert r.exit_code == 1
    tilbage = outputs(out)
    # (by name: another shipped programme, ortopædisk kirurgi Kolding–Odense, stays)
    assert not any("holstebro-aarhus" in n or "neurologi-hoveduddannelse-odense" in n
                   for n in tilbage - {str(egen.relative_to(out))}), tilbage
    assert "nord/noter.txt" in tilbage and egen.read_text() == "<p>redigeret i hånden</p>"
    assert "3 forældede filer fjernet" in r.output
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert not any("neurologi-hoveduddannelse-odense" in k or "holstebro" in k for k in manifest["arter"]["render"]["poster"])


def test_programmes_not_in_this_run_keep_their_outputs(checkout_kopi, tmp_path):
    out = tmp_path / "build"
    assert render(checkout_kopi, out, checkout_kopi / "examples" / "nord").exit_code == 0
    nord = outputs(out)
    assert render(checkout_kopi, out, checkout_kopi / "examples" / "syd").exit_code == 0
    assert nord < outputs(out)


# ------------------------------------------------------------------ 4. warnings

def test_render_shows_warnings_and_fail_on_warning_fails(checkout_kopi, tmp_path):
    out = tmp_path / "build"
    r = render(checkout_kopi, out, checkout_kopi / ODENSE)
    assert r.exit_code == 0
    assert "(3 advarsler)" in r.output and "advarsel P022" in r.output and ", 3 advarsler." in r.output
    # unchanged since the last run: the warnings are still shown, and still fail the run when asked
    r = render(checkout_kopi, out, checkout_kopi / ODENSE, "--fail-on", "warning")
    assert r.exit_code == 1 and "uændret" in r.output and "advarsel P022" in r.output
    # a programme without warnings passes the same gate
    r = render(checkout_kopi, out, checkout_kopi / NORD, "--fail-on", "warning")
    assert r.exit_code == 0, r.output


def test_warnings_follow_the_date_for_unchanged_programmes(checkout_kopi, tmp_path):
    out = tmp_path / "build"
    fil = checkout_kopi / NORD
    # next revision 2029-05-01 in the example: no P023 on the first date, one on the later date
    base = ["render", "--rod", checkout_kopi, "--out", out, "-j", "1", fil]
    første = kør(*base, "--dato", "2026-11-23", env={"CI": "1"})
    assert "P023" not in første.output
    senere = kør(*base, "--dato", "2031-01-01", env={"CI": "1"})
    assert "uændret" in senere.output and "P023" in senere.output


# ------------------------------------------------------------------ 5. concurrent runs

def test_concurrent_renders_into_one_folder_keep_every_manifest_entry(checkout_kopi, tmp_path):
    out = tmp_path / "build"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CI": "1"}
    procs = [subprocess.Popen([sys.executable, "-m", "uddprog", "render", "--rod", str(checkout_kopi), "--out", str(out),
                               "-j", "1", str(checkout_kopi / "examples" / region)], env=env, cwd=checkout_kopi,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for region in ("nord", "syd", "oest")]
    for p in procs:
        assert p.wait(timeout=120) == 0, p.stderr.read()
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert len(manifest["arter"]["render"]["poster"]) == len(EXAMPLES)
    r = render(checkout_kopi, out, checkout_kopi / "examples")
    assert f"{len(EXAMPLES)} uændrede siden sidst" in r.output


def test_stored_warnings_are_reused_until_a_date_or_a_new_version_changes_them(checkout_kopi, tmp_path, monkeypatch):
    from datetime import date

    from uddprog.render import Renderer

    out = tmp_path / "build"
    dan = lambda dag: render_programmer([checkout_kopi / NORD], ("html",), out, jobs=1, dato=dag,  # noqa: E731
                                        rod=checkout_kopi)
    assert not dan(date(2026, 11, 23)).advarsler

    def må_ikke(self, fil):
        raise AssertionError("validated again although no date-dependent answer changed")

    with monkeypatch.context() as m:
        m.setattr(Renderer, "advarsler", må_ikke)
        r = dan(date(2027, 1, 5))  # before næste_revision (2029-05-01): nothing can have changed
        assert r.udfald[0].uændret and not r.advarsler
    assert [f.check for f in dan(date(2029, 5, 2)).advarsler] == ["P023"]  # past it: validated again
    # a newer version of the målbeskrivelse: the unchanged programme now hears of it
    ny = (checkout_kopi / "målbeskrivelser/neurologi/hoveduddannelse-2015.yaml").read_text(encoding="utf-8")
    (checkout_kopi / "målbeskrivelser/neurologi/hoveduddannelse-2031.yaml").write_text(
        ny.replace('version: "2015"', 'version: "2031"').replace("gyldig_fra: 2015-09-01", "gyldig_fra: 2031-01-01"),
        encoding="utf-8")
    r = dan(date(2029, 5, 2))
    assert r.udfald[0].uændret and {f.check for f in r.advarsler} == {"P021", "P023"}


def test_default_out_is_build_in_the_repository_root_wherever_render_runs(checkout_kopi):
    r = uddprog("render", "nord", cwd=checkout_kopi / "examples")
    assert r.returncode == 0, r.stderr
    assert (checkout_kopi / "build" / "nord").is_dir() and not (checkout_kopi / "examples" / "build").exists()


def test_vis_vindue_of_one_month():
    from uddprog.diff.changes import vis_vindue

    assert vis_vindue((12, 12)) == "måned 12" and vis_vindue((None, 12)) == "måned 1–12"
    assert vis_vindue((24, None)) == "måned 24–fasens slut"


def test_stored_warnings_show_paths_from_the_folder_render_runs_in(checkout_kopi, tmp_path):
    out = tmp_path / "build"
    assert uddprog("render", ODENSE, "--out", out, "--dato", "2026-11-23", cwd=checkout_kopi).returncode == 0
    r = uddprog("render", "neurologi-hoveduddannelse-odense-forloeb-2.yaml", "--out", out, "--dato", "2026-11-23",
                cwd=checkout_kopi / "examples" / "syd")
    assert "uændret" in r.stdout
    assert "\n  neurologi-hoveduddannelse-odense-forloeb-2.yaml:8:12: advarsel P022" in r.stdout, r.stdout


def test_a_changed_config_counts_as_a_changed_input(checkout_kopi, tmp_path):
    out = tmp_path / "build"
    assert render(checkout_kopi, out, checkout_kopi / ODENSE).exit_code == 0
    (checkout_kopi / "uddprog.toml").write_text('[checks]\nP023 = "none"\n', encoding="utf-8")
    r = render(checkout_kopi, out, checkout_kopi / ODENSE)
    assert "dannet" in r.output and "uændret" not in r.output and "P023" not in r.output and "P022" in r.output
    (checkout_kopi / "uddprog.toml").write_text('[checks]\nP022 = "error"\n', encoding="utf-8")
    r = render(checkout_kopi, out, checkout_kopi / ODENSE)  # now an error: not rendered, and its old outputs go
    assert r.exit_code == 1 and "sprunget over" in r.output and outputs(out) == set()


def test_the_manifest_of_the_version_before_kinds_still_removes_its_stale_outputs(checkout_kopi, tmp_path):
    """A build/ folder rendered by the version whose manifest had one list of entries (format 2)."""
    out = tmp_path / "build"
    assert render(checkout_kopi, out, checkout_kopi / NORD).exit_code == 0
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    # That version also kept one list of målbeskrivelse files for the whole folder.
    gammel = {"format": 2, "programmer": manifest["arter"]["render"]["poster"],
              "målbeskrivelser": sorted(str(p) for p in (checkout_kopi / "målbeskrivelser").rglob("*.yaml"))}
    (out / MANIFEST).write_text(json.dumps(gammel), encoding="utf-8")
    r = render(checkout_kopi, out, checkout_kopi / NORD)
    assert "uændret" in r.output  # its cache entries still count
    fil = checkout_kopi / NORD
    fil.write_text(fil.read_text(encoding="utf-8").replace("- Holstebro–Aarhus, forløb 1\n",
                                                           "- Holstebro–Aarhus, forløb 7\n"), encoding="utf-8")
    (out / MANIFEST).write_text(json.dumps(gammel), encoding="utf-8")
    r = render(checkout_kopi, out, fil)
    assert "2 forældede filer fjernet" in r.output
    assert outputs(out) == {"nord/neurologi-hoveduddannelse-holstebro-aarhus-forloeb-7-5.docx",
                            "nord/neurologi-hoveduddannelse-holstebro-aarhus-forloeb-7-5.html"}
    nu = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert nu["format"] == 3 and "målbeskrivelser" not in nu["arter"]["render"]


def test_kinds_share_the_manifest_and_never_remove_a_file_the_other_lists(tmp_path):
    from uddprog.udmappe import Udmappe

    (tmp_path / "fælles.html").write_text("x", encoding="utf-8")
    (tmp_path / "site.html").write_text("yy", encoding="utf-8")
    kilde = tmp_path / "program.yaml"
    kilde.write_text("", encoding="utf-8")
    render_, site = Udmappe(tmp_path, "render"), Udmappe(tmp_path, "site")
    render_.opdatér({str(kilde): {"filer": {"fælles.html": 1}}})
    site.opdatér({"sider": {"filer": {"fælles.html": 1, "site.html": 2}}})
    data = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    data["arter"]["stats"] = {"poster": {"x": {"filer": {"rapport.html": 3}}}}  # a kind of a later version
    (tmp_path / MANIFEST).write_text(json.dumps(data), encoding="utf-8")
    kilde.unlink()  # render's owner is gone: its file is still the site's
    assert Udmappe(tmp_path, "render").opdatér({}) == [] and (tmp_path / "fælles.html").is_file()
    assert Udmappe(tmp_path, "site").opdatér({"sider": None}) == [tmp_path / "fælles.html", tmp_path / "site.html"]
    assert json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))["arter"]["stats"] == data["arter"]["stats"]


# ------------------------------------------------------------------ two programmes, one output name

def test_a_stray_copy_sorting_first_takes_over_nothing(checkout_kopi, tmp_path):
    """Fails on the old batch: the copy in examples/fejl/ (sorting before nord/) was rendered over the real
    programme's files and became their owner in the manifest, and P028 pointed at the real programme."""
    rod = checkout_kopi
    out = tmp_path / "build"
    assert render(rod, out, rod / "examples").exit_code == 0
    før = {n: (out / n).read_bytes() for n in outputs(out)}
    ejere = json.loads((out / MANIFEST).read_text("utf-8"))["arter"]["render"]["poster"]
    (rod / "examples/fejl").mkdir()
    kopi = (rod / NORD).read_text("utf-8").replace("titel: ", "titel: KOPI ", 1)
    (rod / "examples/fejl/kopi.yaml").write_text(kopi, "utf-8")

    for _ in range(2):  # the real programme unchanged since the last run, and then with both new
        r = render(rod, out, rod / "examples")
        assert r.exit_code == 1
        assert r.output.count("samme outputnavn") == 2, r.output  # both reported, each naming the other
        assert f"sprunget over {rod / 'examples/fejl/kopi.yaml'}: samme" in r.output
        assert f"sprunget over {rod / NORD}: samme" in r.output
        assert {n: (out / n).read_bytes() for n in outputs(out)} == før  # written by neither
        poster = json.loads((out / MANIFEST).read_text("utf-8"))["arter"]["render"]["poster"]
        assert not any("kopi.yaml" in k for k in poster)
        assert {k: v["filer"] for k, v in poster.items()} == {k: v["filer"] for k, v in ejere.items()}
        (rod / NORD).write_text((rod / NORD).read_text("utf-8") + "\n", "utf-8")

    fund = [f for f in valider([rod / "examples"], Katalog(rod), date(2026, 11, 23)).fund if f.check == "P028"]
    assert sorted(f.sted.fil.name for f in fund) == ["kopi.yaml", Path(NORD).name]
    (rod / "examples/fejl/kopi.yaml").unlink()
    r = render(rod, out, rod / "examples")
    assert r.exit_code == 0 and "samme outputnavn" not in r.output


def test_a_programme_file_in_the_catalogue_folders_is_no_programme(checkout_kopi, tmp_path):
    """A programme copied under målbeskrivelser/ is L008 in validate (not a second programme with the real
    one's output name, P028) and `render` of the whole repository neither renders it nor records it."""
    rod = checkout_kopi
    (rod / "målbeskrivelser/neurologi/forkert-sted.yaml").write_text((rod / NORD).read_text("utf-8"), "utf-8")
    resultat = valider(None, Katalog(rod), date(2026, 11, 23))
    assert [(f.check, f.sted.fil.name) for f in resultat.fund if f.severity == "error"] == \
        [("L008", "forkert-sted.yaml")], [str(f) for f in resultat.fund]
    out = tmp_path / "build"
    r = render(rod, out, rod)
    assert "samme outputnavn" not in r.output and "forkert-sted" not in r.output, r.output
    poster = json.loads((out / MANIFEST).read_text("utf-8"))["arter"]["render"]["poster"]
    assert not any("forkert-sted" in k for k in poster) and any(k.endswith(Path(NORD).name) for k in poster)
    assert r.exit_code == 0


def test_the_build_folder_moves_with_the_repository(checkout_kopi, tmp_path):
    """Fails on the old manifest: its owners were absolute paths, so after moving the repository (with build/
    inside it) every entry's source seemed gone and all outputs were deleted as stale before rendering again."""
    rod = checkout_kopi
    out = rod / "build"
    assert render(rod, out, rod / "examples").exit_code == 0
    poster = json.loads((out / MANIFEST).read_text("utf-8"))["arter"]["render"]["poster"]
    assert sorted(poster) == sorted(f"../{p.relative_to(rod).as_posix()}" for p in (rod / "examples").rglob("*.yaml"))
    assert not any(os.path.isabs(k) or str(rod) in k for k in poster)
    før = {n: (out / n).stat().st_ino for n in outputs(out)}
    flyttet = tmp_path / "flyttet"
    rod.rename(flyttet)
    r = render(flyttet, flyttet / "build", flyttet / "examples")
    assert r.exit_code == 0 and "fjernet" not in r.output, r.output
    assert {n: (flyttet / "build" / n).stat().st_ino for n in outputs(flyttet / "build")}.keys() == før.keys()


def test_a_manifest_with_absolute_owners_still_reads(checkout_kopi, tmp_path):
    rod = checkout_kopi
    out = tmp_path / "build"
    assert render(rod, out, rod / NORD).exit_code == 0
    data = json.loads((out / MANIFEST).read_text("utf-8"))
    poster = data["arter"]["render"]["poster"]
    data["arter"]["render"]["poster"] = {os.path.normpath(os.path.join(out, k)): v for k, v in poster.items()}
    (out / MANIFEST).write_text(json.dumps(data), "utf-8")
    r = render(rod, out, rod / NORD)
    assert "uændret" in r.output  # the old entry counts
    fil = rod / NORD
    fil.write_text(fil.read_text("utf-8").replace("- Holstebro–Aarhus, forløb 1\n", "- Holstebro–Aarhus, "
                                                  "forløb 9\n"), "utf-8")
    r = render(rod, out, fil)
    assert "2 forældede filer fjernet" in r.output
    assert list(json.loads((out / MANIFEST).read_text("utf-8"))["arter"]["render"]["poster"]) == [
        os.path.relpath(fil, out)]
