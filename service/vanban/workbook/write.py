"""A template's input → an Excel workbook (openpyxl), laid out by :mod:`vanban.workbook.layout`.

``workbook_bytes(template_id, data)`` fills the workbook with ``data`` (the template's example
for ``GET /api/v1/templates/<id>/xlsx``). Every column carries its guide text as a comment on
its header; choices and yes/no have drop-down lists (data validation, read from a hidden
sheet); full dates are real Excel dates shown ``dd/mm/yyyy``; text columns are formatted as
text so that ``1.2`` or ``05`` typed by a clerk stay as typed.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from vanban.vi.dates import NgayThang
from vanban.workbook.layout import (
    GENERAL,
    ID_HEADER,
    LABEL_HEADERS,
    Column,
    Layout,
    Table,
    layout,
)

LISTS = "_danh_muc"
YES, NO = "Có", "Không"
DATE_FORMAT = "DD/MM/YYYY"
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def number_text(value: Any) -> str:
    """A number as a Vietnamese clerk writes it in a cell of text: ``8,5``, ``120``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", ",")


def cell_value(column: Column, value: Any) -> Any:
    """What goes into the cell for one field's value."""
    if value is None:
        return None
    kind = column.kind
    if kind == "bool":
        return YES if value is True else NO if value is False else value
    if kind == "enum":
        return column.labels.get(str(value), value)
    if kind == "date" and isinstance(value, str):
        try:
            full = NgayThang.parse(value, "").to_date()
        except Exception:  # an invalid date stays as typed
            full = None
        return full or value
    if kind == "lines" and isinstance(value, list):
        return "\n".join(number_text(v) for v in value)
    if kind == "pairs" and isinstance(value, dict):
        return "\n".join(f"{k}: {number_text(v)}" for k, v in value.items())
    if isinstance(value, list | dict):
        return str(value)
    if not isinstance(value, str | int | float | bool | dt.date):
        return str(value)
    return value


def _get(obj: Any, keys: tuple[str, ...]) -> Any:
    for key in keys:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


class _Writer:
    def __init__(self, plan: Layout):
        self.plan = plan
        self.book = Workbook()
        self.lists: Worksheet | None = None
        self.list_ranges: dict[tuple[str, ...], str] = {}

    def choices_range(self, choices: list[str]) -> str:
        key = tuple(choices)
        if key not in self.list_ranges:
            if self.lists is None:
                self.lists = self.book.create_sheet(LISTS)
                self.lists.sheet_state = "hidden"
            col = len(self.list_ranges) + 1
            for row, text in enumerate(choices, 1):
                self.lists.cell(row=row, column=col, value=text)
            letter = get_column_letter(col)
            self.list_ranges[key] = (f"{quote_sheetname(LISTS)}!${letter}$1:${letter}$"
                                     f"{len(choices)}")
        return self.list_ranges[key]

    def validate(self, sheet: Worksheet, column: Column, ref: str) -> None:
        choices = [YES, NO] if column.kind == "bool" else column.shown_choices() \
            if column.kind == "enum" else None
        if not choices:
            return
        rule = DataValidation(type="list", formula1=self.choices_range(choices),
                              allow_blank=True, showErrorMessage=False)
        rule.add(ref)
        sheet.add_data_validation(rule)

    def put(self, sheet: Worksheet, row: int, col: int, column: Column, value: Any) -> None:
        shown = cell_value(column, value)
        if isinstance(shown, str):  # what XML cannot hold (validation names it on import)
            shown = ILLEGAL_CHARACTERS_RE.sub("", shown)
        elif isinstance(shown, int | float) and not isinstance(shown, bool) and (
                abs(shown) > 1e15 or shown != shown):
            shown = str(shown)  # beyond what Excel keeps exactly
        cell = sheet.cell(row=row, column=col, value=shown)
        if column.kind == "date":
            cell.number_format = DATE_FORMAT if isinstance(cell.value, dt.date) else "@"
        elif column.kind in ("text", "lines", "pairs", "time", "enum", "bool"):
            cell.number_format = "@"
        if column.kind in ("text", "lines", "pairs"):
            cell.alignment = _WRAP

    def general(self, data: dict[str, Any]) -> None:
        sheet = self.book.active
        sheet.title = GENERAL
        for col, header in enumerate(LABEL_HEADERS, 1):
            cell = sheet.cell(row=1, column=col, value=header)
            cell.font, cell.fill = _BOLD, _HEAD_FILL
        for row, column in enumerate(self.plan.general, 2):
            label = sheet.cell(row=row, column=1, value=column.label + (" *" if column.required
                                                                         else ""))
            label.alignment = _WRAP
            self.put(sheet, row, 2, column, _get(data, column.keys))
            self.validate(sheet, column, f"B{row}")
            sheet.cell(row=row, column=3, value=column.guide).alignment = _WRAP
            sheet.cell(row=row, column=4, value=".".join(column.keys))
        sheet.column_dimensions["A"].width = 38
        sheet.column_dimensions["B"].width = 60
        sheet.column_dimensions["C"].width = 70
        sheet.column_dimensions["D"].hidden = True
        sheet.freeze_panes = "B2"

    def table(self, table: Table, rows: list[tuple[str, dict[str, Any]]]) -> None:
        sheet = self.book.create_sheet(table.name)
        headers = [ID_HEADER] + [c.label + (" *" if c.required else "") for c in table.columns]
        for col, header in enumerate(headers, 1):
            cell = sheet.cell(row=1, column=col, value=header)
            cell.font, cell.fill, cell.alignment = _BOLD, _HEAD_FILL, _WRAP
        sheet.cell(row=1, column=1).comment = Comment(_id_guide(table), "vanban")
        for col, column in enumerate(table.columns, 2):
            if column.guide:
                sheet.cell(row=1, column=col).comment = Comment(column.guide, "vanban")
            letter = get_column_letter(col)
            sheet.column_dimensions[letter].width = 14 if column.kind in (
                "number", "integer", "bool", "date", "time") else 30
            self.validate(sheet, column, f"{letter}2:{letter}1000")
        for row, (rid, item) in enumerate(rows, 2):
            sheet.cell(row=row, column=1, value=rid).number_format = "@"
            for col, column in enumerate(table.columns, 2):
                self.put(sheet, row, col, column, _get(item, column.keys))
        sheet.column_dimensions["A"].width = 10
        sheet.freeze_panes = "B2"


def _id_guide(table: Table) -> str:
    if table.parent is None:
        where = "1, 2, 3 … theo thứ tự"
    else:
        where = (f"mã dòng của “{table.parent.label}” (trang {table.parent.name}), dấu chấm, "
                 "rồi số thứ tự: 1.1, 1.2 …")
    if table.recursive:
        where += "; mục con của một dòng: mã dòng đó thêm .1, .2 …"
    return f"Mã dòng: {where}. {table.guide}".strip()


def rows_of(plan: Layout, data: dict[str, Any]) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """Every table's rows (row id, item), parents' numbering carried into the children's."""
    out: dict[str, list[tuple[str, dict[str, Any]]]] = {t.name: [] for t in plan.tables}

    def emit(table: Table, owner: Any, owner_id: str) -> None:
        items = _get(owner, table.keys)
        for i, item in enumerate(items if isinstance(items, list) else [], 1):
            rid = f"{owner_id}.{i}" if owner_id else str(i)
            visit(table, item, rid)

    def visit(table: Table, item: Any, rid: str) -> None:
        out[table.name].append((rid, item if isinstance(item, dict) else {}))
        for child in table.children:
            emit(child, item, rid)
        if table.recursive and isinstance(item, dict):
            subs = item.get(table.recursive)
            for j, sub in enumerate(subs if isinstance(subs, list) else [], 1):
                visit(table, sub, f"{rid}.{j}")

    for table in plan.tables:
        if table.parent is None:
            emit(table, data, "")
    return out


def workbook(template_id: str, data: Any) -> Workbook:
    """The filled workbook; data that does not fit the template is written as far as it
    goes (a draft), never refused here: the import names what is wrong."""
    plan = layout(template_id)
    data = data if isinstance(data, dict) else {}
    writer = _Writer(plan)
    writer.general(data)
    rows = rows_of(plan, data)
    for table in plan.tables:
        writer.table(table, rows[table.name])
    if writer.lists is not None:  # keep the hidden lists last
        writer.book.move_sheet(LISTS, offset=len(writer.book.sheetnames))
    return writer.book


def workbook_bytes(template_id: str, data: Any) -> bytes:
    out = io.BytesIO()
    workbook(template_id, data).save(out)
    return out.getvalue()
