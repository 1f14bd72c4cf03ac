#!/usr/bin/env bash
# Fuzzes the built netsim in processes: writes N hostile mutations of the shipped scenarios (the
# fuzz test's ScenarioFuzzer, from --seed) and runs `netsim validate` on each, and `netsim run`
# (1 s of arrivals) on each that validates. Every process must exit 0 or 2, every refusal must be
# located (FILE:LINE:COL), none may take over 20 s of CPU time or use over 1 GB, and a process still
# alive after 120 s of wall time is a hang (one that waits without computing, on a pipe say, uses no
# CPU). CPU time, not wall time, is judged so that a loaded machine cannot fail a case that is
# merely waiting for a core. Cases run --jobs at a time (default 1). Prints progress every
# 100 cases and a summary; exit 1 on any violation.
#   tools/fuzz.sh [--n 10000] [--seed 1] [--jobs 1]
set -uo pipefail
cd "$(dirname "$0")/.."
n=10000
seed=1
jobs=1
while [ $# -gt 0 ]; do
  case "$1" in
    --n) n="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    *) echo "usage: tools/fuzz.sh [--n N] [--seed S] [--jobs J]" >&2; exit 2 ;;
  esac
done
case "$n$jobs" in *[!0-9]*) echo "fuzz: --n and --jobs take whole numbers" >&2; exit 2 ;; esac
[ "$jobs" -ge 1 ] || { echo "fuzz: --jobs must be at least 1" >&2; exit 2; }

# netsim is published ReadyToRun (compiled ahead for this machine's runtime), so each of the many
# short processes spends about 40% less CPU compiling at start than the plain build would.
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64) rid=linux-arm64 ;;
  *) echo "fuzz: no ReadyToRun runtime known for $(uname -m)" >&2; exit 1 ;;
esac
dotnet publish src/NetSim.Cli -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
  -o tools/fuzz/bin/netsim -v quiet -nologo >/dev/null || exit 1
dotnet build tools/fuzz -c Release -v quiet -nologo >/dev/null || exit 1
export netsim="$PWD/tools/fuzz/bin/netsim/netsim.dll"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet tools/fuzz/bin/Release/net10.0/FuzzCases.dll scenarios "$work" "$n" "$seed" || exit 1

# Runs netsim ARGS... in case folder $2 (case number $1); sets rc, and appends the process's time
# and memory and any violation to the case's .result.
check() {
  local i="$1" dir="$2"; shift 2
  local kb cpu wall user sys unlocated
  (cd "$dir" && /usr/bin/time -f '%M %e %U %S' -o "$dir/.mem" timeout 120 dotnet "$netsim" "$@" >"$dir/.out" 2>"$dir/.err")
  rc=$?
  read -r kb wall user sys < <(tail -n 1 "$dir/.mem" 2>/dev/null)
  case "$kb" in ''|*[!0-9]*) kb= ;; esac
  cpu=$(awk -v u="${user:-0}" -v s="${sys:-0}" 'BEGIN { printf "%d", (u + s) * 1000 }')
  echo "ms $cpu" >>"$dir/.result"
  [ -n "$kb" ] && echo "kb $kb" >>"$dir/.result"
  violation() { echo "violation case $i ($(cat "$dir/kind")): $*" >>"$dir/.result"; }
  if [ "$rc" -eq 124 ]; then violation "$1 still running after 120 s of wall time"; return; fi
  if [ "$cpu" -gt 20000 ]; then violation "$1 took $((cpu / 1000)) s of CPU time"; fi
  # A --set value longer than the system allows for one argument never reaches netsim.
  if [ "$rc" -eq 126 ] && grep -q 'Argument list too long' "$dir/.err"; then rc=skip; return; fi
  if [ -n "$kb" ] && [ "$kb" -gt 1048576 ]; then violation "$1 used $((kb / 1024)) MB"; fi
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 2 ]; then violation "$1 exited $rc: $(head -c 300 "$dir/.err")"; return; fi
  if grep -q '   at ' "$dir/.err"; then violation "$1 printed a stack trace"; fi
  if [ "$rc" -eq 2 ]; then
    unlocated=$(grep -v -E '^.+:[0-9]+:[0-9]+: |^[0-9]+ errors? in |^\.\.\. and [0-9]+ more errors ' "$dir/.err" | head -n 1)
    if [ -n "$unlocated" ]; then violation "$1 refused without a location: $(printf '%s' "$unlocated" | head -c 300)"; fi
  fi
}

# One case: validate, and run what validates; the outcome is the first line of .result's verdict.
fuzz_case() {
  local i="$1" dir="$work/case-$1" extra
  mapfile -t extra < "$dir/args"
  check "$i" "$dir" validate s.yaml "${extra[@]}"
  case "$rc" in
    0) echo "outcome ok" >>"$dir/.result"
       check "$i" "$dir" run s.yaml "${extra[@]}" --set duration=1s --set max_time=10s --trace summary --out "$dir/out.db" ;;
    2) echo "outcome refused" >>"$dir/.result" ;;
    skip) echo "outcome skipped" >>"$dir/.result" ;;
  esac
  rm -f "$dir/out.db"
  touch "$dir/.done"
}
export work
export -f check fuzz_case

seq 0 $((n - 1)) | xargs -P "$jobs" -I{} bash -c 'fuzz_case {}' &
runner=$!
trap 'kill $runner 2>/dev/null; rm -rf "$work"' EXIT
shown=0
while kill -0 "$runner" 2>/dev/null; do
  sleep 5
  done_now=$(find "$work" -maxdepth 2 -name .done | wc -l)
  if [ $((done_now / 100)) -gt $((shown / 100)) ]; then
    shown=$done_now
    echo "[$done_now/$n] $(cat "$work"/case-*/.result 2>/dev/null | grep -c '^violation') violations" >&2
  fi
done
wait "$runner"

results="$work/all-results"
cat "$work"/case-*/.result >"$results" 2>/dev/null
grep '^violation' "$results" | sed 's/^violation/VIOLATION/' >&2
ok=$(grep -c '^outcome ok' "$results")
refused=$(grep -c '^outcome refused' "$results")
skipped=$(grep -c '^outcome skipped' "$results")
violations=$(grep -c '^violation' "$results")
slowest=$(awk '$1 == "ms" && $2 > m { m = $2 } END { print m + 0 }' "$results")
largest=$(awk '$1 == "kb" && $2 > m { m = $2 } END { print m + 0 }' "$results")
echo "fuzz: $n cases (seed $seed, $jobs at a time): $ok validated (and ran), $refused refused, $skipped skipped (an argument too long for the system), $violations violations; most CPU time of a process $slowest ms, largest $((largest / 1024)) MB"
[ "$violations" -eq 0 ]
