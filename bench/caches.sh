#!/usr/bin/env bash
# Benchmark: fresh hits of one 10 KiB page, answered by
#   fast-lane   the module on WildFly with its fast lane (isr-undertow, an Undertow handler before servlet dispatch)
#   filter      the same EAR without isr-undertow: hits answered by the Servlet filter
#   nginx       nginx proxy_cache (1 worker) in front of the fast-lane server
#   varnish     Varnish in front of the fast-lane server
#   handler-ceiling  an Undertow handler writing the same number of bytes from memory before servlet dispatch, in the
#               fast-lane server's JVM (bench/ceiling): what no cache on this server can beat
#   filter-ceiling   a bare Servlet filter writing them from memory, in the same JVM: the Servlet layer's own cost
# and, on both module servers, stale hits (*-stale: stale-while-revalidate, the revalidation failing so that the entry
# stays stale) and renders of a page never stored (*-render: Cache-Control: no-store, the application runs every
# time), in interleaved rounds (PLATFORM-NOTES): every system once per round, wrk -t2 -c64 -d8s, the median.
#
#   bench/caches.sh [rounds] [body-bytes]      (defaults 3 and 10240; EAR=path measures another build)
#
# Needs the build's WildFly and EAR (mvn verify or mvn -Pdemo verify once), wrk, nginx and varnishd (Debian:
# apt-get install wrk nginx-light varnish; the script installs them when missing and it may). Prints every run and a
# Markdown table with the date, the machine and the commit (also written to src-it/target/bench-caches/table.md, which
# bench/Chart.java draws). Stops everything it started, by pid.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
ROUNDS=${1:-3} BODY=${2:-10240}
WORK="$ROOT/src-it/target/bench-caches"
EAR=${EAR:-$ROOT/src-it/target/deployments/isr.ear}
[ -f "$EAR" ] || { echo "no EAR at $EAR: run mvn verify first" >&2; exit 1; }
for tool in wrk nginx varnishd; do
    if ! command -v "$tool" >/dev/null; then
        [ "$(id -u)" = 0 ] || { echo "$tool is missing: apt-get install wrk nginx-light varnish" >&2; exit 1; }
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light varnish >/dev/null
    fi
done
rm -rf "$WORK" && mkdir -p "$WORK"

# the filter variant: the same EAR, its WAR without the fast lane's jar
(cd "$WORK" && cp "$EAR" filter.ear && unzip -q -o filter.ear isr-demo.war \
    && zip -q -d isr-demo.war 'WEB-INF/lib/isr-undertow-*' && zip -q filter.ear isr-demo.war && rm isr-demo.war)

NGINX_PID= VARNISH_PID=
cleanup() {
    [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
    [ -n "$VARNISH_PID" ] && kill "$VARNISH_PID" 2>/dev/null || true
    "$HERE/server.sh" stop bench-fast || true
    "$HERE/server.sh" stop bench-filter || true
}
trap cleanup EXIT
"$HERE/ceiling/build.sh" "$WORK"
EAR=$EAR DEPLOY="$WORK/ceiling.war" "$HERE/server.sh" start bench-fast 400 -Dceiling.body-bytes="$BODY"
EAR="$WORK/filter.ear" "$HERE/server.sh" start bench-filter 300

PAGE=/demo/lab/bench STALE=/demo/lab/bench-stale RENDER=/demo/lab/bench-render
script() { # PORT PAGE HEADERS [EXTRA]
    curl -sf -X PUT -H 'Content-Type: application/json' -d "{\"headers\":{$3},\"bodyBytes\":$BODY${4:-}}" \
        "http://127.0.0.1:$1$2/script"
}
for port in 8480 8380; do
    script $port $PAGE '"CDN-Cache-Control":"s-maxage=3600","Cache-Control":"public, max-age=3600"'
    script $port $RENDER '"Cache-Control":"no-store"'
    script $port $STALE '"CDN-Cache-Control":"s-maxage=1, stale-while-revalidate=86400"'
    curl -s -o /dev/null "http://127.0.0.1:$port$STALE"
    script $port $STALE '"CDN-Cache-Control":"s-maxage=1, stale-while-revalidate=86400"' ',"fail":true'
done
sleep 1.2
for _ in $(seq 1 60); do curl -sf -o /dev/null http://127.0.0.1:8480/ceiling/handler && break; sleep 0.5; done

cat >"$WORK/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    proxy_cache_path $WORK/nginx-cache keys_zone=isr:10m;
    upstream origin { server 127.0.0.1:8480; keepalive 16; }
    server {
        listen 127.0.0.1:8580;
        location / {
            proxy_pass http://origin;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host 127.0.0.1:8480;
            proxy_cache isr;
            proxy_cache_valid 200 1h;
            add_header X-Cache \$upstream_cache_status;
        }
    }
}
EOF
nginx -c "$WORK/nginx.conf" >"$WORK/nginx.out" 2>&1 &
NGINX_PID=$!

cat >"$WORK/default.vcl" <<'EOF'
vcl 4.1;
backend origin { .host = "127.0.0.1"; .port = "8480"; }
sub vcl_recv { set req.http.Host = "127.0.0.1:8480"; }
EOF
varnishd -F -a 127.0.0.1:8680 -f "$WORK/default.vcl" -n "$WORK/varnish" -s malloc,256m >"$WORK/varnish.out" 2>&1 &
VARNISH_PID=$!
sleep 2

declare -A url=([fast-lane]=http://127.0.0.1:8480$PAGE [filter]=http://127.0.0.1:8380$PAGE
    [nginx]=http://127.0.0.1:8580$PAGE [varnish]=http://127.0.0.1:8680$PAGE
    [fast-lane-stale]=http://127.0.0.1:8480$STALE [filter-stale]=http://127.0.0.1:8380$STALE
    [fast-lane-render]=http://127.0.0.1:8480$RENDER [filter-render]=http://127.0.0.1:8380$RENDER
    [handler-ceiling]=http://127.0.0.1:8480/ceiling/handler [filter-ceiling]=http://127.0.0.1:8480/ceiling/filter)
SYSTEMS="fast-lane filter nginx varnish handler-ceiling filter-ceiling fast-lane-stale filter-stale fast-lane-render
    filter-render"
for s in $SYSTEMS; do
    curl -s -o /dev/null "${url[$s]}"
    echo "$s: $(curl -s -o /dev/null -w '%{http_code} %{size_download} bytes' -D "$WORK/$s.headers" "${url[$s]}"), $(grep -i '^cache-status\|^x-cache\|^age' "$WORK/$s.headers" | tr -d '\r' | tr '\n' ' ')"
    wrk -t2 -c64 -d10s "${url[$s]}" >/dev/null # JIT and cache warm-up
done

declare -A rps p99s
for r in $(seq 1 "$ROUNDS"); do
    for s in $SYSTEMS; do
        out=$(wrk -t2 -c64 -d8s --latency "${url[$s]}")
        if echo "$out" | grep -q 'Non-2xx\|Socket errors'; then
            echo "$s round $r had errors:"; echo "$out" | grep 'Non-2xx\|Socket errors'
        fi
        req=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
        p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
        rps[$s]="${rps[$s]:-} $req" p99s[$s]="${p99s[$s]:-} $p99"
        echo "round $r $s: $req req/s, p99 $p99"
    done
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms() { sed 's/ms$//; s/us$/e-3/; s/s$/e3/' | awk '{printf "%g\n", $1}'; }
nginx_rps=$(echo "${rps[nginx]}" | median)
ceiling_rps=$(echo "${rps[handler-ceiling]}" | median)
{
echo "$(date -u +%F) $(nproc) cores, $(uname -m), commit $(git -C "$ROOT" rev-parse --short HEAD), ${BODY}-byte page," \
    "wrk -t2 -c64, $ROUNDS interleaved rounds of 8 s, medians"
echo
echo "| system | req/s | p99 (ms) | vs nginx | vs handler ceiling |"
echo "|---|---|---|---|---|"
for s in $SYSTEMS; do
    m=$(echo "${rps[$s]}" | median)
    p=$(echo "${p99s[$s]}" | tr ' ' '\n' | grep . | ms | median)
    echo "| $s | $m | $p | $(awk -v a="$m" -v b="$nginx_rps" 'BEGIN {printf "%.2f", a / b}') |" \
        "$(awk -v a="$m" -v b="$ceiling_rps" 'BEGIN {printf "%.2f", a / b}') |"
done
} >"$WORK/table.md"
echo
cat "$WORK/table.md"
