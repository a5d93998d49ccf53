"""The head-only reader gives exactly what the full loader gives, and falls back whenever it must."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
import yaml

from uddprog.forloeb import ProgramUdsnit, læs_fil
from uddprog.loading import LoadError, indlæs, indlæs_udsnit

ROD = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROD / "benchmarks"))

import corpus  # noqa: E402


def _samme(fil: Path, tekst: str | None = None) -> None:
    u = indlæs_udsnit(fil, ProgramUdsnit, tekst=tekst)
    d = indlæs(fil, tekst=tekst)
    for felt in ProgramUdsnit.model_fields:
        assert getattr(u.model, felt) == getattr(d.model, felt), (fil, felt)
    for sti, pos in u.positions.værdier.items():
        assert d.positions.værdier[sti] == pos, (fil, sti)
    for sti, pos in u.positions.nøgler.items():
        assert d.positions.nøgler[sti] == pos, (fil, sti)


def test_shipped_programmes_read_the_same(tmp_path):
    filer = sorted((ROD / "examples").rglob("*.yaml"))
    assert len(filer) >= 7
    for fil in filer:
        _samme(fil)


@pytest.fixture(scope="module")
def korpus(tmp_path_factory):
    return corpus.generer(tmp_path_factory.mktemp("k") / "k", 40, seed=11)


def test_generated_programmes_read_the_same(korpus):
    for fil in korpus.programmer:
        _samme(fil)


@pytest.mark.parametrize("ændring", [
    "anchors",             # an anchor and alias inside ansættelser
    "flow-column-0",       # a flow list continued at column 0 (libyaml accepts it)
    "ansættelser-last",    # the wanted key after kompetenceplan and the text sections
    "long-excerpt",        # an ansættelse description longer than the excerpt
    "number-key",          # a non-text key inside a wanted mapping
])
def test_unusual_files_fall_back_and_still_agree(tmp_path, ændring):
    fil = ROD / "examples/nord/neurologi-hoveduddannelse-holstebro-aarhus-forloeb-1.yaml"
    data = yaml.safe_load(fil.read_text(encoding="utf-8"))
    ans = data.pop("ansættelser")
    if ændring == "anchors":
        tekst = yaml.safe_dump(dict(data, ansættelser=ans), allow_unicode=True, sort_keys=False)
        tekst = tekst.replace("driftsregion: Midtjylland", "driftsregion: &r Midtjylland", 1)
        tekst = tekst.replace("driftsregion: Midtjylland", "driftsregion: *r", 1)
    elif ændring == "flow-column-0":
        hoved = {k: data.pop(k) for k in list(data)[:4]}
        tekst = (yaml.safe_dump(hoved, allow_unicode=True, sort_keys=False) + "ansættelser: ["
                 + ",\n".join(yaml.safe_dump(a, allow_unicode=True, default_flow_style=True, width=10**6).strip()
                              for a in ans) + "]\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    elif ændring == "ansættelser-last":
        tekst = yaml.safe_dump(dict(data, ansættelser=ans), allow_unicode=True, sort_keys=False)
    elif ændring == "long-excerpt":
        ans[0]["beskrivelse"] = "Lang tekst om afdelingen. " * 800
        tekst = yaml.safe_dump({**{k: data[k] for k in list(data)[:5]}, "ansættelser": ans,
                                **{k: data[k] for k in list(data)[5:]}}, allow_unicode=True, sort_keys=False)
    else:
        tekst = yaml.safe_dump(dict(data, ansættelser=ans), allow_unicode=True, sort_keys=False)
        tekst = tekst.replace("  universitetshospital: false", "  universitetshospital: false\n  12: x", 1)
    ud = tmp_path / "p.yaml"
    ud.write_text(tekst, encoding="utf-8")
    if ændring == "number-key":
        with pytest.raises(LoadError) as fejl_u:
            indlæs_udsnit(ud, ProgramUdsnit)
        with pytest.raises(LoadError) as fejl_d:
            indlæs(ud)
        assert [f.sted for f in fejl_u.value.fund] == [f.sted for f in fejl_d.value.fund if f.check == "S002"][:1]
        return
    _samme(ud)


def test_an_error_in_ansættelser_has_the_full_loaders_position(tmp_path):
    fil = ROD / "examples/oest/anaestesiologi-hoveduddannelse-forloeb-4.yaml"
    tekst = fil.read_text(encoding="utf-8").replace("driftsregion: Hovedstaden", "driftsregion: Hovedstad", 1)
    ud = tmp_path / "p.yaml"
    ud.write_text(tekst, encoding="utf-8")
    with pytest.raises(LoadError) as u:
        indlæs_udsnit(ud, ProgramUdsnit)
    with pytest.raises(LoadError) as d:
        indlæs(ud)
    assert [(f.check, f.sted, f.besked) for f in u.value.fund] == [(f.check, f.sted, f.besked) for f in d.value.fund]
    assert "Mente du 'Hovedstaden'?" in u.value.fund[0].besked


def test_errors_outside_the_counted_keys_are_not_seen(tmp_path):
    """Documented: stats reads what it counts; the rest is validate's job."""
    fil = ROD / "examples/nord/kbu-aalborg-forloeb-3.yaml"
    ud = tmp_path / "p.yaml"
    ud.write_text(fil.read_text(encoding="utf-8").replace("kompetenceplan:", "kompetenceplan:\n  - {x: 1}", 1),
                  encoding="utf-8")
    with pytest.raises(LoadError):
        indlæs(ud)
    art, forløb = læs_fil(ud)
    assert art == "program" and forløb.navn.startswith("KBU Aalborg")


def test_a_syntax_error_in_the_head_is_an_l002_with_position(tmp_path):
    ud = tmp_path / "p.yaml"
    ud.write_text("titel: [x\nforløb: y\nansættelser: []\n", encoding="utf-8")
    art, fund = læs_fil(ud)
    assert art == "fund" and fund[0].check == "L002" and fund[0].sted.linje >= 1


def test_random_cut_points_never_disagree(korpus):
    """Truncating a programme anywhere either reads the same as the full loader or fails in both."""
    rng = random.Random(5)
    fil = korpus.programmer[0]
    tekst = fil.read_text(encoding="utf-8")
    for _ in range(25):
        del_ = tekst[:rng.randrange(len(tekst) // 4, len(tekst))]
        try:
            d = indlæs(fil, tekst=del_)
        except LoadError:
            d = None
        try:
            u = indlæs_udsnit(fil, ProgramUdsnit, tekst=del_)
        except LoadError:
            u = None
        if d is not None:
            assert u is not None and u.model.ansættelser == d.model.ansættelser


def test_damaged_files_never_raise(tmp_path):
    """Random byte damage, truncation and odd YAML: a finding or a forløb, never an exception."""
    rng = random.Random(14)
    kilde = (ROD / "examples/oest/anaestesiologi-hoveduddannelse-forloeb-4.yaml").read_bytes()
    stykker = [b"&a ", b"*a", b"!!python/object:os.system ", b"<<: ", b"\t", b"\x00", b"\xff", b"{", b"[", b"? ", b"- "]
    ud = tmp_path / "p.yaml"
    for i in range(150):
        data = bytearray(kilde[:rng.randrange(len(kilde) // 3)] if i % 3 == 0 else kilde)
        for _ in range(rng.randint(1, 4)):
            pos = rng.randrange(len(data))
            data[pos:pos + rng.randint(0, 3)] = rng.choice(stykker)
        ud.write_bytes(bytes(data))
        art, værdi = læs_fil(ud)
        assert art in ("program", "fund", "rekrutteringsrunde", "aftale", "målbeskrivelse", "skabelon", "andet")
        if art == "fund":
            assert værdi and all(f.besked and f.sted for f in værdi)
