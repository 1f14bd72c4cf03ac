using NetSim.Kernel.Statistics;
using NetSim.Network.Recording;

namespace NetSim.Network;

/// <summary>
/// Queue statistics per node over the measured interval, from the warm-up cut to the end of
/// arrivals (the drain after it is excluded): every edge server, backhaul and station uplink, and
/// the cloud. UE processors are not measured (each serves one device's own tasks; their utilisation
/// stays in the summary).
/// </summary>
public sealed partial class World
{
    private QueueMeter[]? _uplinkMeters;

    /// <summary>Starts measuring every node over [<paramref name="from"/>, <paramref name="to"/>); call before the run starts.</summary>
    internal void Measure(double from, double to)
    {
        _uplinkMeters = new QueueMeter[Edges.Length];
        foreach (var edge in Edges)
        {
            edge.Server.Meter = new QueueMeter(edge.Server.Cores, from, to);
            edge.Backhaul.Meter = new QueueMeter(edge.Backhaul.Cores, from, to);
            _uplinkMeters[edge.Index] = new QueueMeter(1, from, to);
        }

        if (Cloud is not null)
        {
            Cloud.Server.Meter = new QueueMeter(Cloud.Server.Cores, from, to);
        }
    }

    /// <summary>Each measured node's statistics up to now (the end of the run), edges in order then the cloud; empty when nothing is measured.</summary>
    public IReadOnlyList<NodeStatistics> NodeStatistics()
    {
        var now = Simulation.Now;
        var result = new List<NodeStatistics>();
        if (_uplinkMeters is null)
        {
            return result;
        }

        foreach (var edge in Edges)
        {
            result.Add(new(edge.Server.Name, "server", edge.Server.Meter!.Read(now)));
            result.Add(new($"uplink:{edge.Index}", "uplink", _uplinkMeters[edge.Index].Read(now)));
            result.Add(new(edge.Backhaul.Name, "backhaul", edge.Backhaul.Meter!.Read(now)));
        }

        if (Cloud is not null)
        {
            result.Add(new(Cloud.Server.Name, "cloud", Cloud.Server.Meter!.Read(now)));
        }

        return result;
    }
}
