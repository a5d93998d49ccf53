"""Lineage through 'erstatter': renumbering is not remove+add; split, merge and suggestions."""

from __future__ import annotations

from hypothesis import given, strategies as st

from uddprog.diff import sammenlign, slægt
from uddprog.diff.tekstdiff import ordforskel, som_tekst
from uddprog.loading import indlæs

from .conftest import GAMMEL, NY
from .test_changes import BASE, med, uden

G, N = indlæs(GAMMEL).model, indlæs(NY).model


def arter(gammel, ny) -> dict[tuple, str]:
    return {(gr.gamle, gr.nye): gr.art for gr in slægt(gammel, ny).grupper}


def test_fixture_pair_groups():
    a = arter(G, N)
    assert a[(("4",), ("14",))] == "omnummereret"
    assert a[(("5",), ("15", "16"))] == "delt"
    assert a[(("6", "7"), ("17",))] == "sammenlagt"
    assert a[(("3",), ())] == "fjernet"
    assert a[(("1",), ("1",))] == "bevaret"


def test_renumbering_is_not_remove_plus_add():
    ændringer = sammenlign(G, N).ændringer
    assert not any(æ.id == "D001" and "4" in æ.gamle for æ in ændringer)
    assert not any(æ.id == "D002" and "14" in æ.nye for æ in ændringer)
    assert any(æ.id == "D003" and æ.gamle == ("4",) and æ.nye == ("14",) for æ in ændringer)


def test_explicit_erstatter_beats_same_id():
    # Shift: new 9 replaces old 8 and new 90 replaces old 9; old 9 is not new 9's ancestor.
    ny = med(med(uden(BASE, "8", "9"), "8", "9", erstatter=["8"]), "9", "90", erstatter=["9"])
    a = arter(BASE, ny)
    assert a[(("8",), ("9",))] == "omnummereret"
    assert a[(("9",), ("90",))] == "omnummereret"


def test_split_that_keeps_the_old_id():
    ny = med(BASE, "5", "5b", erstatter=["5"])  # new 5 has no erstatter, so it continues old 5
    assert arter(BASE, ny)[(("5",), ("5", "5b"))] == "delt"


def test_many_to_many_reports_both_split_and_merge():
    ny = med(med(uden(BASE, "6", "7"), "6", "60", erstatter=["6"]), "7", "61", erstatter=["6", "7"])
    ids = {æ.id for æ in sammenlign(BASE, ny).ændringer}
    assert {"D004", "D005"} <= ids and "D001" not in ids


def test_suggestion_only_for_similar_competencies_and_marked_as_such():
    ny = med(uden(BASE, "8"), "8", "80", konkretisering="Kan stille diagnosen multipel sklerose og følge den.")
    s = slægt(BASE, ny)
    assert [(f.gammel, f.ny) for f in s.forslag] == [("8", "80")]
    forslag = [æ for æ in sammenlign(BASE, ny).ændringer if æ.id == "D006"]
    assert forslag and forslag[0].besked.startswith("Forslag:")
    # A suggestion is never lineage: the old competency still counts as removed.
    assert any(æ.id == "D001" and æ.gamle == ("8",) for æ in sammenlign(BASE, ny).ændringer)
    ulig = med(uden(BASE, "8"), "8", "80", titel="Neurorehabilitering", konkretisering="Kan lede genoptræning.")
    assert slægt(BASE, ulig).forslag == ()


def test_suggestions_are_one_to_one():
    ny = med(med(uden(BASE, "8"), "8", "80"), "8", "81")
    assert len(slægt(BASE, ny).forslag) == 1


ord_ = st.lists(st.sampled_from(["Kan", "udrede", "og", "behandle", "æble", "ø", "TCI", "x"]), max_size=12)
mellemrum = st.sampled_from([" ", "  ", "\n", " \n "])


@given(ord_, ord_, mellemrum)
def test_word_diff_reassembles_both_texts(a, b, sep):
    gammel, ny = sep.join(a), " ".join(b)
    stykker = ordforskel(gammel, ny)
    assert "".join(t for op, t in stykker if op != "-") == ny
    assert "".join(t for op, t in stykker if op != "+").split() == gammel.split()


def test_word_diff_text_form():
    assert som_tekst(ordforskel("Kan behandle apopleksi.", "Kan udrede og behandle apopleksi.")) == \
        "Kan {+udrede og+} behandle apopleksi."
