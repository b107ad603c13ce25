"""Write service/vanban/the_thuc/font_metrics.json: advance widths of Times New Roman.

Liberation Serif is metric-compatible with Times New Roman (same advance widths), and it is
what Debian ships, so its widths stand in for TNR's. The table lets the layout code size the
short rules under the agency name and the abstract (1/3–1/2 of the text) without a font file
at run time. Run once with fontTools installed:  python tools/build_font_metrics.py
"""

import json
import pathlib
import unicodedata

from fontTools.ttLib import TTFont

FONTS = pathlib.Path("/usr/share/fonts/truetype/liberation2")
OUT = pathlib.Path(__file__).resolve().parents[1] / "service/vanban/the_thuc/font_metrics.json"
VIET = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    "áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)


def main() -> None:
    chars = {chr(c) for c in range(32, 127)} | set(VIET) | set(VIET.upper())
    chars |= set("“”‘’–—…·")
    out = {}
    for style in ("Regular", "Bold", "Italic", "BoldItalic"):
        font = TTFont(FONTS / f"LiberationSerif-{style}.ttf")
        cmap, hmtx = font.getBestCmap(), font["hmtx"]
        upm = font["head"].unitsPerEm
        widths = {}
        for ch in sorted(chars):
            ch = unicodedata.normalize("NFC", ch)
            glyph = cmap.get(ord(ch))
            if glyph is not None:
                widths[ch] = round(hmtx[glyph][0] / upm, 4)
        out[style] = widths
    OUT.write_text(json.dumps(out, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
