namespace NetSim.Plots.Figures;

/// <summary>
/// A figure defined as data: which runs, which parameter on X, which metrics on Y, how runs group
/// into series and how they are labelled. Named paper figures are instances in <see cref="FigureCatalog"/>.
/// </summary>
public sealed record FigureSpec
{
    /// <summary>Figure name, for example <c>zhou2024-fig3</c>.</summary>
    public required string Name { get; init; }

    /// <summary>What the figure shows (the paper's caption or a description).</summary>
    public string Caption { get; init; } = string.Empty;

    /// <summary>Kind of figure.</summary>
    public required FigureKind Kind { get; init; }

    /// <summary>Sweep: the parameter key path on the X axis (as in runs.params).</summary>
    public string X { get; init; } = string.Empty;

    /// <summary>Sweep: X axis label with its unit.</summary>
    public string XLabel { get; init; } = string.Empty;

    /// <summary>Sweep: factor from the parameter's SI value to the unit shown.</summary>
    public double XScale { get; init; } = 1;

    /// <summary>Sweep: metrics, one panel each, stacked top to bottom.</summary>
    public IReadOnlyList<MetricSpec> Metrics { get; init; } = [];

    /// <summary>Fields that split runs into series: <c>policy</c> or parameter key paths.</summary>
    public IReadOnlyList<string> By { get; init; } = ["policy"];

    /// <summary>
    /// Series label: <c>{policy}</c> is the policy's legend name and <c>{key.path}</c> a parameter's
    /// value; null joins the group's fields.
    /// </summary>
    public string? SeriesLabel { get; init; }

    /// <summary>
    /// Policies drawn as one series each whatever the other <see cref="By"/> fields say (baselines
    /// that ignore the swept policy options, such as <c>random</c> beside weight combinations).
    /// </summary>
    public IReadOnlyList<string> Baselines { get; init; } = [];

    /// <summary>Only runs with these parameter values.</summary>
    public IReadOnlyDictionary<string, string> Filters { get; init; } = new Dictionary<string, string>();

    /// <summary>Policies (or agents, for convergence) that must be present, in legend order; empty: every one.</summary>
    public IReadOnlyList<string> Policies { get; init; } = [];

    /// <summary>Convergence: trailing moving-average window in episodes.</summary>
    public int Smoothing { get; init; } = 10;

    /// <summary>Queue length, topology and trajectories: the run to draw (null: the first complete run with the data the figure needs).</summary>
    public long? RunId { get; init; }

    /// <summary>Queue length: the nodes to draw (empty: the ones with the longest queues).</summary>
    public IReadOnlyList<string> Nodes { get; init; } = [];
}
