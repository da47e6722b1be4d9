#!/usr/bin/env bash
# Regenerates the studio screenshots in docs/screenshots: builds the app, runs it under Xvfb with
# a scripted tour (empty window, pictures loaded, mid-run with the chart, finished, and the
# finished window again at 2x scale) and saves each step as a JPEG. The tour is measurement and
# documentation tooling (src/tooling, target/atelier-tooling.jar), not part of the shipped app.
#
# Usage: scripts/screenshots.sh [output-folder]
# MVN_ARGS passes extra Maven flags (for example -o offline).
# Needs the shared sample images and SqueezeNet weights: ATELIER_MODELS (default ../shared/models).
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${1:-docs/screenshots}
MODELS=${ATELIER_MODELS:-../shared/models}
IMAGES=${ATELIER_IMAGES:-$(dirname "$MODELS")/images}

if ! command -v Xvfb >/dev/null; then
    echo "Installing Xvfb (needs root)…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb >/dev/null
fi
for file in "$MODELS/squeezenet1_1" "$IMAGES/dog.jpg" "$IMAGES/scream.jpg"; do
    [ -e "$file" ] || { echo "Missing $file: set ATELIER_MODELS to the shared models folder" >&2; exit 1; }
done

mvn ${MVN_ARGS:-} -q -B -DskipTests package
mkdir -p "$OUT"
CONFIG=$(mktemp -d)
DISPLAY_NUMBER=${SCREENSHOT_DISPLAY:-97}
Xvfb ":$DISPLAY_NUMBER" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
trap 'kill $XVFB_PID 2>/dev/null || true; rm -rf "$CONFIG"' EXIT
sleep 1

DISPLAY=":$DISPLAY_NUMBER" java \
    -Datelier.models="$MODELS" \
    -Datelier.config="$CONFIG" \
    -cp target/atelier-tooling.jar app.atelier.tooling.ScreenshotTour \
    "$OUT" "$IMAGES/dog.jpg" "$IMAGES/scream.jpg"

ls -l "$OUT"
