#!/usr/bin/env bash
# Benchmark (issue 5): restart time with 100,000 durable entries, until the first hit.
# Starts a node (bench/server.sh), fills it with durable lab pages, stops it gracefully, starts it again and times
# from the start command until a stored page is answered as a hit; prints the index rebuild line of the log.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
N=${N:-100000}
NAME=bench-restart
trap '"$HERE/server.sh" stop $NAME || true' EXIT
rm -rf "$ROOT/src-it/target/bench-$NAME"
"$HERE/server.sh" start $NAME 0
curl -sf -X PUT -H 'Content-Type: application/json' \
    -d '{"headers":{"CDN-Cache-Control":"s-maxage=86400, durable"}}' \
    http://127.0.0.1:8080/demo/lab/durable/script >/dev/null
java "$HERE/Fill.java" http://127.0.0.1:8080 /demo/lab/durable 0 "$N" 32
du -sh "$ROOT/src-it/target/bench-$NAME/data/isr" | sed "s/^/store size (all caches): /"
"$HERE/server.sh" stop $NAME
start=$(date +%s.%N)
"$HERE/server.sh" start $NAME 0
# the lab script lives in memory and is gone after the restart: a hit proves the entry came from the store
until curl -s -o /dev/null -D - "http://127.0.0.1:8080/demo/lab/durable?i=$((N / 2))" | grep -qi 'cache-status: isr; hit'; do
    sleep 0.1
done
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "restart with '"$N"' durable entries: first hit after %.1f s (server start included)\n", e - s }'
grep -h 'ISR0012\|WFLYSRV0025' "$ROOT/src-it/target/bench-$NAME/log/server.log" | tail -2 | sed 's/^.*\(WFLYSRV0025\|ISR0012\)/\1/'
