"""`uddprog migrate`: every change kind, byte-exact preservation, idempotence, --vis and refusals."""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from tests.conftest import kør_proces
from uddprog.catalog import Katalog
from uddprog.checks import valider
from uddprog.loading import indlæs
from uddprog.loading.yamlfil import Loader
from uddprog.migrate import FEJL, INTET, MIGRERET, MigreringsFejl, migrér, skriv

from .conftest import PROGRAM, skriv_repo

DATO = date(2026, 11, 23)
REPO = Path(__file__).resolve().parents[2]


def _migrér(fil: Path, **kw):
    return migrér(fil, Katalog(fil.parents[2]), dato=DATO, **kw)


def _bevaret(før: str, efter: str, grundlinjer: set[int]) -> bool:
    """Every old line outside ``grundlinjer`` is in the new text, byte for byte and in order."""
    nye = iter(efter.lstrip("\ufeff").splitlines(True))
    for nr, linje in enumerate(før.lstrip("\ufeff").splitlines(True), start=1):
        if nr in grundlinjer:
            continue
        if not any(linje == ny for ny in nye):
            return False
    return True


def _grundlinjer(tekst: str, m) -> set[int]:
    """The old lines of every node a change says it edits (its whole span): the only lines allowed to differ."""
    rod = yaml.compose(tekst.lstrip("\ufeff"), Loader=Loader)
    noder = {}

    def gå(node, sti):
        noder[sti] = node
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                gå(v, sti + (k.value,))
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                gå(v, sti + (i,))
    gå(rod, ())
    linjer = set()
    for p in m.rettelser:
        node = noder[tuple(p.mærke.sti)]
        slut = node.end_mark.line + (0 if node.end_mark.column == 0 else 1)
        linjer.update(range(node.start_mark.line + 1, max(slut, node.start_mark.line + 1) + 1))
    return linjer


def test_every_change_kind(migreringsprogram):
    m = _migrér(migreringsprogram)
    assert m.status == MIGRERET and m.exitkode == 1
    data = yaml.safe_load(m.ny_tekst)
    assert data["målbeskrivelse"]["version"] == "2015"
    assert [str(e["kompetence"]) for e in data["kompetenceplan"]] == ["1", "2", "3", "5", "7", "6", "6", "10", "11"]
    plan = data["kompetenceplan"]
    assert plan[0]["vurderingsmetoder"] == ["struktureret-observation", "mini-cex", "case-baseret-diskussion"]  # D007
    assert plan[1]["antal_vurderinger"] == 3  # D013
    assert plan[4]["vurderingsmetoder"] == ["struktureret-observation"]  # the split's new entry: its own methods
    assert plan[4]["fra_måned"] == plan[3]["fra_måned"] and plan[4]["ansættelse"] == plan[3]["ansættelse"]
    assert "UDFYLD" in plan[8]["bemærkning"]  # D002: the author's decision
    assert [k["kursus"] for k in data["kurser"]] == ["SOL1", "SOL2", "HU-ny", "HU-fri"]
    assert data["kurser"][2]["måned"] == 6 and "UDFYLD" in data["kurser"][3]["bemærkning"]
    assert data["fokuserede_ophold"][0]["kompetencer"] == ["5", "7", "10", "6"]
    assert data["ansvar"]["revision"] == {"fra_version": "2011", "til_version": "2015", "dato": DATO,
                                          "status": "afventer-godkendelse"}
    assert {p.mærke.id for p in m.beslutninger} == {"D002", "D008", "D021", "D023", "D032"}
    assert {p.mærke.id for p in m.rettelser} >= {"D001", "D003", "D004", "D005", "D007", "D013", "D021", "D022",
                                                 "D040"}
    # every reported line points at what it names in the new file
    nye = m.ny_tekst.splitlines()
    for p in m.rettelser + m.beslutninger:
        assert 1 <= p.linje <= len(nye)
    (d040,) = [p for p in m.rettelser if p.mærke.id == "D040"]
    assert "version: '2015'" in nye[d040.linje - 1]
    for p in m.beslutninger:
        if p.mærke.id == "D002":
            assert "UDFYLD" in nye[p.linje - 1] and '"11"' in nye[p.linje - 1]


def test_after_migration_validate_reports_only_the_decisions_left(migreringsprogram):
    m = _migrér(migreringsprogram)
    skriv(m)
    fund = valider([migreringsprogram], Katalog(migreringsprogram.parents[2]), DATO).fund
    beslutningslinjer = {p.linje for p in m.beslutninger}
    for f in fund:
        assert f.check == "P060" or f.sted.linje in beslutningslinjer, str(f)
    assert {f.check for f in fund} == {"P060", "P009", "P019", "P020", "P026"}


def test_a_method_the_new_version_no_longer_lists_is_a_decision_to_remove_or_replace(migreringsprogram):
    # validate reports the method as not allowed (P009, an error), so the decision cannot be "keep it"
    m = _migrér(migreringsprogram)
    (d008,) = [p for p in m.beslutninger if p.mærke.id == "D008"]
    assert "behold" not in d008.mærke.tekst
    assert "fjern" in d008.mærke.tekst and "erstat" in d008.mærke.tekst and "P009" in d008.mærke.tekst
    skriv(m)
    fund = valider([migreringsprogram], Katalog(migreringsprogram.parents[2]), DATO).fund
    assert any(f.check == "P009" and f.sted.linje == d008.linje for f in fund)


def test_unchanged_lines_are_byte_identical(migreringsprogram):
    m = _migrér(migreringsprogram)
    assert _bevaret(m.gammel_tekst, m.ny_tekst, _grundlinjer(m.gammel_tekst, m))


# --- the same programme written differently migrates to the same data, keeping its own bytes --------------

def _crlf(t):
    return t.replace("\n", "\r\n")


def _bom(t):
    return "\ufeff" + t


def _kommentarer(t):
    return "".join(l + "  # kommentar æ\n" if re.match(r"\s*- \{.*\}\s*$", l) else l + "\n"
                   for l in t.split("\n")[:-1])


def _enkelte_citater(t):
    return re.sub(r'kompetence: "(\d+)"', r"kompetence: '\1'", t)


def _uden_citater(t):
    return re.sub(r'kompetence: "(\d+)"', r"kompetence: \1", t)


def _blokform(t):
    """Every one-line flow item of the plan written as a block mapping."""
    ud = []
    for linje in t.split("\n"):
        m = re.match(r"(\s*)- (\{.*\})(\s*#.*)?$", linje)
        if m and "kompetence" in linje:
            item = yaml.safe_load(m[2])
            dele = [f"{k}: {yaml.safe_dump(v, default_flow_style=True, allow_unicode=True).strip().removesuffix('...').strip()}"
                    for k, v in item.items()]
            dele = [d.replace("kompetence: '", 'kompetence: "').replace("'", '"') if d.startswith("kompetence") else d
                    for d in dele]
            ud.append(f"{m[1]}- {dele[0]}")
            ud += [f"{m[1]}  {d}" for d in dele[1:]]
        else:
            ud.append(linje)
    return "\n".join(ud)


VARIANTER = {"crlf": _crlf, "bom": _bom, "kommentarer": _kommentarer, "enkelte-citater": _enkelte_citater,
             "uden-citater": _uden_citater, "blokform": _blokform,
             "alt": lambda t: _crlf(_kommentarer(_blokform(t)))}


@pytest.mark.parametrize("variant", sorted(VARIANTER))
def test_variants_migrate_to_the_same_data_and_keep_their_bytes(tmp_path, variant):
    grund = _migrér(skriv_repo(tmp_path / "grund"))
    tekst = VARIANTER[variant](PROGRAM)
    fil = skriv_repo(tmp_path / variant, tekst)
    m = _migrér(fil)
    assert m.status == MIGRERET, m.besked
    assert m.gammel_tekst == tekst
    normal = lambda t: {**yaml.safe_load(t.lstrip("\ufeff")), "kompetenceplan": [
        {**e, "kompetence": str(e["kompetence"])} for e in yaml.safe_load(t.lstrip("\ufeff"))["kompetenceplan"]]}
    assert normal(m.ny_tekst) == normal(grund.ny_tekst)
    assert _bevaret(tekst, m.ny_tekst, _grundlinjer(tekst, m))
    if variant in ("crlf", "alt"):
        assert "\n" not in m.ny_tekst.replace("\r\n", "")
    if variant == "bom":
        assert m.ny_tekst.startswith("\ufeff")


def test_both_loaders_give_the_same_text(migreringsprogram):
    assert _migrér(migreringsprogram).ny_tekst == _migrér(migreringsprogram, loader=yaml.SafeLoader).ny_tekst


# --- shipped and generated programmes -----------------------------------------------------------------------

def test_the_shipped_stale_programme_migrates_and_then_validates_with_only_decisions(checkout_kopi):
    fil = checkout_kopi / "examples/syd/neurologi-hoveduddannelse-odense-forloeb-2.yaml"
    før = {(f.check, f.besked) for f in valider([fil], Katalog(checkout_kopi), DATO).fund}
    m = _migrér(fil)
    assert m.status == MIGRERET and m.exitkode == 1
    assert _bevaret(m.gammel_tekst, m.ny_tekst, _grundlinjer(m.gammel_tekst, m))
    skriv(m)
    beslutninger = {p.linje for p in m.beslutninger}
    for f in valider([fil], Katalog(checkout_kopi), DATO).fund:
        assert f.check in ("P060",) or f.sted.linje in beslutninger or (f.check, f.besked) in før, str(f)
    assert _migrér(fil).status == INTET  # a second run has nothing to do


@pytest.mark.parametrize("fil", sorted(p.relative_to(REPO).as_posix() for p in (REPO / "examples").rglob("*.yaml")))
def test_every_shipped_programme_on_the_newest_version_is_left_alone(checkout_kopi, fil):
    m = _migrér(checkout_kopi / fil)
    assert m.status in (INTET, MIGRERET)
    if m.status == INTET:
        assert m.exitkode == 0 and m.ny_tekst is None


def test_a_generated_skeleton_on_the_old_version_migrates(checkout_kopi):
    from uddprog.models import Videreuddannelsesregion
    from uddprog.skelet import skelet

    k = Katalog(checkout_kopi)
    tekst = skelet(k.slå_op("neurologi/hoveduddannelse@2011").model, k.skabelon("hoveduddannelse").model,
                   Videreuddannelsesregion.SYD)
    fil = checkout_kopi / "examples/syd/skelet.yaml"
    fil.write_text(tekst, encoding="utf-8")
    m = _migrér(fil)
    assert m.status == MIGRERET
    assert _bevaret(tekst, m.ny_tekst, _grundlinjer(tekst, m))
    assert indlæs(fil, tekst=m.ny_tekst).model.målbeskrivelse.version == "2015"


# --- refusals, idempotence, --vis -----------------------------------------------------------------------------

def test_load_errors_target_missing_or_older_are_refused(migreringsprogram):
    assert _migrér(migreringsprogram, til="2099").status == FEJL
    k = Katalog(migreringsprogram.parents[2])
    ny = _migrér(migreringsprogram)
    skriv(ny)
    ældre = migrér(migreringsprogram, k, til="2011", dato=DATO)
    assert ældre.status == FEJL and "ældre" in ældre.besked
    migreringsprogram.write_text(PROGRAM.replace("titel:", "titel: [", 1), encoding="utf-8")
    m = _migrér(migreringsprogram)
    assert m.status == FEJL and m.exitkode == 2 and m.fund


def test_a_file_changed_on_disk_since_it_was_read_is_not_overwritten(migreringsprogram):
    m = _migrér(migreringsprogram)
    migreringsprogram.write_text(PROGRAM + "# ændret af en anden\n", encoding="utf-8")
    with pytest.raises(MigreringsFejl, match="ændret på disken"):
        skriv(m)
    assert migreringsprogram.read_text(encoding="utf-8").endswith("# ændret af en anden\n")
    assert not [p for p in migreringsprogram.parent.iterdir() if p.name.endswith(".tmp")]


def _cli(*args, cwd):
    return kør_proces("migrate", *args, cwd=cwd)


def test_cli_vis_writes_nothing_then_migrate_then_nothing_to_do(migreringsprogram):
    rod = migreringsprogram.parents[2]
    før = migreringsprogram.read_bytes()
    p = _cli("examples/nord/program.yaml", "--vis", "--dato", "2026-11-23", cwd=rod)
    assert p.returncode == 1, p.stderr
    assert "+  revision: {fra_version" in p.stdout and "-målbeskrivelse:" in p.stdout
    assert migreringsprogram.read_bytes() == før
    p = _cli("examples", "--dato", "2026-11-23", cwd=rod)
    assert p.returncode == 1 and "Til forfatteren" in p.stdout
    assert "examples/nord/program.yaml:4: D040" in p.stdout
    efter = migreringsprogram.read_bytes()
    assert efter != før
    p = _cli("examples/nord/program.yaml", "--dato", "2026-11-23", cwd=rod)
    assert p.returncode == 0 and "intet at gøre" in p.stdout
    assert migreringsprogram.read_bytes() == efter


def test_cli_bad_input_exits_2_without_traceback(migreringsprogram):
    rod = migreringsprogram.parents[2]
    for args in (["findes-ikke.yaml"], ["examples/nord/program.yaml", "--til", "1999"],
                 ["examples/nord/program.yaml", "--dato", "i-morgen"]):
        p = _cli(*args, cwd=rod)
        assert p.returncode == 2 and "Traceback" not in p.stderr, (args, p.stderr)


# --- several versions, generated corpora ----------------------------------------------------------------------

def test_migration_through_an_intermediate_version(tmp_path):
    from .conftest import _k, mb_2011, mb_2015

    fil = skriv_repo(tmp_path)
    mellem = mb_2011() | {"version": "2013", "gyldig_fra": "2013-09-01"}
    mellem["kompetencer"] = [k if k["id"] != "9" else _k("12", "Demens", ["case-baseret-diskussion"], erstatter=["9"])
                             for k in mellem["kompetencer"]]
    slut = mb_2015()
    for k in slut["kompetencer"]:
        if k["id"] == "10":
            k["erstatter"] = ["12"]
    for navn, data in (("hoveduddannelse-2013.yaml", mellem), ("hoveduddannelse-2015.yaml", slut)):
        (tmp_path / "målbeskrivelser/neurologi" / navn).write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    halvvejs = _migrér(fil, til="2013")
    assert halvvejs.status == MIGRERET and yaml.safe_load(halvvejs.ny_tekst)["målbeskrivelse"]["version"] == "2013"
    m = _migrér(fil)
    direkte = _migrér(skriv_repo(tmp_path / "direkte"))
    assert yaml.safe_load(m.ny_tekst) == yaml.safe_load(direkte.ny_tekst)
    assert yaml.safe_load(m.ny_tekst)["ansvar"]["revision"]["fra_version"] == "2011"
    nye = m.ny_tekst.splitlines()
    omnummereret = [p for p in m.rettelser if p.mærke.id == "D003" and p.mærke.sti[0] == "kompetenceplan"]
    assert {p.mærke.tekst for p in omnummereret} == {"Kompetence 9 har nu nummer 12.", "Kompetence 12 har nu nummer 10."}
    for p in omnummereret:  # the first step's line is carried through the second
        assert 'kompetence: "10"' in nye[p.linje - 1]
    (d040,) = [p for p in m.rettelser if p.mærke.id == "D040" and "2013 til 2015" in p.mærke.tekst]
    assert "'2015'" in nye[d040.linje - 1]
    assert _bevaret(PROGRAM, halvvejs.ny_tekst, _grundlinjer(PROGRAM, halvvejs))


@pytest.fixture(scope="module")
def korpus(tmp_path_factory):
    sys.path.insert(0, str(REPO / "benchmarks"))
    import corpus

    # 160 programmes: since the corpus follows i13's rules its random draws differ, and 120 (seed 7) left only
    # four programmes on an older version; 160 gives ten, spread over eight version pairs.
    return corpus.generer(tmp_path_factory.mktemp("korpus") / "k", 160, seed=7)


def test_generated_corpus_programmes_migrate_byte_exactly_and_validate_with_only_decisions(korpus):
    katalog = Katalog(korpus.rod)
    migreret = 0
    for fil in korpus.programmer:
        m = migrér(fil, katalog, dato=DATO)
        assert m.status in (INTET, MIGRERET), (fil, m.besked, m.fund)
        if m.status == INTET:
            continue
        migreret += 1
        assert _bevaret(m.gammel_tekst, m.ny_tekst, _grundlinjer(m.gammel_tekst, m)), fil
        crlf = migrér(_som_crlf(fil), katalog, dato=DATO)
        assert crlf.ny_tekst == m.ny_tekst.replace("\n", "\r\n")
        skriv(m)
        for f in valider([fil], katalog, DATO, jobs=1).fund:
            assert f.check in ("P009", "P026", "P060"), str(f)
    # exactly the programmes the corpus wrote on an older version were migrated, and enough of them to matter
    assert migreret == sum(antal for _, _, antal in korpus.versionspar)
    assert migreret >= 8


def _som_crlf(fil: Path) -> Path:
    ny = fil.with_name(fil.stem + "-crlf.yml.tmp")
    ny.write_bytes(fil.read_bytes().replace(b"\n", b"\r\n"))
    return ny


def test_the_byte_check_can_fail():
    assert _bevaret(PROGRAM, PROGRAM, set())
    assert not _bevaret(PROGRAM, PROGRAM.replace("   # den gamle", "  # den gamle"), set())
    assert not _bevaret(PROGRAM, PROGRAM.replace("\n", "\r\n"), set())


def test_status_and_validate_show_the_revision_until_it_is_approved(migreringsprogram):
    rod = migreringsprogram.parents[2]
    skriv(_migrér(migreringsprogram))
    status = lambda *a: kør_proces("status", "examples", "--dato", "2026-11-23", *a, cwd=rod)  # noqa: E731
    p = status()
    assert "Revision" in p.stdout.splitlines()[0] and "fra 2011 2026-11-23 AFVENTER GODKENDELSE" in p.stdout
    (linje,) = json.loads(status("--format", "json").stdout)["programmer"]
    assert linje["revision"] == {"fra_version": "2011", "dato": "2026-11-23", "status": "afventer-godkendelse"}
    tekst = migreringsprogram.read_text(encoding="utf-8").replace("status: afventer-godkendelse", "status: godkendt")
    tekst = tekst.replace("godkendt_dato: 2025-05-12", "godkendt_dato: 2026-12-10")
    migreringsprogram.write_text(tekst, encoding="utf-8")
    assert not [f for f in valider([migreringsprogram], Katalog(rod), DATO).fund if f.check in ("P060", "P061")]
    assert "fra 2011 2026-11-23 godkendt" in status().stdout


def test_godkend_records_the_approval_only_when_no_errors_are_left(migreringsprogram):
    rod = migreringsprogram.parents[2]
    skriv(_migrér(migreringsprogram))
    godkend = lambda: kør_proces("godkend", "examples/nord/program.yaml", "--dato", "2026-12-10",  # noqa: E731
                                 "--af", "UGUP, Nord", cwd=rod)
    før = migreringsprogram.read_bytes()
    p = godkend()
    assert p.returncode == 2 and "UDFYLD" in p.stderr and migreringsprogram.read_bytes() == før
    # the author decides: every UDFYLD and every finding the migration left is resolved
    data = yaml.safe_load(før.decode())
    tekst = før.decode()
    tekst = re.sub(r'bemærkning: "UDFYLD[^"]*"', 'bemærkning: "Besluttet."', tekst)
    tekst = tekst.replace("vurderingsmetoder: [struktureret-vejledersamtale, refleksiv-rapport]",
                          "vurderingsmetoder: [struktureret-vejledersamtale]")
    migreringsprogram.write_text(tekst, encoding="utf-8")
    p = godkend()
    assert p.returncode == 0, p.stderr
    efter = migreringsprogram.read_text(encoding="utf-8")
    ny = yaml.safe_load(efter)
    assert ny["ansvar"]["revision"]["status"] == "godkendt" and ny["ansvar"]["godkendt_dato"] == date(2026, 12, 10)
    assert ny["ansvar"]["godkendt_af"] == "UGUP, Nord" and ny["ansvar"]["næste_revision"] == date(2029, 12, 10)
    assert {k: v for k, v in ny.items() if k != "ansvar"} == {k: v for k, v in yaml.safe_load(tekst).items()
                                                            if k != "ansvar"}
    assert data["titel"] == ny["titel"]
    ids = {f.check for f in valider([migreringsprogram], Katalog(rod), date(2026, 12, 11)).fund}
    assert not ids & {"P060", "P061", "P023", "P026"}
    assert godkend().returncode == 2  # nothing awaits approval any more
