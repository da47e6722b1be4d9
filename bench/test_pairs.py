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
