"""A template is a folder anyone can add: README's "Adding a template" followed literally in a
temporary directory outside the checkout, VANBAN_TEMPLATES_PATH for CLI, API and page, broken
folders reported without stopping the others, and a wheel that carries the templates."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from battery import ROOT, cases, missing_strings

from vanban.check.engine import check_docx
from vanban.check.layout import types_table
from vanban.ooxml import validate_docx
from vanban.templates import REGISTRY, Registry, builtin_templates_dir
from vanban.the_thuc.loai_van_ban import LoaiVanBan

SERVICE = ROOT / "service"


def run_cli(*args: str, env_extra: dict[str, str] | None = None, cwd: Path | None = None):
    env = {**os.environ, "PYTHONPATH": str(SERVICE), **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "vanban.cli", *args], capture_output=True,
                          env=env, cwd=cwd, timeout=120, check=False)


@pytest.fixture(scope="module")
def added(tmp_path_factory) -> Path:
    """Step 1 of the README: ``vanban new-template`` in a directory outside the checkout."""
    parent = tmp_path_factory.mktemp("don-vi") / "mau"
    done = run_cli("new-template", "thong-bao-ket-qua", "-d", str(parent),
                   "--title", "Thông báo kết quả xét thi đua", "--loai", "THÔNG BÁO",
                   "--viet-tat", "TB")
    assert done.returncode == 0, done.stderr.decode()
    assert {p.name for p in (parent / "thong-bao-ket-qua").iterdir()} == {
        "manifest.toml", "template.docx", "example.json"}
    return parent


def test_cli_lists_validates_renders_with_templates_path(added, tmp_path):
    env = {"VANBAN_TEMPLATES_PATH": str(added)}
    listed = run_cli("templates", env_extra=env, cwd=tmp_path)
    assert listed.returncode == 0 and listed.stderr == b""
    assert "thong-bao-ket-qua" in [t["id"] for t in json.loads(listed.stdout)]
    example = added / "thong-bao-ket-qua" / "example.json"
    assert run_cli("validate", "thong-bao-ket-qua", str(example), env_extra=env).returncode == 0
    out = tmp_path / "tb.docx"
    done = run_cli("render", "thong-bao-ket-qua", str(example), "-o", str(out), env_extra=env)
    assert done.returncode == 0, done.stderr.decode()
    # the same through the option instead of the variable
    again = run_cli("--templates-dir", str(added), "render", "thong-bao-ket-qua", str(example),
                    "-o", str(tmp_path / "tb2.docx"))
    assert again.returncode == 0, again.stderr.decode()


def test_added_template_passes_the_battery(added):
    registry = Registry.at(added)
    spec = registry.get("thong-bao-ket-qua")
    from vanban import pipeline
    from vanban.render import engine

    for case in cases(spec):
        env = spec.model.model_validate(case.data)
        ctx = pipeline.envelope_context.build(env, spec.loai_van_ban, spec.viet_tat)
        ctx.update(spec.module.build_context(env, pipeline.get_family(case.family), ctx))
        docx = engine.render(registry.compiled(spec.id, case.family), ctx)
        assert validate_docx(docx) == []
        report = check_docx(docx, the_thuc=case.family)
        assert not report.errors, [f.rule for f in report.errors]
        assert missing_strings(spec, case.data, docx) == []
        assert report.family == case.family


@pytest.fixture
def with_added(added):
    """The process registry with the added folder, as VANBAN_TEMPLATES_PATH would give."""
    saved = list(REGISTRY.roots)
    REGISTRY.add_root(added)
    yield added
    REGISTRY.set_roots(saved)


def test_a_new_type_is_known_to_the_checker(tmp_path):
    """A type Phụ lục III does not list (GIẤY KHEN, GK): its name and abbreviation come from
    its manifest, so check-format reads the rendered document as a giấy khen (before: as a
    công văn, with 4 errors)."""
    parent = tmp_path / "mau"
    done = run_cli("new-template", "giay-khen", "-d", str(parent), "--title", "Giấy khen",
                   "--loai", "GIẤY KHEN", "--viet-tat", "GK")
    assert done.returncode == 0, done.stderr.decode()
    out = tmp_path / "gk.docx"
    done = run_cli("--templates-dir", str(parent), "render", "giay-khen",
                   str(parent / "giay-khen" / "example.json"), "-o", str(out))
    assert done.returncode == 0, done.stderr.decode()
    checked = run_cli("--templates-dir", str(parent), "check-format", str(out), "--json")
    report = json.loads(checked.stdout)
    assert [f["rule_id"] for f in report["findings"] if f["severity"] == "error"] == []
    assert checked.returncode == 0
    # the ký hiệu is compared with the type's abbreviation, not ignored
    assert Registry.at(parent).get("giay-khen").loai() == LoaiVanBan("GIẤY KHEN", "GK")
    other = check_docx(out.read_bytes(), types=types_table([LoaiVanBan("GIẤY KHEN", "GKh")]))
    assert [f.rule_id for f in other.errors] == ["so-ky-hieu.form"]


def test_api_and_page_offer_the_added_template(with_added):
    from vanban.web import create_app

    client = create_app({"TESTING": True, "WARM_TEMPLATES": False}).test_client()
    ids = [t["id"] for t in client.get("/api/v1/templates").get_json()["templates"]]
    assert "thong-bao-ket-qua" in ids and "bao-cao-thi-dua" in ids
    data = json.loads((with_added / "thong-bao-ket-qua" / "example.json").read_text("utf-8"))
    got = client.post("/api/v1/documents/thong-bao-ket-qua", json=data)
    assert got.status_code == 200 and got.data[:2] == b"PK"
    bad = client.post("/api/v1/documents/thong-bao-ket-qua", json={**data, "ngay": "2026-13"})
    assert bad.status_code == 422
    assert "thong-bao-ket-qua" in client.get("/").get_data(as_text=True)
    assert client.get("/mau/thong-bao-ket-qua").status_code == 200


# --------------------------------------------------------------------------- broken folders
def _copy_builtin(root: Path, new_id: str) -> Path:
    folder = root / new_id
    shutil.copytree(builtin_templates_dir() / "bao-cao-thi-dua", folder)
    manifest = folder / "manifest.toml"
    manifest.write_text(manifest.read_text("utf-8").replace(
        'id = "bao-cao-thi-dua"', f'id = "{new_id}"'), "utf-8")
    return folder


def test_broken_folders_are_named_and_the_others_load(tmp_path):
    root = tmp_path / "mau"
    _copy_builtin(root, "tot")
    (root / "khong-doc-duoc").mkdir()
    (root / "khong-doc-duoc" / "manifest.toml").write_text("id = [", "utf-8")
    thieu = _copy_builtin(root, "thieu-tep")
    (thieu / "template.docx").unlink()
    khoa = _copy_builtin(root, "sai-khoa")
    (khoa / "manifest.toml").write_text(
        (khoa / "manifest.toml").read_text("utf-8").replace("families", "familys"), "utf-8")
    loi_ma = _copy_builtin(root, "loi-ma")
    (loi_ma / "body.py").write_text("raise RuntimeError('hỏng')\n", "utf-8")
    (loi_ma / "manifest.toml").write_text((loi_ma / "manifest.toml").read_text("utf-8").replace(
        'module = "context.py"', 'module = "body.py"'), "utf-8")
    registry = Registry.at(builtin_templates_dir(), root)
    assert set(registry.specs) >= {"bao-cao-thi-dua", "tot"}
    assert not {"khong-doc-duoc", "thieu-tep", "sai-khoa", "loi-ma"} & set(registry.specs)
    by_folder = {}
    for p in registry.problems:
        by_folder.setdefault(Path(p.path).name, []).append(p.message)
    assert set(by_folder) == {"khong-doc-duoc", "thieu-tep", "sai-khoa", "loi-ma"}
    assert "manifest.toml" in by_folder["khong-doc-duoc"][0]
    assert "template.docx" in " ".join(by_folder["thieu-tep"])
    assert "familys" in " ".join(by_folder["sai-khoa"])
    assert "hỏng" in by_folder["loi-ma"][0]
    assert all(p.code == "template.broken" for p in registry.problems)
    assert registry.warm() == sum(len(s.families) for s in registry.specs.values())


def test_api_lists_broken_folders_beside_the_good_ones(tmp_path):
    root = tmp_path / "mau"
    (root / "hong").mkdir(parents=True)
    (root / "hong" / "manifest.toml").write_text("id = [", "utf-8")
    saved = list(REGISTRY.roots)
    REGISTRY.add_root(root)
    try:
        from vanban.web import create_app

        client = create_app({"TESTING": True, "WARM_TEMPLATES": False}).test_client()
        body = client.get("/api/v1/templates").get_json()
        assert "bao-cao-thi-dua" in [t["id"] for t in body["templates"]]
        assert [p["code"] for p in body["problems"]] == ["template.broken"]
        assert str(root / "hong") in body["problems"][0]["path"]
        assert client.get("/readyz").status_code == 200
    finally:
        REGISTRY.set_roots(saved)


def test_duplicate_id_keeps_the_first(tmp_path):
    root = tmp_path / "mau"
    _copy_builtin(root, "bao-cao-thi-dua")
    registry = Registry.at(builtin_templates_dir(), root)
    assert registry.get("bao-cao-thi-dua").folder == builtin_templates_dir() / "bao-cao-thi-dua"
    assert [p.code for p in registry.problems] == ["template.broken"]
    assert "trùng mã" in registry.problems[0].message


def test_a_module_file_in_the_folder_is_loaded(tmp_path):
    """A template that computes something ships its code as body.py in the folder."""
    root = tmp_path / "mau"
    folder = _copy_builtin(root, "co-ma-rieng")
    (folder / "body.py").write_text(
        "from vanban_templates.bao_cao_thi_dua.context import Body, build_context, check\n"
        "def compute(envelope):\n"
        "    return {'so_hinh_thuc': len(envelope.noi_dung.khen_thuong)}\n", "utf-8")
    (folder / "manifest.toml").write_text((folder / "manifest.toml").read_text("utf-8").replace(
        'module = "context.py"', 'module = "body.py"'), "utf-8")
    spec = Registry.at(root).get("co-ma-rieng")
    assert spec.computes() and spec.module.__file__ == str(folder / "body.py")
    env = spec.model.model_validate(spec.example())
    assert spec.module.compute(env) == {"so_hinh_thuc": len(spec.example()["noi_dung"]
                                                            ["khen_thuong"])}


# --------------------------------------------------------------------------- packaging
def dependency_dirs() -> list[str]:
    """Where the interpreter running the tests finds vanban's dependencies (``.venv``'s
    site-packages under ``make test``) — not the base interpreter's, which may have none."""
    return [p for p in sys.path if Path(p).name in ("site-packages", "dist-packages")]


def fresh_venv(env_dir: Path) -> Path:
    """A new virtual environment whose own site-packages comes first and which borrows the
    dependencies of the running interpreter (a ``.pth`` of plain paths: their own ``.pth``
    files — the editable vanban among them — are not read), so ``pip install --no-deps .``
    needs no network and no package in the base Python."""
    venv.EnvBuilder(system_site_packages=False, with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    where = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    own = subprocess.run([str(py), "-c", where], capture_output=True, text=True,
                         check=True).stdout.strip()
    (Path(own) / "_running_interpreter.pth").write_text("\n".join(dependency_dirs()) + "\n")
    return py


def test_the_fresh_venv_takes_the_dependencies_from_the_running_interpreter(tmp_path):
    """Before: ``system_site_packages=True`` saw the *base* Python (no lxml on a clean machine,
    where everything is in .venv), so the pip-install test failed everywhere but here."""
    import lxml

    py = fresh_venv(tmp_path / "venv")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    ran = subprocess.run([str(py), "-c", "import lxml, sys; print(lxml.__file__); "
                          "import importlib.util as u; print(u.find_spec('vanban'))"],
                         capture_output=True, text=True, env=env, cwd=tmp_path, check=False)
    assert ran.returncode == 0, ran.stderr
    found, vanban_module = ran.stdout.splitlines()
    assert Path(found) == Path(lxml.__file__)
    assert vanban_module == "None"  # the running environment's editable vanban stays out


@pytest.mark.skipif(shutil.which("git") is None, reason="needs the checkout")
def test_pip_install_carries_the_templates(tmp_path):
    """``pip install .`` into a fresh virtual environment, used from another directory."""
    env_dir = tmp_path / "venv"
    py = fresh_venv(env_dir)
    done = subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps",
                           "--disable-pip-version-check", str(ROOT)], capture_output=True,
                          timeout=600, check=False)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    script = (
        "import vanban, vanban.templates as t\n"
        "assert 'site-packages' in vanban.__file__, vanban.__file__\n"
        "assert 'site-packages' in str(t.builtin_templates_dir())\n"
        "for info in vanban.list_templates():\n"
        "    ex = vanban.example(info['id'])\n"
        "    for fam in info['families']:\n"
        "        assert vanban.render(info['id'], ex)[:2] == b'PK'\n"
        "import vanban_templates.bao_cao_thi_dua.context as code\n"
        "assert 'site-packages' in code.__file__, code.__file__\n"
        "print(len(vanban.list_templates()))\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    ran = subprocess.run([str(py), "-c", script], capture_output=True, cwd=tmp_path, env=env,
                         timeout=300, check=False)
    assert ran.returncode == 0, ran.stderr.decode()[-2000:]
    assert int(ran.stdout) == len(REGISTRY.specs)
