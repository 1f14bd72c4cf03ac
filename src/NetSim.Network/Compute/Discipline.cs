namespace NetSim.Network.Compute;

/// <summary>How a compute node serves the jobs it holds.</summary>
public enum Discipline
{
    /// <summary>First in, first out: each of the cores serves one job at a time, in arrival order.</summary>
    Fifo,

    /// <summary>Processor sharing: all jobs progress at once, each at rate * min(1, cores / jobs).</summary>
    ProcessorSharing,
}
