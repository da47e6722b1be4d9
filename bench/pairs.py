#!/usr/bin/python3
"""Times two long-lived benchmark processes, A and B, in short interleaved batches, and prints

    RATIO <label> time=MEDIAN time_lo=LOW time_hi=HIGH memory=A/B disturbed=K/N ...

where MEDIAN is the median over adjacent (A, B) pairs of A's time per iteration over B's, with a
bootstrap 90 % interval, and batches during which other processes used the CPU (or the hypervisor
stole it) are left out and counted. The one place bench/compare.sh and bench/levers.sh alternate.

Each side is a command that speaks the batch protocol of `atelier bench --serve` and
`bench/reference.py --serve`: it sets up and warms up, prints READY, then answers `RUN k` with
`BATCH iterations=n evaluations=e restarted=r ms=t1,t2,...` and `QUIT` with `END peak_rss_mb=M`.
Start-up is never timed; only one side computes at a time.

Why pairs: on a shared machine the speed of both sides drifts with the load, by 2x over minutes;
the ratio of two batches a second apart drifts much less. Why the filter: a batch during which
another process ran measures that process too, and on 2 cores it can double a batch's time.
Per batch, from /proc: the machine's busy and steal ticks (/proc/stat) minus the measured side's
own ticks (/proc/PID/stat of its process tree) is what everything else used; a batch is disturbed
when that exceeds --max-other of the machine's capacity during the batch.

Standard library only, so the statistics can be tested anywhere: python3 -m unittest bench/test_pairs.py
"""

import argparse
import os
import random
import shlex
import statistics
import subprocess
import sys
import time

HZ = os.sysconf("SC_CLK_TCK")


# ---- statistics (tested in bench/test_pairs.py) ------------------------------------------------

def pair_ratios(batches):
    """Ratios A/B of adjacent batches. `batches` is the run's sequence of (side, value, disturbed),
    in the order they ran, A and B alternating in pairs (A B, B A, A B, ...). A pair with a disturbed
    batch is dropped. Returns (ratios of clean pairs, ratios of all pairs)."""
    clean, every = [], []
    for first, second in zip(batches[0::2], batches[1::2]):
        if first[0] == second[0]:
            raise ValueError("a pair must hold one batch of each side: %r %r" % (first, second))
        a, b = (first, second) if first[0] == "A" else (second, first)
        ratio = a[1] / b[1]
        every.append(ratio)
        if not (a[2] or b[2]):
            clean.append(ratio)
    return clean, every


def bootstrap_interval(values, confidence=0.9, resamples=2000, seed=1):
    """Percentile bootstrap interval of the median: resample the values with replacement, take
    each resample's median, and return the (1-c)/2 and (1+c)/2 quantiles of those medians."""
    if not values:
        return float("nan"), float("nan")
    rng = random.Random(seed)
    n = len(values)
    medians = sorted(statistics.median(rng.choices(values, k=n)) for _ in range(resamples))
    return quantile(medians, (1 - confidence) / 2), quantile(medians, (1 + confidence) / 2)


def quantile(sorted_values, q):
    """Linear interpolation between closest ranks (numpy's default)."""
    position = q * (len(sorted_values) - 1)
    below = int(position)
    above = min(below + 1, len(sorted_values) - 1)
    return sorted_values[below] + (sorted_values[above] - sorted_values[below]) * (position - below)


def disturbance(busy_ticks, steal_ticks, own_ticks, wall_s, cores, hz=HZ):
    """Share of the machine's capacity during a batch that went to anything but the measured side:
    other processes (busy ticks the side did not use) plus time the hypervisor stole."""
    capacity = wall_s * cores * hz
    if capacity <= 0:
        return 0.0
    others = max(0, busy_ticks - own_ticks)
    return (others + steal_ticks) / capacity


def is_disturbed(share, foreign_ticks, max_share, floor_ticks=2):
    """Disturbed when the others' share exceeds max_share. The kernel counts whole ticks (1/HZ s),
    so a short batch is not called disturbed for the odd tick or two of housekeeping."""
    return foreign_ticks > floor_ticks and share > max_share


# ---- /proc ------------------------------------------------------------------------------------

def machine_ticks():
    """(busy, steal) ticks of all CPUs since boot: user+nice+system+irq+softirq, and steal."""
    with open("/proc/stat") as f:
        fields = [int(v) for v in f.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq = fields[:7]
    steal = fields[7] if len(fields) > 7 else 0
    return user + nice + system + irq + softirq, steal


def process_tree(root):
    """root and all its descendants, from /proc/*/stat parent links."""
    children = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open("/proc/%s/stat" % name) as f:
                    parent = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(name))
            except (OSError, IndexError, ValueError):
                continue
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def process_ticks(pids):
    """utime + stime of the processes (all their threads, living and ended)."""
    total = 0
    for pid in pids:
        try:
            with open("/proc/%d/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            continue
    return total


# ---- the sides --------------------------------------------------------------------------------

def words(line):
    return dict(word.split("=", 1) for word in line.split()[1:] if "=" in word)


class Side:
    """One long-lived benchmark process and the protocol to it."""

    def __init__(self, name, command, log):
        self.name = name
        self.process = subprocess.Popen(shlex.split(command), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=log, text=True, bufsize=1)
        self.ready = words(self.expect("READY"))
        self.pids = process_tree(self.process.pid)

    def expect(self, keyword):
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("side %s ended before %s (see its log)" % (self.name, keyword))
            if line.startswith(keyword + " "):
                return line.strip()
            if line.startswith("ERROR"):
                raise RuntimeError("side %s: %s" % (self.name, line.strip()))

    def batch(self, iterations):
        """Runs one batch; its numbers and how disturbed it was."""
        busy0, steal0 = machine_ticks()
        own0 = process_ticks(self.pids)
        started = time.perf_counter()
        self.process.stdin.write("RUN %d\n" % iterations)
        self.process.stdin.flush()
        reply = words(self.expect("BATCH"))
        wall = time.perf_counter() - started
        busy1, steal1 = machine_ticks()
        own1 = process_ticks(self.pids)
        millis = [float(v) for v in reply["ms"].split(",")]
        return {"median_ms": statistics.median(millis), "iterations": len(millis),
                "evaluations": int(reply["evaluations"]), "wall_s": wall,
                "others": max(0, (busy1 - busy0) - (own1 - own0)), "steal": steal1 - steal0,
                "share": disturbance(busy1 - busy0, steal1 - steal0, own1 - own0, wall, os.cpu_count())}

    def quit(self):
        self.process.stdin.write("QUIT\n")
        self.process.stdin.flush()
        end = words(self.expect("END"))
        self.process.wait(timeout=60)
        return float(end["peak_rss_mb"])

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()


def run(args):
    log = open(args.log, "a") if args.log else subprocess.DEVNULL
    sides = {}
    try:
        # One after the other, so that neither's start-up disturbs the other's warm-up.
        sides["A"] = Side("A", args.a, log)
        sides["B"] = Side("B", args.b, log)
        # Batch length: about --batch-seconds of the slower side, a few iterations at most.
        probe = max(sides[s].batch(1)["median_ms"] for s in "AB")
        k = max(1, min(args.max_iterations, round(args.batch_seconds * 1000 / probe)))
        batches, records = [], []
        started = time.monotonic()
        pair, last_pair = 0, 0.0
        # A pair is started only if it can end within the budget, judged by the last one's length.
        while pair < args.max_pairs and time.monotonic() - started + last_pair < args.budget:
            pair_started = time.monotonic()
            for side in ("AB" if pair % 2 == 0 else "BA"):
                time.sleep(args.gap)  # the other side's OpenMP threads finish spinning first
                record = sides[side].batch(k)
                record["disturbed"] = is_disturbed(record["share"], record["others"] + record["steal"],
                                                   args.max_other)
                batches.append((side, record["median_ms"], record["disturbed"]))
                records.append((side, record))
                print("# batch %s k=%d median_ms=%.1f wall_s=%.2f others=%d steal=%d share=%.3f%s" % (
                    side, record["iterations"], record["median_ms"], record["wall_s"], record["others"],
                    record["steal"], record["share"], " DISTURBED" if record["disturbed"] else ""),
                    file=sys.stderr, flush=True)
            pair += 1
            last_pair = time.monotonic() - pair_started
            clean, _ = pair_ratios(batches)
            if len(clean) >= args.pairs:
                break
        memory = {s: sides[s].quit() for s in "AB"}
    finally:
        for side in sides.values():
            side.kill()
    return summarise(args, batches, records, memory, sides)


def summarise(args, batches, records, memory, sides):
    clean, every = pair_ratios(batches)
    disturbed = sum(1 for _, _, d in batches if d)
    judged = len(clean) >= args.min_pairs
    low, high = bootstrap_interval(clean, seed=args.seed)
    median = statistics.median(clean) if clean else float("nan")

    def side_figures(side):
        kept = [r for s, r in records if s == side and not r["disturbed"]] or [r for s, r in records if s == side]
        ms = statistics.median(r["median_ms"] for r in kept)
        evals = sum(r["evaluations"] for r in kept) / sum(r["iterations"] for r in kept)
        gflops = float(sides[side].ready.get("gflop_per_eval", 0)) * evals / (ms / 1000.0)
        return ms, evals, gflops

    a_ms, a_evals, a_gflops = side_figures("A")
    b_ms, b_evals, b_gflops = side_figures("B")
    line = ("%s %s time=%.3f time_lo=%.3f time_hi=%.3f memory=%.2f disturbed=%d/%d pairs=%d judged=%s"
            " time_all=%.3f a_ms=%.1f b_ms=%.1f a_mb=%.0f b_mb=%.0f a_evals=%.2f b_evals=%.2f"
            " a_gflops=%.1f b_gflops=%.1f") % (
        args.prefix, args.label, median, low, high, memory["A"] / memory["B"], disturbed, len(batches),
        len(clean), "yes" if judged else "no", statistics.median(every) if every else float("nan"),
        a_ms, b_ms, memory["A"], memory["B"], a_evals, b_evals, a_gflops, b_gflops)
    print(line, flush=True)
    if not judged:
        print("too disturbed to judge %s: %d of %d batches disturbed, %d clean pairs (need %d); run it on a"
              " quieter machine or with a longer --budget" % (args.label, disturbed, len(batches), len(clean),
                                                              args.min_pairs), file=sys.stderr, flush=True)
    return judged


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--a", required=True, help="command of side A (the numerator)")
    parser.add_argument("--b", required=True, help="command of side B (the denominator)")
    parser.add_argument("--label", default="", help="key=value words naming the comparison")
    parser.add_argument("--prefix", default="RATIO")
    parser.add_argument("--pairs", type=int, default=20, help="stop after this many clean pairs")
    parser.add_argument("--min-pairs", type=int, default=6, help="fewer clean pairs: too disturbed to judge")
    parser.add_argument("--max-pairs", type=int, default=200)
    parser.add_argument("--budget", type=float, default=180, help="seconds of batches at most")
    parser.add_argument("--batch-seconds", type=float, default=0.5)
    parser.add_argument("--max-iterations", type=int, default=8, help="iterations per batch at most")
    parser.add_argument("--max-other", type=float, default=0.05,
                        help="a batch is disturbed when others used more than this share of all CPUs")
    parser.add_argument("--gap", type=float, default=0.05, help="seconds between batches")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--log", default=None, help="append both sides' standard error here")
    args = parser.parse_args(argv)
    return 0 if run(args) else 3


if __name__ == "__main__":
    sys.exit(main())
