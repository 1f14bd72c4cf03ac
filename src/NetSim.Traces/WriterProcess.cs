using System.Diagnostics;
using System.Globalization;

namespace NetSim.Traces;

/// <summary>
/// The process that writes a run, recorded in its row (<c>writer_pid</c>, <c>writer_host</c>,
/// <c>writer_started</c>) so that a later command can tell a run left <c>running</c> by a killed
/// process from one still in progress. A <c>running</c> run is stale when it was written on this
/// host and its process is gone: no process has its id, or the process with its id started at
/// another time (the id was reused). A run written on another host is never judged stale here,
/// and one without a recorded writer (written by an older NetSim) cannot be judged.
/// </summary>
/// <param name="Pid">Process id.</param>
/// <param name="Host">Host name.</param>
/// <param name="Started">When the process started (UTC, ISO 8601), or null when unknown.</param>
public sealed record WriterProcess(long Pid, string Host, string? Started)
{
    /// <summary>This process.</summary>
    public static WriterProcess Current { get; } = new(Environment.ProcessId, Environment.MachineName, StartTime(Environment.ProcessId));

    /// <summary>True when this process is provably gone (see the class summary).</summary>
    public bool IsGone()
    {
        if (Host != Current.Host)
        {
            return false;
        }

        if (StartTime(Pid) is not { } started)
        {
            return true;
        }

        return Started is not null
            && DateTime.TryParse(Started, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var recorded)
            && Math.Abs((DateTime.Parse(started, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) - recorded).TotalSeconds) > 1;
    }

    /// <inheritdoc />
    public override string ToString() => $"process {Pid} on {Host}";

    /// <summary>When process <paramref name="pid"/> started (UTC, ISO 8601), or null when there is no such process.</summary>
    private static string? StartTime(long pid)
    {
        try
        {
            using var process = Process.GetProcessById(checked((int)pid));
            return process.StartTime.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or OverflowException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }
}
