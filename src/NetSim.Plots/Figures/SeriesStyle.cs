namespace NetSim.Plots.Figures;

/// <summary>How a series is drawn.</summary>
public enum SeriesStyle
{
    /// <summary>Line through markers, with 95% confidence bars when the series has errors.</summary>
    LineMarkers,

    /// <summary>Plain line.</summary>
    Line,

    /// <summary>Thin, faint line (raw values behind a smoothed one).</summary>
    Faint,

    /// <summary>Step line (queue length, empirical CDF).</summary>
    Step,

    /// <summary>One segment of stacked bars: Y is the segment's height, stacked in series order.</summary>
    StackedBar,
}
