"""Tests of bench/pairs.py's statistics on synthetic data: python3 -m unittest bench/test_pairs.py"""

import os
import random
import statistics
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pairs  # noqa: E402


class PairRatiosTest(unittest.TestCase):

    def test_pairs_adjacent_batches_whichever_side_went_first(self):
        batches = [("A", 10.0, False), ("B", 20.0, False), ("B", 30.0, False), ("A", 45.0, False)]
        clean, every = pairs.pair_ratios(batches)
        self.assertEqual(clean, [0.5, 1.5])
        self.assertEqual(every, [0.5, 1.5])

    def test_a_disturbed_batch_drops_its_pair_from_the_clean_ratios_only(self):
        batches = [("A", 10.0, False), ("B", 20.0, True), ("B", 20.0, False), ("A", 30.0, False),
                   ("A", 40.0, True), ("B", 20.0, False)]
        clean, every = pairs.pair_ratios(batches)
        self.assertEqual(clean, [1.5])
        self.assertEqual(every, [0.5, 1.5, 2.0])

    def test_an_unpaired_last_batch_is_ignored(self):
        clean, _ = pairs.pair_ratios([("A", 10.0, False), ("B", 10.0, False), ("A", 99.0, False)])
        self.assertEqual(clean, [1.0])

    def test_two_batches_of_one_side_are_no_pair(self):
        with self.assertRaises(ValueError):
            pairs.pair_ratios([("A", 1.0, False), ("A", 1.0, False)])

    def test_a_drift_common_to_both_sides_cancels_in_the_pair_ratios(self):
        # The machine slows down 3x over the run; A is 0.8 of B throughout.
        batches = []
        for i in range(40):
            speed = 1 + 2 * i / 39
            order = ("A", "B") if i % 2 == 0 else ("B", "A")
            for side in order:
                batches.append((side, (80.0 if side == "A" else 100.0) * speed, False))
        clean, _ = pairs.pair_ratios(batches)
        self.assertAlmostEqual(statistics.median(clean), 0.8, places=9)
        self.assertTrue(all(abs(r - 0.8) < 1e-9 for r in clean))


class BootstrapTest(unittest.TestCase):

    def test_interval_holds_the_median_and_lies_within_the_data(self):
        rng = random.Random(7)
        values = [rng.gauss(0.9, 0.05) for _ in range(30)]
        low, high = pairs.bootstrap_interval(values)
        self.assertLessEqual(low, statistics.median(values))
        self.assertGreaterEqual(high, statistics.median(values))
        self.assertGreaterEqual(low, min(values))
        self.assertLessEqual(high, max(values))

    def test_interval_narrows_with_more_pairs(self):
        rng = random.Random(3)
        few = [rng.gauss(1.0, 0.1) for _ in range(8)]
        many = [rng.gauss(1.0, 0.1) for _ in range(200)]
        few_low, few_high = pairs.bootstrap_interval(few)
        many_low, many_high = pairs.bootstrap_interval(many)
        self.assertLess(many_high - many_low, few_high - few_low)

    def test_interval_covers_the_true_median_about_90_percent_of_the_time(self):
        rng = random.Random(11)
        covered = 0
        trials = 200
        for trial in range(trials):
            values = [rng.lognormvariate(0.0, 0.2) for _ in range(25)]  # true median 1.0
            low, high = pairs.bootstrap_interval(values, resamples=500, seed=trial)
            covered += low <= 1.0 <= high
        self.assertGreater(covered / trials, 0.8)
        self.assertLess(covered / trials, 0.98)

    def test_same_seed_same_interval_and_identical_values_give_a_point(self):
        values = [1.0, 1.1, 0.9, 1.05, 0.95]
        self.assertEqual(pairs.bootstrap_interval(values, seed=5), pairs.bootstrap_interval(values, seed=5))
        self.assertEqual(pairs.bootstrap_interval([0.7] * 10), (0.7, 0.7))

    def test_no_values_no_interval(self):
        low, high = pairs.bootstrap_interval([])
        self.assertNotEqual(low, low)  # nan
        self.assertNotEqual(high, high)


def synthetic_rounds(levels, pairs_per_round=8, scatter=0.01, seed=1):
    """Clean pair ratios per round: each round's processes run at their own level, and the pairs
    within a round scatter tightly around it."""
    rng = random.Random(seed)
    return [[rng.gauss(level, scatter) for _ in range(pairs_per_round)] for level in levels]


def round_batches(ratios, disturbed=()):
    """A round's batches (side, ms, disturbed) whose pairs have the given A/B ratios; the pairs
    whose indices are in `disturbed` have their A batch disturbed."""
    batches = []
    for i, ratio in enumerate(ratios):
        a, b = ("A", 100.0 * ratio, i in disturbed), ("B", 100.0, False)
        batches.extend((a, b) if i % 2 == 0 else (b, a))
    return batches


def width(interval):
    return interval[1] - interval[0]


class HierarchicalIntervalTest(unittest.TestCase):

    def test_a_process_level_factor_widens_the_interval_where_pooled_pairs_do_not(self):
        # Three rounds' processes run at 0.8, one round's at 1.2 (the +-25 % seen between processes
        # started a minute apart), each round's pairs within 1 %. Pooled, 32 pairs put the median
        # firmly at 0.8; whether the next pair of processes lands at 0.8 or 1.2 is what 4 rounds cannot say.
        rounds = synthetic_rounds([0.8, 0.8, 0.8, 1.2])
        pooled = pairs.bootstrap_interval([r for ratios in rounds for r in ratios])
        low, high = pairs.hierarchical_interval(rounds)
        self.assertLess(width(pooled), 0.03)
        self.assertLessEqual(low, 0.81)
        self.assertGreaterEqual(high, 1.19)
        self.assertGreater(width((low, high)), 10 * width(pooled))

    def test_rounds_spread_between_levels_give_an_interval_spanning_them(self):
        # Levels 0.8, 0.9, 1.1, 1.2: the pooled median wanders only between the middle two rounds.
        rounds = synthetic_rounds([0.8, 0.9, 1.1, 1.2])
        pooled = pairs.bootstrap_interval([r for ratios in rounds for r in ratios])
        low, high = pairs.hierarchical_interval(rounds)
        self.assertLess(low, 0.85)
        self.assertGreater(high, 1.15)
        self.assertGreater(width((low, high)), 1.5 * width(pooled))

    def test_two_rounds_at_each_of_two_levels_give_an_interval_holding_both(self):
        # (With exactly half the pairs at each level the pooled bootstrap's median flips between the
        # levels as well, so this case does not tell the two methods apart; the cases above do.)
        low, high = pairs.hierarchical_interval(synthetic_rounds([0.8, 1.2, 0.8, 1.2]))
        self.assertLessEqual(low, 0.81)
        self.assertGreaterEqual(high, 1.19)

    def test_identical_rounds_give_about_the_pooled_interval(self):
        # Resampling twice over is somewhat conservative when the rounds do not differ: a little wider, never narrower by much.
        for seed in range(10):
            rounds = synthetic_rounds([0.9] * 4, scatter=0.03, seed=seed)
            pooled = pairs.bootstrap_interval([r for ratios in rounds for r in ratios])
            low, high = pairs.hierarchical_interval(rounds)
            self.assertAlmostEqual(low, pooled[0], delta=0.012)
            self.assertAlmostEqual(high, pooled[1], delta=0.012)
            self.assertGreater(width((low, high)), 0.9 * width(pooled))
            self.assertLess(width((low, high)), 1.8 * width(pooled))

    def test_one_round_is_the_plain_bootstrap_of_its_pairs(self):
        ratios = synthetic_rounds([0.9], scatter=0.05)[0]
        self.assertEqual(pairs.hierarchical_interval([ratios], seed=4), pairs.bootstrap_interval(ratios, seed=4))

    def test_same_seed_same_interval_and_no_rounds_no_interval(self):
        rounds = synthetic_rounds([0.8, 1.0, 1.1])
        self.assertEqual(pairs.hierarchical_interval(rounds, seed=2), pairs.hierarchical_interval(rounds, seed=2))
        low, high = pairs.hierarchical_interval([])
        self.assertNotEqual(low, low)  # nan
        self.assertNotEqual(high, high)


class RoundStatisticsTest(unittest.TestCase):

    def test_time_is_the_median_of_the_counted_rounds_pairs_pooled(self):
        rounds = [round_batches([0.8, 0.9, 1.0]), round_batches([1.1, 1.2, 1.3, 1.4])]
        figures = pairs.round_statistics(rounds, min_rounds=2)
        self.assertAlmostEqual(figures["time"], 1.1)
        self.assertEqual(figures["pairs"], 7)
        self.assertEqual(figures["counted"], [0, 1])
        self.assertEqual([round(t, 6) for t in figures["round_times"]], [0.9, 1.25])

    def test_a_round_below_the_minimum_of_clean_pairs_is_left_out(self):
        # Round 3 kept only two clean pairs (at 2.0, a process that ran slow): neither its pairs nor its
        # median enter the figures; time_all and the disturbed count still see all batches.
        slow = round_batches([2.0, 2.0, 2.0, 2.0, 2.0], disturbed={0, 1, 2})
        rounds = [round_batches([0.9] * 4), round_batches([1.0] * 4), slow, round_batches([1.1] * 4)]
        figures = pairs.round_statistics(rounds, min_pairs_per_round=3)
        self.assertEqual(figures["counted"], [0, 1, 3])
        self.assertEqual(figures["pairs"], 12)
        self.assertAlmostEqual(figures["time"], 1.0)
        self.assertLessEqual(figures["time_hi"], 1.1 + 1e-9)
        self.assertEqual(len(figures["round_times"]), 3)
        self.assertEqual(figures["disturbed"], 3)
        self.assertEqual(figures["batches"], 3 * 8 + 10)
        self.assertTrue(figures["judged"])
        # the same round with three clean pairs counts
        slow = round_batches([2.0, 2.0, 2.0, 2.0, 2.0], disturbed={0, 1})
        figures = pairs.round_statistics(rounds[:2] + [slow] + rounds[3:], min_pairs_per_round=3)
        self.assertEqual(figures["counted"], [0, 1, 2, 3])
        self.assertEqual(figures["pairs"], 15)
        self.assertAlmostEqual(figures["round_times"][2], 2.0)

    def test_judged_needs_enough_counted_rounds(self):
        good, poor = round_batches([1.0] * 4), round_batches([1.0] * 4, disturbed={0, 1})
        self.assertTrue(pairs.round_statistics([good, good, good, poor], min_rounds=3)["judged"])
        self.assertFalse(pairs.round_statistics([good, good, poor, poor], min_rounds=3)["judged"])
        self.assertFalse(pairs.round_statistics([poor] * 4, min_rounds=3)["judged"])

    def test_judged_needs_no_more_rounds_than_were_run(self):
        good = round_batches([1.0] * 4)
        self.assertTrue(pairs.round_statistics([good, good], min_rounds=3)["judged"])
        self.assertFalse(pairs.round_statistics([good, round_batches([1.0] * 4, disturbed={0, 1})],
                                                min_rounds=3)["judged"])

    def test_one_round_is_judged_on_its_clean_pairs_as_the_single_round_method_was(self):
        def one_round(clean_pairs):
            return pairs.round_statistics([round_batches([1.0] * 8, disturbed=set(range(8 - clean_pairs)))],
                                          min_pairs_per_round=3, min_rounds=3, min_pairs=6)
        self.assertTrue(one_round(6)["judged"])
        self.assertFalse(one_round(5)["judged"])
        self.assertFalse(one_round(2)["judged"])
        ratios = [0.8, 0.9, 1.0, 1.05, 1.1, 1.3]
        figures = pairs.round_statistics([round_batches(ratios)], min_rounds=3)
        self.assertEqual((figures["time_lo"], figures["time_hi"]), pairs.bootstrap_interval(ratios))

    def test_judged_needs_the_minimum_of_clean_pairs_in_all(self):
        three = round_batches([1.0] * 3)
        self.assertTrue(pairs.round_statistics([three] * 3, min_pairs=9)["judged"])
        self.assertFalse(pairs.round_statistics([three] * 3, min_pairs=10)["judged"])

    def test_no_pairs_at_all_give_nan_and_no_judgement(self):
        figures = pairs.round_statistics([[], []])
        self.assertNotEqual(figures["time"], figures["time"])
        self.assertNotEqual(figures["time_all"], figures["time_all"])
        self.assertEqual(figures["round_times"], [])
        self.assertFalse(figures["judged"])


class MemoryStatisticsTest(unittest.TestCase):

    def test_memory_is_the_median_over_rounds_of_each_rounds_ratio(self):
        figures = pairs.memory_statistics([{"A": 330, "B": 300}, {"A": 320, "B": 320}, {"A": 360, "B": 300},
                                           {"A": 310, "B": 310}])
        self.assertEqual([round(r, 3) for r in figures["ratios"]], [1.1, 1.0, 1.2, 1.0])
        self.assertAlmostEqual(figures["memory"], 1.05)
        self.assertEqual(figures["a_mb"], 325)
        self.assertEqual(figures["b_mb"], 305)


class DisturbanceTest(unittest.TestCase):

    def test_share_is_what_others_and_the_hypervisor_took_of_all_cores(self):
        # 1 s on 2 cores at 100 Hz = 200 ticks; the side used 180, the machine was busy 200, 10 stolen.
        self.assertAlmostEqual(pairs.disturbance(200, 10, 180, 1.0, 2, hz=100), 30 / 200)

    def test_a_side_busier_than_the_machine_count_is_no_negative_disturbance(self):
        # per-process and machine ticks are rounded differently
        self.assertEqual(pairs.disturbance(178, 0, 180, 1.0, 2, hz=100), 0.0)

    def test_filter_flags_a_busy_neighbour_and_spares_a_quiet_batch(self):
        quiet = pairs.disturbance(101, 0, 100, 0.5, 2, hz=100)
        busy = pairs.disturbance(150, 0, 100, 0.5, 2, hz=100)
        self.assertFalse(pairs.is_disturbed(quiet, 1, 0.05))
        self.assertTrue(pairs.is_disturbed(busy, 50, 0.05))

    def test_a_couple_of_ticks_in_a_short_batch_is_not_a_disturbance(self):
        share = pairs.disturbance(22, 0, 20, 0.1, 2, hz=100)  # 2 ticks of 20 = 10 %
        self.assertFalse(pairs.is_disturbed(share, 2, 0.05))
        self.assertTrue(pairs.is_disturbed(pairs.disturbance(25, 0, 20, 0.1, 2, hz=100), 5, 0.05))

    def test_steal_alone_disturbs(self):
        share = pairs.disturbance(100, 40, 100, 0.5, 2, hz=100)
        self.assertTrue(pairs.is_disturbed(share, 40, 0.05))

    def test_filtering_recovers_the_true_ratio_where_disturbances_hit_one_side(self):
        # A is 0.9 of B; a neighbour doubles a third of the batches, and the filter knows which.
        rng = random.Random(5)
        batches = []
        for i in range(60):
            for side in (("A", "B") if i % 2 == 0 else ("B", "A")):
                hit = rng.random() < 1 / 3
                base = 90.0 if side == "A" else 100.0
                batches.append((side, base * (2.0 if hit else 1.0) * rng.uniform(0.98, 1.02), hit))
        clean, every = pairs.pair_ratios(batches)
        low, high = pairs.bootstrap_interval(clean)
        self.assertLessEqual(low, 0.9)
        self.assertGreaterEqual(high, 0.9)
        self.assertLess(high - low, 0.03)
        # unfiltered, the pairs where only one side was hit scatter the ratios by 2x
        self.assertGreater(max(every) / min(every), 3.0)


class ProcTest(unittest.TestCase):

    @unittest.skipUnless(os.path.exists("/proc/stat"), "Linux only")
    def test_this_process_is_in_its_own_tree_and_its_ticks_grow_with_work(self):
        tree = pairs.process_tree(os.getpid())
        self.assertIn(os.getpid(), tree)
        before = pairs.process_ticks([os.getpid()])
        deadline = __import__("time").process_time() + 0.3
        while __import__("time").process_time() < deadline:
            pass
        self.assertGreater(pairs.process_ticks([os.getpid()]), before)
        busy, steal = pairs.machine_ticks()
        self.assertGreater(busy, 0)
        self.assertGreaterEqual(steal, 0)


if __name__ == "__main__":
    unittest.main()


class RatioTableTest(unittest.TestCase):
    """bench/ratio_table.py: the docs' table from RATIO lines."""

    LINE = ("RATIO backbone=squeezenet1_1 size=512 opt=adam time=0.681 time_lo=0.601 time_hi=0.929 memory=1.09"
            " disturbed=11/86 pairs=32 judged=yes time_all=0.712 a_ms=154.8 b_ms=207.2 a_mb=500 b_mb=459"
            " a_evals=1.00 b_evals=1.00 a_gflops=47.2 b_gflops=35.2 rounds=4/4 round_times=0.804,1.063,0.591,0.671"
            " memory_rounds=1.10,1.11,1.04,1.08 a_faults=80 b_faults=6072")

    def test_a_judged_line_shows_its_interval_rounds_and_faults(self):
        import ratio_table
        row = ratio_table.row(self.LINE, peak_gflops=236.0)
        self.assertIn("| squeezenet1_1 | 512 | adam | 155 | 207 | **0.68** [0.60, 0.93] |", row)
        self.assertIn("| 4/4: 0.804, 1.063, 0.591, 0.671 | 11/86 |", row)
        self.assertIn("| **1.09** | 80 / 6072 | 47.2 | 20 % | 15 % |", row)

    def test_the_time_per_evaluation_ratio_shows_when_the_line_has_it(self):
        import ratio_table
        with_it = ratio_table.row(self.LINE + " eval_time=0.812 eval_time_lo=0.700 eval_time_hi=0.905")
        self.assertIn("| 1.00 / 1.00 | 0.81 [0.70, 0.91] |", with_it)
        self.assertIn("| 1.00 / 1.00 | – |", ratio_table.row(self.LINE))

    def test_an_unjudged_line_says_so_and_other_lines_are_skipped(self):
        import ratio_table
        line = self.LINE.replace("judged=yes", "judged=no").replace("rounds=4/4 round_times=0.804,1.063,0.591,0.671",
                                                                      "rounds=0/4 round_times=nan")
        text = ratio_table.table(["# round 1/4 clean_pairs=2/9", line, "too disturbed to judge ..."])
        rows = text.splitlines()
        self.assertEqual(3, len(rows))
        self.assertIn("| too disturbed (0.68) | 0/4 |", rows[2])
        self.assertEqual(rows[0].count("|"), rows[1].count("|"))


class PerEvaluationTest(unittest.TestCase):
    """summarise: the time per evaluation beside the time per iteration."""

    def test_a_side_that_evaluates_twice_per_iteration_is_level_per_evaluation(self):
        import argparse
        import contextlib
        import io

        def record(ms_per_iteration, evaluations_per_iteration):
            return {"median_ms": ms_per_iteration, "iterations": 4, "evaluations": 4 * evaluations_per_iteration,
                    "ms_per_evaluation": ms_per_iteration / evaluations_per_iteration, "disturbed": False,
                    "faults_per_iteration": 0}

        rounds = []
        for _ in range(3):
            records = []
            for i in range(4):
                records += [("A", record(200.0 + i, 2)), ("B", record(100.0 + i / 2, 1))]
            rounds.append({"batches": [(s, r["median_ms"], False) for s, r in records], "records": records,
                           "memory": {"A": 500.0, "B": 500.0},
                           "ready": {"A": {"gflop_per_eval": "1"}, "B": {"gflop_per_eval": "1"}}})
        args = argparse.Namespace(min_pairs_per_round=3, min_rounds=3, min_pairs=6, seed=1, prefix="RATIO",
                                  label="name=test")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            pairs.summarise(args, rounds)
        fields = pairs.words(out.getvalue())
        self.assertAlmostEqual(float(fields["time"]), 2.0, places=2)
        self.assertAlmostEqual(float(fields["eval_time"]), 1.0, places=2)
        self.assertLessEqual(float(fields["eval_time_lo"]), 1.0)
        self.assertGreaterEqual(float(fields["eval_time_hi"]), 1.0)
