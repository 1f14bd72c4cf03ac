"""The client side of the `netsim serve` protocol, version 1 (docs/python.md gives the byte layout).

A frame is a little-endian uint32 length, a type byte and a body; the server speaks first (the
handshake) and answers each request with one reply, or with an error frame (type 0xFF, UTF-8 text)
that leaves every environment as it was.
"""

import io
import json
import os
import shutil
import socket
import struct
import subprocess
import sys

import numpy as np

VERSION = 1
RESET, STEP, TASKS, CLOSE = 0x01, 0x02, 0x03, 0x04
HELLO, REPLY, ERROR = 0x80, 0x80, 0xFF

_HEADER = struct.Struct("<IB")
_RESET = struct.Struct("<IBiBQI")
_STEP = struct.Struct("<IBB")


class NetsimError(RuntimeError):
    """The server refused a request (the message says what was wrong) or could not be started."""


def _repository_build():
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, "..", "..", "src", "NetSim.Cli", "bin", "Release", "net10.0", "netsim.dll"))


def netsim_command():
    """The command that runs netsim: $NETSIM_CLI (a netsim.dll, run with dotnet, or an executable),
    else the repository's Release build beside this package, else `netsim` on the PATH."""
    given = os.environ.get("NETSIM_CLI")
    if given:
        return ["dotnet", given] if given.endswith(".dll") else [given]
    built = _repository_build()
    if os.path.exists(built):
        return ["dotnet", built]
    found = shutil.which("netsim")
    if found:
        return [found]
    raise NetsimError(
        "netsim not found: set NETSIM_CLI to the path of netsim.dll (dotnet build NetSim.sln -c Release writes "
        "src/NetSim.Cli/bin/Release/net10.0/netsim.dll) or put netsim on the PATH"
    )


def overrides_of(overrides):
    """`--set key.path=value` arguments of keyword overrides; `ues__count=10` stands for `ues.count=10`."""
    args = []
    for key, value in overrides.items():
        if isinstance(value, bool):
            value = "true" if value else "false"
        args += ["--set", f"{key.replace('__', '.')}={value}"]
    return args


class Connection:
    """One `netsim serve` process and its session: the handshake in ``hello``, requests as methods."""

    def __init__(self, scenario, overrides=None, envs=1, port=None, command=None, serve_args=(), stderr=None):
        """Starts ``command`` (default: netsim_command()) ``serve scenario``, with ``serve_args`` after
        the scenario's; ``stderr`` as for subprocess.Popen (standard input and output mode only)."""
        args = (command or netsim_command()) + ["serve", os.fspath(scenario), "--envs", str(envs)] + list(serve_args) + overrides_of(overrides or {})
        self._socket = None
        if port is None:
            self._process = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, bufsize=0)
            # Buffered: read(n) returns n bytes (or fewer only at the end), in one system call when the reply is in the pipe.
            self._in = io.BufferedReader(self._process.stdout, 1 << 16)
            self._out = self._process.stdin
        else:
            self._process = subprocess.Popen(args + ["--port", str(port)], stdin=subprocess.DEVNULL, stderr=subprocess.PIPE)
            line = self._process.stderr.readline().decode("utf-8", "replace")
            if "listening on" not in line:
                self._process.wait()
                raise NetsimError(f"netsim serve did not start (exit {self._process.returncode}): {line.strip()}")
            host, _, listening = line.strip().rpartition(" ")[2].rpartition(":")
            self._socket = socket.create_connection((host, int(listening)))
            self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._in = self._socket.makefile("rb")
            self._out = self._socket.makefile("wb", buffering=0)
        kind, body = self._read()
        if kind != HELLO or body[:4] != b"NSIM":
            raise NetsimError(f"netsim serve sent no handshake (message type 0x{kind:02x})")
        (version,) = struct.unpack_from("<H", body, 4)
        if version != VERSION:
            raise NetsimError(f"netsim serve speaks protocol {version}; this netsim_gym speaks {VERSION}")
        (length,) = struct.unpack_from("<I", body, 6)
        self.hello = json.loads(body[10 : 10 + length].decode("utf-8"))
        self.envs = int(self.hello["envs"])
        self.devices = int(self.hello["devices"])
        rows, row = self.hello["observation"]["shape"]
        self.observation_size = rows * row
        self.info_names = list(self.hello["info"])
        self.stderr_text = ""
        self.closed = False

    def _read(self):
        header = self._in.read(5)
        if len(header) < 5:
            self._died()
        length, kind = _HEADER.unpack(header)
        body = self._in.read(length - 1) if length > 1 else b""
        if len(body) < length - 1:
            self._died()
        return kind, body

    def _died(self):
        self._release()
        code = self._process.wait()
        raise NetsimError(f"netsim serve ended (exit {code}) without a reply; its standard error says why")

    def _request(self, frame, expected):
        self._out.write(frame)
        kind, body = self._read()
        if kind == ERROR:
            raise NetsimError(body.decode("utf-8", "replace"))
        if kind != expected:
            raise NetsimError(f"netsim serve replied with message type 0x{kind:02x}, expected 0x{expected:02x}")
        return body

    def send_raw(self, kind, body=b""):
        """Sends a frame of type ``kind`` and returns the reply's (type, body): for tests of bad requests."""
        self._out.write(_HEADER.pack(len(body) + 1, kind) + body)
        return self._read()

    def reset(self, env=-1, seed=None, options=None):
        """Resets environment ``env`` (-1: all, environment i then gets seed + i); returns (observations, infos) as arrays."""
        text = json.dumps(options).encode("utf-8") if options else b""
        frame = _RESET.pack(18 + len(text), RESET, env, 0 if seed is None else 1, 0 if seed is None else int(seed), len(text)) + text
        body = self._request(frame, RESET | REPLY)
        count = self.envs if env == -1 else 1
        observations = np.frombuffer(body, "<f8", count * self.observation_size).reshape(count, self.observation_size)
        infos = np.frombuffer(body, "<f8", count * len(self.info_names), 8 * count * self.observation_size).reshape(count, -1)
        return observations, infos

    def step(self, actions, autoreset=False):
        """Steps every environment with ``actions`` (envs x devices integers); returns
        (observations, rewards, terminated, truncated, infos) as arrays."""
        actions = np.ascontiguousarray(actions, dtype="<i4")
        if actions.size != self.envs * self.devices:
            raise ValueError(f"{actions.size} action integers, expected {self.envs * self.devices} ({self.envs} environments x {self.devices} devices)")
        data = actions.tobytes()
        body = self._request(_STEP.pack(len(data) + 2, STEP, 1 if autoreset else 0) + data, STEP | REPLY)
        n, k, d = self.envs, len(self.info_names), self.observation_size
        rewards = np.frombuffer(body, "<f8", n)
        infos = np.frombuffer(body, "<f8", n * k, 8 * n).reshape(n, k)
        observations = np.frombuffer(body, "<f8", n * d, 8 * (n + n * k)).reshape(n, d)
        flags = np.frombuffer(body, np.uint8, 2 * n, 8 * (n + n * k + n * d))
        return observations, rewards, flags[:n].astype(bool), flags[n:].astype(bool), infos

    def tasks(self, env=0, previous=False):
        """The tasks of environment ``env``'s episode that have ended so far, or with ``previous`` all
        the tasks of the episode before it (the one an automatic reset ended): a dict of arrays
        (task_id, ue, latency, bound, energy_j, completed), in the order they settled."""
        frame = struct.pack("<IBiB", 6, TASKS, env, 1) if previous else struct.pack("<IBi", 5, TASKS, env)
        body = self._request(frame, TASKS | REPLY)
        (c,) = struct.unpack_from("<I", body, 0)
        at = 4
        result = {}
        for name, dtype, size in (("task_id", "<i8", 8), ("ue", "<i4", 4), ("latency", "<f8", 8), ("bound", "<f8", 8), ("energy_j", "<f8", 8), ("completed", np.uint8, 1)):
            result[name] = np.frombuffer(body, dtype, c, at)
            at += size * c
        result["completed"] = result["completed"].astype(bool)
        return result

    def info_dict(self, row):
        """An info row as a dict: times and counts by name."""
        return {name: (float(v) if name == "now" else int(v)) for name, v in zip(self.info_names, row)}

    def close(self):
        """Ends the session and waits for the server to exit."""
        if self.closed:
            return
        self.closed = True
        try:
            self._request(_HEADER.pack(1, CLOSE), CLOSE | REPLY)
        except (NetsimError, OSError):
            pass
        for stream in (self._out, self._process.stdin):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stderr is not None and self._socket is None:
            self.stderr_text = self._process.stderr.read().decode("utf-8", "replace")
        self._release()

    def _release(self):
        for stream in (self._out, self._in, self._process.stdout, self._process.stdin, self._process.stderr):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass
        if self._socket is not None:
            self._socket.close()

    def __del__(self):
        if not getattr(self, "closed", True):
            try:
                self.close()
            except Exception:  # noqa: BLE001 - nothing to report to at interpreter exit
                print("netsim_gym: closing netsim serve failed", file=sys.stderr)
