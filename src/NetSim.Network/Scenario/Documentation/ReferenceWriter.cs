using System.Text;
using NetSim.Network.Scenario.Binding;
using NetSim.Network.Scenario.Config;
using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario.Documentation;

/// <summary>Writes the Markdown reference of scenario files from the key declarations and the unit table.</summary>
public static class ReferenceWriter
{
    private static readonly UnitKind[] Kinds = Enum.GetValues<UnitKind>().Where(k => k != UnitKind.None).ToArray();

    /// <summary>The whole reference.</summary>
    public static string Write()
    {
        var sb = new StringBuilder();
        sb.Append("# Scenario file reference\n\n");
        sb.Append("Generated from the key declarations in `src/NetSim.Network/Scenario/Config` (`netsim schema --markdown`); do not edit by hand.\n");
        sb.Append("How scenario files work (units, distributions, include, --set, errors) is in [scenario-keys.md](scenario-keys.md).\n\n");
        Units(sb);
        Keys(sb);
        return sb.ToString();
    }

    private static void Units(StringBuilder sb)
    {
        sb.Append("## Units\n\n");
        sb.Append("A value is a number and a unit, with or without a space between (`20MHz`, `10 ms`). Unit names are case-sensitive; kilo is `K` or `k`.\n");
        sb.Append("A zero needs no unit, except for a power (0 dBm is 1 mW).\n\n");
        sb.Append("| quantity | stored in | units |\n|---|---|---|\n");
        foreach (var kind in Kinds)
        {
            var units = string.Join(" ", UnitTable.Of(kind).Select(u => $"`{u.Symbol}`"));
            var bare = UnitTable.AllowsAnyBare(kind) ? ", or a bare number" : string.Empty;
            sb.Append($"| {UnitTable.Describe(kind)[(UnitTable.Describe(kind).IndexOf(' ', StringComparison.Ordinal) + 1)..]} | {UnitTable.SiUnit(kind)} | {units}{bare} |\n");
        }

        sb.Append('\n');
    }

    private static void Keys(StringBuilder sb)
    {
        sb.Append("## Keys\n\n");
        sb.Append("List entries are written `key[].name`; `--set` and `sweep.parameters` address them by index (`models.0.size`).\n");
        sb.Append("A distribution is a constant, `{uniform: [a, b]}` or `{exponential: mean}`, each with units.\n\n");
        sb.Append("| key | default | units | allowed | description |\n|---|---|---|---|---|\n");
        Rows(sb, typeof(ScenarioConfig), new ScenarioConfig(), string.Empty);
    }

    private static void Rows(StringBuilder sb, Type type, object defaults, string prefix)
    {
        foreach (var key in Declared.KeysOf(type))
        {
            var path = prefix + key.Name;
            var value = key.Property.GetValue(defaults);
            var section = Declared.IsSection(key.Type);
            var units = key.Param.Unit == UnitKind.None ? string.Empty : string.Join(" ", UnitParser.UnitsOf(key.Param.Unit));
            var defaultText = section ? "(section)" : Code(DefaultValue.Text(key, value), key.HasDefault);
            sb.Append($"| `{path}` | {defaultText} | {Cell(units)} | {Cell(Allowed(key))} | {Cell(key.Param.Description)} |\n");
            if (section)
            {
                Rows(sb, key.Type, value!, path + ".");
            }
            else if (Declared.ItemType(key.Type) is { } item && Declared.IsSection(item))
            {
                Rows(sb, item, Activator.CreateInstance(item)!, path + "[].");
            }
        }
    }

    private static string Allowed(DeclaredKey key)
    {
        var type = key.Type;
        if (type.IsEnum)
        {
            return string.Join(", ", Enum.GetNames(type).Select(Naming.Snake));
        }

        if (Declared.ItemType(type) is { } item && Declared.IsSection(item))
        {
            return double.IsNegativeInfinity(key.Param.Min) ? string.Empty : $"at least {key.Param.Min} entr{(key.Param.Min == 1 ? "y" : "ies")}";
        }

        var range = Ranges.IsBounded(key.Param) ? Ranges.Text(key.Param) : string.Empty;
        if (type == typeof(Distribution))
        {
            return $"distribution{(key.Param.AllowNone ? " or none" : string.Empty)}{(range.Length > 0 ? "; " + range : string.Empty)}";
        }

        if (key.Param.NoLimit is { } word && (type == typeof(int) || type == typeof(double)))
        {
            return range.Length > 0 ? $"{range} or {word}" : word;
        }

        return type == typeof(double) || type == typeof(int) || type == typeof(ulong) || type == typeof(List<double>) || type == typeof(List<List<double>>) ? range : string.Empty;
    }

    private static string Code(string text, bool isValue) => !isValue ? $"*{text}*" : text.Length == 0 ? string.Empty : $"`{text.Replace("|", "\\|", StringComparison.Ordinal)}`";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
