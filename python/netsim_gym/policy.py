"""The policy side of `netsim run --policy external` (docs/python.md, "A trained Python policy in
netsim run"): netsim starts the process named by ``policy.options.command`` and asks it for each
decision epoch's actions over its standard input and output.

    import netsim_gym

    def make(hello):                      # called once, with the handshake (spaces, time_scale)
        return lambda observation, now: my_actions(observation)   # (devices, row) -> devices ints

    netsim_gym.serve_policy(make)

The observation is the one `netsim serve` sends for the same world state (the same features,
scaled by the handshake's ``time_scale``), shaped (devices, row); the answer is one integer per
device with the action space's meaning (0 local, 1..K edge k-1, K+1 the cloud).
"""

import json
import os
import struct
import sys
import traceback

import numpy as np

from .protocol import CLOSE, ERROR, REPLY, VERSION, NetsimError

BEGIN, DECIDE = 0x10, 0x11
_HEADER = struct.Struct("<IB")


def _read_exactly(stream, n):
    data = b""
    while len(data) < n:
        chunk = stream.read(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def _send(stream, kind, body=b""):
    stream.write(_HEADER.pack(len(body) + 1, kind) + body)
    stream.flush()


def serve_policy(make_policy, stdin=None, stdout=None):
    """Answers netsim's decision requests until it closes the session or its input ends.

    ``make_policy(hello)`` gets the handshake (a dict: ``devices``, ``observation`` with ``shape``
    and ``features``, ``action`` with ``nvec`` and ``targets``, ``time_scale``) and returns
    ``decide(observation, now)``, where ``observation`` is a float64 array of shape (devices, row)
    and ``now`` the simulated time in seconds, returning one integer per device. An exception in
    ``decide`` is sent to netsim as an error (its run fails with the message) and its traceback
    goes to standard error. Standard output carries the protocol, so ``print`` is moved to standard
    error while serving."""
    if stdout is None:
        stdout = os.fdopen(os.dup(sys.stdout.fileno()), "wb", buffering=0)
        sys.stdout.flush()
        os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    if stdin is None:
        stdin = sys.stdin.buffer
    try:
        _answer(make_policy, stdin, stdout)
    except (KeyboardInterrupt, BrokenPipeError):
        # Ctrl-C reaches the whole process group, and netsim ends the session itself: nothing to report.
        return


def _answer(make_policy, stdin, stdout):
    decide = None
    shape = None
    while True:
        header = _read_exactly(stdin, 5)
        if header is None:
            return
        length, kind = _HEADER.unpack(header)
        body = _read_exactly(stdin, length - 1) if length > 1 else b""
        if body is None:
            return
        try:
            if kind == BEGIN:
                if body[:4] != b"NSIM":
                    raise NetsimError("the handshake does not start with NSIM")
                (version,) = struct.unpack_from("<H", body, 4)
                if version != VERSION:
                    raise NetsimError(f"netsim speaks protocol {version}; this netsim_gym speaks {VERSION}")
                (size,) = struct.unpack_from("<I", body, 6)
                hello = json.loads(body[10 : 10 + size].decode("utf-8"))
                shape = tuple(hello["observation"]["shape"])
                decide = make_policy(hello)
                _send(stdout, BEGIN | REPLY)
            elif kind == DECIDE:
                if decide is None:
                    raise NetsimError("a decision before the handshake")
                (now,) = struct.unpack_from("<d", body, 0)
                observation = np.frombuffer(body, "<f8", shape[0] * shape[1], 8).reshape(shape)
                action = np.ascontiguousarray(np.asarray(decide(observation, now)).reshape(-1), dtype="<i4")
                if action.size != shape[0]:
                    raise NetsimError(f"the policy returned {action.size} actions, expected {shape[0]} (one per device)")
                _send(stdout, DECIDE | REPLY, action.tobytes())
            elif kind == CLOSE:
                _send(stdout, CLOSE | REPLY)
                return
            else:
                raise NetsimError(f"unknown request type 0x{kind:02x}")
        except Exception as error:  # noqa: BLE001 - every failure of the user's policy is reported to netsim
            traceback.print_exc(file=sys.stderr)
            _send(stdout, ERROR, f"{type(error).__name__}: {error}".encode("utf-8"))
