namespace NetSim.Network.Tasks;

/// <summary>The run's task-id counter: ids follow creation order.</summary>
internal sealed class TaskIds
{
    private long _next;

    public long Next() => _next++;
}
