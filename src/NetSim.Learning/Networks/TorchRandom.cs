namespace NetSim.Learning.Networks;

/// <summary>
/// Guards libtorch's one process-wide random generator. An agent seeds it and draws its networks'
/// initial weights while holding <see cref="Gate"/>, so agents built at the same time on other
/// threads (parallel tests, sweep workers) cannot interleave their draws: the same seed gives the
/// same weights whatever else runs. Nothing else in NetSim draws from torch's generator.
/// </summary>
internal static class TorchRandom
{
    /// <summary>Held from seeding torch's generator to the last initial weight drawn.</summary>
    public static readonly Lock Gate = new();
}
