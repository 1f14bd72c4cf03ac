"""REINFORCE on a small zhou2024 world, numpy only: one linear scoring of candidate targets shared by
every device, trained on vectorised environments, then evaluated on seeds it never saw against the
all-local and the uniformly random policies (paired t over the evaluation seeds).

    PYTHONPATH=python python3 python/examples/reinforce.py [--updates 80] [--eval-seeds 30] [--save theta.npy]

With --save, python/examples/reinforce_policy.py serves the trained policy to `netsim run`.

The policy: each device scores each of its candidate targets (local, each edge, the cloud) by
theta . phi, where phi holds the candidate's kind (local, edge, cloud) and its times from the
observation row (compute, backlog, upload, uploads sharing the band), and samples its target from the
softmax of the scores (the argmax when evaluated). Sharing theta across targets and devices makes the
policy small (9 numbers) and independent of the number of stations and devices.
"""

import argparse
import math
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import netsim_gym  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SCENARIO = os.path.join(ROOT, "scenarios", "papers", "zhou2024", "zhou2024.yaml")
# A small world: 5 UEs, 10 slots of 1 s per episode.
OVERRIDES = {"ues.count": 5, "duration": "10s"}
TRAIN_SEED = 1
EVAL_SEED = 1_000_000


class CandidatePolicy:
    """Softmax over each device's candidate targets of theta . phi (see the module's docstring)."""

    KINDS = 3
    WIDTH = KINDS + 5  # kind one-hot, compute, backlog, upload, uploads, a constant

    def __init__(self, feature_names, target_names, rng):
        self.rng = rng
        self.theta = np.zeros(self.WIDTH)
        index = {name: i for i, name in enumerate(feature_names)}
        # For each target, the row positions of (compute, backlog, upload, uploads); -1 for none.
        columns = []
        kinds = []
        for target in target_names:
            if target == "local":
                columns.append([index["device_compute"], index["device_backlog"], -1, -1])
                kinds.append(0)
            elif target.startswith("edge:"):
                k = target.split(":")[1]
                columns.append([index[f"edge{k}_compute"], index[f"edge{k}_backlog"], index[f"edge{k}_upload"], index[f"edge{k}_uploads"]])
                kinds.append(1)
            else:
                columns.append([index["cloud_upload_compute"], index["cloud_backlog"], -1, -1])
                kinds.append(2)
        self.columns = np.array(columns)
        self.kinds = np.array(kinds)
        self.row = len(feature_names)

    def features(self, observation):
        """phi of shape (..., devices, targets, WIDTH) from observations of shape (..., devices * row)."""
        rows = observation.reshape(observation.shape[:-1] + (-1, self.row))
        padded = np.concatenate([rows, np.zeros(rows.shape[:-1] + (1,))], axis=-1)  # column -1 reads 0
        times = padded[..., self.columns]  # (..., devices, targets, 4)
        kind = np.broadcast_to(np.eye(self.KINDS)[self.kinds], times.shape[:-1] + (self.KINDS,))
        constant = np.ones(times.shape[:-1] + (1,))
        return np.concatenate([kind, times, constant], axis=-1)

    def probabilities(self, phi):
        scores = phi @ self.theta
        scores -= scores.max(axis=-1, keepdims=True)
        p = np.exp(scores)
        return p / p.sum(axis=-1, keepdims=True)

    def sample(self, observation):
        phi = self.features(observation)
        p = self.probabilities(phi)
        u = self.rng.random(p.shape[:-1] + (1,))
        actions = np.minimum((p.cumsum(axis=-1) < u).sum(axis=-1), p.shape[-1] - 1)
        return actions, phi, p

    def greedy(self, observation):
        return (self.features(observation) @ self.theta).argmax(axis=-1)


class Adam:
    def __init__(self, size, lr):
        self.lr, self.m, self.v, self.t = lr, np.zeros(size), np.zeros(size), 0

    def step(self, gradient):
        self.t += 1
        self.m = 0.9 * self.m + 0.1 * gradient
        self.v = 0.999 * self.v + 0.001 * gradient**2
        m = self.m / (1 - 0.9**self.t)
        v = self.v / (1 - 0.999**self.t)
        return self.lr * m / (np.sqrt(v) + 1e-8)


def train(updates=80, envs=8, lr=0.1, discount=0.5, seed=0, log=None):
    """Trains a CandidatePolicy with REINFORCE: each update runs one episode on each of ``envs``
    environments (worlds of seeds TRAIN_SEED + 1000 * update + i), uses returns-to-go with
    ``discount``, a baseline per step (the mean over the envs) and normalised advantages."""
    vec = netsim_gym.make_vec(SCENARIO, envs, **OVERRIDES)
    try:
        policy = CandidatePolicy(vec.feature_names, vec.target_names, np.random.default_rng(seed))
        adam = Adam(policy.theta.size, lr)
        for update in range(updates):
            observation, _ = vec.reset(seed=TRAIN_SEED + 1000 * update)
            phis, probabilities, actions, rewards, active = [], [], [], [], []
            done = np.zeros(envs, dtype=bool)
            while not done.all():
                action, phi, p = policy.sample(observation)
                has_task = observation.reshape(envs, len(vec.single_action_space.nvec), -1)[..., 0] > 0
                observation, reward, terminated, truncated, _ = vec.step(action)
                phis.append(phi)
                probabilities.append(p)
                actions.append(action)
                rewards.append(np.where(done, 0.0, reward))
                active.append(has_task & ~done[:, None])
                done |= terminated | truncated
            rewards = np.array(rewards)  # (steps, envs)
            returns = np.zeros_like(rewards)
            running = np.zeros(envs)
            for t in reversed(range(len(rewards))):
                running = rewards[t] + discount * running
                returns[t] = running
            advantages = returns - returns.mean(axis=1, keepdims=True)
            advantages /= advantages.std() + 1e-8
            gradient = np.zeros_like(policy.theta)
            decisions = 0
            for t in range(len(rewards)):
                phi, p, a, m = phis[t], probabilities[t], actions[t], active[t]
                chosen = np.take_along_axis(phi, a[..., None, None], axis=-2)[..., 0, :]
                expected = (p[..., None] * phi).sum(axis=-2)
                gradient += ((chosen - expected) * (advantages[t][:, None, None] * m[..., None])).sum(axis=(0, 1))
                decisions += m.sum()
            policy.theta += adam.step(gradient / max(1, decisions))
            if log:
                log(f"update {update + 1:3d}/{updates}: mean episode return {rewards.sum(axis=0).mean():10.2f} (over {envs} episodes)")
        return policy
    finally:
        vec.close()


def evaluate(decide, seeds):
    """Episode returns of ``decide(observation) -> action`` on the worlds of ``seeds``."""
    env = netsim_gym.make(SCENARIO, **OVERRIDES)
    try:
        returns = []
        for s in seeds:
            observation, _ = env.reset(seed=s)
            total = 0.0
            while True:
                observation, reward, terminated, truncated, _ = env.step(decide(observation))
                total += reward
                if terminated or truncated:
                    break
            returns.append(total)
        return np.array(returns)
    finally:
        env.close()


def t_quantile(p, df):
    """The p-quantile of Student's t with ``df`` degrees of freedom (bisection on a numerical CDF)."""

    def cdf(x):
        grid = np.linspace(0.0, x, 4001)
        log_c = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)
        density = np.exp(log_c - (df + 1) / 2 * np.log1p(grid**2 / df))
        return 0.5 + (density[1:] + density[:-1]).sum() * (grid[1] - grid[0]) / 2

    low, high = 0.0, 50.0
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if cdf(middle) < p else (low, middle)
    return (low + high) / 2


def paired(a, b):
    """Mean of a - b over paired seeds and its two-sided 95% confidence interval (Student t)."""
    d = np.asarray(a) - np.asarray(b)
    half = t_quantile(0.975, len(d) - 1) * d.std(ddof=1) / math.sqrt(len(d))
    return d.mean(), d.mean() - half, d.mean() + half


def run(updates=80, eval_seeds=30, log=print):
    """Trains, evaluates against all-local and random on unseen seeds, and returns the comparison."""
    start = time.perf_counter()
    policy = train(updates=updates, log=log)
    trained = time.perf_counter() - start
    seeds = [EVAL_SEED + i for i in range(eval_seeds)]
    devices = OVERRIDES["ues.count"]
    rng = np.random.default_rng(12345)
    learned = evaluate(policy.greedy, seeds)
    local = evaluate(lambda observation: np.zeros(devices, dtype=np.int64), seeds)
    targets = len(policy.kinds)
    uniform = evaluate(lambda observation: rng.integers(0, targets, devices), seeds)
    results = {"theta": policy.theta, "train_seconds": trained, "learned": learned}
    for name, baseline in (("local", local), ("random", uniform)):
        results[name] = baseline
        results[f"vs_{name}"] = paired(learned, baseline)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=80, help="policy updates (8 episodes each)")
    parser.add_argument("--eval-seeds", type=int, default=30, help="unseen worlds to evaluate on")
    parser.add_argument("--save", metavar="FILE", help="write the trained theta to FILE (.npy) for reinforce_policy.py")
    args = parser.parse_args()
    r = run(args.updates, args.eval_seeds)
    print(f"trained in {r['train_seconds']:.1f} s; theta = {np.round(r['theta'], 3)}")
    if args.save:
        np.save(args.save, r["theta"])
        print(f"theta written to {args.save}")
    print(f"episode return (minus the summed mean task cost of its slots), mean over {args.eval_seeds} unseen seeds:")
    print(f"  reinforce {r['learned'].mean():12.2f}")
    for name in ("local", "random"):
        mean, low, high = r[f"vs_{name}"]
        print(f"  {name:9s} {r[name].mean():12.2f}   reinforce - {name}: {mean:.2f}, 95% CI [{low:.2f}, {high:.2f}] (paired t)")
    beats = all(r[f"vs_{name}"][1] > 0 for name in ("local", "random"))
    print("reinforce beats local and random with 95% confidence" if beats else "reinforce does NOT beat both baselines with 95% confidence")
    return 0 if beats else 1


if __name__ == "__main__":
    sys.exit(main())
