namespace NetSim.Bench;

/// <summary>One benchmark workload: a run at a given scale and the bare baseline it is compared with.</summary>
internal interface IWorkload
{
    /// <summary>Short name, for example <c>W1-timeouts</c>.</summary>
    string Name { get; }

    /// <summary>Runs once at <paramref name="scale"/> (1 = full size) and reports what it counted.</summary>
    WorkloadResult Run(double scale);
}
