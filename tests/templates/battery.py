"""The battery every template passes, driven by the manifests (no test names a template).

For each template, its cases are ``templates_docx/<template-id>/fixtures/*.json`` (each in the
family it names) and its ``example.json`` moved to every family the manifest declares. A case
must validate, render, validate against the OOXML schemas, pass the layout checker with 0
errors, show every string of the input in the document, and convert to PDF through LibreOffice.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from vanban.context.inline import plain
from vanban.templates import TemplateSpec

ROOT = Path(__file__).resolve().parents[2]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

#: Keys whose values are not text to print (besides the closed sets found in the schema).
NOT_TEXT_KEYS = {"ngay"}

ISO_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}){0,2}")


@dataclass(frozen=True)
class Case:
    template: str
    source: str  # fixture file stem, or "example"
    family: str
    data: dict

    @property
    def id(self) -> str:
        return f"{self.template}:{self.source}@{self.family}"


def in_family(data: dict, family: str) -> dict:
    """The input as a clerk moving it to another family would send it: a deputy signing for a
    collective (TM. + PHÓ …) needs the head's title for the "KT." line in State and union
    documents (Điều 13); Party documents have no such line."""
    data = json.loads(json.dumps(data))
    data["the_thuc"] = family
    ky = data["nguoi_ky"]
    if family == "dang":
        ky.pop("ky_thay", None)
    elif ky.get("quyen_han") == "TM" and ky["chuc_vu"].startswith("PHÓ") and not ky.get(
            "ky_thay"):
        ky["ky_thay"] = ky["chuc_vu"].removeprefix("PHÓ ").removesuffix(" THƯỜNG TRỰC")
    return data


def cases(spec: TemplateSpec) -> list[Case]:
    out = []
    for path in sorted((spec.folder / "fixtures").glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        out.append(Case(spec.id, path.stem, data.get("the_thuc", "nha-nuoc"), data))
    example = spec.example()
    for family in spec.families:
        out.append(Case(spec.id, "example", family, in_family(example, family)))
    return out


def docx_text(docx: bytes) -> str:
    """All visible text of the body, headers, footnotes and endnotes: one line per paragraph,
    breaks and tabs as spaces."""
    lines = []
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        names = [n for n in zf.namelist() if re.fullmatch(
            r"word/(document|footnotes|endnotes|header\d*|footer\d*)\.xml", n)]
        for name in sorted(names, key=lambda n: n != "word/document.xml"):
            root = etree.fromstring(zf.read(name))
            for p in root.iter(f"{W}p"):
                parts = []
                for el in p.iter(f"{W}t", f"{W}br", f"{W}tab"):
                    parts.append(el.text or "" if el.tag == f"{W}t" else " ")
                lines.append("".join(parts))
    return "\n".join(lines)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", plain(text)).lower()
    return " ".join(text.split())


def strings(value, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string of the input with its JSON path, in input order."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for n, v in enumerate(value):
            yield from strings(v, f"{path}[{n}]")
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from strings(v, f"{path}.{k}" if path else k)


def _pattern(path: str) -> re.Pattern[str]:
    """``noi_dung.khen_thuong[].ten`` matches ``noi_dung.khen_thuong[3].ten``."""
    return re.compile(re.escape(path).replace(r"\[\]", r"\[\d+\]") + "$")


def enum_keys(schema: dict) -> set[str]:
    """Property names whose values are a closed set (``enum`` / ``const`` / ``Literal``): codes
    that choose wording, not text to print."""
    out: set[str] = set()

    def closed(node: dict) -> bool:
        options = node.get("anyOf", []) + node.get("oneOf", [])
        return "enum" in node or "const" in node or bool(options) and all(
            closed(o) or o.get("type") == "null" for o in options)

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                if isinstance(prop, dict) and closed(prop):
                    out.add(name)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return out


def missing_strings(spec: TemplateSpec, data: dict, docx: bytes) -> list[str]:
    """The input strings not found in the document (case and marks aside)."""
    text = _fold(docx_text(docx))
    skip = [_pattern(p) for p in spec.transformed]
    closed = enum_keys(spec.model.model_json_schema())
    out = []
    for path, value in strings(data):
        key = path.rsplit(".", 1)[-1].split("[")[0]
        if key in NOT_TEXT_KEYS or key in closed or any(p.match(path) for p in skip):
            continue
        if not value.strip() or ISO_DATE.fullmatch(value.strip()):  # dates: the Vietnamese way
            continue
        wanted = _fold(value).strip("-–•+ ").rstrip(";,. ")
        if path.startswith("noi_nhan"):  # "Lưu: VT" is printed "Lưu VT" in Party documents
            wanted = re.sub(r"^lưu\s*:?\s*", "", wanted)
        if wanted and wanted not in text:
            out.append(f"{path}: {value!r}")
    return out
