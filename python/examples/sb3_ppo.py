"""Stable-Baselines3 PPO on a 10-UE zhou2024 world through netsim_gym, for users who have gymnasium and
stable-baselines3 installed (neither can be installed on the project's machines: this script is
written against netsim_gym's API but NOT run by the tests).

    pip install gymnasium stable-baselines3 ./python
    NETSIM_CLI=src/NetSim.Cli/bin/Release/net10.0/netsim.dll python3 python/examples/sb3_ppo.py

With gymnasium installed, netsim_gym.make returns a gymnasium.Env whose spaces are gymnasium's Box
(observation, float64) and MultiDiscrete (one target per device), which PPO's MlpPolicy takes.
"""

import os

import numpy as np
from stable_baselines3 import PPO
from stable_baselines3.common.vec_env import DummyVecEnv

import netsim_gym

SCENARIO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scenarios", "papers", "zhou2024", "zhou2024.yaml")
OVERRIDES = {"ues.count": 10}


def main():
    # Four environments, each its own `netsim serve` process (SB3 steps them in turn).
    vec = DummyVecEnv([lambda: netsim_gym.make(SCENARIO, **OVERRIDES) for _ in range(4)])
    model = PPO("MlpPolicy", vec, n_steps=200, batch_size=200, gamma=0.5, verbose=1, seed=0)
    model.learn(total_timesteps=100_000)
    model.save("ppo-zhou2024-10")
    vec.close()

    env = netsim_gym.make(SCENARIO, **OVERRIDES)
    returns = []
    for seed in range(1_000_000, 1_000_030):  # seeds training never used
        observation, _ = env.reset(seed=seed)
        total, done = 0.0, False
        while not done:
            action, _ = model.predict(observation, deterministic=True)
            observation, reward, terminated, truncated, _ = env.step(action)
            total += reward
            done = terminated or truncated
        returns.append(total)
    env.close()
    print(f"PPO: mean episode return {np.mean(returns):.2f} over 30 unseen seeds")


if __name__ == "__main__":
    main()
