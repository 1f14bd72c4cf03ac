namespace NetSim.Plots.Figures;

/// <summary>One set of axes of a figure.</summary>
/// <param name="Title">Panel title (for example "(a)"), or empty.</param>
/// <param name="XLabel">X axis label with its unit.</param>
/// <param name="YLabel">Y axis label with its unit.</param>
/// <param name="Series">Series in drawing order.</param>
/// <param name="XTicks">Categorical tick positions and labels, or null for numeric ticks.</param>
/// <param name="LogY">Y on a log scale: the series keep their values; the renderer draws log10 of them with decade ticks.</param>
/// <param name="EqualAxes">One unit of X as long as one unit of Y on the page (a map drawn to scale).</param>
public sealed record Panel(string Title, string XLabel, string YLabel, IReadOnlyList<Series> Series, IReadOnlyList<(double Position, string Label)>? XTicks = null, bool LogY = false, bool EqualAxes = false);
