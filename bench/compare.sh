#!/usr/bin/env bash
# Runs `atelier bench` and bench/reference.py (PyTorch-Python) in alternation on this machine, one
# process per configuration, and prints per configuration
#   RATIO backbone=... size=... opt=... time=<Atelier/PyTorch median ms> memory=<Atelier/PyTorch peak RSS>
# A ratio holds on a shared machine where absolute times do not.
#
# Usage: bench/compare.sh [--quick] [--markdown] [--rounds N] [--backbones a,b] [--sizes 256,384]
#                         [--optimizers adam] [--warmup N] [--iterations N] [--threads N]
#   --quick     both backbones at 256 px, 1 round, 2 warm-up + 4 timed iterations (under five minutes)
#   --markdown  print the results table for docs/performance.md instead of RATIO lines
# Needs: target/atelier.jar (mvn -o -q package -DskipTests), /usr/bin/python3 with python3-torch,
# python3-pil and libopenblas0-pthread; ATELIER_MODELS pointing at the models folder (default
# ../shared/models).
set -euo pipefail
cd "$(dirname "$0")/.."

backbones=squeezenet1_1,vgg19
sizes=256,384,512
optimizers=adam
warmup=3
iterations=8
rounds=2
threads=$(nproc)
markdown=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) sizes=256; warmup=2; iterations=4; rounds=1 ;;
    --markdown) markdown=1 ;;
    --rounds) rounds=$2; shift ;;
    --backbones) backbones=$2; shift ;;
    --sizes) sizes=$2; shift ;;
    --optimizers) optimizers=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --iterations) iterations=$2; shift ;;
    --threads) threads=$2; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

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

log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

field() { # field KEY LINE
  sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" <<< "$2"
}

median() { # numbers on stdin -> median
  sort -g | awk '{v[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'
}

# The CPU's fp32 peak once (its clock measured with all cores busy), for both sides' share of it.
cpu=$(java -jar "$jar" bench --mode cpu --threads "$threads" 2>/dev/null | sed -n 's/^CPU: //p' || true)
peak_gflops=$(sed -n 's/.*fp32 peak \([0-9.]*\) GFLOP.*/\1/p' <<< "$cpu")
peak_gflops=${peak_gflops:-0}
share() { # gflops -> percent of the peak
  awk -v g="$1" -v p="$peak_gflops" 'BEGIN {printf "%.0f", (p > 0 ? 100 * g / p : 0)}'
}

run_atelier() { # backbone size opt
  java -jar "$jar" bench --raw --backbones "$1" --sizes "$2" --optimizers "$3" --warmup "$warmup" \
    --iterations "$iterations" --threads "$threads" 2>>"$log/atelier.err" | grep '^RESULT' || true
}

run_pytorch() { # backbone size opt
  local extra=()
  if [ "$1" = vgg19 ] && [ -n "$vgg_file" ]; then extra=(--vgg19-weights "$vgg_file"); fi
  "$python" bench/reference.py --backbone "$1" --size "$2" --optimizer "$3" --warmup "$warmup" \
    --iterations "$iterations" --threads "$threads" --peak-gflops "$peak_gflops" "${extra[@]}" 2>>"$log/pytorch.err" | grep '^RESULT' || true
}

rows=()
for backbone in ${backbones//,/ }; do
  for size in ${sizes//,/ }; do
    for opt in ${optimizers//,/ }; do
      a_ms=(); p_ms=(); a_mb=(); p_mb=(); a_ev=(); p_ev=(); a_line=""; p_line=""
      for ((round = 1; round <= rounds; round++)); do
        # Alternate which side goes first, so that a slow spell of the machine hits both alike.
        if ((round % 2)); then order="atelier pytorch"; else order="pytorch atelier"; fi
        for side in $order; do
          line=$(run_$side "$backbone" "$size" "$opt")
          if [ -z "$line" ]; then echo "FAILED $side backbone=$backbone size=$size opt=$opt" >&2; continue; fi
          if [ $side = atelier ]; then a_line=$line; a_ms+=("$(field median_ms "$line")"); a_mb+=("$(field peak_rss_mb "$line")"); a_ev+=("$(field evals_per_it "$line")")
          else p_line=$line; p_ms+=("$(field median_ms "$line")"); p_mb+=("$(field peak_rss_mb "$line")"); p_ev+=("$(field evals_per_it "$line")"); fi
          [ $markdown = 1 ] || echo "# $line" >&2
        done
      done
      [ ${#a_ms[@]} -gt 0 ] && [ ${#p_ms[@]} -gt 0 ] || continue
      am=$(printf '%s\n' "${a_ms[@]}" | median); pm=$(printf '%s\n' "${p_ms[@]}" | median)
      amb=$(printf '%s\n' "${a_mb[@]}" | median); pmb=$(printf '%s\n' "${p_mb[@]}" | median)
      time_ratio=$(awk -v a="$am" -v p="$pm" 'BEGIN {printf "%.2f", a / p}')
      memory_ratio=$(awk -v a="$amb" -v p="$pmb" 'BEGIN {printf "%.2f", a / p}')
      # L-BFGS may evaluate the cost a different number of times per iteration on each side
      # (float differences in the line search): the time per evaluation compares the same work.
      aev=$(printf '%s\n' "${a_ev[@]}" | median); pev=$(printf '%s\n' "${p_ev[@]}" | median)
      eval_ratio=$(awk -v a="$am" -v p="$pm" -v ae="$aev" -v pe="$pev" 'BEGIN {printf "%.2f", (a / ae) / (p / pe)}')
      if [ $markdown = 1 ]; then
        rows+=("$(awk -v b="$backbone" -v s="$size" -v o="$opt" -v am="$am" -v pm="$pm" -v tr="$time_ratio" \
          -v amb="$amb" -v pmb="$pmb" -v mr="$memory_ratio" -v its="$(field it_s "$a_line")" \
          -v gf="$(field gflops "$a_line")" -v share="$(share "$(field gflops "$a_line")")" \
          -v pshare="$(share "$(field gflops "$p_line")")" \
          -v er="$eval_ratio" -v aev="$aev" -v pev="$pev" \
          'BEGIN {printf "| %s | %s | %s | %.0f | %.0f | **%s** | %s (%.2f / %.2f) | %.0f | %.0f | **%s** | %.2f | %.1f | %s %% | %s %% |", b, s, o, am, pm, tr, er, aev, pev, amb, pmb, mr, 1000 / am, gf, share, pshare}')")
      else
        echo "RATIO backbone=$backbone size=$size opt=$opt time=$time_ratio memory=$memory_ratio time_per_evaluation=$eval_ratio"
      fi
    done
  done
done

if [ $markdown = 1 ]; then
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) CPUs, $threads threads, $rounds round(s) of $warmup warm-up + $iterations timed iterations; $(uptime | sed 's/.*load average: /load average /')."
  echo "CPU: $cpu"
  echo "PyTorch-Python: $("$python" -c 'import torch; print(torch.__version__)') (Debian) with OpenBLAS pthread; Atelier: DJL 0.36 on libtorch 2.7.1. VGG19 weights: ${vgg_file:-random He-normal of the right shapes}."
  echo
  echo "| backbone | size | opt | Atelier ms/it | PyTorch ms/it | time ratio | per evaluation (evals/it A / P) | Atelier peak MB | PyTorch peak MB | memory ratio | Atelier it/s | Atelier GFLOP/s | Atelier % of peak | PyTorch % of peak |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
fi
