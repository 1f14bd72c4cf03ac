using System.Globalization;
using NetSim.Network.Scheduling;

namespace NetSim.Policies.ScaKkt;

/// <summary>
/// The <c>policy.options</c> of <c>sca-kkt</c>: the paper's constraints and weights, which the
/// world has no keys for, and the algorithm's settings. Quality (ε^fwd, C1, C2), step times,
/// clock rates and energy coefficients come from the scenario's own keys (see <c>ScaKkt.md</c>).
/// </summary>
/// <param name="EdgeStepBudget"><c>edge_steps_budget</c>: S_e^max, total steps of one edge server (eq. 1).</param>
/// <param name="LocalStepsMax"><c>local_steps_max</c>: S_{n,0}^max (eq. 2).</param>
/// <param name="EdgeStepsMax"><c>edge_steps_max</c>: S_{n,1}^max (eq. 2).</param>
/// <param name="StepsMin"><c>steps_min</c>: least steps of a task (the world needs at least 1).</param>
/// <param name="Weights"><c>c1</c>, <c>c2</c>, <c>c3</c>, <c>w1</c>, <c>w2</c>.</param>
/// <param name="Settings"><c>tau</c>, <c>outer_iterations</c>, <c>inner_iterations</c>, <c>tolerance</c>, <c>flip_rounds</c>.</param>
public sealed record ScaKktOptions(double EdgeStepBudget, double LocalStepsMax, double EdgeStepsMax, double StepsMin, ScaKktWeights Weights, ScaKktSettings Settings)
{
    /// <summary>What <c>sca-kkt</c> takes: these options and no checkpoint.</summary>
    public static PolicyInputs Takes { get; } = new(
    [
        "edge_steps_budget", "local_steps_max", "edge_steps_max", "steps_min", "c1", "c2", "c3", "w1", "w2",
        "tau", "outer_iterations", "inner_iterations", "tolerance", "flip_rounds",
    ],
    false);

    /// <summary>
    /// Reads the options; a key left out takes its default (the values of scenarios/papers/wang2024).
    /// Throws <see cref="ArgumentException"/> naming the option and what was expected.
    /// </summary>
    public static ScaKktOptions Parse(IReadOnlyDictionary<string, object?> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var key in options.Keys)
        {
            if (!Takes.Takes(key))
            {
                throw new ArgumentException($"policy sca-kkt: unknown option '{key}' (known: {string.Join(", ", Takes.Options)})");
            }
        }

        var defaults = ScaKktSettings.Default;
        var settings = defaults with
        {
            Tau = Number(options, "tau", defaults.Tau, 0, false),
            TauStart = Number(options, "tau", defaults.Tau, 0, false),
            MaxOuter = Whole(options, "outer_iterations", defaults.MaxOuter, 1),
            MaxInner = Whole(options, "inner_iterations", defaults.MaxInner, 1),
            Tolerance = Number(options, "tolerance", defaults.Tolerance, 0, false),
            FlipRounds = Whole(options, "flip_rounds", defaults.FlipRounds, 0),
        };
        var weights = new ScaKktWeights(
            Number(options, "c1", 1, 0, true),
            Number(options, "c2", 1, 0, true),
            Number(options, "c3", 1e-3, 0, true),
            Number(options, "w1", 0.5, 0, true),
            Number(options, "w2", 0.5, 0, true));
        var min = Number(options, "steps_min", 1, 0, false);
        var local = Number(options, "local_steps_max", 20, min, true);
        var edge = Number(options, "edge_steps_max", 100, min, true);
        var budget = Number(options, "edge_steps_budget", 1000, 0, true);
        weights.Validate();
        settings.Validate();
        return new ScaKktOptions(budget, local, edge, min, weights, settings);
    }

    private static double Number(IReadOnlyDictionary<string, object?> options, string key, double fallback, double least, bool inclusive)
    {
        if (!options.TryGetValue(key, out var raw) || raw is null)
        {
            return fallback;
        }

        var expected = $"a finite number {(inclusive ? ">=" : ">")} {least.ToString(CultureInfo.InvariantCulture)}";
        var text = Convert.ToString(raw, CultureInfo.InvariantCulture);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsInfinity(value) || !(inclusive ? value >= least : value > least))
        {
            throw new ArgumentException($"policy sca-kkt: option '{key}': '{text}' is not {expected}");
        }

        return value;
    }

    private static int Whole(IReadOnlyDictionary<string, object?> options, string key, int fallback, int least)
    {
        if (!options.TryGetValue(key, out var raw) || raw is null)
        {
            return fallback;
        }

        var text = Convert.ToString(raw, CultureInfo.InvariantCulture);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < least)
        {
            throw new ArgumentException($"policy sca-kkt: option '{key}': '{text}' is not a whole number >= {least}");
        }

        return value;
    }
}
