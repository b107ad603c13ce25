"""The output formats, one table: name (the file extension and ``?format=``), media type,
label, and how a rendered .docx becomes one.

``docx`` is what vanban renders; ``pdf`` and ``odt`` (OpenDocument Text, TCVN ISO/IEC 26300,
which state bodies may be asked for) are converted by the configured converter
(:mod:`vanban.pdf`: LibreOffice writes both, Word and Gotenberg only PDF). Every place that
offers a format reads this table: the CLI's ``--format`` choices and ``-o`` extensions, the
API's ``?format=``, the OpenAPI enums, the page's download buttons, the metrics labels.

    from vanban import outputs
    out = outputs.get("odt")                  # InputError output.unknown for a name not here
    out = outputs.for_path("hoso/qd.odt")     # by extension; InputError output.extension
    data = out.convert(docx, converter)       # docx bytes → odt bytes (ConversionError 503)

Adding a format is one entry here (plus, when no converter writes it yet, the converter's
``targets``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from vanban.errors import InputError, problem

if TYPE_CHECKING:  # the converters load only when a conversion is asked for
    from vanban.pdf.base import Converter


@dataclass(frozen=True, slots=True)
class Output:
    name: str
    """The extension and the ``format`` value: ``docx``, ``pdf``, ``odt``."""
    media_type: str
    label: str
    """The download button's words on the page."""
    converted: bool
    """Made by a converter from the .docx (False: the .docx itself)."""

    def available(self, converter: Converter | None) -> bool:
        """Can this server produce it now (cheap: no conversion)?"""
        if not self.converted:
            return True
        return converter is not None and converter.supports(self.name) and converter.available()

    def convert(self, docx: bytes, converter: Converter | None) -> bytes:
        """The rendered .docx as this format; raises :class:`vanban.errors.ConversionError`."""
        if not self.converted:
            return docx
        if converter is None:
            from vanban.pdf import converter as configured  # the process's converter

            converter = configured()
        return converter.convert_to(docx, self.name)

    def filename(self, stem: str) -> str:
        return f"{stem}.{self.name}"


DOCX = Output("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "Tải văn bản .docx", converted=False)
PDF = Output("pdf", "application/pdf", "Tải PDF", converted=True)
ODT = Output("odt", "application/vnd.oasis.opendocument.text", "Tải .odt (OpenDocument)",
             converted=True)

#: Every format, the default first.
OUTPUTS: dict[str, Output] = {o.name: o for o in (DOCX, PDF, ODT)}
NAMES: tuple[str, ...] = tuple(OUTPUTS)
DEFAULT = DOCX


def by_media_type(media_type: str) -> Output | None:
    return next((o for o in OUTPUTS.values() if o.media_type == media_type), None)


def get(name: str | None) -> Output:
    """The format named ``name`` (any case; ``None`` or empty: docx)."""
    chosen = (name or DEFAULT.name).strip().lower().lstrip(".")
    found = OUTPUTS.get(chosen)
    if found is None:
        raise InputError(problem(
            "output.unknown", "format",
            f"Định dạng “{name}” không hỗ trợ; chọn một trong: {', '.join(NAMES)}.",
            f"unsupported format {name!r}; use one of {', '.join(NAMES)}", accepted=list(NAMES)))
    return found


def for_path(path: str, fmt: str | None = None) -> Output:
    """The format of an output file: ``fmt`` when given, else its extension (none: docx). An
    extension that names no format, or another format than ``fmt``, is an error — never a
    file whose name says one format and whose bytes are another."""
    suffix = PurePath(path).suffix.lower().lstrip(".")
    if fmt is not None:
        chosen = get(fmt)
        if suffix and suffix != chosen.name:
            raise InputError(problem(
                "output.extension", "output",
                f"Tệp ra “{path}” có đuôi .{suffix} nhưng định dạng là {chosen.name}; đổi "
                f"đuôi thành .{chosen.name} hoặc bỏ --format.",
                f"output {path!r} ends in .{suffix} but the format is {chosen.name}",
                accepted=list(NAMES)))
        return chosen
    if not suffix:
        return DEFAULT
    found = OUTPUTS.get(suffix)
    if found is None:
        raise InputError(problem(
            "output.extension", "output",
            f"Không tạo được tệp .{suffix}; đuôi tệp ra phải là một trong: "
            f"{', '.join('.' + n for n in NAMES)}.",
            f"cannot write a .{suffix} file; the output must end in one of "
            f"{', '.join('.' + n for n in NAMES)}", accepted=list(NAMES)))
    return found
