#!/usr/bin/env bash
# docs/screenshots/refused-number.png: the window under Xvfb after 20000 was typed into the size
# field (refused: red outline, tooltip with the reason and the range; the estimate line for the
# size kept). Captures the whole screen, as the tooltip is a window of its own.
# Usage: scripts/refused-number-shot.sh [output.png]   (after mvn test-compile; needs Xvfb, imagemagick)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-docs/screenshots/refused-number.png}
IMAGES=${ATELIER_IMAGES:-../shared/images}
CP_FILE=$(mktemp)
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
CP="target/classes:target/test-classes:$(cat "$CP_FILE")"
LOG=$(mktemp)
xvfb-run -a -s '-screen 0 1366x768x24' bash -c '
    java -Dprism.order=sw -cp "$0" app.atelier.tooling.RefusedNumberShot "$1" "$2" > "$3" 2>&1 &
    APP=$!
    for _ in $(seq 1 120); do grep -q READY "$3" && break; sleep 0.5; done
    import -window root "$4"
    wait $APP' "$CP" "$IMAGES/dog.jpg" "$IMAGES/scream.jpg" "$LOG" "$OUT"
grep -q READY "$LOG" || { cat "$LOG" >&2; exit 1; }
echo "Wrote $OUT"
