#!/usr/bin/env bash
# Installs the Debian packages the tests use (tools/deps.sh), builds the solution in Release and
# runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."
./tools/deps.sh
dotnet build NetSim.sln -c Release
dotnet test NetSim.sln -c Release --no-build --logger "console;verbosity=minimal"
