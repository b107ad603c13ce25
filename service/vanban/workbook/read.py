"""An Excel workbook (or a .csv of one list) → the template's input, every problem located.

``read_upload(template_id, content, filename)`` returns the strict data or raises
:class:`~vanban.errors.InputError` whose problems carry the JSON ``path`` and, in ``extra``
(lifted into the problem's JSON), the ``sheet``, ``row`` and ``column`` (Excel letters) of the
cell. The package is read through :mod:`vanban.ooxml.safezip` first (the limits of an uploaded
.docx: inflated size, compression ratio, parts), so a zip bomb is refused before openpyxl
opens it. Cells are read as typed — ``20/06/2024`` or a real date, ``8,5`` as text or a
number, “Có”/“Không”, a choice's Vietnamese wording — and made strict by
:mod:`vanban.model.lenient`, the same reader the form uses. A formula whose value Excel has not
saved is an error asking to open the file in Excel and save it again.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from vanban import pipeline
from vanban.config import get_settings
from vanban.errors import InputError, LimitError, Problem, VanbanError, problem
from vanban.model import json_input
from vanban.model.problems import json_path
from vanban.ooxml.safezip import read_xlsx_parts
from vanban.templates import REGISTRY
from vanban.workbook.layout import GENERAL, ID_HEADER, SEP, Column, Layout, Table, layout

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

Cell = tuple[str, int, str]  # sheet, row, column letter


def _fold(text: Any) -> str:
    return " ".join(str(text or "").replace("*", "").split()).casefold()


@dataclass
class _Reading:
    plan: Layout
    problems: list[Problem] = field(default_factory=list)
    #: id(object built from a row or the root) → its cells: keys → cell; () → the row.
    cells: dict[int, dict[tuple[str, ...], Cell]] = field(default_factory=dict)

    def fail(self, code: str, where: Cell, message: str, message_en: str,
             path: str = "") -> None:
        sheet, row, column = where
        self.problems.append(problem(code, path, f"Trang “{sheet}”, ô {column}{row}: {message}",
                                     message_en, sheet=sheet, row=row, column=column))


def _cell_value(value: Any, formula: Any) -> Any:
    if isinstance(value, str):
        return value.strip("\r\n") if value.strip() else None
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value


def _set(obj: dict[str, Any], keys: tuple[str, ...], value: Any) -> None:
    for key in keys[:-1]:
        obj = obj.setdefault(key, {})
    obj[keys[-1]] = value


def _list_at(obj: dict[str, Any], keys: tuple[str, ...]) -> list[Any]:
    for key in keys[:-1]:
        obj = obj.setdefault(key, {})
    return obj.setdefault(keys[-1], [])


#: Columns read per sheet (a table has a few dozen at most).
MAX_COLUMNS = 256


def _rows(sheet: Any) -> list[list[Any]]:
    """A sheet's cells row by row, streamed and bounded: at most ``json_max_list`` rows of
    data (the limit of a JSON list) and :data:`MAX_COLUMNS` columns, so a workbook of a
    million empty cells is refused before it fills memory."""
    limit = get_settings().json_max_list
    out: list[list[Any]] = []
    for row in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):
        out.append(list(row))
        if len(out) > limit + 1:
            raise LimitError(problem(
                "limit.rows", "file", f"Trang “{sheet.title}” có quá {limit} dòng (giới hạn "
                f"json_max_list = {limit}).", f"sheet {sheet.title!r} has more than {limit} "
                f"rows (json_max_list = {limit})", limit="json_max_list", max=limit,
                sheet=sheet.title))
    while out and all(v is None for v in out[-1]):
        out.pop()
    return out


class _Sheet:
    """One worksheet's values and formulas, by (row, column) from 1."""

    def __init__(self, values: Any, formulas: Any):
        self.name = values.title
        self.values = _rows(values)
        self.formulas = _rows(formulas)

    def get(self, row: int, col: int) -> tuple[Any, bool]:
        """(value, a formula without a saved value)."""
        try:
            value = self.values[row - 1][col - 1]
        except IndexError:
            value = None
        try:
            formula = self.formulas[row - 1][col - 1]
        except IndexError:
            formula = None
        stale = isinstance(formula, str) and formula.startswith("=") and value is None
        return value, stale


class _Reader:
    def __init__(self, plan: Layout, reading: _Reading):
        self.plan = plan
        self.r = reading

    def value(self, sheet: _Sheet, row: int, col: int) -> Any:
        value, stale = sheet.get(row, col)
        if stale:
            self.r.fail("import.formula", (sheet.name, row, get_column_letter(col)),
                        "ô có công thức nhưng chưa có giá trị đã tính. Hãy mở tệp bằng Excel, "
                        "lưu lại rồi tải lên lần nữa.",
                        "formula without a cached value: open in Excel and save again")
            return None
        return _cell_value(value, None)

    def general(self, sheet: _Sheet, root: dict[str, Any]) -> None:
        by_path = {".".join(c.keys): c for c in self.plan.general}
        by_label = {_fold(c.label): c for c in self.plan.general}
        cells = self.r.cells.setdefault(id(root), {})
        for row in range(2, len(sheet.values) + 1):
            key, _ = sheet.get(row, 4)
            label, _ = sheet.get(row, 1)
            column = by_path.get(str(key).strip()) if key else None
            column = column or by_label.get(_fold(label))
            if column is None:
                if label or self.value(sheet, row, 2) is not None:
                    self.r.fail("import.unknown-field", (sheet.name, row, "A"),
                                f"không có trường “{label or key}” trong mẫu này.",
                                f"unknown field {label or key!r}")
                continue
            if column.keys in cells:  # the same field twice: never "the last one wins"
                first = cells[column.keys][1]
                self.r.fail("import.duplicate-field", (sheet.name, row, "A"),
                            f"trường “{column.label}” đã có ở dòng {first}; hãy xóa một dòng.",
                            f"field {column.label!r} repeated (first at row {first})",
                            path=".".join(column.keys))
                continue
            cells[column.keys] = (sheet.name, row, "B")
            value = self.value(sheet, row, 2)
            if value is not None:
                _set(root, column.keys, value)

    def table(self, table: Table, sheet: _Sheet) -> list[tuple[str, dict[str, Any], int]]:
        """The rows of a table's sheet: (row id, object, sheet row)."""
        headers: dict[str, int] = {}
        for col in range(1, len(sheet.values[0]) + 1 if sheet.values else 1):
            name = _fold(sheet.get(1, col)[0])
            if name and name in headers:  # the same column twice: never "the last one wins"
                first = get_column_letter(headers[name])
                self.r.fail("import.duplicate-column", (sheet.name, 1, get_column_letter(col)),
                            f"cột “{sheet.get(1, col)[0]}” đã có ở cột {first}; hãy xóa một "
                            "cột.", f"column {sheet.get(1, col)[0]!r} repeated (first at "
                            f"{first})")
                continue
            headers.setdefault(name, col)
        id_col = headers.get(_fold(ID_HEADER))
        places: list[tuple[Column, int]] = []
        for column in table.columns:
            col = headers.get(_fold(column.label)) or headers.get(
                _fold(column.label.rsplit(SEP, 1)[-1]))
            if col is not None:
                places.append((column, col))
        rows = []
        for row in range(2, len(sheet.values) + 1):
            obj: dict[str, Any] = {}
            cells: dict[tuple[str, ...], Cell] = {
                (): (sheet.name, row, get_column_letter(id_col or 1))}
            for column, col in places:
                cells[column.keys] = (sheet.name, row, get_column_letter(col))
                value = self.value(sheet, row, col)
                if value is not None:
                    _set(obj, column.keys, value)
            rid = self.value(sheet, row, id_col) if id_col else None
            if not obj and rid is None:
                continue  # an empty row
            rid = _row_id(rid) if rid is not None else None
            if rid is None:
                if table.parent is not None:
                    self.r.fail("import.row-id", cells[()], "thiếu “Mã dòng” (ví dụ 1.2: dòng "
                                "thứ 2 thuộc dòng 1 của trang cha).", "row id missing")
                    continue
                rid = str(len(rows) + 1)
            self.r.cells[id(obj)] = cells
            rows.append((rid, obj, row))
        return rows


def _row_id(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip().rstrip(".")


def _attach(plan: Layout, reading: _Reading, root: dict[str, Any],
            rows: dict[str, list[tuple[str, dict[str, Any], int]]]) -> None:
    """Put every row's object into its owner's list (rows keep their sheet order)."""
    ids: dict[str, dict[str, dict[str, Any]]] = {}
    for table in plan.tables:
        ids[table.name] = {}
        for rid, obj, _ in rows.get(table.name, []):
            if rid in ids[table.name]:
                reading.fail("import.row-id", reading.cells[id(obj)][()],
                             f"mã dòng “{rid}” bị trùng.", f"duplicate row id {rid!r}")
                continue
            ids[table.name][rid] = obj
    for table in plan.tables:
        for rid, obj, _ in rows.get(table.name, []):
            if ids[table.name].get(rid) is not obj:
                continue
            owner_id = rid.rsplit(".", 1)[0] if "." in rid else ""
            if table.recursive and owner_id in ids[table.name]:
                ids[table.name][owner_id].setdefault(table.recursive, []).append(obj)
            elif table.parent is None and not owner_id:
                _list_at(root, table.keys).append(obj)
            elif table.parent is not None and owner_id in ids[table.parent.name]:
                _list_at(ids[table.parent.name][owner_id], table.keys).append(obj)
            else:
                owner = table.parent.name if table.parent else GENERAL
                reading.fail("import.row-parent", reading.cells[id(obj)][()],
                             f"mã dòng “{rid}” không thuộc dòng nào: không có dòng "
                             f"“{owner_id}” ở trang “{owner}”.",
                             f"row id {rid!r}: no row {owner_id!r} to belong to")


def _locate(data: Any, cells: dict[int, dict[tuple[str, ...], Cell]]
            ) -> dict[str, Cell]:
    """JSON path → cell, for every cell read."""
    out: dict[str, Cell] = {}

    def walk(value: Any, loc: tuple[Any, ...]) -> None:
        if isinstance(value, dict):
            for keys, cell in cells.get(id(value), {}).items():
                out[json_path((*loc, *keys))] = cell
            for key, item in value.items():
                walk(item, (*loc, key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, (*loc, i))

    walk(data, ())
    return out


def _place(found: Problem, where: dict[str, Cell]) -> Problem:
    """The problem with the cell of its path (or of its nearest located ancestor)."""
    path = found.path
    while path:
        if path in where:
            sheet, row, column = where[path]
            return Problem(found.code, found.path,
                           f"Trang “{sheet}”, ô {column}{row}: {found.message}", found.message_en,
                           {**found.extra, "sheet": sheet, "row": row, "column": column})
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return found


def read_workbook(template_id: str, content: bytes) -> dict[str, Any]:
    read_xlsx_parts(content)  # the upload limits, before openpyxl inflates anything
    try:
        values = load_workbook(io.BytesIO(content), data_only=True, read_only=True)
        formulas = load_workbook(io.BytesIO(content), data_only=False, read_only=True)
    except Exception as exc:  # openpyxl's many ways to refuse a damaged file
        raise InputError(problem(
            "upload.not-xlsx", "file", "Không đọc được tệp Excel: tệp hỏng hoặc không phải "
            ".xlsx. Hãy mở bằng Excel rồi lưu lại dạng .xlsx.",
            f"openpyxl cannot read it: {type(exc).__name__}")) from None
    try:
        root, reading = _read(template_id, values, formulas)
    except VanbanError:
        raise
    except Exception as exc:  # a damaged sheet found while streaming it
        raise InputError(problem(
            "upload.not-xlsx", "file", "Không đọc được tệp Excel: một trang tính bị hỏng. Hãy "
            "mở bằng Excel rồi lưu lại dạng .xlsx.",
            f"openpyxl failed on a sheet: {type(exc).__name__}")) from None
    return _finish(template_id, root, reading)


def _read(template_id: str, values: Any, formulas: Any) -> tuple[dict[str, Any], _Reading]:
    plan = layout(template_id)
    reading = _Reading(plan)
    reader = _Reader(plan, reading)
    root: dict[str, Any] = {}
    sheets = {_fold(name): name for name in values.sheetnames
              if hasattr(values[name], "iter_rows")}  # not a chart sheet
    if _fold(GENERAL) in sheets:
        name = sheets[_fold(GENERAL)]
        reader.general(_Sheet(values[name], formulas[name]), root)
    rows = {}
    for table in plan.tables:
        name = sheets.get(_fold(table.name))
        if name is not None:
            rows[table.name] = reader.table(table, _Sheet(values[name], formulas[name]))
    _attach(plan, reading, root, rows)
    return root, reading


def _finish(template_id: str, root: dict[str, Any], reading: _Reading) -> dict[str, Any]:
    if reading.problems:
        raise InputError(reading.problems)
    json_input.check_limits(root)  # nesting by row numbers (1.1.1…) within json_max_depth
    where = _locate(root, reading.cells)
    data, _ = REGISTRY.get(template_id).normalise(root)
    try:
        pipeline.validate(template_id, data)
    except InputError as exc:
        raise InputError([_place(p, where) for p in exc.problems]) from None
    return data


def _decode(content: bytes) -> str:
    """UTF-8, or what Excel writes on a Vietnamese Windows (cp1258, tone marks combining)."""
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return unicodedata.normalize("NFC", content.decode(encoding))
        except UnicodeDecodeError:
            continue
    return content.decode("latin-1")


def read_csv(template_id: str, content: bytes, name: str = "") -> dict[str, Any]:
    """A .csv of one list (a table sheet saved as CSV, headers in the first row)."""
    text = _decode(content)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    grid = [row for row in csv.reader(io.StringIO(text), dialect)]
    plan = layout(template_id)
    headers = {_fold(h) for h in (grid[0] if grid else [])}
    tables = [t for t in plan.tables if t.parent is None]
    table = max(tables, key=lambda t: sum(_fold(c.label) in headers for c in t.columns),
                default=None)
    if table is None or not grid or not any(_fold(c.label) in headers for c in table.columns):
        raise InputError(problem(
            "import.csv-table", "file", "Dòng đầu của tệp .csv phải là tên các cột của một "
            "bảng trong mẫu (tải mẫu Excel để xem tên cột).",
            "the first row does not name the columns of a list of this template"))
    sheet_name = table.name

    class _Grid:
        title = sheet_name

        def iter_rows(self, values_only: bool = True, max_col: int = 0) -> Any:
            return iter(grid)

    reading = _Reading(plan)
    reader = _Reader(plan, reading)
    sheet = _Sheet(_Grid(), _Grid())
    rows = {table.name: reader.table(table, sheet)}
    root: dict[str, Any] = {}
    _attach(plan, reading, root, rows)
    if reading.problems:
        raise InputError(reading.problems)
    json_input.check_limits(root)
    where = _locate(root, reading.cells)
    data, _ = REGISTRY.get(template_id).normalise(root)
    return _placed_list(template_id, data, where)


def _placed_list(template_id: str, data: dict[str, Any], where: dict[str, Cell]
                 ) -> dict[str, Any]:
    """A CSV holds one list, not a document: only the problems inside that list count."""
    try:
        pipeline.validate(template_id, data)
    except InputError as exc:
        inside = [_place(p, where) for p in exc.problems if "sheet" in _place(p, where).extra]
        if inside:
            raise InputError(inside) from None
    return data


def read_upload(template_id: str, content: bytes, filename: str = "") -> dict[str, Any]:
    """An uploaded .xlsx or .csv → the data (see the module's docstring)."""
    if filename.lower().endswith(".csv") or (not content.startswith(b"PK") and
                                             filename.lower().endswith(".txt")):
        return read_csv(template_id, content, filename)
    return read_workbook(template_id, content)
