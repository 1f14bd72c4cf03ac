namespace NetSim.Learning.Agents;

/// <summary>Scalings shared by the encodings.</summary>
internal static class Features
{
    /// <summary>Largest feature value: infinite or huge times are clipped here.</summary>
    public const float Clip = 10f;

    /// <summary>A time as ln(1 + t / scale), clipped; +infinity and NaN give <see cref="Clip"/>.</summary>
    public static float Time(double seconds, double scale)
    {
        if (double.IsNaN(seconds) || seconds >= double.MaxValue)
        {
            return Clip;
        }

        return (float)Math.Min(Clip, Math.Log(1 + (Math.Max(0, seconds) / scale)));
    }
}
