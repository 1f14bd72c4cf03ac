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

    /// <summary>Filled dots without a line (user equipment on a map).</summary>
    Points,

    /// <summary>Large filled triangles without a line (base stations on a map).</summary>
    Sites,

    /// <summary>Large open circles without a line, around points drawn by other series (a marked node).</summary>
    Rings,

    /// <summary>Crosses without a line, drawn in black whatever the series' colour (events on a map, such as handovers).</summary>
    Marks,
}
