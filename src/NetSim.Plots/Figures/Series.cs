namespace NetSim.Plots.Figures;

/// <summary>One series of a panel, in the units shown on the axes.</summary>
/// <param name="Label">Legend text, or null to leave it out of the legend.</param>
/// <param name="X">X values.</param>
/// <param name="Y">Y values.</param>
/// <param name="Error">Half-widths of the 95% confidence intervals, or null.</param>
/// <param name="Style">How it is drawn.</param>
/// <param name="Color">Index into the palette; series of one group share it.</param>
public sealed record Series(string? Label, IReadOnlyList<double> X, IReadOnlyList<double> Y, IReadOnlyList<double>? Error, SeriesStyle Style, int Color);
