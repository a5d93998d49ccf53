"""The rounding rule: largest remainder, one decimal, shares add to exactly 100.0 %."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings, strategies as st

from uddprog.stats.afrunding import dansk_tal, procenter, største_rest, årsværk


def test_three_equal_parts_give_the_odd_tenth_to_the_first():
    assert procenter({"a": 1, "b": 1, "c": 1}) == {"a": Decimal("33.4"), "b": Decimal("33.3"), "c": Decimal("33.3")}


def test_the_largest_remainder_wins_not_the_first():
    # exact: 16.666…, 33.333…, 49.999…+ → floors 16.6, 33.3, 49.9 (99.8); remainders .066, .033, .099…
    andele = procenter({"a": 1, "b": 2, "c": Fraction(2999, 1000)})
    assert sum(andele.values()) == 100
    assert andele["c"] == Decimal("50.0") and andele["a"] == Decimal("16.7") and andele["b"] == Decimal("33.3")


def test_plain_rounding_would_not_add_up_but_this_does():
    værdier = {"Sjælland": 1, "Hovedstaden": 1, "Syddanmark": 1, "Midtjylland": 3}
    naiv = sum(round(Decimal(v * 100) / 6, 1) for v in værdier.values())
    assert naiv != 100  # 16.7 * 3 + 50.0 = 100.1
    assert sum(procenter(værdier).values()) == 100


def test_zero_total_has_no_shares_and_zeros_stay_zero():
    assert procenter({"a": 0, "b": 0}) == {}
    assert procenter({"a": 0, "b": 5}) == {"a": Decimal("0.0"), "b": Decimal("100.0")}


def test_årsværk_parts_add_to_the_rounded_total():
    parts = årsværk({"x": 16, "y": 16, "z": 16})  # 4.0 årsværk in three equal parts
    assert sum(parts.values()) == Decimal("4.0") and sorted(parts.values()) == [Decimal("1.3"), Decimal("1.3"), Decimal("1.4")]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=12))
def test_shares_always_add_to_100_and_each_is_within_a_tenth(tal):
    værdier = {str(i): v for i, v in enumerate(tal)}
    andele = procenter(værdier)
    if sum(tal) == 0:
        assert andele == {}
        return
    assert sum(andele.values()) == Decimal("100.0")
    for k, v in værdier.items():
        eksakt = Fraction(v * 100, sum(tal))
        assert abs(Fraction(andele[k]) - eksakt) < Fraction(1, 10)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.fractions(min_value=0, max_value=1000), min_size=1, max_size=8))
def test_parts_add_to_their_total_rounded_half_up(dele):
    værdier = {str(i): v for i, v in enumerate(dele)}
    afrundet = største_rest(værdier)
    total = sum(dele, Fraction(0)) * 10
    forventet = (total.numerator // total.denominator) + (1 if total - total.numerator // total.denominator >= Fraction(1, 2) else 0)
    assert sum(afrundet.values()) == Decimal(forventet) / 10


def test_danish_numbers():
    assert dansk_tal(3000) == "3.000"
    assert dansk_tal(Decimal("1234.5"), 1) == "1.234,5"
    assert dansk_tal(Fraction(1, 3), 1) == "0,3"
