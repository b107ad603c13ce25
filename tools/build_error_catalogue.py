"""Draft entries of the error-code catalogue (``service/vanban/error_codes.toml``) for every code
the source uses and the catalogue lacks.

    PYTHONPATH=service python3 tools/build_error_catalogue.py           # add drafts, keep the rest
    PYTHONPATH=service python3 tools/build_error_catalogue.py --check   # list missing, exit 1

A code is found where it is written: the first argument of ``problem(…)``,
``PydanticCustomError(…)`` and the limit helper, ``Problem(code=…)``, the lint table
(:mod:`vanban.designer.lint_messages`). A draft takes its Vietnamese and English titles from the
message at the first call site (placeholders become "…"), its HTTP slug from the code's area;
review the drafts (they end with ``# draft``) and write what to do. Entries already in the
file are never changed.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "service" / "vanban" / "error_codes.toml"
CODE = re.compile(r"[a-z_]+(\.[a-z0-9_-]+)+")
CALLS = {"problem": (0, 2, 3), "_limit": (0, 4, 5), "PydanticCustomError": (0, 1, None)}


def _text(node: ast.AST | None) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "…" for v in node.values)
    if isinstance(node, ast.BinOp):
        return _text(node.left) + _text(node.right)
    return ""


def _codes(node: ast.AST) -> list[str]:
    """String constants a code argument can take (``"a" if x else "b"`` gives both)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _codes(node.body) + _codes(node.orelse)
    return []


def _wrappers(trees: list[ast.AST]) -> dict[str, tuple[int, int, int | None]]:
    """Functions that pass one of their parameters as the code of ``problem()``
    (``kyso.errors.error(code, …)``): their callers write the code."""
    found: dict[str, tuple[int, int, int | None]] = {}
    for tree in trees:
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef):
                continue
            params = [a.arg for a in fn.args.args if a.arg not in ("self", "cls")]
            for node in ast.walk(fn):
                if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "problem"
                        and node.args and isinstance(node.args[0], ast.Name)
                        and node.args[0].id in params):
                    i = params.index(node.args[0].id)
                    found.setdefault(fn.name, (i, i + 2, i + 3))
    return found


def used_codes() -> dict[str, tuple[str, str]]:
    """code → (Vietnamese message, English message) at its first call site."""
    files = sorted([*ROOT.glob("service/vanban/**/*.py"), *ROOT.glob("templates_docx/*/*.py")])
    trees = [ast.parse(path.read_text("utf-8")) for path in files]
    calls = {**_wrappers(trees), **CALLS}
    found: dict[str, tuple[str, str]] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in calls and len(node.args) > calls[name][0]:
                code_i, vi_i, en_i = calls[name]
                args = node.args
                vi = _text(args[vi_i]) if len(args) > vi_i else ""
                en = _text(args[en_i]) if en_i is not None and len(args) > en_i else ""
                for code in _codes(args[code_i]):
                    if CODE.fullmatch(code):  # not a log format passed to log.error(…)
                        found.setdefault(code, (vi, en))
            elif name == "Problem":  # also below: ``code = "template.syntax"`` then problem(code)
                for kw in node.keywords:
                    if kw.arg == "code":
                        for code in _codes(kw.value):
                            found.setdefault(code, ("", ""))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Assign) and len(node.targets) == 1
                    and getattr(node.targets[0], "id", "") == "code"):
                for code in _codes(node.value):
                    if CODE.fullmatch(code):
                        found.setdefault(code, ("", ""))
    from vanban.designer.lint_messages import DTL, OWN
    from vanban.model.problems import CUSTOM_EN

    for entry in [*DTL.values(), *OWN.values()]:
        found.setdefault(entry.code, (entry.message, ""))
    return {code: (vi, en or CUSTOM_EN.get(code, "")) for code, (vi, en) in found.items()}


_SLUGS = [("limit.render-time", "invalid-input"), ("limit.", "too-large"),
          ("pdf.timeout", "pdf-timeout"), ("pdf.", "pdf-unavailable"),
          ("request.media-type", "unsupported-media-type"), ("request.", "malformed-request"),
          ("template.unknown", "unknown-template"), ("template.", "template-broken"),
          ("render.", "template-broken"), ("job.", "job-not-ready"),
          ("queue.", "queue-unavailable"), ("http.", "http-error"), ("config.", "internal"),
          ("batch.internal", "internal")]


def slug(code: str) -> str:
    return next((s for prefix, s in _SLUGS if code.startswith(prefix)), "invalid-input")


def _title(message: str) -> str:
    text = re.sub(r"\{[^}]*\}", "…", " ".join(message.split()))
    first = re.split(r"(?<=[.;!?])\s", text, maxsplit=1)[0]
    return first.rstrip(".;") if len(first) < 140 else first[:137].rstrip() + "…"


def _advice(message: str) -> str:
    text = re.sub(r"\{[^}]*\}", "…", " ".join(message.split()))
    parts = re.split(r"(?<=[.;!?])\s", text, maxsplit=1)
    return parts[1] if len(parts) > 1 and len(parts[1]) < 200 else ""


def _toml(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def draft_line(code: str, vi: str, en: str) -> str:
    return (f"{_toml(code)} = {{http = {_toml(slug(code))}, vi = {_toml(_title(vi) or code)}, "
            f"en = {_toml(_title(en) or code)}, lam_gi = {_toml(_advice(vi))}}}  # draft")


def main() -> int:
    import tomllib

    listed = tomllib.loads(CATALOGUE.read_text("utf-8")) if CATALOGUE.exists() else {}
    # a code written in the source gets its own line, even under an "area.*" entry
    missing = {c: m for c, m in sorted(used_codes().items()) if c not in listed}
    if "--check" in sys.argv:
        for code in missing:
            print(code)
        return 1 if missing else 0
    if missing:
        with CATALOGUE.open("a", encoding="utf-8") as out:
            for code, (vi, en) in missing.items():
                out.write(draft_line(code, vi, en) + "\n")
    print(f"{len(missing)} draft entries added to {CATALOGUE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
