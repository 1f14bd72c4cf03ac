using NetSim.Network.Building;
using NetSim.Network.Scheduling;

namespace NetSim.Learning.Agents;

/// <summary>What fixes the sizes of an agent's networks: devices, stations, cloud, partial offloading.</summary>
/// <param name="Ues">Number of UEs (devices, agents of the multi-agent schemes).</param>
/// <param name="Edges">Number of base stations with edge servers.</param>
/// <param name="Cloud">Whether a cloud exists.</param>
/// <param name="Partial">Whether offload ratios strictly between 0 and 1 are allowed.</param>
public readonly record struct WorldShape(int Ues, int Edges, bool Cloud, bool Partial)
{
    /// <summary>The shape of a world spec.</summary>
    public static WorldShape Of(WorldSpec spec) => new(spec.UeCount, spec.EdgeCount, spec.Cloud, spec.Options.PartialOffloading);

    /// <summary>The shape of the world an observation looks at.</summary>
    public static WorldShape Of(Observation o) => new(o.UeCount, o.EdgeCount, o.HasCloud, o.PartialOffloading);
}
