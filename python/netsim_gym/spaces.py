"""Gymnasium's space classes, or numpy-only stand-ins with the same semantics when gymnasium is absent.

The stand-ins implement what the environments need: ``shape``, ``dtype``, ``sample()``,
``contains(x)`` (and ``x in space``), ``seed(seed)``; ``Box`` has ``low`` and ``high``,
``Discrete`` ``n`` and ``start``, ``MultiDiscrete`` ``nvec``, ``Dict`` ``spaces``.
"""

from collections import OrderedDict

import numpy as np

try:  # pragma: no cover - depends on the machine
    from gymnasium.spaces import Box, Dict, Discrete, MultiDiscrete, Space  # noqa: F401

    GYMNASIUM = True
except ImportError:
    GYMNASIUM = False

    class Space:
        """Base of the stand-in spaces: a shape, a dtype and a random generator."""

        def __init__(self, shape=None, dtype=None, seed=None):
            self.shape = None if shape is None else tuple(int(s) for s in shape)
            self.dtype = None if dtype is None else np.dtype(dtype)
            self._np_random = None
            if seed is not None:
                self.seed(seed)

        @property
        def np_random(self):
            if self._np_random is None:
                self.seed()
            return self._np_random

        def seed(self, seed=None):
            self._np_random = np.random.default_rng(seed)
            return [seed]

        def __contains__(self, x):
            return self.contains(x)

    class Box(Space):
        """Real vectors with each element in [low, high]."""

        def __init__(self, low, high, shape=None, dtype=np.float64, seed=None):
            if shape is None:
                shape = np.shape(low) if np.ndim(low) else np.shape(high)
            super().__init__(shape, dtype, seed)
            self.low = np.broadcast_to(np.asarray(low, dtype=self.dtype), self.shape).copy()
            self.high = np.broadcast_to(np.asarray(high, dtype=self.dtype), self.shape).copy()

        def sample(self):
            return self.np_random.uniform(self.low, self.high, size=self.shape).astype(self.dtype)

        def contains(self, x):
            x = np.asarray(x)
            return (
                x.shape == self.shape
                and np.can_cast(x.dtype, self.dtype)
                and bool(np.all(x >= self.low))
                and bool(np.all(x <= self.high))
            )

        def __repr__(self):
            return f"Box({self.low.min()}, {self.high.max()}, {self.shape}, {self.dtype})"

        def __eq__(self, other):
            return (
                isinstance(other, Box)
                and self.shape == other.shape
                and self.dtype == other.dtype
                and np.array_equal(self.low, other.low)
                and np.array_equal(self.high, other.high)
            )

    class Discrete(Space):
        """The integers start, ..., start + n - 1."""

        def __init__(self, n, seed=None, start=0):
            super().__init__((), np.int64, seed)
            self.n = np.int64(n)
            self.start = np.int64(start)

        def sample(self):
            return np.int64(self.start + self.np_random.integers(self.n))

        def contains(self, x):
            if isinstance(x, (int, np.integer)) or (isinstance(x, np.ndarray) and x.shape == () and x.dtype.kind in "iu"):
                return bool(self.start <= int(x) < self.start + self.n)
            return False

        def __repr__(self):
            return f"Discrete({self.n})" if self.start == 0 else f"Discrete({self.n}, start={self.start})"

        def __eq__(self, other):
            return isinstance(other, Discrete) and self.n == other.n and self.start == other.start

    class MultiDiscrete(Space):
        """Integer arrays whose element i is in 0, ..., nvec[i] - 1."""

        def __init__(self, nvec, dtype=np.int64, seed=None):
            self.nvec = np.asarray(nvec, dtype=dtype)
            super().__init__(self.nvec.shape, dtype, seed)

        def sample(self):
            return (self.np_random.random(self.nvec.shape) * self.nvec).astype(self.dtype)

        def contains(self, x):
            x = np.asarray(x)
            return x.shape == self.shape and x.dtype.kind in "iu" and bool(np.all(x >= 0)) and bool(np.all(x < self.nvec))

        def __repr__(self):
            return f"MultiDiscrete({self.nvec})"

        def __eq__(self, other):
            return isinstance(other, MultiDiscrete) and np.array_equal(self.nvec, other.nvec)

    class Dict(Space):
        """A dictionary of named spaces."""

        def __init__(self, spaces=None, seed=None, **kwargs):
            spaces = OrderedDict(spaces or {}, **kwargs)
            self.spaces = spaces
            super().__init__(None, None, None)
            if seed is not None:
                self.seed(seed)

        def seed(self, seed=None):
            seeds = np.random.SeedSequence(seed).spawn(len(self.spaces))
            for space, s in zip(self.spaces.values(), seeds):
                space.seed(int(s.generate_state(1)[0]))
            self._np_random = np.random.default_rng(seed)
            return [seed]

        def sample(self):
            return OrderedDict((k, s.sample()) for k, s in self.spaces.items())

        def contains(self, x):
            return isinstance(x, dict) and x.keys() == self.spaces.keys() and all(s.contains(x[k]) for k, s in self.spaces.items())

        def __getitem__(self, key):
            return self.spaces[key]

        def keys(self):
            return self.spaces.keys()

        def __repr__(self):
            return "Dict(" + ", ".join(f"{k!r}: {s}" for k, s in self.spaces.items()) + ")"

        def __eq__(self, other):
            return isinstance(other, Dict) and self.spaces == other.spaces
