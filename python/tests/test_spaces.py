"""The space classes follow Gymnasium's semantics (the stand-ins when gymnasium is absent)."""

import unittest

import numpy as np

from support import PYTHON  # noqa: F401  (puts the package on the path)
from netsim_gym import Box, Dict, Discrete, MultiDiscrete


class SpaceTests(unittest.TestCase):
    def test_box_samples_lie_inside_and_contains_checks_shape_and_bounds(self):
        box = Box(0.0, 10.0, shape=(4,), dtype=np.float64, seed=3)
        for _ in range(100):
            self.assertIn(box.sample(), box)
        self.assertEqual(box.shape, (4,))
        self.assertNotIn(np.full(4, 10.5), box)
        self.assertNotIn(np.zeros(3), box)

    def test_discrete_and_multidiscrete_sample_every_value_and_nothing_outside(self):
        discrete = Discrete(6, seed=1)
        self.assertEqual({int(discrete.sample()) for _ in range(500)}, set(range(6)))
        self.assertNotIn(6, discrete)
        self.assertNotIn(-1, discrete)
        multi = MultiDiscrete([3, 6], seed=1)
        samples = np.array([multi.sample() for _ in range(500)])
        self.assertEqual(set(samples[:, 0]), {0, 1, 2})
        self.assertEqual(set(samples[:, 1]), set(range(6)))
        self.assertIn(np.array([2, 5]), multi)
        self.assertNotIn(np.array([3, 0]), multi)

    def test_a_seed_reproduces_the_samples(self):
        a, b = MultiDiscrete([6] * 5, seed=7), MultiDiscrete([6] * 5, seed=7)
        self.assertTrue(all(np.array_equal(a.sample(), b.sample()) for _ in range(20)))

    def test_dict_holds_named_spaces(self):
        d = Dict({"a": Discrete(2), "b": Box(0.0, 1.0, shape=(2,))}, seed=0)
        sample = d.sample()
        self.assertEqual(list(sample), ["a", "b"])
        self.assertIn(sample, d)
        self.assertNotIn({"a": 0}, d)


if __name__ == "__main__":
    unittest.main()
