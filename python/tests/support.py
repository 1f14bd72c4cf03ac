"""What the tests share: the repository's paths and a small zhou2024 world."""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = os.path.normpath(os.path.join(HERE, ".."))
ROOT = os.path.normpath(os.path.join(PYTHON, ".."))
if PYTHON not in sys.path:
    sys.path.insert(0, PYTHON)

ZHOU = os.path.join(ROOT, "scenarios", "papers", "zhou2024", "zhou2024.yaml")
# Five UEs, ten 1 s slots per episode: a few milliseconds per episode.
SMALL = {"ues.count": 5, "duration": "10s"}
