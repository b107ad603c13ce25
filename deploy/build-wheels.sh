#!/usr/bin/env bash
# Build the wheels of vanban[server] (and, unless --no-deps is passed, of its dependencies)
# into OUT_DIR, with the built-in templates and content blocks INSIDE the vanban package — the
# builder stage of the Dockerfile runs exactly this.
#
#   deploy/build-wheels.sh OUT_DIR [extra `pip wheel` options, e.g. --no-deps]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: deploy/build-wheels.sh OUT_DIR [pip wheel options]}
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp -r "$src/pyproject.toml" "$src/README.md" "$src/service" "$work/"
cp -r "$src/templates_docx" "$work/service/vanban/templates_docx"
cp -r "$src/content_blocks" "$work/service/vanban/content_blocks"
find "$work" \( -name __pycache__ -o -name '*.egg-info' \) -prune -exec rm -rf {} +
python3 -m pip wheel --no-cache-dir --disable-pip-version-check --wheel-dir "$out" "$@" \
  "$work[server]"
