#!/usr/bin/env bash
# Fuzzes the built netsim in processes: writes N hostile mutations of the shipped scenarios (the
# fuzz test's ScenarioFuzzer, from --seed) and runs `netsim validate` on each, and `netsim run`
# (1 s of arrivals) on each that validates. Every process must exit 0 or 2, every refusal must be
# located (FILE:LINE:COL), none may take over 20 s or use over 1 GB. Prints a summary; exit 1 on
# any violation.
#   tools/fuzz.sh [--n 10000] [--seed 1]
set -uo pipefail
cd "$(dirname "$0")/.."
n=10000
seed=1
while [ $# -gt 0 ]; do
  case "$1" in
    --n) n="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    *) echo "usage: tools/fuzz.sh [--n N] [--seed S]" >&2; exit 2 ;;
  esac
done

dotnet build src/NetSim.Cli -c Release -v quiet -nologo >/dev/null || exit 1
dotnet build tools/fuzz -c Release -v quiet -nologo >/dev/null || exit 1
netsim="$PWD/src/NetSim.Cli/bin/Release/net10.0/netsim.dll"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet tools/fuzz/bin/Release/net10.0/FuzzCases.dll scenarios "$work" "$n" "$seed" || exit 1

ok=0; refused=0; skipped=0; violations=0; slowest=0; largest=0
report() { violations=$((violations + 1)); echo "VIOLATION case $1 ($(cat "$2/kind")): $3" >&2; }

# Runs netsim ARGS... in case folder $2 (case number $1); sets rc and checks time, memory and messages.
check() {
  local i="$1" dir="$2"; shift 2
  local start end ms kb
  start=$(date +%s%N)
  (cd "$dir" && /usr/bin/time -f %M -o "$dir/.mem" timeout 20 dotnet "$netsim" "$@" >"$dir/.out" 2>"$dir/.err")
  rc=$?
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  kb=$(tail -n 1 "$dir/.mem" 2>/dev/null | tr -dc 0-9)
  [ "$ms" -gt "$slowest" ] && slowest=$ms
  [ -n "$kb" ] && [ "$kb" -gt "$largest" ] && largest=$kb
  if [ "$rc" -eq 124 ]; then report "$i" "$dir" "$1 ran over 20 s"; return; fi
  # A --set value longer than the system allows for one argument never reaches netsim.
  if [ "$rc" -eq 126 ] && grep -q 'Argument list too long' "$dir/.err"; then skipped=$((skipped + 1)); rc=skip; return; fi
  if [ -n "$kb" ] && [ "$kb" -gt 1048576 ]; then report "$i" "$dir" "$1 used $((kb / 1024)) MB"; fi
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 2 ]; then report "$i" "$dir" "$1 exited $rc: $(head -c 300 "$dir/.err")"; return; fi
  if grep -q '   at ' "$dir/.err"; then report "$i" "$dir" "$1 printed a stack trace"; fi
  if [ "$rc" -eq 2 ]; then
    local unlocated
    unlocated=$(grep -v -E '^.+:[0-9]+:[0-9]+: |^[0-9]+ errors? in |^\.\.\. and [0-9]+ more errors ' "$dir/.err" | head -n 1)
    if [ -n "$unlocated" ]; then report "$i" "$dir" "$1 refused without a location: $(printf '%s' "$unlocated" | head -c 300)"; fi
  fi
}

for ((i = 0; i < n; i++)); do
  dir="$work/case-$i"
  mapfile -t extra < "$dir/args"
  check "$i" "$dir" validate s.yaml "${extra[@]}"
  if [ "$rc" = 0 ]; then
    ok=$((ok + 1))
    check "$i" "$dir" run s.yaml "${extra[@]}" --set duration=1s --set max_time=10s --trace summary --out "$dir/out.db"
  elif [ "$rc" = 2 ]; then
    refused=$((refused + 1))
  fi
  if [ $(( (i + 1) % 100 )) -eq 0 ]; then echo "[$((i + 1))/$n] $ok ok, $refused refused, $violations violations" >&2; fi
done

echo "fuzz: $n cases (seed $seed): $ok validated (and ran), $refused refused, $skipped skipped (an argument too long for the system), $violations violations; slowest process $slowest ms, largest $((largest / 1024)) MB"
[ "$violations" -eq 0 ]
