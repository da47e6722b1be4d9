#!/usr/bin/env bash
# Regenerates the measured part of docs/performance.md (between the results markers): the
# Atelier / PyTorch table from compare.sh, time to quality, the engine-side latency and the studio
# window's responsiveness (under xvfb-run when there is no DISPLAY).
#
# Usage: bench/update-docs.sh [--quick] [any compare.sh option]
# Needs what compare.sh needs (target/atelier.jar, /usr/bin/python3 with torch and PIL), and a
# display or xvfb-run for the window line.
set -euo pipefail
cd "$(dirname "$0")/.."
export ATELIER_MODELS=${ATELIER_MODELS:-$(cd .. && pwd)/shared/models}

quick=0
for argument in "$@"; do [ "$argument" = --quick ] && quick=1; done
doc=docs/performance.md
begin='<!-- results:begin (bench/update-docs.sh writes this part) -->'
end='<!-- results:end -->'
grep -qF "$begin" "$doc" && grep -qF "$end" "$doc" || { echo "$doc lacks the results markers" >&2; exit 1; }

results=$(mktemp)
trap 'rm -f "$results"' EXIT
{
  echo "$begin"
  echo
  bench/compare.sh --markdown "$@"
  echo
  echo "Time to quality (dog.jpg in the style of scream.jpg, SqueezeNet 1.1; wall time from starting the"
  echo "job, weights and targets included, until the cost is below the fraction of its start):"
  echo
  echo '```'
  if [ $quick = 1 ]; then quality_size=256; else quality_size=384; fi
  java -jar target/atelier.jar bench --raw --mode quality --backbones squeezenet1_1 --optimizers adam,lbfgs,adam+c2f,lbfgs+c2f \
    --quality-size "$quality_size" 2>/dev/null | grep -E '^QUALITY' || echo "(quality run failed)"
  echo
  echo "Engine-side latency of a parameter change (setParameters -> first record/frame with it):"
  latency_options=(--sizes 256); [ $quick = 1 ] && latency_options+=(--quick)
  java -jar target/atelier.jar bench --raw --mode latency --backbones squeezenet1_1 "${latency_options[@]}" \
    2>/dev/null | grep -E '^LATENCY' || echo "(latency run failed)"
  echo
  echo "The studio window (the beta slider moved at random moments of an iteration -> the pulse that draws"
  echo "the first frame computed with the new value; FX-thread pings every 15 ms while the job runs):"
  window_options=(--sizes 256,512); [ $quick = 1 ] && window_options=(--sizes 256 --quick)
  window=(java -jar target/atelier-tooling.jar bench --raw --mode window --backbones squeezenet1_1 "${window_options[@]}")
  if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
    window=(xvfb-run -a -s "-screen 0 1600x1000x24" "${window[@]}")
  fi
  if [ -n "${DISPLAY:-}" ] || command -v xvfb-run >/dev/null; then
    "${window[@]}" 2>/dev/null | grep -E '^WINDOW' || echo "(window run failed)"
  else
    echo "(window not measured: no DISPLAY and no xvfb-run)"
  fi
  echo '```'
  echo
  echo "$end"
} > "$results"

awk -v begin="$begin" -v end="$end" -v file="$results" '
  $0 == begin { while ((getline line < file) > 0) print line; skipping = 1; next }
  $0 == end { skipping = 0; next }
  !skipping { print }' "$doc" > "$doc.new"
mv "$doc.new" "$doc"
echo "updated $doc"
