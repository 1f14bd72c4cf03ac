namespace NetSim.Cli.Sweeps;

/// <summary>Where a sweep stands.</summary>
/// <param name="Done">Runs written to the database.</param>
/// <param name="Running">Runs being simulated.</param>
/// <param name="Left">Runs not started yet.</param>
/// <param name="Last">The run written last, or null.</param>
internal readonly record struct SweepProgress(int Done, int Running, int Left, FinishedRun? Last);
