namespace NetSim.Cli;

/// <summary>Exit codes of every command (DESIGN.md).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>A failure while running.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: usage, scenario or database.</summary>
    public const int BadInput = 2;

    /// <summary>Interrupted by SIGINT (Ctrl-C).</summary>
    public const int Interrupted = 130;

    /// <summary>Interrupted by SIGTERM or SIGHUP (a cluster's time limit or eviction, a closed terminal).</summary>
    public const int Terminated = 143;
}
