#!/usr/bin/env bash
# End-to-end check of the workbench in a real terminal (tmux):
# README's newcomer path first — open the demo case, press 5 and see the Case
# screen (the digit is not typed into the search line), go back with Backspace;
# then press / and type a query and see a highlighted hit, run all checks and
# see findings, confirm one with a reason, import one more file, create an
# allegation, link a search hit and a finding to it, set its status, quit; then
# the CLI shows the review, the import, the links and the status.
set -euo pipefail
cd "$(dirname "$0")/.."
HECHA="${HECHA:-${CARGO_TARGET_DIR:-target}/release/hecha}"
if ! command -v tmux >/dev/null 2>&1; then
  echo "e2e-tui: tmux is not installed; skipping" >&2
  exit 0
fi
work="$(mktemp -d)"
session="hecha-e2e-$$"
cleanup() { tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export HECHA_LANG=zh-CN XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config"
"$HECHA" demo --no-tui >/dev/null
case_file="$work/data/hecha/demo.duckdb"
# How many letters the demo holds depends on the OCR installed (the scan and
# the photo need it); the import below adds one.
letters=$("$HECHA" info "$case_file" | grep -o '举报信 [0-9]* 份' | grep -o '[0-9]*')
printf '补充举报：赵海燕仍在代领一卡通补贴。\n' > "$work/补充举报信.txt"

tmux new-session -d -s "$session" -x 120 -y 32 "$HECHA $case_file"
screen() { tmux capture-pane -p -t "$session"; }
wait_for() { # text, seconds
  for _ in $(seq 1 $(( $2 * 10 ))); do
    if grep -qF -- "$1" <<<"$(screen)"; then return 0; fi
    sleep 0.1
  done
  echo "e2e-tui: timed out waiting for: $1" >&2
  screen >&2
  exit 1
}
step() { echo "e2e-tui: $*"; }

wait_for "1 检索" 10
step "newcomer: the workbench opens on the home screen with the next step"
wait_for "下一步" 10
step "newcomer: the first key is a screen digit, not a search"
wait_for "浏览" 5
tmux send-keys -t "$session" 5
wait_for "问题线索台账" 5
if grep -qF "共 " <<<"$(screen)"; then echo "e2e-tui: 5 was searched for" >&2; screen >&2; exit 1; fi
step "newcomer: Backspace goes back to the home screen"
tmux send-keys -t "$session" BSpace
wait_for "下一步" 5
step "search as you type (/ enters the search line)"
tmux send-keys -t "$session" /
wait_for "输入中" 5
tmux send-keys -t "$session" "赵海燕"
wait_for "共 5 条结果" 20
# The hit is highlighted: yellow background around the term in the escape-coded capture.
if ! grep -qE '(43|48;5;3)m赵海燕' <<<"$(tmux capture-pane -e -p -t "$session")"; then
  echo "e2e-tui: no highlighted hit" >&2; tmux capture-pane -e -p -t "$session" | head -12 >&2; exit 1
fi
tmux send-keys -t "$session" Enter
step "run all checks"
tmux send-keys -t "$session" 2
wait_for "尚未比对" 10
tmux send-keys -t "$session" r
wait_for "比对完成" 60
wait_for "发现明细 · 58" 10
step "confirm a finding with a reason"
tmux send-keys -t "$session" c
wait_for "确认此发现" 5
tmux send-keys -t "$session" "核对属实，已移送"
tmux send-keys -t "$session" Enter
wait_for "已保存审核结论" 10
wait_for "已确认" 10
step "open a finding's evidence row in the Ledgers screen, then go back"
tmux send-keys -t "$session" Enter
wait_for "发现详情" 5
tmux send-keys -t "$session" Enter
wait_for "筛选（按 f 输入" 10
tmux send-keys -t "$session" BSpace
wait_for "发现明细 · 58" 10
step "import one more file"
tmux send-keys -t "$session" 4
tmux send-keys -t "$session" i
tmux send-keys -t "$session" "$work/补充举报信.txt"
tmux send-keys -t "$session" Enter
wait_for "导入完成：成功 1 个" 30
step "new allegation on the Case screen"
tmux send-keys -t "$session" 5
tmux send-keys -t "$session" a
tmux send-keys -t "$session" "赵海燕冒领一卡通补贴"
tmux send-keys -t "$session" Enter
wait_for "已新建问题线索 #1" 10
step "link a search hit to it"
tmux send-keys -t "$session" 1
tmux send-keys -t "$session" Escape
tmux send-keys -t "$session" l
wait_for "关联为证据" 5
tmux send-keys -t "$session" Enter
wait_for "已关联：证据 E-001" 10
step "link a finding to it"
tmux send-keys -t "$session" 2
tmux send-keys -t "$session" l
wait_for "关联为证据" 5
tmux send-keys -t "$session" Enter
wait_for "已关联：证据 E-002" 10
step "set its status with a reason"
tmux send-keys -t "$session" 5
tmux send-keys -t "$session" s
wait_for "核查结论" 5
tmux send-keys -t "$session" Down
tmux send-keys -t "$session" "一卡通流水证实冒领"
tmux send-keys -t "$session" Enter
wait_for "已更新问题线索 #1" 10
step "quit"
tmux send-keys -t "$session" q
for _ in $(seq 1 50); do tmux has-session -t "$session" 2>/dev/null || break; sleep 0.1; done
if tmux has-session -t "$session" 2>/dev/null; then echo "e2e-tui: did not quit" >&2; exit 1; fi

step "the CLI sees the review and the import"
findings_json=$("$HECHA" findings "$case_file" --json)
grep -q '"status": "confirmed"' <<<"$findings_json"
grep -q '核对属实，已移送' <<<"$findings_json"
info_text=$("$HECHA" info "$case_file")
grep -q "举报信 $((letters + 1)) 份" <<<"$info_text"
allegations_json=$("$HECHA" allegations "$case_file" --json)
grep -q '"status": "属实"' <<<"$allegations_json"
grep -q '一卡通流水证实冒领' <<<"$allegations_json"
grep -q '"no": "E-002"' <<<"$allegations_json"
"$HECHA" verify "$case_file" >/dev/null
step "an encrypted case opens and searches with no RAM file system (as on Windows), and no plaintext is left"
enc="$work/加密.duckdb"
enc_cache="$work/enc-cache"
export_enc() { HECHA_PASSPHRASE="e2e passphrase" HECHA_NO_RAM_DIR=1 XDG_CACHE_HOME="$enc_cache" "$@"; }
export_enc "$HECHA" new "$enc" --encrypt >/dev/null
export_enc "$HECHA" import "$enc" "$work/补充举报信.txt" >/dev/null
tmux new-session -d -s "$session" -x 120 -y 32 "HECHA_PASSPHRASE='e2e passphrase' HECHA_NO_RAM_DIR=1 XDG_CACHE_HOME='$enc_cache' $HECHA $enc"
wait_for "1 检索" 10
tmux send-keys -t "$session" /
tmux send-keys -t "$session" "赵海燕"
wait_for "共 1 条结果" 20
tmux send-keys -t "$session" Escape
tmux send-keys -t "$session" q
for _ in $(seq 1 50); do tmux has-session -t "$session" 2>/dev/null || break; sleep 0.1; done
if grep -rl "赵海燕" "$enc" "$enc_cache" "$enc".* 2>/dev/null; then echo "e2e-tui: plaintext of the encrypted case on disk" >&2; exit 1; fi
echo "e2e-tui: ok"
