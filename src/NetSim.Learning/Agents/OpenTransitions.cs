namespace NetSim.Learning.Agents;

/// <summary>
/// The transitions of an episode that are not complete yet: each waits for its reward (settled when
/// its epoch's tasks end) and for the next epoch's state, and is handed on, in epoch order, as soon
/// as the agent says it is ready.
/// </summary>
/// <typeparam name="T">The agent's transition.</typeparam>
/// <param name="ready">Whether a transition has all its learner needs.</param>
/// <param name="complete">Takes a ready transition (learns from it or stores it).</param>
internal sealed class OpenTransitions<T>(Func<T, bool> ready, Action<T> complete)
    where T : PendingTransition
{
    private readonly SortedDictionary<int, T> _open = new();

    /// <summary>Opens the transition of <paramref name="epoch"/>; its state is the previous epoch's next state.</summary>
    public void Open(int epoch, T transition)
    {
        if (_open.TryGetValue(epoch - 1, out var previous))
        {
            previous.Next = transition.State;
            TryComplete(epoch - 1, previous);
        }

        _open[epoch] = transition;
    }

    /// <summary>The open transition of <paramref name="epoch"/>, or null.</summary>
    public T? Get(int epoch) => _open.GetValueOrDefault(epoch);

    /// <summary>After a step: when the episode is <paramref name="done"/> the transitions without a next state are terminal; every ready one is completed.</summary>
    public void Advance(bool done)
    {
        if (done)
        {
            foreach (var t in _open.Values)
            {
                t.Terminal |= t.Next is null;
            }
        }

        foreach (var (epoch, t) in _open.ToArray())
        {
            TryComplete(epoch, t);
        }
    }

    /// <summary>Forgets every open transition (the end of an episode).</summary>
    public void Clear() => _open.Clear();

    private void TryComplete(int epoch, T transition)
    {
        if (ready(transition))
        {
            _open.Remove(epoch);
            complete(transition);
        }
    }
}
