"""The bulk of the hostile-input corpus, in-process: every case handled with Danish findings, never a crash.

Each group of ``corpus.GRUPPER`` is one test, so pytest-xdist spreads them over the cores.
A case is handled well when validation returns (no exception), the exit code `uddprog validate`
would give is one the case allows, every message is Danish and points inside the file, and the
case finishes within ``MAKS_SEKUNDER``.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest

from .corpus import GRUPPER, kør, lav_repo, problemer

#: Cases each group must produce (the corpus is deterministic; a drop means a generator broke).
MINIMUM = {
    "afkortet-skabelon": 2200, "afkortet-mb": 1000, "afkortet-program": 1300,
    "forkert-type-program": 2550, "forkert-type-mb": 2300, "forkert-type-skabelon": 900,
    "nøgler": 600, "byteskade": 1200, "kodning": 450, "yaml": 110, "store": 30,
}
MAKS_SEKUNDER = 5.0  # CPU seconds per case (a hang or a quadratic blow-up); the slowest case takes about 1 s


def test_the_corpus_has_at_least_ten_thousand_cases():
    assert set(MINIMUM) == set(GRUPPER)
    assert sum(MINIMUM.values()) >= 10_000


@pytest.mark.parametrize("gruppe", list(GRUPPER))
def test_every_case_is_handled(gruppe, tmp_path: Path):
    katalog = lav_repo(tmp_path)
    udfald: Counter = Counter()
    fejl: list[str] = []
    start = time.perf_counter()
    for case in GRUPPER[gruppe]():
        u = kør(case, tmp_path, katalog)
        udfald[(case.art, u.kode)] += 1
        for p in problemer(case, u, tmp_path):
            fejl.append(f"[{case.art}] {case.navn}: {p}")
        if u.sekunder > MAKS_SEKUNDER:
            fejl.append(f"[{case.art}] {case.navn}: tog {u.sekunder:.1f} s")
    antal = sum(udfald.values())
    print(f"{gruppe}: {antal} cases på {time.perf_counter() - start:.1f} s: {dict(sorted(udfald.items()))}")
    assert not fejl, f"{len(fejl)} af {antal} cases håndteret dårligt:\n" + "\n".join(f[:600] for f in fejl[:10])
    assert antal >= MINIMUM[gruppe]
