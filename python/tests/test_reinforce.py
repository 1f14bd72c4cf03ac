"""The numpy REINFORCE example learns: on 30 worlds it never trained on, its greedy policy beats
all-local and the uniformly random policy with 95% confidence (paired t over the seeds)."""

import os
import sys
import unittest

from support import PYTHON

sys.path.insert(0, os.path.join(PYTHON, "examples"))
import reinforce  # noqa: E402


class ReinforceTests(unittest.TestCase):
    def test_the_trained_policy_beats_local_and_random_on_unseen_seeds(self):
        results = reinforce.run(updates=80, eval_seeds=30, log=None)
        # The lower end of the two-sided 95% interval of the paired mean difference is above 0: if the
        # policy were no better, an interval this far from 0 would come with probability under 2.5%.
        # Training and evaluation seeds are fixed, so the outcome is the same on every run.
        for baseline in ("local", "random"):
            mean, low, high = results[f"vs_{baseline}"]
            self.assertGreater(low, 0, f"reinforce - {baseline}: {mean:.2f}, 95% CI [{low:.2f}, {high:.2f}]")
        self.assertTrue(set(reinforce.EVAL_SEED + i for i in range(30)).isdisjoint(reinforce.TRAIN_SEED + 1000 * u + i for u in range(80) for i in range(8)))

    def test_the_t_quantile_matches_the_tables(self):
        # Student t 0.975 quantiles from the standard tables.
        for df, expected in ((1, 12.706), (4, 2.776), (29, 2.045)):
            self.assertAlmostEqual(reinforce.t_quantile(0.975, df), expected, places=3)


if __name__ == "__main__":
    unittest.main()
