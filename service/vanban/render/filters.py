"""vanban's own Jinja filters, available to every template (built-in, office or designer's).

``ngat_dong`` breaks a heading typed as Word text into lines where a clerk would break it —
never inside “khen thưởng”, “năm 2024” or a number, balanced, no lone last word — measured
bold at the heading's size across the text width (:func:`vanban.the_thuc.line_breaks.
break_title`). Without it Word breaks wherever the line is full ("… CÔNG TÁC KHEN / THƯỞNG
NĂM 2024"). In Word::

    {% filter ngat_dong %}KẾT QUẢ … CÔNG TÁC KHEN THƯỞNG {{ ky_nay|upper }}{% endfilter %}

The lines are joined by a newline, which the engine prints as a line break.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

from vanban.the_thuc.families import TEXT_WIDTH_TWIPS
from vanban.the_thuc.line_breaks import break_title

#: A heading's size when the template does not say (VB Phần, VB Mục I: the body's 14 pt).
HEADING_PT = 14.0


def ngat_dong(value: Any, size_pt: float = HEADING_PT, bold: bool = True) -> Markup:
    """``value``'s lines, each broken to fit the text width at ``size_pt``."""
    text = value.unescape() if isinstance(value, Markup) else str(value)
    lines = break_title(text, TEXT_WIDTH_TWIPS / 20, float(size_pt), bold=bool(bold))
    return Markup("\n").join(escape(line) for line in lines)


FILTERS: dict[str, Callable[..., Any]] = {"ngat_dong": ngat_dong}
