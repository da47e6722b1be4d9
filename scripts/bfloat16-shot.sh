#!/usr/bin/env bash
# docs/screenshots/bfloat16-setting.png: the window under Xvfb, pictures loaded, the Quality section open
# and "Faster arithmetic (bfloat16)" ticked (where this machine offers it), its tooltip showing.
# Captures the whole screen, as the tooltip is a window of its own.
# Usage: scripts/bfloat16-shot.sh [output.png]   (after mvn test-compile; needs Xvfb, imagemagick)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-docs/screenshots/bfloat16-setting.png}
IMAGES=${ATELIER_IMAGES:-../shared/images}
MODELS=${ATELIER_MODELS:-../shared/models}
CONFIG=$(mktemp -d)
CP_FILE=$(mktemp)
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
CP="target/classes:target/test-classes:$(cat "$CP_FILE")"
LOG=$(mktemp)
xvfb-run -a -s '-screen 0 1600x1000x24' bash -c '
    java -Dprism.order=sw -Datelier.models="$5" -Datelier.config="$6" -cp "$0" app.atelier.tooling.Bfloat16Shot "$1" "$2" > "$3" 2>&1 &
    APP=$!
    for _ in $(seq 1 120); do grep -q READY "$3" && break; sleep 0.5; done
    import -window root "$4"
    wait $APP' "$CP" "$IMAGES/dog.jpg" "$IMAGES/scream.jpg" "$LOG" "$OUT" "$MODELS" "$CONFIG"
grep -q READY "$LOG" || { cat "$LOG" >&2; exit 1; }
grep "bfloat16 offered" "$LOG"
echo "Wrote $OUT"
