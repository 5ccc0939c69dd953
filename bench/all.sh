#!/usr/bin/env bash
# Runs every benchmark once, one after the other (never two servers' loads at once on a small machine), and writes
# src-it/target/bench-all/report.md (their outputs under the date, the machine and the commit) and
# src-it/target/bench-all/caches.png (bench/Chart.java). About 30 minutes on 2 cores.
#
#   bench/all.sh [rounds]        (EAR=path measures another build; the default is the one mvn verify made)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
OUT="$ROOT/src-it/target/bench-all"
mkdir -p "$OUT"
REPORT="$OUT/report.md"
{
    echo "# Benchmarks, $(date -u '+%F %H:%M') UTC"
    echo
    echo "$(nproc) cores, $(uname -m), $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)," \
        "$(free -g | awk '/Mem:/ {print $2}') GiB; commit $(git -C "$ROOT" rev-parse --short HEAD)"
} >"$REPORT"
section() { # title command...
    local title=$1; shift
    echo "== $title"
    { echo; echo "## $title"; echo; echo '```'; } >>"$REPORT"
    "$@" 2>&1 | tee "$OUT/last.log"
    grep -v '^round \|^filled \|: 200 ' "$OUT/last.log" >>"$REPORT" || true
    echo '```' >>"$REPORT"
}
section "Hits, stale hits and renders next to nginx, Varnish and the server's ceilings (caches.sh)" \
    "$HERE/caches.sh" "${1:-3}"
cp "$ROOT/src-it/target/bench-caches/table.md" "$OUT/caches.md"
java "$HERE/Chart.java" "$OUT/caches.md" "$OUT/caches.png"
section "One node: stampedes, heap per entry, tag purges (one-node.sh)" "$HERE/one-node.sh"
section "Two nodes: stampedes, purge visibility (two-nodes.sh)" "$HERE/two-nodes.sh"
section "Restart with 100,000 durable entries (restart-100k.sh)" "$HERE/restart-100k.sh"
echo "report: $REPORT, chart: $OUT/caches.png"
