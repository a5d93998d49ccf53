"""Generate a realistic national corpus of målbeskrivelser and uddannelsesprogrammer.

The corpus is written to a folder that looks like a uddprog repository::

    OUT/målbeskrivelser/<speciale>/<fase>-<version>.yaml
    OUT/templates/national/...            (copied from the repository)
    OUT/examples/{nord,syd,oest}/*.yaml   (the generated programmes)
    OUT/rekruttering/{nord,syd,oest}/*.yaml  (generated recruitment rounds for the hoveduddannelse forløb)
    OUT/aftaler/*.yaml                    (copied from the repository)

Everything is deterministic for a given seed and programme count. Shipped målbeskrivelser that load cleanly
are copied and used as they are; every other specialty of the 39 gets a generated introduktion and
hoveduddannelse målbeskrivelse of realistic size (15–90 competencies), and about a third of them get a second,
newer version (a competency removed, one added, one renumbered with ``erstatter``, two merged, an assessment
method and a title changed, a course added) so ``uddprog diff`` has work. Programmes use the shipped national
templates, have 1–5 ansættelser at real hospitals of the right driftsregion, and every one of them passes
``uddprog validate`` with zero errors (programmes written against an older målbeskrivelse version get the
expected "newer version" warnings, nothing else).

All text is illustrative and generated; names of people are fictional.

Usage::

    python benchmarks/corpus.py OUT --programmer 3000 [--seed 2026] [--repo .]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script from a checkout without installing
    sys.path.insert(0, str(REPO))

from uddprog import regler  # noqa: E402
from uddprog.datoer import læg_måneder_til, måneder_tekst  # noqa: E402
from uddprog.loading import LoadError, indlæs  # noqa: E402
from uddprog.models import Maalbeskrivelse, NationalSkabelon  # noqa: E402

try:
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _Dumper

SIZES = (100, 1000, 3000)

# The models grow while this generator is in use; new optional fields are filled in only when they exist.
from uddprog.models import Forskningstraening, PlanlagtForskningstraening  # noqa: E402

_HAR_TEORI = "teori_inden_måneder" in Forskningstraening.model_fields
_HAR_TEORI_PLAN = "teori_til_måned" in PlanlagtForskningstraening.model_fields
try:
    from uddprog.models.program import FokuseretOphold  # noqa: E402

    _HAR_OPHOLD = {"sted", "ansættelse", "fra_måned", "til_måned", "varighed", "formål"} <= set(FokuseretOphold.model_fields)
except ImportError:  # pragma: no cover
    _HAR_OPHOLD = False
DEFAULT_SEED = 2026
#: The date the corpus is valid on: `uddprog validate --dato` with this date gives zero errors.
DATO = date(2026, 11, 23)

# --------------------------------------------------------------------------------------------------
# Organisation: regions and hospitals (real hospital names; departments and people are illustrative)
# --------------------------------------------------------------------------------------------------

REGION_MAPPE = {"Nord": "nord", "Syd": "syd", "Øst": "oest"}
DRIFTSREGIONER = {"Nord": ("Nordjylland", "Midtjylland"), "Syd": ("Syddanmark",), "Øst": ("Sjælland", "Hovedstaden")}

#: (hospital, town for titles, universitetshospital) per driftsregion.
HOSPITALER: dict[str, list[tuple[str, str, bool]]] = {
    "Nordjylland": [
        ("Aalborg Universitetshospital", "Aalborg", True),
        ("Regionshospital Nordjylland, Hjørring", "Hjørring", False),
        ("Aalborg Universitetshospital, Thisted", "Thisted", False),
    ],
    "Midtjylland": [
        ("Aarhus Universitetshospital", "Aarhus", True),
        ("Regionshospital Gødstrup", "Gødstrup", False),
        ("Regionshospitalet Randers", "Randers", False),
        ("Regionshospital Central, Viborg", "Viborg", False),
        ("Regionshospitalet Horsens", "Horsens", False),
    ],
    "Syddanmark": [
        ("Odense Universitetshospital", "Odense", True),
        ("Sygehus Lillebælt, Vejle", "Vejle", False),
        ("Sygehus Lillebælt, Kolding", "Kolding", False),
        ("Sydvestjysk Sygehus, Esbjerg", "Esbjerg", False),
        ("Sygehus Sønderjylland, Aabenraa", "Aabenraa", False),
        ("Odense Universitetshospital, Svendborg", "Svendborg", False),
    ],
    "Sjælland": [
        ("Sjællands Universitetshospital, Roskilde", "Roskilde", True),
        ("Sjællands Universitetshospital, Køge", "Køge", True),
        ("Holbæk Sygehus", "Holbæk", False),
        ("Nykøbing F. Sygehus", "Nykøbing F.", False),
        ("Slagelse Sygehus", "Slagelse", False),
    ],
    "Hovedstaden": [
        ("Rigshospitalet", "Rigshospitalet", True),
        ("Herlev og Gentofte Hospital, Herlev", "Herlev", True),
        ("Bispebjerg og Frederiksberg Hospital", "Bispebjerg", True),
        ("Amager og Hvidovre Hospital, Hvidovre", "Hvidovre", True),
        ("Nordsjællands Hospital, Hillerød", "Hillerød", True),
        ("Bornholms Hospital", "Bornholm", False),
    ],
}

PRAKSISBYER = {
    "Nordjylland": ["Nørresundby", "Frederikshavn", "Hobro", "Brønderslev"],
    "Midtjylland": ["Silkeborg", "Skive", "Grenaa", "Herning", "Odder"],
    "Syddanmark": ["Middelfart", "Haderslev", "Nyborg", "Varde", "Fredericia"],
    "Sjælland": ["Næstved", "Kalundborg", "Ringsted", "Vordingborg"],
    "Hovedstaden": ["Valby", "Ballerup", "Helsingør", "Frederikssund", "Amager"],
}

FORNAVNE = ["Anne", "Mette", "Lars", "Søren", "Camilla", "Jens", "Louise", "Mads", "Rikke", "Peter", "Sofie",
            "Henrik", "Maria", "Thomas", "Line", "Rasmus", "Ida", "Anders", "Karen", "Jakob", "Signe", "Morten"]
EFTERNAVNE = ["Eksempelsen", "Fiktivsen", "Påfund", "Attrapsen", "Tænktsen", "Demo-Nielsen", "Modelgaard",
              "Prøvesen", "Skitse", "Udkastsen", "Forestilling", "Tankegaard", "Mønstersen", "Opdigtsen"]

SEKRETARIAT = {
    "Nord": "Sekretariatet for Lægelig Videreuddannelse, Videreuddannelsesregion Nord",
    "Syd": "Videreuddannelsessekretariatet, Videreuddannelsesregion Syd",
    "Øst": "Videreuddannelsessekretariatet, Videreuddannelsesregion Øst",
}
GODKENDER = {
    "Nord": "Udvalg for godkendelse af uddannelsesprogrammer (UGUP), Videreuddannelsesregion Nord",
    "Syd": "Det Regionale Råd for Lægers Videreuddannelse, Videreuddannelsesregion Syd",
    "Øst": "Det Regionale Råd for Lægers Videreuddannelse, Videreuddannelsesregion Øst",
}

# --------------------------------------------------------------------------------------------------
# The 39 specialties (domain brief, 2025 list citing SST)
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Speciale:
    navn: str
    afdeling: str
    emner: tuple[str, ...]
    selskab: str
    vægt: float = 1.0  # relative number of forløb nationally
    højt_specialiseret: bool = False  # only at universitetshospitaler
    ikke_sjælland: bool = False  # not offered in Region Sjælland
    hoved_måneder: int = 48
    hoved_antal: int | None = None  # number of hoveduddannelse competencies (None: drawn 15–55)
    praksis: bool = False  # almen medicin: ansættelser in almen praksis


def _s(navn, afdeling, emner, selskab, **kw) -> Speciale:
    return Speciale(navn, afdeling, tuple(emner.split("; ")), selskab, **kw)


SPECIALER: list[Speciale] = [
    _s("Akutmedicin", "Akutafdelingen", "den akut syge patient med uafklaret diagnose; brystsmerter; åndenød; "
       "bevidsthedspåvirkning; det akutte abdomen; forgiftninger; multitraume", "Dansk Selskab for Akutmedicin", vægt=2),
    _s("Almen medicin", "Almen praksis", "type 2-diabetes; hypertension; KOL; depression og angst; børn med feber; "
       "graviditetsundersøgelser; lænderygsmerter; demens; hudsygdomme i almen praksis; medicinsk uforklarede "
       "symptomer; den ældre multisyge patient; misbrug af alkohol; palliation i eget hjem; forebyggende helbredssamtaler",
       "Dansk Selskab for Almen Medicin", vægt=8, hoved_måneder=54, hoved_antal=84, praksis=True),
    _s("Anæstesiologi", "Anæstesiologisk Afdeling", "den vanskelige luftvej; regional anæstesi; obstetrisk anæstesi; "
       "pædiatrisk anæstesi; respirationssvigt; sepsis; akut smertebehandling", "Dansk Selskab for Anæstesiologi og "
       "Intensiv Medicin", vægt=3),
    _s("Arbejdsmedicin", "Arbejdsmedicinsk Klinik", "arbejdsbetinget hudsygdom; støjskader; arbejdsbetinget "
       "lungesygdom; psykisk arbejdsmiljø; bevægeapparatsbelastninger; kemiske eksponeringer",
       "Dansk Selskab for Arbejds- og Miljømedicin", vægt=0.5),
    _s("Børne- og ungdomspsykiatri", "Børne- og Ungdomspsykiatrisk Afdeling", "ADHD; autismespektrumforstyrrelser; "
       "spiseforstyrrelser; angst hos børn og unge; selvskade og selvmordsrisiko; psykoser hos unge",
       "Børne- og Ungdomspsykiatrisk Selskab", vægt=1.2),
    _s("Dermato-venerologi", "Hudafdelingen", "psoriasis; atopisk eksem; hudkræft; kønssygdomme; kronisk urticaria; "
       "bulløse dermatoser", "Dansk Dermatologisk Selskab", vægt=0.6),
    _s("Gynækologi og obstetrik", "Gynækologisk-Obstetrisk Afdeling", "fødselsforløb; post partum blødning; "
       "præeklampsi; ekstrauterin graviditet; gynækologisk kræft; infertilitet; urogynækologi",
       "Dansk Selskab for Obstetrik og Gynækologi", vægt=2),
    _s("Intern medicin: endokrinologi", "Endokrinologisk Afdeling", "type 1-diabetes; thyreoideasygdomme; "
       "binyresygdomme; hypofysesygdomme; osteoporose; diabetisk ketoacidose", "Dansk Endokrinologisk Selskab"),
    _s("Intern medicin: gastroenterologi og hepatologi", "Medicinsk Gastroenterologisk Afdeling",
       "inflammatorisk tarmsygdom; levercirrose; gastrointestinal blødning; akut pankreatitis; cøliaki; "
       "endoskopi", "Dansk Selskab for Gastroenterologi og Hepatologi"),
    _s("Intern medicin: geriatri", "Geriatrisk Afdeling", "delirium; faldudredning; polyfarmaci; demens; "
       "skrøbelighed; ortogeriatri", "Dansk Selskab for Geriatri"),
    _s("Intern medicin: hæmatologi", "Hæmatologisk Afdeling", "akut leukæmi; lymfomer; myelomatose; anæmi; "
       "trombocytopeni; knoglemarvstransplantation", "Dansk Hæmatologisk Selskab", vægt=0.7,
       højt_specialiseret=True),
    _s("Intern medicin: infektionsmedicin", "Infektionsmedicinsk Afdeling", "sepsis; hiv; tuberkulose; "
       "centralnervesystemets infektioner; importerede infektioner; antibiotikabehandling",
       "Dansk Selskab for Infektionsmedicin", vægt=0.7),
    _s("Intern medicin: kardiologi", "Kardiologisk Afdeling", "akut koronart syndrom; hjertesvigt; atrieflimren; "
       "klapsygdomme; ekkokardiografi; synkope; endokarditis", "Dansk Cardiologisk Selskab", vægt=1.5),
    _s("Intern medicin: lungesygdomme", "Lungemedicinsk Afdeling", "KOL; astma; lungekræft; interstitielle "
       "lungesygdomme; pneumoni; non-invasiv ventilation", "Dansk Lungemedicinsk Selskab"),
    _s("Intern medicin: nefrologi", "Nefrologisk Afdeling", "akut nyreskade; kronisk nyresygdom; dialyse; "
       "nyretransplantation; glomerulonefritis; væske- og elektrolytforstyrrelser", "Dansk Nefrologisk Selskab",
       vægt=0.7),
    _s("Intern medicin: reumatologi", "Reumatologisk Afdeling", "leddegigt; rygsøjlegigt; vaskulitis; "
       "urinsyregigt; bindevævssygdomme; ultralyd af led", "Dansk Reumatologisk Selskab"),
    _s("Karkirurgi", "Karkirurgisk Afdeling", "abdominalt aortaaneurisme; kritisk iskæmi; carotisstenose; "
       "diabetiske fodsår; venøs insufficiens; endovaskulær behandling", "Dansk Karkirurgisk Selskab", vægt=0.4,
       højt_specialiseret=True),
    _s("Kirurgi", "Kirurgisk Afdeling", "akut appendicitis; ileus; kolorektal kræft; galdesten; brok; "
       "øvre gastrointestinal kirurgi; traumekirurgi", "Dansk Kirurgisk Selskab", vægt=2.5),
    _s("Klinisk biokemi", "Klinisk Biokemisk Afdeling", "kvalitetssikring af analyser; koagulationsudredning; "
       "præanalytiske fejlkilder; point-of-care-analyser; hæmoglobinopatier; referenceintervaller",
       "Dansk Selskab for Klinisk Biokemi", vægt=0.5),
    _s("Klinisk farmakologi", "Klinisk Farmakologisk Afdeling", "lægemiddelinteraktioner; terapeutisk "
       "lægemiddelmonitorering; bivirkninger; lægemiddelforgiftning; medicingennemgang; farmakogenetik",
       "Dansk Selskab for Klinisk Farmakologi", vægt=0.3, højt_specialiseret=True),
    _s("Klinisk fysiologi og nuklearmedicin", "Klinisk Fysiologisk og Nuklearmedicinsk Afdeling",
       "myokardieperfusion; PET/CT; nyrefunktionsmåling; lungefunktionsundersøgelser; knoglescintigrafi; "
       "strålehygiejne", "Dansk Selskab for Klinisk Fysiologi og Nuklearmedicin", vægt=0.5),
    _s("Klinisk genetik", "Klinisk Genetisk Afdeling", "arvelig kræft; genetisk rådgivning; "
       "prænatal diagnostik; udviklingsforstyrrelser hos børn; arvelige hjertesygdomme; genomsekventering",
       "Dansk Selskab for Medicinsk Genetik", vægt=0.3, højt_specialiseret=True),
    _s("Klinisk immunologi", "Klinisk Immunologisk Afdeling", "transfusionsmedicin; blodbankens drift; "
       "vævstypebestemmelse; immundefekter; blodtypeserologi; donorsikkerhed", "Dansk Selskab for Klinisk Immunologi",
       vægt=0.3, højt_specialiseret=True),
    _s("Klinisk mikrobiologi", "Klinisk Mikrobiologisk Afdeling", "bloddyrkning; resistensbestemmelse; "
       "infektionshygiejne; molekylær diagnostik; parasitologi; udbrudsopsporing",
       "Dansk Selskab for Klinisk Mikrobiologi", vægt=0.5),
    _s("Klinisk onkologi", "Onkologisk Afdeling", "brystkræft; lungekræft; strålebehandling; "
       "kemoterapi og immunterapi; onkologiske akutte tilstande; palliativ onkologi", "Dansk Selskab for Klinisk "
       "Onkologi", vægt=1.0, højt_specialiseret=True),
    _s("Neurokirurgi", "Neurokirurgisk Afdeling", "hjernetumorer; subaraknoidalblødning; hovedtraumer; "
       "rygmarvskompression; hydrocephalus; degenerative rygsygdomme", "Dansk Neurokirurgisk Selskab", vægt=0.3,
       højt_specialiseret=True, ikke_sjælland=True, hoved_måneder=60),
    _s("Neurologi", "Neurologisk Afdeling", "akut apopleksi; epilepsi; sclerose; Parkinsons sygdom; hovedpine; "
       "neuromuskulære sygdomme; demens", "Dansk Neurologisk Selskab", vægt=1.2),
    _s("Oftalmologi", "Øjenafdelingen", "grå stær; glaukom; aldersrelateret makuladegeneration; diabetisk "
       "retinopati; øjentraumer; nethindeløsning", "Dansk Oftalmologisk Selskab", vægt=0.8),
    _s("Ortopædisk kirurgi", "Ortopædkirurgisk Afdeling", "hoftenære frakturer; alloplastik; idrætsskader; "
       "håndkirurgi; rygkirurgi; børneortopædi; frakturbehandling", "Dansk Ortopædisk Selskab", vægt=2),
    _s("Oto-rhino-laryngologi", "Øre-næse-halsafdelingen", "hovedhalskræft; høretab; svimmelhed; "
       "tonsillektomi; bihulesygdomme; luftvejsstenoser", "Dansk Selskab for Otolaryngologi – Hoved- og "
       "Halskirurgi", vægt=0.8),
    _s("Patologisk anatomi og cytologi", "Patologisk Afdeling", "makroskopisk udskæring; frysemikroskopi; "
       "cytologisk diagnostik; obduktion; molekylærpatologi; kræftdiagnostik", "Dansk Patologiselskab", vægt=0.8),
    _s("Plastikkirurgi", "Plastikkirurgisk Afdeling", "brandsår; brystrekonstruktion; hudkræft; håndkirurgi; "
       "kraniofaciale misdannelser; lapkirurgi", "Dansk Selskab for Plastik- og Rekonstruktionskirurgi", vægt=0.3,
       højt_specialiseret=True),
    _s("Psykiatri", "Psykiatrisk Afdeling", "skizofreni; bipolar lidelse; depression; selvmordsrisiko; "
       "personlighedsforstyrrelser; retspsykiatri; tvang efter psykiatriloven", "Dansk Psykiatrisk Selskab",
       vægt=2.5),
    _s("Pædiatri", "Børneafdelingen", "det febrile barn; neonatologi; astma hos børn; diabetes hos børn; "
       "børn med epilepsi; omsorgssvigt; vækstforstyrrelser", "Dansk Pædiatrisk Selskab", vægt=1.8),
    _s("Radiologi", "Radiologisk Afdeling", "CT af det akutte abdomen; MR af centralnervesystemet; "
       "mammografi; interventionel radiologi; ultralyd; thoraxradiologi", "Dansk Radiologisk Selskab", vægt=1.5),
    _s("Retsmedicin", "Retsmedicinsk Institut", "ligsyn; retsmedicinsk obduktion; personundersøgelser; "
       "retstoksikologi; dødsårsagsbestemmelse; erklæringer til politi og domstole", "Dansk Selskab for Retsmedicin",
       vægt=0.2, højt_specialiseret=True),
    _s("Samfundsmedicin", "Afdeling for Kvalitet og Sundhedsdata", "patientsikkerhed; tilsyn med "
       "sundhedsvæsenet; sundhedsøkonomi; smitsomme sygdomme i befolkningen; kvalitetsudvikling; "
       "sundhedsplanlægning", "Dansk Selskab for Samfundsmedicin", vægt=0.3, hoved_antal=15),
    _s("Thoraxkirurgi", "Thoraxkirurgisk Afdeling", "koronar bypasskirurgi; klapkirurgi; lungekræftkirurgi; "
       "thoraxtraumer; aortadissektion; ekstrakorporal cirkulation", "Dansk Thoraxkirurgisk Selskab", vægt=0.3,
       højt_specialiseret=True, ikke_sjælland=True, hoved_måneder=60),
    _s("Urologi", "Urologisk Afdeling", "prostatakræft; blærekræft; nyresten; urinvejsinfektioner; "
       "vandladningsforstyrrelser; endourologi", "Dansk Urologisk Selskab", vægt=0.8),
]
assert len(SPECIALER) == 39

KBU_NAVN = "Klinisk basisuddannelse"

# --------------------------------------------------------------------------------------------------
# Competencies: title patterns × specialty topics, with roles, learning strategies and assessment
# --------------------------------------------------------------------------------------------------

#: (title pattern, roles, learning strategies, obligatory assessment methods, konkretisering sentences)
MØNSTRE = [
    ("Udredning og behandling af {e}", ["medicinsk-ekspert"], ["klinisk-arbejde", "konference", "selvstudium"],
     ["case-baseret-diskussion"],
     ["Lægen kan selvstændigt udrede og behandle patienter med {e}, herunder vælge relevante undersøgelser og "
      "tolke resultaterne.", "Lægen kender de nationale retningslinjer og kan begrunde afvigelser fra dem.",
      "Lægen lægger en plan for opfølgning og kender indikationerne for henvisning til højt specialiseret "
      "funktion."]),
    ("Akut håndtering af {e}", ["medicinsk-ekspert", "leder-administrator-organisator"],
     ["klinisk-arbejde", "supervision", "simulation"], ["mini-cex"],
     ["Lægen kan vurdere og stabilisere patienter med {e} i den akutte fase og prioritere undersøgelser og "
      "behandling efter sværhedsgrad.", "Lægen tilkalder hjælp i rette tid og leder den første indsats.",
      "Det omfatter:\n\n- systematisk vurdering efter ABCDE\n- initial behandling efter instruks\n"
      "- plan for videre forløb og niveau"]),
    ("Procedurer og undersøgelser ved {e}", ["medicinsk-ekspert"], ["klinisk-arbejde", "supervision", "kursus"],
     ["struktureret-observation"],
     ["Lægen kan indikationsstille, planlægge og gennemføre de relevante procedurer ved {e} og håndtere de "
      "hyppigste komplikationer.", "Lægen informerer patienten om formål, risici og alternativer og indhenter "
      "samtykke.", "Proceduren gennemføres først under direkte supervision og derefter selvstændigt."]),
    ("Ambulant forløb og opfølgning ved {e}", ["medicinsk-ekspert", "sundhedsfremmer"],
     ["klinisk-arbejde", "relevante-opgaver"], ["audit-af-journaler"],
     ["Lægen kan varetage det ambulante forløb for patienter med {e}, herunder justering af behandling, "
      "kontrol af bivirkninger og forebyggelse af komplikationer.", "Lægen inddrager patientens egne mål og "
      "ressourcer i planen.", "Lægen dokumenterer forløbet, så det kan auditeres."]),
    ("Tværfagligt og tværsektorielt samarbejde om {e}", ["samarbejder", "leder-administrator-organisator"],
     ["klinisk-arbejde", "konference"], ["360-graders-feedback"],
     ["Lægen kan koordinere indsatsen for patienter med {e} med andre specialer, sygeplejen, terapeuter og "
      "kommunen.", "Lægen deltager aktivt i tværfaglige konferencer og sikrer en klar plan ved overgange "
      "mellem sektorer."]),
    ("Samtaler med patient og pårørende om {e}", ["kommunikator", "professionel"],
     ["klinisk-arbejde", "supervision"], ["struktureret-observation"],
     ["Lægen kan give svære beskeder og drøfte prognose og behandlingsvalg med patienter med {e} og deres "
      "pårørende.", "Lægen tilpasser samtalen til patientens situation og sikrer, at patienten har forstået "
      "planen.", "Lægen kender reglerne for informeret samtykke og tavshedspligt."]),
]

GENERELLE = [
    ("Vagtkompetence", ["medicinsk-ekspert", "leder-administrator-organisator", "professionel"],
     ["klinisk-arbejde", "supervision"], ["mini-cex", "360-graders-feedback"],
     "Lægen kan varetage specialets vagtfunktion selvstændigt, prioritere mellem samtidige opgaver og "
     "bruge bagvagten hensigtsmæssigt. Lægen overleverer patienter mundtligt og skriftligt efter en fast struktur."),
    ("Ledelse af eget arbejde og af teamet", ["leder-administrator-organisator", "samarbejder"],
     ["klinisk-arbejde", "kursus"], ["360-graders-feedback"],
     "Lægen kan planlægge og prioritere sit eget arbejde og lede teamet i dagligdagen og i akutte situationer. "
     "Lægen kender afdelingens organisation og sin rolle i den."),
    ("Undervisning og supervision af kolleger", ["akademiker", "kommunikator"], ["undervise-andre", "kursus"],
     ["struktureret-vejledersamtale"],
     "Lægen kan planlægge og gennemføre undervisning af kolleger, studerende og andre faggrupper og kan "
     "supervisere yngre læger i praktiske procedurer med konstruktiv feedback."),
    ("Kvalitetsudvikling og patientsikkerhed", ["leder-administrator-organisator", "akademiker"],
     ["relevante-opgaver", "konference"], ["audit-af-journaler"],
     "Lægen kan deltage i afdelingens kvalitetsarbejde, rapportere og analysere utilsigtede hændelser og "
     "gennemføre en audit med forslag til forbedringer."),
    ("Forskning og evidensbaseret praksis", ["akademiker"], ["relevante-opgaver", "selvstudium", "kursus"],
     ["struktureret-vejledersamtale"],
     "Lægen kan formulere et klinisk spørgsmål, søge og vurdere litteraturen kritisk og omsætte evidensen til "
     "praksis. Forskningstræningens projekt fremlægges i afdelingen."),
    ("Sundhedsfremme og forebyggelse", ["sundhedsfremmer", "kommunikator"], ["klinisk-arbejde", "selvstudium"],
     ["case-baseret-diskussion"],
     "Lægen kan identificere risikofaktorer og motivere patienter til livsstilsændringer og kender de "
     "kommunale og regionale forebyggelsestilbud."),
    ("Professionel adfærd og egen læring", ["professionel"], ["portefoelje", "supervision"],
     ["struktureret-vejledersamtale"],
     "Lægen kan erkende egne faglige og personlige grænser, søge hjælp og feedback og holde sin "
     "uddannelsesplan og portefølje opdateret. Lægen handler efter sundhedslovgivningen og de etiske regler."),
]

INTRO_MØNSTRE = [
    ("Basal udredning og behandling af {e}", ["medicinsk-ekspert"], ["klinisk-arbejde", "supervision"],
     ["case-baseret-diskussion"],
     "Lægen kan under supervision udrede og iværksætte behandling af patienter med {e} og ved, hvornår en "
     "mere erfaren kollega skal inddrages."),
    ("Den akutte patient med {e}", ["medicinsk-ekspert", "samarbejder"], ["klinisk-arbejde", "simulation"],
     ["mini-cex"],
     "Lægen kan modtage og stabilisere den akutte patient med {e}, lægge en foreløbig plan og overlevere "
     "patienten struktureret."),
]

INTRO_GENERELLE = [
    ("Kommunikation med patienter og pårørende", ["kommunikator"], ["klinisk-arbejde", "supervision"],
     ["struktureret-observation"],
     "Lægen kan gennemføre en struktureret samtale om diagnose og plan og tjekke, at patienten har forstået."),
    ("Samarbejde i afdelingen og med andre specialer", ["samarbejder", "leder-administrator-organisator"],
     ["klinisk-arbejde", "konference"], ["360-graders-feedback"],
     "Lægen kan indgå i teamet, overlevere patienter og tilkalde hjælp i tide."),
    ("Sundhedsfremme i den daglige klinik", ["sundhedsfremmer"], ["klinisk-arbejde", "selvstudium"],
     ["case-baseret-diskussion"],
     "Lægen kan tage en samtale om rygning, alkohol og fysisk aktivitet og henvise til relevante tilbud."),
    ("Evidensbaseret medicin og egen læring", ["akademiker", "professionel"], ["selvstudium", "portefoelje"],
     ["struktureret-vejledersamtale"],
     "Lægen kan søge og vurdere litteratur til et klinisk spørgsmål og holde sin uddannelsesplan opdateret."),
]

LÆRING_TIL_METODE_EKSTRA = ["selvstudium", "e-laering", "undervisning", "fokuseret-ophold"]


def slug(tekst: str) -> str:
    tabel = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "Æ": "ae", "Ø": "oe", "Å": "aa"})
    return re.sub(r"[^a-z0-9]+", "-", tekst.lower().translate(tabel)).strip("-")


# --------------------------------------------------------------------------------------------------
# YAML output: block literals for Markdown, flow style for short lists, like the shipped files
# --------------------------------------------------------------------------------------------------

class _Skriver(_Dumper):  # type: ignore[valid-type,misc]
    """Our own dumper class, so the representer below does not change PyYAML's global one."""


def _str(dumper, data: str):
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data if data.endswith("\n") else data + "\n",
                                       style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


_Skriver.add_representer(str, _str)


def skriv_yaml(sti: Path, data: dict, skema: str) -> None:
    tekst = yaml.dump(data, Dumper=_Skriver, allow_unicode=True, sort_keys=False, width=110,
                      default_flow_style=None)
    sti.parent.mkdir(parents=True, exist_ok=True)
    sti.write_text(f"# yaml-language-server: $schema=../../schemas/{skema}.schema.json\n"
                   "# Genereret af benchmarks/corpus.py: illustrativt indhold til ydelsesmålinger.\n" + tekst,
                   encoding="utf-8")


# --------------------------------------------------------------------------------------------------
# Målbeskrivelser
# --------------------------------------------------------------------------------------------------

def _kompetence(id_: str, titel: str, roller, strategier, metoder, tekst: str, rng: random.Random) -> dict:
    k = {"id": id_, "titel": titel, "konkretisering": tekst, "roller": list(roller),
         "læringsstrategier": list(strategier), "vurderingsmetoder": list(metoder)}
    if rng.random() < 0.12:
        k["min_vurderinger"] = rng.choice([2, 3])
    return k


def hoved_kompetencer(sp: Speciale, rng: random.Random) -> list[dict]:
    antal = sp.hoved_antal or rng.randint(15, 55)
    par = [(m, e) for e in sp.emner for m in MØNSTRE]
    rng.shuffle(par)
    kandidater = []
    for mønster, emne in par:
        titel, roller, strat, metoder, sætninger = mønster
        n = rng.randint(2, len(sætninger))
        tekst = " ".join(s.format(e=emne) for s in sætninger[:n - 1])
        sidste = sætninger[n - 1].format(e=emne)
        tekst = tekst + ("\n\n" if sidste.startswith("Det omfatter") else " ") + sidste if tekst else sidste
        if mønster is MØNSTRE[2] and sp.navn.endswith("kirurgi"):
            metoder = ["osats"]
        kandidater.append((titel.format(e=emne), roller, strat, metoder, tekst.strip() + "\n"))
    # The generic role competencies always come last, so every lægerolle is covered.
    generelle = [(t, r, s, m, x + "\n") for t, r, s, m, x in GENERELLE]
    valgte = kandidater[: max(antal - len(generelle), 1)] + generelle
    # Same order each time: by topic then pattern, as a målbeskrivelse groups its competencies.
    return [_kompetence(str(i), *k, rng=rng) for i, k in enumerate(valgte, 1)]


def intro_kompetencer(sp: Speciale, rng: random.Random) -> list[dict]:
    emner = list(sp.emner)
    rng.shuffle(emner)
    antal = 4 if sp.navn == "Samfundsmedicin" else rng.randint(8, 20)
    ud = []
    for emne in emner:
        for titel, roller, strat, metoder, tekst in INTRO_MØNSTRE:
            ud.append((titel.format(e=emne), roller, strat, metoder, tekst.format(e=emne) + "\n"))
    valgte = ud[: max(antal - len(INTRO_GENERELLE), 1)] + [(t, r, s, m, x + "\n") for t, r, s, m, x in INTRO_GENERELLE]
    return [_kompetence(str(i), *k, rng=rng) for i, k in enumerate(valgte, 1)]


def hoved_kurser(sp: Speciale, varighed: int, rng: random.Random) -> list[dict]:
    kurser = [
        {"id": "sol1", "titel": "SOL1 – Sundhedsvæsenets organisation og ledelse, del 1", "type": "generel",
         "varighed": "2 dage", "senest_måned": 12,
         "kilde": "Sundhedsstyrelsen, generelle kurser i hoveduddannelsen (SOL1, tidligere LAS1)"},
        {"id": "sol2", "titel": "SOL2 – Sundhedsvæsenets organisation og ledelse, del 2", "type": "generel",
         "varighed": "3 dage", "tidligst_måneder_før_slut": 24,
         "kilde": "Sundhedsstyrelsen, generelle kurser i hoveduddannelsen (SOL2, tidligere LAS3)"},
        {"id": "sol3", "titel": "SOL3 – Sundhedsvæsenets organisation og ledelse, del 3", "type": "generel",
         "varighed": "3 dages internat og 1 dags eksternat", "sidste_del": 3,
         "kilde": "Sundhedsstyrelsen, generelle kurser i hoveduddannelsen (SOL3, tidligere LAS2)"},
    ]
    emner = list(sp.emner)
    rng.shuffle(emner)
    valgte = emner[: rng.randint(3, 6)]
    # the specialty courses add up to 210 hours (Sundhedsstyrelsen), in whole days of 7 hours
    dage = [3] * len(valgte)
    for _ in range(30 - sum(dage)):
        dage[rng.randrange(len(dage))] += 1
    for i, (emne, d) in enumerate(zip(valgte, dage), 1):
        start = rng.randint(1, varighed // 2)
        kurser.append({"id": f"hu-{i}", "titel": f"Specialespecifikt kursus: {emne}", "type": "specialespecifik",
                       "varighed": f"{d} dage", "timer": 7 * d, "tidligst_måned": start,
                       "senest_måned": min(varighed - 4, start + rng.randint(12, 24)),
                       "beskrivelse": f"Teori og case-arbejde om {emne}, arrangeret af {sp.selskab}.",
                       "kilde": f"{sp.selskab}, specialespecifikke kurser (i alt 210 timer)"})
    return kurser


def målbeskrivelse_data(sp: Speciale, fase: str, version: str, gyldig_fra: date, rng: random.Random) -> dict:
    hoved = fase == "hoveduddannelse"
    varighed = sp.hoved_måneder if hoved else 12
    data = {
        "speciale": sp.navn, "fase": fase, "version": version,
        "versionsdato": date(gyldig_fra.year, 5, 1).isoformat(), "gyldig_fra": gyldig_fra.isoformat(),
        "udarbejdet_af": sp.selskab, "godkendt_af": "Sundhedsstyrelsen",
        "kilde": f"Genereret af benchmarks/corpus.py efter strukturen i Sundhedsstyrelsens skabelon for "
                 f"målbeskrivelser; ikke {sp.selskab}s officielle tekst",
        "illustrativ": True, "varighed_måneder": varighed,
        "beskrivelse": f"{sp.navn} varetager udredning, behandling og opfølgning inden for blandt andet "
                       f"{', '.join(sp.emner[:3])}.\n\nUddannelsen gør lægen i stand til at arbejde selvstændigt "
                       f"som speciallæge og til at lede og udvikle specialets opgaver.\n",
        "kompetencer": hoved_kompetencer(sp, rng) if hoved else intro_kompetencer(sp, rng),
    }
    if hoved:
        data["kurser"] = hoved_kurser(sp, varighed, rng)
        data["forskningstræning"] = {
            "dage": 20, "teori_dage": 10, "projekt_dage": 10, "start_senest_måned": 24,
            "slut_senest_måneder_før_slut": 6, **({"teori_inden_måneder": 12} if _HAR_TEORI else {}),
            "beskrivelse": "Forskningstræningen består af **10 dages teoretisk kursus** og **10 dages "
                           "projektarbejde** med vejleder.\n"}
    else:
        data["kurser"] = [{"id": "klinisk-vejledning", "titel": "Kursus i klinisk vejledning", "type": "generel",
                           "varighed": "2 dage", "tidligst_måned": 1, "senest_måned": 12,
                           "kilde": "Sundhedsstyrelsen, generelle kurser i den lægelige videreuddannelse"}]
    return data


def ny_version(gammel: dict, version: str, gyldig_fra: date, rng: random.Random) -> dict:
    """A newer version with the realistic kinds of change a specialty society makes."""
    ny = {**gammel, "version": version, "gyldig_fra": gyldig_fra.isoformat(),
          "versionsdato": date(gyldig_fra.year, 5, 1).isoformat()}
    komp = [dict(k, erstatter=[]) for k in gammel["kompetencer"]]
    n = len(komp)
    næste = n + 1
    specifikke = list(range(n - len(GENERELLE)))  # indices of specialty-specific competencies
    rng.shuffle(specifikke)
    fjern, omnummerer, flet_a, flet_b, metode, titel, tekst = specifikke[:7]
    # renumbered: same content, a new number, lineage through 'erstatter'
    komp[omnummerer]["erstatter"] = [komp[omnummerer]["id"]]
    komp[omnummerer]["id"] = str(næste)
    næste += 1
    # merged: two competencies become one
    a, b = komp[flet_a], komp[flet_b]
    a["erstatter"] = [a["id"], b["id"]]
    a["id"] = str(næste)
    næste += 1
    a["titel"] = f"{a['titel']} og {b['titel'][0].lower()}{b['titel'][1:]}"
    a["roller"] = list(dict.fromkeys(a["roller"] + b["roller"]))
    a["læringsstrategier"] = list(dict.fromkeys(a["læringsstrategier"] + b["læringsstrategier"]))
    a["vurderingsmetoder"] = list(dict.fromkeys(a["vurderingsmetoder"] + b["vurderingsmetoder"]))
    # assessment method changed
    komp[metode]["vurderingsmetoder"] = (["case-baseret-diskussion"] if "case-baseret-diskussion"
                                         not in komp[metode]["vurderingsmetoder"] else ["mini-cex"])
    komp[titel]["titel"] = komp[titel]["titel"].replace("Udredning og behandling", "Diagnostik og behandling") \
        + " (revideret)"
    komp[tekst]["konkretisering"] = komp[tekst]["konkretisering"].rstrip() + \
        " Lægen anvender desuden patientrapporterede oplysninger i opfølgningen.\n"
    ud = [k for i, k in enumerate(komp) if i not in (fjern, flet_b)]
    emne = gammel["speciale"].split(": ")[-1].lower()
    ud.append(_kompetence(str(næste), f"Digitale arbejdsgange og telemedicin i {emne}", ["leder-administrator-organisator",
                          "kommunikator"], ["klinisk-arbejde", "e-laering"], ["case-baseret-diskussion"],
                          "Lægen kan bruge video- og telefonkonsultationer og digitale hjemmemålinger sikkert og "
                          "vurdere, hvornår patienten skal ses fysisk.\n", rng))
    for k in ud:
        if not k.get("erstatter", True):
            del k["erstatter"]
    ny["kompetencer"] = ud
    kurser = [dict(k) for k in gammel["kurser"]]
    længst = max((k for k in kurser if k.get("timer")), key=lambda k: k["timer"])
    længst["timer"] -= 14  # the new course takes two days from the longest one: still 210 hours
    længst["varighed"] = f"{længst['timer'] // 7} dage"
    kurser.append({"id": "hu-digital", "titel": "Specialespecifikt kursus: digitale arbejdsgange",
                   "type": "specialespecifik", "varighed": "2 dage", "timer": 14, "tidligst_måned": 12,
                   "senest_måned": 36,
                   "kilde": "Specialeselskabets kursusrække (i alt 210 timer)"})
    ny["kurser"] = kurser
    return ny


# --------------------------------------------------------------------------------------------------
# Programmes
# --------------------------------------------------------------------------------------------------

@dataclass
class MB:
    """What a programme generator needs to know about a målbeskrivelse."""

    speciale: str
    fase: str
    version: str
    varighed: int
    kompetencer: list[tuple[str, list[str], list[str], int | None]]  # id, strategies, methods, min_vurderinger
    kurser: list[tuple[str, int | None, int | None]]
    forskning: tuple[int | None, int | None, int | None] | None  # start senest, end before, theory within
    spec: Speciale | None = None
    # the målbeskrivelse's ansættelsesmønster: (type, months, side specialty or None, index of the part whose
    # place it shares or None)
    mønster: list[tuple[str, int, str | None, int | None]] | None = None

    @classmethod
    def fra_model(cls, m: Maalbeskrivelse, spec: Speciale | None) -> MB:
        f = m.forskningstræning
        return cls(m.speciale, str(m.fase), m.version, m.varighed_måneder,
                   [(k.id, [str(x) for x in k.læringsstrategier], [str(x) for x in k.vurderingsmetoder],
                     getattr(k, "min_vurderinger", None)) for k in m.kompetencer],
                   [(k.id, *regler.kursusvindue(k, m.varighed_måneder)) for k in m.kurser],
                   (f.start_senest_måned, f.slut_senest_måneder_før_slut, getattr(f, "teori_inden_måneder", None))
                   if f else None, spec,
                   _mønster(m) or None)


def _mønster(m: Maalbeskrivelse) -> list[tuple[str, int, str | None, int | None]]:
    ids = [d.id for d in m.ansættelsesmønster]
    return [(str(d.type), d.måneder, d.speciale, ids.index(d.samme_sted_som) if d.samme_sted_som and d.samme_sted_som in ids else None)
            for d in m.ansættelsesmønster]


def _navn(rng: random.Random) -> str:
    return f"{rng.choice(FORNAVNE)} {rng.choice(EFTERNAVNE)}"


def _ord(tekst: str) -> int:
    tekst = re.sub(r"\]\([^)]*\)", "]", tekst)
    return len(re.findall(r"\w+(?:[-'’]\w+)*", tekst))


def _tekst(sætninger: list[str], maks_ord: int | None, rng: random.Random) -> str:
    """Paragraphs from the sentences, as long as the section's word limit comfortably allows."""
    grænse = int((maks_ord or 250) * 0.8)
    ud: list[str] = []
    for s in sætninger:
        if s.startswith(("- ", "1. ")) and ud and not ud[-1].startswith(("- ", "1. ")):
            ud.append("")
        kandidat = "\n".join(ud + [s])
        if _ord(kandidat) > grænse:
            break
        ud.append(s)
        if not s.startswith(("- ", "1. ")) and rng.random() < 0.35:
            ud.append("")
    while ud and not ud[-1]:
        ud.pop()
    return "\n".join(ud).replace("\n\n\n", "\n\n") + "\n"


def sektionstekst(sid: str, p: dict) -> list[str]:
    """Sentences for one template section, with the programme's facts filled in."""
    sp, fase_navn, steder = p["speciale"], p["fase_navn"], p["steder"]
    forløb, region = p["forløb_nr"], p["region"]
    første = steder[0]
    tekster = {
        "indledning": [
            f"Dette program beskriver **{fase_navn.lower()} i {sp.lower()}, forløb {forløb}** i "
            f"Videreuddannelsesregion {region}.",
            f"Forløbet varer {p['varighed']} måneder og begynder på {første}.",
            f"Programmet bygger på målbeskrivelsen for {sp.lower()} (version {p['version']}) og den nationale "
            "skabelon for uddannelsesprogrammer.",
            "Det viser, hvor og hvornår kompetencerne erhverves og vurderes, og er udgangspunktet for din "
            "**individuelle uddannelsesplan**.",
            "Programmet revideres, når målbeskrivelsen eller forløbets struktur ændres.",
        ],
        "uddannelsesforloebet": [
            "Forløbet er bygget op, så ansvaret og sværhedsgraden stiger undervejs:",
            *[f"1. **{s}** ({måneder_tekst(a, b)})" for s, (a, b) in zip(steder, p["perioder"])],
            "Overgangen mellem ansættelserne planlægges i det specialespecifikke uddannelsesudvalg.",
        ],
        "uddannelsesstederne": [
            f"Alle afdelinger i forløbet er godkendt til {fase_navn.lower()} i {sp.lower()} og har en "
            "uddannelsesansvarlig overlæge og faste vejledere.",
            "Afdelingerne mødes mindst en gang om året og aftaler, hvordan uddannelsesplanen følger lægen "
            "mellem ansættelserne.",
        ],
        "kompetenceudvikling": [
            "Kompetencerne erhverves primært gennem **klinisk arbejde under supervision**, hvor graden af "
            "selvstændighed øges gennem forløbet.",
            "Klinikken suppleres med konferencer, simulation, fokuserede ophold og kurser.",
            "Vurderingen følger målbeskrivelsens obligatoriske metoder:",
            "- **Struktureret observation** af procedurer og samtaler",
            "- **Mini-CEX** i akutte og ambulante situationer",
            "- **Case-baseret diskussion** af forløb, der ikke kan observeres direkte",
            "- **360-graders feedback** om samarbejde og ledelse",
            "Vurderingerne registreres løbende i logbogen, og vejlederen godkender kompetencen, når alle krav "
            "er opfyldt.",
            "Nogle kompetencer trænes i én ansættelse og vurderes i en senere; det fremgår af tabellen.",
        ],
        "kurser": [
            "De generelle kurser er placeret, så de passer til forløbets faser, og tilmelding sker via "
            f"{SEKRETARIAT[region].split(',')[0].lower()}.",
            "De specialespecifikke kurser arrangeres af specialeselskabet og lægges i samråd med vejlederen.",
            "Afdelingerne giver fri med løn til alle obligatoriske kurser.",
        ],
        "forskningstraening": [
            "Forskningstræningen omfatter **20 dage**: 10 dages teorikursus og 10 dages projektarbejde.",
            "Projektet tilrettelægges med en vejleder fra en universitær afdeling og fremlægges på "
            "afdelingens forskningsmøde.",
            "Forskningstræningen afsluttes senest seks måneder før forløbets afslutning.",
        ],
        "vejledning": [
            "I hver ansættelse får du en **hovedvejleder** blandt speciallægerne. Der holdes:",
            "1. introduktionssamtale inden for den første måned",
            "2. justeringssamtaler mindst hver tredje måned",
            "3. slutsamtale, hvor kompetencer og uddannelsesplan overdrages til næste ansættelse",
            "Uddannelsesplanen revideres efter hver samtale og gemmes i logbogen.",
            "Den uddannelsesansvarlige overlæge følger med i, at planen holdes.",
        ],
        "karrierevejledning": [
            "Dine overvejelser om speciale og karriere er et fast punkt på **alle vejledersamtaler**.",
            "Vejlederen hjælper dig med at finde relevante hospitationer og med at forberede ansøgninger.",
            f"Videreuddannelsesregion {region} tilbyder desuden karrieredage og individuel karrierevejledning.",
        ],
        "evaluering": [
            "Du evaluerer hver ansættelse på [uddannelseslæge.dk](https://xn--uddannelseslge-cjb.dk).",
            "Evalueringerne drøftes i afdelingernes uddannelsesråd og årligt i det specialespecifikke "
            "uddannelsesudvalg, som bruger resultaterne ved næste revision af programmet.",
        ],
        "nyttige-links": [
            "- [Sundhedsstyrelsen – speciallægeuddannelsen](https://www.sst.dk)",
            "- [Lægeuddannelsen](https://www.laegeuddannelsen.dk) – begreber og regler",
            "- [Uddannelseslæge.dk](https://xn--uddannelseslge-cjb.dk) – logbog og evaluering af uddannelsesforløb",
        ],
    }
    return tekster.get(sid, [f"Afsnittet beskriver, hvordan forløb {forløb} i {sp.lower()} lever op til "
                             "skabelonens krav.", "Spørgsmål rettes til den uddannelsesansvarlige overlæge."])


def ansættelsestekst(sted: str, afdeling: str, sp_navn: str, universitet: bool, rng: random.Random,
                     tutorpraksis: bool = False) -> str:
    if tutorpraksis:  # the tutorlæge's praksisbeskrivelse names its required topics (P055)
        return (f"{sted} er en tutorpraksis. **Arbejdstilrettelæggelse**: egne konsultationer i tidsbogen fra "
                "første uge. Introduktionen varer to uger, og uddannelsessamtaler holdes ved start, midtvejs og "
                "ved slut. Supervision ved tutorlægen hver dag, undervisning en time om ugen og fælles "
                "konference ved praksismødet hver morgen.\n")
    dele = [
        f"{afdeling} på {sted} varetager {'højt specialiserede og ' if universitet else ''}basale "
        f"funktioner i {sp_navn.lower()} for områdets borgere og har et tæt samarbejde med de andre specialer "
        "på hospitalet.",
        "",
        "Du indgår i afdelingens daglige klinik og vagtlag med supervision fra speciallæger og får gradvist "
        "**mere selvstændigt ansvar**.",
    ]
    if rng.random() < 0.7:
        dele += ["", "Afdelingen lægger vægt på:", "",
                 "- faste supervisorer i de første måneder",
                 "- ugentlig undervisning og månedlig simulation",
                 "- tid til forskningstræning og kvalitetsarbejde"]
    return "\n".join(dele) + "\n"


def ansættelser_for(mb: MB, region: str, rng: random.Random) -> list[dict]:
    """The målbeskrivelse's pattern (side specialties, a part back at an earlier place), else 1–5 ansættelser
    whose months sum to the phase, at hospitals of the region's driftsregioner."""
    fase, varighed, sp = mb.fase, mb.varighed, mb.spec
    typer: list[str | None] = []
    sidespecialer: list[str | None] = []
    samme_sted: list[int | None] = []
    if mb.mønster:
        typer, længder = [d[0] for d in mb.mønster], [d[1] for d in mb.mønster]
        sidespecialer, samme_sted = [d[2] for d in mb.mønster], [d[3] for d in mb.mønster]
    elif fase == "kbu":
        længder = [6, 6]
    elif fase == "introduktion":
        længder = [12] if rng.random() < 0.75 else [6, 6]
    else:
        n = rng.choices([2, 3, 4, 5], weights=[2, 4, 3, 1])[0]
        længder = [varighed // n] * n
        længder[-1] += varighed - sum(længder)
    driftsregioner = list(DRIFTSREGIONER[region])
    if sp and sp.ikke_sjælland and "Sjælland" in driftsregioner:
        driftsregioner.remove("Sjælland")
    ud, brugt = [], set()
    # Øst: a hoveduddannelse forløb starts and ends in Region Sjælland where the specialty is offered (P050)
    sjælland_ende = fase == "hoveduddannelse" and "Sjælland" in driftsregioner
    for i, måneder in enumerate(længder):
        dr = "Sjælland" if sjælland_ende and i in (0, len(længder) - 1) else rng.choice(driftsregioner)
        type_ = typer[i] if typer else None
        praksis = type_ == "almen-praksis" if typer else (fase == "kbu" and i == (1 if region == "Øst" else 0)  # Øst: almen praksis is the 2nd (P053)
                                                 or (sp and sp.praksis and i % 2 == 1))
        if samme_sted and samme_sted[i] is not None and samme_sted[i] < len(ud):
            tidligere = ud[samme_sted[i]]  # e.g. almen medicin's fase 2, back in the fase-1 practice
            sted, afdeling, uni, dr = (tidligere["sted"], tidligere["afdeling"], tidligere["universitetshospital"],
                                       tidligere["driftsregion"])
            kort = tidligere["id"]
        elif praksis:
            by = rng.choice(PRAKSISBYER[dr])
            sted, afdeling, uni = f"Lægehuset {by} (fiktiv praksis)", "Almen praksis", False
            kort = f"praksis-{slug(by)}"
        else:
            muligheder = [h for h in HOSPITALER[dr] if h[2] or not (sp and sp.højt_specialiseret)]
            if i == 0 and fase == "hoveduddannelse" and len(længder) > 2:
                muligheder = [h for h in muligheder if h[2]] or muligheder
            sted, by, uni = rng.choice(muligheder)
            afdeling = sp.afdeling if sp and not sp.praksis else (
                "Akutafdelingen" if fase == "kbu" else rng.choice(["Medicinsk Afdeling", "Børneafdelingen",
                                                                    "Psykiatrisk Afdeling"]))
            kort = slug(by)
        id_ = kort
        k = 2
        while id_ in brugt:
            id_, k = f"{kort}-{k}", k + 1
        brugt.add(id_)
        ansættelse = {"id": id_}
        if praksis or type_:
            ansættelse["type"] = type_ or "almen-praksis"
        if sidespecialer and sidespecialer[i]:
            ansættelse["speciale"] = sidespecialer[i]
        ansættelse |= {"sted": sted, "afdeling": afdeling, "driftsregion": dr, "universitetshospital": uni,
                       "måneder": måneder,
                       "beskrivelse": ansættelsestekst(sted, afdeling, mb.speciale if mb.spec else "klinisk basisuddannelse",
                                                       uni, rng, tutorpraksis=praksis and fase != "kbu")}
        if fase == "kbu":
            ansættelse["uddannelsesplan_senest_dag"] = regler.UDDANNELSESPLAN_KBU_DAGE
        ansættelse["vejledersamtaler"] = [{"type": t, "senest_dag": d} for t, d in regler.samtaleplan(måneder, fase)]
        ud.append(ansættelse)
    return ud


def _måned_i(vindue: tuple[int | None, int | None], varighed: int, rng: random.Random) -> int:
    lav, høj = vindue[0] or 1, min(vindue[1] or varighed, varighed)
    return rng.randint(lav, max(lav, høj))


def program_data(mb: MB, skabelon: NationalSkabelon, region: str, nr: int, rng: random.Random) -> dict:
    ansættelser = ansættelser_for(mb, region, rng)
    perioder, start = [], 1
    for a in ansættelser:
        perioder.append((start, start + a["måneder"] - 1))
        start += a["måneder"]
    # competency plan: each competency in 1–2 ansættelser; the last one assesses with all obligatory methods
    plan = []
    for kid, strategier, metoder, minimum in mb.kompetencer:
        antal = 1 if len(ansættelser) == 1 or rng.random() < 0.55 else 2
        valgte = sorted(rng.sample(range(len(ansættelser)), antal))
        for j, ai in enumerate(valgte):
            a, b = perioder[ai]
            fra = rng.randint(a, max(a, b - 2))
            til = rng.randint(fra, b)
            læring = rng.sample(strategier, rng.randint(1, len(strategier)))
            post = {"kompetence": kid, "ansættelse": ansættelser[ai]["id"], "fra_måned": fra, "til_måned": til,
                    "læringsmetoder": læring}
            if j == antal - 1:
                post["vurderingsmetoder"] = list(metoder)
                if minimum and minimum > 1:
                    post["antal_vurderinger"] = minimum
            if rng.random() < 0.08:
                post["bemærkning"] = "Vurderingen aftales ved justeringssamtalen og registreres i logbogen."
            plan.append(post)
    plan.sort(key=lambda p: (int(p["kompetence"]) if p["kompetence"].isdigit() else 10**6, p["fra_måned"]))
    kurser = [{"kursus": kid, "måned": _måned_i((lav, høj), mb.varighed, rng)} for kid, lav, høj in mb.kurser]
    kurser.sort(key=lambda k: k["måned"])
    sp_navn = mb.speciale
    fase_navn = {"kbu": "Klinisk basisuddannelse", "introduktion": "Introduktionsuddannelse",
                 "hoveduddannelse": "Hoveduddannelse"}[mb.fase]
    byer = [a["sted"].split(",")[-1].split(" (")[0].strip() for a in ansættelser]
    godkendt = date(rng.choice([2025, 2026]), rng.randint(1, 12), rng.randint(1, 28))
    if godkendt > date(2026, 10, 1):
        godkendt = date(2026, rng.randint(1, 9), godkendt.day)
    data: dict = {
        "titel": f"Uddannelsesprogram for {fase_navn.lower()} i {sp_navn.lower()} – {', '.join(dict.fromkeys(byer))}, "
                 f"forløb {nr}",
        "skabelon": skabelon.id,
        "målbeskrivelse": {"speciale": mb.speciale, "fase": mb.fase, "version": mb.version},
        "videreuddannelsesregion": region,
        # "Forløb 2 (Aarhus – Viborg)": the number first, so output file names stay short and distinct
        "forløb": f"Forløb {nr} ({' – '.join(dict.fromkeys(byer))})",
        "illustrativ": True,
        "ansvar": {
            "udarbejdet_af": [
                {"navn": _navn(rng), "rolle": "pkl", "titel": f"Postgraduat klinisk lektor, Videreuddannelsesregion {region} (fiktiv)"},
                {"navn": _navn(rng), "rolle": "uao", "titel": f"Uddannelsesansvarlig overlæge, {ansættelser[0]['afdeling']} (fiktiv)"},
            ] + ([{"navn": _navn(rng), "rolle": "tutorlaege", "titel": "Tutorlæge i almen praksis (fiktiv)"}]
                 if mb.fase != "kbu" and any(a.get("type") == "almen-praksis" for a in ansættelser) else []
            ) + ([{"navn": _navn(rng), "rolle": "uddannelsesudvalg",
                   "titel": f"Formand for det specialespecifikke uddannelsesudvalg, {region} (fiktiv)"}]
                 if rng.random() < 0.5 else []),
            "godkendt_af": GODKENDER[region],
            "godkendt_dato": godkendt.isoformat(),
            "næste_revision": læg_måneder_til(godkendt, rng.randint(28, 36)).isoformat(),
            "kontakt": SEKRETARIAT[region],
        },
        "ansættelser": ansættelser,
        "kompetenceplan": plan,
        "kurser": kurser,
    }
    if mb.forskning is not None:
        start_senest, slut_før, teori_inden = mb.forskning
        seneste_slut = mb.varighed - (slut_før or 0)
        fra = rng.randint(6, min(start_senest or 24, seneste_slut - 6))
        til = rng.randint(fra + 4, seneste_slut)
        data["forskningstræning"] = {"fra_måned": fra, "til_måned": til}
        if _HAR_TEORI_PLAN:
            data["forskningstræning"]["teori_til_måned"] = min(fra + (teori_inden or 12) - 1 - rng.randint(0, 3), til)
        data["forskningstræning"]["beskrivelse"] = ("Teorikurset tages det første år; projektet afsluttes med en "
                                                    "præsentation i afdelingen.")
    if _HAR_OPHOLD and mb.fase == "hoveduddannelse" and rng.random() < 0.5:
        # a focused stay at a university hospital department for one or two of the competencies
        ai = rng.randrange(len(ansættelser))
        a, b = perioder[ai]
        fra = rng.randint(a, b)
        dr = ansættelser[ai]["driftsregion"]
        sted = next(h[0] for h in HOSPITALER[dr] if h[2])
        komp = [k[0] for k in rng.sample(mb.kompetencer, min(2, len(mb.kompetencer)))]
        data["fokuserede_ophold"] = [{
            "sted": f"{mb.spec.afdeling if mb.spec and not mb.spec.praksis else 'Medicinsk Afdeling'}, {sted}",
            "ansættelse": ansættelser[ai]["id"], "fra_måned": fra, "til_måned": min(b, fra + rng.randint(0, 1)),
            "dage": rng.choice([7, 10, 14]),
            "formål": f"Træning i højt specialiserede funktioner inden for kompetence {' og '.join(komp)}, som "
                      "ansættelsesstedet ikke selv kan tilbyde.",
            "kompetencer": komp}]
    fakta = {"speciale": sp_navn, "fase_navn": fase_navn, "steder": [f"{a['afdeling']}, {a['sted']}" for a in ansættelser],
             "perioder": perioder, "forløb_nr": nr, "region": region, "varighed": mb.varighed, "version": mb.version}
    sektioner = {}
    for s in skabelon.sektioner:
        if not s.påkrævet and rng.random() < 0.2:
            continue
        if s.id == "forskningstraening" and mb.forskning is None:
            continue
        sektioner[s.id] = _tekst(sektionstekst(s.id, fakta), s.maks_ord, rng)
    data["sektioner"] = sektioner
    return data


# --------------------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------------------

@dataclass
class Korpus:
    rod: Path
    programmer: list[Path] = field(default_factory=list)
    målbeskrivelser: list[Path] = field(default_factory=list)
    runder: list[Path] = field(default_factory=list)
    #: (old file, new file, number of programmes on the old version) for each two-version specialty
    versionspar: list[tuple[Path, Path, int]] = field(default_factory=list)
    sekunder: float = 0.0

    @property
    def største_par(self) -> tuple[Path, Path, int]:
        return max(self.versionspar, key=lambda t: t[2])


def _indlæs_rent(fil: Path, type: str):
    try:
        return indlæs(fil, type).model
    except LoadError:
        return None


#: The recruitment rounds generated for every hoveduddannelse cell (region × specialty).
RUNDER = ((2024, 2), (2025, 1), (2025, 2), (2026, 1))


def runde_data(år: int, runde: int, speciale: str, region: str, forløb: list[str], rng: random.Random) -> dict:
    """One round: about half of the cell's forløb posted, most filled, some reposted, unfilled or converted."""
    valgte = sorted(rng.sample(forløb, max(1, round(len(forløb) * rng.uniform(0.3, 0.7)))))
    linjer = []
    for navn in valgte:
        linje = {"forløb": navn, "opslået": 1}
        if rng.random() < 0.82:
            linje["besat"] = 1
        else:
            linje["genopslået"] = 1
            udfald = rng.choices(["besat", "ubesat", "flexforløb"], weights=[5, 3, 2])[0]
            linje[udfald] = 1
            if udfald == "flexforløb":
                linje["flex_speciale"] = rng.choice([s.navn for s in SPECIALER if s.navn != speciale])
        linjer.append(linje)
    i_alt = {k: sum(l.get(k, 0) for l in linjer) for k in ("opslået", "besat", "genopslået", "ubesat", "flexforløb")}
    return {"år": år, "runde": runde, "speciale": speciale, "fase": "hoveduddannelse",
            "videreuddannelsesregion": region, "opslået_dato": f"{år}-{'02' if runde == 1 else '08'}-01",
            "dimensioneret": round(len(valgte) * rng.uniform(0.9, 1.1), 1), "illustrativ": True,
            "kilde": "Genereret af benchmarks/corpus.py: opdigtede tal til ydelsesmålinger.",
            "forløb": linjer, "i_alt": i_alt}


def generer(ud: Path, programmer: int, seed: int = DEFAULT_SEED, repo: Path = REPO, runder: bool = True) -> Korpus:
    """Write a corpus with ``programmer`` programmes into ``ud`` (created; must be empty or absent)."""
    t0 = time.perf_counter()
    ud = Path(ud)
    if ud.exists() and any(ud.iterdir()):
        raise SystemExit(f"{ud} findes og er ikke tom")
    rng = random.Random(seed)
    korpus = Korpus(ud)

    # national templates: copied as they are, layouts included
    shutil.copytree(repo / "templates" / "national", ud / "templates" / "national")
    skabeloner: dict[str, NationalSkabelon] = {}
    for fil in sorted((ud / "templates" / "national").glob("*/skabelon.yaml")):
        model = _indlæs_rent(fil, "skabelon")
        if model is not None:
            skabeloner[str(model.fase)] = model
    mangler = {"kbu", "introduktion", "hoveduddannelse"} - set(skabeloner)
    if mangler:
        raise SystemExit(f"de nationale skabeloner for {', '.join(sorted(mangler))} kan ikke indlæses")
    if (repo / "schemas").is_dir():
        shutil.copytree(repo / "schemas", ud / "schemas")

    # målbeskrivelser: the shipped ones that load cleanly, the rest generated
    mb: dict[tuple[str, str], list[MB]] = {}  # (speciale, fase) → versions, oldest first
    navne = {s.navn: s for s in SPECIALER}
    shipped: dict[tuple[str, str], list[tuple[Maalbeskrivelse, Path]]] = {}
    for fil in sorted((repo / "målbeskrivelser").rglob("*.yaml")):
        model = _indlæs_rent(fil, "målbeskrivelse")
        if model is not None:
            shipped.setdefault((model.speciale, str(model.fase)), []).append((model, fil))
    for (navn, fase), versioner in shipped.items():
        versioner.sort(key=lambda t: t[0].gyldig_fra)
        for model, fil in versioner:
            mål = ud / "målbeskrivelser" / fil.parent.name / fil.name
            mål.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(fil, mål)
            korpus.målbeskrivelser.append(mål)
            mb.setdefault((navn, fase), []).append(MB.fra_model(model, navne.get(navn)))
        if len(versioner) > 1:
            korpus.versionspar.append((ud / "målbeskrivelser" / versioner[-2][1].parent.name / versioner[-2][1].name,
                                       ud / "målbeskrivelser" / versioner[-1][1].parent.name / versioner[-1][1].name, 0))
    if (KBU_NAVN, "kbu") not in mb:
        raise SystemExit("KBU-målbeskrivelsen (målbeskrivelser/kbu/) mangler eller kan ikke indlæses")

    to_versioner = {s.navn for i, s in enumerate(SPECIALER) if i % 3 == 1}
    for sp in SPECIALER:
        srng = random.Random(f"{seed}:{sp.navn}")
        for fase in ("introduktion", "hoveduddannelse"):
            if (sp.navn, fase) in mb:
                continue
            år = srng.choice([2013, 2015, 2017, 2019])
            data = målbeskrivelse_data(sp, fase, str(år), date(år, 9, 1), srng)
            datasæt = [data]
            if fase == "hoveduddannelse" and sp.navn in to_versioner:
                nyt_år = srng.choice([2024, 2025, 2026])
                datasæt.append(ny_version(data, str(nyt_år), date(nyt_år, 9, 1), srng))
            filer = []
            for d in datasæt:
                fil = ud / "målbeskrivelser" / slug(sp.navn) / f"{fase}-{d['version']}.yaml"
                skriv_yaml(fil, d, "maalbeskrivelse")
                korpus.målbeskrivelser.append(fil)
                filer.append(fil)
                model = indlæs(fil, "målbeskrivelse").model  # also proves the generated file is valid
                mb.setdefault((sp.navn, fase), []).append(MB.fra_model(model, sp))
            if len(filer) == 2:
                korpus.versionspar.append((filer[0], filer[1], 0))

    # programmes: first one hoveduddannelse per specialty, then weighted by the specialty's size
    celler = []
    for sp in SPECIALER:
        for fase, faktor in (("hoveduddannelse", 1.0), ("introduktion", 0.6)):
            for region in REGION_MAPPE:
                celler.append(((sp.navn, fase), region, sp.vægt * faktor * (1.2 if region == "Øst" else 1.0)))
    for region, vægt in (("Nord", 4.0), ("Syd", 3.0), ("Øst", 5.0)):
        celler.append(((KBU_NAVN, "kbu"), region, vægt))
    rækkefølge = [((sp.navn, "hoveduddannelse"), REGION_MAPPE_KEYS[i % 3], 0) for i, sp in enumerate(SPECIALER)]
    vægte = [c[2] for c in celler]
    while len(rækkefølge) < programmer:
        rækkefølge.append(rng.choices(celler, weights=vægte)[0])
    rækkefølge = rækkefølge[:programmer]

    numre: dict[tuple, int] = {}
    par_tæller: dict[tuple[str, str], int] = {}
    hoved_forløb: dict[tuple[str, str], list[str]] = {}  # (region, speciale) → forløb names
    for nøgle, region, _ in rækkefølge:
        versioner = mb[nøgle]
        # programmes of a two-version specialty: a third still on the old version (stale), the rest on the new
        version = versioner[0] if len(versioner) > 1 and rng.random() < 0.35 else versioner[-1]
        if version is versioner[0] and len(versioner) > 1:
            par_tæller[nøgle] = par_tæller.get(nøgle, 0) + 1
        nr = numre[(nøgle, region)] = numre.get((nøgle, region), 0) + 1
        data = program_data(version, skabeloner[version.fase], region, nr, rng)
        navn = f"{slug(version.speciale)}-{version.fase}-forloeb-{nr}.yaml"
        fil = ud / "examples" / REGION_MAPPE[region] / navn
        skriv_yaml(fil, data, "uddannelsesprogram")
        korpus.programmer.append(fil)
        if version.fase == "hoveduddannelse":
            hoved_forløb.setdefault((region, version.speciale), []).append(data["forløb"])

    if runder:
        if (repo / "aftaler").is_dir():
            shutil.copytree(repo / "aftaler", ud / "aftaler")
        rrng = random.Random(f"{seed}:runder")
        for (region, speciale), navne in sorted(hoved_forløb.items()):
            for år, nr in RUNDER:
                fil = ud / "rekruttering" / REGION_MAPPE[region] / f"{år}-{nr}-{slug(speciale)}.yaml"
                skriv_yaml(fil, runde_data(år, nr, speciale, region, navne, rrng), "rekrutteringsrunde")
                korpus.runder.append(fil)

    for i, (gammel, ny, _) in enumerate(korpus.versionspar):
        m = indlæs(gammel, "målbeskrivelse").model
        korpus.versionspar[i] = (gammel, ny, par_tæller.get((m.speciale, str(m.fase)), 0))
    korpus.sekunder = time.perf_counter() - t0
    return korpus


REGION_MAPPE_KEYS = list(REGION_MAPPE)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ud", type=Path, help="mappe korpusset skrives til (oprettes; skal være tom)")
    ap.add_argument("--programmer", "-n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--repo", type=Path, default=REPO, help="repository med templates/national og målbeskrivelser")
    a = ap.parse_args(argv)
    k = generer(a.ud, a.programmer, a.seed, a.repo)
    par = k.største_par
    print(f"{len(k.programmer)} programmer, {len(k.runder)} rekrutteringsrunder og {len(k.målbeskrivelser)} målbeskrivelser skrevet til {k.rod} "
          f"på {k.sekunder:.1f} s; største versionspar: {par[0].relative_to(k.rod)} → {par[1].relative_to(k.rod)} "
          f"({par[2]} programmer på den gamle version)")
    print(f"Validér: uddprog validate {k.rod} --dato {DATO.isoformat()}")


if __name__ == "__main__":
    main()
