namespace NetSim.Kernel.Resources;

/// <summary>
/// A priority resource where a request may preempt: when no unit is free, it takes the unit of the
/// user with the worst priority (the latest granted among equals) if that priority is strictly
/// worse than its own; the preempted user's process is interrupted with a <see cref="Preempted"/>
/// cause.
/// </summary>
public sealed class PreemptiveResource(Simulation simulation, int capacity = 1, string name = "preemptive-resource")
    : PriorityResource(simulation, capacity, name)
{
    /// <summary>Asks for a unit with <paramref name="priority"/>; <paramref name="preempt"/> lets it displace a worse user.</summary>
    public Request Request(int priority, bool preempt) => File(priority, preempt);

    private protected override bool TryPreempt(Request request)
    {
        if (!request.Preempt)
        {
            return false;
        }

        Request? victim = null;
        foreach (var user in Users)
        {
            if (victim is null || user.Priority > victim.Priority || (user.Priority == victim.Priority && user.Sequence > victim.Sequence))
            {
                victim = user;
            }
        }

        if (victim is null || victim.Priority <= request.Priority)
        {
            return false;
        }

        Evict(victim);
        victim.Owner?.Interrupt(new Preempted(request.Owner, victim.GrantedAt, this));
        Grant(request);
        return true;
    }
}
