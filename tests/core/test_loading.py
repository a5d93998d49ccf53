"""Reading YAML: positions of nested nodes, Danish errors for every way a file can be unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest

from uddprog.loading import LoadError, indlæs, læs_yaml

PROGRAM_TEKST = """\
titel: Test
skabelon: hoveduddannelse
målbeskrivelse:
  speciale: Neurologi
  fase: hoveduddannelse
  version: "2015"
videreuddannelsesregion: Nord
forløb: Et forløb
ansvar: {}
ansættelser:
  - id: a
    sted: Et sted
    afdeling: En afdeling
    driftsregion: Midtjylland
    universitetshospital: false
    måneder: 48
    beskrivelse: Tekst
kompetenceplan:
  - kompetence: "1"
    ansættelse: a
    fra_måned: 1
    til_måned: 12
    læringsmetoder: [klinisk-arbejde, selvstudium]
    vurderingsmetoder:
      - mini-cex
      - struktureret-observaton
"""


def _fejl(tmp_path: Path, tekst: str | bytes, navn: str = "f.yaml"):
    fil = tmp_path / navn
    if isinstance(tekst, bytes):
        fil.write_bytes(tekst)
    else:
        fil.write_text(tekst, encoding="utf-8")
    with pytest.raises(LoadError) as e:
        indlæs(fil)
    return e.value.fund


def test_positions_of_nested_nodes(tmp_path):
    fil = tmp_path / "p.yaml"
    fil.write_text(PROGRAM_TEKST.replace("observaton", "observation"), encoding="utf-8")
    dok = indlæs(fil)
    assert (dok.sted("kompetenceplan", 0, "vurderingsmetoder", 1).linje,
            dok.sted("kompetenceplan", 0, "vurderingsmetoder", 1).kolonne) == (26, 9)
    assert str(dok.sted("kompetenceplan", 0, "læringsmetoder", 1)) == f"{fil}:23:39"
    assert dok.sted("ansættelser", 0, "måneder").linje == 16
    assert dok.sted("ansættelser", 0, "måneder", nøgle=True).kolonne == 5
    # a path that does not exist falls back to the nearest ancestor that does
    assert dok.sted("ansættelser", 0, "findes-ikke").linje == 11


def test_schema_error_points_at_the_nested_node_with_did_you_mean(tmp_path):
    (fund,) = _fejl(tmp_path, PROGRAM_TEKST)
    assert fund.check == "S004"
    assert (fund.sted.linje, fund.sted.kolonne) == (26, 9)
    assert "Mente du 'struktureret-observation'?" in fund.besked
    assert "kompetenceplan[nr. 1].vurderingsmetoder[nr. 2]" in fund.besked  # the entries the author counts


def test_unknown_key_points_at_the_key(tmp_path):
    fund = _fejl(tmp_path, PROGRAM_TEKST.replace("    afdeling:", "    afdelingen:"))
    assert {f.check for f in fund} == {"S001", "S002", "S004"}  # the key is also missing under its right name
    (fund,) = [f for f in fund if f.check == "S002"]
    assert fund.check == "S002" and (fund.sted.linje, fund.sted.kolonne) == (13, 5)
    assert "Mente du 'afdeling'?" in fund.besked


def test_missing_key_points_at_its_parent(tmp_path):
    fund = _fejl(tmp_path, PROGRAM_TEKST.replace("    sted: Et sted\n", "").replace("observaton", "observation"))
    assert [(f.check, f.sted.linje) for f in fund] == [("S001", 11)]
    assert "'sted' mangler i ansættelser[nr. 1]" in fund[0].besked  # counted as the author sees the list


def test_wrong_type_and_bad_date(tmp_path):
    tekst = PROGRAM_TEKST.replace("måneder: 48", "måneder: fire").replace("ansvar: {}", "ansvar: {godkendt_dato: 2025-02-30}")
    fund = {f.check + ":" + str(f.sted.linje): f.besked for f in _fejl(tmp_path, tekst)}
    assert "S003:9" in fund and "ÅÅÅÅ-MM-DD" in fund["S003:9"]
    assert "S003:16" in fund and "helt tal" in fund["S003:16"]


def test_yes_no_are_text_not_booleans(tmp_path):
    fil = tmp_path / "x.yaml"
    fil.write_text("a: no\nb: true\nc: 2015-09-01\nd: 0x10\n", encoding="utf-8")
    data, _ = læs_yaml(fil)
    assert data == {"a": "no", "b": True, "c": "2015-09-01", "d": 16}


@pytest.mark.parametrize("tekst, check, ord_", [
    ("a: [1, 2\n", "L002", "YAML-syntaksfejl"),
    ("a:\n\tb: 1\n", "L002", "tabulatortegn"),
    ("a: b: c\n", "L002", "kolon"),
    ("a: `x`\n", "L002", "tegnet '`'"),
    ('a: "abc\n', "L002", "anførselstegn"),
    ("", "L002", "tom"),
    ("a: 1\n---\nb: 2\n", "L002", "flere YAML-dokumenter"),
    ("a: !!python/object/apply:os.system ['echo hej']\n", "L003", "python"),
    ("a: !!binary aGVq\n", "L003", "binary"),
    ("base: &b {x: 1}\nandet:\n  <<: *b\n", "L003", "fletning"),
    ("a: <<\n", "L003", "merge"),
    ("a: [1, =]\n", "L003", "value"),
    ("a: 1\nb: 2\na: 3\n", "L004", "'a' står to gange"),
    ("- bare en liste\n", "L006", "afbildning"),
    ("hej: verden\n", "L006", "hvilken slags"),
])
def test_bad_yaml_is_one_clear_finding(tmp_path, tekst, check, ord_):
    (fund,) = _fejl(tmp_path, tekst)
    assert fund.check == check and ord_ in fund.besked
    assert fund.sted.fil == tmp_path / "f.yaml"


def test_duplicate_key_finding_names_both_lines(tmp_path):
    (fund,) = _fejl(tmp_path, "a: 1\nb: 2\na: 3\n")
    assert (fund.sted.linje, fund.sted.kolonne) == (3, 1) and "linje 1" in fund.besked


def test_alias_bomb_is_stopped(tmp_path):
    lag = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lag.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}"] * 10) + "]")
    (fund,) = _fejl(tmp_path, "\n".join(lag) + "\n")
    assert fund.check == "L005"


def test_deep_nesting_is_stopped(tmp_path):
    (fund,) = _fejl(tmp_path, "a: " + "[" * 200 + "]" * 200 + "\n")
    assert fund.check == "L005"


def test_unreadable_files(tmp_path):
    assert _fejl(tmp_path, b"a: \xe6bler\n")[0].besked.startswith("Filen er ikke gemt som UTF-8")
    (fund,) = _fejl(tmp_path, b"a: 1\nb: \xe6\n")
    assert (fund.check, fund.sted.linje, fund.sted.kolonne) == ("L001", 2, 4)
    assert "binære data" in _fejl(tmp_path, b"PK\x03\x04\x00\x00")[0].besked
    with pytest.raises(LoadError) as e:
        indlæs(tmp_path / "findes-ikke.yaml")
    assert e.value.fund[0].besked == "Filen findes ikke."
    with pytest.raises(LoadError) as e:
        indlæs(tmp_path)
    assert "mappe" in e.value.fund[0].besked


def test_permission_denied(tmp_path, monkeypatch):
    fil = tmp_path / "hemmelig.yaml"
    fil.write_text("a: 1\n")

    def nægt(self, *a, **k):  # CI runs as root, who may read anything: simulate the OS saying no
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", nægt)
    with pytest.raises(LoadError) as e:
        indlæs(fil)
    assert "adgang nægtet" in e.value.fund[0].besked


def test_bom_and_crlf_are_accepted(tmp_path):
    fil = tmp_path / "x.yaml"
    fil.write_bytes(b"\xef\xbb\xbfa: 1\r\nb: \xc3\xa6\r\n")
    data, pos = læs_yaml(fil)
    assert data == {"a": 1, "b": "æ"} and pos.find(("b",)) == (2, 4)


def test_too_large_file(tmp_path, monkeypatch):
    from uddprog.loading import yamlfil

    monkeypatch.setattr(yamlfil, "MAKS_BYTES", 100)
    (fund,) = _fejl(tmp_path, "a: " + "x" * 200 + "\n")
    assert fund.check == "L005"


def test_comma_inside_a_flow_mapping_gets_a_hint(tmp_path):
    tekst = PROGRAM_TEKST.replace("observaton", "observation").replace(
        "    til_måned: 12\n", "    til_måned: 12\n    bemærkning: x\n").replace(
        "    bemærkning: x\n", "") + "  - {kompetence: \"2\", ansættelse: a, fra_måned: 1, til_måned: 2, " \
        "læringsmetoder: [selvstudium], bemærkning: To gange, fx i vagten}\n"
    (fund,) = _fejl(tmp_path, tekst)
    assert fund.check == "S002" and "'fx i vagten'" in fund.besked and "anførselstegn" in fund.besked


def test_l008_a_forced_kind_that_is_another_kind(tmp_path):
    from uddprog.loading import LoadError, indlæs

    fil = tmp_path / "p.yaml"
    fil.write_text("titel: x\nkompetenceplan: []\n", encoding="utf-8")
    with pytest.raises(LoadError) as e:
        indlæs(fil, "målbeskrivelse")
    (fund,) = e.value.fund
    assert fund.check == "L008" and fund.besked == "Filen er et uddannelsesprogram, ikke en målbeskrivelse."


def test_comments_are_found_outside_scalars_only():
    from uddprog.loading import kommentarer

    tekst = ("# øverst\n"
             "a: 1  # gæt: en\n"
             "b: \"tekst # gæt: ikke en kommentar\"\n"
             "c: |\n  blok # gæt: tekst\n  # gæt: også tekst\n"
             "d:\n  # gæt: over et punkt\n  - x # gæt: efter\n"
             "e: x#gæt:ikke\n"
             "f: 'a\n  # gæt: tekst'\n")
    assert [(k.linje, k.kolonne, k.tekst) for k in kommentarer(tekst, "gæt")] == [
        (2, 7, "gæt: en"), (8, 3, "gæt: over et punkt"), (9, 7, "gæt: efter")]
    assert [k.tekst for k in kommentarer(tekst)][0] == "øverst"
    assert kommentarer("a: 'x\n# gæt: y\n", "gæt") == []  # a text that does not scan has no sure comments


# The one-pass reader (libyaml's events straight to data) must give exactly what composing and building
# gives, positions included, or hand the document to the full reader.
def _komponeret(tekst: str):
    import yaml

    from uddprog.loading.yamlfil import Databygger, Loader, Positions

    bygger = Databygger(Path("x.yaml"))
    data = bygger.byg(yaml.compose(tekst, Loader=Loader), (), 0)
    return data, Positions(bygger.værdier, bygger.nøgler)


_REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("fil", sorted(
    f for mappe in ("examples", "målbeskrivelser", "templates", "programdele") for f in (_REPO / mappe).rglob("*.yaml")),
    ids=lambda f: str(f.relative_to(_REPO)))
def test_one_pass_reader_equals_the_composing_reader_on_shipped_files(fil):
    from uddprog.loading.yamlfil import læs_hændelser, læs_tekst

    tekst = læs_tekst(fil)
    hurtigt = læs_hændelser(tekst)
    assert hurtigt is not None, "a plain file must not need the full reader"
    assert hurtigt == _komponeret(tekst)


@pytest.mark.parametrize("tekst", [
    "a: no\nb: true\nc: 2015-09-01\nd: 0x10\ne: ~\nf: ''\ng:\nh: 1.5\ni: 0777\nj: .inf\nk: 1_000\n",
    "- 1\n- [a, {b: c}]\n- {}\n- []\n- |\n  linje 1\n  linje 2\n- >\n  foldet\n  tekst\n",
    "'citeret nøgle': \"dobbelt\"\n? kompleks\n: værdi\nø: æ\n",
    "bare tekst\n",
    "--- \na: 1\n...\n",
    "a: 1  # kommentar\n# linje\nb:\n  - x  # mere\n",
    "a: [1, 1, 1.5, 1.5, true, true, ~, ~, 2026-01-01, 2026-01-01, 0x10, 0x10, '1']\n",  # memoised conversions
])
def test_one_pass_reader_equals_the_composing_reader(tekst):
    from uddprog.loading.yamlfil import læs_hændelser

    assert læs_hændelser(tekst) == _komponeret(tekst)


@pytest.mark.parametrize("tekst", [
    "",                                      # no document: "Filen er tom."
    "a: 1\n---\nb: 2\n",                     # two documents
    "a: &x 1\nb: *x\n",                      # anchor and alias
    "a: !!str 1\n",                          # explicit tag
    "a: 1\nb: 2\na: 3\n",                    # duplicate key: the full reader names both lines
    "1: a\n",                                # a number as key: the full reader converts it
    "base: &b {x: 1}\nandet:\n  <<: *b\n",   # merge key
    "[a, b]: c\n",                           # a list as key
    "a: <<\n",                               # a value with a tag the full reader refuses, with the file's name
    "a: " + "[" * 80 + "]" * 80 + "\n",      # deeper than MAKS_DYBDE
    "a: [1, 2\n",                            # syntax error
])
def test_one_pass_reader_leaves_the_rest_to_the_full_reader(tekst):
    from uddprog.loading.yamlfil import læs_hændelser

    assert læs_hændelser(tekst) is None


def test_too_many_values_are_refused_also_by_the_one_pass_reader(tmp_path, monkeypatch):
    from uddprog.loading import yamlfil

    monkeypatch.setattr(yamlfil, "MAKS_NODER", 10)
    fil = tmp_path / "f.yaml"
    fil.write_text("a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n", encoding="utf-8")
    with pytest.raises(LoadError) as e:
        læs_yaml(fil)
    assert [f.check for f in e.value.fund] == ["L005"]
    fil.write_text("a: [1, 2, 3, 4, 5, 6, 7]\n", encoding="utf-8")
    assert læs_yaml(fil)[0] == {"a": [1, 2, 3, 4, 5, 6, 7]}


@pytest.mark.parametrize("dybde", [63, 64, 65])
def test_nesting_at_the_limit_reads_as_the_full_reader_reads_it(tmp_path, dybde):
    fil = tmp_path / "f.yaml"
    fil.write_text("a: " + "[" * dybde + "x" + "]" * dybde + "\n", encoding="utf-8")
    if dybde < 64:  # the innermost value is at depth 64, MAKS_DYBDE: still read
        assert læs_yaml(fil) == _komponeret(fil.read_text(encoding="utf-8"))
    else:
        with pytest.raises(LoadError) as e:
            læs_yaml(fil)
        assert [f.check for f in e.value.fund] == ["L005"]
