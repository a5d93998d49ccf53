"""The surgical YAML editor: each edit changes only its own bytes, under both PyYAML loaders."""

from __future__ import annotations

import pytest
import yaml

from uddprog.loading.yamlfil import Loader
from uddprog.yamlredigering import RedigeringsFejl, YamlRedigering

LOADERS = [pytest.param(Loader, id="libyaml"), pytest.param(yaml.SafeLoader, id="pure")]

TEKST = """\
# top æøå
a: 1
liste:   # kommentar
  - {k: "1", m: [x, y]}   # c1
  - {k: '2', m: []}
  - k: 3
    m: [z]
  # slut-kommentar
navn: 'Odense'
blok: |
  linje
"""


@pytest.fixture(params=LOADERS)
def loader(request):
    return request.param


@pytest.mark.parametrize("linjeskift", ["\n", "\r\n"])
def test_edits_keep_every_other_byte(loader, linjeskift):
    tekst = TEKST.replace("\n", linjeskift)
    r = YamlRedigering(tekst, loader)
    r.sæt(("liste", 0, "k"), "10")
    r.slet(("liste", 1))
    r.tilføj(("liste", 0, "m"), ["w"])
    r.indsæt(("liste", 2), [{"k": "4", "m": ["a b", "c,d"]}])
    r.sæt_nøgle(("liste", 2), "n", 5)
    r.sæt_nøgle((), "ny", {"x": "2026-11-23"})
    r.sæt(("navn",), "Vejle's")
    ud = r.anvend().tekst
    forventet = """\
# top æøå
a: 1
liste:   # kommentar
  - {k: "10", m: [x, y, w]}   # c1
  - k: 3
    m: [z]
    n: 5
  - k: "4"
    m: [a b, "c,d"]
  # slut-kommentar
navn: 'Vejle''s'
blok: |
  linje
ny: {x: 2026-11-23}
""".replace("\n", linjeskift)
    assert ud == forventet


def test_flow_sequence_deletes_first_middle_last_and_only(loader):
    tekst = "a: [1, 2, 3]\nb: [x]\n"
    for i, ventet in [(0, "a: [2, 3]\n"), (1, "a: [1, 3]\n"), (2, "a: [1, 2]\n")]:
        r = YamlRedigering(tekst, loader)
        r.slet(("a", i))
        assert r.anvend().tekst == ventet + "b: [x]\n"
    r = YamlRedigering(tekst, loader)
    r.slet(("b", 0))
    assert r.anvend().tekst == "a: [1, 2, 3]\nb: []\n"


def test_insertions_at_one_place_keep_their_order_and_missing_final_newline(loader):
    r = YamlRedigering("l:\n  - a\n  - b", loader)
    r.indsæt(("l", 1), ["c"])
    r.indsæt(("l", 1), ["d"])
    r.indsæt(("l", -1), ["først"])
    assert r.anvend().tekst == "l:\n  - først\n  - a\n  - b\n  - c\n  - d"


def test_quoting_follows_the_original_where_the_value_allows(loader):
    r = YamlRedigering("a: x\nb: 'y'\nc: \"z\"\nd: plain\n", loader)
    r.sæt(("a",), "12")  # a plain 12 would be a number: quoted
    r.sæt(("b",), "ny")
    r.sæt(("c",), "ny")
    r.sæt(("d",), "true")  # a boolean when plain
    assert r.anvend().tekst == "a: \"12\"\nb: 'ny'\nc: \"ny\"\nd: \"true\"\n"


@pytest.mark.parametrize("handling", [
    lambda r: r.slet(("x",)),  # no such path
    lambda r: (r.slet(("liste", 0)), r.sæt(("liste", 0, "k"), "9")),  # overlapping
    lambda r: r.slet(("a", 0)),  # the only item of a block list
])
def test_unsafe_edits_are_refused(loader, handling):
    r = YamlRedigering("a:\n  - 1\nliste:\n  - {k: 1}\n  - {k: 2}\nblok: |\n  tekst\n", loader)
    with pytest.raises(RedigeringsFejl):
        handling(r)
        r.anvend()


def test_a_result_that_does_not_give_the_intended_data_is_refused(loader):
    r = YamlRedigering("a: 1\nb: 2\n", loader)
    r._op(3, 4, "# 1", lambda data: None, None)  # turns the value into a comment: data changes unannounced
    with pytest.raises(RedigeringsFejl, match="forventede data"):
        r.anvend()


def test_verification_compares_types_and_key_order(loader):
    r = YamlRedigering("a: 1\n", loader)
    r._op(3, 4, "true", lambda data: None, None)  # True == 1 in Python, not in YAML data
    with pytest.raises(RedigeringsFejl):
        r.anvend()


UTRYGGE = ["\x80", "\x85", "\x96", "\x9f", "\x7f", "\u2028", "\u2029", "\ufeff", "\ufffe", "\x0c", "\r"]


@pytest.mark.parametrize("tegn", UTRYGGE, ids=lambda t: f"U+{ord(t):04X}")
@pytest.mark.parametrize("stil", ["", "'", '"'])
def test_skalar_escapes_what_yaml_may_not_hold_raw(loader, tegn, stil):
    """C1 controls, DEL, YAML 1.1's extra line breaks and the BOM are escaped whatever style is asked for, and
    the value reads back exactly under both loaders (issue 20, item 6)."""
    from uddprog.yamlredigering import skalar

    værdi = f"før{tegn}efter: x # y"
    tekst = skalar(værdi, stil)
    assert tegn not in tekst
    assert yaml.load(f"a: {tekst}\nb: [{tekst}]\n", Loader=loader) == {"a": værdi, "b": [værdi]}


def test_skalar_replaces_a_lone_surrogate(loader):
    from uddprog.yamlredigering import skalar

    assert yaml.load(f"a: {skalar('x' + chr(0xD800))}", Loader=loader) == {"a": "x\ufffd"}


@pytest.mark.parametrize("tegn", UTRYGGE + ["\n"], ids=lambda t: f"U+{ord(t):04X}")
def test_kommentar_cannot_end_the_comment(loader, tegn):
    from uddprog.yamlredigering import blok, kommentar

    tekst = f"a: 1  # {kommentar(f'før{tegn}illustrativ: true')}\nb: {blok(f'linje{tegn}to', '  ')}\n"
    data = yaml.load(tekst, Loader=loader)
    assert set(data) == {"a", "b"} and data["a"] == 1 and data["b"].rstrip("\n") == f"linje{tegn}to"
    assert "\\u" in kommentar(f"x{tegn}") or kommentar(f"x{tegn}y") == "x y"


AFB = """\
ansvar:
  godkendt_af: UGUP   # kommentar
  liste:
    - {dato: 2026-01-01}
andet: 1
"""


def test_several_new_keys_and_a_new_list_line_at_one_place(loader):
    """`uddprog godkend` adds a line to a list that ends its mapping and new keys after it: before, new keys at
    one place came out in reverse order in the data and the edit was refused."""
    r = YamlRedigering(AFB, loader)
    r.tilføj(("ansvar", "liste"), [{"dato": "2027-01-01"}])
    r.sæt_nøgler(("ansvar",), {"godkendt_af": "DRRLV", "godkendt_dato": "2027-01-01", "næste_revision": "2030-01-01"})
    ny = r.anvend().tekst
    assert ny == """\
ansvar:
  godkendt_af: DRRLV   # kommentar
  liste:
    - {dato: 2026-01-01}
    - {dato: 2027-01-01}
  godkendt_dato: 2027-01-01
  næste_revision: 2030-01-01
andet: 1
"""


def test_a_new_list_key_in_block_style(loader):
    r = YamlRedigering(AFB, loader)
    r.sæt_nøgle(("ansvar",), "godkendelser", [{"dato": "2026-01-01", "af": "A, B"}, {"dato": "2027-01-01"}],
                blok=True)
    assert r.anvend().tekst == AFB.replace("andet: 1\n", """\
  godkendelser:
    - {dato: 2026-01-01, af: "A, B"}
    - {dato: 2027-01-01}
andet: 1
""")
