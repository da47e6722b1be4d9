#!/usr/bin/env bash
# Atelier against the same computation in PyTorch-Python, per configuration:
#   RATIO backbone=... size=... opt=... time=MEDIAN time_lo=LOW time_hi=HIGH memory=A/P disturbed=K/N ...
#         ... rounds=COUNTED/R round_times=r1,r2,... memory_rounds=m1,m2,...
# time: median over adjacent pairs of Atelier's time per iteration over PyTorch's; both run as
# long-lived processes (start-up not timed) in short alternating batches (bench/pairs.py), and
# batches during which other processes used the CPU are left out and counted (disturbed=K/N).
# Rounds: the same configuration runs up to 25 % faster or slower in processes started a minute
# apart (thread placement and memory layout are fixed at start), so each configuration runs
# several rounds, each with both processes started afresh; time pools the pairs of the rounds that
# count (at least 3 clean pairs), and its 90 % interval is a bootstrap over rounds, then pairs,
# so it is as wide as the rounds disagree. round_times: each counted round's median. judged=no, and
# a line on standard error, says a configuration was too disturbed to judge (fewer than 3 rounds
# counted). memory: median over rounds of the two processes' peak resident memory (VmHWM) ratio.
#
# Usage: bench/compare.sh [--quick] [--markdown] [--backbones a,b] [--sizes 256,384] [--optimizers adam,lbfgs]
#                         [--warmup N] [--threads N] [--rounds N] [--pairs N] [--budget S] [--max-other F]
#   --warmup N  untimed iterations after each side's start (default: 40 for SqueezeNet, 5 for VGG19:
#               enough for the JVM's C2 compiler to finish, whose threads otherwise take a core while the
#               first batches run, 11 % of an iteration at 256 px; see docs/performance.md, run 12)
#   --quick     both backbones at 256 px with Adam, 3 rounds of up to 5 clean pairs, 150 s of batches
#               each (under ten minutes: per configuration at most 150 s of batches plus 3 start-ups
#               of both sides, JVM 5-8 s and python ~4 s plus weights and warm-up, ~20 s for VGG19;
#               VGG19 at 256 px takes ~0.45 s per iteration, so a pair ~1.1 s and 5 clean pairs ~6 s
#               when quiet; at worst 3 x (50 + 20) s = 3.5 min per configuration, 7 min for both)
#   --markdown  print the results table for docs/performance.md instead of RATIO lines
#   --rounds N  rounds per configuration, both sides started afresh in each (4; 1: one pair of
#               processes, the earlier method); --pairs N: clean pairs per round (8);
#               --budget S: seconds of batches per configuration, all rounds together (180)
#   --min-rounds N / --min-pairs-per-round N  judged only when N rounds (3) of at least N clean pairs (3) count
#   --max-other F  a batch is disturbed when others used more than F of all CPUs during it (0.05)
#   --reference-malloc tuned  start the reference with the allocator settings Atelier makes through
#               mallopt (TensorMemory), as environment variables, so both sides keep freed tensor
#               memory alike: the comparison of the computation alone, without glibc's page faults
#   --reference-omp shipped  start the reference with the OpenMP wait Atelier sets (ComputeThreads:
#               OMP_WAIT_POLICY=passive GOMP_SPINCOUNT=1000) instead of libgomp's 3 ms spin
#   --batch-log FILE  append every batch (round, time, others' ticks, steal, verdict) to FILE
# Needs: target/atelier.jar (mvn -o -q package -DskipTests), /usr/bin/python3 with python3-torch,
# python3-pil and libopenblas0-pthread; ATELIER_MODELS pointing at the models folder (default
# ../shared/models).
set -euo pipefail
cd "$(dirname "$0")/.."

backbones=squeezenet1_1,vgg19
sizes=256,384,512
optimizers=adam,lbfgs
warmup=auto
threads=$(nproc)
markdown=0
batch_log=/dev/null
reference_env=""
pairs_options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) sizes=256; optimizers=adam; pairs_options+=(--rounds 3 --pairs 5 --budget 150) ;;
    --markdown) markdown=1 ;;
    --batch-log) batch_log=$2; shift ;;
    --reference-malloc)
      [ "$2" = tuned ] || { echo "--reference-malloc takes: tuned" >&2; exit 2; }
      reference_env+="env MALLOC_TOP_PAD_=67108864 MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=1073741824 "; shift ;;
    --reference-omp)
      [ "$2" = shipped ] || { echo "--reference-omp takes: shipped" >&2; exit 2; }
      reference_env+="env OMP_WAIT_POLICY=passive GOMP_SPINCOUNT=1000 "; shift ;;
    --backbones) backbones=$2; shift ;;
    --sizes) sizes=$2; shift ;;
    --optimizers) optimizers=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --threads) threads=$2; shift ;;
    --rounds|--pairs|--budget|--max-other|--min-pairs|--min-rounds|--min-pairs-per-round) pairs_options+=("$1" "$2"); shift ;;
    -h|--help) sed -n '2,40p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[ "$warmup" = auto ] || ((warmup >= 1)) || warmup=1  # the reference counts its FLOPs on the first evaluation

export ATELIER_MODELS=${ATELIER_MODELS:-$(cd .. && pwd)/shared/models}
export OMP_NUM_THREADS=$threads
jar=target/atelier.jar
python=/usr/bin/python3
[ -f "$jar" ] || { echo "no $jar: run mvn -o -q package -DskipTests first" >&2; exit 1; }
"$python" -c 'import torch, PIL' 2>/dev/null || {
  echo "python3-torch/python3-pil missing: apt-get install -y python3-torch python3-pil libopenblas0-pthread" >&2; exit 1; }

# Real VGG19 weights for both sides when the search path has them (else each side makes random ones).
vgg_file=""
IFS=: read -ra model_dirs <<< "$ATELIER_MODELS"
for dir in "${model_dirs[@]}"; do
  if [ -f "$dir/vgg19.safetensors" ]; then vgg_file="$dir/vgg19.safetensors"; break; fi
  found=$(ls "$dir"/vgg19/*.safetensors 2>/dev/null | sort | head -1 || true)
  if [ -n "$found" ]; then vgg_file=$found; break; fi
done

log=$(mktemp)
lines=$(mktemp)
trap 'rm -f "$log" "$lines"' EXIT

# The CPU's fp32 peak (its clock measured with all cores busy), for both sides' share of it.
peak_gflops=0
if [ $markdown = 1 ]; then
  cpu=$(java -jar "$jar" bench --mode cpu --threads "$threads" 2>/dev/null | sed -n 's/^CPU: //p' || true)
  peak_gflops=$(sed -n 's/.*fp32 peak \([0-9.]*\) GFLOP.*/\1/p' <<< "$cpu")
  peak_gflops=${peak_gflops:-0}
fi

started=$(date -u '+%Y-%m-%d %H:%M UTC')
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for backbone in ${backbones//,/ }; do
  for size in ${sizes//,/ }; do
    for opt in ${optimizers//,/ }; do
      w=$warmup
      if [ "$w" = auto ]; then if [ "$backbone" = vgg19 ]; then w=5; else w=40; fi; fi
      common=(--backbone "$backbone" --size "$size" --optimizer "$opt" --warmup "$w" --threads "$threads")
      reference="$reference_env$python bench/reference.py --serve ${common[*]}"
      if [ "$backbone" = vgg19 ] && [ -n "$vgg_file" ]; then reference+=" --vgg19-weights $vgg_file"; fi
      atelier="java -jar $jar bench --serve --backbones $backbone --sizes $size --optimizers $opt --warmup $w --threads $threads"
      label="backbone=$backbone size=$size opt=$opt"
      line=$("$python" bench/pairs.py --a "$atelier" --b "$reference" --label "$label" --log "$log" \
        "${pairs_options[@]}" 2> >(while IFS= read -r l; do
          if [[ $l == "# batch"* ]]; then echo "$label $l" >> "$batch_log"; else echo "$l" >&2; fi; done) || true)
      if [ -z "$line" ]; then echo "FAILED $label (log: $(tail -3 "$log" | tr '\n' ' '))" >&2; continue; fi
      if [ $markdown = 1 ]; then
        echo "$line" >> "$lines"
        echo "$line" >&2  # the table leaves words out; the whole line stays on record
      else
        echo "$line"
      fi
    done
  done
done

if [ $markdown = 1 ]; then
  echo "Measured $started to $(date -u '+%H:%M UTC') on $(nproc) CPUs, $threads threads; load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after."
  echo "CPU: ${cpu:-unknown}"
  echo "PyTorch-Python: $("$python" -c 'import torch; print(torch.__version__)') (Debian) with OpenBLAS pthread${reference_env:+, started with ${reference_env% }}; Atelier: DJL 0.36 on libtorch 2.7.1. VGG19 weights: ${vgg_file:-random He-normal of the right shapes}."
  echo
  "$python" bench/ratio_table.py --peak-gflops "$peak_gflops" "$lines"
fi
