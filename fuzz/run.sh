#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 600), JOBS at a time
# (default 2), with the corpora in fuzz/corpus/; prints each target's last
# status line. Needs the nightly toolchain and `cargo install cargo-fuzz`.
#   fuzz/run.sh [SECONDS] [JOBS]
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-600}"
jobs="${2:-2}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/hecha-fuzz-target}"
cargo +nightly fuzz build -s none -O
mkdir -p logs
targets=(id_number date_period amount query csv docx paper_pdf paper_image paper_doc paper_ofd)
run() {
  local t="$1"
  mkdir -p "corpus/$t" "artifacts/$t"
  cargo +nightly fuzz run -s none -O "$t" "corpus/$t" -- \
    -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
    -artifact_prefix="artifacts/$t/" > "logs/$t.log" 2>&1 || echo "$t: FAILED (see fuzz/logs/$t.log, fuzz/artifacts/$t/)"
  echo "$t: $(grep -E '^#[0-9]+' "logs/$t.log" | tail -1)"
}
i=0
for t in "${targets[@]}"; do
  run "$t" &
  i=$((i + 1))
  if (( i % jobs == 0 )); then wait; fi
done
wait
