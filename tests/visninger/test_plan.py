"""The trainee's calendar and uddannelsesplan: dates computed independently from the YAML, the ICS read back
by two calendar parsers, the plan read back by python-docx and opened by LibreOffice."""

from __future__ import annotations

import calendar
import io
import subprocess
from datetime import date, datetime, timedelta, timezone

import docx
import icalendar
import pytest
import vobject
import yaml

from uddprog.visninger.kalender import ics
from uddprog.visninger.tidsplan import Orlov, TidsplanFejl, læs_orlov, tidsplan
from uddprog.visninger.uddannelsesplan import uddannelsesplan_docx

from .conftest import NEUROLOGI_NORD, ROD, kør

START = date(2027, 3, 1)


def _plus_måneder(d: date, n: int) -> date:
    år, m = divmod(d.month - 1 + n, 12)
    y = d.year + år
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _rå() -> dict:
    return yaml.safe_load(NEUROLOGI_NORD.read_text(encoding="utf-8"))


def test_datoer_uden_orlov(neurologi):
    program, mb = neurologi
    rå = _rå()
    hændelser = {b.nøgle: b for b in tidsplan(program, mb, START)}
    måned = 0
    for a in rå["ansættelser"]:
        første = _plus_måneder(START, måned)
        sidste = _plus_måneder(START, måned + a["måneder"]) - timedelta(days=1)
        b = hændelser[f"ansaettelse:{a['id']}"]
        assert (b.start, b.slut) == (første, sidste)
        for i, s in enumerate(a.get("vejledersamtaler", []), start=1):
            assert hændelser[f"samtale:{a['id']}:{i}"].start == første + timedelta(days=s["senest_dag"] - 1)
        måned += a["måneder"]
    f = rå["forskningstræning"]
    assert hændelser["forskning:periode"].start == _plus_måneder(START, f["fra_måned"] - 1)
    # SOL2: may be taken when at most 24 months are left of 48, i.e. from month 25.
    assert hændelser["kursus:sol2"].start == _plus_måneder(START, 24)
    assert hændelser["kursus:sol2"].slut == _plus_måneder(START, 48) - timedelta(days=1)


def test_orlov_forlaenger_det_der_kommer_efter(neurologi):
    program, mb = neurologi
    uden = {b.nøgle: b for b in tidsplan(program, mb, START)}
    orlov = Orlov(date(2028, 1, 1), date(2028, 3, 31))  # 91 days inside the first ansættelse
    med = {b.nøgle: b for b in tidsplan(program, mb, START, [orlov])}
    for nøgle, b in uden.items():
        før = b.start < orlov.fra
        assert med[nøgle].start == (b.start if før else b.start + timedelta(days=91)), nøgle
    assert med["ansaettelse:goedstrup"].slut == uden["ansaettelse:goedstrup"].slut + timedelta(days=91)
    assert med["orlov:1"].start == orlov.fra


@pytest.mark.parametrize("tekst", ["2028-01-01", "2028-13-01:2028-14-01", "2028-03-01:2028-01-01"])
def test_forkert_orlov(tekst):
    with pytest.raises(TidsplanFejl):
        læs_orlov(tekst)


def test_overlappende_orlov(neurologi):
    program, mb = neurologi
    with pytest.raises(TidsplanFejl, match="overlapper"):
        tidsplan(program, mb, START, [Orlov(date(2028, 1, 1), date(2028, 3, 1)), Orlov(date(2028, 2, 1), date(2028, 4, 1))])


def test_ics_laeses_af_to_kalenderbiblioteker(neurologi):
    program, mb = neurologi
    hændelser = tidsplan(program, mb, START, [Orlov(date(2028, 1, 1), date(2028, 3, 31))])
    data = ics(program, hændelser, START, "Anna Testesen")
    assert data == ics(program, hændelser, START, "Anna Testesen")  # deterministic
    assert b"\r\n" in data and all(len(linje) <= 75 for linje in data.split(b"\r\n"))
    kal = icalendar.Calendar.from_ical(data)
    events = kal.walk("VEVENT")
    assert len(events) == len(hændelser)
    assert len({str(e["UID"]) for e in events}) == len(events)
    for e, b in zip(events, hændelser):
        assert e.decoded("DTSTART") == b.start and e.decoded("DTEND") == b.slut + timedelta(days=1)
        assert e.decoded("DTSTAMP") == datetime(2027, 3, 1, tzinfo=timezone.utc)
    rå = _rå()
    samtaler = sum(len(a.get("vejledersamtaler", [])) for a in rå["ansættelser"])
    assert sum(1 for e in events if str(e.get("CATEGORIES").cats[0]) == "Vejledersamtale") == samtaler
    v = vobject.readOne(data.decode("utf-8"))
    assert len(v.vevent_list) == len(hændelser)
    assert {e.uid.value for e in v.vevent_list} == {str(e["UID"]) for e in events}
    assert "Anna Testesen" in str(kal["X-WR-CALNAME"])


def test_uid_foelger_ikke_datoerne(neurologi):
    """A calendar imported again after a change of start or leave updates its events, not doubles them."""
    program, mb = neurologi
    a = icalendar.Calendar.from_ical(ics(program, tidsplan(program, mb, START), START))
    b = icalendar.Calendar.from_ical(ics(program, tidsplan(program, mb, date(2027, 9, 1)), date(2027, 9, 1)))
    assert {str(e["UID"]) for e in a.walk("VEVENT")} == {str(e["UID"]) for e in b.walk("VEVENT")}


def test_uddannelsesplan(neurologi, tmp_path):
    program, mb = neurologi
    hændelser = tidsplan(program, mb, START)
    data = uddannelsesplan_docx(program, mb, hændelser, START, navn="Anna Testesen",
                                vejledere={"goedstrup": "Jens Vejledersen"})
    assert data == uddannelsesplan_docx(program, mb, hændelser, START, navn="Anna Testesen",
                                        vejledere={"goedstrup": "Jens Vejledersen"})
    d = docx.Document(io.BytesIO(data))
    tekst = "\n".join(p.text for p in d.paragraphs)
    assert "Uddannelseslæge: Anna Testesen" in tekst and "Hovedvejleder: Jens Vejledersen" in tekst
    rå = _rå()
    kompetencetabeller = [t for t in d.tables if t.rows[0].cells[0].text == "Kompetence"]
    assert len(kompetencetabeller) == len(rå["ansættelser"])
    for t, a in zip(kompetencetabeller, rå["ansættelser"]):
        planlagt = [p for p in rå["kompetenceplan"] if p["ansættelse"] == a["id"]]
        assert len(t.rows) - 1 == len(planlagt)
    samtaletabeller = [t for t in d.tables if t.rows[0].cells[0].text == "Samtale"]
    assert [len(t.rows) - 1 for t in samtaletabeller] == [len(a["vejledersamtaler"]) for a in rå["ansættelser"]]
    første = samtaletabeller[0].rows[1].cells[1].text
    assert første == "30. marts 2027"  # day 30 of an ansættelse starting 1 March


def test_uddannelsesplan_aabner_i_libreoffice(neurologi, soffice, tmp_path):
    program, mb = neurologi
    (tmp_path / "plan.docx").write_bytes(uddannelsesplan_docx(program, mb, tidsplan(program, mb, START), START))
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profil", "--convert-to", "txt",
                    "--outdir", str(tmp_path), str(tmp_path / "plan.docx")], check=True, capture_output=True,
                   timeout=120)
    tekst = (tmp_path / "plan.txt").read_text(encoding="utf-8-sig")
    assert "Individuel uddannelsesplan" in tekst and "Regionshospitalet Gødstrup" in tekst


def test_cli_plan(tmp_path):
    ud = tmp_path / "plan"
    r = kør("plan", NEUROLOGI_NORD, "--start", "2027-03-01", "--orlov", "2028-01-01:2028-03-31", "--navn", "Anna",
            "--vejleder", "auh=Mette", "--out", ud)
    assert r.exit_code == 0, r.output
    assert icalendar.Calendar.from_ical((ud / "kalender.ics").read_bytes()).walk("VEVENT")
    assert "Hovedvejleder: Mette" in "\n".join(p.text for p in docx.Document(ud / "uddannelsesplan.docx").paragraphs)


@pytest.mark.parametrize("args, tekst", [
    (["--orlov", "2028-01-01"], "FRA:TIL"),
    (["--vejleder", "ukendt=X"], "goedstrup, auh"),
    (["--format", "pdf"], "ics, docx"),
])
def test_cli_plan_forkert_input(tmp_path, args, tekst):
    r = kør("plan", NEUROLOGI_NORD, "--start", "2027-03-01", "--out", tmp_path / "x", *args)
    assert r.exit_code == 2 and tekst in r.output, r.output
    assert not (tmp_path / "x").exists()


def test_cli_plan_med_navn_skrives_ikke_i_projektmappen():
    ud = ROD / "build" / "test-plan-med-navn"
    r = kør("plan", NEUROLOGI_NORD, "--start", "2027-03-01", "--navn", "Anna", "--out", ud)
    assert r.exit_code == 2 and "projektmappen" in r.output
    r = kør("plan", NEUROLOGI_NORD, "--start", "2027-03-01", "--vejleder", "auh=Mette", "--out", ud)
    assert r.exit_code == 2 and "projektmappen" in r.output
    assert not ud.exists()
