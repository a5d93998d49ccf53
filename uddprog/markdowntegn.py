"""What unsupported Markdown cannot do without: a text with none of it has nothing to report.

Kept apart from ``uddprog.markdown`` (which loads markdown-it) so that ``validate`` can ask this of a
whole programme's YAML source at once and parse no text at all in the common case.
"""

from __future__ import annotations

import re

#: Every construct ``markdown.ustøttet`` reports needs one of these: a tag or autolink, an image, a
#: footnote, a link definition, a link whose address is not web or mail, or a line starting with a bullet
#: pasted from Word. No match can be made by YAML writing a text (folding a line break into a space
#: never joins "](" or "![", and a line break in a text is one in its source), so a YAML source without
#: a match holds no text with one, as long as it has no backslash escapes (``ProgramKontekst.kan_nævne``).
MULIGT_USTØTTET = re.compile(r"<[A-Za-z/!?]|!\[|\[\^|\]:|\]\(\s*(?!(?:https?://|mailto:))|\n\s*"
                             "[\u2022\u25e6\u25aa\u2023\u00b7\u2043\uf0b7]", re.IGNORECASE)
