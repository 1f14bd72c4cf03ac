namespace NetSim.Plots.Figures;

/// <summary>A figure's computed data: panels stacked top to bottom, ready to render or to check.</summary>
/// <param name="Name">Figure name.</param>
/// <param name="Panels">Panels.</param>
public sealed record FigureData(string Name, IReadOnlyList<Panel> Panels);
