"""How a template's input is laid out in a workbook, derived from its JSON Schema.

* Sheet **“Thông tin chung”**: one row per scalar field of the document (label, value, guide,
  and the field's path in a hidden column), nested objects flattened (``co_quan.ten``,
  ``noi_dung.thang_diem.diem_toi_da``).
* One sheet per **list of objects** (a table: award counts, scores, candidates …), one row
  per item, one column per scalar field of the item (nested objects flattened, Vietnamese
  headers). The first column, **“Mã dòng”**, numbers the row like a clause: ``1``, ``2`` …
  for a list of the document, and for a list inside an item the parent's number, a dot and
  the item's: the criteria of group 1 are ``1.1``, ``1.2``, the sub-criteria of 1.2 are
  ``1.2.1`` … A list nested in itself (a criterion's sub-criteria) stays on its parent's sheet.
  A clerk adds a row by giving it the next number; rows keep their sheet order.
* Inside a cell: a list of texts or numbers is one line per item (Alt+Enter in Excel), an
  object of ``key: value`` pairs (a criterion's levels, the footnotes) one pair per line,
  yes/no as “Có”/“Không”, a choice as its Vietnamese wording (a drop-down list), a full date
  as a real Excel date.

The same :class:`Layout` writes (:mod:`vanban.workbook.write`) and reads
(:mod:`vanban.workbook.read`) the workbook, so export → import gives the data back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from vanban.model.lenient import SchemaWalker, model_schema
from vanban.templates import REGISTRY

GENERAL = "Thông tin chung"
ID_HEADER = "Mã dòng"
LABEL_HEADERS = ("Trường", "Giá trị", "Hướng dẫn", "Mã trường")
SEP = " › "


@dataclass
class Column:
    """A scalar field (or a list of scalars, or pairs) in a cell."""

    keys: tuple[str, ...]  # path from the row's object
    label: str
    guide: str
    kind: str  # text, number, integer, so-hoac-chu, bool, date, time, enum, lines, pairs
    required: bool = False
    choices: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)

    def shown_choices(self) -> list[str]:
        return [self.labels.get(c, c) for c in self.choices]


@dataclass
class Table:
    """A list of objects: one sheet."""

    name: str
    keys: tuple[str, ...]  # path from the parent's row object to the list
    parent: Table | None
    model: str
    label: str
    guide: str
    columns: list[Column] = field(default_factory=list)
    recursive: str | None = None  # the key of the items' own list of the same model
    children: list[Table] = field(default_factory=list)
    #: Optional objects on the way from the row object to a column or child list.
    optional: set[tuple[str, ...]] = field(default_factory=set)


@dataclass
class Layout:
    template_id: str
    general: list[Column]
    general_optional: set[tuple[str, ...]]
    tables: list[Table]  # every table, parents before children

    def table(self, name: str) -> Table | None:
        return next((t for t in self.tables if t.name == name), None)


_BAD_SHEET = re.compile(r"[\[\]:*?/\\]")


class _Builder:
    def __init__(self, template_id: str):
        self.schema = model_schema(REGISTRY.get(template_id).model)
        self.walker = SchemaWalker(self.schema)
        self.names: set[str] = {GENERAL.casefold(), "hướng dẫn", "_danh_muc"}
        self.tables: list[Table] = []

    def sheet_name(self, label: str, parent: Table | None) -> str:
        base = _BAD_SHEET.sub("-", label).strip()[:31] or "Bảng"
        if base.casefold() in self.names and parent is not None:
            base = _BAD_SHEET.sub("-", f"{parent.label} - {label}")[:31]
        name, n = base, 2
        while name.casefold() in self.names:
            suffix = f" ({n})"
            name, n = base[:31 - len(suffix)] + suffix, n + 1
        self.names.add(name.casefold())
        return name

    def resolve(self, prop: dict[str, Any]) -> tuple[dict[str, Any] | None, bool, str]:
        """(the non-null alternative, nullable, the model name of a $ref)."""
        options, nullable = self.walker.variants(prop)
        ref = prop.get("$ref") or next((o.get("$ref") for o in prop.get("anyOf", [])
                                        if "$ref" in o), "")
        if len(options) == 1:
            return options[0], nullable, ref.rsplit("/", 1)[-1]
        return ({"anyOf": options, **{k: v for k, v in prop.items() if k.startswith("x-")}},
                nullable, "")

    def column(self, keys: tuple[str, ...], label: str, prop: dict[str, Any],
               option: dict[str, Any], required: bool) -> Column:
        guide = prop.get("description") or option.get("description") or ""
        kind = option.get("type", "")
        col = Column(keys, label, guide, "text", required)
        if "anyOf" in option:
            types = {o.get("type") for o in option["anyOf"]}
            col.kind = "so-hoac-chu" if types >= {"string", "number"} else "text"
        elif "enum" in option:
            col.kind, col.choices = "enum", [str(c) for c in option["enum"]]
            col.labels = prop.get("x-nhan") or option.get("x-nhan") or {}
        elif kind == "boolean":
            col.kind = "bool"
        elif kind in ("number", "integer"):
            col.kind = kind
        elif kind == "array":
            col.kind = "lines"
        elif kind == "object":
            col.kind = "pairs"
        elif prop.get("x-ngay") or option.get("x-ngay"):
            col.kind = "date"
        elif prop.get("x-gio") or option.get("x-gio"):
            col.kind = "time"
        return col

    def fields(self, schema: dict[str, Any], keys: tuple[str, ...], label: str,
               table: Table | None, columns: list[Column], optional: set[tuple[str, ...]],
               model_chain: tuple[str, ...], required_path: bool) -> None:
        """Flatten an object's fields into ``columns``; lists of objects become tables."""
        props = schema.get("properties", {})
        required = set(schema.get("required", []))
        for key, prop in props.items():
            title = prop.get("title") or key
            path = (*keys, key)
            shown = f"{label}{SEP}{title}" if label else title
            if table is None and path == ("noi_dung",):
                shown = ""  # the body's fields are the document's own: no prefix
            option, nullable, model = self.resolve(prop)
            if option is None:
                continue
            kind = option.get("type")
            if kind == "object" and "properties" in option:
                if nullable or key not in required:
                    optional.add(path)
                self.fields(option, path, shown, table, columns, optional,
                            (*model_chain, model), required_path and key in required)
                continue
            if kind == "array":
                items, _, item_model = self.resolve(option.get("items", {}))
                if items is not None and items.get("type") == "object" and \
                        "properties" in items:
                    if table is not None and item_model in model_chain[-1:] and \
                            table.model == item_model:
                        table.recursive = key
                        continue
                    self.table(items, path, title, prop, table, item_model)
                    continue
            columns.append(self.column(path, shown, prop, option,
                                       key in required and required_path))

    def table(self, items: dict[str, Any], keys: tuple[str, ...], title: str,
              prop: dict[str, Any], parent: Table | None, model: str) -> None:
        label = title
        table = Table(self.sheet_name(label, parent), keys, parent, model, label,
                      prop.get("description", ""))
        if parent is not None:
            parent.children.append(table)
        self.tables.append(table)
        self.fields(items, (), "", table, table.columns, table.optional, (model,), True)


def layout(template_id: str) -> Layout:
    builder = _Builder(template_id)
    general: list[Column] = []
    optional: set[tuple[str, ...]] = set()
    builder.fields(builder.schema, (), "", None, general, optional, ("Envelope",), True)
    return Layout(template_id, general, optional, builder.tables)
