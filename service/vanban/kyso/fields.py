"""The empty signature fields of Nghị định 30, placed from where the text really is.

Nghị định 30/2020/NĐ-CP, Phụ lục I (see ``docs/ky-so.md``):

* the signer's digital signature image goes **centred between the chức vụ line and the name**
  (ô 7c) — field ``NguoiKy``;
* the agency's (the seal image, real size) **over about a third of the signer's image, to its
  left** (ô 8) — field ``DauCoQuan``;
* an attachment in its own file carries the agency's signature at the **top right of its first
  page** — field ``DauCoQuan_VanBanKem`` (see :func:`attachment_place`).

A document's signature blocks come from its context (``chu_ky``; ``chu_ky_trai`` and
``chu_ky_duoi`` where a template has more signers, such as the minutes' secretary or the
certifications of an achievement report). Each block is found on the rendered page: its name
line, and the nearest line above it in the same column, which must be one of the block's title
lines (authority, chức vụ, a note such as “(Ký, đóng dấu)”). The space between them is ô 7c.
Nothing is a fixed coordinate; a block that is not found is an error naming it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from vanban.kyso.errors import KySoError, error
from vanban.kyso.layout import Line, Page, norm

MM = 72 / 25.4

#: Field names, one per role; a viewer lists them, ``vanban sign`` fills them.
SIGNER_FIELD = "NguoiKy"
SEAL_FIELD = "DauCoQuan"
ATTACHMENT_FIELD = "DauCoQuan_VanBanKem"

#: Context key of a signature block → (signer field, seal field).
BLOCKS = {
    "chu_ky": (SIGNER_FIELD, SEAL_FIELD),
    "chu_ky_trai": (f"{SIGNER_FIELD}_Trai", f"{SEAL_FIELD}_Trai"),
    "chu_ky_duoi": (f"{SIGNER_FIELD}_Duoi", f"{SEAL_FIELD}_Duoi"),
}

TOOLTIPS = {
    SIGNER_FIELD: "Chữ ký số của người có thẩm quyền",
    SEAL_FIELD: "Chữ ký số của cơ quan, tổ chức (hình ảnh con dấu)",
    ATTACHMENT_FIELD: "Chữ ký số của cơ quan, tổ chức trên văn bản kèm theo",
}

#: The seal's real size when none is given: round seals of State agencies are 32–42 mm.
SEAL_MM = 36.0
#: ô 7c's height when the name is left blank (a draft): about four 14 pt lines.
BLANK_NAME_HEIGHT = 62.0
#: The signer's image is about twice as wide as it is high, never narrower than the name.
SIGNER_ASPECT = 1.9
MAX_SIGNER_WIDTH = 180.0
PAD = 5.0  # glyph boxes are tight; a line also has its font's descent (about 5 pt at 14 pt)
#: The attachment's information: two lines of Times New Roman 10.
ATTACHMENT_BOX = (150.0, 26.0)


@dataclass(frozen=True, slots=True)
class Block:
    """A signature block as the context prints it."""

    key: str
    title: tuple[str, ...]
    name: str
    seal: bool

    @property
    def signer_field(self) -> str:
        return BLOCKS[self.key][0]

    @property
    def seal_field(self) -> str:
        return BLOCKS[self.key][1]


@dataclass(frozen=True, slots=True)
class Place:
    """One field: its name, page (0-based) and box ``(left, bottom, right, top)`` in points."""

    name: str
    page: int
    box: tuple[float, float, float, float]
    tooltip: str

    @property
    def width(self) -> float:
        return self.box[2] - self.box[0]

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "page": self.page + 1,
                "box": [round(v, 1) for v in self.box], "tooltip": self.tooltip}


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, Iterable):
        return [v for v in value if isinstance(v, str) and v.strip()]
    return []


def blocks(context: Mapping[str, Any]) -> list[Block]:
    """The signature blocks a rendered context prints, main block first.

    The agency's seal goes with the main block (``chu_ky``) unless it carries a note other than
    “đóng dấu” (an individual signing for themself), and with any other block whose note asks
    for it (“(Ký, đóng dấu)”: a unit head's confirmation, a higher level's certification)."""
    found = []
    for key in BLOCKS:
        data = context.get(key)
        if not isinstance(data, Mapping):
            continue
        notes = _texts(data.get("ghi_chu"))
        title = (*_texts(data.get("quyen_han")), *_texts(data.get("tieu_de")),
                 *_texts(data.get("chuc_vu")), *notes)
        if not title:
            continue
        stamped = any("đóng dấu" in norm(n) for n in notes)
        seal = stamped or (key == "chu_ky" and not notes)
        found.append(Block(key, title, str(data.get("ho_ten") or ""), seal))
    return found


def _above(page: Page, line: Line) -> Line | None:
    """The nearest line above ``line`` in the same column."""
    higher = [x for x in page.lines if x.bottom >= line.top - 1 and x.overlaps_column(line)
              and x is not line]
    return min(higher, key=lambda x: x.bottom - line.top, default=None)


def _in_title(line: Line, block: Block) -> bool:
    text = norm(line.text)
    return len(text) >= 2 and text in norm(" ".join(block.title))


def locate(block: Block, pages: list[Page], taken: frozenset[Line] = frozenset()
           ) -> tuple[Line, Line | None]:
    """(the last title line, the name line or ``None`` when the name is blank); lines in
    ``taken`` belong to blocks found before (two blocks may print the same name)."""
    for page in pages:
        for line in page.lines:
            if line in taken:
                continue
            if block.name and norm(line.text) == norm(block.name):
                above = _above(page, line)
                if above is not None and _in_title(above, block):
                    return above, line
            elif not block.name and norm(line.text) == norm(block.title[-1]):
                return line, None
    where = f"“{block.name}”" if block.name else f"“{block.title[-1]}”"
    raise error("kyso.block-not-found", block.key,
                f"Không tìm thấy khối chữ ký ({where}) trên trang PDF nên chưa đặt được ô chữ ký "
                "số; hãy kiểm tra mẫu có in khối chữ ký này.",
                f"signature block {block.key} ({where}) not found on the rendered pages",
                block=block.key)


def signer_place(block: Block, title: Line, name: Line | None) -> Place:
    """ô 7c: the space between the title line and the name, centred on the name."""
    top = title.bottom - PAD
    if name is not None:
        bottom = name.top + PAD
        centre = name.centre_x
        least = name.right - name.left
    else:
        bottom = top - BLANK_NAME_HEIGHT
        centre = title.centre_x
        least = 0.0
    height = max(top - bottom, 10.0)
    width = min(max(SIGNER_ASPECT * height, least), MAX_SIGNER_WIDTH)
    return Place(block.signer_field, title.page,
                 (centre - width / 2, top - height, centre + width / 2, top),
                 TOOLTIPS[SIGNER_FIELD])


def seal_place(block: Block, signer: Place, seal_mm: float = SEAL_MM) -> Place:
    """ô 8: the seal at real size, covering the left third of the signer's image."""
    if not 10 <= seal_mm <= 80:
        raise error("kyso.seal-size", "--seal-mm",
                    f"Kích thước con dấu {seal_mm:g} mm không hợp lý; dấu tròn của cơ quan "
                    "thường 30–45 mm.", f"seal size {seal_mm:g} mm is out of range (10-80 mm)")
    size = seal_mm * MM
    right = signer.box[0] + signer.width / 3
    middle = (signer.box[1] + signer.box[3]) / 2
    return Place(block.seal_field, signer.page,
                 (right - size, middle - size / 2, right, middle + size / 2),
                 TOOLTIPS[SEAL_FIELD])


def places(context: Mapping[str, Any], pages: list[Page],
           seal_mm: float = SEAL_MM) -> list[Place]:
    """Every field of a rendered document: signer (and seal) per signature block."""
    found: list[Place] = []
    taken: set[Line] = set()
    for block in blocks(context):
        title, name = locate(block, pages, frozenset(taken))
        taken.update(x for x in (title, name) if x is not None)
        signer = signer_place(block, title, name)
        found.append(signer)
        if block.seal:
            found.append(seal_place(block, signer, seal_mm))
    if not found:
        raise error("kyso.no-signature-block", "chu_ky",
                    "Văn bản không có khối chữ ký nên không có chỗ đặt chữ ký số.",
                    "the document has no signature block")
    return found


def attachment_place(pages: list[Page]) -> Place:
    """The agency's signature on an attachment: top right of page 1, above the first line of
    text and aligned with the text's right edge (inside the top margin)."""
    if not pages:
        raise error("kyso.empty", "", "Tệp PDF không có trang nào.", "the PDF has no pages")
    page = pages[0]
    width, height = ATTACHMENT_BOX
    if page.lines:
        top_line = page.lines[0]
        right = max(x.right for x in page.lines if x.top >= page.height * 0.6) \
            if any(x.top >= page.height * 0.6 for x in page.lines) else top_line.right
        bottom = min(top_line.top + 4, page.height - 6 - height)
    else:
        right, bottom = page.width - 20 * MM, page.height - 20 * MM
    right = min(right, page.width - 10 * MM)
    return Place(ATTACHMENT_FIELD, 0, (right - width, bottom, right, bottom + height),
                 TOOLTIPS[ATTACHMENT_FIELD])


__all__ = ["ATTACHMENT_FIELD", "BLOCKS", "Block", "KySoError", "Place", "SEAL_FIELD",
           "SIGNER_FIELD", "attachment_place", "blocks", "locate", "places"]
