#!/usr/bin/env bash
# Installs the readers the tests check output with, then runs every check of hoso:
# formatting, lints and all tests (unit, end-to-end, snapshots, reference images).
# Needs a Rust toolchain, python3, and apt-get (as root or through sudo) for the readers.
set -euo pipefail
cd "$(dirname "$0")/.."

# pdftotext, pdffonts, pdfinfo, pdftoppm; LibreOffice (Writer, and Calc for the spreadsheets of the
# import's tests); the metric twin of Times New Roman;
# Chromium, which Playwright drives for the tests of `hoso serve`; curl.
# A Python that can make virtual environments (Debian splits venv into python3-venv).
have_readers() {
  command -v pdftotext && command -v pdffonts && command -v pdfinfo && command -v pdftoppm &&
    command -v soffice && [ -f /usr/lib/libreoffice/program/libsclo.so ] &&
    [ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] &&
    command -v chromium && command -v curl && python3 -c "import venv, ensurepip"
} >/dev/null 2>&1
if ! have_readers; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation2 chromium curl >/dev/null
  python3 -c "import venv, ensurepip" 2>/dev/null ||
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >/dev/null
fi

# python-docx, the OOXML schema validator, pikepdf and Playwright (which drives Debian's
# Chromium: it downloads no browser), in a virtual environment of the project.
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r tests/requirements.txt

cargo fmt --check
cargo clippy --release --locked --all-targets -- -D warnings
cargo test --profile kiem-thu --locked
