using System.Globalization;
using NetSim.Network.Scenario.Units;
using NetSim.Network.Scheduling;

namespace NetSim.Policies.Optimal;

/// <summary>Reads and checks the <c>policy.options</c> of the epoch policies; every error is a <see cref="PolicyException"/> naming the option.</summary>
internal sealed class PolicyOptionReader
{
    private readonly PolicyContext _context;

    public PolicyOptionReader(PolicyContext context, PolicyInputs takes)
    {
        _context = context;
        foreach (var key in context.Options.Keys)
        {
            if (!takes.Takes(key))
            {
                throw new PolicyException($"policy {context.Name}: unknown option '{key}' (known: {string.Join(", ", takes.Options)})");
            }
        }
    }

    /// <summary>A duration in seconds: a number of seconds or a text with a time unit such as <c>10s</c> or <c>500ms</c>.</summary>
    public double Seconds(string key, double fallback)
    {
        if (!_context.Options.TryGetValue(key, out var value) || value is null)
        {
            return fallback;
        }

        double seconds;
        switch (value)
        {
            case double d:
                seconds = d;
                break;
            case int i:
                seconds = i;
                break;
            case long l:
                seconds = l;
                break;
            case string text:
                var error = UnitParser.TryParse(text, UnitKind.Time, out seconds);
                if (error is not null)
                {
                    throw new PolicyException($"policy {_context.Name}: option {key}: {error}");
                }

                break;
            default:
                throw new PolicyException($"policy {_context.Name}: option {key}: '{Convert.ToString(value, CultureInfo.InvariantCulture)}' is not a duration");
        }

        if (!(seconds > 0) || !double.IsFinite(seconds))
        {
            throw new PolicyException($"policy {_context.Name}: option {key}: {seconds} s must be positive and finite");
        }

        return seconds;
    }

    /// <summary>The deadline rule: <c>none</c>, <c>penalty</c> or <c>hard</c>, with <c>deadline_penalty</c> for the penalty.</summary>
    public EpochSettings Settings()
    {
        var mode = DeadlineMode.None;
        if (_context.Options.TryGetValue("deadline", out var value) && value is not null)
        {
            mode = Convert.ToString(value, CultureInfo.InvariantCulture) switch
            {
                "none" => DeadlineMode.None,
                "penalty" => DeadlineMode.Penalty,
                "hard" => DeadlineMode.Hard,
                var other => throw new PolicyException($"policy {_context.Name}: option deadline: '{other}' is not one of none, penalty, hard"),
            };
        }

        return new EpochSettings(mode, Seconds("deadline_penalty", 1.0));
    }
}
