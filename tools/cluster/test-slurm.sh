#!/bin/bash
# Tests the Slurm templates of this folder on a real one-node Slurm on this host. As root, it
# installs Debian's slurm-wlm, munge and sqlite3 when missing, writes a one-node configuration in a scratch
# folder, starts its own munged, slurmctld and slurmd (and stops exactly those at the end), then:
#   1. submits a small sweep with submit-slurm.sh, waits for the array and the merge, and checks
#      that the merged database equals `netsim sweep` run locally (run keys, summary rows and a hash
#      of the tasks rows);
#   2. submits a longer sweep whose shard 0 is cancelled with scancel and whose shard 1 ends at its
#      --time limit, checks that the merge job was cancelled and that `netsim merge` refuses the
#      shards naming their runs, then resubmits with the same command (without the short --time)
#      and checks the merge succeeds with every run complete. Slurm's shortest --time is one
#      minute, so this part takes minutes: each run of the longer sweep lasts about three.
#   tools/cluster/test-slurm.sh            # exit 0 passed, 1 failed, 77 cannot run here (not root)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

say() { echo "test-slurm: $*"; }
fail() { echo "test-slurm: FAILED: $*" >&2; exit 1; }

if [[ $(id -u) -ne 0 ]]; then
    say "skipped: needs root (to install and start munged, slurmctld and slurmd)"
    exit 77
fi

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null || ! command -v sbatch >/dev/null \
    || ! command -v sqlite3 >/dev/null; then
    say "installing slurm-wlm, munge and sqlite3 (the checks read the databases with it)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge sqlite3 >/dev/null
fi

say "building netsim"
dotnet build src/NetSim.Cli -c Release -v q -nologo >/dev/null
scratch=$(mktemp -d /tmp/netsim-slurm-XXXXXX)
chmod 700 "$scratch"
pids=()
cleanup() {
    local pid
    # Jobs of this cluster first (a failed check may leave some running), then its daemons.
    if [[ -n ${SLURM_CONF:-} ]] && scancel --quiet --user=root 2>/dev/null; then
        for _ in $(seq 60); do
            [[ -z $(squeue -h -o '%i' 2>/dev/null) ]] && break
            sleep 1
        done
    fi
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$scratch"
}
trap cleanup EXIT

# netsim on PATH for the jobs, as the templates expect.
mkdir -p "$scratch/bin"
printf '#!/bin/sh\nexec dotnet %s "$@"\n' "$root/src/NetSim.Cli/bin/Release/net10.0/netsim.dll" >"$scratch/bin/netsim"
chmod +x "$scratch/bin/netsim"
export PATH="$scratch/bin:$PATH"

# munge: its own key, socket and files in the scratch folder.
started=$(date +%s)
dd if=/dev/urandom of="$scratch/munge.key" bs=1024 count=1 status=none
chmod 400 "$scratch/munge.key"
munged --foreground --force --key-file="$scratch/munge.key" --socket="$scratch/munge.socket" \
    --pid-file="$scratch/munged.pid" --log-file="$scratch/munged.log" --seed-file="$scratch/munged.seed" >"$scratch/munged.out" 2>&1 &
pids+=($!)

# A one-node cluster on this host, on ports no system Slurm uses.
host=$(hostname -s)
cpus=$(nproc)
memory=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512 ))
mkdir -p "$scratch/state" "$scratch/spool"
cat >"$scratch/slurm.conf" <<EOF
ClusterName=netsimtest
SlurmctldHost=$host
SlurmctldPort=16817
SlurmdPort=16818
AuthType=auth/munge
AuthInfo=socket=$scratch/munge.socket
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$scratch/state
SlurmdSpoolDir=$scratch/spool
SlurmctldPidFile=$scratch/slurmctld.pid
SlurmdPidFile=$scratch/slurmd.pid
SlurmctldLogFile=$scratch/slurmctld.log
SlurmdLogFile=$scratch/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU_Memory
ReturnToService=2
KillWait=30
MinJobAge=600
NodeName=$host CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$scratch/slurm.conf
slurmctld -D -i -f "$SLURM_CONF" >"$scratch/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >"$scratch/slurmd.out" 2>&1 &
pids+=($!)
for _ in $(seq 100); do
    sinfo -h -N -o '%T' 2>/dev/null | grep -Eq '^(idle|mixed|allocated)' && break
    sleep 0.2
done
sinfo -h -N -o '%T' 2>/dev/null | grep -Eq '^(idle|mixed|allocated)' \
    || { tail -5 "$scratch/slurmctld.log" "$scratch/slurmd.log" >&2; fail "the node did not come up"; }
say "one-node Slurm up in $(( $(date +%s) - started )) s"

# Waits until none of the given jobs is pending or running (up to $2 seconds).
wait_jobs() {
    local jobs=$1 limit=$2 t0
    t0=$(date +%s)
    while [[ -n $(squeue -h -j "$jobs" -o '%i' 2>/dev/null) ]]; do
        (( $(date +%s) - t0 < limit )) || fail "jobs $jobs still queued after $limit s: $(squeue -j "$jobs")"
        sleep 1
    done
}

# Rows of a database that must equal between two sweeps: run keys with status, summaries, a hash of tasks.
fingerprint() {
    sqlite3 "$1" "SELECT run_id, run_key, status FROM runs ORDER BY run_id;"
    sqlite3 "$1" "SELECT run_id, metric, value FROM summary WHERE metric NOT LIKE '%wall%' ORDER BY run_id, metric;"
    sqlite3 "$1" "SELECT * FROM tasks ORDER BY run_id, task_id;" | sha256sum
}

work=$scratch/work
mkdir -p "$work"
cd "$work"
cat >small.yaml <<EOF
include: $root/scenarios/quickstart.yaml
duration: 2s
sweep:
  parameters:
    ues.count: [2, 3]
  policies: [local, nearest]
  replications: 2
EOF

# 1. A small sweep in three shards equals the local sweep.
check_started=$(date +%s)
submitted=$("$root/tools/cluster/submit-slurm.sh" small.yaml 3 merged.db)
say "$submitted"
read -r array merge < <(sed -E 's/.*job ([0-9]+) .*merge job ([0-9]+).*/\1 \2/' <<<"$submitted")
wait_jobs "$array,$merge" 120
[[ -f merged.db ]] || { cat netsim-merge-*.out >&2 || true; fail "the merge job wrote no merged.db"; }
netsim sweep small.yaml --out local.db >/dev/null
diff <(fingerprint merged.db) <(fingerprint local.db) >/dev/null || fail "the merged database differs from a local sweep"
say "merged shards equal the local sweep ($(sqlite3 merged.db 'SELECT COUNT(*) FROM runs') runs, $(sqlite3 merged.db 'SELECT COUNT(*) FROM tasks') tasks) in $(( $(date +%s) - check_started )) s"

# 2. A cancelled shard and a timed-out shard: merge refuses, the same command again completes.
cat >long.yaml <<EOF
include: $root/scenarios/quickstart.yaml
duration: 20000000s
max_time: 1000000000s
policy: nearest
ues: {count: 2}
sweep:
  replications: 2
EOF
rm -rf results/shards
export SWEEP_OPTIONS="--trace summary"
submitted=$("$root/tools/cluster/submit-slurm.sh" long.yaml 2 long.db --time=1)
read -r array merge < <(sed -E 's/.*job ([0-9]+) .*merge job ([0-9]+).*/\1 \2/' <<<"$submitted")
for _ in $(seq 120); do
    [[ $(squeue -h -j "${array}_0" -t R -o '%i' 2>/dev/null) ]] && [[ -f results/shards/shard-00000.db ]] && break
    sleep 0.5
done
sleep 3
scancel "${array}_0"
say "cancelled shard 0; shard 1 runs to its one-minute --time limit"
wait_jobs "$array,$merge" 240
[[ ! -f long.db ]] || fail "the merge job ran although shard 0 was cancelled"
state=$(sacct -n -j "$merge" -o State 2>/dev/null | head -1 || true)
say "merge job after the cancelled shard: ${state:-gone (killed on its invalid dependency)}"
set +e
refused=$(netsim merge long.db results/shards/shard-00000.db results/shards/shard-00001.db 2>&1)
status=$?
set -e
[[ $status -eq 2 ]] || fail "merge of the broken shards exited $status, not 2: $refused"
grep -q 'shard-00000.db: run [0-9]* of shard 0/2' <<<"$refused" || fail "merge did not name the cancelled shard's runs: $refused"
# At the time limit the tested Slurm (22.05) killed the shard without netsim handling a signal, so
# its run is left running rather than interrupted; either way merge must name it.
grep -Eq 'shard-00001.db: run [0-9]* of shard 1/2 \(.*\) is (interrupted|running)' <<<"$refused" \
    || fail "merge did not name the timed-out shard's run: $refused"
say "merge refused the broken shards: $(grep -c ' of shard ' <<<"$refused") runs named"

# The documented resubmit: the same command (here without the short --time).
submitted=$("$root/tools/cluster/submit-slurm.sh" long.yaml 2 long.db)
read -r array merge < <(sed -E 's/.*job ([0-9]+) .*merge job ([0-9]+).*/\1 \2/' <<<"$submitted")
wait_jobs "$array,$merge" 600
[[ -f long.db ]] || { cat netsim-merge-*.out >&2 || true; fail "the resubmitted sweep did not merge"; }
[[ $(sqlite3 long.db "SELECT COUNT(*) FROM runs WHERE status = 'complete'") -eq 2 ]] || fail "the resubmitted sweep does not have its 2 runs complete"
say "passed in $(( $(date +%s) - started )) s"
