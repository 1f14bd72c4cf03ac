namespace NetSim.Network.Scenario.Yaml;

/// <summary>Stops reading a document that expands past <see cref="YamlReader.MaxNodes"/>; already reported as an error.</summary>
internal sealed class TooManyNodesException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TooManyNodesException()
        : base("too many YAML nodes")
    {
    }
}
