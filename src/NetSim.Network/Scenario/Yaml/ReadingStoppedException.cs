namespace NetSim.Network.Scenario.Yaml;

/// <summary>Stops reading a document past a limit (values, depth); the reason is already reported as an error.</summary>
internal sealed class ReadingStoppedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReadingStoppedException()
        : base("reading stopped at a limit")
    {
    }
}
