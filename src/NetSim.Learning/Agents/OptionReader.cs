using System.Globalization;

namespace NetSim.Learning.Agents;

/// <summary>
/// Reads an agent's hyperparameters from the scenario's <c>policy.options</c>: every value is
/// checked against its range, unknown keys are refused with the known ones listed, and all errors
/// are reported at once as an <see cref="ArgumentException"/>.
/// </summary>
public sealed class OptionReader
{
    private readonly IReadOnlyDictionary<string, object?> _options;
    private readonly string _agent;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly List<string> _errors = new();

    /// <summary>A reader over <paramref name="options"/> for agent <paramref name="agent"/>.</summary>
    public OptionReader(string agent, IReadOnlyDictionary<string, object?> options)
    {
        _agent = agent;
        _options = options;
    }

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/> when absent.</summary>
    public double Number(string key, double fallback, double min, double max)
    {
        _known.Add(key);
        if (!_options.TryGetValue(key, out var raw) || raw is null)
        {
            return fallback;
        }

        var text = Convert.ToString(raw, CultureInfo.InvariantCulture)!.Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            _errors.Add($"policy.options.{key}: '{text}' is not a number (expected a number in [{min}, {max}], default {fallback})");
            return fallback;
        }

        if (!(value >= min && value <= max))
        {
            _errors.Add($"policy.options.{key}: {text} is outside [{min}, {max}] (default {fallback})");
            return fallback;
        }

        return value;
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/> when absent.</summary>
    public int Integer(string key, int fallback, int min, int max)
    {
        var value = Number(key, fallback, min, max);
        if (value != Math.Floor(value))
        {
            _errors.Add($"policy.options.{key}: {value} is not a whole number");
            return fallback;
        }

        return (int)value;
    }

    /// <summary>A non-empty text, or null when absent.</summary>
    public string? Text(string key)
    {
        _known.Add(key);
        if (!_options.TryGetValue(key, out var raw) || raw is null)
        {
            return null;
        }

        var text = Convert.ToString(raw, CultureInfo.InvariantCulture)!.Trim();
        if (text.Length == 0)
        {
            _errors.Add($"policy.options.{key}: empty, expected a text");
            return null;
        }

        return text;
    }

    /// <summary>A duration in seconds written as a number of seconds or with a unit (<c>10ms</c>, <c>2s</c>, <c>500us</c>).</summary>
    public double Seconds(string key, double fallback, double min, double max)
    {
        _known.Add(key);
        if (!_options.TryGetValue(key, out var raw) || raw is null)
        {
            return fallback;
        }

        var text = Convert.ToString(raw, CultureInfo.InvariantCulture)!.Trim();
        var (number, scale) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1e-3)
            : text.EndsWith("us", StringComparison.Ordinal) ? (text[..^2], 1e-6)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : (text, 1.0);
        if (!double.TryParse(number.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value * scale >= min && value * scale <= max))
        {
            _errors.Add($"policy.options.{key}: '{text}' is not a duration in [{min} s, {max} s] (for example 10ms; default {fallback} s)");
            return fallback;
        }

        return value * scale;
    }

    /// <summary>The keys read so far, sorted: after reading every option, the options the agent takes.</summary>
    public IReadOnlyList<string> Keys => _known.Order(StringComparer.Ordinal).ToList();

    /// <summary>Throws with every error found, including keys no reader asked for.</summary>
    public void Check()
    {
        foreach (var key in _options.Keys.Where(k => !_known.Contains(k)).OrderBy(k => k, StringComparer.Ordinal))
        {
            _errors.Add($"policy.options.{key}: unknown option for {_agent} (known: {string.Join(", ", _known.OrderBy(k => k, StringComparer.Ordinal))})");
        }

        if (_errors.Count > 0)
        {
            throw new ArgumentException(string.Join(System.Environment.NewLine, _errors));
        }
    }
}
