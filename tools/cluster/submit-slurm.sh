#!/bin/bash
# Submits a NetSim sweep as a Slurm job array of SHARDS tasks and a merge job that runs after all
# of them succeeded (and is cancelled when one fails, is cancelled or times out).
#   tools/cluster/submit-slurm.sh SCENARIO SHARDS OUT.db [extra sbatch options...]
# Submitting the same command again resumes: each shard runs only its runs not complete.
set -euo pipefail
if (( $# < 3 )); then
    echo "usage: $0 SCENARIO SHARDS OUT.db [sbatch options...]" >&2
    exit 2
fi

scenario=$1 shards=$2 out=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
export SCENARIO=$scenario SHARDS=$shards OUT=$out
array=$(sbatch --parsable --array="0-$((shards - 1))" --export=ALL "$@" "$here/sweep-shard.slurm")
merge=$(sbatch --parsable --dependency="afterok:${array}" --kill-on-invalid-dep=yes --export=ALL "$@" "$here/merge.slurm")
echo "sweep array job ${array} (${shards} shards), merge job ${merge} -> ${out}"
