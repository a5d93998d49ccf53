"""Controlled vocabularies shared by all three document kinds.

YAML files use the short ids (the enum values); generated documents use the
Danish display names from ``VISNINGSNAVNE``. A typo in an id is a validation
error with a "did you mean" suggestion, so the vocabularies are enums.
"""

from __future__ import annotations

from enum import StrEnum


class Fase(StrEnum):
    KBU = "kbu"
    INTRODUKTION = "introduktion"
    HOVEDUDDANNELSE = "hoveduddannelse"


class Rolle(StrEnum):
    """De syv lægeroller (Sundhedsstyrelsen, v2, 3. maj 2013)."""

    MEDICINSK_EKSPERT = "medicinsk-ekspert"
    KOMMUNIKATOR = "kommunikator"
    SAMARBEJDER = "samarbejder"
    LEDER = "leder-administrator-organisator"
    SUNDHEDSFREMMER = "sundhedsfremmer"
    AKADEMIKER = "akademiker"
    PROFESSIONEL = "professionel"


class Vurderingsmetode(StrEnum):
    """Kompetencevurderingsmetoder (SST, "Kompetencevurderingsmetoder – en oversigt", 2013)."""

    STRUKTURERET_VEJLEDERSAMTALE = "struktureret-vejledersamtale"
    STRUKTURERET_OBSERVATION = "struktureret-observation"
    MINI_CEX = "mini-cex"
    CASE_BASERET_DISKUSSION = "case-baseret-diskussion"
    FEEDBACK_360 = "360-graders-feedback"
    OSATS = "osats"
    NOTSS = "notss"
    ANTS = "ants"
    AUDIT_AF_JOURNALER = "audit-af-journaler"
    REFLEKSIV_RAPPORT = "refleksiv-rapport"
    KOMPETENCEKORT = "kompetencekort"
    KOLLEGIAL_KOMPETENCEVURDERING = "kollegial-kompetencevurdering"
    CUSUM = "cusum"
    HELHEDSVURDERING = "helhedsvurdering"


class Laeringsstrategi(StrEnum):
    KLINISK_ARBEJDE = "klinisk-arbejde"
    SELVSTUDIUM = "selvstudium"
    KURSUS = "kursus"
    FOKUSERET_OPHOLD = "fokuseret-ophold"
    UNDERVISNING = "undervisning"
    UNDERVISE_ANDRE = "undervise-andre"
    RELEVANTE_OPGAVER = "relevante-opgaver"
    PORTEFOELJE = "portefoelje"
    KONFERENCE = "konference"
    SIMULATION = "simulation"
    E_LAERING = "e-laering"
    SUPERVISION = "supervision"


class Videreuddannelsesregion(StrEnum):
    NORD = "Nord"
    SYD = "Syd"
    OEST = "Øst"


class Driftsregion(StrEnum):
    NORDJYLLAND = "Nordjylland"
    MIDTJYLLAND = "Midtjylland"
    SYDDANMARK = "Syddanmark"
    SJAELLAND = "Sjælland"
    HOVEDSTADEN = "Hovedstaden"


class Ansvarsrolle(StrEnum):
    """Who takes part in writing and approving a programme."""

    PUF = "puf"
    PKL = "pkl"
    UAO = "uao"
    UKO = "uko"
    VEJLEDER = "vejleder"
    UDDANNELSESUDVALG = "uddannelsesudvalg"
    SEKRETARIAT = "sekretariat"
    DRRLV = "drrlv"
    TUTORLAEGE = "tutorlaege"


class Ansaettelsestype(StrEnum):
    """What kind of place an ansættelse is at; almen praksis has a tutorlæge and a praksisbeskrivelse."""

    SYGEHUSAFDELING = "sygehusafdeling"
    ALMEN_PRAKSIS = "almen-praksis"
    SPECIALLAEGEPRAKSIS = "speciallaegepraksis"
    PSYKIATRISK_AFDELING = "psykiatrisk-afdeling"
    KOMMUNAL = "kommunal"


class Samtaletype(StrEnum):
    """The planned vejledersamtaler of an ansættelse (vest.rm.dk: introduktions-, justerings- og slutsamtale)."""

    INTRODUKTION = "introduktionssamtale"
    JUSTERING = "justeringssamtale"
    SLUT = "slutsamtale"
    OEVRIG = "oevrig"


class Gyldighed(StrEnum):
    """What a målbeskrivelse's ``gyldig_fra`` is compared with; the rule differs by specialty."""

    OPSLAAET = "opslaaet"
    PAABEGYNDT = "paabegyndt"
    ANSAT = "ansat"


class Kursustype(StrEnum):
    GENEREL = "generel"
    SPECIALESPECIFIK = "specialespecifik"


#: Which driftsregioner make up each videreuddannelsesregion.
DRIFTSREGIONER: dict[Videreuddannelsesregion, frozenset[Driftsregion]] = {
    Videreuddannelsesregion.NORD: frozenset({Driftsregion.NORDJYLLAND, Driftsregion.MIDTJYLLAND}),
    Videreuddannelsesregion.SYD: frozenset({Driftsregion.SYDDANMARK}),
    Videreuddannelsesregion.OEST: frozenset({Driftsregion.SJAELLAND, Driftsregion.HOVEDSTADEN}),
}

VISNINGSNAVNE: dict[StrEnum, str] = {
    Fase.KBU: "Klinisk basisuddannelse",
    Fase.INTRODUKTION: "Introduktionsuddannelse",
    Fase.HOVEDUDDANNELSE: "Hoveduddannelse",
    Rolle.MEDICINSK_EKSPERT: "Medicinsk ekspert/lægefaglig",
    Rolle.KOMMUNIKATOR: "Kommunikator",
    Rolle.SAMARBEJDER: "Samarbejder",
    Rolle.LEDER: "Leder/administrator/organisator",
    Rolle.SUNDHEDSFREMMER: "Sundhedsfremmer",
    Rolle.AKADEMIKER: "Akademiker/forsker og underviser",
    Rolle.PROFESSIONEL: "Professionel",
    Vurderingsmetode.STRUKTURERET_VEJLEDERSAMTALE: "Struktureret vejledersamtale",
    Vurderingsmetode.STRUKTURERET_OBSERVATION: "Struktureret klinisk observation",
    Vurderingsmetode.MINI_CEX: "Mini-CEX",
    Vurderingsmetode.CASE_BASERET_DISKUSSION: "Case-baseret diskussion",
    Vurderingsmetode.FEEDBACK_360: "360-graders feedback",
    Vurderingsmetode.OSATS: "OSATS",
    Vurderingsmetode.NOTSS: "NOTSS",
    Vurderingsmetode.ANTS: "ANTS",
    Vurderingsmetode.AUDIT_AF_JOURNALER: "Audit af journaler",
    Vurderingsmetode.REFLEKSIV_RAPPORT: "Refleksiv rapport",
    Vurderingsmetode.KOMPETENCEKORT: "Kompetencekort",
    Vurderingsmetode.KOLLEGIAL_KOMPETENCEVURDERING: "Kollegial kompetencevurdering",
    Vurderingsmetode.CUSUM: "CUSUM-scoring",
    Vurderingsmetode.HELHEDSVURDERING: "Helhedsvurdering",
    Laeringsstrategi.KLINISK_ARBEJDE: "Klinisk arbejde under supervision",
    Laeringsstrategi.SELVSTUDIUM: "Selvstudium",
    Laeringsstrategi.KURSUS: "Kursus",
    Laeringsstrategi.FOKUSERET_OPHOLD: "Fokuseret ophold",
    Laeringsstrategi.UNDERVISNING: "Deltagelse i undervisning",
    Laeringsstrategi.UNDERVISE_ANDRE: "Undervisning af kolleger og studerende",
    Laeringsstrategi.RELEVANTE_OPGAVER: "Arbejde med relevante opgaver",
    Laeringsstrategi.PORTEFOELJE: "Portefølje inkl. uddannelsesplan og læringsdagbog",
    Laeringsstrategi.KONFERENCE: "Konferencer og tværfaglige møder",
    Laeringsstrategi.SIMULATION: "Simulationstræning",
    Laeringsstrategi.E_LAERING: "E-læring",
    Laeringsstrategi.SUPERVISION: "Supervision og vejledning",
    Videreuddannelsesregion.NORD: "Videreuddannelsesregion Nord",
    Videreuddannelsesregion.SYD: "Videreuddannelsesregion Syd",
    Videreuddannelsesregion.OEST: "Videreuddannelsesregion Øst",
    Driftsregion.NORDJYLLAND: "Region Nordjylland",
    Driftsregion.MIDTJYLLAND: "Region Midtjylland",
    Driftsregion.SYDDANMARK: "Region Syddanmark",
    Driftsregion.SJAELLAND: "Region Sjælland",
    Driftsregion.HOVEDSTADEN: "Region Hovedstaden",
    Ansvarsrolle.PUF: "Pædagogisk udviklende funktion (PUF)",
    Ansvarsrolle.PKL: "Postgraduat klinisk lektor (PKL)",
    Ansvarsrolle.UAO: "Uddannelsesansvarlig overlæge (UAO)",
    Ansvarsrolle.UKO: "Uddannelseskoordinerende overlæge",
    Ansvarsrolle.VEJLEDER: "Vejleder",
    Ansvarsrolle.UDDANNELSESUDVALG: "Specialespecifikt uddannelsesudvalg",
    Ansvarsrolle.SEKRETARIAT: "Videreuddannelsessekretariatet",
    Ansvarsrolle.DRRLV: "Det Regionale Råd for Lægers Videreuddannelse",
    Ansvarsrolle.TUTORLAEGE: "Tutorlæge",
    Ansaettelsestype.SYGEHUSAFDELING: "Sygehusafdeling",
    Ansaettelsestype.ALMEN_PRAKSIS: "Almen praksis",
    Ansaettelsestype.SPECIALLAEGEPRAKSIS: "Speciallægepraksis",
    Ansaettelsestype.PSYKIATRISK_AFDELING: "Psykiatrisk afdeling",
    Ansaettelsestype.KOMMUNAL: "Kommunal sundhedsforvaltning",
    Samtaletype.INTRODUKTION: "Introduktionssamtale",
    Samtaletype.JUSTERING: "Justeringssamtale",
    Samtaletype.SLUT: "Slutsamtale",
    Samtaletype.OEVRIG: "Vejledersamtale",
    Gyldighed.OPSLAAET: "forløb opslået",
    Gyldighed.PAABEGYNDT: "forløb påbegyndt",
    Gyldighed.ANSAT: "læger ansat",
    Kursustype.GENEREL: "Generelt kursus",
    Kursustype.SPECIALESPECIFIK: "Specialespecifikt kursus",
}


def visningsnavn(værdi: StrEnum) -> str:
    """The Danish display name of a vocabulary value."""
    return VISNINGSNAVNE.get(værdi, str(værdi))
