using System.Collections;
using System.Globalization;
using NetSim.Network.Scenario.Config;
using NetSim.Network.Scenario.Units;
using NetSim.Network.Scenario.Yaml;

namespace NetSim.Network.Scenario.Binding;

/// <summary>Single values and lists.</summary>
public sealed partial class Binder
{
    private bool BindValue(Type type, ParamAttribute param, Node node, string path, out object? result)
    {
        result = null;
        if (Declared.IsSection(type))
        {
            result = BindSection(type, node, path);
            return true;
        }

        if (Declared.IsFreeMap(type))
        {
            return BindFreeMap(node, path, out result);
        }

        if (Declared.ItemType(type) is not null)
        {
            return BindList(type, param, node, path, out result);
        }

        if (type == typeof(Distribution))
        {
            return BindDistribution(node, path, param, out result);
        }

        if (node.Kind != NodeKind.Scalar)
        {
            return Error(node, path, $"expected {Expectation.Of(type, param)}, found {Expectation.Found(node)}");
        }

        if (type == typeof(string))
        {
            result = node.IsNull ? string.Empty : node.Value!;
            return true;
        }

        if (node.IsNull)
        {
            return Error(node, path, $"no value (expected {Expectation.Of(type, param)})");
        }

        if (param.NoLimit is { } word && node.Value == word && !node.Quoted && (type == typeof(int) || type == typeof(double)))
        {
            result = type == typeof(int) ? int.MaxValue : (object)double.PositiveInfinity;
            return true;
        }

        return type == typeof(bool) ? BindBool(node, path, out result)
            : type == typeof(int) || type == typeof(ulong) ? BindWhole(type, node, path, param, out result)
            : type == typeof(double) ? BindNumber(node, path, param, out result)
            : type.IsEnum ? BindEnum(type, node, path, out result)
            : Error(node, path, $"cannot read a {type.Name}");
    }

    private bool BindBool(Node node, string path, out object? result)
    {
        result = node.Value switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => null,
        };
        return result is not null || Error(node, path, $"{Quote.Value(node.Value!)} is not true or false");
    }

    private bool BindWhole(Type type, Node node, string path, ParamAttribute param, out object? result)
    {
        result = null;
        var text = node.Value!.Trim();
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
            && !(type == typeof(ulong) && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            var isWhole = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsInteger(number);
            return Error(node, path, isWhole
                ? $"{Quote.Text(text)} is out of range (expected {Ranges.Text(Effective(type, param))}{OrNoLimit(param)})"
                : $"{Quote.Value(node.Value!)} is not a whole number (expected {Ranges.Text(Effective(type, param))}{OrNoLimit(param)})");
        }

        if (type == typeof(ulong) && ulong.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var unsigned))
        {
            result = unsigned;
            return true;
        }

        var effective = Effective(type, param);
        if (!Ranges.Contains(effective, whole))
        {
            return Error(node, path, $"{whole.ToString(CultureInfo.InvariantCulture)} is out of range (expected {Ranges.Text(effective)}{OrNoLimit(param)})");
        }

        result = type == typeof(int) ? (int)whole : (object)(ulong)whole;
        return true;
    }

    private static string OrNoLimit(ParamAttribute param) => param.NoLimit is { } word ? $" or {word}" : string.Empty;

    /// <summary>The declared range narrowed to what the C# type can hold.</summary>
    private static ParamAttribute Effective(Type type, ParamAttribute p) => new(p.Description)
    {
        Min = Math.Max(p.Min, type == typeof(int) ? int.MinValue : 0),
        Max = type == typeof(int) ? Math.Min(p.Max, int.MaxValue) : p.Max,
        MinExclusive = p.MinExclusive,
        MaxExclusive = p.MaxExclusive,
    };

    private bool BindNumber(Node node, string path, ParamAttribute param, out object? result)
    {
        result = null;
        if (node.Kind != NodeKind.Scalar || node.IsNull)
        {
            return Error(node, path, $"{(node.IsNull ? "no value" : $"found {Expectation.Found(node)}")} (expected {Expectation.Of(typeof(double), param)})");
        }

        var error = UnitParser.TryParse(node.Value!, param.Unit, out var value);
        if (error is not null)
        {
            return Error(node, path, param.NoLimit is { } word ? $"{error}, or {word}" : error);
        }

        if (!Ranges.Contains(param, value))
        {
            return Error(node, path, $"{Quote.Text(node.Value!.Trim())} is out of range (expected {Ranges.Text(param)}{OrNoLimit(param)})");
        }

        result = value;
        return true;
    }

    private bool BindEnum(Type type, Node node, string path, out object? result)
    {
        result = null;
        var names = Enum.GetNames(type).Select(Naming.Snake).ToList();
        var index = names.IndexOf(node.Value!);
        if (index >= 0)
        {
            result = Enum.GetValues(type).GetValue(index);
            return true;
        }

        var suggestion = Naming.Closest(node.Value!, names);
        return Error(node, path, $"{Quote.Value(node.Value!)} is not one of {string.Join(", ", names)}{(suggestion is null ? string.Empty : $" (did you mean {suggestion}?)")}");
    }

    private bool BindFreeMap(Node node, string path, out object? result)
    {
        result = null;
        if (node.IsNull)
        {
            result = new Dictionary<string, Node>(StringComparer.Ordinal);
            return true;
        }

        if (node.Kind != NodeKind.Mapping)
        {
            return Error(node, path, $"expected a mapping, found {Expectation.Found(node)}");
        }

        foreach (var (key, value) in node.Entries)
        {
            Spans[Join(path, key.Value!)] = value.Span;
        }

        result = node.Entries.ToDictionary(e => e.Key.Value!, e => e.Value, StringComparer.Ordinal);
        return true;
    }

    private bool BindList(Type type, ParamAttribute param, Node node, string path, out object? result)
    {
        result = null;
        var itemType = Declared.ItemType(type)!;
        var list = (IList)Activator.CreateInstance(type)!;
        IReadOnlyList<Node> items;
        if (node.IsNull)
        {
            items = [];
        }
        else if (node.Kind == NodeKind.Sequence)
        {
            items = node.Items;
        }
        else if (node.Kind == NodeKind.Scalar && itemType == typeof(string))
        {
            items = [node];
        }
        else
        {
            return Error(node, path, $"expected a list of {Expectation.Of(itemType, param)}, found {Expectation.Found(node)}");
        }

        var ok = true;
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}.{i}";
            Spans[itemPath] = items[i].Span;
            if (BindValue(itemType, param, items[i], itemPath, out var value))
            {
                list.Add(value);
            }
            else
            {
                ok = false;
            }
        }

        if (Declared.IsSection(itemType) && list.Count < param.Min)
        {
            return Error(node, path, $"at least {param.Min} entr{(param.Min == 1 ? "y" : "ies")} expected, found {list.Count}");
        }

        result = list;
        return ok;
    }
}
