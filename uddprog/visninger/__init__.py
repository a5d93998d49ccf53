"""Views of the same programmes for the people around them, each in its own module.

- :mod:`.udveksling`: a målbeskrivelse as interchange data (1EdTech CASE 1.1 JSON, Moodle's
  competency-framework CSV), with the lægeroller as CanMEDS codes.
- :mod:`.tidsplan`: a programme laid on the calendar from a start date (and leave): the dated events a
  trainee plans by; :mod:`.kalender` writes them as iCalendar (RFC 5545) and :mod:`.uddannelsesplan`
  as the individual uddannelsesplan in Word.
- :mod:`.afdelinger`: what all the programmes promise at one department or practice (for the inspector,
  the UAO and the trainee); :mod:`.afdeling_docx` the document a department attaches to its
  selvevalueringsrapport.
- :mod:`.kvalitet`: the region's quality overview (approval age, målbeskrivelse currency, missing
  sections, drafts, departments without a current approved programme).
- :mod:`.regneark`: the sheets of the office exports (status, departments, contacts, statistics).
- :mod:`.word`: the small Word builder the documents share.

Pure functions of loaded documents and the catalogue; the command line writes the files.
"""
