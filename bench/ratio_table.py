#!/usr/bin/python3
"""The markdown table of docs/performance.md from RATIO lines of bench/pairs.py (one per configuration):

    bench/ratio_table.py [--peak-gflops G] [FILE ...]     (standard input without FILE)

Lines that are not RATIO lines are skipped, so a saved standard error of compare.sh can be given as
it is. Standard library only; tested in bench/test_pairs.py.
"""

import argparse
import math
import sys

HEADER = ("| backbone | size | opt | Atelier ms/it | PyTorch ms/it | time ratio [90 % interval] |"
          " rounds counted: their ratios | disturbed batches | ratio of all pairs | evals/it A / P |"
          " time per evaluation ratio [90 % interval] |"
          " Atelier peak MB | PyTorch peak MB | memory ratio | page faults/it A / P | Atelier GFLOP/s |"
          " Atelier % of peak | PyTorch % of peak |")


def words(line):
    return dict(word.split("=", 1) for word in line.split() if "=" in word)


def number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def row(line, peak_gflops=0.0):
    """One table row for one RATIO line."""
    w = words(line)
    f = {key: number(w.get(key)) for key in ("time", "time_lo", "time_hi", "time_all", "a_ms", "b_ms", "a_evals",
                                              "b_evals", "a_mb", "b_mb", "memory", "a_faults", "b_faults",
                                              "a_gflops", "b_gflops", "eval_time", "eval_time_lo",
                                              "eval_time_hi")}
    if w.get("judged") == "yes":
        verdict = "**%.2f** [%.2f, %.2f]" % (f["time"], f["time_lo"], f["time_hi"])
    else:
        verdict = "too disturbed (%.2f)" % f["time"]
    rounds = w.get("rounds", "")
    round_times = w.get("round_times", "nan")
    counted = rounds if round_times == "nan" else "%s: %s" % (rounds, round_times.replace(",", ", "))

    def share(gflops):
        return "%.0f %%" % (100 * gflops / peak_gflops) if peak_gflops > 0 else "–"

    per_evaluation = "–" if math.isnan(f["eval_time"]) else "%.2f [%.2f, %.2f]" % (
        f["eval_time"], f["eval_time_lo"], f["eval_time_hi"])
    return ("| %s | %s | %s | %.0f | %.0f | %s | %s | %s | %.2f | %.2f / %.2f | %s | %.0f | %.0f | **%.2f** | %.0f / %.0f"
            " | %.1f | %s | %s |") % (
        w.get("backbone"), w.get("size"), w.get("opt"), f["a_ms"], f["b_ms"], verdict, counted,
        w.get("disturbed"), f["time_all"], f["a_evals"], f["b_evals"], per_evaluation, f["a_mb"], f["b_mb"], f["memory"],
        f["a_faults"], f["b_faults"], f["a_gflops"], share(f["a_gflops"]), share(f["b_gflops"]))


def table(lines, peak_gflops=0.0):
    rows = [row(line, peak_gflops) for line in lines if line.startswith("RATIO ")]
    return "\n".join([HEADER, "|" + "---|" * (HEADER.count("|") - 1)] + rows)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peak-gflops", type=float, default=0.0)
    parser.add_argument("files", nargs="*")
    args = parser.parse_args(argv)
    lines = []
    for name in args.files or ["-"]:
        source = sys.stdin if name == "-" else open(name)
        lines.extend(line.strip() for line in source)
    print(table(lines, args.peak_gflops))
    return 0


if __name__ == "__main__":
    sys.exit(main())
