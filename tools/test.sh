#!/usr/bin/env bash
# Builds the solution in Release and runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build NetSim.sln -c Release
dotnet test NetSim.sln -c Release --no-build --logger "console;verbosity=minimal"
