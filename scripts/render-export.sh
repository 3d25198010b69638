#!/usr/bin/env bash
# Renders the case summary of the demo case so a person can look at it:
#   HTML → PNG and PDF with headless Chromium (A4, as printed);
#   .docx → PDF with LibreOffice (as Word/WPS would open it) → PNG pages with pdftoppm.
# Needs: chromium, and optionally libreoffice + poppler-utils (Debian packages
# chromium fonts-noto-cjk libreoffice-writer-nogui poppler-utils).
# Usage: scripts/render-export.sh [OUT_DIR]   (default: target/export-render)
set -euo pipefail
cd "$(dirname "$0")/.."
HECHA="${HECHA:-${CARGO_TARGET_DIR:-target}/release/hecha}"
out="${1:-target/export-render}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config" HECHA_LANG="${HECHA_LANG:-zh-CN}"
"$HECHA" demo --no-tui >/dev/null
case_file="$work/data/hecha/demo.duckdb"
"$HECHA" check "$case_file" >/dev/null
# A small investigation, so the summary has allegations, evidence and reviews.
first=$("$HECHA" findings "$case_file" --json | python3 -c 'import json,sys; print(next(f["id"] for f in json.load(sys.stdin)["findings"] if f["name"]=="李春生"))')
"$HECHA" review "$case_file" "$first" confirmed --reason "分配表应得 10000 元，一卡通到账 4000 元" >/dev/null
"$HECHA" allege "$case_file" "石桥村党支部书记刘建国截留铁塔征地补偿款" --from "letter:举报信_石桥村李春生实名举报刘建国.txt" >/dev/null
"$HECHA" link "$case_file" --allegation 1 --finding "$first" >/dev/null
"$HECHA" link "$case_file" --allegation 1 --document 举报信_石桥村李春生实名举报刘建国.txt --quote "可是2023年8月10日我一卡通上只到账4000元。" >/dev/null
"$HECHA" link "$case_file" --allegation 1 --row 征地补偿分配表:1 --note "应得 10000 元" >/dev/null
"$HECHA" status "$case_file" --allegation 1 属实 --reason "分配表与支付明细相差 6000 元" --amount 6000 >/dev/null
"$HECHA" allege "$case_file" "镇财政所会计邓丽之母周秀英违规享受低保" --from "letter:12345热线转办工单_20240620.txt" >/dev/null
for fmt in md html docx json; do
  "$HECHA" export "$case_file" --format "$fmt" --out "$out/summary.$fmt" --force >/dev/null
done
chrome="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$chrome" ]; then
  echo "render-export: chromium not found; wrote $out/summary.{md,html,docx,json} only" >&2
  exit 0
fi
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$work/chrome" --hide-scrollbars)
"$chrome" "${flags[@]}" --window-size=794,1700 --screenshot="$out/summary-html.png" "file://$out/summary.html" 2>/dev/null
"$chrome" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/summary-html.pdf" "file://$out/summary.html" 2>/dev/null
if command -v pdftoppm >/dev/null; then
  pdftoppm -png -r 60 "$out/summary-html.pdf" "$out/summary-html-page"
fi
if command -v soffice >/dev/null && command -v pdftoppm >/dev/null; then
  soffice --headless --convert-to pdf --outdir "$out" "$out/summary.docx" >/dev/null 2>&1
  pdftoppm -png -r 60 "$out/summary.pdf" "$out/summary-docx-page"
fi
ls -1 "$out"
