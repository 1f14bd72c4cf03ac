using NetSim.Plots.Figures;
using NetSim.Traces;

namespace NetSim.Plots.Building;

/// <summary>Computes a figure's data from a trace database.</summary>
public static class FigureBuilder
{
    /// <summary>The data of <paramref name="spec"/> read from <paramref name="reader"/>; throws <see cref="MissingDataException"/> naming what is missing.</summary>
    public static FigureData Build(TraceReader reader, FigureSpec spec)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Kind switch
        {
            FigureKind.Sweep => SweepFigure.Build(reader, spec),
            FigureKind.Convergence => ConvergenceFigure.Build(reader, spec),
            FigureKind.QueueLength => QueueLengthFigure.Build(reader, spec),
            FigureKind.LatencyCdf => LatencyCdfFigure.Build(reader, spec),
            FigureKind.LatencyBreakdown => LatencyBreakdownFigure.Build(reader, spec),
            FigureKind.Topology => TopologyFigure.Build(reader, spec),
            FigureKind.Trajectories => TrajectoriesFigure.Build(reader, spec),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "unknown figure kind"),
        };
    }
}
