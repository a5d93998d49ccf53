"""JSON Schemas for the document kinds, for editor completion (yaml-language-server)."""

from __future__ import annotations

import json
from pathlib import Path

from .models import DOKUMENTTYPER
from .skriv import skriv_alle

#: File name of each kind's schema; YAML files point at these in their first line.
SKEMAFILER = {"målbeskrivelse": "maalbeskrivelse", "skabelon": "skabelon", "uddannelsesprogram": "uddannelsesprogram",
              "programdel": "programdel", "rekrutteringsrunde": "rekrutteringsrunde", "aftale": "aftale"}


def _tal_som_tekst(node):
    """Let every free text accept a number, as validation does (``coerce_numbers_to_str``): YAML reads
    ``version: 2015`` as a number, and the editor must not flag what `uddprog validate` accepts.
    Dates, vocabularies and constants stay text only, as they do in validation."""
    if isinstance(node, dict):
        if node.get("type") == "string" and not {"format", "enum", "const"} & node.keys():
            node["type"] = ["string", "number"]
        for v in node.values():
            _tal_som_tekst(v)
    elif isinstance(node, list):
        for v in node:
            _tal_som_tekst(v)
    return node


def skema(type: str) -> dict:
    klasse = DOKUMENTTYPER[type]
    s = _tal_som_tekst(klasse.model_json_schema())
    s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    s["$id"] = f"https://uddprog.dk/schemas/{SKEMAFILER[type]}.schema.json"
    return s


def skematekst(type: str) -> str:
    return json.dumps(skema(type), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def skriv_skemaer(mappe: Path) -> list[Path]:
    """Write the three schemas into ``mappe`` as one step (all new or all as before)."""

    return skriv_alle({mappe / f"{navn}.schema.json": skematekst(type) for type, navn in SKEMAFILER.items()})
