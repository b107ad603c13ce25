"""The format (thể thức) checker and the .docx facts it reads.

* :func:`check_docx` — ``check_docx(data, the_thuc=None) -> Report`` (see
  :mod:`vanban.check.engine`); raises :class:`vanban.errors.InputError` (``docx.unreadable``)
  for input that is not a .docx.
* :mod:`vanban.check.docx_facts` — effective-formatting facts of any .docx, for tests too.
* :mod:`vanban.check.catalog` — the rule table (ids, severities, sources) and the ranges.
"""

from __future__ import annotations

from typing import Any

__all__ = ["check_docx"]


def __getattr__(name: str) -> Any:
    # Lazy, so that importing vanban.check.docx_facts does not load the rules.
    if name == "check_docx":
        from vanban.check.engine import check_docx

        return check_docx
    raise AttributeError(name)
