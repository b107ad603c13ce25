"""``vanban eject <id> DIR``: a built-in template as a folder of the office's own.

The folder is a copy of the built-in's (manifest, ``template.docx``, example, and whatever else
the type keeps there); put ``DIR`` on ``VANBAN_TEMPLATES_PATH`` (or ``--templates-dir``) and it
**replaces** the built-in of the same id (:attr:`vanban.templates.Registry.overridden`, listed
with ``"overrides": true`` by ``vanban templates``, ``GET /api/v1/templates`` and the pages),
or, with ``--id``, is a new template beside it. As copied it renders the same document word for
word; what is edited in its ``template.docx`` in Word shows up in the output.

The bodies of ``bao-cao-thi-dua``, ``ke-hoach-thi-dua``, ``dang-ky-thi-dua``,
``bien-ban-hop-xet``, ``to-trinh-khen-thuong``, ``quyet-dinh-khen-thuong`` and ``cong-van`` hold
their fixed wording as Word text over named computed values (``tools/build_word_bodies.py``,
docs/designer-eject.md), so their copy is reworded sentence by sentence; the other built-ins'
bodies are still a generic block loop whose sentences are built in Python.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from vanban.errors import InputError, problem
from vanban.ooxml.safezip import read_docx_parts
from vanban.templates import REGISTRY

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: The core property (``dc:identifier``) that says which installed template a .docx came from.
ORIGIN = "vanban:"
_ORIGIN = re.compile(rb"<dc:identifier>" + ORIGIN.encode() + rb"([a-z0-9-]+)</dc:identifier>")
_MANIFEST_ID = re.compile(r'^id\s*=\s*"[^"\n]*"\s*$', re.M)


def eject(template_id: str, directory: Path, new_id: str | None = None) -> Path:
    """Write ``directory/<id or new_id>/``; returns the folder. Refuses to overwrite."""
    spec = REGISTRY.overridden.get(template_id) or REGISTRY.get(template_id)
    target = new_id or template_id
    if not _ID.match(target):
        raise InputError(problem(
            "eject.id", "id", "Mã mẫu chỉ gồm chữ thường không dấu, số và dấu gạch ngang (ví dụ "
            "bao-cao-rieng).", "template id must be lower-case ASCII words joined by hyphens"))
    if new_id and new_id in REGISTRY.specs:
        raise InputError(problem(
            "eject.id-taken", "id", f"Đã có mẫu mã “{new_id}”; chọn mã khác, hoặc bỏ --id để "
            "thay mẫu có sẵn.", f"a template {new_id!r} exists already"))
    folder = Path(directory) / target
    if folder.exists():
        raise InputError(problem("eject.exists", str(folder),
                                 f"Thư mục “{folder}” đã có; chọn thư mục khác hoặc xóa nó.",
                                 f"{folder} already exists"))
    folder.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(spec.folder, folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    # marked with its origin, so the designer previews it with the built-in's contract
    (folder / "template.docx").write_bytes(word_template(spec.id, spec.docx_path))
    if new_id:
        manifest = folder / "manifest.toml"
        text = manifest.read_text("utf-8")
        manifest.write_text(_MANIFEST_ID.sub(f'id = "{new_id}"', text, count=1), "utf-8")
    return folder


def word_template(template_id: str, path: Path | None = None) -> bytes:
    """The template's body .docx to edit in Word ("Tải mẫu Word"), marked with its origin
    (``dc:identifier`` = ``vanban:<id>``) so that an edited copy uploaded to the designer is
    previewed with that template's contract and example (:func:`origin`)."""
    import io

    import docx

    document = docx.Document(str(path or REGISTRY.get(template_id).docx_path))
    document.core_properties.identifier = f"{ORIGIN}{template_id}"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def origin(template: bytes) -> str | None:
    """The installed template a .docx was downloaded from (:func:`word_template`), if any."""
    try:
        core = read_docx_parts(template).get("docProps/core.xml", b"")
    except InputError:
        return None
    m = _ORIGIN.search(core)
    found = m.group(1).decode() if m else None
    return found if found in REGISTRY.specs else None
