using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario;

/// <summary>
/// Declares a scenario key: its one-line description, unit kind and allowed range. The default is
/// the property's initial value in a fresh instance; the allowed values of an enum are its members.
/// This one declaration drives parsing, validation, the JSON schema and the reference documentation.
/// The YAML name is the property name in snake_case unless <see cref="Name"/> gives another.
/// </summary>
/// <param name="description">One line: what the value means.</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ParamAttribute(string description) : Attribute
{
    /// <summary>What the value means.</summary>
    public string Description { get; } = description;

    /// <summary>The YAML name, when it is not the property name in snake_case.</summary>
    public string? Name { get; init; }

    /// <summary>Physical kind of a number, and so its accepted units.</summary>
    public UnitKind Unit { get; init; } = UnitKind.None;

    /// <summary>Smallest allowed value (numbers and distributions); for lists of sections, the fewest entries.</summary>
    public double Min { get; init; } = double.NegativeInfinity;

    /// <summary>Largest allowed value.</summary>
    public double Max { get; init; } = double.PositiveInfinity;

    /// <summary>Whether <see cref="Min"/> itself is excluded.</summary>
    public bool MinExclusive { get; init; }

    /// <summary>Whether <see cref="Max"/> itself is excluded.</summary>
    public bool MaxExclusive { get; init; }

    /// <summary>For distributions: whether <c>none</c> (no value, e.g. no deadline) is allowed.</summary>
    public bool AllowNone { get; init; }

    /// <summary>
    /// For numbers: a word written instead of a number for "no limit" (for example <c>unlimited</c>)
    /// or for a value NetSim chooses (<c>auto</c>), read as positive infinity (<see cref="int.MaxValue"/>
    /// for a whole number).
    /// </summary>
    public string? NoLimit { get; init; }

    /// <summary>Whether the key must be written whenever its section is written (the default then only fills an unwritten section).</summary>
    public bool Required { get; init; }

    /// <summary>
    /// The value is a file path. Written in an included file, it is relative to that file; the loader
    /// rewrites it relative to the scenario file that is loaded, where the world then finds it.
    /// </summary>
    public bool IsPath { get; init; }

    /// <summary>
    /// The key must be written when a sibling key has one of some values, written
    /// <c>sibling=value|value</c>, for example <c>kind=slot|uniform</c>. Such a key has no default.
    /// </summary>
    public string? RequiredWhen { get; init; }
}
