"""Steps per second of a 10-UE zhou2024 world driven from Python through `netsim serve`, and where the
time goes (issue 15 item 1's goal: at least 5,000 environment steps per second on one core).

    dotnet build NetSim.sln -c Release
    /usr/bin/python3 tools/bench/python_env.py [--seconds 5] [--json]

Each case runs whole episodes (20 one-second slots, so 20 steps and a reset per episode; seeds 0, 1,
...) for about --seconds of wall time, deciding each step with a numpy policy (each device's edge of
shortest upload time). "one core" pins netsim serve (every thread, through taskset) and this process
to CPU 0, so the two take turns on one core; "two cores" lets them run where the kernel puts them.
The split of the wall time: simulating (the server's resets and steps: building worlds and running
the kernel to the next epoch) and encoding (observations into the float64 rows), both timed by the
server (`netsim serve --stats`); the policy (timed here); the protocol (the rest: framing and
parsing on both sides, the pipe's system calls and the switches between the two processes). The
Python side's framing alone is also timed on canned frames, apart, as it is and as it would be had
the protocol been JSON (the choice issue 15 asked to measure), and the round trip of the
smallest request (its reply is 4 bytes) gives the cost of the transport and the process switches.
"""

import argparse
import json
import os
import re
import struct
import subprocess
import sys
import time

import numpy as np

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "python"))
from netsim_gym.protocol import Connection, netsim_command  # noqa: E402

SCENARIO = os.path.join(ROOT, "scenarios", "papers", "zhou2024", "zhou2024.yaml")
OVERRIDES = {"ues.count": 10}


def nearest_upload(connection):
    """A policy: each device's edge of shortest upload time (from the observation's features)."""
    features = connection.hello["observation"]["features"]
    row = len(features)
    columns = [features.index(f"edge{k}_upload") for k in range(connection.hello["action"]["nvec"][0] - 1)]

    def decide(observations):
        rows = observations.reshape(observations.shape[0], -1, row)
        return 1 + rows[:, :, columns].argmin(axis=2)

    return decide


def measure(seconds, pin, envs=1):
    command = netsim_command()
    if pin:
        command = ["taskset", "-c", "0"] + command
        os.sched_setaffinity(0, {0})
    else:
        os.sched_setaffinity(0, set(range(os.cpu_count())))
    connection = Connection(SCENARIO, OVERRIDES, envs=envs, command=command, serve_args=["--stats"], stderr=subprocess.PIPE)
    decide = nearest_upload(connection)
    policy = 0.0
    steps = episodes = 0
    start = time.perf_counter()
    seed = 0
    observations, _ = connection.reset(-1, seed)
    while time.perf_counter() - start < seconds:
        t = time.perf_counter()
        actions = decide(observations)
        policy += time.perf_counter() - t
        observations, _, terminated, truncated, _ = connection.step(actions, autoreset=True)
        steps += envs
        episodes += int((terminated | truncated).sum())
    wall = time.perf_counter() - start
    connection.close()
    stats = dict(re.findall(r"(\w+)=([0-9.]+)", connection.stderr_text))
    simulating, encoding = float(stats["simulating"]), float(stats["encoding"])
    return {
        "case": f"{'one core' if pin else 'two cores'}, {envs} env{'s' if envs > 1 else ''}",
        "steps": steps,
        "episodes": episodes,
        "wall_seconds": round(wall, 3),
        "steps_per_second": round(steps / wall),
        "simulating_share": round(simulating / wall, 3),
        "encoding_share": round(encoding / wall, 3),
        "policy_share": round(policy / wall, 3),
        "protocol_share": round(1 - (simulating + encoding + policy) / wall, 3),
        "simulator_only_steps_per_second": round(steps / simulating),
    }


def ping(seconds, pin):
    """Microseconds per round trip of the smallest request (the ended tasks of a fresh episode: none)."""
    command = (["taskset", "-c", "0"] if pin else []) + netsim_command()
    os.sched_setaffinity(0, {0} if pin else set(range(os.cpu_count())))
    connection = Connection(SCENARIO, OVERRIDES, command=command)
    connection.reset(0, 0)
    trips = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        connection.tasks(0)
        trips += 1
    wall = time.perf_counter() - start
    connection.close()
    return wall / trips * 1e6


def framing_cost(connection_devices=10, observation=400, repeat=20000):
    """Seconds per step of the Python side's framing alone: packing an action, parsing a canned reply."""
    body = bytes(8 * (1 + 9 + observation) + 2)
    actions = np.zeros((1, connection_devices), dtype=np.int64)
    start = time.perf_counter()
    for _ in range(repeat):
        data = np.ascontiguousarray(actions, dtype="<i4").tobytes()
        struct.pack("<IBB", len(data) + 2, 2, 1)
        np.frombuffer(body, "<f8", 1)
        np.frombuffer(body, "<f8", 9, 8).reshape(1, 9)
        np.frombuffer(body, "<f8", observation, 80).reshape(1, observation)
        flags = np.frombuffer(body, np.uint8, 2, 8 * (10 + observation))
        flags[:1].astype(bool), flags[1:].astype(bool)
    return (time.perf_counter() - start) / repeat


def json_framing_cost(connection_devices=10, observation=400, repeat=5000):
    """Seconds per step of the Python side's framing had the protocol been JSON: writing the action as
    JSON, parsing a canned step reply holding the same numbers as JSON (the observation's values are
    those of a real step: times as ln(1 + t / time_scale), 17 significant digits) into numpy arrays."""
    rng = np.random.default_rng(0)
    reply = json.dumps({"reward": [-1.2345678901234567], "info": [list(rng.random(9))], "observation": [list(rng.random(observation) * 3)], "terminated": [False], "truncated": [False]})
    actions = np.zeros((1, connection_devices), dtype=np.int64)
    start = time.perf_counter()
    for _ in range(repeat):
        json.dumps({"type": "step", "autoreset": True, "action": actions.tolist()}).encode("utf-8")
        parsed = json.loads(reply)
        np.array(parsed["reward"])
        np.array(parsed["info"])
        np.array(parsed["observation"])
        np.array(parsed["terminated"]), np.array(parsed["truncated"])
    return (time.perf_counter() - start) / repeat, len(reply.encode("utf-8"))


def main():
    parser = argparse.ArgumentParser(description="netsim serve steps/s from Python")
    parser.add_argument("--seconds", type=float, default=5.0, help="wall time per case")
    parser.add_argument("--json", action="store_true", help="one JSON object per case")
    args = parser.parse_args()
    measure(0.5, True)  # warm-up: the .NET runtime's first start, disk caches
    cases = [measure(args.seconds, True), measure(args.seconds, False), measure(args.seconds, True, envs=8)]
    framing = framing_cost()
    json_framing, json_bytes = json_framing_cost()
    trips = {pin: ping(min(2.0, args.seconds), pin) for pin in (True, False)}
    os.sched_setaffinity(0, set(range(os.cpu_count())))
    if args.json:
        for case in cases:
            print(json.dumps(case))
        print(json.dumps({"case": "python framing per step", "microseconds": round(framing * 1e6, 2), "load_average": os.getloadavg()}))
        print(json.dumps({"case": "python framing per step, had it been JSON", "microseconds": round(json_framing * 1e6, 2), "reply_bytes": json_bytes, "binary_reply_bytes": 8 * (1 + 9 + 400) + 2}))
        print(json.dumps({"case": "empty round trip", "one_core_microseconds": round(trips[True], 1), "two_cores_microseconds": round(trips[False], 1)}))
        return
    print(f"zhou2024, 10 UEs, 20-step episodes, policy: shortest upload (numpy); goal 5,000 steps/s on one core")
    print(f"{'case':22} {'steps/s':>9} {'episodes':>9} {'simulating':>11} {'encoding':>9} {'policy':>7} {'protocol':>9} {'sim only/s':>11}")
    for c in cases:
        print(
            f"{c['case']:22} {c['steps_per_second']:9,d} {c['episodes']:9,d} {100 * c['simulating_share']:10.1f}% {100 * c['encoding_share']:8.1f}%"
            f" {100 * c['policy_share']:6.1f}% {100 * c['protocol_share']:8.1f}% {c['simulator_only_steps_per_second']:11,d}"
        )
    print("shares of the wall time; protocol = the rest (framing on both sides, pipe system calls, process switches);")
    print("sim only/s = steps over the server's simulating seconds (resets included): the rate without Python and the protocol")
    print(f"python framing alone (pack an action, parse a canned step reply): {framing * 1e6:.1f} us per step")
    print(f"the same in JSON (dump the action, parse a {json_bytes:,d}-byte reply of the same numbers into arrays): {json_framing * 1e6:.1f} us per step, against {8 * 410 + 2:,d} bytes binary")
    print(f"smallest round trip (a request with a 4-byte reply): {trips[True]:.1f} us on one core, {trips[False]:.1f} us on two")
    print("load average (1, 5, 15 min) at the end: " + ", ".join(f"{x:.1f}" for x in os.getloadavg()) + f" on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
