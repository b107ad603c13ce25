#!/usr/bin/env bash
# Build the wheels of vanban[server] (and, unless --no-deps is passed, of its dependencies)
# into OUT_DIR, with the built-in templates and content blocks INSIDE the vanban package (by
# setup.py's build hook) — the builder stage of the Dockerfile runs exactly this.
#
#   deploy/build-wheels.sh OUT_DIR [extra `pip wheel` options, e.g. --no-deps]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: deploy/build-wheels.sh OUT_DIR [pip wheel options]}
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A clean copy, so the build leaves nothing in the checkout; setup.py's build hook puts
# templates_docx/ and content_blocks/ inside the vanban package of the wheel.
cp -r "$src/pyproject.toml" "$src/setup.py" "$src/README.md" "$src/service" \
  "$src/templates_docx" "$src/content_blocks" "$work/"
find "$work" \( -name __pycache__ -o -name '*.egg-info' \) -prune -exec rm -rf {} +
python3 -m pip wheel --no-cache-dir --disable-pip-version-check --wheel-dir "$out" "$@" \
  "$work[server]"
