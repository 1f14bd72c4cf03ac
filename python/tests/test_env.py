"""netsim_gym's environments against a served zhou2024 world: Gymnasium's API, seeds, vectorised and multi-agent forms."""

import subprocess
import unittest

import numpy as np

from support import SMALL, ZHOU
import netsim_gym


def episode(env, seed, actions):
    """Observations, rewards and the last flags of one episode under ``actions(step)``."""
    observation, _ = env.reset(seed=seed)
    observations, rewards = [observation], []
    step = 0
    while True:
        observation, reward, terminated, truncated, info = env.step(actions(step))
        observations.append(observation)
        rewards.append(reward)
        step += 1
        if terminated or truncated:
            return np.array(observations), np.array(rewards), terminated, truncated, info


class EnvironmentTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.env = netsim_gym.make(ZHOU, **SMALL)

    @classmethod
    def tearDownClass(cls):
        cls.env.close()

    def test_the_spaces_describe_five_devices_of_five_stations(self):
        env = self.env
        # A device row: 5 task and device features, 7 per station; 5 devices.
        self.assertEqual(env.observation_space.shape, (5 * (5 + 7 * 5),))
        self.assertEqual(env.observation_space.dtype, np.float64)
        self.assertEqual(list(env.action_space.nvec), [6] * 5)
        self.assertEqual(env.target_names, ["local"] + [f"edge:{k}" for k in range(5)])
        self.assertEqual(len(env.feature_names), 40)

    def test_an_episode_has_ten_steps_observations_in_the_space_and_ends_terminated(self):
        env = self.env
        env.action_space.seed(4)
        observations, rewards, terminated, truncated, info = episode(env, 11, lambda _: env.action_space.sample())
        self.assertEqual(len(rewards), 10)
        self.assertTrue(terminated)
        self.assertFalse(truncated)
        for observation in observations:
            self.assertIn(observation, env.observation_space)
        # Every slot's 5 tasks ended, and the ended-task list holds each once.
        self.assertEqual(info["created"], 50)
        tasks = env.task_results()
        self.assertEqual(sorted(tasks["task_id"]), list(range(50)))
        self.assertTrue(np.all(rewards <= 0))

    def test_a_seed_reproduces_the_episode_and_another_seed_changes_it(self):
        env = self.env
        plan = np.random.default_rng(0).integers(0, 6, size=(10, 5))
        a = episode(env, 21, lambda t: plan[t])
        b = episode(env, 21, lambda t: plan[t])
        c = episode(env, 22, lambda t: plan[t])
        np.testing.assert_array_equal(a[0], b[0])
        np.testing.assert_array_equal(a[1], b[1])
        self.assertFalse(np.array_equal(a[0], c[0]))

    def test_all_local_earns_the_closed_form_reward(self):
        # Each task alone on its device for 50 MFLOP / 300 MFLOPS = 1/6 s, missing its 15 ms bound:
        # cost (1/6) / 10 ms + 1 per task, so every step's reward is minus that.
        _, rewards, *_ = episode(self.env, 3, lambda _: np.zeros(5, dtype=np.int64))
        np.testing.assert_allclose(rewards, -((1 / 6) / 0.01 + 1), rtol=1e-12)

    def test_a_bad_action_is_refused_with_what_was_wrong_and_the_episode_goes_on(self):
        env = self.env
        env.reset(seed=1)
        with self.assertRaisesRegex(netsim_gym.NetsimError, r"device 2: action 9 out of range 0\.\.5"):
            env.step(np.array([0, 0, 9, 0, 0]))
        with self.assertRaises(ValueError):
            env.step(np.zeros(4, dtype=np.int64))
        _, _, _, _, info = env.step(np.zeros(5, dtype=np.int64))
        self.assertEqual(info["epoch"], 1)

    def test_stepping_an_ended_episode_asks_for_a_reset(self):
        env = self.env
        episode(env, 5, lambda _: np.zeros(5, dtype=np.int64))
        with self.assertRaisesRegex(netsim_gym.NetsimError, "reset it first"):
            env.step(np.zeros(5, dtype=np.int64))

    def test_reset_options_choose_the_replication_and_unknown_ones_are_refused(self):
        env = self.env
        first, _ = env.reset(seed=9, options={"replication": 0})
        again, _ = env.reset(seed=9)
        other, _ = env.reset(seed=9, options={"replication": 1})
        np.testing.assert_array_equal(first, again)
        self.assertFalse(np.array_equal(first, other))
        with self.assertRaisesRegex(netsim_gym.NetsimError, "unknown option 'speed'"):
            env.reset(seed=1, options={"speed": 2})

    def test_a_bad_override_names_the_key(self):
        with self.assertRaisesRegex(netsim_gym.NetsimError, "exit 2"):
            netsim_gym.make(ZHOU, **{"ues.count": -3})


class VectorTests(unittest.TestCase):
    def test_vectorised_environments_are_the_single_worlds_of_consecutive_seeds_and_reset_themselves(self):
        with netsim_gym.make_vec(ZHOU, 3, **SMALL) as vec:
            observations, infos = vec.reset(seed=40)
            self.assertEqual(observations.shape, (3, 200))
            self.assertEqual(list(infos["episode"]), [0, 0, 0])
            single = netsim_gym.make(ZHOU, **SMALL)
            try:
                for i in range(3):
                    alone, _ = single.reset(seed=40 + i)
                    np.testing.assert_array_equal(observations[i], alone)
            finally:
                single.close()
            for step in range(10):
                observations, rewards, terminated, truncated, infos = vec.step(np.zeros((3, 5), dtype=np.int64))
                self.assertEqual(rewards.shape, (3,))
            self.assertTrue(terminated.all())
            # Reset within the step: the rows are the next episodes' first observations.
            self.assertTrue(np.all(observations.reshape(3, 5, 40)[:, :, 0] == 1))
            _, _, terminated, _, infos = vec.step(np.zeros((3, 5), dtype=np.int64))
            self.assertFalse(terminated.any())
            self.assertEqual(list(infos["episode"]), [1, 1, 1])

    def test_an_automatic_reset_keeps_the_ended_episode_s_tasks(self):
        # All local on seed 40: every task ends in its slot, and env 1 the same world alone gives the truth.
        with netsim_gym.make_vec(ZHOU, 2, **SMALL) as vec:
            vec.reset(seed=40)
            for _ in range(10):
                _, _, terminated, _, _ = vec.step(np.zeros((2, 5), dtype=np.int64))
            self.assertTrue(terminated.all())
            ended = vec.task_results(1, previous=True)
            self.assertEqual(len(vec.task_results(1)["task_id"]), 0)
        single = netsim_gym.make(ZHOU, **SMALL)
        try:
            episode(single, 41, lambda step: np.zeros(5, dtype=np.int64))
            alone = single.task_results()
        finally:
            single.close()
        self.assertEqual(len(alone["task_id"]), 50)
        for name in ("task_id", "ue", "latency", "energy_j", "completed"):
            np.testing.assert_array_equal(ended[name], alone[name])


class ParallelTests(unittest.TestCase):
    def test_the_multi_agent_form_keys_everything_by_agent_and_empties_agents_at_the_end(self):
        env = netsim_gym.parallel_env(ZHOU, **SMALL)
        try:
            observations, infos = env.reset(seed=2)
            self.assertEqual(env.agents, [f"ue_{i}" for i in range(5)])
            self.assertEqual(set(observations), set(env.agents))
            self.assertIn(observations["ue_0"], env.observation_space("ue_0"))
            self.assertEqual(env.action_space("ue_3").n, 6)
            steps = 0
            while env.agents:
                actions = {a: env.action_space(a).sample() for a in env.agents}
                observations, rewards, terminations, truncations, infos = env.step(actions)
                steps += 1
                self.assertEqual(len(set(rewards.values())), 1)
            self.assertEqual(steps, 10)
            self.assertTrue(all(terminations.values()))
        finally:
            env.close()


class TransportTests(unittest.TestCase):
    def test_a_tcp_session_gives_the_episode_of_a_pipe_session(self):
        plan = np.random.default_rng(1).integers(0, 6, size=(10, 5))
        over_tcp = netsim_gym.make(ZHOU, port=0, **SMALL)
        over_pipe = netsim_gym.make(ZHOU, **SMALL)
        try:
            a = episode(over_tcp, 8, lambda t: plan[t])
            b = episode(over_pipe, 8, lambda t: plan[t])
        finally:
            over_tcp.close()
            over_pipe.close()
        np.testing.assert_array_equal(a[0], b[0])
        np.testing.assert_array_equal(a[1], b[1])

    def test_closing_ends_the_server_with_exit_0(self):
        env = netsim_gym.make(ZHOU, **SMALL)
        process = env.unwrapped._connection._process
        env.close()
        self.assertEqual(process.wait(timeout=30), 0)

    def test_stats_count_the_steps_and_resets_the_session_ran(self):
        connection = netsim_gym.Connection(ZHOU, SMALL, serve_args=["--stats"], stderr=subprocess.PIPE)
        connection.reset(0, 1)
        for _ in range(3):
            connection.step(np.zeros((1, 5), dtype=np.int64))
        connection.close()
        self.assertRegex(connection.stderr_text, r"netsim serve: stats steps=3 resets=1 seconds=[0-9.]+ simulating=[0-9.]+ encoding=[0-9.]+")

    def test_a_killed_client_ends_the_server_with_exit_0(self):
        command = netsim_gym.netsim_command() + ["serve", ZHOU]
        server = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        server.stdout.read(5)
        server.stdin.close()
        self.assertEqual(server.wait(timeout=30), 0)
        server.stdout.close()


if __name__ == "__main__":
    unittest.main()
