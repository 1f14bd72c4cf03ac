namespace NetSim.Plots.Figures;

/// <summary>The kinds of figure NetSim draws.</summary>
public enum FigureKind
{
    /// <summary>Summary metrics against a swept parameter, a line per group, 95% confidence bars over replications.</summary>
    Sweep,

    /// <summary>Training convergence: episode reward per agent, smoothed, raw values faint.</summary>
    Convergence,

    /// <summary>Queue length over time per node, from queue_samples.</summary>
    QueueLength,

    /// <summary>Empirical CDF of task latency per policy.</summary>
    LatencyCdf,

    /// <summary>Mean latency per policy split into upload, model wait, queue, compute and the rest, as stacked bars.</summary>
    LatencyBreakdown,

    /// <summary>Where the user equipment and base stations of one run stand, each UE coloured by where most of its tasks ran.</summary>
    Topology,

    /// <summary>The paths of one run's moving UEs, coloured by serving station, with the stations, their coverage and the handovers.</summary>
    Trajectories,
}
