using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario.Config;

/// <summary>One entry of <c>ues.task_types</c>.</summary>
public sealed class TaskTypeConfig
{
    /// <summary>Type name.</summary>
    [Param("task type name", Required = true)]
    public string Name { get; set; } = "default";

    /// <summary>Model name.</summary>
    [Param("name of the model (in models) the task needs", Required = true)]
    public string Model { get; set; } = "default";

    /// <summary>Relative probability.</summary>
    [Param("relative probability of this type", Min = 0, MinExclusive = true)]
    public double Weight { get; set; } = 1;

    /// <summary>Input size.</summary>
    [Param("input size: a size, {uniform: [a, b]} or {exponential: mean}", Unit = UnitKind.Size, Min = 0, MinExclusive = true)]
    public Distribution Size { get; set; } = Distribution.Constant(1.2e6);

    /// <summary>Relative deadline.</summary>
    [Param("relative deadline: a time, a distribution, or none", Unit = UnitKind.Time, Min = 0, MinExclusive = true, AllowNone = true)]
    public Distribution Deadline { get; set; } = Distribution.None;

    /// <summary>Diffusion steps.</summary>
    [Param("reverse-diffusion steps (diffusion models); a policy may change them", Min = 1, Max = 10_000)]
    public int Steps { get; set; } = 20;
}
