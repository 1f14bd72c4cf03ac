using NetSim.Network.Scheduling;

namespace NetSim.Policies.ScaKkt;

/// <summary>
/// <c>sca-kkt</c>: the joint offloading and diffusion-step optimiser of Wang, Liu and Zhao
/// (arXiv 2312.06203, section III) over a decision epoch's batch. The paper has one edge server;
/// here each task may go to the edge server of its UE's nearest base station, and the tasks of
/// each such group form one instance of P1 with that server's budget S_e^max (ambiguity A9).
/// The policy sets each task's target and its reverse-diffusion steps (whole steps, ambiguity A6).
/// Reads <see cref="Observation.Quality"/> (ε^fwd, C1, C2), <see cref="Observation.UeRate"/> (f_n),
/// <see cref="Observation.UeKappa"/> (k_n), <see cref="Observation.EdgeRate"/> (g_n),
/// <see cref="Observation.EdgeKappa"/> (k_e), <see cref="Observation.NearestStation"/>, and each
/// task's model step times (Δt_{n,0}, Δt_{n,1}). Reports P1's objective and the offloading of its
/// solves to the run's summary (see <see cref="ScaKktLog.Metrics"/>).
/// </summary>
public sealed class ScaKktPolicy(ScaKktOptions options) : IPolicy, IPolicyMetrics
{
    /// <summary>The name in scenario files.</summary>
    public const string PolicyName = "sca-kkt";

    /// <inheritdoc />
    public string Name => PolicyName;

    /// <summary>The options this policy runs with.</summary>
    public ScaKktOptions Options { get; } = options;

    /// <summary>The solves of this run.</summary>
    public ScaKktLog Log { get; } = new();

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Metrics => Log.Metrics;

    /// <inheritdoc />
    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(batch);
        var result = new Assignment[batch.Count];
        var groups = new Dictionary<int, List<int>>();
        for (var i = 0; i < batch.Count; i++)
        {
            var edge = observation.NearestStation(batch[i].Ue);
            if (!groups.TryGetValue(edge, out var members))
            {
                members = new List<int>();
                groups.Add(edge, members);
            }

            members.Add(i);
        }

        foreach (var (edge, members) in groups.OrderBy(g => g.Key))
        {
            var problem = Problem(observation, batch, edge, members);
            var solution = ScaKktSolver.Solve(problem, Options.Settings);
            Log.Add(solution);
            for (var j = 0; j < members.Count; j++)
            {
                var task = batch[members[j]];
                var steps = solution.WholeSteps[j];
                result[members[j]] = solution.Offload[j]
                    ? Assignment.Edge(task.Id, edge) with { Steps = steps }
                    : Assignment.Local(task.Id) with { Steps = steps };
            }
        }

        return result;
    }

    /// <summary>
    /// P1 for the tasks of one group: eq. 3's Δt from the model, eq. 5's <c>k_n f_n^3 Δt_{n,0}</c> and
    /// eq. 6's <c>k_e g^3 Δt_{n,1}</c> per step; no edge (-1) means a budget of 0 (all local).
    /// </summary>
    private ScaKktProblem Problem(Observation observation, IReadOnlyList<TaskView> batch, int edge, List<int> members)
    {
        var quality = observation.Quality;
        var g = edge >= 0 ? observation.EdgeRate(edge) : 0;
        var kEdge = edge >= 0 ? observation.EdgeKappa(edge) : 0;
        var tasks = new ScaKktTask[members.Count];
        for (var j = 0; j < members.Count; j++)
        {
            var view = batch[members[j]];
            var f = observation.UeRate(view.Ue);
            var kLocal = observation.UeKappa(view.Ue);
            var dtLocal = view.Model.StepTimeDevice;
            var dtEdge = view.Model.StepTimeServer;
            tasks[j] = new ScaKktTask(
                dtLocal,
                dtEdge,
                kLocal * f * f * f * dtLocal,
                kEdge * g * g * g * dtEdge,
                quality.EpsFwd,
                quality.C1,
                quality.C2,
                Options.LocalStepsMax,
                Options.EdgeStepsMax);
        }

        return new ScaKktProblem(tasks, edge >= 0 ? Options.EdgeStepBudget : 0, Options.StepsMin, Options.Weights);
    }
}
