using System.Text.Json;
using NetSim.Network.Recording;
using NetSim.Traces;

namespace NetSim.Plots.Tests.Reproduction;

/// <summary>
/// A small work directory laid out as tools/reproduce-papers.sh leaves it: the same database file
/// names, scenarios and run params, with a few replications of hand-chosen summaries. Deleted when
/// the test ends.
/// </summary>
internal sealed class PapersWorkDir : IDisposable
{
    public const string Zhou = "scenarios/papers/zhou2024/zhou2024.yaml";
    public const string Wang24 = "scenarios/papers/wang2024/wang2024.yaml";
    public const string Wang25 = "scenarios/papers/wang2025/wang2025.yaml";

    public PapersWorkDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "netsim-papers-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        Build();
    }

    public string Path { get; }

    /// <summary>Actor-critic and greedy latencies (s) at N = 10, replications 0 to 2: A minus B = -0.010, -0.015, -0.010.</summary>
    public static readonly double[] ZhouActorCritic10 = [0.080, 0.090, 0.100];

    public static readonly double[] ZhouGreedy10 = [0.090, 0.105, 0.110];

    /// <summary>Optimal at N = 10: the actor-critic minus optimal is -0.005, +0.002, +0.001, a tie.</summary>
    public static readonly double[] ZhouOptimal10 = [0.085, 0.088, 0.099];

    /// <summary>The matrix on wang2025: MADDPG-MATO minus MADDPG-NoModel = 0.2, 0.3, 0.2 s.</summary>
    public static readonly double[] MatrixMato = [2.0, 2.5, 2.1];

    public static readonly double[] MatrixNoModel = [1.8, 2.2, 1.9];

    /// <summary>Fig. 4 at 5 devices: MADDPG-MATO minus MADDPG-NoModel = +0.5, -0.4, +0.2 s, a tie.</summary>
    public static readonly double[] Fig4Mato5 = [2.5, 2.0, 2.4];

    public static readonly double[] Fig4NoModel5 = [2.0, 2.4, 2.2];

    /// <summary>
    /// Fig. 4 at 10 devices: every learned agent trained with two seeds (checkpoints NAME-s1.ckpt and
    /// NAME-s2.ckpt); MADDPG-MATO's second seed has this fraction of its first seed's latency.
    /// </summary>
    public static readonly string[] Fig4Seeds = ["-s1", "-s2"];

    public const double Fig4MatoSeed2 = 0.8;

    /// <summary>The actor-critic's training rewards on zhou2024 (episodes 0 to 19 as stored): five at -100, then fifteen at -5.</summary>
    public static readonly double[] ZhouRewards = [.. Enumerable.Repeat(-100.0, 5), .. Enumerable.Repeat(-5.0, 15)];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }

    private static Dictionary<string, double> Summary(double latency, double completion = 1, double? allTasks = null, double met = double.NaN, double energy = 1, double created = 100) => new()
    {
        ["mean_latency"] = latency,
        ["mean_latency_all_lower_bound"] = allTasks ?? latency,
        ["completion_rate"] = completion,
        ["deadline_met_rate"] = met,
        ["mean_energy_j"] = energy,
        ["tasks_created"] = created,
    };

    private static TaskRecord Decided(long id, string target, double ratio) => new(
        id, 0, "m", 1e6, 1e8, 0, 0, target, ratio, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0, 1, 1, double.NaN, null, 0.1, double.NaN, TaskOutcome.Completed, 1);

    private void Build()
    {
        Zhou2024();
        Wang2024();
        Wang2025();
        Matrices();
    }

    private void Zhou2024()
    {
        var analytic = new Dictionary<string, (double[] At10, double[] At40)>
        {
            ["greedy"] = (ZhouGreedy10, [0.40, 0.45, 0.47]),
            ["random"] = ([150, 160, 140], [30, 33, 36]),
            ["least-latency"] = ([0.095, 0.092, 0.104], [0.150, 0.140, 0.145]),
            ["optimal"] = (ZhouOptimal10, [0.141, 0.139, 0.140]),
        };
        using (var db = TraceDatabase.Open(File("zhou2024-fig3.db")))
        {
            foreach (var (policy, (at10, at40)) in analytic)
            {
                for (var r = 0; r < 3; r++)
                {
                    Run(db, "scenarios/papers/zhou2024/fig3.yaml", policy, r, Params(("sweep.replications", "3"), ("ues.count", "10")), Summary(at10[r], met: 0));
                    var completion = policy == "random" ? 0.2 : 1;
                    Run(db, "scenarios/papers/zhou2024/fig3.yaml", policy, r, Params(("sweep.replications", "3"), ("ues.count", "40")), Summary(at40[r], completion, policy == "random" ? 100 + r : null, met: 0));
                }
            }

            for (var r = 0; r < 3; r++)
            {
                Run(db, Zhou, "actor-critic", r, ActorCriticParams("10", "15ms"), Summary(ZhouActorCritic10[r], met: 0));
                Run(db, Zhou, "actor-critic", r, ActorCriticParams("40", "15ms"), Summary(0.130 + (0.002 * r), met: 0));
            }
        }

        using (var db = TraceDatabase.Open(File("zhou2024-fig4.db")))
        {
            foreach (var bound in new[] { "15ms", "20ms" })
            {
                for (var r = 0; r < 3; r++)
                {
                    var met = bound == "15ms" ? 0 : 0.01 * r;
                    Run(db, Zhou, "actor-critic", r, ActorCriticParams("10", bound), Summary(0.09, met: met, created: 200));
                    Run(db, Zhou, "actor-critic", r, ActorCriticParams("40", bound), Summary(0.13, met: met / 2, created: 800));
                }
            }
        }

        using (var db = TraceDatabase.Open(File("zhou2024-fig5.db")))
        {
            Train(db, Zhou, "actor-critic", ZhouRewards.Select((reward, e) => new EpisodeRecord("actor-critic", e, reward, e < 5 ? 10 : 0.135, double.NaN, double.NaN, 0.5)));
        }

        using (var db = TraceDatabase.Open(File("train-zhou2024-maddpg-mato.db")))
        {
            Train(db, Zhou, "maddpg-mato", Enumerable.Range(0, 12).Select(e => new EpisodeRecord("maddpg-mato", e, -50 + e, 16 - e, double.NaN, double.NaN, 4)));
        }
    }

    private void Wang2024()
    {
        var weights = new (string? C1, string? C2, string? C3, double Offload)[] { (null, null, null, 0), ("10", null, null, 0.4), (null, "10", null, 0.5), (null, null, "0.01", 0) };
        using (var db = TraceDatabase.Open(File("wang2024-fig1.db")))
        {
            foreach (var budget in new[] { "100", "3000" })
            {
                var large = budget == "3000";
                foreach (var (c1, c2, c3, offload) in weights)
                {
                    var set = new List<(string, string)> { ("sweep.replications", "2") };
                    if (c1 is not null)
                    {
                        set.AddRange([("sweep.policies", "[sca-kkt]"), ("policy.options.c1", c1)]);
                    }

                    if (c2 is not null)
                    {
                        set.AddRange([("sweep.policies", "[sca-kkt]"), ("policy.options.c2", c2)]);
                    }

                    if (c3 is not null)
                    {
                        set.AddRange([("sweep.policies", "[sca-kkt]"), ("policy.options.c3", c3)]);
                    }

                    set.Add(("policy.options.edge_steps_budget", budget));
                    for (var r = 0; r < 2; r++)
                    {
                        var share = large ? offload * 2 : offload;
                        var summary = Summary(0.040 - (0.013 * share), energy: 1.35 + (300 * share));
                        summary["mean_quality"] = 0.632 + (0.1 * share);
                        summary["policy:offload_rate"] = share;
                        Run(db, "scenarios/papers/wang2024/fig1.yaml", "sca-kkt", r, Params([.. set]), summary);
                    }
                }

                for (var r = 0; r < 2; r++)
                {
                    var summary = Summary(0.0297 + (0.001 * r), energy: 103 + r);
                    summary["mean_quality"] = 0.632;
                    Run(db, "scenarios/papers/wang2024/fig1.yaml", "random", r, Params(("sweep.replications", "2"), ("policy.options.edge_steps_budget", budget)), summary);
                }
            }
        }

        foreach (var (file, flip) in new[] { ("wang2024-fig2.db", true), ("wang2024-fig2-paper.db", false) })
        {
            using var db = TraceDatabase.Open(File(file));
            foreach (var s0 in new[] { "10", "20", "40" })
            {
                foreach (var budget in new[] { "100", "1000", "3000" })
                {
                    var offload = !flip || s0 == "40" ? 0 : budget == "100" ? 0.133 : budget == "1000" && s0 == "20" ? 0.8 : 1.0;
                    var objective = !flip || s0 == "40" ? s0 switch { "10" => -4.77, "20" => -11.7, _ => -17.25 } : budget == "100" ? -5.7 : budget == "1000" && s0 == "20" ? -13.6 : -14.27;
                    var set = new List<(string, string)> { ("sweep.replications", "1") };
                    if (!flip)
                    {
                        set.Add(("policy.options.flip_rounds", "0"));
                    }

                    set.AddRange([("policy.options.local_steps_max", s0), ("policy.options.edge_steps_budget", budget)]);
                    var summary = Summary(0.03);
                    summary["policy:joint_objective"] = objective;
                    summary["policy:offload_rate"] = offload;
                    Run(db, "scenarios/papers/wang2024/fig2.yaml", "sca-kkt", 0, Params([.. set]), summary);
                }
            }
        }
    }

    private static readonly string[] Wang2025Policies = ["random", "greedy-compatible", "least-latency", "maddpg-mato", "maddpg-nomodel", "ddpg", "actor-critic"];

    private static double Wang2025Latency(string policy) => policy switch
    {
        "random" => 600,
        "greedy-compatible" => 5.7,
        "least-latency" => 1.5,
        "maddpg-mato" => 2.0,
        "maddpg-nomodel" => 1.85,
        "ddpg" => 1.9,
        _ => 2.1,
    };

    private void Wang2025()
    {
        using (var db = TraceDatabase.Open(File("wang2025-fig2.db")))
        {
            // MATO: rising to a plateau; NoModel: 8 episodes (fewer than ten); SADDPG: still rising at the end.
            Train(db, Wang25, "maddpg-mato", Enumerable.Range(0, 12).Select(e => new EpisodeRecord("maddpg-mato", e, e < 3 ? -1000 : -300, 2.0, double.NaN, double.NaN, 8)));
            Train(db, Wang25, "maddpg-nomodel", Enumerable.Range(0, 8).Select(e => new EpisodeRecord("maddpg-nomodel", e, -400 + e, 1.9, double.NaN, double.NaN, 7)));
            Train(db, Wang25, "ddpg", Enumerable.Range(0, 12).Select(e => new EpisodeRecord("ddpg", e, -500 + (10 * e), 2.1, double.NaN, double.NaN, 6)));
        }

        using (var db = TraceDatabase.Open(File("wang2025-fig3.db")))
        {
            foreach (var file in new[] { "models-3", "wang2025" })
            {
                foreach (var policy in Wang2025Policies)
                {
                    for (var r = 0; r < 3; r++)
                    {
                        var latency = Wang2025Latency(policy) * (1 + (0.05 * r)) * (file == "models-3" ? 1.01 : 1);
                        var completion = policy == "random" ? 0.85 : 1;
                        Run(db, $"scenarios/papers/wang2025/{file}.yaml", policy, r, Params(("ues.count", "10")), Summary(latency, completion, policy == "random" ? latency * 2 : null, met: policy == "random" ? 0.1 : 0.99, energy: policy == "random" ? 64 : 1.1));
                    }
                }
            }
        }

        using (var db = TraceDatabase.Open(File("wang2025-fig4.db")))
        {
            foreach (var n in new[] { "5", "10" })
            {
                foreach (var policy in Wang2025Policies)
                {
                    var learned = policy is not ("random" or "greedy-compatible" or "least-latency");
                    foreach (var seed in learned && n == "10" ? Fig4Seeds : [string.Empty])
                    {
                        for (var r = 0; r < 3; r++)
                        {
                            var latency = policy switch
                            {
                                "maddpg-mato" when n == "5" => Fig4Mato5[r],
                                "maddpg-nomodel" when n == "5" => Fig4NoModel5[r],
                                _ => Wang2025Latency(policy) * (1 + (0.05 * r)) * (n == "10" ? 1.2 : 1) * (policy == "maddpg-mato" && seed == "-s2" ? Fig4MatoSeed2 : 1),
                            };
                            var completion = policy == "random" || (policy == "maddpg-mato" && n == "5") ? 0.99 : 1;
                            var set = learned
                                ? Params(("ues.count", n), ("policy.options.time_scale", "1s"), ("policy.checkpoint", $"results/papers/work/wang2025-{policy}-n{n}{seed}.ckpt"))
                                : Params(("sweep.replications", "3"), ("ues.count", n));
                            Run(db, Wang25, policy, r, set, Summary(latency, completion, completion < 1 ? latency + 0.5 : null, met: policy == "random" ? 0.05 : 0.98 - (0.01 * r)));
                        }
                    }
                }
            }
        }
    }

    private void Matrices()
    {
        using (var db = TraceDatabase.Open(File("matrix-zhou2024.db")))
        {
            foreach (var (policy, latency) in new[] { ("local", 0.1667), ("greedy", 0.44), ("greedy-compatible", 6.0), ("nearest", 6.0), ("least-latency", 0.143), ("optimal", 0.136), ("actor-critic", 0.133), ("maddpg-mato", 0.1667), ("maddpg-nomodel", 0.1667), ("ddpg", 0.1667) })
            {
                for (var r = 0; r < 2; r++)
                {
                    var value = policy is "greedy-compatible" or "nearest" ? (r == 0 ? 62 : 0.15) : latency * (1 + (0.01 * r));
                    var tasks = policy.Contains("dpg", StringComparison.Ordinal) ? Enumerable.Range(0, 4).Select(i => Decided(i, i < 3 || policy != "ddpg" ? "local" : "edge:0", i < 3 || policy != "ddpg" ? 0 : 1)) : null;
                    Run(db, Zhou, policy, r, Params(), Summary(value, met: 0), tasks);
                }
            }
        }

        using (var db = TraceDatabase.Open(File("matrix-wang2024.db")))
        {
            foreach (var (policy, latency, set) in new[]
            {
                ("local", 0.040, Params(("policy.options", "{}"))), ("greedy", 0.020, Params(("policy.options", "{}"))), ("optimal", 0.020, Params(("policy.options", "{}"))),
                ("random", 0.0297, Params(("policy.options", "{}"))), ("sca-kkt", 0.040, Params()), ("sca-kkt", 0.040, Params(("policy.options.flip_rounds", "0"))),
            })
            {
                for (var r = 0; r < 2; r++)
                {
                    Run(db, Wang24, policy, r, set, Summary(policy == "random" ? latency + (0.002 * r) : latency, energy: 200));
                }
            }
        }

        using (var db = TraceDatabase.Open(File("matrix-wang2025.db")))
        {
            var targets = new Dictionary<string, string[]>
            {
                ["maddpg-mato"] = ["cloud", "cloud", "edge:1", "local"],
                ["maddpg-nomodel"] = ["cloud", "cloud", "cloud", "cloud"],
                ["local"] = ["local", "local", "local", "local"],
                ["least-latency"] = ["cloud", "cloud", "cloud", "edge:0"],
            };
            foreach (var policy in new[] { "local", "greedy-compatible", "least-latency", "optimal", "random", "maddpg-mato", "maddpg-nomodel", "ddpg", "actor-critic" })
            {
                for (var r = 0; r < 3; r++)
                {
                    var latency = policy switch
                    {
                        "maddpg-mato" => MatrixMato[r],
                        "maddpg-nomodel" => MatrixNoModel[r],
                        "local" => 7.3,
                        "optimal" => 7.5 + r,
                        _ => Wang2025Latency(policy) * (1 + (0.05 * r)),
                    };
                    var completion = policy == "random" ? 0.857 : 1;
                    var tasks = targets.TryGetValue(policy, out var t) ? t.Select((target, i) => Decided(i, target, target == "local" ? 0 : target == "cloud" ? 0.75 : double.NaN)) : null;
                    Run(db, Wang25, policy, r, Params(), Summary(latency, completion, completion < 1 ? latency * 3 : null, met: 0.99), tasks);
                }
            }
        }

        System.IO.File.WriteAllText(File("matrix-wang2024.failures"), "ddpg|netsim run: policy ddpg: the checkpoint has 30 devices, the scenario 31\n");
    }

    private string File(string name) => System.IO.Path.Combine(Path, name);

    private static string Params(params (string Key, string Value)[] values) => JsonSerializer.Serialize(values.ToDictionary(v => v.Key, v => v.Value));

    private static string ActorCriticParams(string n, string bound) => Params(
        ("sweep.replications", "3"), ("sweep.policies", "[actor-critic]"), ("policy.options.time_scale", "100ms"),
        ("policy.checkpoint", $"results/papers/work/zhou2024-actor-critic-{bound}.ckpt"), ("ues.task_types.0.deadline", bound), ("ues.count", n));

    /// <summary>A stand-in for the scenario's hash: one per scenario file, as the runs of different files have different identity keys.</summary>
    private static string Sha(string scenario) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(scenario)));

    private static void Run(TraceDatabase db, string scenario, string policy, int replication, string parameters, Dictionary<string, double> summary, IEnumerable<TaskRecord>? tasks = null)
    {
        using var writer = db.CreateRun(new RunInfo(scenario, Sha(scenario), "seed: 1\n", policy, 1, replication, parameters), TraceLevel.Full);
        foreach (var task in tasks ?? [])
        {
            writer.OnTask(task);
        }

        writer.Complete(120, 1000, 0.5, summary);
    }

    private static void Train(TraceDatabase db, string scenario, string agent, IEnumerable<EpisodeRecord> episodes)
    {
        var list = episodes.ToList();
        var parameters = JsonSerializer.Serialize(new Dictionary<string, object> { ["train"] = true, ["first_episode"] = 0, ["episodes"] = list.Count });
        using var writer = db.CreateRun(new RunInfo(scenario, Sha(scenario), "seed: 1\n", agent, 1, 0, parameters), TraceLevel.Summary);
        foreach (var episode in list)
        {
            writer.WriteEpisode(episode);
        }

        writer.Complete(120, 1000, 0.5, new Dictionary<string, double>());
    }
}
