using NetSim.Kernel.Randomness;
using NetSim.Network.Scheduling;

namespace NetSim.Learning.Tests;

/// <summary>Policy contexts for agents built in tests.</summary>
internal static class Contexts
{
    public static PolicyContext For(string name, ulong seed = 11, params (string Key, object? Value)[] options) =>
        new(name, new RandomStream("policy", seed), options.ToDictionary(o => o.Key, o => o.Value), null, ".");
}
