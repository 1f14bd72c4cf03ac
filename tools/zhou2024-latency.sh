#!/usr/bin/env bash
# Mean latency (95% CI over replications), completed share and deadline met of each policy on the
# zhou2024 scenario for N = 10 to 40 UEs, as a Markdown table. Usage: tools/zhou2024-latency.sh [REPLICATIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
replications="${1:-5}"
dotnet build src/NetSim.Cli -c Release >/dev/null
netsim=src/NetSim.Cli/bin/Release/net10.0/netsim
db="$(mktemp --suffix=.db)"
trap 'rm -f "$db"' EXIT
cell() { grep "$1" | sed 's/│/|/g' | awk -F'|' '{gsub(/^ +| +$/, "", $3); print $3}'; }
echo "| N | policy | mean latency | completed | deadline met |"
echo "|---|---|---|---|---|"
for n in 10 15 20 25 30 35 40; do
  for policy in random greedy greedy-compatible least-latency; do
    out="$("$netsim" run scenarios/papers/zhou2024/zhou2024.yaml --policy "$policy" --set "ues.count=$n" \
      --replications "$replications" --out "$db" --overwrite 2>&1)"
    echo "| $n | $policy | $(echo "$out" | cell 'mean latency') | $(echo "$out" | cell ' completed ') | $(echo "$out" | cell 'deadline met') |"
  done
done
