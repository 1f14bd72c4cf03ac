using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario.Config;

/// <summary>One entry of <c>models</c>.</summary>
public sealed class ModelConfig
{
    /// <summary>Name.</summary>
    [Param("model name", Required = true)]
    public string Name { get; set; } = "default";

    /// <summary>Size.</summary>
    [Param("model size (what a download moves)", Unit = UnitKind.Size, Min = 0)]
    public double Size { get; set; } = 8e9;

    /// <summary>Work.</summary>
    [Param("compute work of a task")]
    public WorkConfig Work { get; set; } = new();
}
