namespace NetSim.Policies.ScaKkt;

/// <summary>A non-decreasing scalar function with its slope, evaluated without allocation.</summary>
internal interface IMonotoneFunction
{
    /// <summary>Value and slope at <paramref name="x"/>.</summary>
    (double Value, double Slope) Evaluate(double x);
}
