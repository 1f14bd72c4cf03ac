using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario;

/// <summary>
/// Declares a scenario key: its one-line description, unit kind and allowed range. The default is
/// the property's initial value. This one declaration drives parsing, validation, the JSON schema
/// and the reference documentation. The YAML name is the property name in snake_case.
/// </summary>
/// <param name="description">One line: what the value means.</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ParamAttribute(string description) : Attribute
{
    /// <summary>What the value means.</summary>
    public string Description { get; } = description;

    /// <summary>Physical kind of a number, and so its accepted units.</summary>
    public UnitKind Unit { get; init; } = UnitKind.None;

    /// <summary>Smallest allowed value (numbers and distributions; list length for lists).</summary>
    public double Min { get; init; } = double.NegativeInfinity;

    /// <summary>Largest allowed value.</summary>
    public double Max { get; init; } = double.PositiveInfinity;

    /// <summary>Whether <see cref="Min"/> itself is excluded.</summary>
    public bool MinExclusive { get; init; }

    /// <summary>Whether <see cref="Max"/> itself is excluded.</summary>
    public bool MaxExclusive { get; init; }

    /// <summary>For distributions: whether <c>none</c> (no value, e.g. no deadline) is allowed.</summary>
    public bool AllowNone { get; init; }
}
