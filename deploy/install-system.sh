#!/usr/bin/env bash
# The system packages vanban needs — ONE list, used by CI (.ci/run) and the image (Dockerfile).
#
#   deploy/install-system.sh                  runtime: LibreOffice Writer (no GUI), fonts, poppler
#   deploy/install-system.sh --tests          and what the test suite needs (Chromium, Redis, venv)
#   deploy/install-system.sh --clean          and empty apt's caches afterwards (image layers)
#   deploy/install-system.sh --list [--tests] print the packages, install nothing
#
# Idempotent: packages already installed are skipped, and `apt-get update` runs only when
# something is missing. Runs as root, or through sudo.
set -euo pipefail

# Runtime: what `vanban serve` / gunicorn / `vanban worker` use.
RUNTIME_PACKAGES=(
  libreoffice-writer-nogui   # PDF conversion (headless LibreOffice)
  fonts-liberation2          # Times New Roman / Arial metrics (Liberation) with Vietnamese
  fonts-dejavu-core          # fallback glyphs
  poppler-utils              # pdftotext / pdftoppm: read PDFs, page images
  python3-uno                # LibreOffice's UNO bridge (for /usr/bin/python3): the warm converter
)
# Tests only: pages in a real browser, the batch queue on a real Redis, a virtualenv.
TEST_PACKAGES=(
  chromium                   # headless browser for the web page tests (Playwright)
  redis-server               # the queue tests start their own redis-server on loopback
  python3-venv               # .ci/run installs the project into a virtualenv
  softhsm2                   # ký số: a software PKCS#11 token for the vanban sign --pkcs11-lib test
  opensc                     # pkcs11-tool: loads the test key and certificate into SoftHSM
)

tests=0 clean=0 list=0
for arg in "$@"; do
  case "$arg" in
    --tests) tests=1 ;;
    --clean) clean=1 ;;
    --list) list=1 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "install-system: unknown option $arg" >&2; exit 2 ;;
  esac
done

packages=("${RUNTIME_PACKAGES[@]}")
((tests)) && packages+=("${TEST_PACKAGES[@]}")
if ((list)); then
  printf '%s\n' "${packages[@]}"
  exit 0
fi

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "install-system: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
else
  echo "install-system: ${#packages[@]} packages already installed"
fi
if ((clean)); then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get clean
  $SUDO rm -rf /var/lib/apt/lists/*
fi
