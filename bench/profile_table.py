#!/usr/bin/python3
"""One evaluation (forward, cost, backward) of Atelier against PyTorch-Python, op by op, from the
libtorch profiler's Chrome traces that IterationProfile (Atelier, through DJL) and
reference.py --profile write:

    bench/profile_table.py ATELIER_TRACE[,TRACE...] PYTORCH_TRACE[,TRACE...]

prints a markdown table of milliseconds per category: top-level operators only (an operator's
children are inside its time), and "between operators", the evaluation's span less the
operators' time: what the host language spends on the calls (Java and JNI, or the Python
interpreter), plus the profiler's own cost per call, which is the same on both sides. Given
several traces per side (profiles taken in turns), each figure is the median over them.
"""

import json
import statistics
import sys

FORWARD = [
    ("convolution forward", ("aten::conv2d", "aten::convolution", "aten::_convolution")),
    ("Gram matrices forward", ("aten::matmul", "aten::mm", "aten::bmm")),
    ("max pooling forward", ("aten::max_pool2d",)),
    ("ReLU, concatenation forward", ("aten::relu", "aten::cat")),
]
BACKWARD = [
    ("convolution backward", ("ConvolutionBackward0",)),
    ("Gram matrices backward", ("MmBackward0", "BmmBackward0", "TBackward0", "PermuteBackward0",
                                "ViewBackward0", "ReshapeAliasBackward0")),
    ("max pooling backward", ("MaxPool2DWithIndicesBackward0",)),
    ("ReLU, concatenation backward", ("ReluBackward0", "CatBackward0")),
]
ORDER = ([name for name, _ in FORWARD] + ["cost and other forward"] + [name for name, _ in BACKWARD]
         + ["cost and other backward", "between operators"])
BACKWARD_PREFIX = "autograd::engine::evaluate_function: "


def events(path):
    with open(path) as f:
        data = json.load(f)
    listed = data["traceEvents"] if isinstance(data, dict) else data
    return [e for e in listed if e.get("ph") == "X" and "dur" in e]


def top_level(listed):
    """Events not inside another event of the same thread."""
    result = []
    ends = {}
    for e in sorted(listed, key=lambda e: (e["ts"], -e["dur"])):
        end = e["ts"] + e["dur"]
        if e["ts"] >= ends.get(e["tid"], -1):
            result.append(e)
            ends[e["tid"]] = end
        # nested events end before their parent; the parent's end stays the bound
    return result


def category(name):
    if name.startswith(BACKWARD_PREFIX):
        node = name[len(BACKWARD_PREFIX):]
        for label, nodes in BACKWARD:
            if node in nodes:
                return label
        return "cost and other backward"
    for label, ops in FORWARD:
        if name in ops:
            return label
    return "cost and other forward"


def breakdown(path):
    listed = events(path)
    tops = top_level(listed)
    totals = {name: 0.0 for name in ORDER}
    calls = 0
    for e in tops:
        totals[category(e["name"])] += e["dur"] / 1000.0
        calls += 1
    span = (max(e["ts"] + e["dur"] for e in listed) - min(e["ts"] for e in listed)) / 1000.0
    totals["between operators"] = span - sum(e["dur"] for e in tops) / 1000.0
    return totals, calls, span


def medians(paths):
    """The breakdown of each trace, then the median of each figure over the traces."""
    runs = [breakdown(path) for path in paths]
    totals = {name: statistics.median(run[0][name] for run in runs) for name in ORDER}
    return totals, statistics.median(run[1] for run in runs), statistics.median(run[2] for run in runs)


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    a, a_calls, a_span = medians(argv[1].split(","))
    p, p_calls, p_span = medians(argv[2].split(","))
    print("| one evaluation | Atelier ms | PyTorch ms | Atelier - PyTorch |")
    print("|---|---|---|---|")
    for name in ORDER:
        print("| %s | %.1f | %.1f | %+.1f |" % (name, a[name], p[name], a[name] - p[name]))
    print("| **span of the evaluation** | **%.1f** | **%.1f** | **%+.1f** |" % (a_span, p_span, a_span - p_span))
    print("| top-level operator calls | %d | %d | %+d |" % (a_calls, p_calls, a_calls - p_calls))


if __name__ == "__main__":
    main(sys.argv)
