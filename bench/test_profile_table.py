"""Tests of bench/profile_table.py on a synthetic trace: python3 -m unittest bench/test_profile_table.py"""

import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import profile_table  # noqa: E402


def event(name, ts, dur, tid=1):
    return {"name": name, "ph": "X", "ts": ts, "dur": dur, "tid": tid}


class ProfileTableTest(unittest.TestCase):

    def test_children_are_inside_their_parents_time_and_gaps_are_between_operators(self):
        trace = [event("aten::conv2d", 0, 1000), event("aten::mkldnn_convolution", 10, 980),
                 event("aten::mm", 1100, 200), event("aten::sub", 1400, 100),
                 event("autograd::engine::evaluate_function: ConvolutionBackward0", 1600, 2000),
                 event("ConvolutionBackward0", 1601, 1990), event("aten::convolution_backward", 1602, 1980),
                 event("autograd::engine::evaluate_function: SubBackward0", 3700, 300)]
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump({"traceEvents": trace}, f)
        try:
            totals, calls, span = profile_table.breakdown(f.name)
        finally:
            os.unlink(f.name)
        self.assertEqual(calls, 5)
        self.assertAlmostEqual(span, 4.0)
        self.assertAlmostEqual(totals["convolution forward"], 1.0)
        self.assertAlmostEqual(totals["Gram matrices forward"], 0.2)
        self.assertAlmostEqual(totals["cost and other forward"], 0.1)
        self.assertAlmostEqual(totals["convolution backward"], 2.0)
        self.assertAlmostEqual(totals["cost and other backward"], 0.3)
        self.assertAlmostEqual(totals["between operators"], 4.0 - 3.6)

    def test_several_traces_give_the_median_of_each_figure(self):
        paths = []
        try:
            for pooling in (1000, 3000, 2000):
                trace = [event("aten::max_pool2d", 0, pooling), event("aten::relu", pooling + 100, 400)]
                with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
                    json.dump({"traceEvents": trace}, f)
                paths.append(f.name)
            totals, calls, span = profile_table.medians(paths)
        finally:
            for path in paths:
                os.unlink(path)
        self.assertAlmostEqual(totals["max pooling forward"], 2.0)
        self.assertAlmostEqual(totals["ReLU, concatenation forward"], 0.4)
        self.assertAlmostEqual(totals["between operators"], 0.1)
        self.assertEqual(calls, 2)
        self.assertAlmostEqual(span, 2.5)

    def test_events_of_other_threads_are_not_nested_in_this_one(self):
        tops = profile_table.top_level([event("a", 0, 100, tid=1), event("b", 10, 20, tid=2)])
        self.assertEqual([e["name"] for e in tops], ["a", "b"])


if __name__ == "__main__":
    unittest.main()
