#!/usr/bin/env bash
# Measures each performance lever as a with/without ratio, by the same interleaved batches and
# disturbance filter as compare.sh (bench/pairs.py):
#   LEVER name=... backbone=... size=... hogs=... time=MEDIAN time_lo=LOW time_hi=HIGH memory=... disturbed=K/N ...
# Levers of the computation itself are switched in the PyTorch-Python reference (bench/reference.py
# flags), which runs the engine's computation on the same libtorch operators; thread settings are
# measured on Atelier itself.
#
# Usage: bench/levers.sh [--backbone vgg19] [--size 256] [--pairs 10] [--budget 120]
#                        [--levers weights-grad,whole-network,channels-last,bf16,atelier-bf16,threads,omp-wait,low-priority]
#                        [--hogs N]
# threads: Atelier with one intra-op thread against one per core; omp-wait: Atelier as shipped
# (OpenMP threads spin about 1000 rounds, then sleep) against libgomp's default
# (-Datelier.openMpWaitPolicy=default: spin about 3 ms, then sleep); low-priority: Atelier
# as shipped (compute threads at nice 10) against -Datelier.computePriority=normal; atelier-bf16:
# Atelier's backbone in bfloat16 (-Datelier.precision=bfloat16) against float32.
# --hogs N keeps N busy processes (nice 0, like a browser tab spinning) running while it measures;
# they are the point of such a run, so its batches are not filtered.
set -euo pipefail
cd "$(dirname "$0")/.."

backbone=vgg19
size=256
levers=weights-grad,whole-network,channels-last,bf16,threads,omp-wait,low-priority
hogs=0
pairs_options=(--pairs 10 --budget 120)
while [ $# -gt 0 ]; do
  case "$1" in
    --backbone) backbone=$2; shift ;;
    --size) size=$2; shift ;;
    --levers) levers=$2; shift ;;
    --hogs) hogs=$2; shift ;;
    --pairs|--budget|--max-other|--min-pairs) pairs_options+=("$1" "$2"); shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
export ATELIER_MODELS=${ATELIER_MODELS:-$(cd .. && pwd)/shared/models}
cores=$(nproc)
export OMP_NUM_THREADS=$cores
((hogs == 0)) || pairs_options+=(--max-other 1)

python_side() { # extra flags...
  echo "/usr/bin/python3 bench/reference.py --serve --backbone $backbone --size $size --warmup 1 --threads $cores $*"
}
atelier_side() { # threads [java options...]
  local threads=$1; shift
  echo "env OMP_NUM_THREADS=$threads java $* -jar target/atelier.jar bench --serve --backbones $backbone --sizes $size --warmup 1 --threads $threads"
}

hog_pids=()
trap 'kill "${hog_pids[@]}" 2>/dev/null || true' EXIT
for ((h = 0; h < hogs; h++)); do (while :; do :; done) & hog_pids+=($!); done

for lever in ${levers//,/ }; do
  case "$lever" in
    omp-wait) with=$(atelier_side "$cores"); base=$(atelier_side "$cores" -Datelier.openMpWaitPolicy=default) ;;
    low-priority) with=$(atelier_side "$cores"); base=$(atelier_side "$cores" -Datelier.computePriority=normal) ;;
    threads) with=$(atelier_side 1); base=$(atelier_side "$cores") ;;
    atelier-bf16) with=$(atelier_side "$cores" -Datelier.precision=bfloat16); base=$(atelier_side "$cores") ;;
    *) with=$(python_side "--$lever"); base=$(python_side) ;;
  esac
  /usr/bin/python3 bench/pairs.py --prefix LEVER --label "name=$lever backbone=$backbone size=$size hogs=$hogs" \
    --a "$with" --b "$base" "${pairs_options[@]}" 2> >(grep -v '^# batch' >&2) || true
done
