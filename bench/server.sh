#!/usr/bin/env bash
# Starts or stops a benchmark server: the WildFly provisioned by the build (run `mvn -Pdemo verify` or `mvn verify`
# once first), on a base directory of its own under src-it/target/bench-<name>, with the EAR deployed.
#   bench/server.sh start NAME PORT_OFFSET [-Dprop=value ...]   (returns when the server answers HTTP)
#   bench/server.sh stop NAME                                   (graceful: SIGTERM to its pid, then waits)
# EAR=path deploys another EAR than the one the build made (to compare two versions of the module); DEPLOY="a.war ..."
# deploys more archives beside it.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HOME_DIR=$(ls -d "$ROOT"/src-it/target/wildfly-*/ 2>/dev/null | head -1)
[ -n "$HOME_DIR" ] || { echo "no provisioned WildFly: run mvn -Pdemo verify (or mvn verify) first" >&2; exit 1; }
cmd=$1 name=$2
base="$ROOT/src-it/target/bench-$name"
case "$cmd" in
start)
    offset=$3; shift 3
    if [ ! -d "$base" ]; then
        mkdir -p "$base/deployments"
        cp -r "$HOME_DIR/standalone/configuration" "$base/"
    fi
    cp "${EAR:-$ROOT/src-it/target/deployments/isr.ear}" "$base/deployments/isr.ear"
    for archive in ${DEPLOY:-}; do cp "$archive" "$base/deployments/"; done
    JBOSS_HOME="$HOME_DIR" nohup "$HOME_DIR/bin/standalone.sh" -c standalone-isr.xml \
        -Djboss.server.base.dir="$base" -Djboss.bind.address=127.0.0.1 -Djboss.bind.address.management=127.0.0.1 \
        -Djboss.socket.binding.port-offset="$offset" -Djboss.node.name="$name" \
        -Disr.admin.token=bench-admin-token-0123456789 \
        -Disr.public-origins="http://127.0.0.1:$((8080 + offset))" "$@" >"$base/console.log" 2>&1 &
    echo $! >"$base/pid"
    port=$((8080 + offset))
    for _ in $(seq 1 180); do
        if curl -s -o /dev/null "http://127.0.0.1:$port/books"; then exit 0; fi
        sleep 0.5
    done
    echo "$name did not start; see $base/console.log" >&2; exit 1 ;;
stop)
    # by pid: standalone.sh (its pid is in the pid file) runs the server's JVM as its child
    [ -f "$base/pid" ] || exit 0
    script_pid=$(cat "$base/pid")
    server_pid=$(pgrep -P "$script_pid" java || true)
    kill -TERM ${server_pid:-$script_pid} 2>/dev/null || true
    for _ in $(seq 1 120); do
        if ! kill -0 "$script_pid" 2>/dev/null && { [ -z "$server_pid" ] || ! kill -0 "$server_pid" 2>/dev/null; }; then
            rm -f "$base/pid"; exit 0
        fi
        sleep 0.5
    done
    echo "$name did not stop" >&2; exit 1 ;;
*)
    echo "usage: $0 start NAME OFFSET [props] | stop NAME" >&2; exit 2 ;;
esac
