namespace NetSim.Kernel.Resources;

/// <summary>A resource whose waiting requests are served by priority (lower first), FIFO among equals.</summary>
public class PriorityResource(Simulation simulation, int capacity = 1, string name = "priority-resource")
    : Resource(simulation, capacity, name)
{
    /// <summary>Asks for a unit with <paramref name="priority"/> (lower is served first).</summary>
    public Request Request(int priority) => File(priority, false);
}
