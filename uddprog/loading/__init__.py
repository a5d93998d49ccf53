"""YAML files → validated documents (models), keeping the source position of every node.

PyYAML's C composer gives every node its line and column at libyaml speed
(a national corpus is thousands of files). We build plain data from the node
graph ourselves instead of using a constructor so that we control exactly what
YAML may express: no Python object tags, no YAML 1.1 ``yes``/``no`` booleans,
no duplicate keys, bounded alias expansion. Problems become findings (check ids
L… for reading, S… for schema) with ``file:line:column``.
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from ..findings import Finding, Location, Severity
from ..models import DOKUMENTTYPER
from ..navne import mente_du
from .dele import LæsDel, Tekstdel, sammensæt
from .yamlfil import (
    MAKS_BYTES,
    Kommentar,
    LoadError,
    Positions,
    fejl,
    kan_være_dyb,
    kommentarer,
    læs_nøgler,
    læs_tekst,
    læs_yaml,
    spring_over,
)

__all__ = ["ART", "MAKS_BYTES", "Dokument", "Kommentar", "LoadError", "LæsDel", "Positions", "Tekstdel", "dokumenttype",
           "feltnavn", "indlæs", "indlæs_udsnit", "kommentarer", "læs_tekst", "læs_yaml", "spring_over",
           "valideringsfund"]

M = TypeVar("M", bound=BaseModel)

@dataclass(frozen=True)
class Dokument(Generic[M]):
    """A loaded document: its model, its file and where each of its parts stands.

    A programme with shared parts (``programdele``) has them joined into its model; ``dele`` says, for each
    joined text, which files its parts come from, and ``programdele`` holds the loaded parts."""

    fil: Path
    model: M
    positions: Positions
    type: str
    # The source text, for what the data does not hold: comments (an import's '# gæt:', P029).
    tekst: str | None = field(default=None, repr=False, compare=False)
    dele: dict[tuple, tuple[Tekstdel, ...]] = field(default_factory=dict)
    programdele: tuple[Dokument, ...] = ()

    def sted(self, *sti: str | int, nøgle: bool = False) -> Location:
        dele = self.dele.get(tuple(sti[:2])) if self.dele else None
        if dele:
            # A joined text: the programme's own part when it has one (its addition), else the first shared one.
            d = next((d for d in dele if d.fil == self.fil), dele[0])
            linje, kolonne = d.positions.find(d.sti + tuple(sti[2:]), nøgle)
            return Location(d.fil, linje, kolonne)
        linje, kolonne = self.positions.find(sti, nøgle)
        return Location(self.fil, linje, kolonne)

    def sted_i_tekst(self, sti: tuple, linje: int) -> tuple[Location, int]:
        """Where line ``linje`` (0-based) of the text at ``sti`` comes from: the place of the text part it lies
        in, and its line within that part."""
        dele = self.dele.get(tuple(sti[:2])) if self.dele else None
        if not dele:
            return self.sted(*sti), linje
        d = max((d for d in dele if d.første_linje <= linje), key=lambda d: d.første_linje, default=dele[0])
        pos = d.positions.find(d.sti + tuple(sti[2:]))
        return Location(d.fil, *pos), linje - d.første_linje

    @property
    def filer(self) -> tuple[Path, ...]:
        """The files the document is made from: its own, then its shared parts'."""
        return (self.fil, *(d.fil for d in self.programdele))



# --- document kinds --------------------------------------------------------

def dokumenttype(data: Any) -> str | None:
    """Tell the kind of a document from its keys (files may live anywhere)."""
    if not isinstance(data, dict):
        return None
    if "programdel" in data:
        return "programdel"
    if "kompetenceplan" in data or "ansættelser" in data:
        return "uddannelsesprogram"
    if "revision_måneder" in data or ("sektioner" in data and "navn" in data):
        return "skabelon"
    if "kompetencer" in data:
        return "målbeskrivelse"
    if "runde" in data:
        return "rekrutteringsrunde"
    if "måling" in data or "krav" in data:
        return "aftale"
    return None


#: Each document kind with its article, for messages ("et uddannelsesprogram").
ART = {"målbeskrivelse": "en målbeskrivelse", "skabelon": "en national skabelon",
        "uddannelsesprogram": "et uddannelsesprogram", "programdel": "en programdel",
        "rekrutteringsrunde": "en rekrutteringsrunde", "aftale": "en aftale"}


def indlæs(fil: Path | str, type: str | None = None, tekst: str | None = None, læs_del: LæsDel | None = None) -> Dokument:
    """Load one YAML file into a validated model; raise LoadError with findings if that fails.

    A programme's shared parts are joined in (``loading.dele``); ``læs_del`` reads their text (default: the
    files on disk)."""
    fil = Path(fil)
    if tekst is None:
        tekst = læs_tekst(fil)
    data, positions = læs_yaml(fil, tekst)
    fundet = dokumenttype(data)
    if type and fundet and fundet != type:  # say what it is rather than list every key the other kind lacks
        raise fejl("L008", f"Filen er {ART[fundet]}, ikke {ART[type]}.", fil, 1, 1)
    type = type or fundet
    if not isinstance(data, dict):  # also where the folder decides the kind (målbeskrivelser/, templates/)
        raise fejl("L006", "Dokumentet skal være en afbildning med nøgler som 'titel:' og 'kompetencer:'.", fil, 1, 1)
    if type is None:
        raise fejl(
            "L006",
            "Kan ikke se hvilken slags dokument filen er: en målbeskrivelse har 'kompetencer:', "
            "en skabelon 'revision_måneder:', et uddannelsesprogram 'kompetenceplan:', en programdel "
            "'programdel:', en rekrutteringsrunde 'runde:' og en aftale 'måling:'.",
            fil, 1, 1,
        )
    klasse = DOKUMENTTYPER[type]
    try:
        model = klasse.model_validate(data)
    except ValidationError as e:
        raise LoadError(valideringsfund(e, klasse, fil, positions)) from None
    dok = Dokument(fil=fil, model=model, positions=positions, type=type, tekst=tekst)
    if type == "uddannelsesprogram" and model.programdele:
        dok = sammensæt(dok, indlæs, læs_del)
    return dok


# --- pydantic errors → Danish findings -------------------------------------

_TYPEBESKEDER = {
    "string_type": "skal være en tekst",
    "int_type": "skal være et helt tal",
    "int_parsing": "skal være et helt tal",
    "int_from_float": "skal være et helt tal",
    "float_type": "skal være et tal",
    "float_parsing": "skal være et tal",
    "finite_number": "skal være et endeligt tal (ikke .inf eller .nan)",
    "bool_type": "skal være true eller false",
    "bool_parsing": "skal være true eller false",
    "date_type": "skal være en dato på formen ÅÅÅÅ-MM-DD",
    "date_parsing": "skal være en dato på formen ÅÅÅÅ-MM-DD",
    "date_from_datetime_parsing": "skal være en gyldig dato på formen ÅÅÅÅ-MM-DD",
    "date_from_datetime_inexact": "skal være en dato uden klokkeslæt",
    "list_type": "skal være en liste (linjer der begynder med '- ')",
    "dict_type": "skal være en afbildning (nøgle: værdi)",
    "model_type": "skal være en afbildning (nøgle: værdi)",
    "model_attributes_type": "skal være en afbildning (nøgle: værdi)",
    "string_too_short": "skal udfyldes",  # not "tom/tomt": the field names have both genders
    "string_pattern_mismatch": "må kun indeholde bogstaver, tal, '.', '_' og '-' (ingen mellemrum)",
}


#: Messages for a pattern that is not the identifier pattern (error type, field name).
_FELTBESKEDER = {
    ("string_pattern_mismatch", "telefon"): "skal være et telefonnummer af cifre og mellemrum, fx '+45 78 45 00 00'",
    ("string_pattern_mismatch", "email"): "skal være en e-mailadresse, fx 'navn@rm.dk'",
    ("string_pattern_mismatch", "link"): "skal være en https-adresse",
}


def feltnavn(loc: tuple) -> str:
    """A field's path as the author reads it: list entries counted from 1 (``ansættelser[nr. 2].sted``)."""
    ud = ""
    for del_ in loc:
        ud += f"[nr. {del_ + 1}]" if isinstance(del_, int) else (f".{del_}" if ud else str(del_))
    return ud or "dokumentet"


_felt_navn = feltnavn


def _kort(værdi: Any) -> str:
    tekst = repr(værdi) if not isinstance(værdi, str) else f"'{værdi}'"
    return tekst if len(tekst) <= 60 else tekst[:57] + "…'"


def valideringsfund(fejl: ValidationError, klasse: type[BaseModel], fil: Path, positions: Positions) -> list[Finding]:
    """Translate pydantic's errors into Danish findings placed on the offending node."""
    fund: list[Finding] = []
    for e in fejl.errors(include_url=False):
        loc, typ, ctx, inp = tuple(e["loc"]), e["type"], e.get("ctx") or {}, e.get("input")
        felt = _felt_navn(loc)
        if typ == "missing":
            check, besked = "S001", f"Feltet '{loc[-1]}' mangler i {_felt_navn(loc[:-1])}."
            pos = positions.find(loc[:-1])
        elif typ == "extra_forbidden":
            kendte = sorted(_felter_ved(klasse, loc[:-1]))
            besked = f"Ukendt felt '{loc[-1]}'." + mente_du(str(loc[-1]), kendte)
            if " " in str(loc[-1]) and inp is None:
                # `{bemærkning: To gange, fx i vagten}`: YAML ends the text at the comma and reads the rest as a key.
                besked += (" Står der et komma i en tekst inde i { … }? Så læser YAML resten som et nyt felt; "
                           "sæt teksten i anførselstegn.")
            elif kendte and not mente_du(str(loc[-1]), kendte):
                besked += " Tilladte felter: " + ", ".join(kendte) + "."
            check, pos = "S002", positions.find(loc, nøgle=True)
        elif typ in ("enum", "literal_error"):
            tilladte = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
            besked = f"'{felt}': ugyldig værdi {_kort(inp)}." + mente_du(str(inp), tilladte)
            besked += " Tilladte værdier: " + ", ".join(tilladte) + "."
            check, pos = "S004", positions.find(loc)
        else:
            check, pos = "S003", positions.find(loc)
            besked = f"'{felt}' {_FELTBESKEDER.get((typ, loc[-1])) or _typebesked(typ, ctx, e['msg'])}; " + (
                "feltet står tomt." if inp is None else "fik en tom tekst." if inp == "" else f"fik {_kort(inp)}.")
        fund.append(Finding(check, Severity.ERROR, besked, Location(fil, *pos)))
    return fund


def _typebesked(typ: str, ctx: dict, msg: str) -> str:
    if typ in _TYPEBESKEDER:
        return _TYPEBESKEDER[typ]
    if typ == "too_short":
        return f"skal have mindst {ctx.get('min_length')} element(er)"
    if typ == "too_long":
        return f"må højst have {ctx.get('max_length')} elementer"
    if typ == "string_too_long":
        return f"må højst være {ctx.get('max_length')} tegn"
    if typ in ("greater_than_equal", "greater_than"):
        return f"skal være mindst {ctx.get('ge', ctx.get('gt'))}"
    if typ in ("less_than_equal", "less_than"):
        return f"må højst være {ctx.get('le', ctx.get('lt'))}"
    return f"har en ugyldig værdi ({msg})"


def _felter_ved(klasse: type[BaseModel], sti: tuple) -> set[str]:
    """The field names allowed at ``sti`` inside ``klasse``, for 'did you mean' on unknown keys."""
    typ: Any = klasse
    for del_ in sti:
        typ = _model_i(typ)
        if typ is None:
            return set()
        if isinstance(del_, str):
            felt = typ.model_fields.get(del_)
            if felt is None:
                return set()
            typ = felt.annotation
        else:
            typ = _elementtype(typ)
    typ = _model_i(typ)
    return set(typ.model_fields) if typ is not None else set()


def _model_i(typ: Any) -> type[BaseModel] | None:
    if isinstance(typ, type) and issubclass(typ, BaseModel):
        return typ
    for arg in typing.get_args(typ):  # Optional[...] / list[...] wrap the model
        model = _model_i(arg)
        if model is not None:
            return model
    return None


def _elementtype(typ: Any) -> Any:
    args = typing.get_args(typ)
    return args[-1] if args else typ


# --- reading only some top-level keys (uddprog stats) -----------------------

_UDSNIT_TEGN = 8192  # most programmes have their head and ansættelser in the first few KB


def indlæs_udsnit(fil: Path | str, klasse: type[M], tekst: str | None = None) -> Dokument[M]:
    """Load only the top-level keys ``klasse`` has fields for, validated into ``klasse``.

    For reading thousands of programmes when only their head and ansættelser matter: libyaml stops
    parsing as soon as every wanted key has been read, usually within the first few KB. Values are
    built as :func:`indlæs` builds them (same tags and positions), so findings have the same
    file:line:column. Anything unusual (tags, anchors, aliases, merge or duplicate keys, a wanted key
    missing or after the excerpt) falls back to composing the whole file with all of
    :func:`læs_yaml`'s guards. Errors in keys not read are not seen: that is `uddprog validate`'s job.
    """
    fil = Path(fil)
    if tekst is None:
        tekst = læs_tekst(fil)
    nøgler = frozenset(klasse.model_fields)
    fundet = None
    if len(tekst) > _UDSNIT_TEGN and (slut := tekst.rfind("\n", 0, _UDSNIT_TEGN)) > 0:
        udsnit = tekst[:slut + 1]
        fundet = læs_nøgler(udsnit, nøgler, udsnit.count("\n") - 2)
    if fundet is None and not kan_være_dyb(tekst):
        fundet = læs_nøgler(tekst, nøgler, None)
    if fundet is not None:
        data, positions = fundet
    else:
        fuld, positions = læs_yaml(fil, tekst)
        if not isinstance(fuld, dict):
            raise fejl("L006", "Dokumentet skal være en afbildning med nøgler.", fil, 1, 1)
        data = {k: v for k, v in fuld.items() if k in nøgler}
    try:
        model = klasse.model_validate(data)
    except ValidationError as e:
        raise LoadError(valideringsfund(e, klasse, fil, positions)) from None
    return Dokument(fil=fil, model=model, positions=positions, type="udsnit", tekst=tekst)


