#!/usr/bin/env bash
# Benchmark: fresh hits of one page on two builds of the module, side by side (PLATFORM-NOTES: interleaved rounds).
#
#   bench/hit-compare.sh OLD.ear NEW.ear [rounds]      (PAGE=/path measures another page; default /books/1)
# Starts one server per EAR (offsets 300 and 400, bench/server.sh), warms both up, then runs wrk -t2 -c64 -d8s
# against /books/1 on each in turn, ROUNDS times (default 3), and prints req/s and p99 of every run and the
# median ratio new/old. Stops both servers at the end. wrk comes from Debian's packages (apt-get install wrk).
# JFR=DIR records the last round of each with JFR (settings=profile) into DIR/bench-old.jfr and DIR/bench-new.jfr;
# summarise them with Temurin 25's `jfr view hot-methods` (PLATFORM-NOTES).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
OLD=$1 NEW=$2 ROUNDS=${3:-3}
PAGE=${PAGE:-/books/1}
trap 'EAR= "$HERE/server.sh" stop bench-old || true; "$HERE/server.sh" stop bench-new || true' EXIT
EAR=$OLD "$HERE/server.sh" start bench-old 300
EAR=$NEW "$HERE/server.sh" start bench-new 400
declare -A url=([old]=http://127.0.0.1:8380$PAGE [new]=http://127.0.0.1:8480$PAGE)
for v in old new; do
    curl -s -o /dev/null "${url[$v]}"
    wrk -t2 -c64 -d10s "${url[$v]}" >/dev/null # JIT warm-up
    curl -s -o /dev/null -D - "${url[$v]}" | grep -i '^cache-status' | sed "s/^/$v: /"
done
record() { # the last round of $1 (old or new) with JFR, when JFR is set
    [ -n "${JFR:-}" ] && [ "$2" = "$ROUNDS" ] || return 0
    local pid
    pid=$(pgrep -P "$(cat "$HERE/../src-it/target/bench-bench-$1/pid")" java)
    mkdir -p "$JFR"
    jcmd "$pid" JFR.start name=bench settings=profile duration=8s filename="$(realpath -m "$JFR")/bench-$1.jfr" >/dev/null
}
declare -A rps
ratios=""
for r in $(seq 1 "$ROUNDS"); do
    for v in old new; do
        record "$v" "$r"
        out=$(wrk -t2 -c64 -d8s --latency "${url[$v]}")
        req=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
        p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
        rps[$v]="${rps[$v]:-} $req"
        echo "round $r $v: $req req/s, p99 $p99"
        [ "$v" = new ] && ratios="$ratios $(awk -v a="$req" -v b="$last_old" 'BEGIN {printf "%.3f", a / b}')"
        last_old=$req
    done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
old=$(echo "${rps[old]}" | median) new=$(echo "${rps[new]}" | median)
echo "median req/s: old $old, new $new, new/old $(awk -v a="$new" -v b="$old" 'BEGIN {printf "%.2f", a / b}')"
# while the servers still warm up, rounds rise: the ratio within each round is the fairer figure
echo "new/old per round:$ratios; median $(echo "$ratios" | median)"
