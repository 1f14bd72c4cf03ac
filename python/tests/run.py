"""Runs the Python tests (unittest discovery in this folder) and ends with one line in the form the
.NET test runner uses, `Failed: F, Passed: P, Skipped: S`, which .ci/run adds to its totals."""

import os
import sys
import unittest

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
suite = unittest.defaultTestLoader.discover(here, top_level_dir=here)
result = unittest.TextTestRunner(verbosity=1).run(suite)
failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
skipped = len(result.skipped)
passed = result.testsRun - failed - skipped
print(f"{'Passed!' if failed == 0 else 'Failed!'}  - Failed: {failed:5d}, Passed: {passed:5d}, Skipped: {skipped:5d}, Total: {result.testsRun:5d} - python (netsim_gym)")
sys.exit(0 if failed == 0 else 1)
