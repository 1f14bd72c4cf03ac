namespace NetSim.Network.Scenario.Config;

/// <summary>How a distribution draws.</summary>
public enum DistributionKind
{
    /// <summary>Always <see cref="Distribution.A"/>.</summary>
    Constant,

    /// <summary>Uniform in [A, B].</summary>
    Uniform,

    /// <summary>Exponential with mean A.</summary>
    Exponential,

    /// <summary>No value (for example no deadline): draws +infinity.</summary>
    None,
}
