"""Word-compatibility checks of .docx packages against the ECMA-376 (OOXML) schemas.

Public API: :func:`validate_docx` (problems as data) and :func:`assert_valid_docx` (for tests).
"""

from vanban.ooxml.validate import assert_valid_docx, validate_docx

__all__ = ["assert_valid_docx", "validate_docx"]
