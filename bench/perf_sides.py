#!/usr/bin/python3
"""Samples Atelier and the PyTorch reference with perf, in turns, on the same configuration:

    bench/perf_sides.py [--backbone squeezenet1_1] [--size 512] [--iterations 30] [--rounds 3] [--out DIR]

Starts both sides' batch servers (`atelier bench --serve`, `reference.py --serve`; the reference with
Atelier's allocator settings and OpenMP wait, as `compare.sh --reference-malloc tuned --reference-omp
shipped`), lets each warm up, then per round runs `perf record -a -g` over one batch of each side, one
after the other, and prints each batch's median ms per iteration. Read a recording with
`perf report -i DIR/atelier-ROUND.data --no-children --sort sym -g none`. System-wide, because the
work is spread over the process's OpenMP threads; so run it on an idle machine. Needs perf
(linux-perf) and target/atelier.jar.
"""

import argparse
import os
import shlex
import signal
import subprocess
import time

TUNED = {"MALLOC_TOP_PAD_": "67108864", "MALLOC_MMAP_THRESHOLD_": "33554432",
         "MALLOC_TRIM_THRESHOLD_": "1073741824", "OMP_WAIT_POLICY": "passive", "GOMP_SPINCOUNT": "1000"}


def start(command, env):
    process = subprocess.Popen(shlex.split(command), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    for line in process.stdout:
        if line.startswith("READY"):
            return process
    raise SystemExit("%s ended before READY" % command.split()[0])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backbone", default="squeezenet1_1")
    parser.add_argument("--size", type=int, default=512)
    parser.add_argument("--iterations", type=int, default=30, help="per batch")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=40)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--out", default="perf-sides")
    args = parser.parse_args()
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    os.makedirs(args.out, exist_ok=True)
    env = dict(os.environ, OMP_NUM_THREADS=str(args.threads))
    common = "--size %d --optimizer adam --warmup %d --threads %d" % (args.size, args.warmup, args.threads)
    sides = {
        "atelier": start("java -jar target/atelier.jar bench --serve --backbones %s --sizes %d --optimizers adam"
                         " --warmup %d --threads %d" % (args.backbone, args.size, args.warmup, args.threads), env),
        "pytorch": start("/usr/bin/python3 bench/reference.py --serve --backbone %s %s" % (args.backbone, common),
                         dict(env, **TUNED)),
    }
    try:
        for round_number in range(args.rounds):
            for name, process in sides.items():
                data = os.path.join(args.out, "%s-%d.data" % (name, round_number))
                perf = subprocess.Popen(["perf", "record", "-a", "-g", "-F", "999", "-o", data],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(0.3)  # perf's own start-up stays out of the batch
                process.stdin.write("RUN %d\n" % args.iterations)
                process.stdin.flush()
                batch = process.stdout.readline()
                perf.send_signal(signal.SIGINT)
                perf.wait()
                millis = sorted(float(ms) for ms in batch.split("ms=")[1].split(","))
                print("%s round=%d median_ms=%.1f min_ms=%.1f perf=%s" % (
                    name, round_number + 1, millis[len(millis) // 2], millis[0], data), flush=True)
    finally:
        for process in sides.values():
            process.stdin.write("QUIT\n")
            process.stdin.flush()
            process.wait()


if __name__ == "__main__":
    main()
