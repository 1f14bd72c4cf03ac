using System.Globalization;

namespace NetSim.Network.Scenario;

/// <summary>
/// Bounds on what a scenario may make the loader read and a run do, so that a hostile or mistaken
/// file is a located error instead of a crash, a hang or an exhausted memory. The defaults are far
/// above any real scenario; each sizable limit can be raised with the environment variable that its
/// message names. Nesting depth and the number of errors listed are fixed.
/// </summary>
/// <param name="FileBytes">The largest scenario file (each include too), in bytes.</param>
/// <param name="Values">The most YAML values (keys included, aliases expanded) over a scenario and its includes.</param>
/// <param name="Files">The most files read for one scenario: the file and every include, counting repeats.</param>
/// <param name="TraceBytes">The largest arrival trace file (<c>ues.arrivals.file</c>), in bytes.</param>
/// <param name="SweepRuns">The most runs of a sweep: grid points times policies times replications.</param>
/// <param name="Events">The most arrivals over the duration, and slots or fading blocks before <c>max_time</c>, of one run.</param>
public sealed record ScenarioLimits(long FileBytes, long Values, long Files, long TraceBytes, long SweepRuns, double Events)
{
    /// <summary>The deepest nesting of lists and mappings, <c>--set</c> paths included.</summary>
    public const int MaxDepth = 100;

    /// <summary>The most errors a report lists; it counts the rest.</summary>
    public const int MaxListedErrors = 100;

    /// <summary>The environment variable that raises <see cref="FileBytes"/>.</summary>
    public const string FileBytesVariable = "NETSIM_MAX_SCENARIO_BYTES";

    /// <summary>The environment variable that raises <see cref="Values"/>.</summary>
    public const string ValuesVariable = "NETSIM_MAX_SCENARIO_VALUES";

    /// <summary>The environment variable that raises <see cref="Files"/>.</summary>
    public const string FilesVariable = "NETSIM_MAX_INCLUDES";

    /// <summary>The environment variable that raises <see cref="TraceBytes"/>.</summary>
    public const string TraceBytesVariable = "NETSIM_MAX_TRACE_BYTES";

    /// <summary>The environment variable that raises <see cref="SweepRuns"/>.</summary>
    public const string SweepRunsVariable = "NETSIM_MAX_SWEEP_RUNS";

    /// <summary>The environment variable that raises <see cref="Events"/>.</summary>
    public const string EventsVariable = "NETSIM_MAX_EVENTS";

    /// <summary>
    /// 16 MiB per scenario file, 1,000,000 values, 1,000 files, 256 MiB of trace, 100,000 sweep runs,
    /// 10^9 arrivals (or slots, or fading blocks) per run.
    /// </summary>
    public static ScenarioLimits Default { get; } = new(16L << 20, 1_000_000, 1_000, 256L << 20, 100_000, 1e9);

    /// <summary>
    /// The defaults, each replaced by its environment variable when set. A variable that is not a
    /// whole number of at least 1 is an error in <paramref name="errors"/>, reported at
    /// <paramref name="file"/>, and the default holds.
    /// </summary>
    public static ScenarioLimits FromEnvironment(string file, List<ScenarioError> errors)
    {
        long Read(string variable, long fallback)
        {
            var text = Environment.GetEnvironmentVariable(variable);
            if (text is null)
            {
                return fallback;
            }

            if (long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1)
            {
                return value;
            }

            errors.Add(new ScenarioError(new Yaml.SourceSpan(file, 1, 1), string.Empty, $"the environment variable {variable}={Quote.Value(text)} is not a whole number of at least 1 (unset it for the default, {fallback.ToString("N0", CultureInfo.InvariantCulture)})"));
            return fallback;
        }

        var d = Default;
        return new ScenarioLimits(
            Read(FileBytesVariable, d.FileBytes),
            Read(ValuesVariable, d.Values),
            Read(FilesVariable, d.Files),
            Read(TraceBytesVariable, d.TraceBytes),
            Read(SweepRunsVariable, d.SweepRuns),
            Read(EventsVariable, (long)d.Events));
    }
}
