using TorchSharp;

namespace NetSim.Learning.Networks;

/// <summary>
/// The constant torch Scalars that tensor arithmetic here passes explicitly (the alpha of
/// <c>a.add(b, alpha)</c> and the like). TorchSharp 0.107 makes a Scalar for every bare number and
/// every omitted alpha and leaves it to the finaliser, which can free it while torch still reads it;
/// these live for the whole process, so nothing frees them. Scalars for values known only at run
/// time are made with <c>using var s = x.ToScalar()</c> where they are used. Squares are products:
/// TorchSharp's <c>square()</c> is <c>pow(2)</c> through such an implicit Scalar (a training run
/// died of it with torch's Scalar assertion).
/// </summary>
internal static class Scalars
{
    /// <summary>1.</summary>
    public static readonly Scalar One = 1.0.ToScalar();

    /// <summary>-1.</summary>
    public static readonly Scalar MinusOne = (-1.0).ToScalar();

    /// <summary>2.</summary>
    public static readonly Scalar Two = 2.0.ToScalar();

    /// <summary>0.</summary>
    public static readonly Scalar Zero = 0.0.ToScalar();
}
