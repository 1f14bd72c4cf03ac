using NetSim.Network.Scenario.Config;
using NetSim.Network.Scenario.Units;
using NetSim.Network.Scenario.Yaml;

namespace NetSim.Network.Scenario.Binding;

/// <summary>Words for messages: what a key expects, and what was found instead.</summary>
public static class Expectation
{
    /// <summary>What a value of <paramref name="type"/> declared by <paramref name="param"/> looks like.</summary>
    public static string Of(Type type, ParamAttribute param) =>
        param.NoLimit is { } word && (type == typeof(int) || type == typeof(double)) ? $"{Bare(type, param)} or {word}" : Bare(type, param);

    private static string Bare(Type type, ParamAttribute param)
    {
        if (type == typeof(double))
        {
            return param.Unit == UnitKind.None
                ? "a number"
                : $"{UnitTable.Describe(param.Unit)} with a unit ({string.Join(", ", UnitParser.UnitsOf(param.Unit))})";
        }

        if (type == typeof(Distribution))
        {
            return $"{Of(typeof(double), param)}, {{uniform: [a, b]}} or {{exponential: mean}}{(param.AllowNone ? " or none" : string.Empty)}";
        }

        if (type.IsEnum)
        {
            return $"one of {string.Join(", ", Enum.GetNames(type).Select(Naming.Snake))}";
        }

        if (Declared.ItemType(type) is { } item)
        {
            return $"a list of {Of(item, param)}";
        }

        return type == typeof(string) ? "text"
            : type == typeof(bool) ? "true or false"
            : type == typeof(int) || type == typeof(ulong) ? "a whole number"
            : "a mapping";
    }

    /// <summary>The found node in a few words: its text, "a list" or "a mapping".</summary>
    public static string Found(Node node) => node.Kind switch
    {
        NodeKind.Scalar => node.IsNull ? "nothing" : Quote.Value(node.Value!),
        NodeKind.Sequence => "a list",
        _ => "a mapping",
    };
}
