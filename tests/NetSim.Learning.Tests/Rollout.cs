using NetSim.Learning.Environment;
using NetSim.Network.Building;
using NetSim.Network.Scheduling;

namespace NetSim.Learning.Tests;

/// <summary>One episode of a world under a policy, for tests that compare policies on the same worlds.</summary>
internal static class Rollout
{
    /// <summary>The results of every task of one episode of <paramref name="spec"/> with replication seed <paramref name="seed"/>, decided by <paramref name="policy"/> (a learned agent decides greedily).</summary>
    public static List<TaskResult> Tasks(WorldSpec spec, IPolicy policy, ulong seed)
    {
        var env = new OffloadingEnvironment(spec, policy.Name, _ => 0);
        var step = env.Reset(seed);
        var tasks = new List<TaskResult>();
        while (true)
        {
            tasks.AddRange(step.Settled.SelectMany(s => s.Tasks));
            if (step.Done)
            {
                return tasks;
            }

            step = env.Step(policy.Decide(step.Observation!, step.Batch));
        }
    }
}
