"""JSON Schemas for the document kinds, for editor completion (yaml-language-server)."""

from __future__ import annotations

import json
from pathlib import Path

from .models import DOKUMENTTYPER

#: File name of each kind's schema; YAML files point at these in their first line.
SKEMAFILER = {"målbeskrivelse": "maalbeskrivelse", "skabelon": "skabelon", "uddannelsesprogram": "uddannelsesprogram",
              "rekrutteringsrunde": "rekrutteringsrunde", "aftale": "aftale"}


def skema(type: str) -> dict:
    klasse = DOKUMENTTYPER[type]
    s = klasse.model_json_schema()
    s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    s["$id"] = f"https://uddprog.dk/schemas/{SKEMAFILER[type]}.schema.json"
    return s


def skematekst(type: str) -> str:
    return json.dumps(skema(type), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def skriv_skemaer(mappe: Path) -> list[Path]:
    from .render.writer import write_atomic

    mappe.mkdir(parents=True, exist_ok=True)
    return [write_atomic(mappe / f"{navn}.schema.json", skematekst(type)) for type, navn in SKEMAFILER.items()]
