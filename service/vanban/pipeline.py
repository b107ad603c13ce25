"""The one path every document takes: input → model → checks → context → render → package.

:func:`run` is the one pass every caller (library, CLI, web, batch) takes: it validates once,
builds the context once, renders once and returns a :class:`Result` (the .docx, the envelope,
the context, the file name and the ký hiệu). :func:`validate` returns the validated envelope
or raises :class:`InputError` listing *every* problem; :func:`render` is ``run(…).docx``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from vanban.config import get_settings
from vanban.context import chu_thich, inline
from vanban.context import envelope as envelope_context
from vanban.errors import InputError, Problem, problem
from vanban.model import json_input, lenient, partial
from vanban.model.envelope import Envelope
from vanban.model.problems import from_validation_error
from vanban.naming import document_stem
from vanban.render import engine
from vanban.templates import REGISTRY, TemplateSpec
from vanban.the_thuc.families import get_family


def load(data: Any) -> dict[str, Any]:
    """Input as given (dict, JSON text or bytes) → the checked JSON object: parsed once, within
    the size limits, an object (``input.not-object`` otherwise). Every entry point (the
    pipeline, the hồ sơ chain, the designer) reads input through this."""
    if isinstance(data, bytes | bytearray | str):
        data = json_input.loads(data)
    json_input.check_limits(data)
    if not isinstance(data, dict):
        raise InputError(problem("input.not-object", "",
                                 "Dữ liệu phải là một đối tượng JSON {…}.", "not a JSON object"))
    return data


def _envelope_checks(env: Envelope, spec: TemplateSpec) -> list[Problem]:
    out = []
    if env.the_thuc not in spec.families:
        out.append(problem("the_thuc.unsupported", "the_thuc",
                           f"Mẫu “{spec.id}” không hỗ trợ thể thức “{env.the_thuc}”; "
                           f"chọn một trong: {', '.join(spec.families)}."))
    if not env.ky_hieu and not env.co_quan.viet_tat:
        out.append(problem("co_quan.viet_tat", "co_quan.viet_tat",
                           "Cần chữ viết tắt tên cơ quan (viet_tat) để lập ký hiệu văn bản, "
                           "hoặc ghi ký hiệu đầy đủ ở “ky_hieu”."))
    ky = env.nguoi_ky
    family = get_family(env.the_thuc)
    if ky.quyen_han and not ky.thay_cho:
        need = "tên tập thể (ví dụ BAN THƯỜNG VỤ)" if ky.quyen_han == "TM" else (
            "chức vụ của người đứng đầu (ví dụ GIÁM ĐỐC)")
        out.append(problem("nguoi_ky.thay_cho", "nguoi_ky.thay_cho",
                           f"Ký {ky.quyen_han} cần ghi “thay_cho”: {need}."))
    if ky.ky_thay and not family.kt_duoi_tm:
        out.append(problem("nguoi_ky.ky_thay", "nguoi_ky.ky_thay",
                           f"Văn bản thể thức {family.nhan} không ghi dòng K/T khi cấp phó ký "
                           "thay mặt tập thể: cấp phó ký “T/M …” và ghi chức vụ của mình; hãy "
                           "bỏ “ky_thay”.",
                           f"{family.id} documents have no K/T line under T/M; drop ky_thay"))
    elif ky.ky_thay and ky.quyen_han != "TM":
        out.append(problem("nguoi_ky.ky_thay", "nguoi_ky.ky_thay",
                           "“ky_thay” chỉ dùng khi ký thay mặt tập thể (quyen_han = TM)."))
    elif (ky.quyen_han == "TM" and family.kt_duoi_tm and not ky.ky_thay
          and ky.chuc_vu.strip().upper().startswith("PHÓ")):
        out.append(problem("nguoi_ky.ky_thay", "nguoi_ky.ky_thay",
                           f"Cấp phó ({ky.chuc_vu}) ký thay mặt tập thể cần thêm dòng “KT.”: ghi "
                           "“ky_thay” là chức vụ người đứng đầu (ví dụ CHỦ TỊCH) — Điều 13, "
                           "Nghị định 30/2020/NĐ-CP."))
    return out


#: A template given by id (looked up in the registry) or already resolved.
Template = str | TemplateSpec


def spec_of(template: Template) -> TemplateSpec:
    """The template's spec: each entry point resolves it once and passes it down."""
    return template if isinstance(template, TemplateSpec) else REGISTRY.get(template)


def _rule_problems(spec: TemplateSpec, env: Envelope, data: dict[str, Any]) -> list[Problem]:
    check = getattr(spec.module, "check", None)
    problems = _envelope_checks(env, spec) + (check(env) if callable(check) else [])
    return problems + chu_thich.check(data.get("noi_dung"), env.chu_thich)


def _rules_despite(spec: TemplateSpec, data: dict[str, Any], exc: ValidationError,
                   reported: list[Problem]) -> list[Problem]:
    """The rule problems of the parts that parsed (:mod:`vanban.model.partial`), so a type
    error in one field does not hide the rule errors of the others."""
    schema = lenient.model_schema(spec.model)
    tried: dict[tuple[Any, ...], int] = {}
    touched: list[tuple[Any, ...]] = []
    errors = exc.errors(include_url=False)
    patched: Any = data
    for _ in range(4):
        patched, more = partial.stand_ins(schema, patched, errors, tried)
        touched += more
        try:
            env = spec.model.model_validate(patched)
        except ValidationError as again:
            errors = again.errors(include_url=False)
            continue
        try:
            found = _rule_problems(spec, env, patched)
        except Exception:  # a rule tripping over a stand-in: report what pydantic found
            return []
        return partial.unrelated(found, touched, reported)
    return []


def validate(template: Template, data: Any) -> Envelope:
    return _validate_loaded(spec_of(template), load(data))


def _validate_loaded(spec: TemplateSpec, data: dict[str, Any]) -> Envelope:
    """:func:`validate` of input :func:`load` has already read (and checked the limits of)."""
    try:
        env = spec.model.model_validate(data)
    except ValidationError as exc:
        # Report the vocabulary problems too, so one round trip shows every mistake, and the
        # rules of every part that parsed.
        check_raw = getattr(spec.module, "check_raw", None)
        extra = check_raw(data) if callable(check_raw) else []
        problems = from_validation_error(exc) + extra
        raise InputError(problems + _rules_despite(spec, data, exc, problems)) from None
    problems = _rule_problems(spec, env, data)
    if problems:
        raise InputError(problems)
    return env


def context(template: Template, env: Envelope) -> dict[str, Any]:
    spec = spec_of(template)
    family = get_family(env.the_thuc)
    ctx = envelope_context.build(env, spec.loai_van_ban, spec.viet_tat_for(env.the_thuc))
    with chu_thich.collecting(env.chu_thich) as notes:
        ctx.update(spec.module.build_context(env, family, ctx))
    if ctx.get("loai_van_ban"):  # a body's own title is broken like the type's (issue 17)
        ctx["loai_van_ban"] = envelope_context.title_text(family, ctx["loai_van_ban"])
    ctx["chu_thich"] = inline.notes(notes)
    return ctx


@dataclass(frozen=True, slots=True)
class Result:
    """One rendered document and what callers need around it."""

    template_id: str
    docx: bytes
    envelope: Envelope
    context: dict[str, Any]

    @property
    def ky_hieu(self) -> str:
        return self.context["ky_hieu"]

    @property
    def stem(self) -> str:
        """The file name without extension: number, ký hiệu, abstract."""
        return document_stem(self.envelope.so, self.ky_hieu, self.envelope.trich_yeu)

    @property
    def filename(self) -> str:
        return f"{self.stem}.docx"


def _version() -> str:
    from vanban.version import __version__

    return __version__


def run(template: Template, data: Any) -> Result:
    """Validate ``data`` (dict, JSON text or bytes), build its context and render it, once;
    the template is resolved once and its spec passed to every step."""
    spec = spec_of(template)
    data = load(data)  # parsed and limit-checked once: the same object is validated and embedded
    env = _validate_loaded(spec, data)
    ctx = context(spec, env)
    compiled = REGISTRY.compiled(spec.id, env.the_thuc)
    title = f"{spec.loai_van_ban.capitalize() or 'Công văn'}: {env.trich_yeu}"
    embedded = (spec.id, _version(), data) if get_settings().embed_data else None
    docx = engine.render(compiled, ctx, title=" ".join(title.split()), subject=ctx["ky_hieu"],
                         embedded=embedded)
    return Result(spec.id, docx, env, ctx)


def render(template: Template, data: Any) -> bytes:
    return run(template, data).docx
