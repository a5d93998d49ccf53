"""`uddprog migrate` on broken and hostile programmes: never a traceback, never a half-written or wrong file."""

from __future__ import annotations

import itertools
import random

import yaml

from uddprog.catalog import Katalog
from uddprog.loading import indlæs
from uddprog.migrate import FEJL, INTET, MIGRERET, migrér, skriv

from . import corpus


def _tilfælde():
    kilder = [corpus.afkortede("program", skridt=97), corpus.forkerte_typer("program"), corpus.nøglefejl("program"),
              corpus.bytefejl("program", 60), corpus.kodningsfejl(), corpus.yamlfælder()]
    alle = [c for c in itertools.chain(*kilder) if c.rolle == "program"]
    return random.Random(11).sample(alle, min(150, len(alle)))


def test_broken_programmes_are_refused_or_migrated_correctly(tmp_path):
    corpus.lav_repo(tmp_path)
    # a newer version of the programme's målbeskrivelse, so every readable case has something to migrate
    mb = yaml.safe_load((tmp_path / corpus.MB).read_text(encoding="utf-8"))
    mb |= {"version": "2099", "gyldig_fra": "2099-01-01"}
    mb["kompetencer"] = mb["kompetencer"][1:]
    (tmp_path / corpus.MB).with_name("introduktion-2099.yaml").write_text(
        yaml.safe_dump(mb, allow_unicode=True, sort_keys=False), encoding="utf-8")
    katalog = Katalog(tmp_path)
    fil = tmp_path / corpus.MÅL["program"]
    udfald = {FEJL: 0, INTET: 0, MIGRERET: 0}
    for case in _tilfælde():
        fil.write_bytes(case.data)
        m = migrér(fil, katalog, dato=corpus.DATO)  # must not raise
        udfald[m.status] += 1
        assert m.status in udfald, (case.navn, m)
        if m.status == FEJL:
            assert m.besked and "Traceback" not in m.besked and m.exitkode == 2, case.navn
            assert not corpus.IKKE_DANSK.search(m.besked + " ".join(f.besked for f in m.fund)), (case.navn, m.besked)
        if m.status == MIGRERET:
            skriv(m)
            ny = indlæs(fil)  # the written file is a programme on the new version
            assert ny.model.målbeskrivelse.version == "2099", case.navn
        if m.status != MIGRERET:
            assert fil.read_bytes() == case.data, case.navn  # untouched
    print(udfald)
    assert udfald[FEJL] > 30 and udfald[MIGRERET] > 0, udfald
