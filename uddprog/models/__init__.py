"""The three document kinds and their vocabularies. Imports nothing else of uddprog."""

from .maalbeskrivelse import Forskningstraening, Kompetence, Kompetencekort, Kursus, Maalbeskrivelse, Moensterdel
from .program import (
    Ansaettelse,
    Ansvar,
    FokuseretOphold,
    Forfatter,
    MaalbeskrivelseReference,
    Planlaegning,
    PlanlagtForskningstraening,
    PlanlagtKursus,
    Uddannelsesprogram,
    Vejledersamtale,
)
from .skabelon import NationalSkabelon, Sektion
from .vocab import (
    DRIFTSREGIONER,
    Ansaettelsestype,
    Ansvarsrolle,
    Driftsregion,
    Fase,
    Gyldighed,
    Kursustype,
    Laeringsstrategi,
    Rolle,
    Samtaletype,
    Videreuddannelsesregion,
    Vurderingsmetode,
    visningsnavn,
)

#: Document kind name → model class; the names appear in messages and schema file names.
DOKUMENTTYPER = {
    "målbeskrivelse": Maalbeskrivelse,
    "skabelon": NationalSkabelon,
    "uddannelsesprogram": Uddannelsesprogram,
}

__all__ = [
    "DOKUMENTTYPER", "DRIFTSREGIONER", "Ansaettelse", "Ansaettelsestype", "Ansvar", "Ansvarsrolle", "Driftsregion", "Fase",
    "FokuseretOphold",
    "Forfatter", "Forskningstraening", "Gyldighed", "Kompetence", "Kompetencekort", "Moensterdel", "Samtaletype",
    "Vejledersamtale", "Kursus", "Kursustype", "Laeringsstrategi",
    "Maalbeskrivelse", "MaalbeskrivelseReference", "NationalSkabelon", "Planlaegning",
    "PlanlagtForskningstraening", "PlanlagtKursus", "Rolle", "Sektion", "Uddannelsesprogram",
    "Videreuddannelsesregion", "Vurderingsmetode", "visningsnavn",
]
