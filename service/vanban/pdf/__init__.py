"""PDF conversion behind one interface: LibreOffice (Linux, any OS) or Microsoft Word (docx2pdf).

    from vanban.pdf import converter
    pdf_bytes = converter().convert(docx_bytes)      # raises ConversionError when impossible

``VANBAN_PDF`` chooses: ``auto`` (default: Word where docx2pdf and Word exist, else
LibreOffice), ``libreoffice`` or ``word``. ``VANBAN_SOFFICE`` points at a soffice binary.
"""

from __future__ import annotations

import os
from functools import lru_cache

from vanban.pdf.base import Converter
from vanban.pdf.libreoffice import LibreOfficeConverter
from vanban.pdf.word import WordConverter

__all__ = ["Converter", "LibreOfficeConverter", "WordConverter", "converter"]


@lru_cache(maxsize=1)
def converter() -> Converter:
    choice = os.environ.get("VANBAN_PDF", "auto").lower()
    if choice == "word":
        return WordConverter()
    if choice == "libreoffice":
        return LibreOfficeConverter()
    word = WordConverter()
    return word if word.available() else LibreOfficeConverter()
