"""NetSim's AIGC offloading worlds as Gymnasium-style environments, served by `netsim serve`.

    import netsim_gym
    env = netsim_gym.make("scenarios/papers/zhou2024/zhou2024.yaml", ues__count=10)
    obs, info = env.reset(seed=1)

Overrides are scenario keys (``**{"ues.count": 10}``, or ``ues__count=10``), passed as ``--set``.
netsim is found through $NETSIM_CLI (a netsim.dll or an executable), else the repository's Release
build, else ``netsim`` on the PATH.
"""

from .env import NetsimEnv, NetsimParallelEnv, NetsimVectorEnv
from .policy import serve_policy
from .protocol import Connection, NetsimError, netsim_command
from .spaces import GYMNASIUM, Box, Dict, Discrete, MultiDiscrete

__all__ = [
    "make",
    "make_vec",
    "parallel_env",
    "NetsimEnv",
    "NetsimVectorEnv",
    "NetsimParallelEnv",
    "Connection",
    "NetsimError",
    "netsim_command",
    "serve_policy",
    "Box",
    "Dict",
    "Discrete",
    "MultiDiscrete",
    "GYMNASIUM",
]


def make(scenario, port=None, **overrides):
    """One environment of ``scenario`` (a YAML path) with ``--set`` ``overrides``."""
    return NetsimEnv(scenario, port=port, **overrides)


def make_vec(scenario, n, port=None, **overrides):
    """``n`` environments of ``scenario`` in one server, stepped together."""
    return NetsimVectorEnv(scenario, n, port=port, **overrides)


def parallel_env(scenario, port=None, **overrides):
    """The multi-agent form (PettingZoo's parallel API), one agent per device."""
    return NetsimParallelEnv(scenario, port=port, **overrides)


if GYMNASIUM:  # pragma: no cover - depends on the machine
    import gymnasium

    if "NetSim-v0" not in gymnasium.registry:
        gymnasium.register(id="NetSim-v0", entry_point="netsim_gym.env:NetsimEnv")
