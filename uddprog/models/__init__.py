"""The document kinds and their vocabularies. Imports nothing else of uddprog."""

from .aftale import Aftale, Krav, Udvaelgelse, Undtagelse
from .base import PLADSHOLDER
from .maalbeskrivelse import Forskningstraening, Kompetence, Kompetencekort, Kursus, Maalbeskrivelse, Moensterdel
from .program import (
    Ansaettelse,
    Ansvar,
    FokuseretOphold,
    Forfatter,
    Godkendelse,
    MaalbeskrivelseReference,
    Planlaegning,
    PlanlagtForskningstraening,
    PlanlagtKursus,
    ProgramdelHenvisning,
    Uddannelsesprogram,
    Vejledersamtale,
)
from .programdel import Programdel
from .rekrutteringsrunde import Besaettelse, Rekrutteringsrunde, RundeForloeb
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
    "programdel": Programdel,
    "rekrutteringsrunde": Rekrutteringsrunde,
    "aftale": Aftale,
}

__all__ = [
    "Aftale", "Besaettelse", "Krav", "Rekrutteringsrunde", "RundeForloeb", "Udvaelgelse", "Undtagelse",
    "DOKUMENTTYPER", "DRIFTSREGIONER", "PLADSHOLDER", "Ansaettelse", "Ansaettelsestype", "Ansvar", "Ansvarsrolle", "Driftsregion", "Fase",
    "FokuseretOphold",
    "Forfatter", "Forskningstraening", "Godkendelse", "Programdel", "ProgramdelHenvisning", "Gyldighed", "Kompetence", "Kompetencekort", "Moensterdel", "Samtaletype",
    "Vejledersamtale", "Kursus", "Kursustype", "Laeringsstrategi",
    "Maalbeskrivelse", "MaalbeskrivelseReference", "NationalSkabelon", "Planlaegning",
    "PlanlagtForskningstraening", "PlanlagtKursus", "Rolle", "Sektion", "Uddannelsesprogram",
    "Videreuddannelsesregion", "Vurderingsmetode", "visningsnavn",
]
