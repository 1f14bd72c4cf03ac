using NetSim.Kernel.Events;

namespace NetSim.Kernel.Resources;

/// <summary>What a <see cref="SharedRateWake"/> wakes: a shared-rate server of any job type.</summary>
internal interface ISharedRateWake
{
    /// <summary>The completion scheduled at <paramref name="version"/> is due; ignored when the server has changed since.</summary>
    void Wake(long version);

    /// <summary>The server, for diagnostics.</summary>
    string Describe();
}

/// <summary>The scheduled next completion of a shared-rate server, valid for one version of it.</summary>
internal sealed class SharedRateWake(Simulation simulation, ISharedRateWake server, long version) : Event(simulation)
{
    internal override void Process()
    {
        State = EventState.Processed;
        server.Wake(version);
    }

    internal override string Describe() => server.Describe();
}
