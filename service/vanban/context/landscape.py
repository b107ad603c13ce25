"""A landscape section for a wide table in a portrait document.

The family shells are portrait A4. A body that needs a wide table puts it between two section
breaks (paragraphs whose ``w:pPr`` holds a ``w:sectPr``):

1. :data:`END_PORTRAIT` ends the portrait part that came before. It is an *empty* ``w:sectPr``:
   when the template is compiled, :func:`vanban.render.compile.merge_body` fills it with a copy
   of the shell's own page set-up (size, margins, page-number header, different first page),
   so the first pages keep exactly the shell's layout;
2. the table, drawn across the landscape text width (:data:`LANDSCAPE_TEXT_TWIPS`);
3. :data:`END_LANDSCAPE` ends the landscape part: A4 turned (297 × 210 mm), the same margins;
   it names no header, so it inherits the page-number header of the section before.

What follows (closing lines, signature, nơi nhận) is in the shell's final, portrait section.
The body template draws these paragraphs from :func:`slot`; the layout checker accepts a
landscape section after the first one (``check/rules_page.py``).
"""

from __future__ import annotations

from markupsafe import Markup

from vanban.the_thuc.families import mm_to_twips

#: Margins of the landscape section (the decree's, as on the portrait pages), in millimetres.
TOP, BOTTOM, LEFT, RIGHT = 20, 20, 30, 15
#: Text width of an A4 landscape page with those margins, in twips.
LANDSCAPE_TEXT_TWIPS = mm_to_twips(297 - LEFT - RIGHT)

END_PORTRAIT = '<w:p><w:pPr><w:sectPr/></w:pPr></w:p>'
#: The landscape part ends in a 1-point paragraph: a table that fills its last page exactly
#: must not push the break (and an empty page) after it.
_TINY = ('<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
         '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>')
END_LANDSCAPE = (
    f'<w:p><w:pPr>{_TINY}<w:sectPr><w:type w:val="nextPage"/>'
    f'<w:pgSz w:w="{mm_to_twips(297)}" w:h="{mm_to_twips(210)}" w:orient="landscape"/>'
    f'<w:pgMar w:top="{mm_to_twips(TOP)}" w:right="{mm_to_twips(RIGHT)}" '
    f'w:bottom="{mm_to_twips(BOTTOM)}" w:left="{mm_to_twips(LEFT)}" w:header="720" '
    'w:footer="720" w:gutter="0"/></w:sectPr></w:pPr></w:p>')


#: The spacer paragraph :func:`vanban.context.tables.table` puts after every table.
_SPACER = '<w:p><w:pPr><w:pStyle w:val="VBBang"/></w:pPr></w:p>'


def wide_table(xml: str) -> Markup:
    """A table for the slot: without the spacer paragraph after it (the section break that
    follows already separates it from the next text)."""
    return Markup(xml.removesuffix(_SPACER))


def slot(variable: str) -> str:
    """Body-template XML: when ``variable`` is set, the portrait break, the table (the
    variable's XML) and the landscape break; nothing otherwise."""
    return ("<w:p><w:r><w:t>{%p if " + variable + " %}</w:t></w:r></w:p>" + END_PORTRAIT
            + '<w:p><w:r><w:t xml:space="preserve">{{p ' + variable + ' }}</w:t></w:r></w:p>'
            + END_LANDSCAPE + "<w:p><w:r><w:t>{%p endif %}</w:t></w:r></w:p>")
