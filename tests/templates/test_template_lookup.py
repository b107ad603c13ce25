"""Finding one template without loading every template (what a one-template command needs):
the same folder, the same spec object and the same override rules as the full listing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vanban.errors import UnknownTemplateError
from vanban.templates import Registry, builtin_templates_dir

TEMPLATE = "bao-cao-thi-dua"


def copy_template(root: Path, folder: str, title: str) -> Path:
    target = root / folder
    shutil.copytree(builtin_templates_dir() / TEMPLATE, target)
    manifest = target / "manifest.toml"
    text = manifest.read_text("utf-8")
    start = text.index("title")
    end = text.index("\n", start)
    manifest.write_text(f'{text[:start]}title = "{title}"{text[end:]}', "utf-8")
    return target


def registry(*extra: Path) -> Registry:
    return Registry([(builtin_templates_dir(), True), *((p, False) for p in extra)])


def test_one_template_is_found_without_loading_the_others() -> None:
    reg = registry()
    spec = reg.get(TEMPLATE)
    assert reg._specs is None  # nothing else was read
    assert spec.folder == builtin_templates_dir() / TEMPLATE
    assert reg.specs[TEMPLATE] is spec  # listed later: the same spec, the same module


def test_an_office_folder_replaces_the_builtin_as_in_the_listing(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    mine = copy_template(first, "rieng", "Báo cáo của đơn vị")
    copy_template(second, "khac", "Báo cáo thứ hai")  # the same id again: the first is kept
    reg = registry(first, second)
    assert reg.get(TEMPLATE).folder == mine
    assert reg.get(TEMPLATE).title == "Báo cáo của đơn vị"
    full = registry(first, second)
    assert full.specs[TEMPLATE].folder == mine
    assert set(full.overridden) == {TEMPLATE}


def test_a_broken_folder_with_the_id_is_passed_over(tmp_path: Path) -> None:
    broken = copy_template(tmp_path, "a-hong", "Hỏng")
    (broken / "template.docx").unlink()
    good = copy_template(tmp_path, "b-tot", "Của đơn vị")
    reg = registry(tmp_path)
    assert reg.get(TEMPLATE).folder == good
    assert registry(tmp_path).specs[TEMPLATE].folder == good


def test_an_unknown_id_names_the_known_ones() -> None:
    with pytest.raises(UnknownTemplateError) as caught:
        registry().get("khong-co")
    assert TEMPLATE in str(caught.value.problems[0].message)


def test_a_template_found_once_is_not_looked_for_again(tmp_path: Path) -> None:
    """Rendering asks for its template several times per document: the folders are read once
    (before, every call re-read every manifest: a render took twice as long)."""
    folder = copy_template(tmp_path, "rieng", "Của đơn vị")
    reg = Registry.at(tmp_path)
    spec = reg.get(TEMPLATE)
    (folder / "manifest.toml").unlink()  # not read again
    assert reg.get(TEMPLATE) is spec
