#!/usr/bin/env bash
# Reproduces every figure of the three papers (Zhou et al.; Wang, Liu and Zhao; Wang, Li and Wang)
# and the policy-by-scenario matrix with one command: builds netsim once, trains the learned
# agents, runs the sweeps, draws the named figures into results/papers/*.png and writes
# results/papers/README.md with each paper's claim beside NetSim's numbers. Every learned agent is
# trained with each of the training seeds below and evaluated with each checkpoint on the same
# replications, so the README gives the mean and the spread over training seeds.
#
#   tools/reproduce-papers.sh           # the full reproduction
#   tools/reproduce-papers.sh --quick   # fewer replications, episodes and devices
#
# Databases, checkpoints and logs go to results/papers/work/ (not committed). Needs the .NET 10 SDK.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
case "${1:-}" in
  "") ;;
  --quick) mode=quick ;;
  *) echo "usage: tools/reproduce-papers.sh [--quick]" >&2; exit 2 ;;
esac

if [[ $mode == quick ]]; then
  reps=2                 # replications of every evaluated point
  zhou_episodes=150      # actor-critic training episodes (20 slots each)
  wang_episodes=8        # MADDPG/DDPG training episodes (120 s of arrivals each) at 10 devices (Fig. 2)
  wang_episodes_other=8  # the same at the other device counts
  wang_devices="5 10"    # device counts with trained agents (Fig. 4 of Wang, Li and Wang)
  # agents trained only for the matrix and as the papers' "beyond" columns (another paper's world)
  zhou_ddpg_episodes=8   # the DDPG family on zhou2024
  wang_ac_episodes=30    # actor-critic on wang2025
  wang24_episodes=50     # every agent on wang2024 (one batch, one step an episode)
  wang_validate=4        # the DDPG family on wang2025 keeps its state with the best return on held-out worlds, checked every so many episodes
else
  reps=5                 # with three training seeds of every agent, 5 keep the script near an hour on 2 cores
  zhou_episodes=400
  wang_episodes=40       # 4.7 s an episode at 20 devices: 40 episodes x 3 agents x 3 seeds x 4 device counts is
  wang_episodes_other=40 # half an hour of both cores; validation keeps each agent's best state
  wang_devices="5 10 15 20"
  zhou_ddpg_episodes=30  # the DDPG family on zhou2024 (40 devices, 4 s an episode) settles by episode 10
  wang_ac_episodes=100   # actor-critic on wang2025 reaches its final reward by episode 45
  wang24_episodes=200
  wang_validate=5
fi
wang_agents="maddpg-mato maddpg-nomodel ddpg"
seeds="1 2 3"            # training seeds of every learned agent (each checkpoint NAME-sSEED.ckpt)
# Learned-agent options (the same in training and evaluation: features are scaled by time_scale).
# Latencies are hundreds of milliseconds in the zhou2024 world and seconds in the wang2025 world,
# so each gets a time scale of that order; batch 128 keeps MADDPG's updates affordable on 2 cores.
zhou_learned=(--set policy.options.time_scale=100ms)
zhou_ddpg=(--set policy.options.time_scale=100ms --set policy.options.batch=128)
wang_learned=(--set policy.options.time_scale=1s --set policy.options.batch=128)
wang_ac=(--set policy.options.time_scale=1s)
# Training only: validation on 3 held-out worlds picks the checkpoint (policy.options.validate_every).
wang_train=(--set "policy.options.validate_every=$wang_validate")
# wang2024's policy.options are sca-kkt's; the other policies run there without them.
wang24_learned=(--set "policy.options={}")

out=results/papers
work=$out/work
start=$(date +%s)
log() { printf '[%4ds] %s\n' "$(($(date +%s) - start))" "$*"; }

log "building netsim ($mode run)"
dotnet build src/NetSim.Cli -c Release -nologo -v q >/dev/null
netsim=src/NetSim.Cli/bin/Release/net10.0/netsim
rm -rf "$work"
mkdir -p "$work/logs"
root=$(pwd)
ckpt() { echo "$root/$work/$1.ckpt"; }

# Background jobs, at most two at a time (the machine's cores); a failed job stops the script.
pids=()
spawn() {
  local name=$1
  shift
  "$@" >"$work/logs/$name.log" 2>&1 &
  pids+=("$!")
  if ((${#pids[@]} >= 2)); then
    wait "${pids[0]}"
    pids=("${pids[@]:1}")
  fi
}
drain() {
  for p in "${pids[@]}"; do wait "$p"; done
  pids=()
}

# 1. Training: every agent with every seed, longest first so that the two cores stay busy.
log "training (seeds $seeds): actor-critic (zhou2024, $zhou_episodes episodes, bounds 15 and 20 ms); $wang_agents (wang2025, $wang_episodes episodes, devices $wang_devices); every agent on the other worlds"
for n in $(echo "$wang_devices" | tr ' ' '\n' | sort -rn); do
  for seed in $seeds; do
    for agent in $wang_agents; do
      spawn "train-wang2025-$agent-n$n-s$seed" "$netsim" train scenarios/papers/wang2025/wang2025.yaml --agent "$agent" --seed "$seed" \
        --episodes "$( ((n == 10)) && echo "$wang_episodes" || echo "$wang_episodes_other")" --set "ues.count=$n" "${wang_learned[@]}" "${wang_train[@]}" \
        --out "$(ckpt "wang2025-$agent-n$n-s$seed")" --db "$work/train-wang2025-$agent-n$n-s$seed.db"
    done
  done
done
for seed in $seeds; do
  # Beyond the papers: every agent on every paper's world (the matrix, and actor-critic in the
  # wang2025 figures: its networks do not depend on the device count, so one checkpoint serves all).
  for agent in $wang_agents; do
    spawn "train-zhou2024-$agent-s$seed" "$netsim" train scenarios/papers/zhou2024/zhou2024.yaml --agent "$agent" --seed "$seed" \
      --episodes "$zhou_ddpg_episodes" "${zhou_ddpg[@]}" --out "$(ckpt "zhou2024-$agent-s$seed")" --db "$work/train-zhou2024-$agent-s$seed.db"
  done
  for bound in 15 20; do
    spawn "train-zhou2024-${bound}ms-s$seed" "$netsim" train scenarios/papers/zhou2024/zhou2024.yaml --agent actor-critic --seed "$seed" \
      --episodes "$zhou_episodes" --set "ues.task_types.0.deadline=${bound}ms" "${zhou_learned[@]}" \
      --out "$(ckpt "zhou2024-actor-critic-${bound}ms-s$seed")" --db "$work/train-zhou2024-${bound}ms-s$seed.db"
  done
  spawn "train-wang2025-actor-critic-s$seed" "$netsim" train scenarios/papers/wang2025/wang2025.yaml --agent actor-critic --seed "$seed" \
    --episodes "$wang_ac_episodes" --set ues.count=10 "${wang_ac[@]}" --out "$(ckpt "wang2025-actor-critic-s$seed")" --db "$work/train-wang2025-actor-critic-s$seed.db"
  for agent in actor-critic $wang_agents; do
    batch=()
    [[ $agent == actor-critic ]] || batch=(--set policy.options.batch=128)
    spawn "train-wang2024-$agent-s$seed" "$netsim" train scenarios/papers/wang2024/wang2024.yaml --agent "$agent" --seed "$seed" \
      --episodes "$wang24_episodes" "${wang24_learned[@]}" "${batch[@]}" \
      --out "$(ckpt "wang2024-$agent-s$seed")" --db "$work/train-wang2024-$agent-s$seed.db"
  done
done
drain
log "training done"

sweep() { "$netsim" sweep "$@" --set "sweep.replications=$reps" --overwrite >"$work/logs/sweep-$(basename "${*: -1}" .db).log" 2>&1; }

# 2. Zhou et al.: Figs. 3, 4 and 5.
log "zhou2024: sweeps"
sweep scenarios/papers/zhou2024/fig3.yaml --out "$work/zhou2024-analytic.db"
for bound in 15 20; do
  for seed in $seeds; do
    sweep scenarios/papers/zhou2024/zhou2024.yaml --set "sweep.policies=[actor-critic]" "${zhou_learned[@]}" \
      --set "policy.checkpoint=$(ckpt "zhou2024-actor-critic-${bound}ms-s$seed")" --set "ues.task_types.0.deadline=${bound}ms" \
      --out "$work/zhou2024-actor-critic-${bound}ms-s$seed.db"
  done
done
"$netsim" merge "$work/zhou2024-fig3.db" "$work/zhou2024-analytic.db" "$work"/zhou2024-actor-critic-15ms-s*.db --overwrite >/dev/null
"$netsim" merge "$work/zhou2024-fig4.db" "$work"/zhou2024-actor-critic-{15,20}ms-s*.db --overwrite >/dev/null
"$netsim" merge "$work/zhou2024-fig5.db" "$work"/train-zhou2024-15ms-s*.db --overwrite >/dev/null

# 3. Wang, Liu and Zhao: Figs. 1 and 2 (sca-kkt is an optimiser: nothing to train).
log "wang2024: sweeps"
sweep scenarios/papers/wang2024/fig1.yaml --out "$work/wang2024-fig1-equal.db"
sweep scenarios/papers/wang2024/fig1.yaml --set "sweep.policies=[sca-kkt]" --set policy.options.c1=10 --out "$work/wang2024-fig1-c1.db"
sweep scenarios/papers/wang2024/fig1.yaml --set "sweep.policies=[sca-kkt]" --set policy.options.c2=10 --out "$work/wang2024-fig1-c2.db"
sweep scenarios/papers/wang2024/fig1.yaml --set "sweep.policies=[sca-kkt]" --set policy.options.c3=0.01 --out "$work/wang2024-fig1-c3.db"
"$netsim" merge "$work/wang2024-fig1.db" "$work"/wang2024-fig1-{equal,c1,c2,c3}.db --overwrite >/dev/null
sweep scenarios/papers/wang2024/fig2.yaml --out "$work/wang2024-fig2.db"
sweep scenarios/papers/wang2024/fig2.yaml --set policy.options.flip_rounds=0 --out "$work/wang2024-fig2-paper.db"

# 4. Wang, Li and Wang: Figs. 2, 3 and 4.
log "wang2025: runs"
run() { "$netsim" run "$@" --replications "$reps" >>"$work/logs/runs.log" 2>&1; }
sweep scenarios/papers/wang2025/wang2025.yaml --out "$work/wang2025-fig4-analytic.db"
for n in $wang_devices; do
  for seed in $seeds; do
    for agent in $wang_agents; do
      run scenarios/papers/wang2025/wang2025.yaml --policy "$agent" --set "ues.count=$n" "${wang_learned[@]}" \
        --set "policy.checkpoint=$(ckpt "wang2025-$agent-n$n-s$seed")" --out "$work/wang2025-fig4-learned.db"
    done
    run scenarios/papers/wang2025/wang2025.yaml --policy actor-critic --set "ues.count=$n" "${wang_ac[@]}" \
      --set "policy.checkpoint=$(ckpt "wang2025-actor-critic-s$seed")" --out "$work/wang2025-fig4-learned.db"
  done
done
"$netsim" merge "$work/wang2025-fig4.db" "$work/wang2025-fig4-analytic.db" "$work/wang2025-fig4-learned.db" --overwrite >/dev/null
for file in models-3 models-4 models-5 wang2025; do
  for policy in random greedy-compatible least-latency; do
    run "scenarios/papers/wang2025/$file.yaml" --policy "$policy" --set ues.count=10 --out "$work/wang2025-fig3.db"
  done
  for seed in $seeds; do
    for agent in $wang_agents; do
      run "scenarios/papers/wang2025/$file.yaml" --policy "$agent" --set ues.count=10 "${wang_learned[@]}" \
        --set "policy.checkpoint=$(ckpt "wang2025-$agent-n10-s$seed")" --out "$work/wang2025-fig3.db"
    done
    run "scenarios/papers/wang2025/$file.yaml" --policy actor-critic --set ues.count=10 "${wang_ac[@]}" \
      --set "policy.checkpoint=$(ckpt "wang2025-actor-critic-s$seed")" --out "$work/wang2025-fig3.db"
  done
done
"$netsim" merge "$work/wang2025-fig2.db" "$work"/train-wang2025-{maddpg-mato,maddpg-nomodel,ddpg}-n10-s*.db --overwrite >/dev/null
"$netsim" merge "$work/train-zhou2024-maddpg-mato.db" "$work"/train-zhou2024-maddpg-mato-s*.db --overwrite >/dev/null

# 5. Beyond the papers: every policy on every paper's base scenario, each learned agent with the
# checkpoint trained on that world. A policy that cannot run on a world is listed with the reason
# from its failed run.
log "matrix"
analytic="local nearest random greedy greedy-compatible least-latency optimal sca-kkt"
# matrix_run SCENARIO POLICY ARGS...: a failure is recorded in matrix-SCENARIO.failures as "policy|message".
matrix_run() {
  local scenario=$1 policy=$2 output
  shift 2
  if ! output=$("$netsim" run "scenarios/papers/$scenario/$scenario.yaml" --policy "$policy" "$@" --replications "$reps" \
    --out "$work/matrix-$scenario.db" 2>&1); then
    echo "$policy|$(echo "$output" | grep -v '^\s*$' | tail -1 | tr '|' '/')" >>"$work/matrix-$scenario.failures"
  fi
  echo "$output" >>"$work/logs/matrix.log"
}
for policy in $analytic; do
  matrix_run zhou2024 "$policy"
  # wang2024's policy.options are sca-kkt's; optimal checks its options, so the others run without them.
  if [[ $policy == sca-kkt ]]; then matrix_run wang2024 "$policy"; else matrix_run wang2024 "$policy" "${wang24_learned[@]}"; fi
  matrix_run wang2025 "$policy"
done
matrix_run wang2024 sca-kkt --set policy.options.flip_rounds=0
for seed in $seeds; do
  matrix_run zhou2024 actor-critic "${zhou_learned[@]}" --set "policy.checkpoint=$(ckpt "zhou2024-actor-critic-15ms-s$seed")"
  matrix_run wang2024 actor-critic "${wang24_learned[@]}" --set "policy.checkpoint=$(ckpt "wang2024-actor-critic-s$seed")"
  matrix_run wang2025 actor-critic "${wang_ac[@]}" --set "policy.checkpoint=$(ckpt "wang2025-actor-critic-s$seed")"
  for agent in $wang_agents; do
    matrix_run zhou2024 "$agent" "${zhou_ddpg[@]}" --set "policy.checkpoint=$(ckpt "zhou2024-$agent-s$seed")"
    matrix_run wang2024 "$agent" "${wang24_learned[@]}" --set policy.options.batch=128 --set "policy.checkpoint=$(ckpt "wang2024-$agent-s$seed")"
    matrix_run wang2025 "$agent" "${wang_learned[@]}" --set "policy.checkpoint=$(ckpt "wang2025-$agent-n10-s$seed")"
  done
done

# 6. Figures.
log "figures"
for figure in zhou2024-fig3 zhou2024-fig4 zhou2024-fig5 wang2024-fig1 wang2024-fig2 wang2025-fig2 wang2025-fig3 wang2025-fig4; do
  for ext in png svg; do
    "$netsim" plot "$work/$figure.db" --figure "$figure" --out "$out/$figure.$ext" >/dev/null
  done
done

# 7. README.
log "README"
elapsed=$(($(date +%s) - start))
"$netsim" papers-readme "$work" --mode "$mode" --elapsed "$elapsed" --replications "$reps" --zhou-episodes "$zhou_episodes" \
  --wang-episodes "$wang_episodes" --wang-episodes-other "$wang_episodes_other" --wang-devices "$wang_devices" \
  --zhou-ddpg-episodes "$zhou_ddpg_episodes" --wang-ac-episodes "$wang_ac_episodes" --wang2024-episodes "$wang24_episodes" --training-seeds "$seeds" --out "$out/README.md"
log "done: $out/README.md and $out/*.png in $((elapsed / 60)) min $((elapsed % 60)) s"
