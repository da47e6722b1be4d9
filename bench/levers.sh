#!/usr/bin/env bash
# Measures each performance lever as a with/without ratio, by the same interleaved batches and
# disturbance filter as compare.sh (bench/pairs.py), over rounds of freshly started processes:
#   LEVER name=... backbone=... size=... hogs=... time=MEDIAN time_lo=LOW time_hi=HIGH memory=... disturbed=K/N ...
#         ... rounds=COUNTED/R round_times=r1,r2,... memory_rounds=m1,m2,...
# Rounds because one process pair cannot judge a lever: the same settings run up to 25 % faster or
# slower in processes started a minute apart (thread placement, memory layout), so each round
# starts both sides afresh and the interval is a bootstrap over rounds, then pairs (see pairs.py).
# Levers of the computation itself are switched in the PyTorch-Python reference (bench/reference.py
# flags), which runs the engine's computation on the same libtorch operators; thread settings are
# measured on Atelier itself.
#
# Usage: bench/levers.sh [--backbone vgg19] [--size 256] [--rounds 4] [--pairs 8] [--budget 180]
#                        [--levers weights-grad,whole-network,channels-last,bf16,atelier-bf16,atelier-channels-last,threads,omp-wait,low-priority,malloc]
#                        [--hogs N]
# threads: Atelier with one intra-op thread against one per core; omp-wait: Atelier as shipped
# (OpenMP threads spin about 1000 rounds, then sleep) against libgomp's default
# (-Datelier.openMpWaitPolicy=default: spin about 3 ms, then sleep); low-priority: Atelier
# as shipped (compute threads at nice 10) against -Datelier.computePriority=normal; atelier-bf16:
# Atelier's backbone in bfloat16 (-Datelier.precision=bfloat16) against float32; malloc: Atelier as
# shipped (glibc keeps freed tensor memory for reuse, TensorMemory) against glibc's defaults
# (-Datelier.mallocTuning=default); a_faults/b_faults are the page faults per iteration;
# atelier-channels-last: Atelier as shipped (SqueezeNet's input in channels-last order) against
# -Datelier.channelsLast=false.
# --rounds N: rounds per lever (1: one pair of processes, the earlier method); --pairs N: clean
# pairs per round; --budget S: seconds of batches per lever, all rounds together.
# --hogs N keeps N busy processes (nice 0, like a browser tab spinning) running while it measures;
# they are the point of such a run, so its batches are not filtered.
set -euo pipefail
cd "$(dirname "$0")/.."

backbone=vgg19
size=256
levers=weights-grad,whole-network,channels-last,bf16,threads,omp-wait,low-priority
hogs=0
pairs_options=(--rounds 4 --pairs 8 --budget 180)
while [ $# -gt 0 ]; do
  case "$1" in
    --backbone) backbone=$2; shift ;;
    --size) size=$2; shift ;;
    --levers) levers=$2; shift ;;
    --hogs) hogs=$2; shift ;;
    --rounds|--pairs|--budget|--max-other|--min-pairs|--min-rounds|--min-pairs-per-round) pairs_options+=("$1" "$2"); shift ;;
    -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
export ATELIER_MODELS=${ATELIER_MODELS:-$(cd .. && pwd)/shared/models}
cores=$(nproc)
export OMP_NUM_THREADS=$cores
((hogs == 0)) || pairs_options+=(--max-other 1)

# Warm-up as compare.sh's: long enough for the JVM's C2 compiler to have finished.
if [ "$backbone" = vgg19 ]; then warmup=5; else warmup=40; fi
python_side() { # extra flags...
  echo "/usr/bin/python3 bench/reference.py --serve --backbone $backbone --size $size --warmup $warmup --threads $cores $*"
}
atelier_side() { # threads [java options...]
  local threads=$1; shift
  echo "env OMP_NUM_THREADS=$threads java $* -jar target/atelier.jar bench --serve --backbones $backbone --sizes $size --warmup $warmup --threads $threads"
}

hog_pids=()
trap 'kill "${hog_pids[@]}" 2>/dev/null || true' EXIT
for ((h = 0; h < hogs; h++)); do (while :; do :; done) & hog_pids+=($!); done

for lever in ${levers//,/ }; do
  case "$lever" in
    omp-wait) with=$(atelier_side "$cores"); base=$(atelier_side "$cores" -Datelier.openMpWaitPolicy=default) ;;
    low-priority) with=$(atelier_side "$cores"); base=$(atelier_side "$cores" -Datelier.computePriority=normal) ;;
    threads) with=$(atelier_side 1); base=$(atelier_side "$cores") ;;
    malloc) with=$(atelier_side "$cores"); base=$(atelier_side "$cores" -Datelier.mallocTuning=default) ;;
    atelier-bf16) with=$(atelier_side "$cores" -Datelier.precision=bfloat16); base=$(atelier_side "$cores") ;;
    atelier-channels-last) with=$(atelier_side "$cores"); base=$(atelier_side "$cores" -Datelier.channelsLast=false) ;;
    *) with=$(python_side "--$lever"); base=$(python_side) ;;
  esac
  /usr/bin/python3 bench/pairs.py --prefix LEVER --label "name=$lever backbone=$backbone size=$size hogs=$hogs" \
    --a "$with" --b "$base" "${pairs_options[@]}" 2> >(grep -v '^# batch' >&2) || true
done
