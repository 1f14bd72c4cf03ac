namespace NetSim.Network.Scheduling;

/// <summary>
/// A policy that reports figures of its own about a run (for example an optimiser's proven gaps).
/// <c>netsim run</c> writes each to the run's summary as <c>policy:KEY</c>. Values must not depend
/// on wall-clock time, so that a run's summary stays reproducible.
/// </summary>
public interface IPolicyMetrics
{
    /// <summary>The figures so far, by key.</summary>
    IReadOnlyDictionary<string, double> Metrics { get; }
}
