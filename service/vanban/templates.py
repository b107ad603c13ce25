"""Template registry: every folder with a ``manifest.toml`` is a document type.

A template is a folder::

    <id>/manifest.toml   id, title, description, loai_van_ban, viet_tat, co_so, families, module
    <id>/template.docx   the body, edited in Word (wrapped in the family's official shell)
    <id>/example.json    a valid input
    <id>/fixtures/*.json optional: more inputs the template battery renders and checks
    <id>/*.py            optional: the type's code — model.py (the body model), context.py
                         (build_context, check …; see TemplateModule), anything else it needs
    <id>/wording.toml    optional: the type's wording, read by its code

The Python files of a folder are a package, ``vanban_templates.<id with _ for ->``:
``templates_docx/bao-cao-thi-dua/context.py`` is ``vanban_templates.bao_cao_thi_dua.context``,
from the checkout and from an installed wheel alike (:class:`FolderPackages`). A type's own files
import each other relatively (``from .model import Body``).

Folders are found in the templates that ship inside vanban, then in every directory named by
``VANBAN_TEMPLATES_PATH`` (``os.pathsep``-separated) or added with ``--templates-dir``. A folder
there with the id of a built-in template replaces it (:attr:`Registry.overridden`: an office's
own wording of a built-in type, ``vanban eject``); two such folders of one id keep the first. A
folder that is broken (bad manifest, missing file, module without ``Body``) is reported in
:attr:`Registry.problems` with its path and what is wrong, and the other templates keep working.

Compiled (template, family) pairs are cached for the life of the process; compiling is guarded
by a lock so concurrent first requests compile once.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import sys
import threading
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol, runtime_checkable

from pydantic import BaseModel

from vanban.config import get_settings
from vanban.errors import Problem, TemplateError, UnknownTemplateError, VanbanError, problem
from vanban.model.envelope import Envelope
from vanban.render.cache import cache_dir
from vanban.render.compile import Compiled, compile_template
from vanban.the_thuc.families import FAMILY_IDS, Family, get_family
from vanban.the_thuc.loai_van_ban import PHU_LUC_III, LoaiVanBan, merged

PACKAGE_ROOT = Path(__file__).resolve().parent
#: Generic body for templates whose manifest names no module (sections and paragraphs).
GENERIC_MODULE = "vanban.context.van_ban_chung"


def _data_dir(name: str) -> Path:
    """``templates_docx`` / ``content_blocks``: inside the installed package (a wheel carries
    them there), or at the top of the source checkout."""
    inside = PACKAGE_ROOT / name
    return inside if inside.is_dir() else PACKAGE_ROOT.parents[1] / name


def builtin_templates_dir() -> Path:
    return _data_dir("templates_docx")


def content_blocks_dir() -> Path:
    configured = get_settings().content_blocks
    return Path(configured) if configured else _data_dir("content_blocks")


#: The package the Python files of template folders are imported under.
CODE_PACKAGE = "vanban_templates"


def package_name(folder: Path) -> str:
    """``vanban_templates.bao_cao_thi_dua`` for ``…/bao-cao-thi-dua/``."""
    return f"{CODE_PACKAGE}.{folder.name.replace('-', '_')}"


class _FolderLoader(importlib.abc.Loader):
    """A template folder as a package with no ``__init__.py`` (its files are its submodules)."""

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        return None


class FolderPackages(importlib.abc.MetaPathFinder):
    """Finds ``vanban_templates.<name>``: a folder registered by a :class:`Registry` (templates
    added with ``--templates-dir`` or ``VANBAN_TEMPLATES_PATH``), else a built-in folder. Its
    submodules are then found by Python's own path finder inside that folder."""

    def __init__(self) -> None:
        self.folders: dict[str, Path] = {}

    def register(self, folder: Path) -> str:
        """Make ``folder`` importable; returns its package name (``…_2``, ``…_3`` when another
        folder of the same name came first: a copy of a built-in in another root)."""
        base = package_name(folder)
        name, n = base, 1
        while True:
            tail = name.rpartition(".")[2]
            known = self.folders.get(tail) or _builtin_folder(name)
            if known is None or known.resolve() == folder.resolve():
                self.folders[tail] = folder
                return name
            n += 1
            name = f"{base}_{n}"

    def find_spec(self, fullname: str, path: object = None,
                  target: object = None) -> importlib.machinery.ModuleSpec | None:
        head, _, tail = fullname.partition(".")
        if head != CODE_PACKAGE or not tail or "." in tail:
            return None
        folder = self.folders.get(tail) or _builtin_folder(fullname)
        if folder is None:
            return None
        spec = importlib.machinery.ModuleSpec(fullname, _FolderLoader(), origin=str(folder),
                                              is_package=True)
        spec.submodule_search_locations = [str(folder)]
        return spec


def _builtin_folder(name: str) -> Path | None:
    tail = name.rpartition(".")[2]
    root = builtin_templates_dir()
    for folder in root.iterdir() if root.is_dir() else ():
        if folder.name.replace("-", "_") == tail and (folder / "manifest.toml").is_file():
            return folder
    return None


FOLDER_PACKAGES = FolderPackages()
if not any(isinstance(f, FolderPackages) for f in sys.meta_path):
    sys.meta_path.insert(0, FOLDER_PACKAGES)
else:  # the module was reloaded: keep the finder already installed
    FOLDER_PACKAGES = next(f for f in sys.meta_path if isinstance(f, FolderPackages))


@runtime_checkable
class TemplateModule(Protocol):
    """What a template's Python module provides.

    Required: ``Body`` (the pydantic model of ``noi_dung``) and :meth:`build_context`.
    Optional (looked up with ``getattr``): ``check(envelope) -> list[Problem]`` for rules the
    model cannot see alone, ``check_raw(data) -> list[Problem]`` for problems worth reporting
    even when the model fails, and ``compute(envelope) -> dict`` for templates that compute
    figures (scores, ranks, counts) returned as JSON by ``vanban compute``.
    """

    Body: type[BaseModel]

    def build_context(self, envelope: Envelope, family: Family, envelope_ctx: dict) -> dict:
        """The keys the body template uses (may override envelope keys)."""
        ...


#: Keys a manifest may hold, with their types.
_MANIFEST_KEYS: dict[str, type | tuple[type, ...]] = {
    "id": str, "title": str, "description": str, "loai_van_ban": str, "viet_tat": str,
    "families": list, "module": str, "tests": dict, "co_so": bool,
    # viet_tat_<family id with _>: the type's abbreviation in one family when it differs
    **{f"viet_tat_{family.replace('-', '_')}": str for family in FAMILY_IDS},
}
_REQUIRED = ("id", "title", "description", "loai_van_ban", "families")


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
    builtin: bool = True
    #: Input paths (``noi_dung.khen_thuong[].ten``) whose strings are printed transformed.
    transformed: tuple[str, ...] = ()
    #: The type abbreviation in one family when the manifest says it differs
    #: (``viet_tat_dang = "CV"``); otherwise the family's table decides (công văn → CV).
    viet_tat_rieng: tuple[tuple[str, str], ...] = ()
    #: False for a form without số, ký hiệu (báo cáo thành tích).
    co_so: bool = True

    def viet_tat_for(self, family_id: str) -> str:
        return self.loai().viet_tat_for(get_family(family_id))

    def loai(self) -> LoaiVanBan:
        """The document type this template produces (for the checker)."""
        return LoaiVanBan(self.loai_van_ban, self.viet_tat, self.co_so, dict(self.viet_tat_rieng))

    @cached_property
    def module(self) -> TemplateModule:
        return load_module(self.module_name, self.folder)  # type: ignore[return-value]

    @cached_property
    def model(self) -> type[Envelope]:
        return Envelope[self.module.Body]  # type: ignore[name-defined]

    @property
    def docx_path(self) -> Path:
        return self.folder / "template.docx"

    def normalise(self, data: Any) -> tuple[Any, list[Any]]:
        """What a clerk typed for this template → (strict data, notes of what changed)."""
        from vanban.model.lenient import model_schema, normalise_with

        return normalise_with(model_schema(self.model), data)

    def example(self) -> dict[str, Any]:
        return json.loads((self.folder / "example.json").read_text("utf-8"))

    def computes(self) -> bool:
        return callable(getattr(self.module, "compute", None))

    def info(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "description": self.description,
                "loai_van_ban": self.loai_van_ban, "families": list(self.families)}


def load_module(name: str, folder: Path) -> ModuleType:
    """A dotted module (``vanban.context.van_ban_chung``), or a ``.py`` file of the template's
    folder imported as ``vanban_templates.<folder>.<file>`` (so the folder's files can import
    each other: ``from .model import Body``)."""
    if not name.endswith(".py"):
        return importlib.import_module(name)
    path = (folder / name).resolve()
    if path.parent != folder.resolve() or not path.stem.isidentifier():
        raise ValueError(f"module {name!r} must be a .py file directly in the template folder")
    package = FOLDER_PACKAGES.register(folder)
    return importlib.import_module(f"{package}.{path.stem}")


def _broken(folder: Path, message: str, message_en: str) -> Problem:
    return problem("template.broken", str(folder),
                   f"Mẫu văn bản ở thư mục “{folder}” bị lỗi: {message}",
                   f"template folder {folder}: {message_en}")


def read_spec(folder: Path, *, builtin: bool) -> TemplateSpec:
    """Read and check one template folder; raises :class:`TemplateError` saying what is wrong."""
    manifest = folder / "manifest.toml"
    try:
        data = tomllib.loads(manifest.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise TemplateError(_broken(folder, f"không đọc được manifest.toml ({exc}).",
                                    f"unreadable manifest.toml: {exc}")) from exc
    problems = []
    for key in _REQUIRED:
        if key not in data:
            problems.append(_broken(folder, f"manifest.toml thiếu khóa “{key}”.",
                                    f"manifest.toml lacks {key!r}"))
    for key, value in data.items():
        expected = _MANIFEST_KEYS.get(key)
        if expected is None:
            problems.append(_broken(folder, f"manifest.toml có khóa lạ “{key}”.",
                                    f"unknown manifest key {key!r}"))
        elif not isinstance(value, expected):
            problems.append(_broken(folder, f"khóa “{key}” sai kiểu.", f"{key!r} has wrong type"))
    families = data.get("families", [])
    if isinstance(families, list):
        unknown = [f for f in families if f not in FAMILY_IDS]
        if unknown or not families:
            problems.append(_broken(
                folder, f"“families” phải là danh sách trong {', '.join(FAMILY_IDS)}.",
                f"families must be a non-empty subset of {FAMILY_IDS}, got {families}"))
    for name in ("template.docx", "example.json"):
        if not (folder / name).is_file():
            problems.append(_broken(folder, f"thiếu tệp {name}.", f"missing {name}"))
    if problems:
        raise TemplateError(problems)
    tests = data.get("tests", {})
    spec = TemplateSpec(
        id=data["id"], title=data["title"], description=data["description"],
        loai_van_ban=data["loai_van_ban"], viet_tat=data.get("viet_tat", ""),
        families=tuple(families), module_name=data.get("module", GENERIC_MODULE),
        folder=folder, builtin=builtin, transformed=tuple(tests.get("transformed", ())),
        viet_tat_rieng=tuple((f, data[f"viet_tat_{f.replace('-', '_')}"]) for f in FAMILY_IDS
                             if f"viet_tat_{f.replace('-', '_')}" in data),
        co_so=data.get("co_so", True),
    )
    try:
        module = spec.module
    except Exception as exc:  # a template's code failed to import: report it, keep the others
        raise TemplateError(_broken(folder, f"không nạp được mô-đun “{spec.module_name}” "
                                    f"({type(exc).__name__}: {exc}).",
                                    f"cannot load module {spec.module_name!r}: {exc}")) from exc
    if not isinstance(getattr(module, "Body", None), type) or not issubclass(
            module.Body, BaseModel) or not callable(getattr(module, "build_context", None)):
        raise TemplateError(_broken(
            folder, f"mô-đun “{spec.module_name}” phải có lớp Body (pydantic) và hàm "
            "build_context(envelope, family, envelope_ctx).",
            f"module {spec.module_name!r} lacks Body or build_context"))
    return spec


@dataclass
class Registry:
    """Templates found in ``roots`` (built-in first), compiled lazily, once."""

    roots: list[tuple[Path, bool]] = field(default_factory=list)
    _specs: dict[str, TemplateSpec] | None = None
    _problems: list[Problem] = field(default_factory=list)
    _overridden: dict[str, TemplateSpec] = field(default_factory=dict)
    _compiled: dict[tuple[str, str], Compiled] = field(default_factory=dict)
    _lock: threading.RLock = field(default_factory=threading.RLock)
    #: Folders read so far (by :meth:`get` alone or by loading every template), so a template
    #: found on its own and then listed with the others is one spec with one module.
    _read: dict[tuple[Path, bool], TemplateSpec] = field(default_factory=dict)
    #: Templates found alone by :meth:`get`, by id (until every template is loaded).
    _found: dict[str, TemplateSpec] = field(default_factory=dict)

    @classmethod
    def default(cls, extra: Iterable[Path] = ()) -> Registry:
        """The built-in templates, then ``VANBAN_TEMPLATES_PATH``, then ``extra``."""
        roots = [(builtin_templates_dir(), True)]
        try:
            configured = get_settings().templates_dirs
        except VanbanError:  # a bad VANBAN_* value: reported when a command or server starts
            configured = []
        roots += [(Path(p), False) for p in (*configured, *extra)]
        return cls(roots)

    @classmethod
    def at(cls, *folders: Path) -> Registry:
        """Only the templates in ``folders`` (for tests and tools)."""
        return cls([(Path(f), True) for f in folders])

    def add_root(self, folder: Path) -> None:
        """Look for templates in ``folder`` too (``--templates-dir``)."""
        with self._lock:  # re-entrant: set_roots takes it again
            self.set_roots([*self.roots, (Path(folder), False)])

    def set_roots(self, roots: Iterable[tuple[Path, bool]]) -> None:
        """Look for templates in ``roots`` (folder, built-in?) instead, forgetting everything
        read from the old ones (tests put back the roots they saved with this)."""
        with self._lock:
            self.roots[:] = list(roots)
            self._specs = None
            self._read.clear()
            self._found.clear()
            self._compiled.clear()  # an id may now name another folder (an override)

    def _read_spec(self, folder: Path, builtin: bool) -> TemplateSpec:
        key = (folder, builtin)
        found = self._read.get(key)
        if found is None:
            found = self._read[key] = read_spec(folder, builtin=builtin)
        return found

    def _load(self) -> dict[str, TemplateSpec]:
        specs: dict[str, TemplateSpec] = {}
        problems: list[Problem] = []
        overridden: dict[str, TemplateSpec] = {}
        for root, builtin in self.roots:
            if not root.is_dir():
                problems.append(problem(
                    "template.root-missing", str(root),
                    f"Không có thư mục mẫu văn bản “{root}”.", f"no template folder {root}"))
                continue
            for manifest in sorted(root.glob("*/manifest.toml")):
                try:
                    spec = self._read_spec(manifest.parent, builtin)
                except VanbanError as exc:
                    problems.extend(exc.problems)
                    continue
                if spec.id in specs:
                    first = specs[spec.id]
                    if first.builtin and not builtin and spec.id not in overridden:
                        # An office's own folder with a built-in's id replaces the built-in
                        # (``vanban eject``, ``vanban new-template``): listed as "overrides".
                        overridden[spec.id] = first
                        specs[spec.id] = spec
                        continue
                    problems.append(_broken(
                        manifest.parent, f"trùng mã “{spec.id}” với mẫu ở “{first.folder}”"
                        " (giữ mẫu nạp trước).", f"duplicate id {spec.id!r}"))
                    continue
                specs[spec.id] = spec
        self._problems = problems
        self._overridden = overridden
        return specs

    @property
    def overridden(self) -> dict[str, TemplateSpec]:
        """The built-in templates replaced by a folder of the same id on
        ``VANBAN_TEMPLATES_PATH`` / ``--templates-dir``, by id."""
        self.specs  # noqa: B018 — loading fills it
        return dict(self._overridden)

    def describe(self, template_id: str) -> dict[str, Any]:
        """:meth:`TemplateSpec.info` plus ``overrides``: whether this template replaces the
        built-in one of the same id."""
        return {**self.get(template_id).info(), "overrides": template_id in self.overridden}

    @property
    def specs(self) -> dict[str, TemplateSpec]:
        if self._specs is None:
            with self._lock:
                if self._specs is None:
                    self._specs = self._load()
        return self._specs

    @property
    def problems(self) -> list[Problem]:
        """Broken template folders (each names its folder and what is wrong)."""
        self.specs  # noqa: B018 — loading fills the list
        return list(self._problems)

    def loai_van_ban(self) -> list[LoaiVanBan]:
        """Every document type the checker knows: Phụ lục III, then the templates' own."""
        return merged(PHU_LUC_III, (spec.loai() for spec in self.specs.values()))

    def get(self, template_id: str) -> TemplateSpec:
        if self._specs is None:
            # Before every template is loaded (importing each one's module: ~0.2 s), find this
            # one alone: a command that uses one template imports only that one's code.
            found = self._found.get(template_id)
            if found is not None:
                return found
            with self._lock:
                if self._specs is None:
                    found = self._find(template_id)
                    if found is not None:
                        self._found[template_id] = found
                        return found
        try:
            return self.specs[template_id]
        except KeyError:
            raise UnknownTemplateError(template_id, sorted(self.specs)) from None

    def _find(self, template_id: str) -> TemplateSpec | None:
        """The spec :meth:`_load` would give ``template_id``, reading only the folders whose
        manifest has that id (the same order and override rules); ``None`` when none does."""
        chosen: TemplateSpec | None = None
        replaced = False
        for root, builtin in self.roots:
            if not root.is_dir():
                continue
            for manifest in sorted(root.glob("*/manifest.toml")):
                try:
                    declared = tomllib.loads(manifest.read_text("utf-8")).get("id")
                except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                    continue  # broken: reported when every template is loaded
                if declared != template_id:
                    continue
                try:
                    spec = self._read_spec(manifest.parent, builtin)
                except VanbanError:
                    continue
                if chosen is None:
                    chosen = spec
                elif chosen.builtin and not builtin and not replaced:
                    chosen, replaced = spec, True  # an office's folder replaces the built-in
        return chosen

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
                                         spec.docx_path, cache_dir())
                self._compiled[key] = found
        return found

    def warm(self) -> int:
        """Compile every (template, family) pair now; returns how many compiled. A pair that
        fails is added to :attr:`problems` and the others still compile."""
        n = 0
        for spec in list(self.specs.values()):
            for family in spec.families:
                try:
                    self.compiled(spec.id, family)
                    n += 1
                except VanbanError as exc:
                    known = {(p.code, p.path) for p in self._problems}
                    self._problems += [p for p in exc.problems if (p.code, p.path) not in known]
        return n


REGISTRY = Registry.default()
