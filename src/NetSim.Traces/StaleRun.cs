namespace NetSim.Traces;

/// <summary>
/// A run still marked <c>running</c> whose writer is gone (<see cref="WriterProcess.IsGone"/>), or
/// whose writer was not recorded (an older NetSim wrote it: <see cref="Writer"/> is null).
/// </summary>
/// <param name="RunId">Run id.</param>
/// <param name="Key">The run's identity key.</param>
/// <param name="StartedAt">When the run started (UTC, ISO 8601).</param>
/// <param name="Writer">The process that wrote it, or null when not recorded.</param>
public sealed record StaleRun(long RunId, string Key, string StartedAt, WriterProcess? Writer)
{
    /// <summary>Why the run is stale, for messages.</summary>
    public string Why => Writer is null
        ? "its writer was not recorded (an older NetSim): probably left by a killed process, unless a netsim is writing this database now"
        : $"its writer, {Writer}, is gone: probably left by a killed process";
}
