#!/usr/bin/env bash
# Benchmark (issue 5): purge visibility on the other node, p50/p99 over 1,000 purges, on two nodes on loopback.
# Starts two servers (bench/server.sh), measures with PurgeVisibility.java, stops them.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
N=${N:-1000}
CLUSTER=(-Disr.cluster.mode=replicated "-Disr.cluster.initial-hosts=127.0.0.1[7900],127.0.0.1[7901]")
trap '"$HERE/server.sh" stop bench2 || true; "$HERE/server.sh" stop bench1 || true' EXIT
"$HERE/server.sh" start bench1 0 "${CLUSTER[@]}" -Disr.cluster.port=7900
"$HERE/server.sh" start bench2 100 "${CLUSTER[@]}" -Disr.cluster.port=7901
java "$HERE/PurgeVisibility.java" http://127.0.0.1:8080 http://127.0.0.1:8180 bench-admin-token-0123456789 "$N"
