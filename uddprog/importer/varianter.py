"""Data: how regional Word programmes title the national template's sections, and phrases
uddprog's own Word output generates (which the importer recognises and does not import twice).

Titles are compared after ``titler.normaliser`` (numbering, case, punctuation and æøå
spelling removed), so each variant is written once, as a reader would write it.
Add a region's wording here; no code changes.
"""

from __future__ import annotations

#: uddprog's stamp on the title page of a programme marked illustrative (render.context.STEMPEL).
STEMPEL = r"Illustrativt eksempel: forløb, afdelinger og personer er opdigtet til uddprog\."

#: section id -> other titles regions use for it (the template's own title always matches).
TITELVARIANTER: dict[str, list[str]] = {
    "indledning": ["Introduktion", "Forord", "Indledning og formål", "Formål", "Generelt"],
    "uddannelsesforloebet": ["Præsentation af forløbet", "Uddannelsesforløbet", "Forløbet", "Forløbsbeskrivelse",
                             "Beskrivelse af uddannelsesforløbet", "Oversigt over forløbet",
                             "Uddannelsesforløbets opbygning", "Præsentation af uddannelsesforløb",
                             "Forløbets opbygning", "Opbygning af forløbet", "Forløbets struktur",
                             "Ansættelse", "Ansættelser", "Ansættelserne", "Ansættelsesforløb"],
    "uddannelsesstederne": ["Præsentation af uddannelsesstederne", "Præsentation af uddannelsesstedet", "Præsentation af afdelingerne",
                            "Præsentation af afdelingen", "Uddannelsesstederne", "Uddannelsessteder",
                            "Beskrivelse af uddannelsesstederne", "Beskrivelse af afdelingerne",
                            "Præsentation af uddannelsessteder", "Præsentation af ansættelsesstederne",
                            "Præsentation af uddannelsessted og praksis", "Uddannelsesstederne og praksis",
                            "Afdelingerne", "Afdelingen", "Ansættelsesstederne", "Ansættelsessteder",
                            "Uddannelsesafdelingerne", "De deltagende afdelinger"],
    "kompetenceudvikling": ["Kompetenceudvikling", "Kompetencer", "Plan for kompetenceudvikling",
                            "Kompetencevurdering", "Kompetenceudvikling og -vurdering",
                            "Plan for erhvervelse af kompetencer", "Kompetenceplan",
                            "Læringsmål og kompetencevurdering", "Læringsmål", "Plan for læringsmål",
                            "Kompetencer og vurdering", "Kompetencevurderinger"],
    "kurser": ["Kurser", "Kurser og fokuserede ophold", "Kursusplan", "Obligatoriske kurser",
               "Kurser og ophold", "Kurser og undervisning"],
    "forskningstraening": ["Forskningstræning", "Forskningstræningsmodulet", "Forskning", "Forskningstræningen"],
    "vejledning": ["Vejledning", "Vejledning og vejledersamtaler", "Vejledersamtaler", "Uddannelsesplan",
                   "Vejledning og individuel uddannelsesplan", "Uddannelsesplan og vejledning",
                   "Vejledning og karrierevejledning", "Vejledning, uddannelsesplan og karrierevejledning"],
    "evaluering": ["Evaluering", "Evaluering af uddannelsesforløbet", "Evaluering af den lægelige videreuddannelse",
                   "Evaluering af uddannelsesstedet", "Evaluering og kvalitetssikring"],
    "nyttige-links": ["Links", "Nyttige links og henvisninger", "Relevante links", "Henvisninger", "Links og litteratur"],
    "karrierevejledning": ["Karrierevejledning", "Karriererådgivning"],
}

#: Headings that carry no section (a table of contents); the paragraphs under a TOC style are skipped.
IGNOREREDE_OVERSKRIFTER = ["Indholdsfortegnelse", "Indhold", "Table of contents", "Contents"]

#: Regular expressions for paragraphs uddprog's Word output generates from data the draft already has
#: (or from the målbeskrivelse). Only in a document uddprog made (it says so on its front page) are they
#: recognised, counted in the report and not imported as text; in any other document they are text.
DANNEDE_AFSNIT: list[str] = [
    r"Der er ikke planlagt (?:kompetencer|læringsmål) i denne ansættelse\.",
    r"Ikke planlagt i forløbet: .*",
    r"Antal (?:kompetencer|læringsmål) pr\. ansættelse, der træner hver lægerolle\.",
    r"(?:Medicinsk ekspert|Leder|Akademiker|Sundheds\u00ad?fremmer) = .*",
    r"Roller uden planlagt træning: .*\.",
    r"Der er ikke planlagt kurser i programmet\.",
    r"Der er ikke planlagt vejledersamtaler i denne ansættelse\.",
    r"Skabelonens regler: .*",
    r"Der er ikke planlagt fokuserede ophold i programmet\.",
    r"Forskningstræning indgår ikke i denne uddannelsesfase\.",
    r"Programmet er dannet med uddprog ud fra .*",
    r"Indholdsfortegnelsen dannes, når dokumentet åbnes.*",
    r"Uddannelsesprogram · .*",
    r"Målbeskrivelsens data er illustrative: .*",
    r"Udkast: dette program er under udarbejdelse\.",
]

#: Headings uddprog generates over tables built from data (the table is then read as data).
DANNEDE_OVERSKRIFTER = ["Dækning af de syv lægeroller"]

#: Labels of a front-page table (or "Label: værdi" paragraphs) -> responsibility or programme field.
FORSIDEFELTER: dict[str, str] = {
    "udarbejdet af": "udarbejdet_af", "forfattere": "udarbejdet_af", "forfatter": "udarbejdet_af",
    "udarbejdet": "udarbejdet_af", "programmet er udarbejdet af": "udarbejdet_af",
    "godkendt af": "godkendt_af", "godkendt i": "godkendt_af", "godkendende instans": "godkendt_af",
    "godkendt den": "godkendt_dato", "godkendt dato": "godkendt_dato", "godkendelsesdato": "godkendt_dato",
    "dato for godkendelse": "godkendt_dato", "godkendt": "godkendt_dato",
    "næste revision senest": "næste_revision", "næste revision": "næste_revision", "revideres senest": "næste_revision",
    "revision senest": "næste_revision",
    "kontakt": "kontakt", "kontaktperson": "kontakt",
    "ansvarlig for programmet": "kontakt", "programansvarlig": "kontakt", "ansvarlig for uddannelsesprogrammet": "kontakt",
    "dato": "godkendt_dato",
    "forløb": "forløb", "forløbets navn": "forløb", "forløbsnummer": "forløb",
}

#: Lines (as slugs) that only say what kind of document it is: never a programme's title.
GENERISKE_TITLER = {"uddannelsesprogram", "uddannelsesprogrammet", "uddannelsesprogram-for", "program",
                    "uddannelsesprogrammer"}

#: Front-page labels whose value uddprog itself generates (from the målbeskrivelse and template).
FORSIDE_DANNET = ["speciale", "uddannelsesfase", "videreuddannelsesregion", "varighed", "målbeskrivelse",
                  "målbeskrivelsen gælder fra", "målbeskrivelsen gælder for", "skabelonens regler", "national skabelon"]

#: Other names for assessment methods and learning strategies (display names and ids always match).
METODEVARIANTER: dict[str, list[str]] = {
    "mini-cex": ["Mini CEX", "MiniCEX", "Mini-Clinical Evaluation Exercise"],
    "struktureret-observation": ["Struktureret observation", "Direkte observation", "Observation"],
    "case-baseret-diskussion": ["CbD", "Casebaseret diskussion", "Case based discussion", "Casediskussion"],
    "360-graders-feedback": ["360 graders feedback", "360°-feedback", "360° feedback", "360-grader feedback"],
    "audit-af-journaler": ["Journalaudit", "Audit", "Audit på journaler", "Audit på 5 journaler"],
    "struktureret-vejledersamtale": ["Vejledersamtale", "Struktureret samtale"],
    "kompetencekort": ["Kompetencevurderingskort", "KV-kort"],
    "cusum": ["CUSUM", "CUSUM scoring"],
    "klinisk-arbejde": ["Klinisk arbejde", "Daglig klinisk arbejde", "Mesterlære", "Klinisk arbejde med supervision"],
    "selvstudium": ["Selvstudie", "Litteraturstudium", "Læsning"],
    "kursus": ["Kurser", "Kursusdeltagelse", "Kursusundervisning"],
    "fokuseret-ophold": ["Fokuserede ophold"],
    "undervisning": ["Undervisning", "Intern undervisning", "Afdelingens undervisning"],
    "undervise-andre": ["Undervise andre", "Undervisning af andre", "Undervisning af kolleger"],
    "konference": ["Konferencer", "Tværfaglige konferencer", "Deltagelse i konferencer"],
    "simulation": ["Simulation", "Færdighedstræning", "Simulationstræning og færdighedstræning"],
    "e-laering": ["E-læring", "Elæring", "E-learning"],
    "supervision": ["Supervision", "Vejledning"],
    "relevante-opgaver": ["Relevante opgaver"],
    "portefoelje": ["Portefølje", "Læringsdagbog"],
}
