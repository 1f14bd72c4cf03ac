namespace NetSim.Cli.Sweeps;

/// <summary>How a sweep run ended (its rows are kept apart, and dropped once written).</summary>
/// <param name="Run">The run.</param>
/// <param name="Status">complete, failed or interrupted.</param>
/// <param name="Message">Failure message, or null.</param>
/// <param name="SimTime">Simulated seconds at the end.</param>
/// <param name="Events">Kernel events processed.</param>
/// <param name="WallSeconds">Wall-clock seconds of the simulation.</param>
/// <param name="Summary">Summary metrics of a complete run, else null.</param>
internal sealed record FinishedRun(SweepRun Run, string Status, string? Message, double SimTime, long Events, double WallSeconds, IReadOnlyDictionary<string, double>? Summary);
