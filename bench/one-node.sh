#!/usr/bin/env bash
# Benchmark on one node: renders per stampede, heap per cached entry, tag purges of 10,000 and of 100,000 entries.
#
#   bench/one-node.sh            (TOTAL=100000 HOT=10000 change the counts)
# Starts a server of its own (bench/server.sh, offset 500), then:
# 0. renders per stampede: 500 concurrent requests on an expired key, 5 times (Stampede.java);
# 1. heap: a full GC and the heap in use before and after storing TOTAL lab pages (small bodies: ~40 bytes, with the
#    fields every entry carries), divided by TOTAL: what an entry costs in the memory tier, key and index included;
# 2. tag purges, timed with curl through the admin API: HOT entries carry the tag bench-hot, all of them bench-all;
#    bench-hot is purged (HOT entries), the HOT pages are stored again, then bench-all (TOTAL entries). A tag purge goes
#    through the tag index: its time should grow with the entries carrying the tag, not with the entries stored.
# Stops the server by pid.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
TOTAL=${TOTAL:-100000} HOT=${HOT:-10000}
NAME=bench-store BASE=http://127.0.0.1:8580 TOKEN=bench-admin-token-0123456789
trap '"$HERE/server.sh" stop $NAME || true' EXIT
rm -rf "$ROOT/src-it/target/bench-$NAME"
"$HERE/server.sh" start $NAME 500
JAVA_PID=$(pgrep -P "$(cat "$ROOT/src-it/target/bench-$NAME/pid")" java)

heap_used_kib() { # a full GC first; G1 prints "garbage-first heap total 262144K, used 123456K"
    jcmd "$JAVA_PID" GC.run >/dev/null
    jcmd "$JAVA_PID" GC.heap_info | awk '/heap/ && /used/ {for (i = 1; i <= NF; i++) if ($i == "used") {sub(/K,?$/, "", $(i + 1)); print $(i + 1); exit}}'
}
script() { # name tags
    curl -sf -X PUT -H 'Content-Type: application/json' \
        -d "{\"headers\":{\"CDN-Cache-Control\":\"s-maxage=86400\",\"Cache-Tag\":\"$2\"}}" \
        "$BASE/demo/lab/$1/script" >/dev/null
}
purge() { # tag -> "<answer> <seconds>"
    local seconds
    seconds=$(curl -s -o "$ROOT/src-it/target/bench-$NAME/purge.json" -w '%{time_total}' -X POST \
        -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "{\"tags\":[\"$1\"]}" "$BASE/isr/purge")
    echo "$(cat "$ROOT/src-it/target/bench-$NAME/purge.json") $seconds"
}

java "$HERE/Stampede.java" "$BASE" 500 5
script bench-hot "bench-hot, bench-all"
script bench-cold "bench-cold, bench-all"
curl -s -o /dev/null "$BASE/demo/lab/bench-hot?i=warm" # the first render loads classes the heap figure should not count
before=$(heap_used_kib)
java "$HERE/Fill.java" "$BASE" /demo/lab/bench-hot 0 "$HOT"
java "$HERE/Fill.java" "$BASE" /demo/lab/bench-cold 0 $((TOTAL - HOT))
after=$(heap_used_kib)
echo "heap in use: $before KiB before, $after KiB after $TOTAL entries:" \
    "$(awk -v a="$after" -v b="$before" -v n="$TOTAL" 'BEGIN {printf "%.0f", (a - b) * 1024 / n}') bytes per entry"
echo "stats: $(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/isr/stats")"

read -r hot_json hot_s <<<"$(purge bench-hot)"
echo "purge tag bench-hot: $hot_json in ${hot_s} s"
java "$HERE/Fill.java" "$BASE" /demo/lab/bench-hot 0 "$HOT"
read -r all_json all_s <<<"$(purge bench-all)"
echo "purge tag bench-all: $all_json in ${all_s} s"
awk -v a="$all_s" -v b="$hot_s" -v n="$TOTAL" -v h="$HOT" \
    'BEGIN { printf "tag purge of %d entries: %.3f s; of %d: %.3f s (time ratio %.1f, entries ratio %.0f)\n", h, b, n, a, a / b, n / h }'
echo "a bench-cold page afterwards: $(curl -s -o /dev/null -D - "$BASE/demo/lab/bench-cold?i=1" | tr -d '\r' | grep -i '^cache-status')"
