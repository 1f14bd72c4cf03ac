using NetSim.Kernel.Randomness;
using NetSim.Learning.Environment;
using NetSim.Network.Scheduling;

namespace NetSim.Cli.Serving;

/// <summary>One served environment: its episodes' seeds, its last step, and the tasks ended in the current episode.</summary>
internal sealed class ServedEnvironment(OffloadingEnvironment env, ulong root)
{
    public ulong Root { get; set; } = root;

    /// <summary>The replication of <see cref="Root"/> the next reset without a seed builds.</summary>
    public int Next { get; set; }

    public int Episodes { get; private set; }

    public StepResult? Last { get; set; }

    public double Reward { get; private set; }

    /// <summary>The tasks of the current episode that have ended so far.</summary>
    public List<TaskResult> Ended { get; private set; } = new();

    /// <summary>The ended tasks of the episode before the current one (empty before the second): an automatic reset keeps them here.</summary>
    public List<TaskResult> Previous { get; private set; } = new();

    /// <summary>The info numbers reported with the last step (<see cref="Protocol.InfoNames"/>).</summary>
    public double[] Info { get; } = new double[Protocol.InfoNames.Length];

    public void Start()
    {
        (Previous, Ended) = (Ended, Previous);
        Ended.Clear();
        Last = env.Reset(RandomStreams.Replication(Root, Next));
        Next++;
        Episodes++;
        Reward = Last.Reward;
        Collect();
    }

    public void Advance(IReadOnlyList<Assignment> assignments)
    {
        Last = env.Step(assignments);
        Reward = Last.Reward;
        Collect();
    }

    /// <summary>Fixes <see cref="Info"/> from the last step.</summary>
    public void Snapshot()
    {
        var last = Last!;
        var i = last.Info;
        Info[0] = i.Now;
        Info[1] = i.Events;
        Info[2] = i.Created;
        Info[3] = i.Completed;
        Info[4] = i.Dropped;
        Info[5] = last.Epoch;
        Info[6] = last.Batch.Count;
        Info[7] = last.Settled.Count;
        Info[8] = Episodes - 1;
    }

    private void Collect()
    {
        foreach (var settled in Last!.Settled)
        {
            Ended.AddRange(settled.Tasks);
        }
    }
}
