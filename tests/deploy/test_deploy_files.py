"""One install script for CI and the image; the image's recipe; the compose file; the wheel
carries the built-in templates (the same build the Dockerfile's builder stage runs)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from live_processes import ROOT
from live_processes import env as live_env

SCRIPT = "deploy/install-system.sh"
CI = (ROOT / ".ci" / "run").read_text("utf-8")
DOCKERFILE = (ROOT / "Dockerfile").read_text("utf-8")


def listed(*flags: str) -> list[str]:
    done = subprocess.run(["bash", SCRIPT, "--list", *flags], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    return done.stdout.split()


def stages() -> list[tuple[str, str]]:
    """``(stage name, its instructions)`` of the Dockerfile, in order."""
    parts = re.split(r"^FROM\s+", DOCKERFILE, flags=re.M)[1:]
    return [(p.split("\n", 1)[0].split()[-1], p) for p in parts]


def test_ci_and_dockerfile_call_the_same_script() -> None:
    ci_calls = [line for line in CI.splitlines() if SCRIPT in line and not line.startswith("#")]
    assert ci_calls and "--tests" in ci_calls[0]
    name, final = stages()[-1]
    assert name == "runtime"
    runs = [line for line in final.splitlines() if line.startswith("RUN") and
            "install-system.sh" in line]
    assert runs and "--tests" not in runs[0]  # the image gets the runtime packages only
    assert f"COPY {SCRIPT} " in final


def test_every_package_ci_needs_is_in_the_script() -> None:
    everything = set(listed("--tests"))
    block = re.search(r"APT_PACKAGES=\((.*?)\)", CI, re.S)  # a list left in .ci/run by a merge
    wanted = {w for line in (block.group(1).splitlines() if block else [])
              for w in [line.split("#")[0].strip()] if w}
    assert wanted <= everything, wanted - everything
    runtime = set(listed())
    assert {"libreoffice-writer-nogui", "fonts-liberation2", "fonts-dejavu-core",
            "poppler-utils"} <= runtime
    assert {"chromium", "redis-server"} <= everything - runtime  # tests only
    assert "apt-get install" not in CI  # no second list of packages anywhere


def test_script_is_idempotent() -> None:
    packages = listed("--tests")
    state = subprocess.run(["dpkg-query", "-W", "-f=${Status}\\n", *packages],
                           capture_output=True, text=True)
    if state.stdout.count("install ok installed") != len(packages):
        pytest.skip("not every package is installed here: a run would install them")
    for _ in range(2):
        done = subprocess.run(["bash", SCRIPT, "--tests"], cwd=ROOT, capture_output=True,
                              text=True, timeout=60)
        assert done.returncode == 0 and "already installed" in done.stdout
    bad = subprocess.run(["bash", SCRIPT, "--bogus"], cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode == 2 and "--bogus" in bad.stderr


def test_dockerfile_recipe() -> None:
    (build_name, build), (_, final) = stages()[0], stages()[-1]
    assert len(stages()) >= 2 and "slim" in DOCKERFILE
    assert "deploy/build-wheels.sh /wheels" in build and "build-essential" in build
    for tool in ("build-essential", "gcc", "deploy/build-wheels.sh", "apt-get install"):
        assert tool not in final, f"{tool} in the final stage"
    assert f"from={build_name}" in final and "--no-index" in final
    user = re.findall(r"^USER\s+(\S+)", final, re.M)
    assert user and user[-1] not in ("root", "0")
    health = re.search(r"^HEALTHCHECK .*\n.*", final, re.M)
    assert health and "/healthz" in health.group(0)
    cmd = re.search(r"^CMD (.*)", final, re.M)
    assert cmd and "gunicorn" in cmd.group(1) and "gunicorn.conf.py" in cmd.group(1)
    assert "VANBAN_TEMPLATES_PATH=/templates" in final and "mkdir -p /templates" in final


def test_compose_file() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text("utf-8"))
    services = compose["services"]
    assert {"vanban", "worker", "redis", "gotenberg"} <= set(services)
    api, worker = services["vanban"], services["worker"]
    assert worker["command"] == ["vanban", "worker"] and worker["image"] == api["image"]
    for service in (api, worker):
        assert service["environment"]["VANBAN_REDIS_URL"] == "redis://redis:6379/0"
        assert service["environment"]["VANBAN_GOTENBERG_URL"] == "http://gotenberg:3000"
    from vanban.config import Settings

    known = {f"VANBAN_{n.upper()}" for n in Settings.model_fields}
    assert set(api["environment"]) <= known  # no misspelt variable


def test_wheel_carries_the_templates(tmp_path: Path) -> None:
    """The builder stage's script, then the package used from outside the checkout."""
    if shutil.which("bash") is None:
        pytest.skip("bash needed")
    wheels, target, extra = tmp_path / "wheels", tmp_path / "site", tmp_path / "extra"
    subprocess.run(["bash", "deploy/build-wheels.sh", str(wheels), "--no-deps", "-q"],
                   cwd=ROOT, check=True, timeout=300)
    [wheel] = wheels.glob("vanban-*.whl")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                    str(target), str(wheel)], check=True, timeout=300)
    shutil.copytree(ROOT / "templates_docx" / "bao-cao-thi-dua", extra / "bao-cao-them")
    manifest = extra / "bao-cao-them" / "manifest.toml"
    manifest.write_text(manifest.read_text("utf-8").replace(
        'id = "bao-cao-thi-dua"', 'id = "bao-cao-them"'), "utf-8")
    probe = (
        "import vanban, vanban.templates as t, json;"
        "d = vanban.render('bao-cao-them', vanban.example('bao-cao-thi-dua'));"
        "print(json.dumps([vanban.__file__, str(t.builtin_templates_dir()),"
        " str(t.content_blocks_dir()), sorted(x['id'] for x in vanban.list_templates()),"
        " d[:2].decode()]))")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(target), "HOME": str(tmp_path),
           "VANBAN_TEMPLATES_PATH": str(extra)}
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    module, builtin, blocks, ids, magic = yaml.safe_load(done.stdout)
    for path in (module, builtin, blocks):
        assert path.startswith(str(target)), path
    builtin_ids = sorted(p.parent.name for p in (ROOT / "templates_docx").glob("*/manifest.toml"))
    assert ids == sorted(["bao-cao-them", *builtin_ids]) and magic == "PK"


def test_scripts_parse() -> None:
    for script in ("deploy/install-system.sh", "deploy/build-wheels.sh", ".ci/run"):
        subprocess.run(["bash", "-n", script], cwd=ROOT, check=True)


def test_dockerignore_keeps_what_the_image_copies() -> None:
    import fnmatch

    ignored = [line.strip() for line in (ROOT / ".dockerignore").read_text("utf-8").splitlines()
               if line.strip() and not line.startswith("#")]
    sources = [word for line in DOCKERFILE.splitlines() if line.startswith("COPY ")
               and "--from" not in line for word in line.split()[1:-1]]
    assert "service" in sources and "gunicorn.conf.py" in sources
    for source in sources:
        assert (ROOT / source).exists(), source
        assert not any(fnmatch.fnmatch(source, pattern) or source.startswith(pattern + "/")
                       for pattern in ignored), f"{source} is in .dockerignore"


def test_gunicorn_workers_hand_the_gil_over_every_millisecond(tmp_path) -> None:
    """gunicorn.conf.py's post_fork: 1 ms GIL switch interval (Python's 5 ms made the threads
    of a request wait behind another request's render: docs/performance.md)."""
    script = ("import runpy, sys\n"
              "hooks = runpy.run_path('gunicorn.conf.py')\n"
              "hooks['post_fork'](None, None)\n"
              "print(sys.getswitchinterval())\n")
    env = {**live_env(), "VANBAN_PDF": "libreoffice",  # a cold converter: nothing to start
           "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert float(done.stdout) == 0.001
