#!/bin/sh
# Renders the quality set (3 photos x 5 paintings, ../shared/images) with `render` and its defaults,
# one process per pair so each wall time includes start-up and weights, then regenerates the table
# in docs/quality.md and docs/quality-set.png. Usage: scripts/quality-set.sh [extra render options]
# (e.g. --size 256 to explore, with PAIRS="dog_wave chicago_scream" for a few pairs; the docs
# are only meant to be regenerated with none). OUT=folder keeps renders apart (default target/quality-set),
# DOCS=folder writes the table and sheet elsewhere, SKIP_BUILD=1 uses the built jar.
set -eu
cd "$(dirname "$0")/.."
export ATELIER_MODELS="${ATELIER_MODELS:-$PWD/../shared/models}"
images=../shared/images
out=${OUT:-target/quality-set}
docs=${DOCS:-docs}
[ -n "${SKIP_BUILD:-}" ] || mvn -B -o -q package -DskipTests
[ -n "${SKIP_BUILD:-}" ] || mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt >/dev/null
rm -rf "$out" && mkdir -p "$out"
all=""
for photo in chicago dog horses; do
  for painting in composition_vii scream shipwreck udnie wave; do all="$all ${photo}_${painting}"; done
done
for pair in ${PAIRS:-$all}; do
    photo=${pair%%_*}
    painting=${pair#*_}
    start=$(date +%s.%N)
    java -jar "${JAR:-target/atelier.jar}" render --content "$images/$photo.jpg" --style "$images/$painting.jpg" \
      --out "$out/$pair.png" --log-every 100000 "$@" >"$out/$pair.log" 2>&1 || echo "$pair failed: $(tail -1 "$out/$pair.log")"
    end=$(date +%s.%N)
    # "Wrote FILE (WxH, N iterations, T s)": the job's own time and iterations.
    job=$(sed -n 's/.*iterations, \([0-9.]*\) s).*/\1/p' "$out/$pair.log" | tail -1)
    iterations=$(sed -n 's/.*, \([0-9]*\) iterations, .*/\1/p' "$out/$pair.log" | tail -1)
    printf '%s\t%s\t%s\t%s\n' "$pair" "$(echo "$end - $start" | bc)" "${job:-0}" "${iterations:-1}" >>"$out/times.tsv"
    tail -1 "$out/times.tsv"
done
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" app.atelier.engine.QualitySetReport \
  "$out" "$docs" "render defaults${*:+ and $*}"
