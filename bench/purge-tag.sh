#!/usr/bin/env bash
# Benchmark: purge of one tag carried by 10,000 entries among 100,000 (issue 4), through the admin API.
#
# Needs the demo running (mvn -Pdemo verify, in another terminal) on 127.0.0.1:8080 with its demo admin token.
# Fills the cache with 100,000 lab pages: 10,000 tagged bench-hot, 100 tagged bench-few, the rest bench-cold, then
# times POST /isr/purge for bench-few (100 entries) and for bench-hot (10,000 entries) with curl. Since a tag purge
# goes through the tag index, its time should grow with the entries carrying the tag, not with the 100,000 stored:
# compare the two times (a ratio measured in one run; the machines are noisy).
set -euo pipefail
BASE=${BASE:-http://127.0.0.1:8080}
TOKEN=${TOKEN:-demo-admin-token-change-me}
HERE=$(cd "$(dirname "$0")" && pwd)
TOTAL=${TOTAL:-100000}
HOT=${HOT:-10000}
FEW=${FEW:-100}

script() { # name tag
    curl -sf -X PUT -H 'Content-Type: application/json' \
        -d "{\"headers\":{\"CDN-Cache-Control\":\"s-maxage=3600\",\"Cache-Tag\":\"$2\"}}" \
        "$BASE/demo/lab/$1/script" >/dev/null
}
purge() { # tag -> prints "<purged json> <seconds>"
    curl -s -o /tmp/isr-purge.json -w '%{time_total}' -X POST -H "Authorization: Bearer $TOKEN" \
        -H 'Content-Type: application/json' -d "{\"tags\":[\"$1\"]}" "$BASE/isr/purge" >/tmp/isr-purge.time
    echo "$(cat /tmp/isr-purge.json) $(cat /tmp/isr-purge.time)"
}

curl -sf -o /dev/null "$BASE/books" || { echo "no demo server at $BASE (run: mvn -Pdemo verify)" >&2; exit 1; }
curl -sf -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"all":true}' "$BASE/isr/purge"
script bench-hot bench-hot
script bench-few bench-few
script bench-cold bench-cold
java "$HERE/Fill.java" "$BASE" /demo/lab/bench-hot 0 "$HOT"
java "$HERE/Fill.java" "$BASE" /demo/lab/bench-few 0 "$FEW"
java "$HERE/Fill.java" "$BASE" /demo/lab/bench-cold 0 $((TOTAL - HOT - FEW))
echo "stats before: $(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/isr/stats")"

read -r few_json few_s <<<"$(purge bench-few)"
read -r hot_json hot_s <<<"$(purge bench-hot)"
echo "purge tag bench-few: $few_json in ${few_s}s"
echo "purge tag bench-hot: $hot_json in ${hot_s}s"
awk -v a="$hot_s" -v b="$few_s" 'BEGIN { printf "ratio hot/few: %.1f (entries ratio %d)\n", a / b, '"$HOT"' / '"$FEW"' }'
cold=$(curl -s -o /dev/null -D - "$BASE/demo/lab/bench-cold?i=1" | tr -d '\r' | grep -i '^cache-status')
echo "a bench-cold entry afterwards: $cold"
echo "stats after: $(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/isr/stats")"
