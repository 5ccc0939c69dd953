#!/usr/bin/env bash
# Makes a copy of an EAR whose demo WAR has no fast lane (isr-undertow removed from WEB-INF/lib), so that on WildFly
# every hit is answered by the Servlet filter (FrontDoorFilter), as on Payara: to measure that path with
# bench/hit-compare.sh.
#   bench/without-fast-lane.sh IN.ear OUT.ear
set -euo pipefail
in=$(realpath "$1") out=$(realpath -m "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
unzip -q "$in"
war=$(ls ./*.war | head -1)
zip -q -d "$war" 'WEB-INF/lib/isr-undertow-*.jar'
rm -f "$out"
zip -q -r "$out" .
echo "$out: $(unzip -l "$war" | grep -c 'isr-undertow' || true) isr-undertow jar(s) left in $war"
