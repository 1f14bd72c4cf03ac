"""Gymnasium-style environments over `netsim serve`: single (NetsimEnv), vectorised (NetsimVectorEnv)
and multi-agent in PettingZoo's parallel form (NetsimParallelEnv)."""

import numpy as np

from .protocol import Connection
from .spaces import GYMNASIUM, Box, Dict, Discrete, MultiDiscrete

if GYMNASIUM:  # pragma: no cover - depends on the machine
    import gymnasium

    _Base = gymnasium.Env
else:

    class _Base:
        """What gymnasium.Env offers besides the methods the environments define."""

        metadata = {"render_modes": []}
        render_mode = None
        spec = None

        @property
        def unwrapped(self):
            return self

        def render(self):
            return None

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.close()
            return False


def _spaces(hello):
    rows, row = hello["observation"]["shape"]
    observation = Box(float(hello["observation"]["low"]), float(hello["observation"]["high"]), shape=(rows * row,), dtype=np.float64)
    action = MultiDiscrete(np.asarray(hello["action"]["nvec"], dtype=np.int64))
    return observation, action


class NetsimEnv(_Base):
    """One environment of a NetSim scenario (Gymnasium's API).

    A step is one decision epoch. The observation is a float64 vector of one row of features per
    device (``feature_names``); the action gives each device a target (``target_names``: 0 local,
    1..K edge k-1, then the cloud), applied to the device's tasks of the epoch. The reward is the sum,
    over the epochs whose tasks all ended during the step, of minus the mean cost of their tasks.
    ``terminated``: every task ended after the arrivals; ``truncated``: the run's time limit with tasks
    alive. ``reset(seed=s)`` builds the world ``netsim run --seed s`` builds.
    """

    metadata = {"render_modes": []}

    def __init__(self, scenario, port=None, **overrides):
        self._connection = Connection(scenario, overrides, envs=1, port=port)
        hello = self._connection.hello
        self.observation_space, self.action_space = _spaces(hello)
        self.feature_names = list(hello["observation"]["features"])
        self.target_names = list(hello["action"]["targets"])
        self.devices = int(hello["devices"])
        self.scenario_sha256 = hello["sha256"]
        self.reward_description = hello["reward"]
        self.render_mode = None

    @property
    def hello(self):
        """The server's handshake (protocol version, scenario, hash, spaces)."""
        return self._connection.hello

    def reset(self, *, seed=None, options=None):
        if GYMNASIUM:  # pragma: no cover
            super().reset(seed=seed)
        observations, infos = self._connection.reset(0, seed, options)
        return observations[0].copy(), self._connection.info_dict(infos[0])

    def step(self, action):
        action = np.asarray(action)
        if action.shape != self.action_space.shape:
            raise ValueError(f"action of shape {action.shape}, expected {self.action_space.shape} (one target per device)")
        observations, rewards, terminated, truncated, infos = self._connection.step(action.reshape(1, -1))
        return observations[0].copy(), float(rewards[0]), bool(terminated[0]), bool(truncated[0]), self._connection.info_dict(infos[0])

    def task_results(self):
        """The tasks of the current episode that have ended so far (task_id, ue, latency, bound, energy_j, completed arrays)."""
        return self._connection.tasks(0)

    def close(self):
        self._connection.close()


class NetsimVectorEnv:
    """``n`` environments in one server, stepped together (Gymnasium's vector API, same-step autoreset).

    ``step`` takes an (n, devices) integer array and returns stacked observations, rewards,
    terminations, truncations and an info dict of arrays. An environment whose episode ended is
    reset within the same step: its row holds the new episode's first observation, its reward and
    flags the ended step's. ``reset(seed=s)`` gives environment i the world of seed s + i.
    """

    def __init__(self, scenario, num_envs, port=None, **overrides):
        self._connection = Connection(scenario, overrides, envs=num_envs, port=port)
        self.num_envs = num_envs
        self.single_observation_space, self.single_action_space = _spaces(self._connection.hello)
        size = self.single_observation_space.shape[0]
        self.observation_space = Box(0.0, float(self._connection.hello["observation"]["high"]), shape=(num_envs, size), dtype=np.float64)
        self.action_space = MultiDiscrete(np.tile(self.single_action_space.nvec, (num_envs, 1)))
        self.feature_names = list(self._connection.hello["observation"]["features"])
        self.target_names = list(self._connection.hello["action"]["targets"])

    def _infos(self, rows):
        return {name: rows[:, i].copy() for i, name in enumerate(self._connection.info_names)}

    def reset(self, *, seed=None, options=None):
        observations, infos = self._connection.reset(-1, seed, options)
        return observations.copy(), self._infos(infos)

    def step(self, actions):
        observations, rewards, terminated, truncated, infos = self._connection.step(actions, autoreset=True)
        return observations.copy(), rewards.copy(), terminated, truncated, self._infos(infos)

    def task_results(self, env, previous=False):
        """The tasks of environment ``env``'s current episode that have ended so far; with ``previous``,
        those of its episode before (the one the last automatic reset ended), all ended."""
        return self._connection.tasks(env, previous)

    def close(self):
        self._connection.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


class NetsimParallelEnv:
    """The multi-agent form, after PettingZoo's parallel API: one agent per device (``ue_0``...),
    dicts keyed by agent. Agent ``ue_i`` observes its device's row and picks its target (Discrete);
    every agent gets the step's (team) reward. After the last step ``agents`` is empty."""

    metadata = {"name": "netsim_parallel_v0"}

    def __init__(self, scenario, port=None, **overrides):
        self._connection = Connection(scenario, overrides, envs=1, port=port)
        hello = self._connection.hello
        rows, row = hello["observation"]["shape"]
        self._row = row
        self.possible_agents = [f"ue_{i}" for i in range(rows)]
        self.agents = []
        high = float(hello["observation"]["high"])
        targets = int(hello["action"]["nvec"][0])
        self.observation_spaces = {a: Box(0.0, high, shape=(row,), dtype=np.float64) for a in self.possible_agents}
        self.action_spaces = {a: Discrete(targets) for a in self.possible_agents}
        self.feature_names = list(hello["observation"]["features"])
        self.target_names = list(hello["action"]["targets"])

    def observation_space(self, agent):
        return self.observation_spaces[agent]

    def action_space(self, agent):
        return self.action_spaces[agent]

    @property
    def state_space(self):
        return Dict({a: self.observation_spaces[a] for a in self.possible_agents})

    def _split(self, observation):
        rows = observation.reshape(len(self.possible_agents), self._row)
        return {a: rows[i].copy() for i, a in enumerate(self.possible_agents)}

    def reset(self, seed=None, options=None):
        observations, infos = self._connection.reset(0, seed, options)
        self.agents = list(self.possible_agents)
        info = self._connection.info_dict(infos[0])
        return self._split(observations[0]), {a: dict(info) for a in self.agents}

    def step(self, actions):
        missing = [a for a in self.agents if a not in actions]
        if missing:
            raise ValueError(f"no action for {', '.join(missing)}")
        joint = np.array([[int(actions[a]) for a in self.possible_agents]])
        observations, rewards, terminated, truncated, infos = self._connection.step(joint)
        info = self._connection.info_dict(infos[0])
        agents = self.agents
        if terminated[0] or truncated[0]:
            self.agents = []
        return (
            self._split(observations[0]),
            {a: float(rewards[0]) for a in agents},
            {a: bool(terminated[0]) for a in agents},
            {a: bool(truncated[0]) for a in agents},
            {a: dict(info) for a in agents},
        )

    def state(self):
        raise NotImplementedError("the global state is the concatenation of the agents' observations")

    def close(self):
        self._connection.close()
