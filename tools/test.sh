#!/usr/bin/env bash
# Installs the Debian packages the tests use (tools/deps.sh), builds the solution in Release and
# runs every test project, then the Python package's tests (python/tests, unittest, against the
# Release build of netsim).
set -euo pipefail
cd "$(dirname "$0")/.."
./tools/deps.sh
dotnet build NetSim.sln -c Release
dotnet test NetSim.sln -c Release --no-build --logger "console;verbosity=minimal"
NETSIM_CLI="$PWD/src/NetSim.Cli/bin/Release/net10.0/netsim.dll" /usr/bin/python3 python/tests/run.py
