"""Serves a policy trained by reinforce.py to `netsim run` (the policy `external`), greedily:

    PYTHONPATH=python python3 python/examples/reinforce.py --save theta.npy
    netsim run scenarios/papers/zhou2024/zhou2024.yaml --set ues.count=5 --set duration=10s \\
        --policy external --set "policy.options.command=python3 python/examples/reinforce_policy.py theta.npy"

netsim starts this script once per run and asks it for each slot's targets; the decisions, and so
the trace database, are those of the same policy evaluated through netsim_gym on the same seed.
"""

import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import netsim_gym  # noqa: E402
from reinforce import CandidatePolicy  # noqa: E402


def main():
    if len(sys.argv) != 2:
        print("usage: reinforce_policy.py THETA.npy", file=sys.stderr)
        return 2
    theta = np.load(sys.argv[1])

    def make(hello):
        policy = CandidatePolicy(hello["observation"]["features"], hello["action"]["targets"], np.random.default_rng(0))
        if theta.shape != policy.theta.shape:
            raise ValueError(f"{sys.argv[1]} holds {theta.size} numbers, expected {policy.theta.size}")
        policy.theta = theta
        return lambda observation, now: policy.greedy(observation.reshape(-1))

    netsim_gym.serve_policy(make)
    return 0


if __name__ == "__main__":
    sys.exit(main())
