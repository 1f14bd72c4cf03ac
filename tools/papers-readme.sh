#!/usr/bin/env bash
# Writes results/papers/README.md to stdout from the databases of tools/reproduce-papers.sh.
# Usage: tools/papers-readme.sh WORK_DIR MODE ELAPSED_S REPS ZHOU_EPISODES WANG_EPISODES WANG_EPISODES_OTHER "WANG_DEVICES"
#                               ZHOU_DDPG_EPISODES WANG_AC_EPISODES WANG24_EPISODES
set -euo pipefail
export LC_ALL=C
work=$1 mode=$2 elapsed=$3 reps=$4 zhou_episodes=$5 wang_episodes=$6 wang_episodes_other=$7 wang_devices=$8
zhou_ddpg_episodes=$9 wang_ac_episodes=${10} wang24_episodes=${11}

# Student t quantile (two-sided 95%) for n replications, as netsim's summaries use.
T="CASE n WHEN 1 THEN 0 WHEN 2 THEN 12.706 WHEN 3 THEN 4.303 WHEN 4 THEN 3.182 WHEN 5 THEN 2.776 WHEN 6 THEN 2.571
  WHEN 7 THEN 2.447 WHEN 8 THEN 2.365 WHEN 9 THEN 2.306 WHEN 10 THEN 2.262 WHEN 11 THEN 2.228 WHEN 12 THEN 2.201
  WHEN 13 THEN 2.179 WHEN 14 THEN 2.160 WHEN 15 THEN 2.145 WHEN 16 THEN 2.131 WHEN 17 THEN 2.120 WHEN 18 THEN 2.110
  WHEN 19 THEN 2.101 WHEN 20 THEN 2.093 ELSE 1.96 END"
param() { echo "json_extract(r.params, '\$.\"$1\"')"; }
models="CASE WHEN r.scenario LIKE '%models-3%' THEN 3 WHEN r.scenario LIKE '%models-4%' THEN 4 WHEN r.scenario LIKE '%models-5%' THEN 5 ELSE 6 END"

# stats DB METRIC SCALE GROUP SERIES [WHERE]: lines "group|series|mean|ci95|n" over complete runs.
stats() {
  sqlite3 -separator '|' "$1" "
WITH v AS (SELECT $5 AS s, $4 AS g, sv.value * $3 AS x FROM runs r
           JOIN summary sv ON sv.run_id = r.run_id AND sv.metric = '$2'
           WHERE r.status = 'complete' AND sv.value IS NOT NULL ${6:+AND $6}),
a AS (SELECT g, s, count(*) AS n, avg(x) AS m FROM v GROUP BY g, s),
b AS (SELECT a.g, a.s, a.n, a.m, sqrt(total((v.x - a.m) * (v.x - a.m)) / max(a.n - 1, 1)) AS sd
      FROM a JOIN v ON v.g IS a.g AND v.s = a.s GROUP BY a.g, a.s)
SELECT g, s, m, ($T) * sd / sqrt(n), n FROM b ORDER BY g + 0, s;"
}

# val DB METRIC SCALE WHERE [DIGITS]: the mean over complete runs matching WHERE, rounded (for the prose).
val() {
  sqlite3 "$1" "SELECT printf('%.${5:-0}f', avg(sv.value * $3)) FROM runs r JOIN summary sv ON sv.run_id = r.run_id AND sv.metric = '$2'
                WHERE r.status = 'complete' AND sv.value IS NOT NULL AND $4"
}

# below DB GROUP LABEL A B: "at every LABEL", "at no LABEL" or "at LABEL = ... (k of K)": the groups where
# policy A's mean latency is below policy B's.
below() {
  sqlite3 -separator '|' "$1" "
WITH m AS (SELECT r.policy AS p, $2 AS k, avg(s.value) AS v FROM runs r JOIN summary s ON s.run_id = r.run_id AND s.metric = 'mean_latency'
           WHERE r.status = 'complete' GROUP BY r.policy, $2)
SELECT group_concat(CASE WHEN a.v < b.v THEN a.k END, ', '), count(CASE WHEN a.v < b.v THEN 1 END), count(*)
FROM (SELECT * FROM m WHERE p = '$4' ORDER BY k + 0) a JOIN m b ON b.p = '$5' AND b.k = a.k" |
    awk -F'|' -v g="$3" '{ if ($2 == $3) print "at every " g; else if ($2 == 0) print "at no " g; else printf "at %s = %s (%d of %d)\n", g, $1, $2, $3 }'
}

# paired DB WHERE A B [METRIC]: "d ± c s (verdict)", A's mean METRIC (default mean_latency, in s) minus B's over the
# replications both ran among the runs matching WHERE (replication r gives both the same world, so
# the difference is paired), with its 95% interval.
paired() {
  sqlite3 -separator '|' "$1" "
WITH x AS (SELECT r.replication AS k, r.policy AS p, s.value AS v FROM runs r JOIN summary s ON s.run_id = r.run_id AND s.metric = '${5:-mean_latency}'
           WHERE r.status = 'complete' AND $2),
d AS (SELECT a.v - b.v AS x FROM x a JOIN x b ON b.k = a.k AND a.p = '$3' AND b.p = '$4'),
m AS (SELECT count(*) AS n, avg(x) AS mu FROM d)
SELECT mu, ($T) * sqrt((SELECT total((x - mu) * (x - mu)) FROM d) / max(n - 1, 1)) / sqrt(n), n FROM m" |
    awk -F'|' '{
      verdict = $3 < 2 ? "too few replications to compare" : $1 + $2 < 0 ? "lower with 95% confidence" : $1 - $2 > 0 ? "higher with 95% confidence" : "no difference NetSim can resolve"
      printf "%+.2f ± %.2f s (%s)\n", $1, $2, verdict
    }'
}

# targets DB WHERE "policy=Label;...": a Markdown table of where each policy's tasks ran (share of the
# runs' tasks decided to the device, an edge server or the cloud, and the mean share offloaded).
targets() {
  sqlite3 -separator '|' "$1" "
SELECT r.policy, 100.0 * avg(t.target = 'local'), 100.0 * avg(t.target LIKE 'edge%'), 100.0 * avg(t.target = 'cloud'),
       100.0 * avg(CASE WHEN t.target = 'local' THEN 0 ELSE coalesce(t.offload_ratio, 1) END)
FROM runs r JOIN tasks t ON t.run_id = r.run_id WHERE r.status = 'complete' AND t.target IS NOT NULL AND $2 GROUP BY r.policy" |
    awk -F'|' -v series="$3" '
      { local[$1] = $2; edge[$1] = $3; cloud[$1] = $4; work[$1] = $5 }
      END {
        print "| policy | on the device (%) | to an edge server (%) | to the cloud (%) | share of the work offloaded (%) |"
        print "|---|---|---|---|---|"
        k = split(series, S, ";")
        for (i = 1; i <= k; i++) {
          split(S[i], kv, "=")
          if (kv[1] in local) printf "| %s | %.0f | %.0f | %.0f | %.0f |\n", kv[2], local[kv[1]], edge[kv[1]], cloud[kv[1]], work[kv[1]]
        }
      }'
}

# pivot HEADER "key=Label;key=Label..." < stats lines: a Markdown table, a row per group, a column per series.
pivot() {
  awk -F'|' -v head="$1" -v series="$2" '
    function num(x, d) { return sprintf("%." d "f", x) }
    function digits(x) { x = x < 0 ? -x : x; return x >= 100 ? 0 : x >= 10 ? 1 : x >= 1 || x == 0 ? 2 : x >= 0.01 ? 3 : 5 }
    function cell(g, k,   d) {
      if (!((g, k) in m)) return "-"
      d = digits(m[g, k])
      return n[g, k] < 2 ? num(m[g, k], d) : num(m[g, k], d) " ± " num(c[g, k], d)
    }
    { if (!($1 in seen)) { order[++ng] = $1; seen[$1] = 1 } m[$1, $2] = $3; c[$1, $2] = $4; n[$1, $2] = $5 }
    END {
      k = split(series, S, ";")
      printf "| %s |", head
      for (i = 1; i <= k; i++) { split(S[i], kv, "="); key[i] = kv[1]; printf " %s |", kv[2] }
      printf "\n|---|"; for (i = 1; i <= k; i++) printf "---|"; printf "\n"
      for (j = 1; j <= ng; j++) {
        printf "| %s |", order[j]
        for (i = 1; i <= k; i++) printf " %s |", cell(order[j], key[i])
        printf "\n"
      }
    }'
}

# convergence DB AGENT: "episodes|first-ten mean|last-tenth mean|episode the ten-episode mean first reaches the last tenth|last-tenth latency (s)|training wall s"
convergence() {
  sqlite3 -separator '|' "$1" "
WITH e AS (SELECT episode, reward, mean_latency, wall_seconds,
                  avg(reward) OVER (ORDER BY episode ROWS 9 PRECEDING) AS ma FROM episodes WHERE agent = '$2'),
k AS (SELECT max(1, count(*) / 10) AS tenth, count(*) AS total FROM e),
last AS (SELECT avg(reward) AS fin, avg(mean_latency) AS lat FROM (SELECT reward, mean_latency FROM e ORDER BY episode DESC LIMIT (SELECT tenth FROM k)))
SELECT (SELECT total FROM k),
       printf('%.1f', (SELECT avg(reward) FROM (SELECT reward FROM e ORDER BY episode LIMIT 10))),
       printf('%.1f', (SELECT fin FROM last)),
       (SELECT min(episode) FROM e WHERE episode >= 9 AND ma >= (SELECT fin FROM last)),
       printf('%.3f', (SELECT lat FROM last)),
       printf('%.0f', (SELECT total(wall_seconds) FROM e));"
}
convergence_table() {
  local db=$1
  shift
  echo "| agent | episodes | mean reward, first 10 | mean reward, last tenth | ten-episode mean first reaches the last tenth's | mean latency, last tenth (s) | training time (s) |"
  echo "|---|---|---|---|---|---|---|"
  for agent in "$@"; do
    IFS='|' read -r total first fin reached lat wall < <(convergence "$db" "$agent")
    echo "| $agent | $total | $first | $fin | ${reached:+episode $reached}${reached:-never (still improving at the end)} | $lat | $wall |"
  done
}

ms="mean_latency"
zhou_series="actor-critic=Proposed (actor-critic);greedy=Greedy;random=Random;least-latency=least-latency (beyond);optimal=optimal (beyond)"
wang25_series="maddpg-mato=MADDPG-MATO;maddpg-nomodel=MADDPG-NoModel;ddpg=SADDPG;random=Random;greedy-compatible=Greedy;least-latency=least-latency (beyond);actor-critic=actor-critic (beyond)"
weights="'(' || coalesce($(param policy.options.c1), '1') || ', ' || coalesce($(param policy.options.c2), '1') || ', ' || coalesce($(param policy.options.c3), '0.001') || ')'"
fig1_series="CASE WHEN r.policy = 'random' THEN 'random' ELSE $weights END"
fig1_cols="(1, 1, 0.001)=sca-kkt, equal weights;(10, 1, 0.001)=sca-kkt, c1 x 10 (time);(1, 10, 0.001)=sca-kkt, c2 x 10 (error);(1, 1, 0.01)=sca-kkt, c3 x 10 (energy);random=Random"
fig2_cols="f10=S_0^max 10;f20=S_0^max 20;f40=S_0^max 40;p10=paper only, 10;p20=paper only, 20;p40=paper only, 40"
budget=$(param policy.options.edge_steps_budget)
n=$(param ues.count)
bound=$(param ues.task_types.0.deadline)

cat <<EOF
# The papers' figures, reproduced

Written by \`tools/reproduce-papers.sh$([[ $mode == quick ]] && echo " --quick")\` in $((elapsed / 60)) min $((elapsed % 60)) s (the
whole script: build, training, sweeps, figures, this file). Every number below is read from the
trace databases of that run (\`results/papers/work/\`, not committed): mean ± 95% confidence
(Student t) over **$reps replications**; replication r gives every policy the same positions,
arrivals and task sizes (common random numbers). Learned agents: actor-critic trained for
**$zhou_episodes episodes** (20 slots each) per latency bound; MADDPG-MATO, MADDPG-NoModel and SADDPG
trained for $(if [[ $wang_episodes == "$wang_episodes_other" ]]; then echo "**$wang_episodes episodes** (120 s of arrivals each) at each device count ($wang_devices), each"; else echo "**$wang_episodes episodes** (120 s of arrivals each) at 10 devices and **$wang_episodes_other** at the other device counts ($wang_devices), each"; fi)
device count its own checkpoint (their networks are sized by the number of devices). Beyond the
papers, every agent is also trained on the other papers' worlds: the actor-critic on wang2025
($wang_ac_episodes episodes at 10 devices) and wang2024 ($wang24_episodes), the DDPG family on zhou2024
($zhou_ddpg_episodes episodes at 40 devices) and wang2024 ($wang24_episodes). The models were never tuned to match a
figure; where NetSim disagrees with a paper, the section says so and why.

EOF

cat <<EOF
## Zhou et al., Fig. 3: latency against the number of UEs

![zhou2024-fig3](zhou2024-fig3.png)

**Paper:** "as the number of UEs in the set increases from 10 to 40, the processing time increases
for all the offloading schemes, but the proposed scheme consistently demonstrates a clear advantage
in taking the least time to execute the tasks" (Fig. 3: proposed < greedy < random at every N).

**NetSim** (scenarios/papers/zhou2024/zhou2024.yaml, Table I; mean latency in ms):

EOF
stats "$work/zhou2024-fig3.db" "$ms" 1000 "$n" r.policy | pivot "N" "$zhou_series"
z3="$work/zhou2024-fig3.db"
at() { echo "r.policy = '$1' AND $n = '$2'"; }
cat <<EOF

**Agreement.** Latency grows with N for the actor-critic ($(val "$z3" mean_latency 1000 "$(at actor-critic 10)") to
$(val "$z3" mean_latency 1000 "$(at actor-critic 40)") ms) and greedy ($(val "$z3" mean_latency 1000 "$(at greedy 10)") to $(val "$z3" mean_latency 1000 "$(at greedy 40)") ms), and random is by far the worst. The
proposed actor-critic is faster than greedy $(below "$z3" "$n" N actor-critic greedy), as the paper shows. Beyond the paper,
it is also faster than least-latency $(below "$z3" "$n" N actor-critic least-latency) and than the per-slot optimum $(below "$z3" "$n" N actor-critic optimal):
\`optimal\` solves each slot's problem (1) in a model where the slot's own uploads share their
stations' bands but do not interfere with one another (docs/optimal.md), while the agent learns
from the world's latencies, that interference included. It gets there because it scores each task's candidates (device,
each station) with one shared network on features that count the slot's earlier decisions, and
because each task's cost is clipped in the TD error so that early episodes whose uploads pile up
do not drown the signal (src/NetSim.Learning/Agents/ActorCriticAgent.cs); it is trained once, at
N = 40, and the same checkpoint runs at every N.

**Disagreement.** Random is not a little worse but orders of magnitude worse
($(val "$z3" mean_latency 1 "$(at random 40)" 1) s mean at N = 40, $(val "$z3" completion_rate 100 "$(at random 40)")% of tasks finished within the 10-minute cap):
it sends tasks to stations up to 1.5 km away, whose uploads under eq. 2's SINR outlast the 1 s
slot, pile up and interfere with every later slot, so the uplink collapses. The paper's random
curve is a modest factor above greedy, which eq. 2 as printed does not give in this world.
EOF

cat <<EOF

## Zhou et al., Fig. 4: UEs meeting the 15 ms and 20 ms bounds

![zhou2024-fig4](zhou2024-fig4.png)

**Paper:** with the bound set to 15 ms and 20 ms in training, "as the number of UEs increases from
10 to 40, few UEs violate the latency bound due to increased contention for computing resources"
(Fig. 4: nearly all N UEs meet either bound).

**NetSim** (the actor-critic trained and evaluated with each bound; UEs meeting the bound per slot
= deadline-met rate x N):

EOF
stats "$work/zhou2024-fig4.db" deadline_met_rate 1 "$n" "$bound" \
  | awk -F'|' -v OFS='|' '{ $3 *= $1; $4 *= $1; print }' | pivot "N" "15ms=bound 15 ms;20ms=bound 20 ms"

cat <<EOF

Share of tasks meeting each bound under every policy at N = 10 and N = 40 (%):

EOF
stats "$work/zhou2024-fig3.db" deadline_met_rate 100 "$n" r.policy "$n IN ('10', '40')" | pivot "N (bound 15 ms)" "$zhou_series"
met() {
  sqlite3 "$work/zhou2024-fig4.db" "SELECT printf('%.0f of %.0f', total(a.value * b.value), total(b.value)) FROM runs r
    JOIN summary a ON a.run_id = r.run_id AND a.metric = 'deadline_met_rate'
    JOIN summary b ON b.run_id = r.run_id AND b.metric = 'tasks_created'
    WHERE r.status = 'complete' AND $bound = '$1'"
}
cat <<EOF

**Disagreement.** Almost no UE meets either bound under any policy (the actor-critic's runs: $(met 15ms)
tasks within 15 ms, $(met 20ms) within 20 ms), while the paper shows nearly all of them meeting
both. Table I's own values rule it out: an edge task computes 200 MFLOP at 15 GFLOPS,
13.3 ms, and a device task 50 MFLOP at 300 MFLOPS, 166.7 ms. Within 15 ms the 100-200 KB upload
would have 1.7 ms: at least 470 Mbit/s over 20 MHz (23.5 bit/s/Hz, an SINR above 70 dB). Within
20 ms it would have 6.7 ms: 120 to 240 Mbit/s (SINR 18 to 36 dB), which with 20 dBm, -100 dBm
noise and the 3GPP path loss means a UE within about 70 to 200 m of a station, with the band to
itself and no interference, while every slot's uploads start together and, under eq. 2, interfere
at full power. The scenario keeps Table I's values rather than changing them to produce the figure.
EOF

cat <<EOF

## Zhou et al., Fig. 5: training convergence

![zhou2024-fig5](zhou2024-fig5.png)

**Paper:** "we plotted the average reward of each epoch as the DRL training advances" (Fig. 5: the
reward rises and levels off).

**NetSim** (actor-critic, bound 15 ms, N = 40; reward = minus the latency cost in units of
time_scale = 100 ms minus 1 per task missing its bound):

EOF
convergence_table "$work/zhou2024-fig5.db" actor-critic
cat <<'EOF'

**Agreement.** The reward rises and levels off as in the paper's Fig. 5. The first episodes are
far below the rest because the untrained policy offloads at random and collapses the uplink (the
random baseline's failure above); the agent soon learns to avoid that, and the moving average then
creeps up to its final level.
EOF

cat <<EOF

## Wang, Liu and Zhao, Fig. 1: time, quality and energy against S_e^max

![wang2024-fig1](wang2024-fig1.png)

**Paper:** "the total consumption time is decreased as S_e^max increase ... the energy consumption
also increases with increasing reverse diffusion steps" (Fig. 1(a), (c)); "the red line (proposed
equal weights) outperforms others comprehensively ... all proposed methods outperform the
baseline" (random initialisation).

**NetSim** (scenarios/papers/wang2024/fig1.yaml; weights (c1, c2, c3); the random baseline
picks device or edge uniformly and runs the task type's 20 steps).

Mean latency (ms):

EOF
stats "$work/wang2024-fig1.db" "$ms" 1000 "$budget" "$fig1_series" | pivot "S_e^max" "$fig1_cols"
echo
echo "Mean quality (utility 1 - e^(-C2 s), eq. 7):"
echo
stats "$work/wang2024-fig1.db" mean_quality 1 "$budget" "$fig1_series" | pivot "S_e^max" "$fig1_cols"
echo
echo "Mean energy per task (J):"
echo
stats "$work/wang2024-fig1.db" mean_energy_j 1 "$budget" "$fig1_series" | pivot "S_e^max" "$fig1_cols"
w1="$work/wang2024-fig1.db"
eq="r.policy = 'sca-kkt' AND $(param policy.options.c1) IS NULL AND $(param policy.options.c2) IS NULL AND $(param policy.options.c3) IS NULL"
c1="r.policy = 'sca-kkt' AND $(param policy.options.c1) = '10'"
cat <<EOF

**Agreement.** Where sca-kkt offloads (weights c1 x 10 and c2 x 10), the trends of Fig. 1 hold: as
S_e^max grows, more tasks run on the faster edge, so the time falls (c1 x 10:
$(val "$w1" mean_latency 1000 "$c1 AND $budget = '100'" 1) ms at S_e^max = 100, $(val "$w1" mean_latency 1000 "$c1 AND $budget = '3000'" 1) ms at 3,000), the quality rises and the
energy rises (an edge step costs k g^3 dt = 10 J, a device step 0.0675 J), until every task that
gains from the edge is there and the lines level off.

**Disagreement.** (1) With equal weights (w1 = w2 = 0.5, c = (1, 1, 0.001), the scenario's
scales) sca-kkt keeps every task on its device at every S_e^max (time
$(val "$w1" mean_latency 1000 "$eq" 1) ms, energy $(val "$w1" mean_energy_j 1 "$eq" 2) J, flat): an edge step costs 150 times the energy of a
device step, and at c3 = 0.001 per joule that outweighs the millisecond it saves and the quality
of the longer edge schedule. The paper's equal-weights line falls with S_e^max; its units for c1,
c2 and c3 are not given, and the scenario does not retune them to make it fall. (2) The paper's
"equal weights outperforms others comprehensively" does not hold: each weighting wins on the cost
it weights (equal weights on energy, c1 x 10 on time, c2 x 10 on quality). (3) The random baseline
runs about half the tasks on the edge at the task type's 20 steps: it is faster than the all-local
equal-weights answer ($(val "$w1" mean_latency 1000 "r.policy = 'random'" 1) ms) at $(val "$w1" mean_energy_j 1 "r.policy = 'random'" 0) J per task; it loses only on P1's weighted
objective, which it does not optimise. The paper's baseline also draws the steps at random; NetSim's
random policy chooses only the target.
EOF

cat <<EOF

## Wang, Liu and Zhao, Fig. 2: joint objective against S_e^max for three S_0^max

![wang2024-fig2](wang2024-fig2.png)

**Paper:** "as S_e^max increases, all three lines exhibit an initial decline followed by a
stabilization phase upon reaching an optimal solution" ((w1, w2) = (0.3, 0.7)).

**NetSim** (scenarios/papers/wang2024/fig2.yaml): P1's objective (eq. 8) at the decisions that ran
(\`policy:joint_objective\`), with the flip search after Algorithm 3 (NetSim's sca-kkt) and
without it (\`flip_rounds: 0\`, the paper's algorithm alone), and the share of tasks offloaded:

EOF
{
  stats "$work/wang2024-fig2.db" policy:joint_objective 1 "$budget" "'f' || $(param policy.options.local_steps_max)"
  stats "$work/wang2024-fig2-paper.db" policy:joint_objective 1 "$budget" "'p' || $(param policy.options.local_steps_max)"
} | sort -t'|' -k1,1n | pivot "S_e^max" "$fig2_cols"
echo
echo "Share of tasks offloaded to the edge (%):"
echo
{
  stats "$work/wang2024-fig2.db" policy:offload_rate 100 "$budget" "'f' || $(param policy.options.local_steps_max)"
  stats "$work/wang2024-fig2-paper.db" policy:offload_rate 100 "$budget" "'p' || $(param policy.options.local_steps_max)"
} | sort -t'|' -k1,1n | pivot "S_e^max" "$fig2_cols"
w2="$work/wang2024-fig2.db"
w2p="$work/wang2024-fig2-paper.db"
s0="$(param policy.options.local_steps_max)"
cat <<EOF

**Agreement (with the flip search).** For S_0^max = 10 and 20 the objective declines as S_e^max
grows and then stays flat once every task that gains from the edge is there (S_0^max = 10:
$(val "$w2" policy:joint_objective 1 "$s0 = '10' AND $budget = '100'" 2) at S_e^max = 100, $(val "$w2" policy:joint_objective 1 "$s0 = '10' AND $budget = '3000'" 2) at 3,000), the shape of Fig. 2. With S_0^max = 40 the
device's own schedule is good enough that no task is offloaded and the line is flat at
$(val "$w2" policy:joint_objective 1 "$s0 = '40' AND $budget = '3000'" 2).

**Disagreement (the paper's algorithm alone).** Algorithm 3 by itself (\`flip_rounds: 0\`)
offloads no task at any S_e^max, so its objective is flat ($(val "$w2p" policy:joint_objective 1 "$s0 = '10'" 2) for S_0^max = 10): P1's
relaxation prefers fractional a_n below 1/2, which the rounding sends to the device (ScaKkt.md,
A8). The flip search NetSim adds after it is what produces the paper's declining curves.
EOF

cat <<EOF

## Wang, Li and Wang, Fig. 2: convergence

![wang2025-fig2](wang2025-fig2.png)

**Paper:** "MADDPG-MATO exhibits significant reward fluctuations initially but rapidly learns ...
eventually converging to approximately -40, outperforming all baseline algorithms".

**NetSim** (10 devices, scenarios/papers/wang2025/wang2025.yaml; reward = minus the latency cost in
units of time_scale = 1 s, minus 1 per task missing its 10 s bound, minus 10 per task never finished):

EOF
convergence_table "$work/wang2025-fig2.db" maddpg-mato maddpg-nomodel ddpg
mx="$work/matrix-wang2025.db"
# best_reward: the agent with the highest mean reward over the last tenth of its episodes.
best_reward() {
  for agent in maddpg-mato maddpg-nomodel ddpg; do
    echo "$(convergence "$work/wang2025-fig2.db" "$agent" | cut -d'|' -f3) $agent"
  done | sort -g -r | head -1 | cut -d' ' -f2
}
at10() { echo "$(val "$mx" mean_latency 1 "r.policy = '$1'" 2) s"; }
best=$(best_reward)
cat <<EOF

**Agreement.** All three agents start with large losses (untrained, they offload at random and
collapse the uplink as the random baseline does) and settle; the table gives the episode at which
each first reaches its final level ("never": the last tenth is better than any earlier ten
episodes, so more episodes would still help). Over the last tenth of training, $best has the highest
reward of the three$([[ $best == maddpg-mato ]] && echo ", as in the paper" || echo "; in the paper it is MADDPG-MATO").
The paper's reward scale (about -40) cannot be compared: its reward's units and weights are not given.

**Evaluated** without exploration on the 10-device base scenario (the matrix below: every policy on
the same replications), the mean latencies are MADDPG-MATO $(at10 maddpg-mato), MADDPG-NoModel
$(at10 maddpg-nomodel) and SADDPG $(at10 ddpg), against all-local $(at10 local), greedy
$(at10 greedy-compatible) and least-latency $(at10 least-latency). Where each policy sends its tasks:

EOF
targets "$mx" "1" "maddpg-mato=MADDPG-MATO;maddpg-nomodel=MADDPG-NoModel;ddpg=SADDPG;actor-critic=actor-critic (beyond);local=local;random=Random;greedy-compatible=Greedy (greedy-compatible);least-latency=least-latency;optimal=optimal"
cat <<EOF

MADDPG-MATO's mean latency minus MADDPG-NoModel's, paired by replication: $(paired "$mx" 1 maddpg-mato maddpg-nomodel).
Whether model awareness helps across model and device counts, the paper's claim, is tested in
Figs. 3 and 4 below.
EOF

for metric in "mean_latency|1|Mean latency (s)" "mean_energy_j|1|Mean energy per task (J)" "completion_rate|100|Completion rate (%)" "deadline_met_rate|100|Tasks finished within their 10 s bound (%)"; do
  IFS='|' read -r key scale title <<<"$metric"
  [[ $key == mean_latency ]] && cat <<EOF

## Wang, Li and Wang, Fig. 3: against the number of models (3 to 6)

![wang2025-fig3](wang2025-fig3.png)

**Paper:** "with the increase in the number of model types, the frequency of model switching rises,
leading to a general increase in latency and energy consumption, while the completion rate
generally declining ... MADDPG-MATO achieves an average reduction of approximately 6.98% in
latency, 7.12% in energy consumption, and an increase of about 3.72% in task completion rate".

**NetSim** (10 devices; models-3.yaml to models-5.yaml and wang2025.yaml; learned agents use the
10-device checkpoints, whose inputs do not depend on the model count):
EOF
  echo
  echo "$title:"
  echo
  stats "$work/wang2025-fig3.db" "$key" "$scale" "$models" r.policy | pivot "models" "$wang25_series"
done
f3="$work/wang2025-fig3.db"
m3() { echo "r.policy = '$1' AND $models = $2"; }
# rel DB GROUP METRIC A B: the mean over groups of A's mean METRIC over B's minus 1, as "X% below" or "X% above".
rel() {
  sqlite3 "$1" "
WITH m AS (SELECT r.policy AS p, $2 AS k, avg(s.value) AS v FROM runs r JOIN summary s ON s.run_id = r.run_id AND s.metric = '$3'
           WHERE r.status = 'complete' GROUP BY r.policy, $2)
SELECT avg(a.v / b.v - 1) * 100 FROM m a JOIN m b ON b.k = a.k AND a.p = '$4' AND b.p = '$5'" |
    awk '{ printf "%.1f%% %s", $1 < 0 ? -$1 : $1, $1 < 0 ? "below" : "above" }'
}
# paired_by DB GROUP LABEL "VALUES" A B: the paired difference at each group value, "LABEL v: d ± c s (verdict); ...".
paired_by() {
  local v out=()
  for v in $4; do out+=("$3 $v: $(paired "$1" "($2) || '' = '$v'" "$5" "$6")"); done
  local IFS=';'
  echo "${out[*]}" | sed 's/;/; /g'
}
cat <<EOF

**Agreement.** Random is the worst by far at every model count.

**Disagreement.** (1) Latency and energy barely change with the number of models (greedy:
$(val "$f3" mean_latency 1 "$(m3 greedy-compatible 3)" 2) s with 3 models, $(val "$f3" mean_latency 1 "$(m3 greedy-compatible 6)" 2) s with 6; least-latency $(val "$f3" mean_latency 1 "$(m3 least-latency 3)" 2) and
$(val "$f3" mean_latency 1 "$(m3 least-latency 6)" 2) s): with 400 MB caches holding two or three models, a miss costs a 0.7 to 2 s
download over the 1 Gbps backhaul, small beside the 1 to 10 s computations, and every model count
already misses. (2) The paper's gains of MADDPG-MATO: in NetSim its latency is on average
$(rel "$f3" "$models" mean_latency maddpg-mato maddpg-nomodel) MADDPG-NoModel's and its energy $(rel "$f3" "$models" mean_energy_j maddpg-mato maddpg-nomodel) (the paper: 6.98% and
7.12% below). MADDPG-MATO minus MADDPG-NoModel mean latency, paired by replication:
$(paired_by "$f3" "$models" models "3 4 5 6" maddpg-mato maddpg-nomodel). MADDPG-MATO is below greedy
$(below "$f3" "$models" "model count" maddpg-mato greedy-compatible); least-latency, a heuristic that sees queues and caches, is below
MADDPG-MATO $(below "$f3" "$models" "model count" least-latency maddpg-mato). (3) Completion is 100% for every policy because NetSim drains every task; the
share finished within the 10 s bound is the closer analogue of the paper's completion rate.

**Beyond the paper.** Zhou et al.'s actor-critic, trained once on the 10-device, 6-model world, is
below MADDPG-MATO $(below "$f3" "$models" "model count" actor-critic maddpg-mato) and below least-latency $(below "$f3" "$models" "model count" actor-critic least-latency).
EOF

for metric in "mean_latency|1|Mean latency (s)" "mean_energy_j|1|Mean energy per task (J)" "completion_rate|100|Completion rate (%)" "deadline_met_rate|100|Tasks finished within their 10 s bound (%)"; do
  IFS='|' read -r key scale title <<<"$metric"
  [[ $key == mean_latency ]] && cat <<EOF

## Wang, Li and Wang, Fig. 4: against the number of devices (5 to 20)

![wang2025-fig4](wang2025-fig4.png)

**Paper:** "With 20 EDs, MADDPG-MATO exhibits optimal performance, attaining a task completion rate
of 98%, surpassing other algorithms by at least 11.3% ... MADDPG-NoModel ... a task completion
rate of approximately 88%. The Random and Greedy strategies perform the worst".

**NetSim** (wang2025.yaml, 6 models; the DDPG family trained per device count, the actor-critic
once at 10 devices):
EOF
  echo
  echo "$title:"
  echo
  stats "$work/wang2025-fig4.db" "$key" "$scale" "$n" r.policy | pivot "devices" "$wang25_series"
done
f4="$work/wang2025-fig4.db"
d4() { echo "r.policy = '$1' AND $n = '$2'"; }
met20() { echo "$(val "$f4" deadline_met_rate 100 "$(d4 "$1" 20)")%"; }
cat <<EOF

**Agreement.** Latency grows with the number of devices for the heuristics (greedy
$(val "$f4" mean_latency 1 "$(d4 greedy-compatible 5)" 2) s at 5 devices, $(val "$f4" mean_latency 1 "$(d4 greedy-compatible 20)" 2) s at 20; least-latency $(val "$f4" mean_latency 1 "$(d4 least-latency 5)" 2) and
$(val "$f4" mean_latency 1 "$(d4 least-latency 20)" 2) s) as the three edge servers fill, and random is the worst.

**Against the paper's ranking.** With 20 devices the tasks finished within the 10 s bound are
MADDPG-MATO $(met20 maddpg-mato), MADDPG-NoModel $(met20 maddpg-nomodel), SADDPG $(met20 ddpg), greedy $(met20 greedy-compatible), random $(met20 random) and
least-latency $(met20 least-latency) (the paper: 98% for MADDPG-MATO, about 88% for MADDPG-NoModel). MADDPG-MATO's mean
latency is below MADDPG-NoModel's $(below "$f4" "$n" "device count" maddpg-mato maddpg-nomodel) and below greedy's $(below "$f4" "$n" "device count" maddpg-mato greedy-compatible);
paired by replication, MADDPG-MATO minus MADDPG-NoModel: $(paired_by "$f4" "$n" devices "$wang_devices" maddpg-mato maddpg-nomodel).
Least-latency is below MADDPG-MATO $(below "$f4" "$n" "device count" least-latency maddpg-mato): the learned agents do not reach the heuristic that
sees the queues and caches of every server.

**Beyond the paper.** The actor-critic trained at 10 devices runs at every device count (it scores
each task's candidate targets with one network, so nothing in it depends on the number of devices):
it is below MADDPG-MATO $(below "$f4" "$n" "device count" actor-critic maddpg-mato) and below least-latency $(below "$f4" "$n" "device count" actor-critic least-latency).
EOF

cat <<EOF

## Beyond the papers: every policy on every paper's base scenario

Each paper's base scenario as shipped (zhou2024: N = 40, bound 15 ms; wang2024: 30 UEs, one
batch; wang2025: 10 devices, 6 models), $reps replications. Gap to optimal = mean latency over
\`optimal\`'s minus 1 (\`optimal\` minimises the mean latency of each decision epoch, problem (1)
of Zhou et al., over local and edge targets). Every learned agent runs with the checkpoint trained
on that world (the episodes above); sca-kkt is meant for diffusion models (on \`fixed\` or
\`per_bit\` work its P1 cannot tell device from edge, ScaKkt.md A10).

EOF
cat <<'EOF'
Reading the matrix: on zhou2024 the per-slot optimum is the reference and least-latency comes
within a few percent of it. With one model held everywhere, greedy-compatible and sca-kkt (A10)
send every task to the nearest station, as `nearest` does; in one replication of the ten those
uploads pile up as random's do (a 62 s mean latency), hence their wide intervals. Greedy, which
weighs the channel and the device too, avoids it. On wang2024 every task's 20 default steps run on 30 edge cores,
so all edge policies tie with optimal; sca-kkt chooses steps as well and trades time for quality
and energy, which this latency column does not score (Figs. 1 and 2 do). On wang2025 the gap to
optimal is negative for several policies: `optimal` solves each arrival's epoch problem, which
ignores queued work, model downloads, partial offloading and the cloud, so policies that see
queues and caches (least-latency, greedy) do better.

EOF
mxv() { echo "$(val "$work/matrix-$1.db" mean_latency 1000 "r.policy = '$2'" 0) ms"; }
# first10 AGENT: the mean latency (s) of the agent's first ten training episodes on zhou2024.
first10() {
  sqlite3 "$work/train-zhou2024-$1.db" "SELECT printf('%.1f', avg(mean_latency)) FROM (SELECT mean_latency FROM episodes ORDER BY episode LIMIT 10)"
}
# ondevice SCENARIO POLICY: the share of the policy's tasks in the matrix kept on their devices (%).
ondevice() {
  sqlite3 "$work/matrix-$1.db" "SELECT printf('%.0f%%', 100.0 * avg(t.target = 'local')) FROM runs r JOIN tasks t ON t.run_id = r.run_id
                                WHERE r.status = 'complete' AND t.target IS NOT NULL AND r.policy = '$2'"
}
cat <<EOF
Learned agents across the worlds: on zhou2024 the actor-critic ($(mxv zhou2024 actor-critic)) is at optimal's level
($(mxv zhou2024 optimal)), while the DDPG family, whose critics take every device's observation and action
(40 devices there), keeps $(ondevice zhou2024 maddpg-mato), $(ondevice zhou2024 maddpg-nomodel) and $(ondevice zhou2024 ddpg) of the tasks on their devices after its
$zhou_ddpg_episodes episodes: MADDPG-MATO $(mxv zhou2024 maddpg-mato), MADDPG-NoModel $(mxv zhou2024 maddpg-nomodel) and SADDPG $(mxv zhou2024 ddpg), against all-local's
$(mxv zhou2024 local). Their first episodes, untrained and exploring, offload and collapse the uplink (MADDPG-MATO's
first ten episodes: $(first10 maddpg-mato) s mean latency), and the answer they settle on is the device. On wang2024 (one batch of 30 tasks, one decision each) the
actor-critic reaches $(mxv wang2024 actor-critic) and the DDPG family $(mxv wang2024 maddpg-mato), $(mxv wang2024 maddpg-nomodel) and $(mxv wang2024 ddpg)
(optimal $(mxv wang2024 optimal), all-local $(mxv wang2024 local)). On wang2025 the actor-critic reaches $(mxv wang2025 actor-critic) and MADDPG-MATO
$(mxv wang2025 maddpg-mato), both behind least-latency's $(mxv wang2025 least-latency).

EOF
label="CASE WHEN r.params LIKE '%flip_rounds%' THEN 'sca-kkt (paper only)' ELSE r.policy END"
for scenario in zhou2024 wang2024 wang2025; do
  db="$work/matrix-$scenario.db"
  echo "### $scenario"
  echo
  echo "| policy | mean latency (ms) | gap to optimal | completion (%) | deadline met (%) | energy per task (J) |"
  echo "|---|---|---|---|---|---|"
  opt=$(sqlite3 "$db" "SELECT avg(s.value) FROM runs r JOIN summary s ON s.run_id = r.run_id AND s.metric = 'mean_latency' WHERE r.status = 'complete' AND r.policy = 'optimal'")
  for metric in "lat|mean_latency|1000" "done|completion_rate|100" "met|deadline_met_rate|100" "energy|mean_energy_j|1"; do
    IFS='|' read -r tag key scale <<<"$metric"
    stats "$db" "$key" "$scale" "'$tag'" "$label"
  done | awk -F'|' -v opt="${opt:-0}" '
      function f(s, k,   m, a, d) {
        if (!((s, k) in mean)) return "-"
        m = mean[s, k]; a = m < 0 ? -m : m; d = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 || a == 0 ? 2 : a >= 0.01 ? 3 : 5
        return count[s, k] < 2 ? sprintf("%." d "f", m) : sprintf("%." d "f ± %." d "f", m, ci[s, k])
      }
      { if (!($2 in seen)) { order[++n] = $2; seen[$2] = 1 } mean[$2, $1] = $3; ci[$2, $1] = $4; count[$2, $1] = $5 }
      END {
        for (i = 1; i <= n; i++) {
          s = order[i]
          gap = opt > 0 && ((s, "lat") in mean) ? sprintf("%+.1f %%", (mean[s, "lat"] / (opt * 1000) - 1) * 100) : "-"
          printf "| %s | %s | %s | %s | %s | %s |\n", s, f(s, "lat"), gap, f(s, "done"), f(s, "met"), f(s, "energy")
        }
      }'
  if [[ -f $work/matrix-$scenario.failures ]]; then
    awk -F'|' '{ printf "| %s | fails: %s | | | | |\n", $1, $2 }' "$work/matrix-$scenario.failures"
  fi
  echo
done
