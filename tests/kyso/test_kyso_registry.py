"""Every template in every family it declares renders ``--for-signing`` with its fields in
place: the signer's field inside the page, under its title line and above the name (read back
from the PDF), and the seal over its left third. One warm LibreOffice serves all of them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from readback import fields, xmp

from vanban import pipeline
from vanban.kyso.fields import BLOCKS
from vanban.kyso.layout import read_pages
from vanban.kyso.prepare import prepare
from vanban.templates import REGISTRY

_spec = importlib.util.spec_from_file_location(
    "template_battery", Path(__file__).resolve().parents[1] / "templates" / "battery.py")
battery = importlib.util.module_from_spec(_spec)
sys.modules["template_battery"] = battery
_spec.loader.exec_module(battery)  # the templates' own rule for moving an example to a family

CASES = [(spec.id, family) for spec in sorted(REGISTRY.specs.values(), key=lambda s: s.id)
         for family in spec.families]


@pytest.mark.parametrize(("template", "family"), CASES, ids=[f"{t}@{f}" for t, f in CASES])
def test_renders_for_signing_with_fields_in_place(template: str, family: str, warm) -> None:
    data = battery.in_family(REGISTRY.get(template).example(), family)
    result = pipeline.run(template, data)
    pdf = prepare(result, warm).pdf
    assert 'pdfaid:part="2"' in xmp(pdf)
    found = fields(pdf)
    assert "NguoiKy" in found, (template, family, list(found))
    pages = read_pages(pdf)
    for signer_name, seal_name in BLOCKS.values():
        if signer_name not in found:
            continue
        page_index, (left, bottom, right, top), signed = found[signer_name]
        page = pages[page_index]
        assert not signed
        assert 0 <= left < right <= page.width and 0 <= bottom < top <= page.height
        column = [x for x in page.lines if x.left < right and x.right > left]
        above = [x for x in column if x.bottom >= top]
        below = [x for x in column if x.top <= bottom]
        assert above, f"{signer_name}: a title line above"
        assert not [x for x in column if x.bottom < top and x.top > bottom], \
            f"{signer_name}: no text inside the signer's place"
        if seal_name in found:
            _, (s_left, _, s_right, _), _ = found[seal_name]
            assert s_right == pytest.approx(left + (right - left) / 3, abs=0.5)
            assert s_left < left
        if result.context.get(next(k for k, v in BLOCKS.items() if v[0] == signer_name),
                              {}).get("ho_ten"):
            assert below, f"{signer_name}: the name below"
