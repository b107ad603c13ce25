"""Template registry: ``templates_docx/<id>/manifest.toml`` → :class:`TemplateSpec`, compiled once.

A template is a folder holding ``manifest.toml`` (id, title, description, document type and
its abbreviation, families, the Python module with its body model and context builder),
``template.docx`` (the body, edited in Word) and ``example.json`` (a valid input).
Compiled (template, family) pairs are cached for the life of the process; compiling is
guarded by a lock so concurrent first requests compile once.
"""

from __future__ import annotations

import importlib
import json
import os
import threading
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import Any

from vanban.errors import UnknownTemplateError
from vanban.model.envelope import Envelope
from vanban.render.compile import Compiled, compile_template

PACKAGE_ROOT = Path(__file__).resolve().parent
PROJECT_ROOT = Path(os.environ.get("VANBAN_HOME", PACKAGE_ROOT.parents[1]))


def templates_dir() -> Path:
    return Path(os.environ.get("VANBAN_TEMPLATES", PROJECT_ROOT / "templates_docx"))


def content_blocks_dir() -> Path:
    return Path(os.environ.get("VANBAN_CONTENT_BLOCKS", PROJECT_ROOT / "content_blocks"))


@dataclass(frozen=True)
class TemplateSpec:
    id: str
    title: str
    description: str
    loai_van_ban: str
    viet_tat: str
    families: tuple[str, ...]
    module_name: str
    folder: Path

    @cached_property
    def module(self) -> ModuleType:
        return importlib.import_module(self.module_name)

    @cached_property
    def model(self) -> type[Envelope]:
        return Envelope[self.module.Body]  # type: ignore[name-defined]

    @property
    def docx_path(self) -> Path:
        return self.folder / "template.docx"

    def example(self) -> dict[str, Any]:
        return json.loads((self.folder / "example.json").read_text("utf-8"))

    def info(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "description": self.description,
                "loai_van_ban": self.loai_van_ban, "families": list(self.families)}


class Registry:
    def __init__(self, root: Path | None = None) -> None:
        self.root = root or templates_dir()
        self._specs: dict[str, TemplateSpec] | None = None
        self._compiled: dict[tuple[str, str], Compiled] = {}
        self._lock = threading.Lock()

    @property
    def specs(self) -> dict[str, TemplateSpec]:
        if self._specs is None:
            specs = {}
            for manifest in sorted(self.root.glob("*/manifest.toml")):
                data = tomllib.loads(manifest.read_text("utf-8"))
                spec = TemplateSpec(
                    id=data["id"], title=data["title"], description=data["description"],
                    loai_van_ban=data["loai_van_ban"], viet_tat=data.get("viet_tat", ""),
                    families=tuple(data["families"]), module_name=data["module"],
                    folder=manifest.parent,
                )
                specs[spec.id] = spec
            self._specs = specs
        return self._specs

    def get(self, template_id: str) -> TemplateSpec:
        try:
            return self.specs[template_id]
        except KeyError:
            raise UnknownTemplateError(template_id, sorted(self.specs)) from None

    def compiled(self, template_id: str, family: str) -> Compiled:
        key = (template_id, family)
        found = self._compiled.get(key)
        if found is not None:
            return found
        with self._lock:
            found = self._compiled.get(key)
            if found is None:
                spec = self.get(template_id)
                found = compile_template(f"{template_id}/{family}",
                                         content_blocks_dir() / f"{family}.docx",
                                         spec.docx_path)
                self._compiled[key] = found
        return found

    def warm(self) -> int:
        """Compile every (template, family) pair now; returns how many."""
        n = 0
        for spec in self.specs.values():
            for family in spec.families:
                self.compiled(spec.id, family)
                n += 1
        return n


REGISTRY = Registry()
