#!/usr/bin/env bash
# Builds ceiling.war (the WildFly ceilings of bench/caches.sh) into DIR, against the jars of the build's WildFly.
#   bench/ceiling/build.sh DIR
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT=$1
MODULES=$(ls -d "$ROOT"/src-it/target/wildfly-*/modules/system/layers/base | head -1)
CP=$(ls "$MODULES"/jakarta/servlet/api/main/*.jar "$MODULES"/io/undertow/core/main/*.jar \
    "$MODULES"/io/undertow/servlet/main/*.jar "$MODULES"/org/jboss/xnio/main/*.jar | paste -sd:)
STAGE="$OUT/ceiling-war"
rm -rf "$STAGE" && mkdir -p "$STAGE/WEB-INF/classes/META-INF/services"
javac --release 17 -cp "$CP" -d "$STAGE/WEB-INF/classes" "$HERE"/src/dev/isr/bench/*.java
cp "$HERE/META-INF/services/"* "$STAGE/WEB-INF/classes/META-INF/services/"
cp "$HERE/WEB-INF/jboss-deployment-structure.xml" "$STAGE/WEB-INF/"
(cd "$STAGE" && jar --create --file "$OUT/ceiling.war" .)
