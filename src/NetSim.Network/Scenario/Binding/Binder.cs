using System.Collections;
using System.Globalization;
using NetSim.Network.Scenario.Config;
using NetSim.Network.Scenario.Units;
using NetSim.Network.Scenario.Yaml;

namespace NetSim.Network.Scenario.Binding;

/// <summary>
/// Builds config objects from located YAML nodes, checking every value against its declaration.
/// It never stops at the first problem: each is added to <see cref="Errors"/> and the default is kept.
/// </summary>
public sealed class Binder
{
    /// <summary>Problems found.</summary>
    public List<ScenarioError> Errors { get; } = new();

    /// <summary>Where each bound key path was written (for later cross-field checks).</summary>
    public Dictionary<string, SourceSpan> Spans { get; } = new(StringComparer.Ordinal);

    /// <summary>Binds <paramref name="node"/> into a new <typeparamref name="T"/>.</summary>
    public T Bind<T>(Node node)
        where T : new() => (T)BindSection(typeof(T), node, string.Empty);

    private object BindSection(Type type, Node node, string path)
    {
        var target = Activator.CreateInstance(type)!;
        Spans[path] = node.Span;
        if (node.IsNull)
        {
            return target;
        }

        if (type == typeof(PolicyConfig) && node.Kind == NodeKind.Scalar)
        {
            ((PolicyConfig)target).Name = node.Value!;
            return target;
        }

        var keys = Declared.KeysOf(type);
        if (node.Kind != NodeKind.Mapping)
        {
            Error(node, path, $"expected a mapping with keys {string.Join(", ", keys.Select(k => k.Name))}, found {Found(node)}");
            return target;
        }

        foreach (var (keyNode, value) in node.Entries)
        {
            var name = keyNode.Value!;
            var childPath = Join(path, name);
            var key = keys.FirstOrDefault(k => k.Name == name);
            if (key is null)
            {
                var suggestion = Naming.Closest(name, keys.Select(k => k.Name));
                Error(keyNode, childPath, suggestion is null
                    ? $"unknown key (expected one of: {string.Join(", ", keys.Select(k => k.Name))})"
                    : $"unknown key (did you mean {Join(path, suggestion)}?)");
                continue;
            }

            Spans[childPath] = value.Span;
            if (BindValue(key.Property.PropertyType, key.Param, value, childPath, out var bound))
            {
                key.Property.SetValue(target, bound);
            }
        }

        return target;
    }

    private bool BindValue(Type type, ParamAttribute param, Node node, string path, out object? result)
    {
        result = null;
        if (Declared.IsSection(type))
        {
            result = BindSection(type, node, path);
            return true;
        }

        if (type == typeof(Dictionary<string, Node>))
        {
            if (node.IsNull)
            {
                result = new Dictionary<string, Node>();
                return true;
            }

            if (node.Kind != NodeKind.Mapping)
            {
                return Error(node, path, $"expected a mapping, found {Found(node)}");
            }

            result = node.Entries.ToDictionary(e => e.Key.Value!, e => e.Value, StringComparer.Ordinal);
            return true;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            return BindList(type, param, node, path, out result);
        }

        if (type == typeof(Distribution))
        {
            return BindDistribution(node, path, param, out result);
        }

        if (node.Kind != NodeKind.Scalar)
        {
            return Error(node, path, $"expected {Expected(type, param)}, found {Found(node)}");
        }

        var text = node.Value!;
        if (type == typeof(string))
        {
            result = node.IsNull ? string.Empty : text;
            return true;
        }

        if (type == typeof(bool))
        {
            if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
            {
                result = text.Equals("true", StringComparison.OrdinalIgnoreCase);
                return true;
            }

            return Error(node, path, $"'{text}' is not true or false");
        }

        if (type == typeof(int) || type == typeof(ulong))
        {
            if (type == typeof(int) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
            {
                return InRange(node, path, i, param, out result) && Set(i, out result);
            }

            if (type == typeof(ulong) && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var u))
            {
                result = u;
                return true;
            }

            return Error(node, path, $"'{text}' is not a whole number ({(type == typeof(ulong) ? "0 or more" : RangeText(param))})");
        }

        if (type == typeof(double))
        {
            return BindNumber(node, path, param, out result);
        }

        if (type.IsEnum)
        {
            var names = Enum.GetNames(type).Select(Naming.Snake).ToList();
            var index = names.IndexOf(text);
            if (index >= 0)
            {
                result = Enum.GetValues(type).GetValue(index);
                return true;
            }

            var suggestion = Naming.Closest(text, names);
            return Error(node, path, $"'{text}' is not one of {string.Join(", ", names)}{(suggestion is null ? string.Empty : $" (did you mean {suggestion}?)")}");
        }

        return Error(node, path, $"cannot read a {type.Name}");
    }

    private bool BindList(Type type, ParamAttribute param, Node node, string path, out object? result)
    {
        result = null;
        var itemType = type.GetGenericArguments()[0];
        var list = (IList)Activator.CreateInstance(type)!;
        IEnumerable<Node> items;
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
            return Error(node, path, $"expected a list of {Expected(itemType, param)}, found {Found(node)}");
        }

        var ok = true;
        var index = 0;
        foreach (var item in items)
        {
            var itemPath = $"{path}.{index++}";
            Spans[itemPath] = item.Span;
            var countsAreElements = itemType == typeof(double) || itemType == typeof(List<double>);
            var itemParam = countsAreElements ? param : new ParamAttribute(param.Description) { Unit = param.Unit };
            if (BindValue(itemType, itemParam, item, itemPath, out var value))
            {
                list.Add(value);
            }
            else
            {
                ok = false;
            }
        }

        if (itemType != typeof(double) && itemType != typeof(List<double>) && list.Count < param.Min)
        {
            return Error(node, path, $"at least {param.Min} entr{(param.Min == 1 ? "y" : "ies")} expected, found {list.Count}");
        }

        result = list;
        return ok;
    }

    private bool BindNumber(Node node, string path, ParamAttribute param, out object? result)
    {
        result = null;
        var error = UnitParser.TryParse(node.Value!, param.Unit, out var value);
        if (error is not null)
        {
            return Error(node, path, error);
        }

        return InRange(node, path, value, param, out result) && Set(value, out result);
    }

    private bool BindDistribution(Node node, string path, ParamAttribute param, out object? result)
    {
        result = null;
        if (node.Kind == NodeKind.Scalar)
        {
            if (node.Value is "none" && param.AllowNone)
            {
                result = Distribution.None;
                return true;
            }

            if (!BindNumber(node, path, param, out var constant))
            {
                return false;
            }

            result = Distribution.Constant((double)constant!);
            return true;
        }

        if (node.Kind != NodeKind.Mapping || node.Entries.Count != 1)
        {
            return Error(node, path, $"expected {Expected(typeof(Distribution), param)}, found {Found(node)}");
        }

        var (kindNode, args) = node.Entries[0];
        switch (kindNode.Value)
        {
            case "uniform":
                if (args.Kind != NodeKind.Sequence || args.Items.Count != 2)
                {
                    return Error(args, $"{path}.uniform", "expected [low, high]");
                }

                if (!BindNumber(args.Items[0], $"{path}.uniform.0", param, out var low) | !BindNumber(args.Items[1], $"{path}.uniform.1", param, out var high))
                {
                    return false;
                }

                if ((double)low! > (double)high!)
                {
                    return Error(args, $"{path}.uniform", $"low {low} is above high {high}");
                }

                result = new Distribution(DistributionKind.Uniform, (double)low, (double)high);
                return true;
            case "exponential":
                if (!BindNumber(args, $"{path}.exponential", param, out var mean))
                {
                    return false;
                }

                result = new Distribution(DistributionKind.Exponential, (double)mean!);
                return true;
            default:
                var suggestion = Naming.Closest(kindNode.Value ?? string.Empty, ["uniform", "exponential"]);
                return Error(kindNode, path, $"unknown distribution '{kindNode.Value}' (expected uniform or exponential{(suggestion is null ? string.Empty : $"; did you mean {suggestion}?")})");
        }
    }

    private bool InRange(Node node, string path, double value, ParamAttribute param, out object? result)
    {
        result = null;
        var low = param.MinExclusive ? value <= param.Min : value < param.Min;
        var high = param.MaxExclusive ? value >= param.Max : value > param.Max;
        return !(low || high) || Error(node, path, $"{value.ToString("G6", CultureInfo.InvariantCulture)} is out of range (expected {RangeText(param)})");
    }

    private static bool Set(object value, out object? result)
    {
        result = value;
        return true;
    }

    /// <summary>The allowed range in words, in SI units.</summary>
    public static string RangeText(ParamAttribute p)
    {
        var unit = p.Unit == UnitKind.None ? string.Empty : $" {SiUnit(p.Unit)}";
        var parts = new List<string>();
        if (!double.IsNegativeInfinity(p.Min))
        {
            parts.Add($"{(p.MinExclusive ? ">" : ">=")} {p.Min.ToString(CultureInfo.InvariantCulture)}{unit}");
        }

        if (!double.IsPositiveInfinity(p.Max))
        {
            parts.Add($"{(p.MaxExclusive ? "<" : "<=")} {p.Max.ToString(CultureInfo.InvariantCulture)}{unit}");
        }

        return parts.Count == 0 ? "any finite value" : string.Join(" and ", parts);
    }

    /// <summary>The SI unit values of a kind are stored in.</summary>
    public static string SiUnit(UnitKind kind) => kind switch
    {
        UnitKind.Time => "s",
        UnitKind.Frequency => "Hz",
        UnitKind.ComputeRate => "ops/s",
        UnitKind.Work => "ops",
        UnitKind.Size => "bit",
        UnitKind.DataRate => "bit/s",
        UnitKind.Power => "W",
        UnitKind.Distance => "m",
        UnitKind.Decibel => "dB",
        UnitKind.PerSecond => "/s",
        _ => string.Empty,
    };

    private static string Expected(Type type, ParamAttribute param)
    {
        if (type == typeof(double))
        {
            return param.Unit == UnitKind.None ? "a number" : $"a number with a unit ({string.Join(", ", UnitParser.UnitsOf(param.Unit))})";
        }

        if (type == typeof(Distribution))
        {
            return $"a value, {{uniform: [a, b]}} or {{exponential: mean}}{(param.AllowNone ? " or none" : string.Empty)}";
        }

        if (type.IsEnum)
        {
            return $"one of {string.Join(", ", Enum.GetNames(type).Select(Naming.Snake))}";
        }

        if (type == typeof(List<double>))
        {
            return "a list of numbers";
        }

        return type == typeof(string) ? "text" : type == typeof(bool) ? "true or false" : Declared.IsSection(type) ? "a mapping" : "a value";
    }

    private static string Found(Node node) => node.Kind switch
    {
        NodeKind.Scalar => $"'{node.Value}'",
        NodeKind.Sequence => "a list",
        _ => "a mapping",
    };

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private bool Error(Node node, string path, string message)
    {
        Errors.Add(new ScenarioError(node.Span, path, message));
        return false;
    }
}
