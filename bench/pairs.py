#!/usr/bin/python3
"""Times two benchmark processes, A and B, in interleaved batches over rounds of fresh processes, and prints

    RATIO <label> time=MEDIAN time_lo=LOW time_hi=HIGH memory=A/B disturbed=K/N ... rounds=C/R round_times=...

where MEDIAN is the median over adjacent (A, B) pairs of A's time per iteration over B's, pooled
over the rounds, with a hierarchical bootstrap 90 % interval, and batches during which other
processes used the CPU (or the hypervisor stole it) are left out and counted. The one place
bench/compare.sh and bench/levers.sh alternate.

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

Why rounds: a process's speed is partly fixed when it starts (where its threads land, how its
memory is laid out), so the same configuration measured in two processes started a minute apart
differs by up to 25 % on an idle machine, while the pairs of one pair of processes give an interval
10-20 % wide: it only says how well those two processes were measured. So each of --rounds rounds starts both sides afresh (the side started
first alternates), runs up to --pairs clean pairs within its share of --budget, and quits both,
recording their peak memory (VmHWM). The interval resamples rounds, then pairs within each drawn
round (hierarchical bootstrap), so it is as wide as the rounds disagree. A round counts only with
at least --min-pairs-per-round clean pairs; the result is judged only when at least --min-rounds
rounds count (at most --rounds) holding at least --min-pairs clean pairs in all. With --rounds 1
this is the earlier single-round method: one pair of processes, judged on --min-pairs clean pairs,
the interval a plain bootstrap of its pairs.

The line's words after time_hi: memory, the median over rounds of A's peak over B's; disturbed,
batches left out of all batches of all rounds; pairs, the clean pairs of the counted rounds;
time_all, the median of every pair of every round, disturbed or not (for information); a_ms/b_ms,
a_evals/b_evals and a_gflops/b_gflops from the counted rounds' clean batches; a_mb/b_mb, the
medians over rounds of the peaks; rounds=COUNTED/R; round_times, each counted round's median
ratio (nan when none counts); memory_rounds, each round's A/B peak ratio. Each `# batch` line on
standard error names its round (round=i, from 1), and a `# round` line sums each round up.
eval_time, eval_time_lo and eval_time_hi: the same statistics of the time per cost evaluation
(a batch's time over its evaluations), the fair ratio where the two sides' L-BFGS took different
numbers of evaluations per iteration.

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


def hierarchical_interval(rounds, confidence=0.9, resamples=2000, seed=1):
    """Percentile bootstrap interval of the pooled median of rounds of ratios (a list of lists):
    each resample draws as many rounds as there are, with replacement, then within each drawn round
    as many of its ratios as it has, with replacement, and takes the median of all those drawn.
    Resampling the rounds carries the differences between processes into the interval, which
    resampling pooled pairs would treat as so many independent measurements. One round: the plain
    bootstrap of its ratios (the single-round method, same numbers)."""
    rounds = [list(r) for r in rounds if r]
    if not rounds:
        return float("nan"), float("nan")
    if len(rounds) == 1:
        return bootstrap_interval(rounds[0], confidence, resamples, seed)
    rng = random.Random(seed)
    medians = []
    for _ in range(resamples):
        pooled = []
        for drawn in rng.choices(rounds, k=len(rounds)):
            pooled.extend(rng.choices(drawn, k=len(drawn)))
        medians.append(statistics.median(pooled))
    medians.sort()
    return quantile(medians, (1 - confidence) / 2), quantile(medians, (1 + confidence) / 2)


def round_statistics(rounds, min_pairs_per_round=3, min_rounds=3, min_pairs=6, seed=1):
    """The figures of a run from each round's batches (a list, per round, of what pair_ratios takes).
    A round counts when it has at least min_pairs_per_round clean pairs; only counted rounds enter
    time (median of their clean ratios pooled), its interval and round_times. The run is judged when
    at least min_rounds rounds count (never more than there are, so one round needs one) and they
    hold at least min_pairs clean pairs in all. time_all, the median of every pair of every round,
    disturbed or not, is there for information."""
    clean_by_round, every = [], []
    disturbed = batches = 0
    for round_batches in rounds:
        clean, all_pairs = pair_ratios(round_batches)
        clean_by_round.append(clean)
        every.extend(all_pairs)
        disturbed += sum(1 for _, _, d in round_batches if d)
        batches += len(round_batches)
    counted = [i for i, clean in enumerate(clean_by_round) if len(clean) >= min_pairs_per_round]
    pooled = [r for i in counted for r in clean_by_round[i]]
    low, high = hierarchical_interval([clean_by_round[i] for i in counted], seed=seed)
    return {
        "time": statistics.median(pooled) if pooled else float("nan"), "time_lo": low, "time_hi": high,
        "pairs": len(pooled), "counted": counted,
        "judged": len(counted) >= min(min_rounds, len(rounds)) and len(counted) > 0 and len(pooled) >= min_pairs,
        "round_times": [statistics.median(clean_by_round[i]) for i in counted],
        "time_all": statistics.median(every) if every else float("nan"),
        "disturbed": disturbed, "batches": batches,
    }


def memory_statistics(peaks):
    """From each round's peak memory {"A": MB, "B": MB}: the A/B ratio per round, and the medians
    over rounds of the ratio, of A and of B. Memory does not depend on the load, so every round
    that ended gives it."""
    ratios = [p["A"] / p["B"] for p in peaks]
    if not peaks:
        return {"ratios": [], "memory": float("nan"), "a_mb": float("nan"), "b_mb": float("nan")}
    return {"ratios": ratios, "memory": statistics.median(ratios),
            "a_mb": statistics.median(p["A"] for p in peaks), "b_mb": statistics.median(p["B"] for p in peaks)}


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
    return sum(int(fields[11]) + int(fields[12]) for fields in process_stats(pids))


def process_faults(pids):
    """Minor page faults of the processes: a page touched for the first time since it was mapped.
    An iteration that reuses its freed memory takes almost none; one that gets fresh pages for its
    large tensors takes thousands (issue 15)."""
    return sum(int(fields[7]) for fields in process_stats(pids))


def process_stats(pids):
    """The /proc/PID/stat fields after the command name, for each process still there."""
    for pid in pids:
        try:
            with open("/proc/%d/stat" % pid) as f:
                yield f.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError, ValueError):
            continue


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
        faults0 = process_faults(self.pids)
        started = time.perf_counter()
        self.process.stdin.write("RUN %d\n" % iterations)
        self.process.stdin.flush()
        reply = words(self.expect("BATCH"))
        wall = time.perf_counter() - started
        busy1, steal1 = machine_ticks()
        own1 = process_ticks(self.pids)
        faults = process_faults(self.pids) - faults0
        millis = [float(v) for v in reply["ms"].split(",")]
        return {"median_ms": statistics.median(millis), "iterations": len(millis),
                "ms_per_evaluation": sum(millis) / max(1, int(reply["evaluations"])),
                "faults_per_iteration": faults / max(1, len(millis)),
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


def run_round(args, number, log):
    """One round: both sides started afresh, pairs until --pairs clean ones or the round's share of
    the budget, both quit. Returns its batches, their records and the sides' peak memory."""
    sides = {}
    # The side started first alternates, so that neither always meets the machine as the other left it.
    order = "AB" if number % 2 == 1 else "BA"
    try:
        # One after the other, so that neither's start-up disturbs the other's warm-up.
        for name in order:
            sides[name] = Side(name, args.a if name == "A" else args.b, log)
        # Batch length: about --batch-seconds of the slower side, a few iterations at most.
        probe = max(sides[s].batch(1)["median_ms"] for s in order)
        k = max(1, min(args.max_iterations, round(args.batch_seconds * 1000 / probe)))
        share = args.budget / args.rounds
        batches, records = [], []
        started = time.monotonic()
        pair, last_pair = 0, 0.0
        # A pair is started only if it can end within the round's share, judged by the last one's length.
        while pair < args.max_pairs and time.monotonic() - started + last_pair < share:
            pair_started = time.monotonic()
            for side in (order if pair % 2 == 0 else order[::-1]):
                time.sleep(args.gap)  # the other side's OpenMP threads finish spinning first
                record = sides[side].batch(k)
                record["disturbed"] = is_disturbed(record["share"], record["others"] + record["steal"],
                                                   args.max_other)
                batches.append((side, record["median_ms"], record["disturbed"]))
                records.append((side, record))
                print("# batch %s round=%d k=%d median_ms=%.1f wall_s=%.2f others=%d steal=%d share=%.3f faults=%.0f%s" % (
                    side, number, record["iterations"], record["median_ms"], record["wall_s"], record["others"],
                    record["steal"], record["share"], record["faults_per_iteration"],
                    " DISTURBED" if record["disturbed"] else ""),
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
    return batches, records, memory, {s: sides[s].ready for s in "AB"}


def run(args):
    log = open(args.log, "a") if args.log else subprocess.DEVNULL
    rounds = []
    for number in range(1, args.rounds + 1):
        batches, records, memory, ready = run_round(args, number, log)
        clean, _ = pair_ratios(batches)
        print("# round %d/%d clean_pairs=%d/%d time=%.3f memory=%.2f a_mb=%.0f b_mb=%.0f" % (
            number, args.rounds, len(clean), len(batches) // 2,
            statistics.median(clean) if clean else float("nan"), memory["A"] / memory["B"], memory["A"],
            memory["B"]), file=sys.stderr, flush=True)
        rounds.append({"batches": batches, "records": records, "memory": memory, "ready": ready})
    return summarise(args, rounds)


def summarise(args, rounds):
    figures = round_statistics([r["batches"] for r in rounds], args.min_pairs_per_round, args.min_rounds,
                               args.min_pairs, args.seed)
    # The same statistics per cost evaluation: L-BFGS makes one or more per iteration, and how many
    # depends on the path the optimiser takes (on float rounding, and for VGG19 on each side's own
    # made-up weights), not on how fast either side computes one.
    per_evaluation = round_statistics(
        [[(side, record["ms_per_evaluation"], record["disturbed"]) for side, record in r["records"]] for r in rounds],
        args.min_pairs_per_round, args.min_rounds, args.min_pairs, args.seed)
    memory = memory_statistics([r["memory"] for r in rounds])
    ready = rounds[0]["ready"]
    # Per-side figures from the counted rounds' clean batches (all batches if there are none).
    counted = [rounds[i] for i in figures["counted"]] or rounds

    def side_figures(side):
        mine = [r for round_ in counted for s, r in round_["records"] if s == side]
        kept = [r for r in mine if not r["disturbed"]] or mine
        ms = statistics.median(r["median_ms"] for r in kept)
        evals = sum(r["evaluations"] for r in kept) / sum(r["iterations"] for r in kept)
        gflops = float(ready[side].get("gflop_per_eval", 0)) * evals / (ms / 1000.0)
        faults = statistics.median(r["faults_per_iteration"] for r in kept)
        return ms, evals, gflops, faults

    a_ms, a_evals, a_gflops, a_faults = side_figures("A")
    b_ms, b_evals, b_gflops, b_faults = side_figures("B")
    line = ("%s %s time=%.3f time_lo=%.3f time_hi=%.3f memory=%.2f disturbed=%d/%d pairs=%d judged=%s"
            " time_all=%.3f a_ms=%.1f b_ms=%.1f a_mb=%.0f b_mb=%.0f a_evals=%.2f b_evals=%.2f"
            " a_gflops=%.1f b_gflops=%.1f rounds=%d/%d round_times=%s memory_rounds=%s"
            " a_faults=%.0f b_faults=%.0f eval_time=%.3f eval_time_lo=%.3f eval_time_hi=%.3f") % (
        args.prefix, args.label, figures["time"], figures["time_lo"], figures["time_hi"], memory["memory"],
        figures["disturbed"], figures["batches"], figures["pairs"], "yes" if figures["judged"] else "no",
        figures["time_all"], a_ms, b_ms, memory["a_mb"], memory["b_mb"], a_evals, b_evals, a_gflops, b_gflops,
        len(figures["counted"]), len(rounds), ",".join("%.3f" % t for t in figures["round_times"]) or "nan",
        ",".join("%.2f" % m for m in memory["ratios"]), a_faults, b_faults, per_evaluation["time"],
        per_evaluation["time_lo"], per_evaluation["time_hi"])
    print(line, flush=True)
    if not figures["judged"]:
        print("too disturbed to judge %s: %d of %d batches disturbed; %d of %d rounds had at least %d clean pairs"
              " (need %d), %d clean pairs in them (need %d); run it on a quieter machine or with a longer --budget"
              % (args.label, figures["disturbed"], figures["batches"], len(figures["counted"]), len(rounds),
                 args.min_pairs_per_round, min(args.min_rounds, len(rounds)), figures["pairs"], args.min_pairs),
              file=sys.stderr, flush=True)
    return figures["judged"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--a", required=True, help="command of side A (the numerator)")
    parser.add_argument("--b", required=True, help="command of side B (the denominator)")
    parser.add_argument("--label", default="", help="key=value words naming the comparison")
    parser.add_argument("--prefix", default="RATIO")
    parser.add_argument("--rounds", type=int, default=4,
                        help="rounds, each with both sides started afresh (1: the single-round method)")
    parser.add_argument("--pairs", type=int, default=8, help="a round stops after this many clean pairs")
    parser.add_argument("--min-pairs-per-round", type=int, default=3,
                        help="a round with fewer clean pairs is left out of the statistics")
    parser.add_argument("--min-rounds", type=int, default=3,
                        help="fewer rounds left in (or all, if --rounds is smaller): too disturbed to judge")
    parser.add_argument("--min-pairs", type=int, default=6,
                        help="fewer clean pairs in the rounds left in: too disturbed to judge")
    parser.add_argument("--max-pairs", type=int, default=200, help="pairs per round at most")
    parser.add_argument("--budget", type=float, default=180,
                        help="seconds of batches at most, all rounds together (split evenly between them)")
    parser.add_argument("--batch-seconds", type=float, default=0.5)
    parser.add_argument("--max-iterations", type=int, default=8, help="iterations per batch at most")
    parser.add_argument("--max-other", type=float, default=0.05,
                        help="a batch is disturbed when others used more than this share of all CPUs")
    parser.add_argument("--gap", type=float, default=0.05, help="seconds between batches")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--log", default=None, help="append both sides' standard error here")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    return 0 if run(args) else 3


if __name__ == "__main__":
    sys.exit(main())
