"""Which changes hit the fixture programme, where, and the exit code that follows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from uddprog.diff import påvirkning, sammenlign
from uddprog.diff.impact import ALLEREDE_NY, ANDEN_MB, PÅVIRKET
from uddprog.loading import indlæs

from .conftest import GAMMEL, NY, PROGRAM, rapport
from .test_changes import BASE, komp, kursus


def træf_pr_id(r):
    (p,) = r.påvirkede
    return {t.ændring.id: t for t in p.træf}, p


def test_programmes_are_classified():
    status = {p.fil.name: p.status for p in rapport().programmer}
    assert status == {"testologi-goedstrup-odense.yaml": PÅVIRKET, "testologi-forloeb-2-ny.yaml": ALLEREDE_NY,
                      "proevologi-forloeb-3.yaml": ANDEN_MB}


def test_removed_competency_points_at_the_plan_entry_with_place_and_months():
    _, p = træf_pr_id(rapport())
    (t,) = [t for t in p.træf if t.ændring.id == "D001" and t.ændring.gamle == ("3",)]
    linje = next(i for i, l in enumerate(PROGRAM.read_text().splitlines(), 1) if 'kompetence: "3"' in l)
    assert (t.sted.fil, t.sted.linje) == (PROGRAM, linje)
    assert t.handling == "Kompetence 3 er fjernet: slet planlægningen på Gødstrup i måned 13–24."
    assert t.ansættelse == "goedstrup" and t.måneder == (13, 24)


def test_every_hit_is_inside_the_programme_file():
    _, p = træf_pr_id(rapport())
    assert p.træf and all(t.sted.fil == PROGRAM and t.sted.linje > 0 for t in p.træf)


def test_revision_deadline_from_template_and_whether_passed():
    _, før = træf_pr_id(rapport(date(2016, 3, 1)))
    _, efter = træf_pr_id(rapport(date(2016, 3, 2)))
    assert før.revisionsfrist == date(2016, 3, 1)  # gyldig_fra 2015-09-01 + 6 months
    assert før.frist_overskredet is False and efter.frist_overskredet is True


def test_new_method_does_not_hit_entries_that_follow_the_målbeskrivelse():
    # Competency 2's entry lists no methods; competency 1's lists struktureret-observation only.
    gammel, prog = indlæs(GAMMEL), indlæs(PROGRAM)
    ny = komp(komp(BASE, "2", vurderingsmetoder=["case-baseret-diskussion", "osats"]),
              "1", vurderingsmetoder=["struktureret-observation", "mini-cex"])
    (p,) = påvirkning(sammenlign(gammel, ny), [prog])
    assert {(t.ændring.id, t.ændring.gamle) for t in p.træf if t.ændring.id == "D007"} == {("D007", ("1",))}


def test_tightened_window_hits_only_courses_planned_outside_it():
    gammel, prog = indlæs(GAMMEL), indlæs(PROGRAM)  # K2 is planned in month 30
    (inde,) = påvirkning(sammenlign(gammel, kursus(BASE, "K2", senest_måned=30)), [prog])
    (ude,) = påvirkning(sammenlign(gammel, kursus(BASE, "K2", senest_måned=29)), [prog])
    assert not any(t.ændring.id == "D023" for t in inde.træf)
    assert [t.måneder for t in ude.træf if t.ændring.id == "D023"] == [(30, 30)]


def test_exit_code_follows_fail_on():
    r = rapport()
    assert r.exitkode("error") == 1 and r.exitkode("none") == 0
    kun_info = replace(r, programmer=tuple(replace(p, træf=tuple(t for t in p.træf if t.severity == "info"))
                                           for p in r.programmer))
    assert kun_info.exitkode("error") == 0 and kun_info.exitkode("warning") == 0 and kun_info.exitkode("info") == 1


def test_no_programme_on_old_version_exits_0_even_with_errors():
    r = rapport()
    uden = replace(r, programmer=tuple(p for p in r.programmer if p.status != PÅVIRKET))
    assert r.sæt.højeste() == "error" and uden.exitkode("error") == 0


def test_a_large_batch_gives_one_result_per_programme():
    # Speed is measured by benchmarks/national.py, not here; this checks the batch path is correct.
    sæt = sammenlign(indlæs(GAMMEL), indlæs(NY))
    prog = indlæs(PROGRAM)
    ud = påvirkning(sæt, [prog] * 300)
    assert len(ud) == 300 and all(p.træf == ud[0].træf and p.træf for p in ud)


def test_removed_competency_also_hits_a_focused_stay_naming_it(tmp_path):
    tekst = PROGRAM.read_text(encoding="utf-8") + (
        "fokuserede_ophold:\n"
        "  - {sted: Klinisk Fysiologi, ansættelse: goedstrup, fra_måned: 14, til_måned: 14, varighed: 1 uge,\n"
        "     formål: Træning., kompetencer: [\"3\"]}\n"
    )
    fil = tmp_path / "med-ophold.yaml"
    fil.write_text(tekst, encoding="utf-8")
    (p,) = påvirkning(sammenlign(indlæs(GAMMEL), indlæs(NY)), [indlæs(fil)])
    (t,) = [t for t in p.træf if t.ændring.id == "D001" and "fokuserede ophold" in t.handling]
    assert t.handling == "Kompetence 3 er fjernet: fjern den fra det fokuserede ophold på Klinisk Fysiologi."
    assert t.sted.linje == len(tekst.splitlines()) and t.måneder == (14, 14)
