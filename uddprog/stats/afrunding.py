"""Rounding that keeps totals: shares add to exactly 100 %, parts add to their rounded total.

Rule (stated in the README and tested): exact values are kept as fractions; a group of parts is shown
with one decimal by the largest-remainder method (Hamilton): every part is rounded down, and the
units still missing to the rounded total go to the parts with the largest remainders, ties to the
part listed first. Shares (percent) are distributed to a total of 100.0; other parts (årsværk, forløb
weighted by months) to their exact total rounded half up. Comparisons with targets use the exact
fractions, never the rounded figures.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

Tal = int | Fraction


def _halv_op(x: Fraction, enhed: int) -> int:
    """``x`` in units of 1/enhed, rounded half up (x ≥ 0)."""
    skaleret = x * enhed
    hel = skaleret.numerator // skaleret.denominator
    return hel + (1 if skaleret - hel >= Fraction(1, 2) else 0)


def største_rest(værdier: dict[str, Tal], total: Fraction | None = None, decimaler: int = 1) -> dict[str, Decimal]:
    """Round ``værdier`` to ``decimaler`` so they add to ``total`` (default: their exact sum) rounded half up."""
    enhed = 10 ** decimaler
    fr = {k: Fraction(v) for k, v in værdier.items()}
    mål = _halv_op(sum(fr.values(), Fraction(0)) if total is None else Fraction(total), enhed)
    nede = {k: (v * enhed).numerator // (v * enhed).denominator for k, v in fr.items()}
    mangler = mål - sum(nede.values())
    orden = list(fr)
    rester = sorted(orden, key=lambda k: (-(fr[k] * enhed - nede[k]), orden.index(k)))
    for k in rester[:max(0, mangler)]:
        nede[k] += 1
    kvant = Decimal(1).scaleb(-decimaler)
    return {k: (Decimal(n) / enhed).quantize(kvant) for k, n in nede.items()}


def procenter(værdier: dict[str, Tal], decimaler: int = 1) -> dict[str, Decimal]:
    """Shares of the total in percent, adding to exactly 100 (empty when the total is 0)."""
    i_alt = sum((Fraction(v) for v in værdier.values()), Fraction(0))
    if i_alt == 0:
        return {}
    return største_rest({k: Fraction(v) * 100 / i_alt for k, v in værdier.items()}, Fraction(100), decimaler)


def årsværk(måneder: dict[str, int]) -> dict[str, Decimal]:
    return største_rest({k: Fraction(m, 12) for k, m in måneder.items()})


def dansk_tal(x: Tal | Decimal, decimaler: int | None = None) -> str:
    """'1.234,5': Danish thousands separator and decimal comma."""
    if decimaler is not None:
        x = Decimal(_halv_op(Fraction(x), 10 ** decimaler)) / 10 ** decimaler if decimaler else _halv_op(Fraction(x), 1)
        tekst = f"{x:,.{decimaler}f}"
    elif isinstance(x, int):
        tekst = f"{x:,}"
    else:
        tekst = f"{x:,}"
    return tekst.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def antal(n: int, ental: str, flertal: str) -> str:
    """'1 runde', '3 runder', '1.200 runder'."""
    return f"{dansk_tal(n)} {ental if n == 1 else flertal}"
