#!/usr/bin/env bash
# Measures each performance lever as a ratio against the baseline, run in alternation:
#   LEVER name=... backbone=... size=... time=<with/without median ms> memory=<with/without peak RSS>
# Levers of the computation itself are switched in the PyTorch-Python reference (bench/reference.py
# flags), which runs the engine's computation on the same libtorch operators; thread counts are
# measured on Atelier itself.
#
# Usage: bench/levers.sh [--backbone vgg19] [--size 256] [--rounds 2] [--warmup 1] [--iterations 3]
#                        [--levers weights-grad,whole-network,channels-last,bf16,threads,omp-wait,low-priority] [--hogs N]
# threads: Atelier with one intra-op thread against one per core; omp-wait: Atelier as shipped
# (OpenMP threads spin about 1000 rounds, then sleep) against libgomp's default
# (-Datelier.openMpWaitPolicy=default: spin about 3 ms, then sleep); low-priority: Atelier
# as shipped (compute threads at nice 10) against -Datelier.computePriority=normal.
# --hogs N keeps N busy processes (nice 0, like a browser tab spinning) running while it measures.
set -euo pipefail
cd "$(dirname "$0")/.."

backbone=vgg19
size=256
rounds=2
warmup=1
iterations=3
levers=weights-grad,whole-network,channels-last,bf16,threads,omp-wait,low-priority
hogs=0
while [ $# -gt 0 ]; do
  case "$1" in
    --backbone) backbone=$2; shift ;;
    --size) size=$2; shift ;;
    --rounds) rounds=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --iterations) iterations=$2; shift ;;
    --levers) levers=$2; shift ;;
    --hogs) hogs=$2; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
export ATELIER_MODELS=${ATELIER_MODELS:-$(cd .. && pwd)/shared/models}
cores=$(nproc)

field() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" <<< "$2"; }
median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

python_run() { # extra flags...
  OMP_NUM_THREADS=$cores /usr/bin/python3 bench/reference.py --backbone "$backbone" --size "$size" \
    --warmup "$warmup" --iterations "$iterations" --threads "$cores" "$@" 2>/dev/null | grep '^RESULT' || true
}

atelier_run() { # threads [java options...]
  local threads=$1; shift
  OMP_NUM_THREADS="$threads" java "$@" -jar target/atelier.jar bench --raw --backbones "$backbone" --sizes "$size" \
    --warmup "$warmup" --iterations "$iterations" --threads "$threads" 2>/dev/null | grep '^RESULT' || true
}

hog_pids=()
trap 'kill "${hog_pids[@]}" 2>/dev/null || true' EXIT
for ((h = 0; h < hogs; h++)); do (while :; do :; done) & hog_pids+=($!); done

for lever in ${levers//,/ }; do
  base_ms=(); with_ms=(); base_mb=(); with_mb=()
  for ((round = 1; round <= rounds; round++)); do
    if ((round % 2)); then order="base with"; else order="with base"; fi
    for side in $order; do
      if [ "$lever" = omp-wait ]; then
        if [ $side = base ]; then line=$(atelier_run "$cores" -Datelier.openMpWaitPolicy=default); else line=$(atelier_run "$cores"); fi
      elif [ "$lever" = low-priority ]; then
        if [ $side = base ]; then line=$(atelier_run "$cores" -Datelier.computePriority=normal); else line=$(atelier_run "$cores"); fi
      elif [ "$lever" = threads ]; then
        # Baseline: one intra-op thread per core; the lever: a single thread.
        if [ $side = base ]; then line=$(atelier_run "$cores"); else line=$(atelier_run 1); fi
      else
        if [ $side = base ]; then line=$(python_run); else line=$(python_run "--$lever"); fi
      fi
      [ -n "$line" ] || { echo "FAILED $lever $side" >&2; continue; }
      echo "# $lever $side $line" >&2
      if [ $side = base ]; then base_ms+=("$(field median_ms "$line")"); base_mb+=("$(field peak_rss_mb "$line")")
      else with_ms+=("$(field median_ms "$line")"); with_mb+=("$(field peak_rss_mb "$line")"); fi
    done
  done
  [ ${#base_ms[@]} -gt 0 ] && [ ${#with_ms[@]} -gt 0 ] || continue
  bm=$(printf '%s\n' "${base_ms[@]}" | median); wm=$(printf '%s\n' "${with_ms[@]}" | median)
  bb=$(printf '%s\n' "${base_mb[@]}" | median); wb=$(printf '%s\n' "${with_mb[@]}" | median)
  awk -v n="$lever" -v h="$hogs" -v b="$backbone" -v s="$size" -v bm="$bm" -v wm="$wm" -v bb="$bb" -v wb="$wb" \
    'BEGIN {printf "LEVER name=%s backbone=%s size=%s hogs=%s time=%.2f memory=%.2f base_ms=%.0f with_ms=%.0f base_mb=%.0f with_mb=%.0f\n", n, b, s, h, wm / bm, wb / bb, bm, wm, bb, wb}'
done
