#!/usr/bin/env bash
# hoso beside its peers, measured in one run on this machine: the typst CLI compiling the same
# typst input, rusdox rendering the same documents as its YAML specs, LibreOffice converting
# hoso's DOCX to PDF. Prints one table, writes it to benches/ket-qua.md and draws
# benches/hieu-nang.png. Not part of the tests: it takes a few minutes.
#
#   bash benches/so-sanh.sh            # ROUNDS=9 bash benches/so-sanh.sh for more rounds
#
# It installs what it lacks, and says so: typst-cli 0.15.1 and rusdox 1.1.0 with cargo into
# target/bench-tools (HOSO_BENCH_TOOLS to choose), LibreOffice with apt-get, matplotlib with pip
# into a virtual environment under target/so-sanh.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
tools=${HOSO_BENCH_TOOLS:-$root/target/bench-tools}
work=$root/target/so-sanh
mkdir -p "$tools" "$work"

install_crate() { # binary, crate@version
    if [ ! -x "$tools/bin/$1" ]; then
        echo "so-sanh: cài $2 bằng cargo vào $tools (một lần)…" >&2
        cargo install --quiet --locked --root "$tools" "$2"
    fi
}
install_crate typst typst-cli@0.15.1
install_crate rusdox rusdox@1.1.0
if ! command -v soffice > /dev/null; then
    echo "so-sanh: cài LibreOffice bằng apt-get…" >&2
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd=sudo
    $sudo_cmd apt-get install -y -qq libreoffice-writer-nogui > /dev/null
fi
if [ ! -x "$work/venv/bin/python" ]; then
    echo "so-sanh: cài matplotlib bằng pip vào $work/venv…" >&2
    python3 -m venv "$work/venv"
    "$work/venv/bin/pip" install --quiet matplotlib
fi

cargo build --quiet --release --bin hoso --example dang_bo --example bench_inputs \
    --example typst_alone
# The in-process stages (criterion); the script reads their medians.
cargo bench --quiet --bench render -- --noplot > "$work/criterion.txt" 2>&1
"$work/venv/bin/python" benches/so-sanh.py --root "$root" --tools "$tools" --work "$work" \
    --rounds "${ROUNDS:-5}"
