using System.Reflection;

namespace NetSim.Network.Scenario.Binding;

/// <summary>One declared key of a config section.</summary>
/// <param name="Name">YAML name.</param>
/// <param name="Property">The property that holds the value.</param>
/// <param name="Param">The declaration.</param>
public sealed record DeclaredKey(string Name, PropertyInfo Property, ParamAttribute Param)
{
    /// <summary>The property type.</summary>
    public Type Type => Property.PropertyType;

    /// <summary>The sibling key whose value makes this key required, or null.</summary>
    public string? WhenKey => Param.RequiredWhen?.Split('=', 2)[0];

    /// <summary>The values of <see cref="WhenKey"/> that make this key required.</summary>
    public IReadOnlyList<string> WhenValues => Param.RequiredWhen is { } when && when.Contains('=', StringComparison.Ordinal)
        ? when.Split('=', 2)[1].Split('|')
        : [];

    /// <summary>Whether the key has a default (it has none when it is required, always or conditionally).</summary>
    public bool HasDefault => !Param.Required && Param.RequiredWhen is null;

    /// <summary>When the key is required, in words: "required", "required when kind is slot or uniform", or empty.</summary>
    public string RequirementText => Param.Required
        ? "required"
        : WhenKey is null ? string.Empty : $"required when {WhenKey} is {string.Join(" or ", WhenValues)}";
}
