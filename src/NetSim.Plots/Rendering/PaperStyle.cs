namespace NetSim.Plots.Rendering;

/// <summary>
/// Sizes for a figure in one column of a two-column paper: 3.5 in wide. Layout is in logical pixels
/// at 100 per inch (so 1 pt is about 1.39 px); PNGs are drawn at 3x (300 dpi), SVGs at 1x.
/// </summary>
public static class PaperStyle
{
    /// <summary>Panel width in logical pixels (3.5 in).</summary>
    public const int Width = 350;

    /// <summary>Panel height in logical pixels (2.5 in).</summary>
    public const int PanelHeight = 250;

    /// <summary>PNG pixels per logical pixel (300 dpi).</summary>
    public const float PngScale = 3;

    /// <summary>Axis label size (8 pt).</summary>
    public const float LabelSize = 11;

    /// <summary>Tick label size (7 pt).</summary>
    public const float TickSize = 9.5f;

    /// <summary>Legend text size (7 pt).</summary>
    public const float LegendSize = 9.5f;

    /// <summary>The longest line of a Y label, in logical pixels (a longer label is broken into lines).</summary>
    public const float YLabelLength = 200;

    /// <summary>The longest line of a Y label beside a legend drawn below the panel, which leaves the axis less height.</summary>
    public const float YLabelBesideLegend = 140;

    /// <summary>Font family (installed with most Linux distributions; Skia falls back when absent).</summary>
    public const string Font = "DejaVu Sans";
}
