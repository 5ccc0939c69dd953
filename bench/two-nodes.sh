#!/usr/bin/env bash
# Benchmark on two clustered nodes on loopback (replicated): renders per stampede (500 concurrent requests on an
# expired key, spread over both nodes, 5 times: Stampede.java), then purge visibility on the other node, p50/p99 over
# N purges (default 1,000: PurgeVisibility.java). Starts both servers (bench/server.sh), stops them by pid.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
N=${N:-1000}
# both nodes serve one public origin, as behind a load balancer: the clients send its Host to each
CLUSTER=(-Disr.cluster.mode=replicated "-Disr.cluster.initial-hosts=127.0.0.1[7900],127.0.0.1[7901]"
    -Disr.public-origins=http://bench.example)
# the channel is sealed as in production: a key for this run only, in the servers' environment (never on a command line)
ISR_CLUSTER_SECRET=$(head -c 32 /dev/urandom | base64)
export ISR_CLUSTER_SECRET
CLIENT=(-Djdk.httpclient.allowRestrictedHeaders=host -Dhost=bench.example)
trap '"$HERE/server.sh" stop bench2 || true; "$HERE/server.sh" stop bench1 || true' EXIT
"$HERE/server.sh" start bench1 0 "${CLUSTER[@]}" -Disr.cluster.port=7900
"$HERE/server.sh" start bench2 100 "${CLUSTER[@]}" -Disr.cluster.port=7901
java "${CLIENT[@]}" "$HERE/Stampede.java" http://127.0.0.1:8080,http://127.0.0.1:8180 500 "${STAMPEDES:-5}"
java "${CLIENT[@]}" "$HERE/PurgeVisibility.java" http://127.0.0.1:8080 http://127.0.0.1:8180 bench-admin-token-0123456789 "$N"
