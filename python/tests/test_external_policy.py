"""A Python policy in `netsim run` (the policy `external`, served by netsim_gym.serve_policy): the
decisions it answers are the ones the run executes, a trained policy gives the database that its
evaluation through netsim_gym gives, and a policy process that fails, stalls or speaks out of
protocol ends the run with one line saying so (exit 1), never a hang."""

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest

import numpy as np

from support import PYTHON, SMALL, ZHOU
import netsim_gym
from netsim_gym.protocol import overrides_of

sys.path.insert(0, os.path.join(PYTHON, "examples"))
import reinforce  # noqa: E402

ROWS = "SELECT task_id, ue, created, target, latency, energy_j, status FROM tasks ORDER BY run_id, task_id"


def netsim(*args):
    return subprocess.run(netsim_gym.netsim_command() + list(args), capture_output=True, text=True, env=dict(os.environ, NO_COLOR="1"), timeout=600)


def rows_of(database):
    with sqlite3.connect(database) as db:
        return db.execute(ROWS).fetchall()


def python_command(script, *args):
    """A command line for policy.options.command: this interpreter (which has numpy) running ``script``."""
    return " ".join([sys.executable, script] + list(args))


class ExternalPolicyTests(unittest.TestCase):
    def setUp(self):
        self.scratch = tempfile.TemporaryDirectory()
        self.addCleanup(self.scratch.cleanup)
        self.dir = self.scratch.name

    def script(self, name, body):
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            f.write(f"import sys\nsys.path.insert(0, {PYTHON!r})\nimport numpy as np\nimport netsim_gym\n" + textwrap.dedent(body))
        return path

    def run_external(self, command, *more, seed=17, out="external.db"):
        database = os.path.join(self.dir, out)
        done = netsim("run", ZHOU, "--policy", "external", "--seed", str(seed), "--trace", "tasks", "--out", database, "--set", f"policy.options.command={command}", *more, *overrides_of(SMALL))
        return done, database

    def test_greedy_decisions_answered_by_a_python_process_give_greedy_s_database(self):
        greedy = os.path.join(self.dir, "greedy.db")
        done = netsim("run", ZHOU, "--policy", "greedy", "--seed", "17", "--trace", "tasks", "--out", greedy, *overrides_of(SMALL))
        self.assertEqual(done.returncode, 0, done.stderr)
        expected = rows_of(greedy)
        # The replaying policy knows greedy's targets by (UE, slot) and nothing else; it prints on
        # standard output, which serve_policy moves to standard error, to show that print is harmless.
        replay = self.script("replay.py", f"""
            import sqlite3
            with sqlite3.connect({greedy!r}) as db:
                targets = {{(ue, created): 0 if t == "local" else 1 + int(t.split(":")[1]) for ue, created, t in db.execute("SELECT ue, created, target FROM tasks")}}
            def make(hello):
                devices = hello["devices"]
                def decide(observation, now):
                    print("slot", now)
                    return [targets.get((ue, now), 0) if observation[ue, 0] > 0 else 0 for ue in range(devices)]
                return decide
            netsim_gym.serve_policy(make)
            """)
        done, database = self.run_external(python_command(replay))
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn("policy process: slot 0.0", done.stderr)
        actual = rows_of(database)
        # Greedy spreads tasks over several stations: the replay exercises uploads, not only local work.
        self.assertGreater(len({r[3] for r in expected}), 2)
        self.assertEqual(len(actual), 50)
        # Exact equality of every double: the same world executing the same decisions.
        self.assertEqual(actual, expected)

    def test_a_trained_policy_in_netsim_run_gives_its_netsim_gym_evaluation_and_beats_all_local(self):
        policy = reinforce.train(updates=80, log=None)
        theta = os.path.join(self.dir, "theta.npy")
        np.save(theta, policy.theta)
        served = os.path.join(PYTHON, "examples", "reinforce_policy.py")
        seed = reinforce.EVAL_SEED
        done, database = self.run_external(python_command(served, theta), "--replications", "3", seed=seed)
        self.assertEqual(done.returncode, 0, done.stderr)
        rows = rows_of(database)
        local = os.path.join(self.dir, "local.db")
        self.assertEqual(netsim("run", ZHOU, "--policy", "local", "--seed", str(seed), "--replications", "3", "--trace", "tasks", "--out", local, *overrides_of(SMALL)).returncode, 0)
        # The same policy stepped through netsim serve on the same replications ends every task identically.
        env = netsim_gym.make(ZHOU, **SMALL)
        try:
            ended = []
            for replication in range(3):
                observation, info = env.reset(seed=seed, options={"replication": replication})
                while True:
                    observation, reward, terminated, truncated, info = env.step(policy.greedy(observation))
                    if terminated or truncated:
                        break
                results = env.task_results()
                order = np.argsort(results["task_id"])
                ended += list(zip(results["latency"][order], results["energy_j"][order]))
        finally:
            env.close()
        self.assertEqual([(r[4], r[5]) for r in rows], ended)
        # The trained policy offloads, and in netsim run's own database it is faster than all-local in
        # every replication: local work takes 167 ms a task here, the trained policy's mean is about 60 ms.
        self.assertTrue(any(r[3] != "local" for r in rows))
        with sqlite3.connect(database) as a, sqlite3.connect(local) as b:
            learned = a.execute("SELECT AVG(latency) FROM tasks GROUP BY run_id ORDER BY run_id").fetchall()
            baseline = b.execute("SELECT AVG(latency) FROM tasks GROUP BY run_id ORDER BY run_id").fetchall()
        self.assertEqual(len(learned), 3)
        for (x,), (y,) in zip(learned, baseline):
            self.assertLess(x, y)

    def assert_fails(self, done, *phrases):
        self.assertEqual(done.returncode, 1, done.stderr)
        self.assertNotIn("   at ", done.stderr)
        lines = [line for line in done.stderr.splitlines() if line.startswith("netsim run:")]
        self.assertEqual(len(lines), 1, done.stderr)
        for phrase in phrases:
            self.assertIn(phrase, lines[0])

    def test_a_process_that_ends_at_once_fails_the_run_with_its_exit_code(self):
        done, _ = self.run_external("echo 'no policy here' >&2; exit 3")
        # It may end before netsim writes the handshake or before it reads the answer: either way, the handshake.
        self.assert_fails(done, "the handshake", "exit code 3", "no policy here")

    def test_a_process_that_does_not_answer_is_stopped_after_the_timeout(self):
        done, _ = self.run_external("sleep 600", "--set", "policy.options.timeout=500ms")
        self.assert_fails(done, "did not answer the handshake within 0.5 s", "policy.options.timeout")

    def test_a_process_writing_text_on_standard_output_is_out_of_protocol(self):
        done, _ = self.run_external("echo hello; sleep 600")
        self.assert_fails(done, "is not the policy protocol")

    def test_an_action_out_of_range_and_an_exception_in_the_policy_are_named(self):
        wild = self.script("wild.py", """
            netsim_gym.serve_policy(lambda hello: (lambda observation, now: [99] * hello["devices"]))
            """)
        self.assert_fails(self.run_external(python_command(wild))[0], "device 0: action 99 out of range 0..5", "local, edge:0")
        broken = self.script("broken.py", """
            def decide(observation, now):
                raise ValueError("no idea what to do")
            netsim_gym.serve_policy(lambda hello: decide)
            """)
        done, _ = self.run_external(python_command(broken))
        self.assert_fails(done, "answered the decision with an error: ValueError: no idea what to do")

    def test_a_missing_or_unknown_option_is_bad_input(self):
        database = os.path.join(self.dir, "bad.db")
        done = netsim("run", ZHOU, "--policy", "external", "--out", database, *overrides_of(SMALL))
        self.assertEqual(done.returncode, 2, done.stderr)
        self.assertIn("policy.options.command is missing", done.stderr)
        done = netsim("run", ZHOU, "--policy", "external", "--out", database, "--set", "policy.options.command=true", "--set", "policy.options.speed=1", *overrides_of(SMALL))
        self.assertEqual(done.returncode, 2, done.stderr)
        self.assertIn("policy.options.speed", done.stderr)

    def test_a_signal_while_waiting_for_the_process_interrupts_the_run(self):
        started = os.path.join(self.dir, "started")
        database = os.path.join(self.dir, "signal.db")
        command = netsim_gym.netsim_command() + ["run", ZHOU, "--policy", "external", "--out", database, "--set", f"policy.options.command=touch {started}; sleep 600"] + overrides_of(SMALL)
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ, NO_COLOR="1"))
        deadline = time.monotonic() + 120
        while not os.path.exists(started) and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        self.assertTrue(os.path.exists(started), "the policy process never started")
        process.send_signal(signal.SIGTERM)
        # The policy's timeout is 60 s; the run must end on the signal, not on the timeout.
        _, stderr = process.communicate(timeout=30)
        self.assertEqual(process.returncode, 143, stderr)
        self.assertNotIn("   at ", stderr)
        with sqlite3.connect(database) as db:
            self.assertEqual(db.execute("SELECT status FROM runs").fetchall(), [("interrupted",)])


if __name__ == "__main__":
    unittest.main()
