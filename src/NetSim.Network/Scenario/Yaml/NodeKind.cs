namespace NetSim.Network.Scenario.Yaml;

/// <summary>The three kinds of YAML node.</summary>
public enum NodeKind
{
    /// <summary>A single value.</summary>
    Scalar,

    /// <summary>A list.</summary>
    Sequence,

    /// <summary>Keys with values.</summary>
    Mapping,
}
