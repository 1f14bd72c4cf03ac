"""Item 4 of issue 15: the same numbers from both sides. The decisions `netsim run` made under a
policy, sent from Python as a fixed action sequence through `netsim serve`, give every task exactly
the latency, energy and outcome the run's trace database records."""

import os
import sqlite3
import subprocess
import tempfile
import unittest

import numpy as np

from support import SMALL, ZHOU
import netsim_gym
from netsim_gym.protocol import overrides_of


class SameNumbersTests(unittest.TestCase):
    def replay(self, policy, seed):
        with tempfile.TemporaryDirectory() as scratch:
            database = os.path.join(scratch, "run.db")
            command = netsim_gym.netsim_command() + ["run", ZHOU, "--policy", policy, "--seed", str(seed), "--trace", "tasks", "--out", database]
            done = subprocess.run(command + overrides_of(SMALL), capture_output=True, text=True, env=dict(os.environ, NO_COLOR="1"))
            self.assertEqual(done.returncode, 0, done.stderr)
            with sqlite3.connect(database) as db:
                rows = db.execute("SELECT task_id, ue, created, target, latency, energy_j, status FROM tasks ORDER BY task_id").fetchall()
        # The run's decisions as actions: per slot (the tasks' creation time), each device's target.
        targets = {(ue, created): 0 if target == "local" else 1 + int(target.split(":")[1]) for _, ue, created, target, *_ in rows}
        env = netsim_gym.make(ZHOU, **SMALL)
        try:
            observation, info = env.reset(seed=seed)
            while True:
                action = np.array([targets.get((ue, info["now"]), 0) for ue in range(env.devices)])
                observation, reward, terminated, truncated, info = env.step(action)
                if terminated or truncated:
                    break
            ended = env.task_results()
        finally:
            env.close()
        return rows, ended

    def assert_same(self, rows, ended):
        order = np.argsort(ended["task_id"])
        self.assertEqual([r[0] for r in rows], list(ended["task_id"][order]))
        # Exact equality of doubles: the same world computed the same way, not approximately.
        self.assertEqual([r[4] for r in rows], list(ended["latency"][order]))
        self.assertEqual([r[5] for r in rows], list(ended["energy_j"][order]))
        self.assertEqual([r[6] == "completed" for r in rows], list(ended["completed"][order]))

    def test_greedy_decisions_replayed_from_python_give_the_run_s_task_results(self):
        rows, ended = self.replay("greedy", 17)
        # Greedy spreads the tasks over several stations and the devices: the replay covers uploads, not only local work.
        self.assertGreater(len({r[3] for r in rows}), 2)
        self.assertEqual(len(rows), 50)
        self.assert_same(rows, ended)

    def test_all_local_decisions_give_the_run_s_task_results(self):
        self.assert_same(*self.replay("local", 4))


if __name__ == "__main__":
    unittest.main()
